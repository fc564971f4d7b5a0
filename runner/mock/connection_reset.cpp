#include "mock/connection_reset.hpp"

#include <arpa/inet.h>
#include <dirent.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <cstdlib>

namespace conform::mock {
namespace {

int port_of(const sockaddr_storage& address) {
  if (address.ss_family == AF_INET) {
    return ntohs(reinterpret_cast<const sockaddr_in&>(address).sin_port);
  }
  if (address.ss_family == AF_INET6) {
    return ntohs(reinterpret_cast<const sockaddr_in6&>(address).sin6_port);
  }
  return -1;
}

bool has_ports(int fd, int local_port, int remote_port) {
  sockaddr_storage peer{};
  socklen_t size = sizeof peer;
  if (::getpeername(fd, reinterpret_cast<sockaddr*>(&peer), &size) != 0) return false;
  if (port_of(peer) != remote_port) return false;
  sockaddr_storage self{};
  size = sizeof self;
  if (::getsockname(fd, reinterpret_cast<sockaddr*>(&self), &size) != 0) return false;
  return port_of(self) == local_port;
}

}  // namespace

bool reset_connection(int local_port, int remote_port) {
  DIR* fds = ::opendir("/proc/self/fd");
  if (!fds) return false;
  bool found = false;
  while (const dirent* entry = ::readdir(fds)) {
    if (entry->d_name[0] < '0' || entry->d_name[0] > '9') continue;
    const int fd = std::atoi(entry->d_name);
    if (fd == ::dirfd(fds) || !has_ports(fd, local_port, remote_port)) continue;
    const linger abort_on_close{1, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_LINGER, &abort_on_close, sizeof abort_on_close);
    ::shutdown(fd, SHUT_RDWR);
    found = true;
    break;
  }
  ::closedir(fds);
  return found;
}

}  // namespace conform::mock

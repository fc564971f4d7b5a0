#include "support/loopback.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <cstdlib>

namespace conform::test {

int connect_to(int port, int receive_buffer) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (receive_buffer > 0) {
    ::setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &receive_buffer, sizeof receive_buffer);
  }
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
    ::close(fd);
    return -1;
  }
  return fd;
}

bool send_all(int fd, const std::string& bytes) {
  std::size_t sent = 0;
  while (sent < bytes.size()) {
    const ssize_t n = ::send(fd, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) return false;
    sent += static_cast<std::size_t>(n);
  }
  return true;
}

std::string read_until(int fd, double seconds,
                       const std::function<bool(const std::string&)>& enough, bool* closed) {
  std::string in;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
  if (closed) *closed = false;
  while (!enough(in)) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                          deadline - std::chrono::steady_clock::now())
                          .count();
    pollfd entry{fd, POLLIN, 0};
    if (left <= 0 || ::poll(&entry, 1, static_cast<int>(left)) <= 0) break;
    char buffer[65536];
    const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
    if (n <= 0) {
      if (closed) *closed = true;
      break;
    }
    in.append(buffer, static_cast<std::size_t>(n));
  }
  return in;
}

bool closes_within(int fd, double seconds) {
  bool closed = false;
  read_until(
      fd, seconds, [](const std::string&) { return false; }, &closed);
  return closed;
}

std::vector<RawResponse> responses_in(std::string bytes, bool head_only) {
  std::vector<RawResponse> out;
  while (true) {
    const std::size_t end = bytes.find("\r\n\r\n");
    if (end == std::string::npos || bytes.compare(0, 5, "HTTP/") != 0) break;
    RawResponse response;
    response.status = std::atoi(bytes.c_str() + 9);
    response.head = bytes.substr(0, end + 4);
    std::size_t length = 0;
    const std::size_t field = response.head.find("Content-Length: ");
    if (field != std::string::npos) length = std::stoul(response.head.substr(field + 16));
    if (head_only) length = 0;
    if (bytes.size() < end + 4 + length) break;
    response.body = bytes.substr(end + 4, length);
    bytes.erase(0, end + 4 + length);
    out.push_back(std::move(response));
  }
  return out;
}

int listening_port(ConformProcess& mock, int seconds) {
  const std::string line = mock.first_line(seconds);
  const std::size_t colon = line.rfind(':');
  return colon == std::string::npos ? -1 : std::atoi(line.c_str() + colon + 1);
}

}  // namespace conform::test

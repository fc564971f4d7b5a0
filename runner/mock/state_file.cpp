#include "mock/state_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "text/file_bytes.hpp"

namespace conform::mock {
namespace fs = std::filesystem;

std::string load_state(const fs::path& file, UserStore& store) {
  std::error_code error;
  if (!fs::exists(file, error)) return {};
  const auto bytes = text::read_file_bytes(file);
  if (!bytes) return file.string() + ": cannot read the state file";
  const std::string problem = store.load_json(*bytes);
  return problem.empty() ? problem : file.string() + ": " + problem;
}

std::string save_state(const fs::path& file, const UserStore& store, Durability durability) {
  const std::string text = store.to_json();
  const fs::path temporary = file.string() + ".tmp." + std::to_string(::getpid());
  const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return temporary.string() + ": " + std::strerror(errno);
  std::size_t written = 0;
  while (written < text.size()) {
    const ssize_t n = ::write(fd, text.data() + written, text.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      const std::string reason = std::strerror(errno);
      ::close(fd);
      ::unlink(temporary.c_str());
      return temporary.string() + ": " + reason;
    }
    written += static_cast<std::size_t>(n);
  }
  const bool synced = durability == Durability::process_kill || ::fsync(fd) == 0;
  const std::string sync_error = synced ? std::string() : std::strerror(errno);
  if (::close(fd) != 0 || !synced) {
    const std::string reason = synced ? std::strerror(errno) : sync_error;
    ::unlink(temporary.c_str());
    return temporary.string() + ": " + reason;
  }
  if (::rename(temporary.c_str(), file.c_str()) != 0) {
    const std::string reason = std::strerror(errno);
    ::unlink(temporary.c_str());
    return file.string() + ": " + reason;
  }
  return {};
}

}  // namespace conform::mock

#include "mock/connection_table.hpp"

#include <sys/socket.h>

namespace conform::mock {

ConnectionTable::ConnectionTable(std::size_t capacity) : capacity_(capacity) {}

bool ConnectionTable::make_room() {
  for (const Activity victim : {Activity::idle, Activity::reading}) {
    auto oldest = open_.end();
    for (auto it = open_.begin(); it != open_.end(); ++it) {
      if (it->second.activity == victim && !it->second.closing &&
          (oldest == open_.end() || it->second.since < oldest->second.since)) {
        oldest = it;
      }
    }
    if (oldest != open_.end()) {
      // Its thread sees the end of the stream and closes it; the entry goes then.
      ::shutdown(oldest->first, SHUT_RDWR);
      oldest->second.closing = true;
      return true;
    }
  }
  return false;
}

bool ConnectionTable::open(int fd) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (stopping_) return false;
  // Entries being shut down stay until their threads close them: count only the others.
  std::size_t live = 0;
  for (const auto& entry : open_) live += entry.second.closing ? 0 : 1;
  if (live >= capacity_ && !make_room()) return false;
  open_[fd] = Entry{Activity::reading, Clock::now(), false};
  return true;
}

void ConnectionTable::close(int fd) {
  std::lock_guard<std::mutex> lock(mutex_);
  open_.erase(fd);
  changed_.notify_all();
}

void ConnectionTable::set(int fd, Activity activity) {
  std::lock_guard<std::mutex> lock(mutex_);
  const auto it = open_.find(fd);
  if (it == open_.end()) return;
  it->second.activity = activity;
  it->second.since = Clock::now();
  if (activity == Activity::idle && stopping_) ::shutdown(fd, SHUT_RDWR);
}

void ConnectionTable::begin_stop() {
  std::lock_guard<std::mutex> lock(mutex_);
  stopping_ = true;
  for (const auto& [fd, entry] : open_) {
    if (entry.activity == Activity::idle) ::shutdown(fd, SHUT_RDWR);
  }
}

bool ConnectionTable::stopping() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return stopping_;
}

bool ConnectionTable::wait_until_empty(Clock::time_point deadline) {
  std::unique_lock<std::mutex> lock(mutex_);
  return changed_.wait_until(lock, deadline, [this] { return open_.empty(); });
}

void ConnectionTable::close_all() {
  std::lock_guard<std::mutex> lock(mutex_);
  closing_all_ = true;
  for (const auto& entry : open_) ::shutdown(entry.first, SHUT_RDWR);
  changed_.notify_all();
}

void ConnectionTable::sleep(std::chrono::milliseconds duration) {
  std::unique_lock<std::mutex> lock(mutex_);
  changed_.wait_for(lock, duration, [this] { return closing_all_; });
}

}  // namespace conform::mock

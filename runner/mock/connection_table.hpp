// ConnectionTable: every connection the mock holds open and what it is doing, so that
// pressure closes the idle ones first and a stop closes everything within a grace period.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <map>
#include <mutex>

namespace conform::mock {

class ConnectionTable {
 public:
  using Clock = std::chrono::steady_clock;
  enum class Activity {
    idle,     // between requests, waiting for the first byte of the next one
    reading,  // inside a request's head or body
    busy,     // a complete request being answered
  };

  explicit ConnectionTable(std::size_t capacity);

  // Registers socket `fd`. When the table is full it makes room by closing the connection
  // idle longest, else the one reading the longest (a client sending a byte a second); false
  // when every connection is busy or the mock is stopping.
  bool open(int fd);
  // Unregisters `fd`; call before closing it, so no one shuts down a reused descriptor.
  void close(int fd);
  void set(int fd, Activity activity);

  // Closes idle connections now and refuses new ones; requests in progress may finish.
  void begin_stop();
  bool stopping() const;
  // Waits until every connection has closed or `deadline` passed; true when none is left.
  bool wait_until_empty(Clock::time_point deadline);
  // Shuts every remaining connection down and ends waits in sleep().
  void close_all();
  // Sleeps `duration` (injected latency), cut short only by close_all().
  void sleep(std::chrono::milliseconds duration);

 private:
  struct Entry {
    Activity activity = Activity::idle;
    Clock::time_point since;
    bool closing = false;  // shut down to make room; its thread has yet to see it
  };
  bool make_room();  // under mutex_

  const std::size_t capacity_;
  mutable std::mutex mutex_;
  std::condition_variable changed_;
  std::map<int, Entry> open_;
  bool stopping_ = false;
  bool closing_all_ = false;
};

}  // namespace conform::mock

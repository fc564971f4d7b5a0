// EventLoop: one thread that serves many sockets through epoll, edge-triggered: a socket is
// registered once, for reading, writing and hang-up, and its watcher is told each time one of
// them becomes ready. A request's connection to the client and its exchange with the target
// live in one loop, so a request costs no thread switch, only the system calls that move its
// bytes.
#pragma once

#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <unordered_map>
#include <vector>

namespace conform::proxy {

class EventLoop {
 public:
  using Clock = std::chrono::steady_clock;
  // What a watcher reads at a time: a small request or response arrives in one read.
  static constexpr std::size_t kReadSize = 16 << 10;

  class Watcher {
   public:
    virtual ~Watcher() = default;
    // What epoll reported: EPOLLIN, EPOLLOUT, EPOLLRDHUP, EPOLLHUP, EPOLLERR.
    virtual void on_ready(std::uint32_t events) = 0;
    // When on_deadline is due; Clock::time_point::max(): never.
    virtual Clock::time_point deadline() const = 0;
    virtual void on_deadline() = 0;
  };

  EventLoop();  // throws std::runtime_error when the kernel gives no epoll or eventfd
  ~EventLoop();
  EventLoop(const EventLoop&) = delete;
  EventLoop& operator=(const EventLoop&) = delete;

  // Registers `fd` (non-blocking) for `watcher`, which must outlive the registration.
  bool add(int fd, Watcher* watcher);
  // Unregisters `fd`; events of this round already reported for it are not delivered.
  void remove(int fd);
  // Keeps `watcher` alive until the events of this round are delivered (a watcher that closes
  // itself while another event of the same round may still name it).
  void retire(std::unique_ptr<Watcher> watcher);
  // Runs `task` on the loop's thread once the events of this round are delivered.
  void post(std::function<void()> task);

  // Delivers events and deadlines until `keep_going` says no; deadlines are looked at at least
  // every 50 ms, so one fires up to that late.
  void run(const std::function<bool()>& keep_going);
  // From any thread: the loop looks at `keep_going` again now.
  void wake();

 private:
  class Wakeup;
  void fire_deadlines(Clock::time_point now);

  int epoll_ = -1;
  std::unique_ptr<Wakeup> wakeup_;
  std::unordered_map<int, Watcher*> watchers_;
  std::vector<Watcher*> removed_;  // this round's, not to be told of events
  std::vector<std::unique_ptr<Watcher>> retired_;
  std::vector<std::function<void()>> posted_;
  Clock::time_point next_deadline_scan_ = Clock::time_point::min();
};

}  // namespace conform::proxy

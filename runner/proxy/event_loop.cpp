#include "proxy/event_loop.hpp"

#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <stdexcept>

namespace conform::proxy {
namespace {

// The longest the loop sleeps without looking at the deadlines.
constexpr std::chrono::milliseconds kDeadlineScan{50};

}  // namespace

// The eventfd another thread writes to end the loop's wait.
class EventLoop::Wakeup : public Watcher {
 public:
  Wakeup() : fd_(::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC)) {}
  ~Wakeup() override {
    if (fd_ >= 0) ::close(fd_);
  }
  int fd() const { return fd_; }
  void wake() const {
    const std::uint64_t one = 1;
    [[maybe_unused]] const ssize_t written = ::write(fd_, &one, sizeof one);
  }
  void on_ready(std::uint32_t) override {
    std::uint64_t count = 0;
    [[maybe_unused]] const ssize_t read = ::read(fd_, &count, sizeof count);
  }
  Clock::time_point deadline() const override { return Clock::time_point::max(); }
  void on_deadline() override {}

 private:
  int fd_;
};

EventLoop::EventLoop()
    : epoll_(::epoll_create1(EPOLL_CLOEXEC)), wakeup_(std::make_unique<Wakeup>()) {
  if (epoll_ < 0 || wakeup_->fd() < 0 || !add(wakeup_->fd(), wakeup_.get())) {
    if (epoll_ >= 0) ::close(epoll_);
    throw std::runtime_error("cannot set up the event loop (epoll, eventfd)");
  }
}

EventLoop::~EventLoop() { ::close(epoll_); }

bool EventLoop::add(int fd, Watcher* watcher) {
  epoll_event event{};
  event.events = EPOLLIN | EPOLLOUT | EPOLLRDHUP | EPOLLET;
  event.data.ptr = watcher;
  if (::epoll_ctl(epoll_, EPOLL_CTL_ADD, fd, &event) != 0) return false;
  watchers_[fd] = watcher;
  return true;
}

void EventLoop::remove(int fd) {
  const auto found = watchers_.find(fd);
  if (found == watchers_.end()) return;
  ::epoll_ctl(epoll_, EPOLL_CTL_DEL, fd, nullptr);
  removed_.push_back(found->second);
  watchers_.erase(found);
}

void EventLoop::retire(std::unique_ptr<Watcher> watcher) { retired_.push_back(std::move(watcher)); }

void EventLoop::post(std::function<void()> task) { posted_.push_back(std::move(task)); }

void EventLoop::wake() { wakeup_->wake(); }

void EventLoop::fire_deadlines(Clock::time_point now) {
  Clock::time_point next = now + kDeadlineScan;
  std::vector<Watcher*> watchers;
  watchers.reserve(watchers_.size());
  for (const auto& [fd, watcher] : watchers_) watchers.push_back(watcher);
  for (Watcher* watcher : watchers) {
    if (std::find(removed_.begin(), removed_.end(), watcher) != removed_.end()) continue;
    const Clock::time_point due = watcher->deadline();
    if (due <= now) {
      watcher->on_deadline();
    } else {
      next = std::min(next, due);
    }
  }
  next_deadline_scan_ = next;
}

void EventLoop::run(const std::function<bool()>& keep_going) {
  epoll_event events[128];
  while (keep_going()) {
    const Clock::time_point now = Clock::now();
    if (now >= next_deadline_scan_) fire_deadlines(now);
    const auto wait = std::chrono::ceil<std::chrono::milliseconds>(next_deadline_scan_ - now);
    const int timeout =
        posted_.empty()
            ? static_cast<int>(std::clamp<long long>(wait.count(), 0, kDeadlineScan.count()))
            : 0;
    removed_.clear();
    const int ready = ::epoll_wait(epoll_, events, 128, timeout);
    for (int i = 0; i < ready; ++i) {
      auto* watcher = static_cast<Watcher*>(events[i].data.ptr);
      if (std::find(removed_.begin(), removed_.end(), watcher) != removed_.end()) continue;
      watcher->on_ready(events[i].events);
    }
    while (!posted_.empty()) {
      std::vector<std::function<void()>> tasks;
      tasks.swap(posted_);
      for (auto& task : tasks) task();
    }
    retired_.clear();
  }
}

}  // namespace conform::proxy

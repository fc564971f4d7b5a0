#include "cli/worker_pool.hpp"

namespace conform::cli {

WorkerPool::~WorkerPool() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  for (auto& thread : threads_) thread.join();
}

void WorkerPool::start(const std::function<void()>& work, unsigned helpers) {
  if (helpers == 0) return;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    while (threads_.size() < helpers) {
      const auto index = static_cast<unsigned>(threads_.size());
      threads_.emplace_back([this, index] { serve(index); });
    }
    work_ = &work;
    wanted_ = helpers;
    running_ = helpers;
    ++round_;
  }
  wake_.notify_all();
}

void WorkerPool::wait() {
  std::unique_lock<std::mutex> lock(mutex_);
  finished_.wait(lock, [this] { return running_ == 0; });
  work_ = nullptr;
}

void WorkerPool::serve(unsigned index) {
  std::uint64_t seen = 0;
  for (;;) {
    const std::function<void()>* work = nullptr;
    {
      std::unique_lock<std::mutex> lock(mutex_);
      // A helper that was started during a round takes part in it (round_ already counts it).
      wake_.wait(lock, [&] { return stopping_ || (round_ != seen && index < wanted_); });
      if (stopping_) return;
      seen = round_;
      work = work_;
    }
    (*work)();
    std::lock_guard<std::mutex> lock(mutex_);
    if (--running_ == 0) finished_.notify_one();
  }
}

}  // namespace conform::cli

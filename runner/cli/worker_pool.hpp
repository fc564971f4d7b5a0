// WorkerPool: helper threads that live for the whole command, so each batch of payloads
// does not pay for starting threads (nor for their per-thread readers and malloc arenas).
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace conform::cli {

class WorkerPool {
 public:
  WorkerPool() = default;
  ~WorkerPool();
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  // Starts `work` on `helpers` helper threads and returns at once, so the calling thread can
  // do something else (read the next batch) before it joins in. `work` must live until
  // wait() returns. Starts helpers the first time they are needed.
  void start(const std::function<void()>& work, unsigned helpers);
  // Returns when every helper of the last start() has returned.
  void wait();

 private:
  void serve(unsigned index);

  std::vector<std::thread> threads_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::condition_variable finished_;
  const std::function<void()>* work_ = nullptr;
  // Atomic as well as guarded, so a thread can watch them for a moment before it sleeps on
  // the condition variable: the next round or the last helper is usually microseconds away,
  // and a futex sleep and wake-up cost far more than that on a virtual machine.
  std::atomic<std::uint64_t> round_{0};
  std::atomic<unsigned> running_{0};  // helpers of this round still working
  std::atomic<bool> spin_{false};
  unsigned wanted_ = 0;  // helpers taking part in this round
  bool stopping_ = false;
};

}  // namespace conform::cli

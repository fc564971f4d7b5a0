#include "replay/run.hpp"

#include <chrono>
#include <ctime>
#include <exception>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <thread>

#include "http/rate_limiter.hpp"
#include "report/workspace_path.hpp"

namespace conform::replay {

std::string utc_now_rfc3339() {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return text;
}

RunResult run_cases(const std::vector<const Case*>& cases,
                    const std::map<std::string, VendorTarget>& targets,
                    const contracts::Catalog& catalog, const RunOptions& options,
                    const Progress& progress) {
  const auto started = std::chrono::steady_clock::now();
  RunResult run;
  run.target = options.target;
  run.started_at = utc_now_rfc3339();
  run.cases.resize(cases.size());
  for (const auto& [id, target] : targets) {
    if (target.manifest) {
      run.secret_members.insert(run.secret_members.end(), target.manifest->secret_fields.begin(),
                                target.manifest->secret_fields.end());
    }
  }

  http::RateLimiter limiter(options.requests_per_second);
  http::ClientOptions client_options = options.client;
  client_options.rate_limiter = &limiter;
  client_options.interrupted = options.interrupted;
  const Executor executor(catalog, options);

  // Cases of one vendor share its users: an isolated case holds its vendor's lock alone,
  // the others share it.
  std::map<std::string, std::shared_mutex> vendor_locks;
  for (const Case* test_case : cases) vendor_locks[test_case->vendor];

  std::atomic<std::size_t> next{0};
  std::atomic<bool> give_up{false};
  std::mutex progress_mutex;
  std::size_t done = 0;
  // The first exception a worker met (a response schema that does not compile when first
  // used): the other workers stop, and run_cases throws it once every thread has ended.
  std::exception_ptr failure;

  const auto skipped = [&](const Case& test_case) {
    CaseResult result;
    result.vendor = test_case.vendor;
    result.name = test_case.name;
    result.file = report::workspace_path(test_case.file.string());
    result.tags = test_case.tags;
    result.outcome = Outcome::skipped;
    return result;
  };

  const auto work = [&](http::Client& client) {
    for (std::size_t i = next++; i < cases.size(); i = next++) {
      const Case& test_case = *cases[i];
      CaseResult result;
      const bool stop = give_up.load() || (options.interrupted && options.interrupted->load()) ||
                        std::chrono::steady_clock::now() > options.deadline;
      const auto target = targets.find(test_case.vendor);
      if (stop) {
        result = skipped(test_case);
      } else if (target == targets.end()) {
        result = skipped(test_case);
        result.outcome = Outcome::error;
        StepResult step;
        step.outcome = Outcome::error;
        Finding finding;
        finding.keyword = "vendor";
        finding.message = "no vendor \"" + test_case.vendor + "\" in the catalog";
        step.findings.push_back(std::move(finding));
        result.steps.push_back(std::move(step));
      } else if (test_case.isolated) {
        std::unique_lock<std::shared_mutex> alone(vendor_locks.at(test_case.vendor));
        result = executor.run(test_case, target->second, client);
      } else {
        std::shared_lock<std::shared_mutex> shared(vendor_locks.at(test_case.vendor));
        result = executor.run(test_case, target->second, client);
      }
      if (options.fail_fast &&
          (result.outcome == Outcome::failed || result.outcome == Outcome::error)) {
        give_up = true;
      }
      std::lock_guard<std::mutex> lock(progress_mutex);
      run.cases[i] = std::move(result);
      ++done;
      if (progress) progress(run.cases[i], done, cases.size());
    }
  };
  const auto worker = [&] {
    try {
      http::Client client(client_options);
      work(client);
    } catch (...) {
      std::lock_guard<std::mutex> lock(progress_mutex);
      if (!failure) failure = std::current_exception();
      give_up = true;
    }
  };

  const std::size_t jobs = std::max<std::size_t>(
      1, std::min<std::size_t>(static_cast<std::size_t>(std::max(options.jobs, 1)), cases.size()));
  std::vector<std::thread> threads;
  for (std::size_t j = 1; j < jobs; ++j) threads.emplace_back(worker);
  worker();
  for (auto& thread : threads) thread.join();
  if (failure) std::rethrow_exception(failure);

  run.interrupted = options.interrupted && options.interrupted->load();
  run.duration_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
  return run;
}

}  // namespace conform::replay

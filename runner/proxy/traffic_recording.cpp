#include "proxy/traffic_recording.hpp"

#include <stdexcept>

#include "drift/recorder.hpp"
#include "drift/recording_layout.hpp"

namespace conform::proxy {

TrafficRecording::TrafficRecording(std::filesystem::path dir, const contracts::Manifest& vendor,
                                   std::string base_url, secret::Masker masker)
    : dir_(std::move(dir)),
      vendor_(vendor),
      base_url_(std::move(base_url)),
      masker_(std::move(masker)) {
  drift::replace_recording(dir_, {vendor_.id}, {});
}

void TrafficRecording::add(const Exchange& exchange, bool on_endpoint) {
  if (exchange.status == 0) return;  // no response: nothing to record
  const std::string operation = on_endpoint ? vendor_.endpoint.method + " " + vendor_.endpoint.path
                                            : exchange.method + " requests";
  drift::Snapshot snapshot = drift::response_snapshot(exchange, base_url_, masker_);
  snapshot.vendor = vendor_.id;
  snapshot.case_name = operation;
  snapshot.case_file = "proxy";
  snapshot.step_name = exchange.method + " " + snapshot.path;
  const std::string folder = drift::slug(operation);
  {
    std::lock_guard<std::mutex> lock(mutex_);
    snapshot.step = next_[folder]++;
  }
  snapshot.relative_path =
      vendor_.id + "/" + folder + "/" + std::to_string(snapshot.step) + ".json";
  try {
    drift::write_snapshots({snapshot}, dir_);
  } catch (const std::exception& e) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (error_.empty()) error_ = e.what();
  }
}

std::string TrafficRecording::error() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return error_;
}

}  // namespace conform::proxy

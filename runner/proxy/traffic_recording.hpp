// TrafficRecording: each response the proxy passes back, written at once as a snapshot in
// `conform record`'s layout (drift/recording_layout.hpp), so `conform drift` and
// `conform infer` read real traffic: <vendor>/<operation>/<n>.json, n counting from 0 for
// each operation ("put-users-user-id" for the vendor's update, "get-requests" for the rest).
#pragma once

#include <filesystem>
#include <map>
#include <mutex>
#include <string>

#include "contracts/manifest.hpp"
#include "model/case_result.hpp"
#include "secret/masker.hpp"

namespace conform::proxy {

class TrafficRecording {
 public:
  // Replaces the vendor's earlier recording under `dir`; `base_url` is stripped from each
  // path. Throws std::runtime_error (or a filesystem_error) when `dir` cannot be written.
  TrafficRecording(std::filesystem::path dir, const contracts::Manifest& vendor,
                   std::string base_url, secret::Masker masker);

  // Writes the exchange's response (secrets masked) as the next snapshot of its operation:
  // the vendor's documented operation when `on_endpoint`. Thread-safe; a write that fails is
  // remembered (error()), not thrown.
  void add(const Exchange& exchange, bool on_endpoint);

  // The first write that failed, "" while every one succeeded.
  std::string error() const;

 private:
  std::filesystem::path dir_;
  const contracts::Manifest& vendor_;
  std::string base_url_;
  secret::Masker masker_;
  mutable std::mutex mutex_;
  std::map<std::string, int> next_;  // operation slug -> the next snapshot's number
  std::string error_;
};

}  // namespace conform::proxy

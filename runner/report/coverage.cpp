#include "report/coverage.hpp"

#include <algorithm>
#include <string>

#include "model/format.hpp"
#include "text/ascii_case.hpp"

namespace conform::report {
namespace {

std::string content_type(const Headers& headers) {
  for (const auto& [name, value] : headers) {
    if (text::equals_ignoring_case(name, "content-type")) return media_type_essence(value);
  }
  return {};
}

// Success statuses are "status" items; 4xx, 5xx and "default" are error envelopes.
const char* status_kind(const std::string& status) {
  return status == "default" || (!status.empty() && status[0] >= '4') ? "error-envelope" : "status";
}

}  // namespace

std::string coverage_label(const CoverageItem& item) {
  if (item.kind == "error-envelope") return "error " + item.value;
  if (item.kind == "request-media-type") return "request " + item.value;
  if (item.kind == "response-media-type") return "response " + item.value;
  return item.kind + " " + item.value;
}

CoverageCounter::CoverageCounter(const contracts::Manifest& manifest) : coverage_{manifest.id, {}} {
  for (const auto& message : manifest.messages) {
    if (message.id.kind != MessageId::Kind::response) continue;
    statuses_.push_back(message.id.status);
    coverage_.items.push_back({status_kind(message.id.status), message.id.status, 0});
  }
  for (const auto& type : manifest.request_media_types) {
    coverage_.items.push_back({"request-media-type", media_type_essence(type), 0});
  }
  for (const auto& type : manifest.response_media_types) {
    coverage_.items.push_back({"response-media-type", media_type_essence(type), 0});
  }
  has_default_ = std::find(statuses_.begin(), statuses_.end(), "default") != statuses_.end();
}

void CoverageCounter::count(const Exchange& exchange) {
  const auto hit = [&](const std::string& kind, const std::string& value) {
    for (auto& item : coverage_.items) {
      if (item.kind == kind && item.value == value) {
        ++item.exchanges;
        return;
      }
    }
  };
  if (exchange.status != 0) {
    std::string status = std::to_string(exchange.status);
    if (std::find(statuses_.begin(), statuses_.end(), status) == statuses_.end() && has_default_) {
      status = "default";
    }
    for (auto& item : coverage_.items) {
      if ((item.kind == "status" || item.kind == "error-envelope") && item.value == status) {
        ++item.exchanges;
      }
    }
    const std::string response_type = content_type(exchange.response_headers);
    if (!response_type.empty() && !exchange.response_body.empty()) {
      hit("response-media-type", response_type);
    }
  }
  const std::string request_type = content_type(exchange.request_headers);
  if (!request_type.empty()) hit("request-media-type", request_type);
}

std::vector<VendorCoverage> measure_coverage(const RunResult& run,
                                             const std::vector<contracts::Manifest>& vendors) {
  std::vector<VendorCoverage> all;
  for (const auto& manifest : vendors) {
    const bool has_cases =
        std::any_of(run.cases.begin(), run.cases.end(),
                    [&](const CaseResult& c) { return c.vendor == manifest.id; });
    if (!has_cases) continue;
    CoverageCounter counter(manifest);
    for (const auto& result : run.cases) {
      if (result.vendor != manifest.id) continue;
      for (const auto& step : result.steps) counter.count(step.exchange);
    }
    all.push_back(counter.coverage());
  }
  return all;
}

}  // namespace conform::report

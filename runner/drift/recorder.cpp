#include "drift/recorder.hpp"

#include <algorithm>
#include <set>

#include "secret/masker.hpp"
#include "text/ascii_case.hpp"

namespace conform::drift {
namespace {
namespace fs = std::filesystem;

// Headers that describe the body or the API's behaviour; dates, request ids and cookies
// change on every call and are left out so two recordings stay comparable.
const std::set<std::string>& kept_headers() {
  static const std::set<std::string> names{"content-type", "location", "allow", "retry-after",
                                           "www-authenticate"};
  return names;
}

std::string path_below(const std::string& url, const std::string& base_url) {
  if (!base_url.empty() && url.compare(0, base_url.size(), base_url) == 0) {
    return url.substr(base_url.size());
  }
  // Not below the base (a redirect, a --base elsewhere): keep the path after the host.
  const auto scheme = url.find("://");
  const auto slash = url.find('/', scheme == std::string::npos ? 0 : scheme + 3);
  return slash == std::string::npos ? "/" : url.substr(slash);
}

}  // namespace

Snapshot response_snapshot(const Exchange& exchange, const std::string& base_url,
                           const secret::Masker& masker) {
  Snapshot snapshot;
  snapshot.method = exchange.method;
  snapshot.path = masker.mask_url(path_below(exchange.url, base_url));
  snapshot.status = exchange.status;
  for (const auto& [name, value] : exchange.response_headers) {
    const std::string key = text::to_lower_ascii(name);
    if (!kept_headers().count(key)) continue;
    snapshot.headers.emplace_back(
        key, masker.policy().is_credential_header(key) ? masker.mask_header(key, value) : value);
  }
  std::sort(snapshot.headers.begin(), snapshot.headers.end());
  // Secret-named members and bare markers the caller left are masked again; keys and
  // structure never are.
  snapshot.body = masker.mask_body(exchange.response_headers, exchange.response_body);
  return snapshot;
}

std::vector<Snapshot> snapshots_of(const std::vector<CaseResult>& results,
                                   const std::vector<const replay::Case*>& cases,
                                   const std::map<std::string, std::string>& base_urls) {
  std::vector<Snapshot> out;
  const secret::Masker masker;
  std::map<std::string, int> slugs_taken;  // "<vendor>/<slug>" -> times used
  for (std::size_t i = 0; i < results.size() && i < cases.size(); ++i) {
    const CaseResult& result = results[i];
    const replay::Case& test_case = *cases[i];
    const std::string file_name = fs::path(result.file).filename().string();
    std::string case_slug = slug(fs::path(result.file).stem().string());
    const int taken = ++slugs_taken[result.vendor + "/" + case_slug];
    if (taken > 1) case_slug += "-" + std::to_string(taken);
    const auto base = base_urls.find(result.vendor);
    for (std::size_t s = 0; s < result.steps.size(); ++s) {
      const StepResult& step = result.steps[s];
      const Exchange& exchange = step.exchange;
      if (exchange.status == 0) continue;  // no response: nothing to record
      Snapshot snapshot =
          response_snapshot(exchange, base == base_urls.end() ? "" : base->second, masker);
      snapshot.vendor = result.vendor;
      snapshot.case_name = result.name;
      snapshot.case_file = file_name;
      snapshot.step = static_cast<int>(s);
      snapshot.step_name = step.name;
      if (s < test_case.steps.size()) snapshot.expect_schema = test_case.steps[s].expect.schema;
      snapshot.relative_path = result.vendor + "/" + case_slug + "/" + std::to_string(s) + ".json";
      out.push_back(std::move(snapshot));
    }
  }
  std::sort(out.begin(), out.end(),
            [](const Snapshot& a, const Snapshot& b) { return a.relative_path < b.relative_path; });
  return out;
}

}  // namespace conform::drift

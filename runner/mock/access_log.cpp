#include "mock/access_log.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <utility>

namespace conform::mock {
namespace {

std::string lowercase(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

bool is_secret_name(std::string_view name, const std::set<std::string>& secret_names) {
  const std::string lower = lowercase(name);
  for (const auto& secret : secret_names) {
    if (lower == lowercase(secret)) return true;
  }
  static constexpr std::array<std::string_view, 5> kHints = {"key", "token", "password", "secret",
                                                             "auth"};
  return std::any_of(kHints.begin(), kHints.end(),
                     [&](std::string_view hint) { return lower.find(hint) != std::string::npos; });
}

std::string redact_query(std::string_view query, const std::set<std::string>& secret_names) {
  std::string out;
  std::size_t start = 0;
  while (start <= query.size()) {
    const std::size_t amp = query.find('&', start);
    const std::string_view pair =
        query.substr(start, amp == std::string_view::npos ? std::string_view::npos : amp - start);
    const std::size_t equals = pair.find('=');
    if (!out.empty()) out.push_back('&');
    if (equals != std::string_view::npos && is_secret_name(pair.substr(0, equals), secret_names)) {
      out.append(pair.substr(0, equals + 1)).append("***");
    } else {
      out.append(pair);
    }
    if (amp == std::string_view::npos) break;
    start = amp + 1;
  }
  return out;
}

}  // namespace

std::string access_log_line(std::string_view method, std::string_view target, int status,
                            double milliseconds, const std::set<std::string>& secret_names) {
  std::string line(method);
  line.push_back(' ');
  const std::size_t question = target.find('?');
  line.append(target.substr(0, question));
  if (question != std::string_view::npos) {
    line.push_back('?');
    line += redact_query(target.substr(question + 1), secret_names);
  }
  char tail[48];
  std::snprintf(tail, sizeof tail, " %d %.1fms", status, milliseconds);
  line += tail;
  return line;
}

AccessLog::AccessLog(std::ostream* out, std::set<std::string> secret_names)
    : out_(out), secret_names_(std::move(secret_names)) {}

void AccessLog::write(std::string_view method, std::string_view target, int status,
                      double milliseconds) {
  if (!out_) return;
  const std::string line = access_log_line(method, target, status, milliseconds, secret_names_);
  std::lock_guard<std::mutex> lock(mutex_);
  *out_ << line << '\n';
  out_->flush();
}

}  // namespace conform::mock

#include "mock/access_log.hpp"

#include <cstdio>

#include "text/terminal.hpp"

namespace conform::mock {
namespace {

// The manifests' secret member names are secret query parameters too.
secret::Masker masker_of(const std::set<std::string>& secret_names) {
  secret::Policy policy;
  policy.add_member_names({secret_names.begin(), secret_names.end()});
  return secret::Masker(policy);
}

std::string line_of(std::string_view method, std::string_view target, int status,
                    double milliseconds, const secret::Masker& masker) {
  // A client chooses every byte of the target: escaped, it cannot forge a line or drive the
  // terminal the log is read on.
  std::string line = text::escape_for_terminal(method);
  line.push_back(' ');
  line += text::escape_for_terminal(masker.mask_url(target));
  char tail[48];
  std::snprintf(tail, sizeof tail, " %d %.1fms", status, milliseconds);
  line += tail;
  return line;
}

}  // namespace

std::string access_log_line(std::string_view method, std::string_view target, int status,
                            double milliseconds, const std::set<std::string>& secret_names) {
  return line_of(method, target, status, milliseconds, masker_of(secret_names));
}

AccessLog::AccessLog(std::ostream* out, const std::set<std::string>& secret_names)
    : out_(out), masker_(masker_of(secret_names)) {}

void AccessLog::write(std::string_view method, std::string_view target, int status,
                      double milliseconds) {
  if (!out_) return;
  std::string line = line_of(method, target, status, milliseconds, masker_);
  line.push_back('\n');  // one write per line: std::cerr writes each insertion at once
  std::lock_guard<std::mutex> lock(mutex_);
  out_->write(line.data(), static_cast<std::streamsize>(line.size()));
  out_->flush();
}

void AccessLog::write_refused(std::string_view request_line, int status) {
  const std::size_t space = request_line.find(' ');
  std::string_view target =
      space == std::string_view::npos ? std::string_view() : request_line.substr(space + 1);
  target = target.substr(0, target.rfind(" HTTP/"));
  write(request_line.substr(0, space), target, status, 0);
}

}  // namespace conform::mock

// AccessLog: one line per request (method, path, status, milliseconds), secrets redacted.
#pragma once

#include <mutex>
#include <ostream>
#include <set>
#include <string>
#include <string_view>

namespace conform::mock {

// "PUT /api/v2/user?format=json&IntegrationKey=*** 401 0.4ms": a query value is replaced by
// "***" when its name is in `secret_names` or says it is a secret (key, token, password,
// secret, auth), so the line never carries a credential. Status 0: the connection was reset.
std::string access_log_line(std::string_view method, std::string_view target, int status,
                            double milliseconds, const std::set<std::string>& secret_names);

class AccessLog {
 public:
  AccessLog(std::ostream* out, std::set<std::string> secret_names);
  void write(std::string_view method, std::string_view target, int status, double milliseconds);

 private:
  std::ostream* out_;
  std::set<std::string> secret_names_;
  std::mutex mutex_;
};

}  // namespace conform::mock

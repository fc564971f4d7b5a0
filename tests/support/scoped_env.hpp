// ScopedEnv: sets or clears an environment variable for one test (and the conform processes
// it starts), restoring what was there before when the object goes.
#pragma once

#include <optional>
#include <string>

namespace conform::test {

class ScopedEnv {
 public:
  // A null `value` clears the variable.
  ScopedEnv(const char* name, const char* value);
  ~ScopedEnv();
  ScopedEnv(const ScopedEnv&) = delete;
  ScopedEnv& operator=(const ScopedEnv&) = delete;

 private:
  std::string name_;
  std::optional<std::string> old_;
};

}  // namespace conform::test

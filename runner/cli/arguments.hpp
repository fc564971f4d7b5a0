// Arguments: a subcommand's command line split into options, flags and positionals.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace conform::cli {

class Arguments {
 public:
  // `with_value`: options that take a value (`--port 8080` or `--port=8080`);
  // `flags`: options that take none. Anything else starting with "--" is a usage error,
  // as is a missing value. "-" alone is a positional (stdin); "--" ends the options.
  Arguments(const std::vector<std::string>& args, const std::set<std::string>& with_value,
            const std::set<std::string>& flags);

  // Empty when the command line parsed; otherwise one line saying what is wrong.
  const std::string& error() const { return error_; }

  const std::vector<std::string>& positional() const { return positional_; }
  bool flag(const std::string& name) const { return flags_.count(name) > 0; }
  // The last value given for `name`.
  std::optional<std::string> value(const std::string& name) const;
  // Every value given for a repeatable option, in order.
  std::vector<std::string> values(const std::string& name) const;

 private:
  std::string error_;
  std::vector<std::string> positional_;
  std::set<std::string> flags_;
  std::multimap<std::string, std::string> values_;
};

// Parses a whole positive number ("--jobs 4"); nullopt when it is not one.
std::optional<long> parse_count(const std::string& text);

// Parses a whole number from 0 to `max` ("--port 0") into `out`; false when it is not one.
bool parse_whole(const std::string& text, unsigned long long max, unsigned long long& out);

}  // namespace conform::cli

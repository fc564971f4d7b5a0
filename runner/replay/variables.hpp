// Variables: ${NAME} values for case files, each remembering whether it is a secret.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "model/finding.hpp"
#include "secret/masker.hpp"

namespace conform::replay {

struct Variable {
  std::string value;
  bool secret = false;
};

class Variables {
 public:
  // A later set() of the same name wins; a name once secret stays secret.
  void set(const std::string& name, std::string value, bool secret = false);
  const Variable* find(const std::string& name) const;
  // Copies every variable of `other` over this one's.
  void merge(const Variables& other);

  // Replaces every ${NAME}; names without a value are appended to `missing` and left as
  // written (so the placeholder check catches them too).
  std::string expand(std::string_view text, std::vector<std::string>* missing) const;

  // "${a} refers to ${b}" for each variable whose value holds a ${NAME} of a variable that is
  // defined (itself included): values are not expanded again, so it would be sent as written.
  std::vector<std::string> nested_references() const;

  // Adds every secret value to `masker`.
  void add_secrets_to(secret::Masker& masker) const;

  const std::map<std::string, Variable>& all() const { return values_; }

 private:
  std::map<std::string, Variable> values_;
};

// "K=V" -> (K, V); false when there is no '=' or K is empty or not a variable name.
bool parse_assignment(std::string_view text, std::string& name, std::string& value);

// A vars file: one K=V per line; "secret K=V" marks a secret; blank lines and lines
// starting with # are skipped. Problems come back as findings with their line.
Findings read_vars_file(const std::filesystem::path& file, Variables& into);

// Unexpanded placeholders left in a URL: {id}, %7Bid%7D, ${NAME}. One finding each
// (keyword "placeholder").
Findings find_placeholders(std::string_view url);

}  // namespace conform::replay

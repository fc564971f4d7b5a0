#include "replay/variables.hpp"

#include <cctype>
#include <fstream>

namespace conform::replay {
namespace {

bool is_name_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '-' || c == '.';
}

bool is_name(std::string_view text) {
  if (text.empty()) return false;
  for (const char c : text) {
    if (!is_name_char(c)) return false;
  }
  return true;
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) {
    text.remove_prefix(1);
  }
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) {
    text.remove_suffix(1);
  }
  return text;
}

bool iequals_prefix(std::string_view text, std::size_t at, std::string_view prefix) {
  if (text.size() - at < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(text[at + i])) != prefix[i]) return false;
  }
  return true;
}

Finding placeholder_finding(std::string_view url, std::size_t at, std::size_t length) {
  Finding finding;
  finding.keyword = "placeholder";
  finding.column = static_cast<int>(at) + 1;
  finding.length = static_cast<int>(length);
  finding.actual = std::string(url.substr(at, length));
  finding.message = "the URL still holds the placeholder " + *finding.actual +
                    ": set the variable it needs (--var NAME=VALUE) or fix the path";
  return finding;
}

}  // namespace

void Variables::set(const std::string& name, std::string value, bool secret) {
  Variable& slot = values_[name];
  slot.secret = slot.secret || secret;
  slot.value = std::move(value);
}

const Variable* Variables::find(const std::string& name) const {
  const auto it = values_.find(name);
  return it == values_.end() ? nullptr : &it->second;
}

void Variables::merge(const Variables& other) {
  for (const auto& [name, variable] : other.values_) set(name, variable.value, variable.secret);
}

std::string Variables::expand(std::string_view text, std::vector<std::string>* missing) const {
  std::string out;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const auto open = text.find("${", pos);
    if (open == std::string_view::npos) break;
    const auto close = text.find('}', open + 2);
    if (close == std::string_view::npos) break;
    out.append(text.substr(pos, open - pos));
    const std::string name(text.substr(open + 2, close - open - 2));
    if (const Variable* variable = find(name); variable && is_name(name)) {
      out += variable->value;
    } else {
      if (missing) missing->push_back(name);
      out.append(text.substr(open, close - open + 1));
    }
    pos = close + 1;
  }
  out.append(text.substr(pos));
  return out;
}

std::vector<std::string> Variables::nested_references() const {
  std::vector<std::string> out;
  for (const auto& [name, variable] : values_) {
    const std::string& text = variable.value;
    for (auto open = text.find("${"); open != std::string::npos; open = text.find("${", open + 2)) {
      const auto close = text.find('}', open + 2);
      if (close == std::string::npos) break;
      const std::string inner = text.substr(open + 2, close - open - 2);
      if (is_name(inner) && values_.count(inner)) {
        out.push_back("${" + name + "} refers to ${" + inner + "}");
      }
    }
  }
  return out;
}

void Variables::add_secrets_to(secret::Masker& masker) const {
  for (const auto& [name, variable] : values_) {
    if (variable.secret) masker.add_secret(variable.value);
  }
}

bool parse_assignment(std::string_view text, std::string& name, std::string& value) {
  const auto eq = text.find('=');
  if (eq == std::string_view::npos) return false;
  const std::string_view key = trim(text.substr(0, eq));
  if (!is_name(key)) return false;
  name = std::string(key);
  value = std::string(text.substr(eq + 1));
  return true;
}

Findings read_vars_file(const std::filesystem::path& file, Variables& into) {
  Findings findings;
  std::ifstream in(file);
  if (!in) {
    Finding finding;
    finding.keyword = "io";
    finding.message = file.string() + ": cannot read the vars file";
    findings.push_back(finding);
    return findings;
  }
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    std::string_view text = trim(line);
    if (text.empty() || text.front() == '#') continue;
    bool secret = false;
    if (text.substr(0, 7) == "secret ") {
      secret = true;
      text = trim(text.substr(7));
    }
    std::string name;
    std::string value;
    if (!parse_assignment(text, name, value)) {
      Finding finding;
      finding.keyword = "syntax";
      finding.line = number;
      finding.column = 1;
      finding.message = "expected NAME=VALUE (or secret NAME=VALUE)";
      findings.push_back(finding);
      continue;
    }
    into.set(name, value, secret);
  }
  return findings;
}

Findings find_placeholders(std::string_view url) {
  Findings findings;
  for (std::size_t i = 0; i < url.size(); ++i) {
    if (url[i] == '{' || (url[i] == '$' && i + 1 < url.size() && url[i + 1] == '{')) {
      const auto close = url.find('}', i);
      if (close != std::string_view::npos) {
        findings.push_back(placeholder_finding(url, i, close - i + 1));
        i = close;
      }
    } else if (url[i] == '%' && iequals_prefix(url, i, "%7b")) {
      std::size_t close = i + 3;
      while (close < url.size() && !iequals_prefix(url, close, "%7d")) ++close;
      if (close < url.size()) {
        findings.push_back(placeholder_finding(url, i, close + 3 - i));
        i = close + 2;
      }
    }
  }
  return findings;
}

}  // namespace conform::replay

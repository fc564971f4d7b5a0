#include "schema/ecma_regex.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdio>

#include "text/percent.hpp"

namespace conform::schema {
namespace {

// ECMA-262 WhiteSpace and LineTerminator, the members of \s.
constexpr const char* kSpaceMembers =
    "\\t\\n\\v\\f\\r \\x{a0}\\x{1680}\\x{2000}-\\x{200a}\\x{2028}\\x{2029}\\x{202f}\\x{205f}"
    "\\x{3000}\\x{feff}";

bool read_hex4(std::string_view p, std::size_t pos, std::uint32_t& value) {
  if (pos + 4 > p.size()) return false;
  value = 0;
  for (std::size_t i = pos; i < pos + 4; ++i) {
    int digit = text::hex_digit_value(p[i]);
    if (digit < 0) return false;
    value = value * 16 + static_cast<std::uint32_t>(digit);
  }
  return true;
}

void append_code_point(std::string& out, std::uint32_t code_point) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "\\x{%x}", code_point);
  out += buffer;
}

bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

class Translator {
 public:
  // `syntax_only`: lookarounds and backreferences become plain groups and nothing, so the
  // rest of the pattern can still be checked (format "regex" asks only for validity).
  Translator(std::string_view pattern, bool syntax_only) : p_(pattern), syntax_only_(syntax_only) {}

  bool run(std::string& out, std::string& error) {
    for (pos_ = 0; pos_ < p_.size(); ++pos_) {
      char c = p_[pos_];
      if (c == '\\') {
        if (!escape(out, error)) return false;
      } else if (in_class_) {
        if (c == ']') {
          in_class_ = false;
          out.push_back(']');
        } else if (c == '[') {
          out += "\\[";
        } else {
          out.push_back(c);
        }
      } else if (c == '[') {
        open_class(out);
      } else if (c == '.') {
        out += "[^\\n\\r\\x{2028}\\x{2029}]";
      } else if (c == '(') {
        if (!group(out, error)) return false;
      } else {
        out.push_back(c);
      }
    }
    if (in_class_) {
      error = "unterminated character class";
      return false;
    }
    return true;
  }

 private:
  void open_class(std::string& out) {
    std::size_t next = pos_ + 1;
    bool negated = next < p_.size() && p_[next] == '^';
    if (negated) ++next;
    if (next < p_.size() && p_[next] == ']') {
      // "[]" matches nothing and "[^]" matches anything in ECMA-262.
      out += negated ? "(?s:.)" : "[^\\x00-\\x{10ffff}]";
      pos_ = next;
      return;
    }
    in_class_ = true;
    out += negated ? "[^" : "[";
    pos_ = next - 1;
  }

  bool group(std::string& out, std::string& error) {
    std::string_view rest = p_.substr(pos_);
    if (rest.size() > 2 && rest[1] == '?' && rest[2] != ':' && rest[2] != '=' && rest[2] != '!' &&
        rest[2] != '<') {
      error = "\"" + std::string(rest.substr(0, 3)) + "\" is not ECMA-262 syntax";
      return false;
    }
    if (rest.substr(0, 3) == "(?=" || rest.substr(0, 3) == "(?!" || rest.substr(0, 4) == "(?<=" ||
        rest.substr(0, 4) == "(?<!") {
      if (syntax_only_) {
        out += "(?:";
        pos_ += rest[2] == '<' ? 3 : 2;
        return true;
      }
      error = "lookaround assertions are not supported (matching must stay linear-time)";
      return false;
    }
    if (rest.substr(0, 3) == "(?<") {
      out += "(?P<";
      pos_ += 2;
      return true;
    }
    out.push_back('(');
    return true;
  }

  bool escape(std::string& out, std::string& error) {
    if (pos_ + 1 >= p_.size()) {
      error = "pattern ends with a backslash";
      return false;
    }
    char c = p_[++pos_];
    switch (c) {
      case 'd':
      case 'D':
      case 'w':
      case 'W':
      case 't':
      case 'n':
      case 'r':
      case 'f':
      case 'v':
        out.push_back('\\');
        out.push_back(c);
        return true;
      case 's':
        if (in_class_) {
          out += kSpaceMembers;
        } else {
          out += "[";
          out += kSpaceMembers;
          out += "]";
        }
        return true;
      case 'S':
        if (in_class_) {
          error = "\\S inside a character class is not supported";
          return false;
        }
        out += "[^";
        out += kSpaceMembers;
        out += "]";
        return true;
      case 'b':
        out += in_class_ ? "\\x08" : "\\b";
        return true;
      case 'B':
        out += "\\B";
        return true;
      case '0':
        out += "\\x00";
        return true;
      case 'c':
        if (pos_ + 1 < p_.size() && is_ascii_letter(p_[pos_ + 1])) {
          append_code_point(out, static_cast<std::uint32_t>(p_[++pos_]) % 32);
        } else {
          out += "\\\\c";
        }
        return true;
      case 'x':
        if (pos_ + 2 < p_.size() && text::hex_digit_value(p_[pos_ + 1]) >= 0 &&
            text::hex_digit_value(p_[pos_ + 2]) >= 0) {
          out += "\\x";
          out.push_back(p_[pos_ + 1]);
          out.push_back(p_[pos_ + 2]);
          pos_ += 2;
        } else {
          out.push_back('x');
        }
        return true;
      case 'u':
        return unicode_escape(out);
      case 'p':
      case 'P':
        return property_escape(out, c);
      case 'k':
        if (syntax_only_ && pos_ + 1 < p_.size() && p_[pos_ + 1] == '<') {
          std::size_t close = p_.find('>', pos_);
          if (close != std::string_view::npos) {
            pos_ = close;
            return true;
          }
        }
        error = "named backreferences are not supported (matching must stay linear-time)";
        return false;
      default:
        break;
    }
    if (c >= '1' && c <= '9') {
      if (syntax_only_) {
        while (pos_ + 1 < p_.size() && p_[pos_ + 1] >= '0' && p_[pos_ + 1] <= '9') ++pos_;
        return true;
      }
      error = "backreferences are not supported (matching must stay linear-time)";
      return false;
    }
    if (is_ascii_letter(c)) {
      error = std::string("\\") + c + " is not an ECMA-262 escape";
      return false;
    }
    if (c == '_' || static_cast<unsigned char>(c) >= 0x80) {
      out.push_back(c);  // an identity escape: the character itself
      return true;
    }
    if (c == '/') {
      out.push_back('/');
      return true;
    }
    out.push_back('\\');
    out.push_back(c);
    return true;
  }

  // \p{Letter} and friends: ECMA-262 long general-category names become RE2's short ones.
  bool property_escape(std::string& out, char kind) {
    static const struct {
      std::string_view long_name;
      const char* short_name;
    } names[] = {{"Letter", "L"},
                 {"Lowercase_Letter", "Ll"},
                 {"Uppercase_Letter", "Lu"},
                 {"Number", "N"},
                 {"Decimal_Number", "Nd"},
                 {"digit", "Nd"},
                 {"Punctuation", "P"},
                 {"Symbol", "S"},
                 {"Mark", "M"},
                 {"Separator", "Z"},
                 {"Space_Separator", "Zs"},
                 {"Other", "C"},
                 {"Control", "Cc"},
                 {"Letter_Number", "Nl"},
                 {"Other_Number", "No"}};
    out.push_back('\\');
    out.push_back(kind);
    std::size_t close = p_.find('}', pos_);
    if (pos_ + 1 < p_.size() && p_[pos_ + 1] == '{' && close != std::string_view::npos) {
      std::string_view name = p_.substr(pos_ + 2, close - pos_ - 2);
      for (const auto& entry : names) {
        if (entry.long_name == name) {
          out += "{";
          out += entry.short_name;
          out += "}";
          pos_ = close;
          return true;
        }
      }
    }
    return true;
  }

  bool unicode_escape(std::string& out) {
    std::uint32_t unit = 0;
    if (pos_ + 1 < p_.size() && p_[pos_ + 1] == '{') {
      std::size_t close = p_.find('}', pos_);
      if (close != std::string_view::npos) {
        out += "\\x";
        out.append(p_.substr(pos_ + 1, close - pos_));
        pos_ = close;
        return true;
      }
    }
    if (!read_hex4(p_, pos_ + 1, unit)) {
      out.push_back('u');
      return true;
    }
    pos_ += 4;
    std::uint32_t low = 0;
    if (unit >= 0xD800 && unit <= 0xDBFF && pos_ + 2 < p_.size() && p_[pos_ + 1] == '\\' &&
        p_[pos_ + 2] == 'u' && read_hex4(p_, pos_ + 3, low) && low >= 0xDC00 && low <= 0xDFFF) {
      unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
      pos_ += 6;
    }
    append_code_point(out, unit);
    return true;
  }

  std::string_view p_;
  bool syntax_only_;
  std::size_t pos_ = 0;
  bool in_class_ = false;
};

}  // namespace

bool translate_ecma_regex(std::string_view pattern, std::string& re2_pattern, std::string& error) {
  re2_pattern.clear();
  return Translator(pattern, false).run(re2_pattern, error);
}

namespace {

std::unique_ptr<RE2> compile_translated(const std::string& translated, std::string& error) {
  RE2::Options options;
  options.set_log_errors(false);
  options.set_max_mem(std::int64_t{32} << 20);
  auto regex = std::make_unique<RE2>(translated, options);
  if (!regex->ok()) {
    error = regex->error();
    return nullptr;
  }
  return regex;
}

}  // namespace

std::unique_ptr<RE2> compile_ecma_regex(std::string_view pattern, std::string& error) {
  std::string translated;
  if (!translate_ecma_regex(pattern, translated, error)) return nullptr;
  return compile_translated(translated, error);
}

bool is_valid_ecma_regex(std::string_view pattern) {
  std::string translated, error;
  if (!Translator(pattern, true).run(translated, error)) return false;
  return compile_translated(translated, error) != nullptr;
}

}  // namespace conform::schema

#include "schema/formats.hpp"

#include <cstddef>
#include <cstdint>

#include "schema/ecma_regex.hpp"
#include "schema/hostname.hpp"
#include "schema/idn.hpp"

namespace conform::schema {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_hex(char c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

// Reads exactly `count` ASCII digits at `pos`.
bool read_digits(std::string_view s, std::size_t pos, std::size_t count, int& value) {
  if (pos + count > s.size()) return false;
  value = 0;
  for (std::size_t i = pos; i < pos + count; ++i) {
    if (!is_digit(s[i])) return false;
    value = value * 10 + (s[i] - '0');
  }
  return true;
}

bool is_leap_year(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
  static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap_year(year) ? 29 : days[month - 1];
}

// RFC 3339 full-date: YYYY-MM-DD.
bool check_date(std::string_view s) {
  int year = 0, month = 0, day = 0;
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  if (!read_digits(s, 0, 4, year) || !read_digits(s, 5, 2, month) || !read_digits(s, 8, 2, day))
    return false;
  return month >= 1 && month <= 12 && day >= 1 && day <= days_in_month(year, month);
}

// RFC 3339 full-time: HH:MM:SS[.frac](Z|+HH:MM|-HH:MM). A leap second is valid only at
// 23:59 UTC.
bool check_time(std::string_view s) {
  int hour = 0, minute = 0, second = 0;
  if (s.size() < 9 || s[2] != ':' || s[5] != ':') return false;
  if (!read_digits(s, 0, 2, hour) || !read_digits(s, 3, 2, minute) || !read_digits(s, 6, 2, second))
    return false;
  if (hour > 23 || minute > 59 || second > 60) return false;
  std::size_t pos = 8;
  if (pos < s.size() && s[pos] == '.') {
    std::size_t start = ++pos;
    while (pos < s.size() && is_digit(s[pos])) ++pos;
    if (pos == start) return false;
  }
  if (pos >= s.size()) return false;
  int offset_minutes = 0;
  if (s[pos] == 'Z' || s[pos] == 'z') {
    if (pos + 1 != s.size()) return false;
  } else if (s[pos] == '+' || s[pos] == '-') {
    int offset_hour = 0, offset_minute = 0;
    if (s.size() != pos + 6 || s[pos + 3] != ':') return false;
    if (!read_digits(s, pos + 1, 2, offset_hour) || !read_digits(s, pos + 4, 2, offset_minute))
      return false;
    if (offset_hour > 23 || offset_minute > 59) return false;
    offset_minutes = (offset_hour * 60 + offset_minute) * (s[pos] == '+' ? 1 : -1);
  } else {
    return false;
  }
  if (second == 60) {
    int utc = ((hour * 60 + minute - offset_minutes) % 1440 + 1440) % 1440;
    if (utc != 23 * 60 + 59) return false;
  }
  return true;
}

bool check_date_time(std::string_view s) {
  if (s.size() < 20 || (s[10] != 'T' && s[10] != 't')) return false;
  return check_date(s.substr(0, 10)) && check_time(s.substr(11));
}

// Dotted decimal, four octets, no leading zeros.
bool check_ipv4(std::string_view s) {
  int parts = 0;
  std::size_t pos = 0;
  while (true) {
    std::size_t start = pos;
    int value = 0;
    while (pos < s.size() && is_digit(s[pos]) && pos - start < 3) {
      value = value * 10 + (s[pos] - '0');
      ++pos;
    }
    std::size_t length = pos - start;
    if (length == 0 || value > 255 || (length > 1 && s[start] == '0')) return false;
    ++parts;
    if (pos == s.size()) return parts == 4;
    if (s[pos] != '.' || parts == 4) return false;
    ++pos;
  }
}

bool check_ipv6(std::string_view s) {
  int groups = 0;
  bool compressed = false;
  std::size_t pos = 0;
  if (s.substr(0, 2) == "::") {
    compressed = true;
    pos = 2;
    if (pos == s.size()) return true;
  } else if (!s.empty() && s[0] == ':') {
    return false;
  }
  while (pos < s.size()) {
    std::size_t start = pos;
    while (pos < s.size() && is_hex(s[pos])) ++pos;
    if (pos < s.size() && s[pos] == '.') {
      // An embedded IPv4 address ends the address and counts as two groups.
      if (!check_ipv4(s.substr(start))) return false;
      groups += 2;
      pos = s.size();
      break;
    }
    std::size_t length = pos - start;
    if (length == 0 || length > 4) return false;
    ++groups;
    if (pos == s.size()) break;
    if (s[pos] != ':') return false;
    ++pos;
    if (pos < s.size() && s[pos] == ':') {
      if (compressed) return false;
      compressed = true;
      ++pos;
      if (pos == s.size()) break;
    } else if (pos == s.size()) {
      return false;
    }
  }
  return compressed ? groups <= 7 : groups == 8;
}

bool is_unreserved(char c) {
  return is_alpha(c) || is_digit(c) || c == '-' || c == '.' || c == '_' || c == '~';
}

bool is_sub_delim(char c) {
  switch (c) {
    case '!':
    case '$':
    case '&':
    case '\'':
    case '(':
    case ')':
    case '*':
    case '+':
    case ',':
    case ';':
    case '=':
      return true;
    default:
      return false;
  }
}

// Checks that [pos, end) holds only pchar-like characters plus `extra`, with valid
// percent-escapes; with `iri`, also any non-ASCII character (RFC 3987's ucschar and iprivate:
// the text is UTF-8 already).
bool check_uri_chars(std::string_view s, std::size_t pos, std::size_t end, std::string_view extra,
                     bool iri = false) {
  for (; pos < end; ++pos) {
    char c = s[pos];
    if (iri && static_cast<unsigned char>(c) >= 0x80) continue;
    if (c == '%') {
      if (pos + 2 >= end) return false;
      if (!is_hex(s[pos + 1]) || !is_hex(s[pos + 2])) return false;
      pos += 2;
    } else if (!is_unreserved(c) && !is_sub_delim(c) && extra.find(c) == std::string_view::npos) {
      return false;
    }
  }
  return true;
}

bool check_authority(std::string_view a, bool iri) {
  std::size_t at = a.rfind('@');
  std::size_t host_start = 0;
  if (at != std::string_view::npos) {
    if (!check_uri_chars(a, 0, at, ":", iri)) return false;
    host_start = at + 1;
  }
  std::string_view host_port = a.substr(host_start);
  std::size_t port_colon;
  if (!host_port.empty() && host_port[0] == '[') {
    std::size_t close = host_port.find(']');
    if (close == std::string_view::npos) return false;
    std::string_view literal = host_port.substr(1, close - 1);
    if (!literal.empty() && (literal[0] == 'v' || literal[0] == 'V')) {
      if (!check_uri_chars(literal, 1, literal.size(), ":")) return false;
    } else if (!check_ipv6(literal)) {
      return false;
    }
    if (close + 1 == host_port.size()) return true;
    if (host_port[close + 1] != ':') return false;
    port_colon = close + 1;
  } else {
    port_colon = host_port.find(':');
    std::size_t host_end = port_colon == std::string_view::npos ? host_port.size() : port_colon;
    if (!check_uri_chars(host_port, 0, host_end, "", iri)) return false;
    if (port_colon == std::string_view::npos) return true;
  }
  for (std::size_t i = port_colon + 1; i < host_port.size(); ++i) {
    if (!is_digit(host_port[i])) return false;
  }
  return true;
}

// URI-reference (RFC 3986 section 4.1); `require_scheme` makes it an absolute URI; `iri`
// makes it an IRI (RFC 3987: the same grammar with non-ASCII characters allowed).
bool check_uri_reference(std::string_view s, bool require_scheme, bool iri = false) {
  std::size_t pos = 0;
  std::size_t colon = s.find(':');
  std::size_t first_delimiter = s.find_first_of("/?#");
  bool has_scheme = colon != std::string_view::npos && colon > 0 &&
                    (first_delimiter == std::string_view::npos || colon < first_delimiter);
  if (has_scheme) {
    for (std::size_t i = 0; i < colon; ++i) {
      if (!(i == 0 ? is_alpha(s[i])
                   : is_alpha(s[i]) || is_digit(s[i]) || s[i] == '+' || s[i] == '-' || s[i] == '.'))
        return false;
    }
    pos = colon + 1;
  } else if (require_scheme) {
    return false;
  }
  std::size_t end = s.find_first_of("?#", pos);
  if (end == std::string_view::npos) end = s.size();
  if (s.substr(pos, 2) == "//") {
    std::size_t authority_end = s.find('/', pos + 2);
    if (authority_end == std::string_view::npos || authority_end > end) authority_end = end;
    if (!check_authority(s.substr(pos + 2, authority_end - pos - 2), iri)) return false;
    pos = authority_end;
  } else if (!has_scheme) {
    // A relative path's first segment may not contain ":" (it would read as a scheme).
    std::size_t first_segment_end = s.find('/', pos);
    if (first_segment_end == std::string_view::npos || first_segment_end > end)
      first_segment_end = end;
    if (s.substr(pos, first_segment_end - pos).find(':') != std::string_view::npos) return false;
  }
  if (!check_uri_chars(s, pos, end, ":@/", iri)) return false;
  if (end < s.size() && s[end] == '?') {
    std::size_t query_end = s.find('#', end);
    if (query_end == std::string_view::npos) query_end = s.size();
    if (!check_uri_chars(s, end + 1, query_end, ":@/?", iri)) return false;
    end = query_end;
  }
  if (end < s.size()) return check_uri_chars(s, end + 1, s.size(), ":@/?", iri);
  return true;
}

// URI Template (RFC 6570): literals and {expressions} of comma-separated variables, each
// with an optional prefix (:1-9999) or explode (*) modifier.
bool check_uri_template(std::string_view s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '}') return false;
    if (c != '{') {
      const auto u = static_cast<unsigned char>(c);
      if (c == '%') {
        if (i + 2 >= s.size() || !is_hex(s[i + 1]) || !is_hex(s[i + 2])) return false;
        i += 2;
      } else if (u < 0x80 && (u <= 0x20 || u == 0x7F ||
                              std::string_view("\"<>\\^`|").find(c) != std::string_view::npos)) {
        return false;
      }
      continue;
    }
    const std::size_t close = s.find('}', i);
    if (close == std::string_view::npos) return false;
    std::string_view expression = s.substr(i + 1, close - i - 1);
    i = close;
    if (!expression.empty() &&
        std::string_view("+#./;?&=,!@|").find(expression[0]) != std::string_view::npos) {
      expression.remove_prefix(1);
    }
    // variable-list = varspec *( "," varspec )
    std::size_t p = 0;
    for (;;) {
      const std::size_t name_start = p;
      bool dot_allowed = false;
      while (p < expression.size()) {
        const char v = expression[p];
        if (is_alpha(v) || is_digit(v) || v == '_') {
          ++p;
          dot_allowed = true;
        } else if (v == '%' && p + 2 < expression.size() + 0 && is_hex(expression[p + 1]) &&
                   p + 2 < expression.size() && is_hex(expression[p + 2])) {
          p += 3;
          dot_allowed = true;
        } else if (v == '.' && dot_allowed && p + 1 < expression.size() &&
                   expression[p + 1] != '.' && expression[p + 1] != ',' &&
                   expression[p + 1] != ':' && expression[p + 1] != '*') {
          ++p;
          dot_allowed = false;
        } else {
          break;
        }
      }
      if (p == name_start) return false;
      if (p < expression.size() && expression[p] == '*') {
        ++p;
      } else if (p < expression.size() && expression[p] == ':') {
        ++p;
        const std::size_t digits = p;
        if (p >= expression.size() || expression[p] < '1' || expression[p] > '9') return false;
        while (p < expression.size() && is_digit(expression[p])) ++p;
        if (p - digits > 4) return false;
      }
      if (p == expression.size()) break;
      if (expression[p] != ',') return false;
      ++p;
    }
  }
  return true;
}

bool is_atext(char c) {
  return is_alpha(c) || is_digit(c) ||
         std::string_view("!#$%&'*+-/=?^_`{|}~").find(c) != std::string_view::npos;
}

// addr-spec (RFC 5321): dot-atom or quoted local part; a hostname or an address literal.
bool check_email(std::string_view s) {
  std::size_t at = s.rfind('@');
  if (at == std::string_view::npos || at == 0 || at + 1 == s.size()) return false;
  std::string_view local = s.substr(0, at);
  std::string_view domain = s.substr(at + 1);
  if (local.size() > 64) return false;
  if (local.front() == '"') {
    if (local.size() < 2 || local.back() != '"') return false;
    for (std::size_t i = 1; i + 1 < local.size(); ++i) {
      char c = local[i];
      if (c == '\\') {
        ++i;
        if (i + 1 >= local.size()) return false;
      } else if (c == '"' || static_cast<unsigned char>(c) < 0x20 ||
                 static_cast<unsigned char>(c) >= 0x80) {
        return false;  // RFC 5322's quoted local part is ASCII (non-ASCII: idn-email)
      }
    }
  } else {
    if (local.front() == '.' || local.back() == '.') return false;
    for (std::size_t i = 0; i < local.size(); ++i) {
      if (local[i] == '.') {
        if (local[i + 1] == '.') return false;
      } else if (!is_atext(local[i])) {
        return false;
      }
    }
  }
  if (domain.front() == '[') {
    if (domain.back() != ']') return false;
    std::string_view literal = domain.substr(1, domain.size() - 2);
    if (literal.substr(0, 5) == "IPv6:") return check_ipv6(literal.substr(5));
    return check_ipv4(literal);
  }
  return check_hostname(domain);
}

// RFC 6531: a UTF-8 local part (dot-atom or quoted) at an idn-hostname or address literal.
bool check_idn_email(std::string_view s) {
  std::size_t at = s.rfind('@');
  if (at == std::string_view::npos || at == 0 || at + 1 == s.size()) return false;
  std::string_view local = s.substr(0, at);
  std::string_view domain = s.substr(at + 1);
  if (local.front() == '"') {
    if (local.size() < 2 || local.back() != '"') return false;
  } else {
    if (local.front() == '.' || local.back() == '.' || local.find("..") != std::string_view::npos)
      return false;
    for (const char c : local) {
      if (static_cast<unsigned char>(c) < 0x80 && c != '.' && !is_atext(c)) return false;
    }
  }
  if (domain.front() == '[') {
    if (domain.back() != ']') return false;
    std::string_view literal = domain.substr(1, domain.size() - 2);
    if (literal.substr(0, 5) == "IPv6:") return check_ipv6(literal.substr(5));
    return check_ipv4(literal);
  }
  return check_idn_hostname(domain);
}

// 8-4-4-4-12 hexadecimal digits.
bool check_uuid(std::string_view s) {
  if (s.size() != 36) return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash ? s[i] != '-' : !is_hex(s[i])) return false;
  }
  return true;
}

bool check_json_pointer(std::string_view s) {
  if (s.empty()) return true;
  if (s[0] != '/') return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '~' && (i + 1 == s.size() || (s[i + 1] != '0' && s[i + 1] != '1'))) return false;
  }
  return true;
}

// A non-negative integer without leading zeros, then "#" or a JSON Pointer.
bool check_relative_json_pointer(std::string_view s) {
  std::size_t pos = 0;
  while (pos < s.size() && is_digit(s[pos])) ++pos;
  if (pos == 0 || (pos > 1 && s[0] == '0')) return false;
  std::string_view rest = s.substr(pos);
  return rest == "#" || check_json_pointer(rest);
}

}  // namespace

FormatKind format_kind(std::string_view name) {
  struct Entry {
    std::string_view name;
    FormatKind kind;
  };
  static const Entry entries[] = {
      {"date-time", FormatKind::date_time},
      {"date", FormatKind::date},
      {"time", FormatKind::time},
      {"email", FormatKind::email},
      {"hostname", FormatKind::hostname},
      {"ipv4", FormatKind::ipv4},
      {"ipv6", FormatKind::ipv6},
      {"uri", FormatKind::uri},
      {"uri-reference", FormatKind::uri_reference},
      {"uuid", FormatKind::uuid},
      {"json-pointer", FormatKind::json_pointer},
      {"relative-json-pointer", FormatKind::relative_json_pointer},
      {"regex", FormatKind::regex},
      {"idn-hostname", FormatKind::idn_hostname},
      {"idn-email", FormatKind::idn_email},
      {"iri", FormatKind::iri},
      {"iri-reference", FormatKind::iri_reference},
      {"uri-template", FormatKind::uri_template},
  };
  for (const Entry& entry : entries) {
    if (entry.name == name) return entry.kind;
  }
  return FormatKind::none;
}

const char* format_description(FormatKind kind) {
  switch (kind) {
    case FormatKind::date_time:
      return "date-time (RFC 3339, e.g. 2024-01-31T09:30:00Z)";
    case FormatKind::date:
      return "date (YYYY-MM-DD)";
    case FormatKind::time:
      return "time (RFC 3339, e.g. 09:30:00Z)";
    case FormatKind::email:
      return "email address";
    case FormatKind::hostname:
      return "hostname";
    case FormatKind::ipv4:
      return "IPv4 address";
    case FormatKind::ipv6:
      return "IPv6 address";
    case FormatKind::uri:
      return "absolute URI";
    case FormatKind::uri_reference:
      return "URI reference";
    case FormatKind::uuid:
      return "UUID";
    case FormatKind::json_pointer:
      return "JSON Pointer";
    case FormatKind::relative_json_pointer:
      return "relative JSON Pointer";
    case FormatKind::regex:
      return "regular expression";
    case FormatKind::idn_hostname:
      return "internationalized hostname (IDNA2008)";
    case FormatKind::idn_email:
      return "internationalized email address (RFC 6531)";
    case FormatKind::iri:
      return "absolute IRI (RFC 3987)";
    case FormatKind::iri_reference:
      return "IRI reference (RFC 3987)";
    case FormatKind::uri_template:
      return "URI template (RFC 6570)";
    case FormatKind::none:
      break;
  }
  return "value";
}

bool check_format(FormatKind kind, std::string_view value) {
  switch (kind) {
    case FormatKind::date_time:
      return check_date_time(value);
    case FormatKind::date:
      return check_date(value);
    case FormatKind::time:
      return check_time(value);
    case FormatKind::email:
      return check_email(value);
    case FormatKind::hostname:
      return check_hostname(value);
    case FormatKind::ipv4:
      return check_ipv4(value);
    case FormatKind::ipv6:
      return check_ipv6(value);
    case FormatKind::uri:
      return check_uri_reference(value, true);
    case FormatKind::uri_reference:
      return check_uri_reference(value, false);
    case FormatKind::uuid:
      return check_uuid(value);
    case FormatKind::json_pointer:
      return check_json_pointer(value);
    case FormatKind::relative_json_pointer:
      return check_relative_json_pointer(value);
    case FormatKind::regex:
      return is_valid_ecma_regex(value);
    case FormatKind::idn_hostname:
      return check_idn_hostname(value);
    case FormatKind::idn_email:
      return check_idn_email(value);
    case FormatKind::iri:
      return check_uri_reference(value, true, true);
    case FormatKind::iri_reference:
      return check_uri_reference(value, false, true);
    case FormatKind::uri_template:
      return check_uri_template(value);
    case FormatKind::none:
      break;
  }
  return true;
}

}  // namespace conform::schema

#include "generate/text_values.hpp"

namespace conform::generate {

std::string code_points(std::size_t length, bool mixed) {
  // Cycle through: a letter, an astral character, a letter, a combining accent.
  static const char* const kMixed[] = {"a", "\xF0\x9F\x98\x80", "e", "\xCC\x81"};
  std::string out;
  for (std::size_t i = 0; i < length; ++i) {
    if (mixed) {
      out += kMixed[i % 4];
    } else {
      out += static_cast<char>('a' + i % 26);
    }
  }
  return out;
}

const std::vector<FormatForm>& valid_forms(schema::FormatKind format) {
  using schema::FormatKind;
  static const std::vector<FormatForm> kNone;
  static const std::vector<FormatForm> kDateTime = {
      {"utc", "2026-01-02T03:04:05Z"},
      {"offset", "2026-01-02T03:04:05+05:30"},
      {"negative-offset", "2026-12-31T23:59:59-08:00"},
      {"fraction", "2026-01-02T03:04:05.123456Z"},
      {"lowercase", "2026-01-02t03:04:05z"},
      {"leap-day", "2024-02-29T00:00:00.5+00:00"},
  };
  static const std::vector<FormatForm> kDate = {{"plain", "2026-01-02"},
                                                {"leap-day", "2024-02-29"}};
  static const std::vector<FormatForm> kEmail = {
      {"plain", "a@example.com"},
      {"plus-tag", "first.last+tag@example.com"},
      {"subdomain", "x_y-z@mail.sub.example.org"},
      {"short", "a@b.co"},
  };
  static const std::vector<FormatForm> kUuid = {
      {"lowercase", "123e4567-e89b-12d3-a456-426614174000"},
      {"uppercase", "123E4567-E89B-12D3-A456-426614174000"},
  };
  static const std::vector<FormatForm> kUri = {{"https", "https://example.com/a?b=c#d"}};
  switch (format) {
    case FormatKind::date_time:
      return kDateTime;
    case FormatKind::date:
      return kDate;
    case FormatKind::email:
    case FormatKind::idn_email:
      return kEmail;
    case FormatKind::uuid:
      return kUuid;
    case FormatKind::uri:
    case FormatKind::iri:
      return kUri;
    default:
      return kNone;
  }
}

const char* invalid_form(schema::FormatKind format) {
  using schema::FormatKind;
  switch (format) {
    case FormatKind::date_time:
      return "2026-13-02T03:04:05Z";
    case FormatKind::date:
      return "2026-02-30";
    case FormatKind::email:
    case FormatKind::idn_email:
      return "not-an-email";
    case FormatKind::uuid:
      return "123e4567-e89b-12d3-a456-42661417400";
    case FormatKind::uri:
    case FormatKind::iri:
      return "no scheme";
    default:
      return nullptr;
  }
}

}  // namespace conform::generate

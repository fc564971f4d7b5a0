#include "model/format.hpp"

#include <algorithm>
#include <cctype>
#include <string>

namespace conform {

const char* to_string(Format format) {
  switch (format) {
    case Format::json:
      return "json";
    case Format::xml:
      return "xml";
    case Format::form:
      return "form";
  }
  return "json";
}

std::optional<Format> parse_format(std::string_view name) {
  if (name == "json") return Format::json;
  if (name == "xml") return Format::xml;
  if (name == "form") return Format::form;
  return std::nullopt;
}

std::string media_type_essence(std::string_view content_type) {
  std::string type(content_type.substr(0, content_type.find(';')));
  type.erase(std::remove_if(type.begin(), type.end(),
                            [](unsigned char c) { return std::isspace(c) != 0; }),
             type.end());
  // ASCII only: the model module stands on nothing, not even text/ascii_case.
  for (char& c : type) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return type;
}

std::optional<Format> format_of_media_type(std::string_view media_type) {
  const std::string type = media_type_essence(media_type);
  if (type == "application/x-www-form-urlencoded") return Format::form;
  const auto ends_with = [&](std::string_view suffix) {
    return type.size() >= suffix.size() &&
           type.compare(type.size() - suffix.size(), suffix.size(), suffix) == 0;
  };
  if (ends_with("/json") || ends_with("+json")) return Format::json;
  if (ends_with("/xml") || ends_with("+xml")) return Format::xml;
  return std::nullopt;
}

}  // namespace conform

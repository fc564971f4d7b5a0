#include "replay/assertion.hpp"

#include "codec/json_number.hpp"
#include "replay/json.hpp"
#include "schema/ecma_regex.hpp"
#include "text/ascii_case.hpp"

namespace conform::replay {
namespace {

void expand_into(const rapidjson::Value& in, rapidjson::Value& out,
                 rapidjson::Document::AllocatorType& allocator, const Variables& variables,
                 std::vector<std::string>* missing) {
  if (in.IsString()) {
    const std::string text(in.GetString(), in.GetStringLength());
    constexpr std::string_view suffix = "|json}";
    if (text.size() > 2 + suffix.size() && text.compare(0, 2, "${") == 0 &&
        text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0 &&
        text.find('}') == text.size() - 1) {
      const std::string name = text.substr(2, text.size() - 2 - suffix.size());
      const Variable* variable = variables.find(name);
      rapidjson::Document parsed;
      if (variable && !codec::parse_json_text(parsed, variable->value).IsError()) {
        out.CopyFrom(parsed, allocator);
        return;
      }
      if (missing)
        missing->push_back(variable ? name + " (not JSON: " + variable->value + ")" : name);
      out.SetString(text.c_str(), static_cast<rapidjson::SizeType>(text.size()), allocator);
      return;
    }
    const std::string expanded = variables.expand(text, missing);
    out.SetString(expanded.c_str(), static_cast<rapidjson::SizeType>(expanded.size()), allocator);
  } else if (in.IsObject()) {
    out.SetObject();
    for (const auto& member : in.GetObject()) {
      rapidjson::Value name(member.name, allocator);
      rapidjson::Value value;
      expand_into(member.value, value, allocator, variables, missing);
      out.AddMember(name, value, allocator);
    }
  } else if (in.IsArray()) {
    out.SetArray();
    for (const auto& item : in.GetArray()) {
      rapidjson::Value value;
      expand_into(item, value, allocator, variables, missing);
      out.PushBack(value, allocator);
    }
  } else {
    out.CopyFrom(in, allocator);
  }
}

bool json_equal(const rapidjson::Value& a, const rapidjson::Value& b) {
  if (a.IsNumber() && b.IsNumber()) {
    if (a.IsInt64() && b.IsInt64()) return a.GetInt64() == b.GetInt64();
    return a.GetDouble() == b.GetDouble();
  }
  if (a.GetType() != b.GetType()) return false;
  if (a.IsObject()) {
    if (a.MemberCount() != b.MemberCount()) return false;
    for (const auto& member : a.GetObject()) {
      const auto other = b.FindMember(member.name);
      if (other == b.MemberEnd() || !json_equal(member.value, other->value)) return false;
    }
    return true;
  }
  if (a.IsArray()) {
    if (a.Size() != b.Size()) return false;
    for (rapidjson::SizeType i = 0; i < a.Size(); ++i) {
      if (!json_equal(a[i], b[i])) return false;
    }
    return true;
  }
  return a == b;
}

// Compares a header's text with an expected JSON value: strings by text, other values
// by their JSON text ("200" equals 200).
bool text_equal(const std::string& actual, const rapidjson::Value& expected) {
  if (expected.IsString())
    return actual == std::string(expected.GetString(), expected.GetStringLength());
  return actual == to_json_text(expected);
}

Finding failure(const Assertion& assertion, std::string message) {
  Finding finding;
  finding.keyword = "assert";
  finding.pointer = assertion.source.is_header() ? "" : assertion.source.pointer;
  finding.schema_path = assertion.location;
  finding.message = std::move(message);
  if (!assertion.message.empty()) finding.message += " (" + assertion.message + ")";
  return finding;
}

}  // namespace

Json expand_json(const rapidjson::Value& value, const Variables& variables,
                 std::vector<std::string>* missing) {
  auto document = std::make_shared<rapidjson::Document>();
  expand_into(value, *document, document->GetAllocator(), variables, missing);
  return document;
}

std::optional<std::string> read_source(const Source& source, const ResponseView& view) {
  if (source.is_header()) {
    for (const auto& [name, value] : view.response.headers) {
      if (text::equals_ignoring_case(name, source.header)) {
        return value;
      }
    }
    return std::nullopt;
  }
  if (!view.body) return std::nullopt;
  const rapidjson::Value* value = resolve_pointer(*view.body, source.pointer);
  if (!value) return std::nullopt;
  if (value->IsString()) return std::string(value->GetString(), value->GetStringLength());
  return to_json_text(*value);
}

void check_assertion(const Assertion& assertion, const ResponseView& view,
                     const Variables& variables, Findings& findings) {
  const std::string where = assertion.source.describe();
  const rapidjson::Value* value = nullptr;
  std::optional<std::string> header;
  if (assertion.source.is_header()) {
    header = read_source(assertion.source, view);
  } else if (view.body) {
    value = resolve_pointer(*view.body, assertion.source.pointer);
  }
  const bool present = assertion.source.is_header() ? header.has_value() : value != nullptr;
  const auto actual_text = [&]() -> std::string {
    if (header) return *header;
    return value ? to_json_text(*value) : std::string("(absent)");
  };

  if (assertion.exists) {
    if (*assertion.exists != present) {
      Finding finding =
          failure(assertion, *assertion.exists ? where + " is missing"
                                               : where + " is present but must not be");
      finding.expected = *assertion.exists ? "present" : "absent";
      finding.actual = actual_text();
      findings.push_back(std::move(finding));
    }
    if (!present) return;
  }
  const bool needs_value =
      assertion.equals || assertion.not_equals || assertion.matches || assertion.type;
  if (!needs_value) return;
  if (!present) {
    Finding finding = failure(assertion, where + " is missing");
    finding.actual = "(absent)";
    if (assertion.equals) finding.expected = to_json_text(*assertion.equals);
    findings.push_back(std::move(finding));
    return;
  }

  std::vector<std::string> missing;
  if (assertion.equals) {
    const Json expected = expand_json(*assertion.equals, variables, &missing);
    const bool equal = header ? text_equal(*header, *expected) : json_equal(*value, *expected);
    if (!equal) {
      Finding finding = failure(assertion, where + " has the wrong value");
      finding.expected = to_json_text(*expected);
      finding.actual = actual_text();
      findings.push_back(std::move(finding));
    }
  }
  if (assertion.not_equals) {
    const Json unexpected = expand_json(*assertion.not_equals, variables, &missing);
    const bool equal = header ? text_equal(*header, *unexpected) : json_equal(*value, *unexpected);
    if (equal) {
      Finding finding = failure(assertion, where + " must not be " + to_json_text(*unexpected));
      finding.actual = actual_text();
      findings.push_back(std::move(finding));
    }
  }
  if (assertion.matches) {
    const std::string text = header ? *header
                             : value->IsString()
                                 ? std::string(value->GetString(), value->GetStringLength())
                                 : to_json_text(*value);
    // RE2, as the schema engine's "pattern": linear in the response's length whatever the
    // pattern, where std::regex backtracks and recurses (a long value overflowed its stack).
    std::string error;
    const auto pattern = schema::compile_ecma_regex(*assertion.matches, error);
    if (!pattern || !RE2::PartialMatch(text, *pattern)) {
      Finding finding = failure(
          assertion, where + (pattern ? " does not match /" : " cannot be matched against /") +
                         *assertion.matches + "/" + (pattern ? "" : ": " + error));
      finding.expected = "/" + *assertion.matches + "/";
      finding.actual = actual_text();
      findings.push_back(std::move(finding));
    }
  }
  if (assertion.type) {
    const std::string actual_type = header ? "string" : json_type_name(*value);
    const bool ok =
        actual_type == *assertion.type || (*assertion.type == "number" && actual_type == "integer");
    if (!ok) {
      Finding finding =
          failure(assertion, where + " is a " + actual_type + ", not a " + *assertion.type);
      finding.expected = *assertion.type;
      finding.actual = actual_type;
      findings.push_back(std::move(finding));
    }
  }
  for (const auto& name : missing) {
    Finding finding =
        failure(assertion, "the expected value uses ${" + name + "}, which has no value");
    finding.keyword = "variable";
    findings.push_back(std::move(finding));
  }
}

}  // namespace conform::replay

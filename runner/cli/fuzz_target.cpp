#include "cli/fuzz_target.hpp"

#include <algorithm>

#include "cli/command.hpp"
#include "codec/json_text.hpp"
#include "mock/vendor_mock.hpp"
#include "schema/json_value.hpp"
#include "schema/node.hpp"

namespace conform::cli {
namespace {

// "${name}" for a member the schema lets be a string, else "${name|json}" (the value's
// JSON, unquoted: a number such as a numeric user id or company id).
std::string placeholder(const schema::Node& object, const std::string& member,
                        const std::string& variable) {
  const auto* entry = object.properties.find(member.data(), member.size());
  const bool text = !entry || !entry->schema ||
                    (generate::resolved(*entry->schema).types & schema::kTypeString) != 0 ||
                    generate::resolved(*entry->schema).types == 0;
  return "${" + variable + (text ? "}" : "|json}");
}

std::string quoted(const std::string& text) {
  rapidjson::Value value(rapidjson::StringRef(text.data(), text.size()));
  return codec::to_json_text(value);
}

}  // namespace

FuzzTarget fuzz_target(const contracts::Catalog& catalog, const contracts::Manifest& manifest,
                       std::uint64_t seed) {
  FuzzTarget out;
  out.manifest = &manifest;
  const contracts::MessageSpec* request = catalog.message(manifest, MessageId{});
  if (!request || request->schema_file.empty()) {
    throw CannotRun(manifest.id + " documents no request body to generate from");
  }
  out.request_schema = catalog.schema(manifest, *request);
  const schema::Node& root = generate::resolved(out.request_schema->root());

  const mock::VendorMock mock = mock::read_vendor_mock(manifest);
  std::map<std::string, std::string> pinned;
  out.path = manifest.endpoint.path;
  if (mock.user_id.in_path) {
    const std::string token = "{" + mock.user_id.name + "}";
    if (const auto at = out.path.find(token); at != std::string::npos) {
      out.path.replace(at, token.size(), "${user_id}");
    }
  } else if (mock.user_id.name.size() > 1 && mock.user_id.name.find('/', 1) == std::string::npos) {
    const std::string member = mock.user_id.name.substr(1);
    pinned[member] = quoted(placeholder(root, member, "user_id"));
  }
  if (manifest.auth.scheme == "body") {
    for (const auto& [member, variable] : manifest.auth.env) {
      pinned[member] = quoted(placeholder(root, member, member));
    }
  }
  for (const contracts::Parameter& parameter : manifest.endpoint.query_parameters) {
    if (!parameter.required) continue;
    out.query.emplace_back(parameter.name, !parameter.value.empty()    ? parameter.value
                                           : parameter.allowed.empty() ? "x"
                                                                       : parameter.allowed.front());
  }
  bool default_response = false;
  for (const contracts::MessageSpec& message : manifest.messages) {
    if (message.id.kind != MessageId::Kind::response) continue;
    if (message.id.status == "default") {
      default_response = true;
      continue;
    }
    const int status = std::atoi(message.id.status.c_str());
    if (status >= 200 && status < 300) out.success_statuses.push_back(status);
    if (status >= 400 && status < 500) out.client_error_statuses.push_back(status);
  }
  if (default_response) {
    out.client_error_statuses.clear();
    for (int status = 400; status < 500; ++status) out.client_error_statuses.push_back(status);
  }
  out.generator =
      std::make_unique<generate::Generator>(out.request_schema->root(), std::move(pinned), seed);
  return out;
}

replay::Case fuzz_case(const FuzzTarget& target, const generate::Example& example,
                       std::uint64_t seed) {
  replay::Case out;
  out.vendor = target.manifest->id;
  const generate::Covered& covered = example.covered;
  out.name =
      "fuzz seed " + std::to_string(seed) + " example " + std::to_string(example.index) +
      (example.valid ? ": valid" : ": invalid") +
      (covered.keyword == "random" ? std::string()
                                   : " " + (covered.pointer.empty() ? "/" : covered.pointer) + " " +
                                         covered.keyword + " " + covered.detail);
  out.tags = {"fuzz", example.valid ? "valid" : "invalid"};
  replay::Step step;
  step.method = target.manifest->endpoint.method;
  step.path = target.path;
  step.query = target.query;
  step.format = Format::json;
  step.body = example.body;
  step.expect.statuses = example.valid ? target.success_statuses : target.client_error_statuses;
  step.expect.strict = true;
  step.location = "/steps/0";
  out.steps.push_back(std::move(step));
  return out;
}

std::string case_file_text(const replay::Case& test_case) {
  rapidjson::Document doc(rapidjson::kObjectType);
  auto& a = doc.GetAllocator();
  const auto text = [&](const std::string& s) {
    return rapidjson::Value(s.data(), static_cast<rapidjson::SizeType>(s.size()), a);
  };
  doc.AddMember("name", text(test_case.name), a);
  doc.AddMember("vendor", text(test_case.vendor), a);
  rapidjson::Value tags(rapidjson::kArrayType);
  for (const std::string& tag : test_case.tags) tags.PushBack(text(tag), a);
  doc.AddMember("tags", tags, a);
  rapidjson::Value steps(rapidjson::kArrayType);
  for (const replay::Step& step : test_case.steps) {
    rapidjson::Value s(rapidjson::kObjectType);
    s.AddMember("method", text(step.method), a);
    s.AddMember("path", text(step.path), a);
    if (!step.query.empty()) {
      rapidjson::Value query(rapidjson::kObjectType);
      for (const auto& [name, value] : step.query) query.AddMember(text(name), text(value), a);
      s.AddMember("query", query, a);
    }
    if (!step.headers.empty()) {
      rapidjson::Value headers(rapidjson::kObjectType);
      for (const auto& [name, value] : step.headers) headers.AddMember(text(name), text(value), a);
      s.AddMember("headers", headers, a);
    }
    if (step.auth.mode == replay::Auth::Mode::none) s.AddMember("auth", "none", a);
    if (step.auth.mode == replay::Auth::Mode::custom) {
      rapidjson::Value auth(rapidjson::kObjectType);
      for (const auto& [name, value] : step.auth.credentials)
        auth.AddMember(text(name), text(value), a);
      s.AddMember("auth", auth, a);
    }
    if (step.format) s.AddMember("format", text(to_string(*step.format)), a);
    if (step.body) s.AddMember("body", rapidjson::Value(*step.body, a), a);
    rapidjson::Value expect(rapidjson::kObjectType);
    rapidjson::Value statuses(rapidjson::kArrayType);
    for (const int status : step.expect.statuses) statuses.PushBack(status, a);
    if (!step.expect.statuses.empty()) expect.AddMember("status", statuses, a);
    s.AddMember("expect", expect, a);
    steps.PushBack(s, a);
  }
  doc.AddMember("steps", steps, a);
  return codec::to_json_text(doc) + "\n";
}

}  // namespace conform::cli

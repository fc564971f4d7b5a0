#include "mock/vendor_endpoint.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <iterator>
#include <utility>

#include "codec/json_pointer.hpp"
#include "codec/json_text.hpp"
#include "contracts/message_checker.hpp"
#include "json/pointer.hpp"
#include "mock/accept.hpp"
#include "mock/credentials.hpp"
#include "mock/faults.hpp"
#include "mock/field_name.hpp"
#include "mock/request_contract.hpp"
#include "mock/response_encoding.hpp"
#include "model/format.hpp"
#include "text/ascii_case.hpp"

namespace conform::mock {
namespace {

// What the mock answers for missing or wrong credentials in the headers.
constexpr const char* kDenied = "Authorization has been denied for this request";

// "a, b, c".
std::string joined(const std::vector<std::string>& items) {
  std::string list;
  for (const auto& item : items) list += (list.empty() ? "" : ", ") + item;
  return list;
}

std::string hex(std::uint64_t value, int digits) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out(static_cast<std::size_t>(digits), '0');
  for (int i = digits - 1; i >= 0; --i) {
    out[static_cast<std::size_t>(i)] = kDigits[value & 0xf];
    value >>= 4;
  }
  return out;
}

// A version-4 UUID from two 64-bit draws.
std::string uuid_from(std::uint64_t high, std::uint64_t low) {
  high = (high & ~0xf000ULL) | 0x4000ULL;
  low = (low & ~(0xc000ULL << 48)) | (0x8000ULL << 48);
  const std::string h = hex(high, 16);
  const std::string l = hex(low, 16);
  return h.substr(0, 8) + "-" + h.substr(8, 4) + "-" + h.substr(12, 4) + "-" + l.substr(0, 4) +
         "-" + l.substr(4);
}

std::vector<ErrorItem> error_items(const Findings& findings, const rapidjson::Value* body) {
  std::vector<ErrorItem> items;
  for (const auto& finding : findings) {
    if (finding.severity != Severity::error) continue;
    if (missing_members(finding).size() > 1) {
      // One finding names every missing member; the vendor lists each.
      Findings each;
      for (const std::string& name : missing_members(finding)) {
        Finding one = finding;
        one.expected = name;
        one.message = "missing required property \"" + name + "\"";
        each.push_back(std::move(one));
      }
      for (auto& item : error_items(each, body)) items.push_back(std::move(item));
      continue;
    }
    ErrorItem item;
    item.pointer = finding.pointer;
    if (finding.keyword == "required" && finding.expected) {
      // The finding points at the object; the vendor names the missing member.
      item.pointer += "/" + json::escape_token(*finding.expected);
    }
    item.field = field_name(item.pointer);
    item.message = finding.message;
    if (finding.line > 0 && item.field.empty() && finding.schema_path.empty()) {
      // Bytes that do not decode have no field to name: say where they break instead.
      item.message += " (line " + std::to_string(finding.line) + ", column " +
                      std::to_string(finding.column) + ")";
    }
    item.keyword = finding.keyword;
    // Only listed errors show their value (a lookup costs a scan of each object on the way).
    if (body && items.size() < kMaxListedErrors) {
      item.attempted = codec::resolve_pointer(*body, item.pointer);
    }
    items.push_back(std::move(item));
  }
  return items;
}

void set_member(rapidjson::Value& object, const rapidjson::Value& name, rapidjson::Value value,
                rapidjson::Document::AllocatorType& allocator) {
  const auto existing = object.FindMember(name);
  if (existing != object.MemberEnd()) {
    existing->value = std::move(value);
  } else {
    object.AddMember(rapidjson::Value(name, allocator), std::move(value), allocator);
  }
}

}  // namespace

std::string rfc3339_now() {
  const auto now = std::chrono::system_clock::now();
  const std::time_t seconds = std::chrono::system_clock::to_time_t(now);
  const auto millis =
      std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char text[96];
  std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", utc.tm_year + 1900,
                utc.tm_mon + 1, utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec,
                static_cast<int>(millis));
  return text;
}

VendorEndpoint::VendorEndpoint(std::shared_ptr<const contracts::Catalog> catalog,
                               const contracts::Manifest& manifest, UserStore& store,
                               std::string profile, std::size_t max_body_bytes)
    : catalog_(std::move(catalog)),
      manifest_(manifest),
      mock_(read_vendor_mock(manifest)),
      store_(store),
      profile_(std::move(profile)),
      max_body_bytes_(max_body_bytes) {
  request_spec_ = catalog_->message(manifest_, MessageId{});
  if (!request_spec_) {
    throw MockError((manifest_.dir / "vendor.json").string() +
                    ": /messages: the mock needs the request message");
  }
  request_checker_ =
      std::make_unique<const contracts::MessageChecker>(*catalog_, manifest_, *request_spec_);
  negotiates_ = std::any_of(manifest_.messages.begin(), manifest_.messages.end(),
                            [](const contracts::MessageSpec& message) {
                              return message.id.kind == MessageId::Kind::response &&
                                     message.id.status == "406";
                            });
}

void VendorEndpoint::seed_users() const {
  for (const auto& [id, user] : mock_.users) {
    store_.put(manifest_.id, normalize_user_id(mock_.user_id, id), *user);
  }
}

TemplateContext VendorEndpoint::context(int status, const MockRequest& request,
                                        std::uint64_t noise) const {
  TemplateContext context;
  context.status = status;
  context.path = request.path;
  context.now = rfc3339_now();
  context.logref = hex(mix64(noise), 16);
  auto draws = std::make_shared<std::uint64_t>(noise);
  context.next_uuid = [draws]() {
    const std::uint64_t high = mix64(++*draws);
    const std::uint64_t low = mix64(++*draws);
    return uuid_from(high, low);
  };
  return context;
}

Format VendorEndpoint::response_format(const MockRequest& request) const {
  if (mock_.response_format_query.empty()) return Format::json;
  return text::to_lower_ascii(request.query_value(mock_.response_format_query)) == "xml"
             ? Format::xml
             : Format::json;
}

MockResponse VendorEndpoint::respond(int status, const std::string& template_key,
                                     TemplateContext& context, const MockRequest& request) const {
  MockResponse response;
  response.status = status;
  const ResponseTemplate* tmpl = mock_.response(profile_, template_key);
  if (!tmpl || tmpl->empty || !tmpl->body) return response;
  rapidjson::Document document;
  rapidjson::Value body = render(*tmpl->body, context, document.GetAllocator());
  const Format format = response_format(request);
  // A documented status follows its own message; otherwise the template says which.
  const contracts::MessageSpec* message = nullptr;
  if (template_key != "read") {
    message =
        catalog_->message(manifest_, MessageId{MessageId::Kind::response, std::to_string(status)});
  }
  const std::string validates_as = !tmpl->validates_as.empty() ? tmpl->validates_as
                                   : template_key == "read"    ? std::string("response:200")
                                                               : std::string();
  if (!message && !validates_as.empty()) {
    if (const auto id = parse_message_id(validates_as)) {
      message = catalog_->message(manifest_, *id);
    }
  }
  encode_response(*catalog_, manifest_, message, format, body, response);
  return response;
}

MockResponse VendorEndpoint::error(int status, const std::string& message,
                                   const MockRequest& request, std::uint64_t noise) const {
  TemplateContext context = this->context(status, request, noise);
  ErrorItem item;
  item.message = message;
  context.errors.push_back(std::move(item));
  return respond(status, std::to_string(status), context, request);
}

MockResponse VendorEndpoint::invalid(const Findings& findings, const rapidjson::Value* body,
                                     const MockRequest& request, std::uint64_t noise) const {
  TemplateContext context = this->context(400, request, noise);
  context.errors = error_items(findings, body);
  if (context.errors.empty()) {
    ErrorItem item;
    item.message = "The request is invalid";
    context.errors.push_back(std::move(item));
  }
  return respond(400, "400", context, request);
}

MockResponse VendorEndpoint::handle(const MockRequest& request, std::uint64_t noise) const {
  const auto write = mock_.write_route.match(request.path);
  const auto read = mock_.read_route.empty() ? std::nullopt : mock_.read_route.match(request.path);
  if (!write && !read) {
    return error(404, "No operation at " + request.path, request, noise);
  }
  if (write && request.method == mock_.write_method) return update(request, *write, noise);
  if (read && request.method == mock_.read_method) return this->read(request, *read, noise);
  std::string allowed;
  if (write) allowed = mock_.write_method;
  if (read) allowed += (allowed.empty() ? "" : ", ") + mock_.read_method;
  MockResponse response = error(
      405, "The method " + request.method + " is not allowed here; use " + allowed, request, noise);
  response.headers.emplace_back("Allow", allowed);
  return response;
}

std::optional<MockResponse> VendorEndpoint::not_acceptable(const MockRequest& request,
                                                           std::uint64_t noise) const {
  const auto& types = manifest_.response_media_types;
  if (!negotiates_ || accepts_any(request.header("Accept"), types)) return std::nullopt;
  return error(
      406, "The Accept header admits none of the media types this endpoint sends: " + joined(types),
      request, noise);
}

std::optional<MockResponse> VendorEndpoint::refuse_credentials(AuthVerdict verdict,
                                                               const std::string& unauthenticated,
                                                               const MockRequest& request,
                                                               std::uint64_t noise) const {
  switch (verdict) {
    case AuthVerdict::unauthenticated:
      return error(mock_.unauthenticated_status, unauthenticated, request, noise);
    case AuthVerdict::forbidden:
      return error(403, "The credentials lack the " + mock_.required_role + " role", request,
                   noise);
    case AuthVerdict::ok:
      break;
  }
  return std::nullopt;
}

std::optional<MockResponse> VendorEndpoint::refuse_size_or_media_type(const MockRequest& request,
                                                                      const std::string& media_type,
                                                                      std::uint64_t noise) const {
  if (request.body.size() > max_body_bytes_) {
    return error(413,
                 "The body has " + std::to_string(request.body.size()) + " bytes; the limit is " +
                     std::to_string(max_body_bytes_),
                 request, noise);
  }
  const auto& accepted = manifest_.request_media_types;
  if (media_type.empty() || !format_of_media_type(media_type) ||
      std::find(accepted.begin(), accepted.end(), media_type) == accepted.end()) {
    return error(415,
                 "The media type '" + (media_type.empty() ? std::string("none") : media_type) +
                     "' is not supported; send " + joined(accepted),
                 request, noise);
  }
  return std::nullopt;
}

std::optional<MockResponse> VendorEndpoint::refuse_body(const contracts::CheckedPayload& body,
                                                        const MockRequest& request,
                                                        std::uint64_t noise) const {
  const Findings& findings = body.result.findings;
  // A body over one of the decoder's limits (nesting, string length, members, XML elements)
  // is too large, like one over the byte limit: 413, not a validation error.
  for (const Finding& finding : findings) {
    if (finding.keyword == "limit") return error(413, finding.message, request, noise);
  }
  // Bytes the decoder refused are answered before the credentials they carry are read, and
  // with the decoder's findings alone (those without a schema location).
  Findings decoding;
  std::copy_if(findings.begin(), findings.end(), std::back_inserter(decoding),
               [](const Finding& f) { return f.schema_path.empty(); });
  if (!body.value || has_errors(decoding)) {
    return invalid(decoding, body.value.get(), request, noise);
  }
  if (manifest_.auth.scheme == "body") {
    if (auto refused =
            refuse_credentials(check_body_credentials(mock_, *body.value),
                               "The company id or integration key is not valid", request, noise)) {
      return refused;
    }
  }
  if (!body.result.valid) return invalid(findings, body.value.get(), request, noise);
  return std::nullopt;
}

MockResponse VendorEndpoint::update(const MockRequest& request,
                                    const std::map<std::string, std::string>& parameters,
                                    std::uint64_t noise) const {
  if (auto refused =
          refuse_credentials(check_header_credentials(manifest_.auth.scheme, mock_, request),
                             kDenied, request, noise)) {
    return std::move(*refused);
  }
  if (auto refused = not_acceptable(request, noise)) return std::move(*refused);
  const std::string media_type = media_type_essence(request.header("Content-Type"));
  if (auto refused = refuse_size_or_media_type(request, media_type, noise)) {
    return std::move(*refused);
  }
  if (const Findings findings = parameter_findings(manifest_, request); !findings.empty()) {
    return invalid(findings, nullptr, request, noise);
  }
  contracts::CheckOptions options;
  options.format = format_of_media_type(media_type);
  options.media_type = media_type;
  options.limits.max_bytes = max_body_bytes_;
  const contracts::CheckedPayload body = request_checker_->check_payload(request.body, options);
  if (auto refused = refuse_body(body, request, noise)) return std::move(*refused);
  return store_update(*body.value, parameters, request, noise);
}

MockResponse VendorEndpoint::store_update(const rapidjson::Value& body,
                                          const std::map<std::string, std::string>& parameters,
                                          const MockRequest& request, std::uint64_t noise) const {
  std::string user_id;
  if (mock_.user_id.in_path) {
    const auto it = parameters.find(mock_.user_id.name);
    if (it != parameters.end()) user_id = it->second;
  } else if (const rapidjson::Value* id = codec::resolve_pointer(body, mock_.user_id.name)) {
    user_id = codec::to_plain_text(*id);
  }
  TemplateContext context = this->context(200, request, noise);
  context.user_id = user_id;
  MockResponse response;
  const bool found = store_.update(manifest_.id, normalize_user_id(mock_.user_id, user_id),
                                   [&](rapidjson::Document& user) {
                                     apply_update(user, body, context);
                                     context.user = &user;
                                     response = respond(200, "200", context, request);
                                     context.user = nullptr;
                                   });
  if (!found) {
    return error(404, "The user " + user_id + " does not exist", request, noise);
  }
  return response;
}

void VendorEndpoint::apply_update(rapidjson::Document& user, const rapidjson::Value& body,
                                  TemplateContext& context) const {
  auto& allocator = user.GetAllocator();
  if (!user.IsObject()) user.SetObject();
  context.user = &user;
  if (body.IsObject()) {
    const auto& ignore = mock_.store.ignore;
    const auto& secrets = manifest_.secret_fields;
    for (const auto& member : body.GetObject()) {
      const std::string name(member.name.GetString(), member.name.GetStringLength());
      if (std::find(ignore.begin(), ignore.end(), name) != ignore.end()) continue;
      // A member the manifest marks secret is never kept, so no response or --state file
      // carries it, whatever store.ignore lists.
      if (std::find(secrets.begin(), secrets.end(), name) != secrets.end()) continue;
      if (edits_list(name)) continue;
      const rapidjson::Value* field_template = nullptr;
      if (mock_.store.fields && mock_.store.fields->IsObject()) {
        const auto it = mock_.store.fields->FindMember(member.name);
        if (it != mock_.store.fields->MemberEnd()) field_template = &it->value;
      }
      rapidjson::Value stored;
      if (!field_template) {
        stored.CopyFrom(member.value, allocator);
      } else if (member.value.IsArray()) {
        // A field template describes one item of a list.
        stored.SetArray();
        for (const auto& item : member.value.GetArray()) {
          context.value = &item;
          stored.PushBack(render(*field_template, context, allocator), allocator);
        }
      } else {
        context.value = &member.value;
        stored = render(*field_template, context, allocator);
      }
      context.value = nullptr;
      set_member(user, member.name, std::move(stored), allocator);
    }
    for (const auto& [request_member, list] : mock_.store.adds) {
      edit_list(user, body, request_member, list, true);
    }
    for (const auto& [request_member, list] : mock_.store.removes) {
      edit_list(user, body, request_member, list, false);
    }
  }
  if (mock_.store.on_update && mock_.store.on_update->IsObject()) {
    for (const auto& member : mock_.store.on_update->GetObject()) {
      rapidjson::Value value = render(member.value, context, allocator);
      set_member(user, member.name, std::move(value), allocator);
    }
  }
  context.user = nullptr;
}

bool VendorEndpoint::edits_list(const std::string& member) const {
  const auto named = [&](const auto& entry) { return entry.first == member; };
  const auto& adds = mock_.store.adds;
  const auto& removes = mock_.store.removes;
  return std::any_of(adds.begin(), adds.end(), named) ||
         std::any_of(removes.begin(), removes.end(), named);
}

void VendorEndpoint::edit_list(rapidjson::Document& user, const rapidjson::Value& body,
                               const std::string& request_member, const std::string& list,
                               bool add) const {
  const auto items = body.FindMember(request_member.c_str());
  if (items == body.MemberEnd() || !items->value.IsArray()) return;
  auto& allocator = user.GetAllocator();
  auto stored = user.FindMember(list.c_str());
  if (stored == user.MemberEnd() || !stored->value.IsArray()) {
    if (!add) return;
    set_member(user, rapidjson::Value(rapidjson::StringRef(list.c_str())),
               rapidjson::Value(rapidjson::kArrayType), allocator);
    stored = user.FindMember(list.c_str());
  }
  rapidjson::Value& values = stored->value;
  for (const auto& item : items->value.GetArray()) {
    if (add) {
      if (std::find(values.Begin(), values.End(), item) == values.End()) {
        values.PushBack(rapidjson::Value(item, allocator), allocator);
      }
      continue;
    }
    for (auto it = values.Begin(); it != values.End();) {
      it = *it == item ? values.Erase(it) : it + 1;
    }
  }
}

MockResponse VendorEndpoint::read(const MockRequest& request,
                                  const std::map<std::string, std::string>& parameters,
                                  std::uint64_t noise) const {
  AuthVerdict verdict = check_header_credentials(manifest_.auth.scheme, mock_, request);
  if (verdict == AuthVerdict::forbidden) verdict = AuthVerdict::ok;  // reading needs no role
  if (auto refused = refuse_credentials(verdict, kDenied, request, noise)) {
    return std::move(*refused);
  }
  if (auto refused = not_acceptable(request, noise)) return std::move(*refused);
  // The read path names the user by the update's identifying member or parameter.
  std::string user_id;
  if (!parameters.empty()) user_id = parameters.begin()->second;
  TemplateContext context = this->context(200, request, noise);
  context.user_id = user_id;
  MockResponse response;
  const bool found = store_.read(manifest_.id, normalize_user_id(mock_.user_id, user_id),
                                 [&](const rapidjson::Document& user) {
                                   context.user = &user;
                                   response = respond(200, "read", context, request);
                                   context.user = nullptr;
                                 });
  if (!found) return error(404, "The user " + user_id + " does not exist", request, noise);
  return response;
}

}  // namespace conform::mock

#include "mock/vendor_mock.hpp"

#include <algorithm>
#include <cctype>

#include "mock/template.hpp"

namespace conform::mock {
namespace {

std::string string_member(const rapidjson::Value& object, const char* name) {
  const auto it = object.FindMember(name);
  if (it == object.MemberEnd() || !it->value.IsString()) return {};
  return {it->value.GetString(), it->value.GetStringLength()};
}

const rapidjson::Value* member(const rapidjson::Value& object, const char* name) {
  if (!object.IsObject()) return nullptr;
  const auto it = object.FindMember(name);
  return it == object.MemberEnd() ? nullptr : &it->value;
}

std::vector<std::string> string_array(const rapidjson::Value* array) {
  std::vector<std::string> out;
  if (!array || !array->IsArray()) return out;
  for (const auto& item : array->GetArray()) {
    if (item.IsString()) out.emplace_back(item.GetString(), item.GetStringLength());
  }
  return out;
}

std::vector<std::pair<std::string, std::string>> string_pairs(const rapidjson::Value* object) {
  std::vector<std::pair<std::string, std::string>> out;
  if (!object || !object->IsObject()) return out;
  for (const auto& entry : object->GetObject()) {
    if (entry.value.IsString()) out.emplace_back(entry.name.GetString(), entry.value.GetString());
  }
  return out;
}

class Reader {
 public:
  explicit Reader(const contracts::Manifest& manifest) : manifest_(manifest) {}

  [[noreturn]] void fail(const std::string& pointer, const std::string& message) const {
    throw MockError((manifest_.dir / "vendor.json").string() + ": /mock" + pointer + ": " +
                    message);
  }

  void check_template(const rapidjson::Value& tmpl, const std::string& pointer) const {
    const auto unknown = unknown_placeholders(tmpl);
    if (!unknown.empty()) fail(pointer, "unknown placeholder {{" + unknown.front() + "}}");
  }

  std::map<std::string, ResponseTemplate> responses(const rapidjson::Value& object,
                                                    const std::string& pointer) const {
    std::map<std::string, ResponseTemplate> out;
    for (const auto& entry : object.GetObject()) {
      const std::string status = entry.name.GetString();
      const std::string at = pointer + "/" + status;
      ResponseTemplate response;
      const auto empty = entry.value.FindMember("empty");
      response.empty =
          empty != entry.value.MemberEnd() && empty->value.IsBool() && empty->value.GetBool();
      response.body = member(entry.value, "body");
      if (!response.empty && !response.body) fail(at, "needs a body template or \"empty\": true");
      if (response.body) check_template(*response.body, at + "/body");
      response.validates_as = string_member(entry.value, "validates_as");
      if (response.validates_as.empty() && status == "read") response.validates_as = "response:200";
      if (!response.validates_as.empty() && !parse_message_id(response.validates_as)) {
        fail(at + "/validates_as", "not a message name (request, response:STATUS)");
      }
      out[status] = response;
    }
    return out;
  }

  VendorMock read() const {
    if (!manifest_.document || !manifest_.document->IsObject()) fail("", "no manifest document");
    const rapidjson::Value* mock = member(*manifest_.document, "mock");
    if (!mock || !mock->IsObject()) fail("", "the manifest has no mock member");
    VendorMock out;

    const rapidjson::Value* credentials = member(*mock, "credentials");
    if (!credentials || !credentials->IsArray() || credentials->Empty()) {
      fail("/credentials", "list at least one test credential");
    }
    for (const auto& item : credentials->GetArray()) {
      Credential credential;
      credential.token = string_member(item, "token");
      credential.username = string_member(item, "username");
      credential.password = string_member(item, "password");
      credential.body = member(item, "body");
      credential.roles = string_array(member(item, "roles"));
      const rapidjson::Value* unrestricted = member(item, "unrestricted");
      credential.unrestricted = unrestricted && unrestricted->IsBool() && unrestricted->GetBool();
      out.credentials.push_back(std::move(credential));
    }
    out.required_role = string_member(*mock, "required_role");
    if (const rapidjson::Value* status = member(*mock, "unauthenticated_status");
        status && status->IsInt()) {
      out.unauthenticated_status = status->GetInt();
    }

    const rapidjson::Value* user_id = member(*mock, "user_id");
    if (!user_id || !user_id->IsObject()) fail("/user_id", "say where a request names its user");
    out.user_id.in_path = string_member(*user_id, "in") == "path";
    out.user_id.name = string_member(*user_id, "name");
    out.user_id.guid = string_member(*user_id, "match") == "guid";

    if (const rapidjson::Value* users = member(*mock, "users"); users && users->IsObject()) {
      for (const auto& entry : users->GetObject()) {
        out.users.emplace_back(entry.name.GetString(), &entry.value);
      }
    }
    if (const rapidjson::Value* store = member(*mock, "store"); store && store->IsObject()) {
      out.store.ignore = string_array(member(*store, "ignore"));
      out.store.fields = member(*store, "fields");
      out.store.on_update = member(*store, "on_update");
      out.store.adds = string_pairs(member(*store, "adds"));
      out.store.removes = string_pairs(member(*store, "removes"));
      if (out.store.fields) check_template(*out.store.fields, "/store/fields");
      if (out.store.on_update) check_template(*out.store.on_update, "/store/on_update");
    }
    out.response_format_query = string_member(*mock, "response_format_query");

    const rapidjson::Value* responses = member(*mock, "responses");
    if (!responses || !responses->IsObject()) fail("/responses", "give the response templates");
    out.profiles["default"] = this->responses(*responses, "/responses");
    if (!out.profiles["default"].count("default")) {
      fail("/responses", "needs a \"default\" template for statuses it does not list");
    }
    if (const rapidjson::Value* profiles = member(*mock, "profiles");
        profiles && profiles->IsObject()) {
      for (const auto& entry : profiles->GetObject()) {
        const std::string name = entry.name.GetString();
        const std::string at = "/profiles/" + name + "/responses";
        const rapidjson::Value* overrides = member(entry.value, "responses");
        if (!overrides || !overrides->IsObject()) fail(at, "give the profile's templates");
        out.profiles[name] = this->responses(*overrides, at);
      }
    }

    out.write_method = manifest_.endpoint.method;
    out.write_route = Route(manifest_.endpoint.path);
    if (const rapidjson::Value* endpoint = member(*manifest_.document, "endpoint")) {
      if (const rapidjson::Value* read = member(*endpoint, "read"); read && read->IsObject()) {
        out.read_method = string_member(*read, "method");
        out.read_route = Route(string_member(*read, "path"));
      }
    }
    return out;
  }

 private:
  const contracts::Manifest& manifest_;
};

}  // namespace

const ResponseTemplate* VendorMock::response(const std::string& profile,
                                             const std::string& status) const {
  // A profile's own templates come first, its "default" standing in for every error
  // status it does not list; then the default profile's.
  const bool error = !status.empty() && status[0] >= '4' && status[0] <= '5';
  std::vector<std::pair<std::string, std::string>> order;
  for (const std::string& name : {profile, std::string("default")}) {
    order.emplace_back(name, status);
    if (status == "read") order.emplace_back(name, "200");
    if (error || status == "default") order.emplace_back(name, "default");
  }
  for (const auto& [name, key] : order) {
    const auto found = profiles.find(name);
    if (found == profiles.end()) continue;
    const auto it = found->second.find(key);
    if (it != found->second.end()) return &it->second;
  }
  return nullptr;
}

VendorMock read_vendor_mock(const contracts::Manifest& manifest) { return Reader(manifest).read(); }

std::string normalize_user_id(const UserIdSource& source, const std::string& id) {
  if (!source.guid) return id;
  std::string out;
  for (const char c : id) {
    if (c != '-') out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  return out;
}

}  // namespace conform::mock

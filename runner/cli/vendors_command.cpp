// conform vendors: what vendors the contracts cover, their endpoints, auth and messages.
#include <iostream>
#include <string>
#include <vector>

#include "cli/arguments.hpp"
#include "cli/command.hpp"
#include "contracts/catalog.hpp"

namespace conform::cli {
namespace {

constexpr const char* kHelp = R"(usage: conform vendors [--output text|json] [--schemas DIR]

Lists the vendors conform knows: endpoint, required query parameters and headers (with
their allowed or fixed values), auth scheme and the environment variables that hold live
credentials, request media types, messages (those "from HTTP" the vendor does not document:
the mock sends them as HTTP defines), and the mock's fixtures.

options:
  --output text|json   text (default): a block per vendor; json: one document for scripts
  --schemas DIR        where the vendor contracts are (default: the ones conform ships)
  -h, --help           show this help

exit status: 0 listed; 2 the contracts could not be loaded

examples:
  conform vendors
  conform vendors --output json
)";

std::string join(const std::vector<std::string>& items, const char* separator = ", ") {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : separator) + item;
  return out;
}

std::vector<std::string> message_names(const contracts::Manifest& v) {
  std::vector<std::string> names;
  for (const auto& m : v.messages) names.push_back(m.id.name());
  return names;
}

// The statuses the vendor does not document but the mock answers as HTTP defines them.
std::vector<std::string> http_message_names(const contracts::Manifest& v) {
  std::vector<std::string> names;
  for (const auto& m : v.messages) {
    if (m.http_origin) names.push_back(m.id.name());
  }
  return names;
}

// "format (required): json | xml", "Api-Version (required): 3": a parameter and its values.
std::string describe(const contracts::Parameter& parameter) {
  std::string out = parameter.name + (parameter.required ? " (required)" : " (optional)");
  if (!parameter.value.empty()) return out + ": " + parameter.value;
  if (!parameter.allowed.empty()) return out + ": " + join(parameter.allowed, " | ");
  return out;
}

std::vector<std::string> env_names(const contracts::Manifest& v) {
  std::vector<std::string> names;
  for (const auto& [credential, variable] : v.auth.env) names.push_back(variable);
  return names;
}

// The mock's fixtures as the manifest states them (credentials and seed users' ids), so a
// user can write a case without opening the manifest.
const rapidjson::Value* mock_section(const contracts::Manifest& v) {
  const auto it = v.document->FindMember("mock");
  return it == v.document->MemberEnd() || !it->value.IsObject() ? nullptr : &it->value;
}

std::string compact(const rapidjson::Value& value) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  value.Accept(writer);
  return std::string(buffer.GetString(), buffer.GetSize());
}

void print_text(const contracts::Catalog& catalog) {
  for (const auto& v : catalog.vendors()) {
    std::cout << v.id << " — " << v.name << "\n";
    std::cout << "  endpoint   " << v.endpoint.method << " " << v.endpoint.path;
    if (!v.base_url.empty()) std::cout << "  (live: " << v.base_url << ")";
    std::cout << "\n  auth       " << v.auth.scheme;
    if (!v.auth.env.empty()) std::cout << "  (live credentials from " << join(env_names(v)) << ")";
    std::cout << "\n  media      " << join(v.request_media_types) << "\n";
    for (const auto& parameter : v.endpoint.query_parameters) {
      std::cout << "  query      " << describe(parameter) << "\n";
    }
    for (const auto& header : v.endpoint.headers) {
      std::cout << "  header     " << describe(header) << "\n";
    }
    std::cout << "  messages   " << join(message_names(v)) << "\n";
    if (const auto http = http_message_names(v); !http.empty()) {
      std::cout << "  from HTTP  " << join(http)
                << "  (undocumented by the vendor; the mock answers them as HTTP defines)\n";
    }
    if (const rapidjson::Value* mock = mock_section(v)) {
      const auto credentials = mock->FindMember("credentials");
      if (credentials != mock->MemberEnd()) {
        std::cout << "  mock auth  " << compact(credentials->value) << "\n";
      }
      const auto users = mock->FindMember("users");
      if (users != mock->MemberEnd() && users->value.IsObject()) {
        std::vector<std::string> ids;
        for (const auto& user : users->value.GetObject()) ids.push_back(user.name.GetString());
        std::cout << "  mock users " << join(ids) << "\n";
      }
    }
    std::cout << "\n";
  }
}

void print_json(const contracts::Catalog& catalog) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
  const auto strings = [&w](const std::vector<std::string>& items) {
    w.StartArray();
    for (const auto& s : items) w.String(s.c_str());
    w.EndArray();
  };
  w.StartArray();
  for (const auto& v : catalog.vendors()) {
    w.StartObject();
    w.Key("id");
    w.String(v.id.c_str());
    w.Key("name");
    w.String(v.name.c_str());
    w.Key("method");
    w.String(v.endpoint.method.c_str());
    w.Key("path");
    w.String(v.endpoint.path.c_str());
    w.Key("base_url");
    w.String(v.base_url.c_str());
    w.Key("auth");
    w.String(v.auth.scheme.c_str());
    w.Key("credential_env");
    strings(env_names(v));
    w.Key("request_media_types");
    strings(v.request_media_types);
    const auto parameters = [&](const std::vector<contracts::Parameter>& items) {
      w.StartArray();
      for (const auto& p : items) {
        w.StartObject();
        w.Key("name");
        w.String(p.name.c_str());
        w.Key("required");
        w.Bool(p.required);
        if (!p.value.empty()) {
          w.Key("value");
          w.String(p.value.c_str());
        }
        if (!p.allowed.empty()) {
          w.Key("allowed");
          strings(p.allowed);
        }
        w.EndObject();
      }
      w.EndArray();
    };
    w.Key("query_parameters");
    parameters(v.endpoint.query_parameters);
    w.Key("headers");
    parameters(v.endpoint.headers);
    w.Key("messages");
    strings(message_names(v));
    w.Key("http_messages");
    strings(http_message_names(v));
    if (const rapidjson::Value* mock = mock_section(v)) {
      for (const char* key : {"credentials", "users"}) {
        const auto it = mock->FindMember(key);
        if (it == mock->MemberEnd()) continue;
        w.Key((std::string("mock_") + key).c_str());
        it->value.Accept(w);
      }
    }
    w.EndObject();
  }
  w.EndArray();
  std::cout << buffer.GetString() << "\n";
}

int run(const Arguments& args) {
  const std::string output = args.value("--output").value_or("text");
  if (!args.positional().empty() || (output != "text" && output != "json")) {
    throw UsageError("usage: conform vendors [--output text|json]");
  }
  const auto catalog = load_catalog(args);
  output == "json" ? print_json(*catalog) : print_text(*catalog);
  return kExitOk;
}

const CommandRegistration registration{{"vendors",
                                        "list the vendors, their endpoints, auth and messages",
                                        kHelp,
                                        {{"--output", "text|json"}, {"--schemas", "DIR"}},
                                        run}};

}  // namespace
}  // namespace conform::cli

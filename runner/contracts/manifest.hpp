// Manifest: one vendor's schemas/<id>/vendor.json as plain data.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "codec/rapidjson.hpp"
#include "model/message.hpp"

namespace conform::contracts {

struct MessageSpec {
  MessageId id;
  // schemas/<id>/<file>; empty when the message has no body (empty_body).
  std::filesystem::path schema_file;
  // The XML rules of the message; empty when it is never XML.
  std::filesystem::path xml_rules_file;
  // The message must have no body at all (zero bytes).
  bool empty_body = false;
  // The vendor documents no such status; the mock answers it as HTTP defines it (manifest
  // "origin": "http").
  bool http_origin = false;
  std::string description;
};

struct Parameter {
  std::string name;
  bool required = false;
  std::vector<std::string> allowed;  // empty: any value
  std::string value;                 // a fixed value the vendor requires (a version header)
  std::string description;
};

struct Endpoint {
  std::string method;  // "PUT"
  std::string path;    // "/users/{user_id}"
  std::vector<Parameter> path_parameters;
  std::vector<Parameter> query_parameters;
  std::vector<Parameter> headers;
};

struct Auth {
  std::string scheme;  // "bearer" | "basic" | "body"
  // Credential name -> the environment variable that holds it for live targets
  // ("token" -> "ACME_TOKEN"; for "body", the body member names).
  std::map<std::string, std::string> env;
};

struct Manifest {
  std::string id;
  std::string name;
  std::string base_url;  // the live API's base URL
  std::string seed;      // the documentation page the contract was read from
  std::filesystem::path dir;
  Endpoint endpoint;
  Auth auth;
  std::vector<std::string> request_media_types;
  std::vector<std::string> response_media_types;
  std::vector<MessageSpec> messages;
  // Body members (at any depth) whose values are secrets: redacted in reports and logs.
  std::vector<std::string> secret_fields;
  // The whole manifest, for the sections other modules read (the mock's).
  std::shared_ptr<const rapidjson::Document> document;
};

}  // namespace conform::contracts

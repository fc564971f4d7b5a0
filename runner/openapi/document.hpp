// openapi document: one vendor's contract (manifest + schemas) as an OpenAPI 3.1 document,
// for OpenAPI tools (Schemathesis, Prism, Postman) to reuse.
#pragma once

#include <memory>
#include <string>

#include "codec/rapidjson.hpp"
#include "contracts/catalog.hpp"
#include "model/finding.hpp"

namespace conform::openapi {

struct DocumentOptions {
  // info.version: the version of the document (conform's own, by default).
  std::string version = "0.0.0";
};

struct Document {
  // Null when an error finding says why it could not be built.
  std::shared_ptr<rapidjson::Document> json;
  // Errors (a schema file unreadable) and warnings (a "$ref" left as it was).
  Findings findings;
};

// The vendor's endpoint as one path and operation: path, query and header parameters; the
// security scheme (HTTP bearer or basic; credentials in the body are described, since
// OpenAPI has no scheme for them); the request body per accepted media type (XML ones named
// after the XML rules' root element); one response per documented status ("default" too),
// with content per media type the vendor sends (XML only where the message has XML rules);
// and every schema under components/schemas.
Document build_document(const contracts::Catalog& catalog, const contracts::Manifest& vendor,
                        const DocumentOptions& options = {});

// The document as indented JSON text, ending in a newline.
std::string to_json_text(const rapidjson::Document& document);

}  // namespace conform::openapi

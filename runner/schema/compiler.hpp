// The compiler: a schema document -> a graph of Nodes with every "$ref" linked, checked for
// broken keywords, missing targets and loops that never consume input.
#pragma once

#include <deque>
#include <memory>
#include <vector>

#include "schema/document_store.hpp"
#include "schema/node.hpp"

namespace conform::schema {

struct CompiledGraph {
  std::deque<Node> nodes;  // a deque: nodes keep their address while the graph grows
  // Every document a node reads values from (enum, const), kept alive with the graph.
  std::vector<std::shared_ptr<const Document>> documents;
  const Node* root = nullptr;
};

// Compiles the schema at the root of `document`, loading "$ref"d documents through
// `store`. Throws SchemaError naming the document and the JSON Pointer of the problem.
std::shared_ptr<const CompiledGraph> compile_schema(
    DocumentStore& store, const std::shared_ptr<const Document>& document);

}  // namespace conform::schema

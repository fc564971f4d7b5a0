#include <map>
#include <mutex>
#include <string>
#include <system_error>
#include <unordered_map>

#include "schema/compiler.hpp"
#include "schema/document_store.hpp"
#include "schema/evaluator.hpp"
#include "schema/schema.hpp"
#include "schema/uri.hpp"

namespace conform::schema {
namespace {

class CompiledSchema final : public Schema {
 public:
  explicit CompiledSchema(std::shared_ptr<const CompiledGraph> graph) : graph_(std::move(graph)) {}

  bool validate(const rapidjson::Value& instance, Findings* findings,
                const ValidateOptions& options) const override {
    Evaluator evaluator(findings, options.strict, options.first_error_only);
    return evaluator.validate(*graph_->root, instance, nullptr);
  }

  const rapidjson::Value& document() const override { return graph_->documents.front()->json; }
  const Node& root() const override { return *graph_->root; }

 private:
  std::shared_ptr<const CompiledGraph> graph_;
};

}  // namespace

struct SchemaRegistry::Impl {
  std::mutex mutex;
  DocumentStore store;
  std::map<std::filesystem::path, std::shared_ptr<const Schema>> files;
  // The same schemas by the path as the caller spelt it: callers that ask once per payload
  // (Catalog::schema) skip canonical(), whose readlink calls cost more than validating.
  std::unordered_map<std::string, std::shared_ptr<const Schema>> by_given_path;
};

SchemaRegistry::SchemaRegistry() : impl_(std::make_unique<Impl>()) {}
SchemaRegistry::~SchemaRegistry() = default;

void SchemaRegistry::map_url_prefix(std::string url_prefix, std::filesystem::path dir) {
  std::lock_guard<std::mutex> lock(impl_->mutex);
  impl_->store.map_url_prefix(std::move(url_prefix), std::move(dir));
}

std::shared_ptr<const Schema> SchemaRegistry::load_file(const std::filesystem::path& file) {
  // A relative path is keyed as absolute: the working directory may change between calls.
  std::error_code error;
  const std::string given =
      file.is_absolute() ? file.native() : std::filesystem::absolute(file, error).native();
  if (!given.empty()) {
    std::lock_guard<std::mutex> lock(impl_->mutex);
    const auto known = impl_->by_given_path.find(given);
    if (known != impl_->by_given_path.end()) return known->second;
  }
  std::filesystem::path canonical = std::filesystem::canonical(file, error);
  if (error)
    throw SchemaError(file.string(), "", "cannot read the schema file: " + error.message());
  std::lock_guard<std::mutex> lock(impl_->mutex);
  auto cached = impl_->files.find(canonical);
  if (cached != impl_->files.end()) {
    if (!given.empty()) impl_->by_given_path.emplace(given, cached->second);
    return cached->second;
  }
  auto document = impl_->store.add_file(canonical);
  auto schema = std::make_shared<CompiledSchema>(compile_schema(impl_->store, document));
  impl_->files.emplace(canonical, schema);
  if (!given.empty()) impl_->by_given_path.emplace(given, schema);
  return schema;
}

std::shared_ptr<const Schema> SchemaRegistry::load_value(const rapidjson::Value& schema,
                                                         const std::string& base_uri) {
  rapidjson::Document copy;
  copy.CopyFrom(schema, copy.GetAllocator());
  std::lock_guard<std::mutex> lock(impl_->mutex);
  auto document =
      impl_->store.add(base_uri, base_uri.empty() ? "<schema>" : base_uri, std::move(copy));
  return std::make_shared<CompiledSchema>(compile_schema(impl_->store, document));
}

}  // namespace conform::schema

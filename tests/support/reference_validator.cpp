// codec/rapidjson.hpp comes first: it defines a cheap RAPIDJSON_ASSERT before valijson's
// adapter can define its costly one (a heap string per check).
#include "codec/rapidjson.hpp"
// clang-format off
#include "codec/json_number.hpp"
#include "support/reference_validator.hpp"

#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validator.hpp>
// The adapter only checks VALIJSON_USE_EXCEPTIONS to define its own RAPIDJSON_ASSERT (and
// warns that ours exists): hide the macro from it alone. The headers above already saw it.
#pragma push_macro("VALIJSON_USE_EXCEPTIONS")
#undef VALIJSON_USE_EXCEPTIONS
#include <valijson/adapters/rapidjson_adapter.hpp>
#pragma pop_macro("VALIJSON_USE_EXCEPTIONS")
// clang-format on

#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>

#include "codec/json_pointer.hpp"
#include "text/percent.hpp"

namespace conform::schema {
namespace {

bool read_json(const std::filesystem::path& file, rapidjson::Document& document) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return false;
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return !codec::parse_json_text(document, bytes.str()).IsError();
}

bool contains_id(const rapidjson::Value& value) {
  if (value.IsObject()) {
    if (value.HasMember("$id")) return true;
    for (auto& member : value.GetObject()) {
      if (contains_id(member.value)) return true;
    }
  } else if (value.IsArray()) {
    for (auto& item : value.GetArray()) {
      if (contains_id(item)) return true;
    }
  }
  return false;
}

// Copies a schema, replacing "$ref"s to "#/..." and "file.json#/..." by their targets.
class Inliner {
 public:
  Inliner(const std::filesystem::path& base_dir, rapidjson::Document::AllocatorType& allocator)
      : base_dir_(base_dir), allocator_(allocator) {}

  rapidjson::Value copy(const rapidjson::Value& value, const rapidjson::Value& root,
                        const std::string& file) {
    if (value.IsObject()) {
      auto ref = value.FindMember("$ref");
      if (ref != value.MemberEnd() && ref->value.IsString()) {
        if (const rapidjson::Value* inlined = inline_ref(ref->value.GetString(), root, file)) {
          return rapidjson::Value(*inlined, allocator_);
        }
      }
      rapidjson::Value out(rapidjson::kObjectType);
      for (auto& member : value.GetObject()) {
        out.AddMember(rapidjson::Value(member.name, allocator_), copy(member.value, root, file),
                      allocator_);
      }
      return out;
    }
    if (value.IsArray()) {
      rapidjson::Value out(rapidjson::kArrayType);
      for (auto& item : value.GetArray()) out.PushBack(copy(item, root, file), allocator_);
      return out;
    }
    return rapidjson::Value(value, allocator_);
  }

 private:
  // The inlined copy of a ref's target, or nullptr to leave the "$ref" alone.
  const rapidjson::Value* inline_ref(const std::string& ref, const rapidjson::Value& root,
                                     const std::string& file) {
    std::size_t hash = ref.find('#');
    if (hash == std::string::npos) return nullptr;
    std::string target_file = hash == 0 ? file : ref.substr(0, hash);
    if (target_file.find(':') != std::string::npos) return nullptr;  // a URL
    const rapidjson::Value* target_root = &root;
    if (target_file != file) {
      target_root = load(target_file);
      if (target_root == nullptr) return nullptr;
    }
    std::string pointer;
    if (!text::percent_decode_exact(ref.substr(hash + 1), pointer)) return nullptr;
    const rapidjson::Value* target = codec::resolve_pointer(*target_root, pointer);
    std::string key = target_file + "#" + pointer;
    if (target == nullptr || active_.count(key)) return nullptr;  // missing, or recursive
    active_[key] = true;
    auto inlined = std::make_unique<rapidjson::Value>(copy(*target, *target_root, target_file));
    active_.erase(key);
    copies_.push_back(std::move(inlined));
    return copies_.back().get();
  }

  const rapidjson::Value* load(const std::string& file) {
    if (base_dir_.empty()) return nullptr;
    auto found = files_.find(file);
    if (found != files_.end()) return found->second.get();
    auto document = std::make_unique<rapidjson::Document>();
    if (!read_json(base_dir_ / file, *document)) return nullptr;
    return (files_[file] = std::move(document)).get();
  }

  std::filesystem::path base_dir_;
  rapidjson::Document::AllocatorType& allocator_;
  std::map<std::string, std::unique_ptr<rapidjson::Document>> files_;
  std::map<std::string, bool> active_;
  std::vector<std::unique_ptr<rapidjson::Value>> copies_;
};

}  // namespace

struct ReferenceValidator::Impl {
  rapidjson::Document schema_json;
  valijson::Schema schema;
};

ReferenceValidator::ReferenceValidator(const rapidjson::Value& schema, Options options)
    : impl_(std::make_unique<Impl>()) {
  if (contains_id(schema)) {
    // "$id" changes what "#" means inside a subschema: leave resolution to valijson.
    impl_->schema_json.CopyFrom(schema, impl_->schema_json.GetAllocator());
  } else {
    Inliner inliner(options.base_dir, impl_->schema_json.GetAllocator());
    rapidjson::Value copy = inliner.copy(schema, schema, "");
    static_cast<rapidjson::Value&>(impl_->schema_json) = copy;
  }
  auto prefixes = options.url_prefixes;
  auto fetch = [prefixes](const std::string& uri) -> const rapidjson::Document* {
    for (const auto& [prefix, dir] : prefixes) {
      if (uri.compare(0, prefix.size(), prefix) != 0) continue;
      auto document = std::make_unique<rapidjson::Document>();
      if (read_json(dir / uri.substr(prefix.size()), *document)) return document.release();
    }
    return nullptr;
  };
  auto free_document = [](const rapidjson::Document* document) { delete document; };
  try {
    valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
    valijson::adapters::RapidJsonAdapter adapter(impl_->schema_json);
    parser.populateSchema(adapter, impl_->schema, fetch, free_document);
  } catch (const std::exception& error) {
    throw std::runtime_error(std::string("valijson cannot parse the schema: ") + error.what());
  }
}

ReferenceValidator::~ReferenceValidator() = default;

std::optional<bool> ReferenceValidator::validate(const rapidjson::Value& instance) const {
  try {
    valijson::Validator validator(valijson::Validator::kStrongTypes);
    valijson::adapters::RapidJsonAdapter adapter(instance);
    return validator.validate(impl_->schema, adapter, nullptr);
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

const rapidjson::Value& ReferenceValidator::inlined_schema() const { return impl_->schema_json; }

}  // namespace conform::schema

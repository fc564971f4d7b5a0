#include "generate/generator.hpp"

#include <algorithm>

#include "generate/prng.hpp"

namespace conform::generate {
namespace {

// How many valid variants a drawn example combines, at most.
constexpr std::size_t kMaxDrawn = 4;

}  // namespace

Generator::Generator(const schema::Node& root, std::map<std::string, std::string> pinned_json,
                     std::uint64_t seed)
    : root_(root), seed_(seed) {
  const VariantMaker maker;
  if (!maker.minimal(root_, base_, base_.GetAllocator()) || !base_.IsObject()) base_.SetObject();
  for (const auto& [member, json] : pinned_json) {
    rapidjson::Document value;
    value.Parse(json.data(), json.size());
    if (value.HasParseError())
      value.SetString(json.data(), static_cast<rapidjson::SizeType>(json.size()),
                      value.GetAllocator());
    apply({member, std::make_shared<rapidjson::Document>(std::move(value))}, base_,
          base_.GetAllocator());
  }
  for (EditVariant& edit : maker.valid_edits(root_, "")) {
    if (pinned_json.count(edit.edit.member) == 0) valid_.push_back(std::move(edit));
  }
  invalid_ = maker.invalid_edits(root_, "");
}

std::shared_ptr<rapidjson::Document> Generator::body(const std::vector<Edit>& edits) const {
  auto doc = std::make_shared<rapidjson::Document>();
  doc->CopyFrom(base_, doc->GetAllocator());
  for (const Edit& edit : edits) apply(edit, *doc, doc->GetAllocator());
  return doc;
}

Example Generator::example(std::uint64_t index) const {
  Example out;
  out.index = index;
  if (index < planned()) {
    // Valid and invalid planned examples alternate while both last, so a short run
    // exercises both halves of the plan.
    const std::uint64_t both = 2 * std::min(valid_.size(), invalid_.size());
    const bool valid = index < both ? index % 2 == 0 : valid_.size() > invalid_.size();
    const std::uint64_t at = index < both ? index / 2 : index - both / 2;
    const EditVariant& variant = valid ? valid_[at] : invalid_[at];
    out.valid = valid;
    out.covered = variant.covered;
    out.edits.push_back(variant.edit);
  } else {
    Prng prng(example_seed(seed_, index));
    out.covered = {"", "random", std::to_string(index)};
    const std::size_t count = valid_.empty() ? 0 : 1 + prng.below(kMaxDrawn);
    for (std::size_t i = 0; i < count; ++i)
      out.edits.push_back(valid_[prng.below(valid_.size())].edit);
    if (!invalid_.empty() && prng.coin()) {
      const EditVariant& violation = invalid_[prng.below(invalid_.size())];
      out.valid = false;
      out.covered = violation.covered;
      out.edits.push_back(violation.edit);
    }
  }
  out.body = body(out.edits);
  return out;
}

std::vector<Covered> Generator::plan() const {
  std::vector<Covered> out;
  for (const auto* list : {&valid_, &invalid_}) {
    for (const EditVariant& variant : *list) out.push_back(variant.covered);
  }
  return out;
}

}  // namespace conform::generate

// Generator: the examples of one request schema, numbered. The first ones are planned (each
// valid variant and each single violation of every member, so together they cover every
// keyword case); every later one is drawn from its own seed (a few valid variants at once,
// and for every second one a single violation on top). Example N depends only on the
// seed, the schema and N, so a run streams them and one example can be replayed alone.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "codec/rapidjson.hpp"
#include "generate/variants.hpp"
#include "schema/node.hpp"

namespace conform::generate {

struct Example {
  std::uint64_t index = 0;
  bool valid = true;
  // Valid: the keyword case it exercises ("random" for a drawn one); invalid: its violation.
  Covered covered;
  // The edits over the minimal body, in order; the violation, if any, is the last.
  std::vector<Edit> edits;
  std::shared_ptr<rapidjson::Document> body;
};

class Generator {
 public:
  // `pinned`: top-level members whose value the target decides (the user's id, body
  // credentials), set in every example and never varied by valid ones.
  Generator(const schema::Node& root, std::map<std::string, std::string> pinned_json,
            std::uint64_t seed);

  // How many planned examples there are (the coverage plan).
  std::size_t planned() const { return valid_.size() + invalid_.size(); }
  std::uint64_t seed() const { return seed_; }

  Example example(std::uint64_t index) const;

  // The body `edits` give over the minimal body (the shrinker's way back to a request).
  std::shared_ptr<rapidjson::Document> body(const std::vector<Edit>& edits) const;

  // Every keyword case of the plan (valid and invalid), for the coverage summary.
  std::vector<Covered> plan() const;

 private:
  const schema::Node& root_;
  std::uint64_t seed_;
  rapidjson::Document base_;
  std::vector<EditVariant> valid_;
  std::vector<EditVariant> invalid_;
};

}  // namespace conform::generate

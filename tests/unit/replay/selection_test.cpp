#include "replay/selection.hpp"

#include <gtest/gtest.h>

#include <set>

namespace conform::replay {
namespace {

Case make_case(std::string vendor, std::string name, std::vector<std::string> tags = {}) {
  Case out;
  out.vendor = std::move(vendor);
  out.name = std::move(name);
  out.file = "/some/checkout/cases/" + out.vendor + "/" + out.name + ".json";
  out.tags = std::move(tags);
  return out;
}

TEST(ParseShard, AcceptsKOfNOnly) {
  const auto shard = parse_shard("2/4");
  ASSERT_TRUE(shard);
  EXPECT_EQ(shard->index, 2);
  EXPECT_EQ(shard->count, 4);
  EXPECT_FALSE(parse_shard("0/4"));
  EXPECT_FALSE(parse_shard("5/4"));
  EXPECT_FALSE(parse_shard("1/0"));
  EXPECT_FALSE(parse_shard("1-4"));
  EXPECT_FALSE(parse_shard("a/b"));
}

TEST(StableHash, IsFnv1aSoEveryMachineAgrees) {
  EXPECT_EQ(stable_hash(""), 14695981039346656037ull);
  EXPECT_EQ(stable_hash("a"), 0xaf63dc4c8601ec8cull);
}

TEST(Shards, TogetherTakeEveryCaseExactlyOnce) {
  std::vector<Case> cases;
  for (int i = 0; i < 200; ++i)
    cases.push_back(make_case(i % 2 ? "finix" : "nexudus", "case " + std::to_string(i)));
  for (int count : {1, 2, 3, 7}) {
    std::multiset<std::string> taken;
    std::vector<int> per_shard(count, 0);
    for (int k = 1; k <= count; ++k) {
      for (const Case& c : cases) {
        if (in_shard(c, Shard{k, count})) {
          taken.insert(c.name);
          ++per_shard[k - 1];
        }
      }
    }
    EXPECT_EQ(taken.size(), cases.size()) << count << " shards";
    for (const Case& c : cases) EXPECT_EQ(taken.count(c.name), 1u);
    for (int n : per_shard) EXPECT_GT(n, 0) << "an empty shard among " << count;
  }
}

TEST(Shards, DoNotDependOnWhereTheCheckoutLives) {
  Case here = make_case("finix", "tags");
  Case there = here;
  there.file = "/elsewhere/cases/finix/tags.json";
  EXPECT_EQ(shard_key(here), shard_key(there));
}

TEST(Selection, FiltersByTagAndExcludedTag) {
  const Case smoke = make_case("finix", "a", {"smoke", "json"});
  const Case slow = make_case("finix", "b", {"slow"});
  Selection selection;
  EXPECT_TRUE(selected(smoke, selection));
  selection.tags = {"smoke"};
  EXPECT_TRUE(selected(smoke, selection));
  EXPECT_FALSE(selected(slow, selection));
  selection.tags = {};
  selection.exclude_tags = {"json"};
  EXPECT_FALSE(selected(smoke, selection));
  EXPECT_TRUE(selected(slow, selection));
}

}  // namespace
}  // namespace conform::replay

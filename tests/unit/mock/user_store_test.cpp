#include "mock/user_store.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <thread>

#include "mock/state_file.hpp"
#include "support/temp_dir.hpp"

namespace conform::mock {
namespace {
namespace fs = std::filesystem;

rapidjson::Document parse(const char* json) {
  rapidjson::Document document;
  document.Parse(json);
  return document;
}

// Regression: replaced values stayed in the document's pool, 18 -> 309 MB over 11,000 PUTs
// of a 25 KB user. Memory follows what is stored, not how often it changed.
TEST(UserStore, MemoryFollowsTheStoredUserNotTheNumberOfUpdates) {
  UserStore store;
  store.put("v", "1", parse(R"({"tags":{}})"));
  std::size_t first = 0;
  std::size_t last = 0;
  for (int round = 0; round < 2000; ++round) {
    store.update("v", "1", [&](UserStore::User& user) {
      if (round == 1) first = user.GetAllocator().Size();
      last = user.GetAllocator().Size();
      // 50 tags of 500 characters, replaced each time.
      rapidjson::Value tags(rapidjson::kObjectType);
      for (int tag = 0; tag < 50; ++tag) {
        const std::string name = "tag" + std::to_string(tag);
        const std::string value(500, static_cast<char>('a' + (round + tag) % 26));
        tags.AddMember(rapidjson::Value(name.c_str(), user.GetAllocator()),
                       rapidjson::Value(value.c_str(), user.GetAllocator()), user.GetAllocator());
      }
      user["tags"] = tags;
    });
  }
  ASSERT_GT(first, 25000u);
  EXPECT_LE(last, 2 * first) << "the pool grows with every update";
}

TEST(UserStore, ConcurrentUpdatesNeverLoseAWrite) {
  UserStore store;
  store.put("v", "1", parse(R"({"count":0,"log":[]})"));
  constexpr int kThreads = 8;
  constexpr int kUpdates = 500;
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&store, t] {
      for (int i = 0; i < kUpdates; ++i) {
        store.update("v", "1", [t](UserStore::User& user) {
          user["count"].SetInt(user["count"].GetInt() + 1);
          user["log"].PushBack(t, user.GetAllocator());
        });
      }
    });
  }
  for (auto& thread : threads) thread.join();
  store.read("v", "1", [](const UserStore::User& user) {
    EXPECT_EQ(user["count"].GetInt(), kThreads * kUpdates);
    EXPECT_EQ(user["log"].Size(), static_cast<unsigned>(kThreads * kUpdates));
  });
}

TEST(UserStore, UnknownVendorsAndUsersAreNotFound) {
  UserStore store;
  store.put("v", "1", parse("{}"));
  EXPECT_FALSE(store.update("v", "2", [](UserStore::User&) { FAIL(); }));
  EXPECT_FALSE(store.read("w", "1", [](const UserStore::User&) { FAIL(); }));
}

class StateFile : public ::testing::Test {
 protected:
  test::TempDir tmp_;
  const fs::path dir_ = tmp_.path();
};

TEST_F(StateFile, SavesAtomicallyAndLoadsBack) {
  UserStore store;
  store.put("finix", "US1", parse(R"({"id":"US1","tags":{"a":"b"}})"));
  store.put("nexudus", "1001", parse(R"({"Id":1001})"));
  const fs::path file = dir_ / "state.json";
  ASSERT_EQ(save_state(file, store), "");
  // Only the state file remains: the temporary was renamed over it.
  EXPECT_EQ(std::distance(fs::directory_iterator(dir_), fs::directory_iterator()), 1);

  UserStore loaded;
  ASSERT_EQ(load_state(file, loaded), "");
  EXPECT_EQ(loaded.to_json(), store.to_json());
}

TEST_F(StateFile, AMissingFileIsAnEmptyStateAndABrokenOneIsNamed) {
  UserStore store;
  EXPECT_EQ(load_state(dir_ / "absent.json", store), "");
  std::ofstream(dir_ / "broken.json") << "{\"finix\": [";
  const std::string problem = load_state(dir_ / "broken.json", store);
  EXPECT_NE(problem.find("broken.json: not JSON"), std::string::npos) << problem;
}

TEST_F(StateFile, ASaveIntoAMissingFolderFailsAndSaysWhere) {
  UserStore store;
  const std::string problem = save_state(dir_ / "no" / "state.json", store);
  EXPECT_NE(problem.find("No such file or directory"), std::string::npos) << problem;
}

}  // namespace
}  // namespace conform::mock

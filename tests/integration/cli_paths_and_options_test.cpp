// What a newcomer meets first: a wrong path says what is wrong with it in one line, --output
// is a format in every command, and diff's text columns stay apart.
#include <gtest/gtest.h>
#include <rapidjson/prettywriter.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "codec/rapidjson.hpp"
#include "support/run_command.hpp"
#include "support/temp_dir.hpp"

namespace conform {
namespace {
namespace fs = std::filesystem;
using test::run_conform;
using test::TempDir;

std::size_t lines(const std::string& text) {
  std::size_t count = 0;
  for (const char c : text) count += c == '\n';
  return count;
}

// On the test-only vendor (tests/data/vendors/acme): a path error is no vendor's behaviour.
TEST(PathErrors, AFolderGivenAsAFileSaysSoInOneLine) {
  const TempDir dir;
  const std::string vendors = CONFORM_TESTS_DIR "/data/vendors";
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"validate", "acme", "request", "--schemas", vendors, dir.path()},
        {"convert", "acme", "request", "--schemas", vendors, "--to", "json", dir.path()}}) {
    const auto result = run_conform(args);
    EXPECT_EQ(result.exit_code, 2) << args[0];
    EXPECT_NE(result.err.find(dir.path() + ": a folder, not a file"), std::string::npos)
        << args[0] << ": " << result.err;
    EXPECT_EQ(result.err.find("no such file"), std::string::npos) << result.err;
  }
}

TEST(PathErrors, AFileGivenAsAFolderSaysSoInOneLine) {
  const TempDir dir;
  const std::string file = dir.write("README.md", "# not a recording\n");
  for (const std::vector<std::string>& args : {std::vector<std::string>{"drift", file},
                                               {"infer", file},
                                               {"diff", file, CONFORM_SCHEMAS_DIR}}) {
    const auto result = run_conform(args);
    EXPECT_EQ(result.exit_code, 2) << args[0];
    EXPECT_NE(result.err.find(file + ": a file, not a folder"), std::string::npos)
        << args[0] << ": " << result.err;
    EXPECT_EQ(lines(result.err), 1u) << args[0] << ": " << result.err;
  }
  const auto missing = run_conform({"drift", dir.path() + "/missing"});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.err.find("no such file or folder"), std::string::npos) << missing.err;
}

TEST(OutputOption, IsAFormatEverywhereAndOpenapiWritesFilesWithOut) {
  const TempDir dir;
  const auto json = run_conform({"openapi", "finix", "--output", "json"});
  EXPECT_EQ(json.exit_code, 0) << json.err;
  EXPECT_EQ(json.out.rfind("{", 0), 0u);

  // The old meaning, a destination, is a usage error that names the new option.
  const std::string file = dir.path() + "/finix.openapi.json";
  const auto old = run_conform({"openapi", "finix", "--output", file});
  EXPECT_EQ(old.exit_code, 2);
  EXPECT_NE(old.err.find("--out " + file), std::string::npos) << old.err;
  EXPECT_FALSE(fs::exists(file));

  const auto written = run_conform({"openapi", "finix", "--out", file});
  EXPECT_EQ(written.exit_code, 0) << written.err;
  EXPECT_TRUE(fs::is_regular_file(file));

  const std::string script = dir.path() + "/conform.bash";
  const auto completion_old = run_conform({"completion", "bash", "--output", script});
  EXPECT_EQ(completion_old.exit_code, 2);
  EXPECT_NE(completion_old.err.find("--out " + script), std::string::npos) << completion_old.err;
  EXPECT_FALSE(fs::exists(script));
  EXPECT_EQ(run_conform({"completion", "bash", "--out", script}).exit_code, 0);
  EXPECT_TRUE(fs::is_regular_file(script));
}

TEST(DiffText, ALongRuleStaysApartFromTheMessage) {
  const TempDir dir;
  const fs::path old_tree = fs::path(dir.path()) / "old";
  const fs::path new_tree = fs::path(dir.path()) / "new";
  // Two trees of the test-only vendor (tests/data/vendors/acme).
  for (const fs::path& tree : {old_tree, new_tree}) {
    fs::create_directories(tree);
    for (const char* file : {"manifest.schema.json", "mock.schema.json"}) {
      fs::copy_file(fs::path(CONFORM_SCHEMAS_DIR) / file, tree / file);
    }
    fs::copy(fs::path(CONFORM_TESTS_DIR) / "data/vendors/acme", tree / "acme",
             fs::copy_options::recursive);
  }
  // acme's 200 no longer promises "member_id": response-property-required-removed, 34
  // characters.
  const fs::path schema = new_tree / "acme" / "response-200.schema.json";
  std::ifstream in(schema);
  std::stringstream text;
  text << in.rdbuf();
  rapidjson::Document document;
  document.Parse(text.str().c_str());
  ASSERT_TRUE(document.IsObject());
  auto& required = document["required"];
  ASSERT_TRUE(required.IsArray());
  ASSERT_STREQ(required[0].GetString(), "member_id");
  required.Erase(required.Begin());
  rapidjson::StringBuffer buffer;
  rapidjson::PrettyWriter<rapidjson::StringBuffer> writer(buffer);
  document.Accept(writer);
  std::ofstream(schema) << buffer.GetString();

  const auto result = run_conform({"diff", old_tree.string(), new_tree.string()});
  EXPECT_EQ(result.exit_code, 1) << result.err;
  EXPECT_NE(result.out.find("breaking response-property-required-removed response:200: "),
            std::string::npos)
      << result.out;
}

}  // namespace
}  // namespace conform

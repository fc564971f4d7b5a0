#include "drift/recording_check.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "support/run_command.hpp"
#include "support/temp_dir.hpp"

namespace conform::drift {
namespace {
namespace fs = std::filesystem;

Snapshot finix_put(const std::string& body, int status = 200,
                   const std::string& type = "application/json") {
  Snapshot snapshot;
  snapshot.vendor = "finix";
  snapshot.case_name = "update";
  snapshot.case_file = "update.json";
  snapshot.method = "PUT";
  snapshot.path = "/users/USx";
  snapshot.status = status;
  if (!type.empty()) snapshot.headers = {{"content-type", type}};
  snapshot.body = body;
  snapshot.relative_path = "finix/update/0.json";
  return snapshot;
}

// A finix 200 body as the mock's default profile sends it.
std::string finix_user(const std::string& extra = "", bool enabled = true,
                       const std::string& created = "\"2022-03-01T17:24:05.32Z\"") {
  return R"({"id": "USsRhsHYZGBPnQw8CByJyEQW", "created_at": )" + created +
         R"(, "updated_at": "2022-03-01T17:24:05.32Z", "enabled": )" +
         (enabled ? "true" : "false") +
         R"(, "role": "ROLE_PARTNER", "tags": {}, "identity": "IDpYDM7J9n57q849o9E9yNrG",
  "_links": {"self": {"href": "/users/USsRhsHYZGBPnQw8CByJyEQW"}})" +
         extra + "}";
}

const DriftItem* find(const DriftItems& items, const std::string& rule,
                      const std::string& pointer) {
  const auto it = std::find_if(items.begin(), items.end(), [&](const DriftItem& item) {
    return item.rule() == rule && item.finding.pointer == pointer;
  });
  return it == items.end() ? nullptr : &*it;
}

std::size_t at_least(const DriftItems& items, Level level) {
  return static_cast<std::size_t>(std::count_if(
      items.begin(), items.end(), [&](const DriftItem& item) { return item.level >= level; }));
}

class RecordingCheckTest : public ::testing::Test {
 protected:
  RecordingCheckTest() : catalog_(contracts::Catalog::load(CONFORM_SCHEMAS_DIR)) {}
  RecordingCheck check(std::vector<Snapshot> snapshots) {
    Recording recording;
    recording.snapshots = std::move(snapshots);
    return check_recording(*catalog_, recording);
  }
  std::shared_ptr<contracts::Catalog> catalog_;
};

TEST_F(RecordingCheckTest, ADocumentedBodyGivesNoWarning) {
  const RecordingCheck result = check({finix_put(finix_user())});
  EXPECT_EQ(at_least(result.items, Level::warning), 0u);
  ASSERT_TRUE(result.shapes.count({"finix", "response:200"}));
  EXPECT_TRUE(result.shapes.at({"finix", "response:200"}).count("/_links/self/href"));
}

TEST_F(RecordingCheckTest, AnUndocumentedPropertyNamesItsTypeAndAnExample) {
  const RecordingCheck result = check({finix_put(finix_user(R"(, "risk_profile": "standard")")),
                                       finix_put(finix_user(R"(, "risk_profile": "high")"))});
  const DriftItem* item = find(result.items, "property-undocumented", "/risk_profile");
  ASSERT_NE(item, nullptr);
  EXPECT_EQ(item->level, Level::warning);
  EXPECT_EQ(item->message, "response:200");
  EXPECT_EQ(item->occurrences, 2);  // aggregated
  EXPECT_NE(item->finding.message.find("string, e.g. \"standard\""), std::string::npos)
      << item->finding.message;
}

TEST_F(RecordingCheckTest, ViolationsAreBreaking) {
  const RecordingCheck result = check({finix_put(
      R"({"id": "USsRhsHYZGBPnQw8CByJyEQW", "created_at": 1646155445, "updated_at": "2022-03-01T17:24:05.32Z", "role": "ROLE_SUPPORT", "tags": {}, "identity": "IDpYDM7J9n57q849o9E9yNrG"})")});
  const DriftItem* missing = find(result.items, "property-missing", "/enabled");
  ASSERT_NE(missing, nullptr);
  EXPECT_EQ(missing->level, Level::breaking);
  const DriftItem* type = find(result.items, "type-mismatch", "/created_at");
  ASSERT_NE(type, nullptr);
  EXPECT_EQ(type->finding.actual, "1646155445");
  EXPECT_NE(find(result.items, "enum-value-undocumented", "/role"), nullptr);
  // The never-seen walk reports what the body lacked, as information only.
  const DriftItem* never = find(result.items, "property-never-seen", "/enabled");
  ASSERT_NE(never, nullptr);
  EXPECT_EQ(never->level, Level::info);
}

// A response schema may share a file at the catalog root: the never-seen walk follows it
// as validation does.
TEST(RecordingCheck, TheNeverSeenWalkFollowsRefsIntoTheCatalogRoot) {
  const test::TempDir dir;
  const fs::path root = fs::path(dir.path()) / "schemas";
  fs::copy(CONFORM_SCHEMAS_DIR, root, fs::copy_options::recursive);
  std::ofstream(root / "shared.schema.json")
      << R"({"type": "object", "properties": {"deep": {"type": "string"}}})";
  const fs::path response = root / "finix" / "response-200.schema.json";
  std::ifstream in(response);
  std::stringstream text;
  text << in.rdbuf();
  std::string schema = text.str();
  const std::size_t at = schema.find(R"("properties": {)");
  ASSERT_NE(at, std::string::npos);
  schema.insert(at + 15, R"("shared_x": {"$ref": "../shared.schema.json"},)");
  std::ofstream(response, std::ios::trunc) << schema;

  Recording recording;
  recording.snapshots = {finix_put(finix_user(R"(, "shared_x": {})"))};
  const RecordingCheck result = check_recording(*contracts::Catalog::load(root), recording);
  EXPECT_NE(find(result.items, "property-never-seen", "/shared_x/deep"), nullptr);
}

TEST_F(RecordingCheckTest, StatusAndContentTypeTheVendorDoesNotDocument) {
  const RecordingCheck result =
      check({finix_put("<html>teapot</html>", 418, "text/html"), finix_put("{}", 200, "")});
  const DriftItem* status = find(result.items, "status-undocumented", "");
  ASSERT_NE(status, nullptr);
  EXPECT_EQ(status->message, "response:418");
  EXPECT_EQ(status->level, Level::warning);
  const DriftItem* type = find(result.items, "content-type-undocumented", "");
  ASSERT_NE(type, nullptr);
  EXPECT_EQ(type->finding.actual, "text/html");
  EXPECT_NE(find(result.items, "content-type-missing", ""), nullptr);
}

TEST_F(RecordingCheckTest, ABodyWhereNoneIsDocumentedIsBreaking) {
  Snapshot snapshot;
  snapshot.vendor = "msp360";
  snapshot.method = "PUT";
  snapshot.status = 200;
  snapshot.headers = {{"content-type", "application/json"}};
  snapshot.body = R"({"ID": "x"})";
  snapshot.relative_path = "msp360/update/0.json";
  const RecordingCheck result = check({snapshot});
  const DriftItem* item = find(result.items, "body-unexpected", "");
  ASSERT_NE(item, nullptr);
  EXPECT_EQ(item->level, Level::breaking);
}

TEST_F(RecordingCheckTest, RedactedValuesAreNotJudged) {
  Snapshot snapshot = finix_put(finix_user());
  snapshot.body.replace(snapshot.body.find("\"IDpYDM7J9n57q849o9E9yNrG\""), 26, "\"***\"");
  EXPECT_EQ(at_least(check({snapshot}).items, Level::warning), 0u);
}

TEST_F(RecordingCheckTest, ReadBacksUseTheMessageTheManifestNamesOrNone) {
  const contracts::Manifest& msp360 = *catalog_->find("msp360");
  const contracts::Manifest& finix = *catalog_->find("finix");
  Snapshot read;
  read.method = "GET";
  read.status = 200;
  EXPECT_EQ(message_for(msp360, read), "request");  // mock.responses.read.validates_as
  EXPECT_EQ(message_for(finix, read), kUndocumentedRead);
  read.status = 404;
  EXPECT_EQ(message_for(finix, read), "response:404");
  read.expect_schema = "response:200";
  EXPECT_EQ(message_for(finix, read), "response:200");
}

class CompareTest : public RecordingCheckTest {
 protected:
  DriftItems compare(std::vector<Snapshot> before, std::vector<Snapshot> after) {
    Recording baseline, current;
    baseline.snapshots = std::move(before);
    current.snapshots = std::move(after);
    const RecordingCheck old_check = check_recording(*catalog_, baseline);
    const RecordingCheck new_check = check_recording(*catalog_, current);
    return compare_recordings(baseline, old_check.shapes, current, new_check.shapes,
                              new_check.maps);
  }
};

TEST_F(CompareTest, MembersOfAMapAreDataNotProperties) {
  // finix documents tags as a map (additionalProperties is a schema): other tag names on
  // another day are not a changed API.
  std::string before = finix_user();
  std::string after = finix_user();
  before.replace(before.find(R"("tags": {})"), 10, R"("tags": {"team": "a"})");
  after.replace(after.find(R"("tags": {})"), 10, R"("tags": {"owner": "b"})");
  const auto items = compare({finix_put(before)}, {finix_put(after)});
  EXPECT_TRUE(items.empty()) << items.front().finding.message;
}

TEST_F(CompareTest, TheSameBodiesWithOtherTimesAndIdsCompareCleanly) {
  const auto items =
      compare({finix_put(finix_user()), finix_put(finix_user()), finix_put(finix_user())},
              {finix_put(finix_user("", true, "\"2026-01-01T00:00:00Z\"")),
               finix_put(finix_user("", true, "\"2026-01-02T00:00:00Z\"")),
               finix_put(finix_user("", true, "\"2026-01-03T00:00:00Z\""))});
  EXPECT_TRUE(items.empty()) << items.front().finding.message;
}

TEST_F(CompareTest, RemovedAddedRetypedAndNullable) {
  const std::string before =
      R"({"keep": "x", "gone": {"a": 1, "b": 2}, "n": "1", "maybe": "y", "role": "A"})";
  const std::string after = R"({"keep": "x", "new": true, "n": 1, "maybe": null, "role": "B"})";
  const auto items = compare({finix_put(before), finix_put(before), finix_put(before)},
                             {finix_put(after), finix_put(after), finix_put(after)});
  const DriftItem* removed = find(items, "property-removed", "/gone");
  ASSERT_NE(removed, nullptr);
  EXPECT_EQ(removed->level, Level::breaking);
  EXPECT_EQ(find(items, "property-removed", "/gone/a"), nullptr);  // one item per object
  EXPECT_EQ(find(items, "property-added", "/new")->level, Level::warning);
  EXPECT_EQ(find(items, "property-type-changed", "/n")->finding.actual, "number");
  EXPECT_NE(find(items, "property-became-nullable", "/maybe"), nullptr);
  const DriftItem* value = find(items, "value-new", "/role");
  ASSERT_NE(value, nullptr);
  EXPECT_EQ(value->finding.actual, "\"B\"");
}

TEST_F(CompareTest, BecameNullableStatusAndContentType) {
  Snapshot before = finix_put(R"({"a": "x"})");
  Snapshot nullable = finix_put(R"({"a": null})");
  Snapshot also = finix_put(R"({"a": "x"})");
  also.relative_path = "finix/other/0.json";
  DriftItems items = compare({before, also}, {nullable, also});
  EXPECT_EQ(find(items, "property-became-nullable", "/a")->level, Level::breaking);

  Snapshot moved = finix_put("<a/>", 404, "application/xml");
  items = compare({before}, {moved});
  EXPECT_EQ(find(items, "status-changed", "")->finding.actual, "404");
  EXPECT_EQ(find(items, "content-type-changed", "")->finding.actual, "application/xml");
  EXPECT_NE(find(items, "message-new", ""), nullptr);
  EXPECT_NE(find(items, "message-not-seen", ""), nullptr);
}

TEST_F(CompareTest, VendorsTheRecordingDidNotRecordAreNotCompared) {
  Snapshot other = finix_put(R"({"a": 1})");
  other.vendor = "nexudus";
  other.relative_path = "nexudus/update/0.json";
  const auto items = compare({finix_put(finix_user()), other}, {finix_put(finix_user())});
  EXPECT_TRUE(items.empty()) << items.front().finding.message;
}

TEST_F(CompareTest, AResponseTheBaselineHasAndTheRecordingLacksIsBreaking) {
  Snapshot other = finix_put(finix_user());
  other.relative_path = "finix/other/0.json";
  // finix answered one step of two; nexudus was recorded (its folder exists) but got none.
  Snapshot nexudus = finix_put(R"({"a": 1})");
  nexudus.vendor = "nexudus";
  nexudus.relative_path = "nexudus/update/0.json";
  Recording baseline, current;
  baseline.snapshots = {finix_put(finix_user()), other, nexudus};
  current.snapshots = {finix_put(finix_user())};
  current.vendors = {"finix", "nexudus"};
  const auto items = compare_recordings(baseline, check_recording(*catalog_, baseline).shapes,
                                        current, check_recording(*catalog_, current).shapes);
  const DriftItem* finix = nullptr;
  const DriftItem* unanswered = nullptr;
  for (const DriftItem& item : items) {
    if (item.rule() != "snapshot-missing") continue;
    (item.vendor == "finix" ? finix : unanswered) = &item;
  }
  ASSERT_NE(finix, nullptr);
  EXPECT_EQ(finix->level, Level::breaking);
  EXPECT_EQ(finix->source, "finix/other/0.json");
  ASSERT_NE(unanswered, nullptr);
  EXPECT_EQ(unanswered->vendor, "nexudus");
}

TEST(PathEvidence, DatesAndIdsAreNeverAClosedSet) {
  PathEvidence dates;
  dates.count = 6;
  dates.values = {"\"2026-01-01T00:00:00Z\""};
  EXPECT_FALSE(dates.closed_set());
  PathEvidence roles;
  roles.count = 6;
  roles.values = {"\"A\"", "\"B\""};
  EXPECT_TRUE(roles.closed_set());
  roles.count = 3;  // each value must repeat
  EXPECT_FALSE(roles.closed_set());
}

}  // namespace
}  // namespace conform::drift

#include "drift/recording_check.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "support/files.hpp"
#include "support/run_command.hpp"
#include "support/temp_dir.hpp"

namespace conform::drift {
namespace {
namespace fs = std::filesystem;

// The recording check and the compare are engine behaviour: they run on the test-only vendor
// (tests/data/vendors/acme), so a change to a shipped vendor's contract does not touch them.
const fs::path kTestVendors = fs::path(CONFORM_TESTS_DIR) / "data" / "vendors";

Snapshot acme_patch(const std::string& body, int status = 200,
                    const std::string& type = "application/json") {
  Snapshot snapshot;
  snapshot.vendor = "acme";
  snapshot.case_name = "update";
  snapshot.case_file = "update.json";
  snapshot.method = "PATCH";
  snapshot.path = "/v2/members/m-1";
  snapshot.status = status;
  if (!type.empty()) snapshot.headers = {{"content-type", type}};
  snapshot.body = body;
  snapshot.relative_path = "acme/update/0.json";
  return snapshot;
}

// An acme 200 body as the mock sends it for its seed member.
std::string acme_member(const std::string& extra = "", bool active = true,
                        const std::string& updated = "\"2024-01-01T00:00:00Z\"") {
  return R"({"member_id": "m-1", "display_name": "Ada", "active": )" +
         std::string(active ? "true" : "false") +
         R"(, "role": "member", "labels": {}, "links": {"self": {"href": "/v2/members/m-1"}},
  "updated_at": )" +
         updated + extra + "}";
}

// A copy of the test vendors in `root` with acme a second time as "acmeb", for the tests
// that need two vendors.
std::shared_ptr<contracts::Catalog> two_test_vendors(const fs::path& root) {
  for (const char* file : {"manifest.schema.json", "mock.schema.json"}) {
    fs::copy_file(fs::path(CONFORM_SCHEMAS_DIR) / file, root / file);
  }
  for (const char* id : {"acme", "acmeb"}) {
    fs::copy(kTestVendors / "acme", root / id, fs::copy_options::recursive);
  }
  std::string manifest = test::read_file(root / "acmeb" / "vendor.json");
  const std::string id = R"("id": "acme")";
  manifest.replace(manifest.find(id), id.size(), R"("id": "acmeb")");
  std::ofstream(root / "acmeb" / "vendor.json", std::ios::trunc) << manifest;
  return contracts::Catalog::load(root);
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
  RecordingCheckTest() : catalog_(contracts::Catalog::load(kTestVendors)) {}
  RecordingCheck check(std::vector<Snapshot> snapshots) {
    Recording recording;
    recording.snapshots = std::move(snapshots);
    return check_recording(*catalog_, recording);
  }
  std::shared_ptr<contracts::Catalog> catalog_;
};

TEST_F(RecordingCheckTest, ADocumentedBodyGivesNoWarning) {
  const RecordingCheck result = check({acme_patch(acme_member())});
  EXPECT_EQ(at_least(result.items, Level::warning), 0u);
  ASSERT_TRUE(result.shapes.count({"acme", "response:200"}));
  EXPECT_TRUE(result.shapes.at({"acme", "response:200"}).count("/links/self/href"));
}

TEST_F(RecordingCheckTest, AnUndocumentedPropertyNamesItsTypeAndAnExample) {
  const RecordingCheck result = check({acme_patch(acme_member(R"(, "risk_profile": "standard")")),
                                       acme_patch(acme_member(R"(, "risk_profile": "high")"))});
  const DriftItem* item = find(result.items, "property-undocumented", "/risk_profile");
  ASSERT_NE(item, nullptr);
  EXPECT_EQ(item->level, Level::warning);
  EXPECT_EQ(item->message, "response:200");
  EXPECT_EQ(item->occurrences, 2);  // aggregated
  EXPECT_NE(item->finding.message.find("string, e.g. \"standard\""), std::string::npos)
      << item->finding.message;
}

TEST_F(RecordingCheckTest, ViolationsAreBreaking) {
  const RecordingCheck result = check({acme_patch(
      R"({"display_name": "Ada", "active": true, "updated_at": 1646155445, "role": "owner", "labels": {}, "links": {"self": {"href": "/v2/members/m-1"}}})")});
  const DriftItem* missing = find(result.items, "property-missing", "/member_id");
  ASSERT_NE(missing, nullptr);
  EXPECT_EQ(missing->level, Level::breaking);
  const DriftItem* type = find(result.items, "type-mismatch", "/updated_at");
  ASSERT_NE(type, nullptr);
  EXPECT_EQ(type->finding.actual, "1646155445");
  EXPECT_NE(find(result.items, "enum-value-undocumented", "/role"), nullptr);
  // The never-seen walk reports what the body lacked, as information only.
  const DriftItem* never = find(result.items, "property-never-seen", "/member_id");
  ASSERT_NE(never, nullptr);
  EXPECT_EQ(never->level, Level::info);
}

// A response schema may share a file at the catalog root: the never-seen walk follows it
// as validation does.
TEST(RecordingCheck, TheNeverSeenWalkFollowsRefsIntoTheCatalogRoot) {
  const test::TempDir dir;
  const fs::path root = fs::path(dir.path()) / "schemas";
  fs::create_directories(root);
  for (const char* file : {"manifest.schema.json", "mock.schema.json"}) {
    fs::copy_file(fs::path(CONFORM_SCHEMAS_DIR) / file, root / file);
  }
  fs::copy(kTestVendors / "acme", root / "acme", fs::copy_options::recursive);
  std::ofstream(root / "common.schema.json")
      << R"({"type": "object", "properties": {"deep": {"type": "string"}}})";
  const fs::path response = root / "acme" / "response-200.schema.json";
  std::ifstream in(response);
  std::stringstream text;
  text << in.rdbuf();
  std::string schema = text.str();
  const std::size_t at = schema.find(R"("properties": {)");
  ASSERT_NE(at, std::string::npos);
  schema.insert(at + 15, R"("shared_x": {"$ref": "../common.schema.json"},)");
  std::ofstream(response, std::ios::trunc) << schema;

  Recording recording;
  recording.snapshots = {acme_patch(acme_member(R"(, "shared_x": {})"))};
  const RecordingCheck result = check_recording(*contracts::Catalog::load(root), recording);
  EXPECT_NE(find(result.items, "property-never-seen", "/shared_x/deep"), nullptr);
}

TEST_F(RecordingCheckTest, StatusAndContentTypeTheVendorDoesNotDocument) {
  const RecordingCheck result =
      check({acme_patch("<html>teapot</html>", 418, "text/html"), acme_patch("{}", 200, "")});
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
  // acme documents its 204 with no body (empty_body).
  const RecordingCheck result = check({acme_patch(R"({"member_id": "x"})", 204)});
  const DriftItem* item = find(result.items, "body-unexpected", "");
  ASSERT_NE(item, nullptr);
  EXPECT_EQ(item->level, Level::breaking);
}

TEST_F(RecordingCheckTest, RedactedValuesAreNotJudged) {
  // Judged, "***" would be a role acme does not document (enum-value-undocumented).
  Snapshot snapshot = acme_patch(acme_member());
  snapshot.body.replace(snapshot.body.find("\"member\""), 8, "\"***\"");
  EXPECT_EQ(at_least(check({snapshot}).items, Level::warning), 0u);
}

// The subject is the shipped manifests' read rules (msp360's mock.responses.read.validates_as,
// finix's undocumented read): it stays on their data.
TEST(RecordingCheck, ReadBacksUseTheMessageTheManifestNamesOrNone) {
  const auto shipped = contracts::Catalog::load(CONFORM_SCHEMAS_DIR);
  const contracts::Manifest& msp360 = *shipped->find("msp360");
  const contracts::Manifest& finix = *shipped->find("finix");
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
  CompareTest() { catalog_ = two_test_vendors(dir_.path()); }
  DriftItems compare(std::vector<Snapshot> before, std::vector<Snapshot> after) {
    Recording baseline, current;
    baseline.snapshots = std::move(before);
    current.snapshots = std::move(after);
    const RecordingCheck old_check = check_recording(*catalog_, baseline);
    const RecordingCheck new_check = check_recording(*catalog_, current);
    return compare_recordings(baseline, old_check.shapes, current, new_check.shapes,
                              new_check.maps);
  }
  const test::TempDir dir_;
};

TEST_F(CompareTest, MembersOfAMapAreDataNotProperties) {
  // acme documents labels as a map (additionalProperties is a schema): other label names on
  // another day are not a changed API.
  std::string before = acme_member();
  std::string after = acme_member();
  before.replace(before.find(R"("labels": {})"), 12, R"("labels": {"team": "a"})");
  after.replace(after.find(R"("labels": {})"), 12, R"("labels": {"owner": "b"})");
  const auto items = compare({acme_patch(before)}, {acme_patch(after)});
  EXPECT_TRUE(items.empty()) << items.front().finding.message;
}

TEST_F(CompareTest, TheSameBodiesWithOtherTimesAndIdsCompareCleanly) {
  const auto items =
      compare({acme_patch(acme_member()), acme_patch(acme_member()), acme_patch(acme_member())},
              {acme_patch(acme_member("", true, "\"2026-01-01T00:00:00Z\"")),
               acme_patch(acme_member("", true, "\"2026-01-02T00:00:00Z\"")),
               acme_patch(acme_member("", true, "\"2026-01-03T00:00:00Z\""))});
  EXPECT_TRUE(items.empty()) << items.front().finding.message;
}

TEST_F(CompareTest, RemovedAddedRetypedAndNullable) {
  const std::string before =
      R"({"keep": "x", "gone": {"a": 1, "b": 2}, "n": "1", "maybe": "y", "role": "A"})";
  const std::string after = R"({"keep": "x", "new": true, "n": 1, "maybe": null, "role": "B"})";
  const auto items = compare({acme_patch(before), acme_patch(before), acme_patch(before)},
                             {acme_patch(after), acme_patch(after), acme_patch(after)});
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
  Snapshot before = acme_patch(R"({"a": "x"})");
  Snapshot nullable = acme_patch(R"({"a": null})");
  Snapshot also = acme_patch(R"({"a": "x"})");
  also.relative_path = "acme/other/0.json";
  DriftItems items = compare({before, also}, {nullable, also});
  EXPECT_EQ(find(items, "property-became-nullable", "/a")->level, Level::breaking);

  Snapshot moved = acme_patch("<a/>", 404, "application/xml");
  items = compare({before}, {moved});
  EXPECT_EQ(find(items, "status-changed", "")->finding.actual, "404");
  EXPECT_EQ(find(items, "content-type-changed", "")->finding.actual, "application/xml");
  EXPECT_NE(find(items, "message-new", ""), nullptr);
  EXPECT_NE(find(items, "message-not-seen", ""), nullptr);
}

TEST_F(CompareTest, VendorsTheRecordingDidNotRecordAreNotCompared) {
  Snapshot other = acme_patch(R"({"a": 1})");
  other.vendor = "acmeb";
  other.relative_path = "acmeb/update/0.json";
  const auto items = compare({acme_patch(acme_member()), other}, {acme_patch(acme_member())});
  EXPECT_TRUE(items.empty()) << items.front().finding.message;
}

TEST_F(CompareTest, AResponseTheBaselineHasAndTheRecordingLacksIsBreaking) {
  Snapshot other = acme_patch(acme_member());
  other.relative_path = "acme/other/0.json";
  // acme answered one step of two; acmeb was recorded (its folder exists) but got none.
  Snapshot acmeb = acme_patch(R"({"a": 1})");
  acmeb.vendor = "acmeb";
  acmeb.relative_path = "acmeb/update/0.json";
  Recording baseline, current;
  baseline.snapshots = {acme_patch(acme_member()), other, acmeb};
  current.snapshots = {acme_patch(acme_member())};
  current.vendors = {"acme", "acmeb"};
  const auto items = compare_recordings(baseline, check_recording(*catalog_, baseline).shapes,
                                        current, check_recording(*catalog_, current).shapes);
  const DriftItem* acme = nullptr;
  const DriftItem* unanswered = nullptr;
  for (const DriftItem& item : items) {
    if (item.rule() != "snapshot-missing") continue;
    (item.vendor == "acme" ? acme : unanswered) = &item;
  }
  ASSERT_NE(acme, nullptr);
  EXPECT_EQ(acme->level, Level::breaking);
  EXPECT_EQ(acme->source, "acme/other/0.json");
  ASSERT_NE(unanswered, nullptr);
  EXPECT_EQ(unanswered->vendor, "acmeb");
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

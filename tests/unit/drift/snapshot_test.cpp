#include "drift/snapshot.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "drift/recorder.hpp"
#include "support/files.hpp"
#include "support/run_command.hpp"
#include "support/temp_dir.hpp"
#include "text/utf8.hpp"

namespace conform::drift {
namespace {
namespace fs = std::filesystem;

using conform::test::read_file;

TEST(Slug, LowerCaseLettersDigitsAndSingleDashes) {
  EXPECT_EQ(slug("a PUT shows in the next GET"), "a-put-shows-in-the-next-get");
  EXPECT_EQ(slug("--Tag_key too long (400)!"), "tag-key-too-long-400");
  EXPECT_EQ(slug("***"), "case");
}

// No output of conform contains invalid UTF-8, snapshots included.
TEST(SnapshotFile, IsValidUtf8WhateverTheServerSent) {
  for (const std::string& bad :
       {std::string("caf\xE9"), std::string("\xED\xB0\x80"), std::string("{\"a\":\"x\xC3\"}")}) {
    Snapshot snapshot;
    snapshot.vendor = "acme";
    snapshot.case_name = "bytes";
    snapshot.method = "PUT";
    snapshot.path = "/v2/members/1";
    snapshot.status = 200;
    snapshot.headers = {{"x-note", bad}};
    snapshot.body = bad;
    const std::string text = to_file_text(snapshot);
    text::Utf8Problem problem;
    EXPECT_TRUE(text::check_utf8(text, problem)) << text;
  }
}

TEST(SnapshotFile, MembersInAFixedOrderAndBodyKeysSorted) {
  Snapshot snapshot;
  snapshot.vendor = "acme";
  snapshot.case_name = "rename";
  snapshot.method = "PUT";
  snapshot.path = "/v2/members/1";
  snapshot.status = 200;
  snapshot.headers = {{"content-type", "application/json"}};
  snapshot.body = R"({"z": 1, "a": {"y": [{"b": 2, "a": 1}], "x": null}})";
  const std::string text = to_file_text(snapshot);
  EXPECT_LT(text.find("\"vendor\""), text.find("\"request\""));
  EXPECT_LT(text.find("\"status\""), text.find("\"body\""));
  EXPECT_LT(text.find("\"a\": {"), text.find("\"z\": 1"));
  EXPECT_LT(text.find("\"x\": null"), text.find("\"y\": ["));
  EXPECT_EQ(text.back(), '\n');
}

TEST(SnapshotFile, WrittenAndReadBackTheSame) {
  const test::TempDir dir;
  Snapshot json;
  json.vendor = "acme";
  json.case_name = "rename";
  json.case_file = "rename.json";
  json.step = 1;
  json.step_name = "read";
  json.method = "GET";
  json.path = "/v2/members/1?x=1";
  json.expect_schema = "response:200";
  json.status = 200;
  json.headers = {{"content-type", "application/json"}};
  json.body = R"({"b":[1,2.5,"x"],"a":true})";
  json.relative_path = "acme/rename/1.json";
  Snapshot xml = json;
  xml.body = "<User><Name>Ada</Name></User>";
  xml.headers = {{"content-type", "application/xml"}};
  xml.relative_path = "acme/rename/2.json";
  Snapshot empty = json;
  empty.body.clear();
  empty.status = 204;
  empty.relative_path = "acme/rename/3.json";
  write_snapshots({json, xml, empty}, dir.path());

  EXPECT_NE(read_file(fs::path(dir.path()) / "acme/rename/2.json").find("\"body_text\""),
            std::string::npos);
  EXPECT_EQ(read_file(fs::path(dir.path()) / "acme/rename/3.json").find("\"body"),
            std::string::npos);
  const Recording recording = read_recording(dir.path());
  ASSERT_TRUE(recording.problems.empty());
  ASSERT_EQ(recording.snapshots.size(), 3u);
  const Snapshot& back = recording.snapshots[0];
  EXPECT_EQ(back.relative_path, "acme/rename/1.json");
  EXPECT_EQ(back.body, R"({"a":true,"b":[1,2.5,"x"]})");
  EXPECT_EQ(back.case_file, "rename.json");
  EXPECT_EQ(back.step, 1);
  EXPECT_EQ(back.path, "/v2/members/1?x=1");
  EXPECT_EQ(back.expect_schema, "response:200");
  EXPECT_EQ(header_value(back, "content-type"), "application/json");
  EXPECT_EQ(recording.snapshots[1].body, xml.body);
  EXPECT_EQ(recording.snapshots[2].body, "");
  EXPECT_EQ(recording.snapshots[2].status, 204);
}

TEST(SnapshotFile, FilesThatAreNotSnapshotsAreProblems) {
  const test::TempDir dir;
  dir.write("broken.json", "{");
  dir.write("other.json", R"({"hello": 1})");
  const Recording recording = read_recording(dir.path());
  EXPECT_EQ(recording.problems.size(), 2u);
  EXPECT_EQ(read_recording(fs::path(dir.path()) / "missing").problems.size(), 1u);
}

TEST(Recorder, StableNamesPathsBelowTheBaseAndSecretsMasked) {
  replay::Case first, second;
  first.steps.resize(2);
  first.steps[1].expect.schema = "response:200";
  second.steps.resize(1);
  CaseResult a;
  a.vendor = "acme";
  a.name = "A case";
  a.file = "/somewhere/cases/acme/Rename Member.json";
  a.steps.resize(2);
  a.steps[0].exchange.method = "PATCH";
  a.steps[0].exchange.url = "http://127.0.0.1:41234/acme/v2/members/1?token=abc";
  a.steps[0].exchange.status = 200;
  a.steps[0].exchange.response_headers = {{"Content-Type", "application/json"},
                                          {"Date", "Mon, 23 Nov 2026 12:00:00 GMT"},
                                          {"X-Request-Id", "r-1"}};
  a.steps[0].exchange.response_body = R"({"CompanyId": ***, "Password": "hunter2", "n": 1})";
  a.steps[1].exchange.status = 0;  // no response: not recorded
  CaseResult b = a;
  b.file = "/elsewhere/rename-member.json";  // the same slug: made unique
  b.steps.resize(1);

  const auto snapshots =
      snapshots_of({a, b}, {&first, &second}, {{"acme", "http://127.0.0.1:41234/acme"}});
  ASSERT_EQ(snapshots.size(), 2u);
  // Sorted by file name; the first case file keeps the plain slug.
  EXPECT_EQ(snapshots[0].relative_path, "acme/rename-member-2/0.json");
  EXPECT_EQ(snapshots[0].case_file, "rename-member.json");
  EXPECT_EQ(snapshots[1].relative_path, "acme/rename-member/0.json");
  const Snapshot& s = snapshots[1];
  EXPECT_EQ(s.path, "/v2/members/1?token=***");
  EXPECT_EQ(s.case_file, "Rename Member.json");
  ASSERT_EQ(s.headers.size(), 1u);  // Date and request ids change on every call
  EXPECT_EQ(s.headers[0].first, "content-type");
  EXPECT_EQ(s.body.find("hunter2"), std::string::npos);
  rapidjson::Document body;
  body.Parse(s.body.c_str());
  ASSERT_FALSE(body.HasParseError()) << s.body;  // the bare *** marker was quoted
  EXPECT_STREQ(body["CompanyId"].GetString(), "***");
}

}  // namespace
}  // namespace conform::drift

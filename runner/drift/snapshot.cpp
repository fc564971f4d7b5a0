#include "drift/snapshot.hpp"

#include <algorithm>
#include <cctype>
#include <stdexcept>

#include "codec/encode.hpp"
#include "codec/json_number.hpp"
#include "codec/json_text.hpp"
#include "codec/rapidjson.hpp"
#include "report/atomic_file.hpp"
#include "text/file_bytes.hpp"
#include "text/utf8.hpp"

namespace conform::drift {
namespace {
namespace fs = std::filesystem;

// Object members sorted by name at every depth, so a vendor that reorders members between
// two recordings leaves the files identical.
void sort_members(rapidjson::Value& value) {
  if (value.IsArray()) {
    for (auto& element : value.GetArray()) sort_members(element);
    return;
  }
  if (!value.IsObject()) return;
  for (auto& member : value.GetObject()) sort_members(member.value);
  std::sort(value.MemberBegin(), value.MemberEnd(), [](const auto& a, const auto& b) {
    return std::string_view(a.name.GetString(), a.name.GetStringLength()) <
           std::string_view(b.name.GetString(), b.name.GetStringLength());
  });
}

// Snapshot files are UTF-8 whatever a server sent (a Latin-1 body, binary in a header).
rapidjson::Value text(const std::string& value, rapidjson::Document::AllocatorType& allocator) {
  const std::string clean = text::valid_utf8(value);
  return rapidjson::Value(clean.data(), static_cast<rapidjson::SizeType>(clean.size()), allocator);
}

std::string string_member(const rapidjson::Value& object, const char* name) {
  const auto it = object.FindMember(name);
  if (it == object.MemberEnd() || !it->value.IsString()) return "";
  return {it->value.GetString(), it->value.GetStringLength()};
}

Finding problem(const fs::path& file, const std::string& what) {
  Finding finding;
  finding.keyword = "snapshot";
  finding.message = file.string() + ": " + what;
  return finding;
}

}  // namespace

std::string header_value(const Snapshot& snapshot, const std::string& name) {
  for (const auto& [key, value] : snapshot.headers) {
    if (key == name) return value;
  }
  return "";
}

std::string slug(const std::string& text) {
  std::string out;
  for (const char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u)) {
      out += static_cast<char>(std::tolower(u));
    } else if (!out.empty() && out.back() != '-') {
      out += '-';
    }
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out.empty() ? "case" : out;
}

std::string to_file_text(const Snapshot& snapshot) {
  rapidjson::Document document(rapidjson::kObjectType);
  auto& allocator = document.GetAllocator();
  document.AddMember("vendor", text(snapshot.vendor, allocator), allocator);
  document.AddMember("case", text(snapshot.case_name, allocator), allocator);
  document.AddMember("case_file", text(snapshot.case_file, allocator), allocator);
  document.AddMember("step", snapshot.step, allocator);
  document.AddMember("step_name", text(snapshot.step_name, allocator), allocator);
  rapidjson::Value request(rapidjson::kObjectType);
  request.AddMember("method", text(snapshot.method, allocator), allocator);
  request.AddMember("path", text(snapshot.path, allocator), allocator);
  document.AddMember("request", request, allocator);
  document.AddMember("expect_schema", text(snapshot.expect_schema, allocator), allocator);
  document.AddMember("status", snapshot.status, allocator);
  rapidjson::Value headers(rapidjson::kObjectType);
  for (const auto& [name, value] : snapshot.headers) {
    headers.AddMember(text(name, allocator), text(value, allocator), allocator);
  }
  document.AddMember("headers", headers, allocator);
  rapidjson::Document body;
  const bool body_parsed = !codec::parse_json_text(body, snapshot.body).IsError();
  if (snapshot.body.empty()) {
    // No body member at all: the response had none.
  } else if (body_parsed) {
    sort_members(body);
    rapidjson::Value copy(body, allocator);
    document.AddMember("body", copy, allocator);
  } else {
    document.AddMember("body_text", text(snapshot.body, allocator), allocator);
  }
  codec::EncodeOptions options;
  options.format = Format::json;
  codec::Encoded encoded = codec::encode(document, options);
  if (!encoded.ok) throw std::logic_error("a snapshot could not be written as JSON");
  return encoded.bytes;
}

void write_snapshots(const std::vector<Snapshot>& snapshots, const fs::path& dir) {
  for (const Snapshot& snapshot : snapshots) {
    const fs::path file = dir / snapshot.relative_path;
    std::error_code error;
    fs::create_directories(file.parent_path(), error);
    if (error) {
      throw std::runtime_error("cannot create " + file.parent_path().string() + ": " +
                               error.message());
    }
    report::write_file_atomically(file, to_file_text(snapshot));
  }
}

Recording read_recording(const fs::path& dir) {
  Recording recording;
  std::error_code error;
  if (!fs::is_directory(dir, error)) {
    recording.problems.push_back(problem(dir, "no such folder"));
    return recording;
  }
  for (fs::directory_iterator it(dir, error), end; !error && it != end; it.increment(error)) {
    if (it->is_directory()) recording.vendors.insert(it->path().filename().string());
  }
  std::vector<fs::path> files;
  for (fs::recursive_directory_iterator it(dir, error), end; !error && it != end;
       it.increment(error)) {
    if (it->is_regular_file() && it->path().extension() == ".json") files.push_back(it->path());
  }
  if (error) recording.problems.push_back(problem(dir, error.message()));
  std::sort(files.begin(), files.end());
  for (const fs::path& file : files) {
    const auto source = text::read_file_bytes(file);
    if (!source) {
      recording.problems.push_back(problem(file, "cannot read the file"));
      continue;
    }
    rapidjson::Document document;
    if (codec::parse_json_text(document, *source).IsError() || !document.IsObject()) {
      recording.problems.push_back(problem(file, "not a snapshot (not a JSON object)"));
      continue;
    }
    Snapshot snapshot;
    snapshot.vendor = string_member(document, "vendor");
    const auto status = document.FindMember("status");
    const auto request = document.FindMember("request");
    if (snapshot.vendor.empty() || status == document.MemberEnd() || !status->value.IsInt() ||
        request == document.MemberEnd() || !request->value.IsObject()) {
      recording.problems.push_back(
          problem(file, "not a snapshot (needs vendor, request and status)"));
      continue;
    }
    snapshot.case_name = string_member(document, "case");
    snapshot.case_file = string_member(document, "case_file");
    const auto step = document.FindMember("step");
    if (step != document.MemberEnd() && step->value.IsInt()) snapshot.step = step->value.GetInt();
    snapshot.step_name = string_member(document, "step_name");
    snapshot.method = string_member(request->value, "method");
    snapshot.path = string_member(request->value, "path");
    snapshot.expect_schema = string_member(document, "expect_schema");
    snapshot.status = status->value.GetInt();
    const auto headers = document.FindMember("headers");
    if (headers != document.MemberEnd() && headers->value.IsObject()) {
      for (const auto& header : headers->value.GetObject()) {
        if (!header.value.IsString()) continue;
        snapshot.headers.emplace_back(header.name.GetString(), header.value.GetString());
      }
    }
    const auto body = document.FindMember("body");
    if (body != document.MemberEnd()) {
      snapshot.body = codec::to_json_text(body->value);
    } else {
      snapshot.body = string_member(document, "body_text");
    }
    snapshot.relative_path = fs::relative(file, dir).generic_string();
    recording.snapshots.push_back(std::move(snapshot));
  }
  return recording;
}

}  // namespace conform::drift

#include "fuzz/case.hpp"

#include <memory>
#include <set>

#include "codec/decode.hpp"
#include "codec/encode.hpp"
#include "codec/json_text.hpp"
#include "json/pointer.hpp"
#include "replay/json.hpp"
#include "schema/json_value.hpp"

namespace conform::fuzz {
namespace {

// Drawn examples cycle through the sequences by their number.
constexpr std::uint64_t kSequences = 4;

const char* name_of(Sequence sequence) {
  switch (sequence) {
    case Sequence::read_back:
      return ", read back";
    case Sequence::twice:
      return ", sent twice";
    case Sequence::unknown_user:
      return ", unknown user";
    default:
      return "";
  }
}

void encode_body(const FuzzTarget& target, const generate::Example& example, replay::Step& step);

replay::Step update_step(const FuzzTarget& target, const generate::Example& example,
                         const std::vector<int>& statuses) {
  replay::Step step;
  step.method = target.manifest->endpoint.method;
  step.path = target.path;
  step.query = target.query;
  step.format = Format::json;
  step.body = example.body;
  encode_body(target, example, step);
  step.expect.statuses = statuses;
  // Responses are held to the contract strictly: an undocumented member is a change.
  step.expect.strict = true;
  return step;
}

// Whether `bytes` read back, as the vendor reads them, as exactly `value`: a text encoding
// cannot carry every violation (a number sent in a form reads back as a string, which a
// string member takes; a null is left out).
bool reads_back_as(const std::string& bytes, const rapidjson::Value& value, Format format,
                   const FuzzTarget& target) {
  codec::DecodeOptions options;
  options.format = format;
  options.schema = &target.request_schema->document();
  options.xml_rules = target.xml_rules.get();
  const codec::Decoded decoded = codec::decode(bytes, options);
  // Its findings do not count: a placeholder in a number's place ("${CompanyId}") is one, and
  // so is the violation itself where the decoder checks it (a number's digits).
  return decoded.ok && schema::json_equal(decoded.value, value);
}

// The body of a drawn example in the media type its number picks (every type the vendor
// accepts in turn): XML and form bodies are encoded by the schema and XML rules. A body that
// does not encode stays JSON, and so does an invalid one whose violation the encoding cannot
// carry. Planned examples stay JSON.
void encode_body(const FuzzTarget& target, const generate::Example& example, replay::Step& step) {
  if (example.index < target.planned() || target.media_types.empty() || !step.body) return;
  const std::string& media_type =
      target.media_types[(example.index / kSequences) % target.media_types.size()];
  const std::optional<Format> format = format_of_media_type(media_type);
  if (!format) return;
  if (*format != Format::json) {
    // Text bodies spell a number's placeholder without |json: its text is the number.
    rapidjson::Document value;
    value.CopyFrom(*step.body, value.GetAllocator());
    if (value.IsObject()) {
      for (auto& member : value.GetObject()) {
        if (!member.value.IsString()) continue;
        std::string text = member.value.GetString();
        const auto at = text.find("|json}");
        if (text.rfind("${", 0) != 0 || at == std::string::npos) continue;
        text.erase(at, 5);
        member.value.SetString(text.data(), static_cast<rapidjson::SizeType>(text.size()),
                               value.GetAllocator());
      }
    }
    codec::EncodeOptions options;
    options.format = *format;
    options.schema = &target.request_schema->document();
    options.xml_rules = target.xml_rules.get();
    if (*format == Format::xml && !options.xml_rules) return;
    const codec::Encoded encoded = codec::encode(value, options);
    if (!encoded.ok) return;
    if (!example.valid && !reads_back_as(encoded.bytes, value, *format, target)) return;
    auto text = std::make_shared<rapidjson::Document>();
    text->SetString(encoded.bytes.data(), static_cast<rapidjson::SizeType>(encoded.bytes.size()),
                    text->GetAllocator());
    step.body = text;
  }
  step.format = *format;
  step.headers.emplace_back("Content-Type", media_type);
}

// The read of the user, asserting that every member the update wrote reads back as sent.
replay::Step read_step(const ReadBack& read, const rapidjson::Value& body,
                       const std::vector<int>& statuses) {
  replay::Step step;
  step.name = "read back";
  step.method = read.method;
  step.path = read.path;
  step.expect.statuses = statuses;
  // Lenient: a read may show members the update does not take (ids, timestamps).
  step.expect.schema = read.schema;
  if (!body.IsObject()) return step;
  std::set<std::string> edited;  // lists this body also adds to or removes from
  for (const auto& member : body.GetObject()) {
    const auto edit = read.list_edits.find(member.name.GetString());
    if (edit != read.list_edits.end()) edited.insert(edit->second);
  }
  for (const auto& member : body.GetObject()) {
    const std::string name(member.name.GetString(), member.name.GetStringLength());
    if (read.unechoed.count(name) || read.list_edits.count(name) || edited.count(name)) continue;
    replay::Assertion assertion;
    assertion.source.pointer = json::child_pointer(read.user_pointer, name);
    assertion.equals = replay::copy_json(member.value);
    assertion.message = "the read shows what the update wrote";
    step.expect.assertions.push_back(std::move(assertion));
  }
  return step;
}

// The update of `example` naming the target's unknown user where it names the user: written
// out, since a case's vars give way to the profile's user_id; before the body is encoded.
replay::Step unknown_user_step(const FuzzTarget& target, const generate::Example& example) {
  const std::string& id = target.unknown_user_id;
  generate::Example unknown = example;
  if (example.body && example.body->IsObject()) {
    unknown.body = std::make_shared<rapidjson::Document>();
    unknown.body->CopyFrom(*example.body, unknown.body->GetAllocator());
    for (auto& member : unknown.body->GetObject()) {
      if (!member.value.IsString()) continue;
      const std::string value = member.value.GetString();
      if (value == "${user_id}") {
        member.value.SetString(id.data(), static_cast<rapidjson::SizeType>(id.size()),
                               unknown.body->GetAllocator());
      }
      rapidjson::Document number;
      if (value == "${user_id|json}" && !number.Parse(id.c_str()).HasParseError()) {
        member.value.CopyFrom(number, unknown.body->GetAllocator());
      }
    }
  }
  replay::Step step = update_step(target, unknown, target.unknown_user_statuses);
  for (const char* token : {"${user_id}", "${user_id|json}"}) {
    if (const auto at = step.path.find(token); at != std::string::npos) {
      step.path.replace(at, std::string(token).size(), id);
    }
  }
  return step;
}

rapidjson::Value text(const std::string& s, rapidjson::Document::AllocatorType& a) {
  return rapidjson::Value(s.data(), static_cast<rapidjson::SizeType>(s.size()), a);
}

rapidjson::Value pairs(const std::vector<std::pair<std::string, std::string>>& list,
                       rapidjson::Document::AllocatorType& a) {
  rapidjson::Value out(rapidjson::kObjectType);
  for (const auto& [name, value] : list) out.AddMember(text(name, a), text(value, a), a);
  return out;
}

rapidjson::Value expect_of(const replay::Expect& expect, rapidjson::Document::AllocatorType& a) {
  rapidjson::Value out(rapidjson::kObjectType);
  rapidjson::Value statuses(rapidjson::kArrayType);
  for (const int status : expect.statuses) statuses.PushBack(status, a);
  if (!expect.statuses.empty()) out.AddMember("status", statuses, a);
  if (!expect.schema.empty()) out.AddMember("schema", text(expect.schema, a), a);
  if (expect.strict) out.AddMember("strict", true, a);
  if (expect.assertions.empty()) return out;
  rapidjson::Value assertions(rapidjson::kArrayType);
  for (const replay::Assertion& assertion : expect.assertions) {
    rapidjson::Value item(rapidjson::kObjectType);
    item.AddMember("pointer", text(assertion.source.pointer, a), a);
    if (assertion.equals) item.AddMember("equals", rapidjson::Value(*assertion.equals, a), a);
    if (!assertion.message.empty()) item.AddMember("message", text(assertion.message, a), a);
    assertions.PushBack(item, a);
  }
  out.AddMember("assert", assertions, a);
  return out;
}

rapidjson::Value step_of(const replay::Step& step, rapidjson::Document::AllocatorType& a) {
  rapidjson::Value out(rapidjson::kObjectType);
  if (!step.name.empty()) out.AddMember("name", text(step.name, a), a);
  out.AddMember("method", text(step.method, a), a);
  out.AddMember("path", text(step.path, a), a);
  if (!step.query.empty()) out.AddMember("query", pairs(step.query, a), a);
  if (!step.headers.empty() || !step.omitted_headers.empty()) {
    rapidjson::Value headers = pairs(step.headers, a);
    for (const std::string& name : step.omitted_headers) {
      headers.AddMember(text(name, a), rapidjson::Value(rapidjson::kNullType), a);
    }
    out.AddMember("headers", headers, a);
  }
  if (step.auth.mode == replay::Auth::Mode::none) out.AddMember("auth", "none", a);
  if (step.auth.mode == replay::Auth::Mode::custom) {
    out.AddMember("auth", pairs({step.auth.credentials.begin(), step.auth.credentials.end()}, a),
                  a);
  }
  if (step.format) out.AddMember("format", text(to_string(*step.format), a), a);
  if (step.body) out.AddMember("body", rapidjson::Value(*step.body, a), a);
  out.AddMember("expect", expect_of(step.expect, a), a);
  return out;
}

}  // namespace

generate::Example fuzz_example(const FuzzTarget& target, std::uint64_t index) {
  const std::size_t outside = target.request_violations.size();
  if (index >= outside) {
    generate::Example out = target.generator->example(index - outside);
    out.index = index;
    return out;
  }
  const RequestViolation& violation = target.request_violations[index];
  generate::Example out;
  out.index = index;
  out.valid = false;
  out.covered = {"", violation.keyword, violation.detail};
  out.body = target.generator->body({});
  return out;
}

std::vector<generate::Covered> fuzz_plan(const FuzzTarget& target) {
  std::vector<generate::Covered> out;
  for (const RequestViolation& violation : target.request_violations) {
    out.push_back({"", violation.keyword, violation.detail});
  }
  for (generate::Covered& covered : target.generator->plan()) out.push_back(std::move(covered));
  return out;
}

std::string media_type_of(const replay::Case& test_case) {
  if (test_case.steps.empty()) return "";
  for (const auto& [name, value] : test_case.steps.front().headers) {
    if (name == "Content-Type") return value;
  }
  return "application/json";
}

Sequence sequence_of(const FuzzTarget& target, const generate::Example& example) {
  if (!example.valid) return Sequence::update;
  if (example.covered.keyword != "random") {
    return target.read ? Sequence::read_back : Sequence::update;
  }
  switch (example.index % kSequences) {
    case 1:
      return target.read ? Sequence::read_back : Sequence::update;
    case 2:
      return Sequence::twice;
    case 3:
      return Sequence::unknown_user;
    default:
      return Sequence::update;
  }
}

replay::Case fuzz_case(const FuzzTarget& target, const generate::Example& example,
                       std::uint64_t seed) {
  replay::Case out;
  out.vendor = target.manifest->id;
  const generate::Covered& covered = example.covered;
  const Sequence sequence = sequence_of(target, example);
  out.name =
      "fuzz seed " + std::to_string(seed) + " example " + std::to_string(example.index) +
      (example.valid ? ": valid" : ": invalid") + name_of(sequence) +
      (covered.keyword == "random" ? std::string()
                                   : " " + (covered.pointer.empty() ? "/" : covered.pointer) + " " +
                                         covered.keyword + " " + covered.detail);
  out.tags = {"fuzz", example.valid ? "valid" : "invalid"};
  if (example.index < target.request_violations.size()) {
    out.steps.push_back(update_step(target, example, target.client_error_statuses));
    apply(target.request_violations[example.index], *target.manifest, out.steps.back());
  } else if (!example.valid) {
    out.steps.push_back(update_step(target, example, target.client_error_statuses));
  } else if (sequence == Sequence::unknown_user) {
    out.steps.push_back(unknown_user_step(target, example));
  } else {
    out.steps.push_back(update_step(target, example, target.success_statuses));
    if (sequence == Sequence::twice) {
      out.steps.push_back(update_step(target, example, target.success_statuses));
    }
    if (sequence == Sequence::read_back) {
      // Another case's update between this one's update and read would read as a change.
      out.isolated = true;
      out.steps.push_back(read_step(*target.read, *example.body, target.success_statuses));
    }
  }
  for (std::size_t i = 0; i < out.steps.size(); ++i) {
    out.steps[i].location = "/steps/" + std::to_string(i);
  }
  return out;
}

std::string case_file_text(const replay::Case& test_case) {
  rapidjson::Document doc(rapidjson::kObjectType);
  auto& a = doc.GetAllocator();
  doc.AddMember("name", text(test_case.name, a), a);
  doc.AddMember("vendor", text(test_case.vendor, a), a);
  rapidjson::Value tags(rapidjson::kArrayType);
  for (const std::string& tag : test_case.tags) tags.PushBack(text(tag, a), a);
  doc.AddMember("tags", tags, a);
  if (test_case.isolated) doc.AddMember("isolated", true, a);
  if (!test_case.vars.empty()) doc.AddMember("vars", pairs(test_case.vars, a), a);
  rapidjson::Value steps(rapidjson::kArrayType);
  for (const replay::Step& step : test_case.steps) steps.PushBack(step_of(step, a), a);
  doc.AddMember("steps", steps, a);
  return codec::to_json_text(doc) + "\n";
}

}  // namespace conform::fuzz

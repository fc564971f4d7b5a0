#include "fuzz/saved_cases.hpp"

#include <map>
#include <memory>
#include <set>
#include <string>
#include <system_error>

#include "fuzz/case.hpp"
#include "json/pointer.hpp"
#include "report/atomic_file.hpp"

namespace conform::fuzz {
namespace {
namespace fs = std::filesystem;

// The string values of members named in `names`, at any depth, as "********" (a
// placeholder, which lint does not take for a credential); the value at `keep` stays: it
// is the violation the case is about.
void mask_secret_members(rapidjson::Value& value, const std::set<std::string>& names,
                         const std::string& keep, const std::string& at) {
  if (value.IsArray()) {
    for (rapidjson::SizeType i = 0; i < value.Size(); ++i) {
      mask_secret_members(value[i], names, keep, json::child_pointer(at, std::to_string(i)));
    }
  }
  if (!value.IsObject()) return;
  for (auto& member : value.GetObject()) {
    const std::string name(member.name.GetString(), member.name.GetStringLength());
    const std::string pointer = json::child_pointer(at, name);
    if (member.value.IsString() && names.count(name) && pointer != keep &&
        member.value.GetString()[0] != '$') {
      member.value.SetString("********");
    }
    mask_secret_members(member.value, names, keep, pointer);
  }
}

}  // namespace

void save_failures(const FuzzOutcome& outcome, const std::vector<const FuzzTarget*>& targets,
                   const fs::path& dir) {
  std::error_code error;
  fs::create_directories(dir, error);
  if (error) throw FuzzError("cannot create " + dir.string() + ": " + error.message());
  std::map<std::string, std::set<std::string>> secrets;
  for (const FuzzTarget* target : targets) {
    const auto& fields = target->manifest->secret_fields;
    secrets[target->manifest->id] = {fields.begin(), fields.end()};
  }
  for (const FuzzProblem& problem : outcome.problems) {
    replay::Case saved = problem.shrunk;
    for (replay::Step& step : saved.steps) {
      if (!step.body || !step.body->IsObject()) continue;
      auto body = std::make_shared<rapidjson::Document>();
      body->CopyFrom(*step.body, body->GetAllocator());
      mask_secret_members(*body, secrets[problem.vendor], problem.covered.pointer, "");
      step.body = body;
    }
    const fs::path file = dir / (problem.vendor + "-" + std::to_string(problem.example) + ".json");
    try {
      report::write_file_atomically(file, case_file_text(saved));
    } catch (const std::exception& e) {
      throw FuzzError("cannot write " + file.string() + ": " + e.what());
    }
  }
}

}  // namespace conform::fuzz

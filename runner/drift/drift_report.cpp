#include "drift/drift_report.hpp"

#include <algorithm>
#include <iomanip>
#include <map>

#include "codec/rapidjson.hpp"
#include "replay/run.hpp"
#include "report/json_members.hpp"

namespace conform::drift {
void print_items_json(std::ostream& out, const DriftItems& items) {
  std::map<Level, int> counts;
  // The finding's own members as every JSON output writes them; a change says severity
  // and keyword as its level and rule, and its "message" names the vendor's message.
  report::FindingMembers finding_members;
  finding_members.every_member = false;
  finding_members.text_name = "text";
  finding_members.verdict = false;
  out << "{\"changes\": [";
  bool first = true;
  for (const DriftItem& item : items) {
    ++counts[item.level];
    // One change per line: changes read and grep line by line.
    rapidjson::StringBuffer buffer;
    report::JsonWriter w(buffer);
    w.StartObject();
    report::write_member(w, "vendor", item.vendor);
    report::write_member(w, "message", item.message);
    report::write_member(w, "rule", item.rule());
    report::write_member(w, "level", to_string(item.level));
    report::write_member(w, "file", item.source);
    report::write_finding_members(w, item.finding, finding_members);
    report::write_member(w, "occurrences", item.occurrences);
    w.EndObject();
    out << (first ? "\n  " : ",\n  ") << buffer.GetString();
    first = false;
  }
  out << (items.empty() ? "" : "\n") << "], \"counts\": {\"breaking\": " << counts[Level::breaking]
      << ", \"warning\": " << counts[Level::warning] << ", \"info\": " << counts[Level::info]
      << "}}\n";
}

RunResult to_run_result(const DriftItems& items, const Recording* recording, Level fail_on,
                        const std::string& target) {
  RunResult run;
  run.target = target;
  run.started_at = replay::utc_now_rfc3339();
  std::map<std::string, const Snapshot*> snapshots;
  if (recording) {
    for (const Snapshot& snapshot : recording->snapshots) {
      snapshots[snapshot.relative_path] = &snapshot;
    }
  }
  std::map<std::pair<std::string, std::string>, std::size_t> cases;
  for (const DriftItem& item : items) {
    const auto key = std::make_pair(item.vendor, item.message);
    auto found = cases.find(key);
    if (found == cases.end()) {
      CaseResult result;
      result.vendor = item.vendor;
      result.name = item.message.empty() ? "recording" : item.message;
      result.file = target;
      result.outcome = Outcome::passed;
      found = cases.emplace(key, run.cases.size()).first;
      run.cases.push_back(std::move(result));
    }
    CaseResult& result = run.cases[found->second];
    StepResult step;
    step.name = std::string(to_string(item.level)) + " " + item.rule() +
                (item.finding.pointer.empty() ? "" : " " + item.finding.pointer);
    Finding finding = item.finding;
    finding.message = std::string(to_string(item.level)) + ": " + finding.message;
    if (item.occurrences > 1) {
      finding.message += " (" + std::to_string(item.occurrences) + " snapshots)";
    }
    if (!item.source.empty()) finding.message += " [" + item.source + "]";
    finding.severity = item.level >= fail_on ? Severity::error : Severity::warning;
    step.findings.push_back(std::move(finding));
    step.outcome = item.level >= fail_on ? Outcome::failed : Outcome::passed;
    if (const auto snapshot = snapshots.find(item.source); snapshot != snapshots.end()) {
      const Snapshot& s = *snapshot->second;
      step.exchange.method = s.method;
      step.exchange.url = s.path;
      step.exchange.status = s.status;
      step.exchange.response_headers = s.headers;
      step.exchange.response_body = s.body;
    }
    if (step.outcome == Outcome::failed) result.outcome = Outcome::failed;
    result.steps.push_back(std::move(step));
  }
  return run;
}

void print_items(std::ostream& out, const DriftItems& items) {
  std::map<Level, int> counts;
  // The rule column fits the longest rule and one space: diff's rules run to 34 characters
  // (response-property-required-removed).
  std::size_t rule_width = 26;
  for (const DriftItem& item : items) rule_width = std::max(rule_width, item.rule().size());
  std::string vendor;
  bool first = true;
  for (const DriftItem& item : items) {
    if (first || item.vendor != vendor) {
      out << (first ? "" : "\n") << item.vendor << "\n";
      vendor = item.vendor;
      first = false;
    }
    ++counts[item.level];
    out << "  " << std::left << std::setw(9) << to_string(item.level)
        << std::setw(static_cast<int>(rule_width + 1)) << item.rule()
        << (item.message.empty() ? "" : item.message + ": ") << item.finding.message;
    if (!item.finding.pointer.empty() &&
        item.finding.message.find(item.finding.pointer) == std::string::npos) {
      out << " at " << item.finding.pointer;
    }
    // Expected and actual only when the message does not already say them.
    const auto unsaid = [&](const std::optional<std::string>& value) {
      return value && item.finding.message.find(*value) == std::string::npos;
    };
    if (unsaid(item.finding.expected)) out << "; expected " << *item.finding.expected;
    if (unsaid(item.finding.actual)) out << "; actual " << *item.finding.actual;
    if (!item.source.empty()) {
      out << "\n" << std::string(2 + 9 + rule_width + 1, ' ') << "in " << item.source;
      if (item.occurrences > 1) out << " and " << item.occurrences - 1 << " more";
    }
    out << "\n";
  }
  out << (items.empty() ? "" : "\n") << counts[Level::breaking] << " breaking, "
      << counts[Level::warning] << " warning, " << counts[Level::info] << " info\n";
}

void write_items_sarif(std::ostream& out, const DriftItems& items, Level fail_on,
                       const report::SarifTool& tool, const std::filesystem::path& recording) {
  report::SarifWriter sarif(out, tool);
  for (const DriftItem& item : items) {
    if (item.level == Level::info) continue;
    Finding finding = item.finding;
    finding.severity = item.level >= fail_on ? Severity::error : Severity::warning;
    finding.message = std::string(to_string(item.level)) + ": " + item.vendor +
                      (item.message.empty() ? "" : " " + item.message) + ": " + finding.message;
    if (item.occurrences > 1) {
      finding.message += " (" + std::to_string(item.occurrences) + " snapshots)";
    }
    const std::filesystem::path source(item.source);
    const std::string file = item.source.empty()    ? ""
                             : source.is_absolute() ? source.string()
                                                    : (recording / source).string();
    sarif.add(file, finding);
  }
  sarif.finish();
}

}  // namespace conform::drift

#include "replay/console_progress.hpp"

#include <iomanip>
#include <map>
#include <sstream>
#include <string>

#include "text/terminal.hpp"

namespace conform::replay {
namespace {

std::string format_ms(double ms) {
  std::ostringstream out;
  if (ms < 1000) {
    out << static_cast<long>(ms + 0.5) << " ms";
  } else {
    out << std::fixed << std::setprecision(2) << ms / 1000 << " s";
  }
  return out.str();
}

const char* outcome_label(Outcome outcome) {
  switch (outcome) {
    case Outcome::passed:
      return "PASS ";
    case Outcome::failed:
      return "FAIL ";
    case Outcome::error:
      return "ERROR";
    case Outcome::skipped:
      return "SKIP ";
  }
  return "?    ";
}

// Everything below is outside data (case files, the vendor's responses): escaped.
void print_case_detail(std::ostream& out, const CaseResult& result) {
  const auto safe = [](std::string_view text) { return text::escape_for_terminal(text); };
  for (const StepResult& step : result.steps) {
    if (step.outcome == Outcome::passed || step.outcome == Outcome::skipped) continue;
    out << "    step \"" << safe(step.name) << "\": " << safe(step.exchange.method) << " "
        << safe(step.exchange.url);
    if (step.exchange.status) out << " -> " << step.exchange.status;
    out << "\n";
    for (const Finding& finding : step.findings) {
      if (finding.severity != Severity::error) continue;
      out << "      " << safe(finding.keyword) << ": " << safe(finding.message);
      if (!finding.pointer.empty() && finding.message.find(finding.pointer) == std::string::npos) {
        out << " at " << safe(finding.pointer);
      }
      if (finding.expected) out << "; expected " << safe(*finding.expected);
      if (finding.actual) out << ", actual " << safe(*finding.actual);
      out << "\n";
    }
    if (!step.curl.empty()) out << "      reproduce: " << safe(step.curl) << "\n";
  }
}

}  // namespace

Progress console_progress(std::ostream& out, bool terminal) {
  return [&out, terminal](const CaseResult& result, std::size_t done, std::size_t total) {
    const bool bad = result.outcome == Outcome::failed || result.outcome == Outcome::error;
    if (terminal) {
      constexpr std::size_t kWidth = 24;
      const std::size_t filled = total ? done * kWidth / total : kWidth;
      out << "\r\033[K[" << std::string(filled, '#') << std::string(kWidth - filled, '.') << "] "
          << done << "/" << total << " " << text::escape_for_terminal(result.vendor) << ": "
          << text::escape_for_terminal(result.name);
      if (bad || done == total) out << "\r\033[K";
      out.flush();
      if (!bad) return;
    }
    out << outcome_label(result.outcome) << " " << text::escape_for_terminal(result.vendor) << ": "
        << text::escape_for_terminal(result.name) << " (" << format_ms(result.duration_ms) << ")\n";
    if (bad) print_case_detail(out, result);
    out.flush();
  };
}

void print_summary(std::ostream& out, const RunResult& run) {
  struct Counts {
    int passed = 0, failed = 0, error = 0, skipped = 0;
  };
  std::map<std::string, Counts> per_vendor;
  Counts total;
  for (const CaseResult& result : run.cases) {
    for (Counts* counts : {&per_vendor[result.vendor], &total}) {
      switch (result.outcome) {
        case Outcome::passed:
          ++counts->passed;
          break;
        case Outcome::failed:
          ++counts->failed;
          break;
        case Outcome::error:
          ++counts->error;
          break;
        case Outcome::skipped:
          ++counts->skipped;
          break;
      }
    }
  }
  const auto row = [&](const std::string& name, const Counts& c) {
    out << "  " << std::left << std::setw(14) << text::escape_for_terminal(name) << std::right
        << std::setw(7) << c.passed << std::setw(7) << c.failed << std::setw(7) << c.error
        << std::setw(8) << c.skipped << std::setw(7) << (c.passed + c.failed + c.error + c.skipped)
        << "\n";
  };
  out << "\n  " << std::left << std::setw(14) << "vendor" << std::right << std::setw(7) << "passed"
      << std::setw(7) << "failed" << std::setw(7) << "error" << std::setw(8) << "skipped"
      << std::setw(7) << "total"
      << "\n";
  for (const auto& [vendor, counts] : per_vendor) row(vendor, counts);
  row("all", total);
  const double seconds = run.duration_ms / 1000;
  out << "\n" << run.cases.size() << " cases in " << format_ms(run.duration_ms);
  if (seconds > 0) {
    out << " (" << std::fixed << std::setprecision(1)
        << static_cast<double>(run.cases.size()) / seconds << " cases/s)";
  }
  out << " against " << run.target << (run.interrupted ? " — interrupted" : "") << "\n";
}

}  // namespace conform::replay

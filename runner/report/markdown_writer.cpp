#include "report/markdown_writer.hpp"

#include <algorithm>
#include <sstream>

#include "report/atomic_file.hpp"
#include "report/coverage.hpp"
#include "report/duration.hpp"
#include "report/redaction.hpp"
#include "report/totals.hpp"
#include "text/markup.hpp"
#include "text/utf8.hpp"

namespace conform::report {
namespace {

// GitHub caps a job summary at 1 MiB; past these the reader goes to report.html anyway.
constexpr std::size_t kMaxFailedCases = 50;
constexpr std::size_t kFindingsPerCase = 3;
constexpr std::size_t kMaxTextBytes = 300;

const char* icon(Outcome outcome) {
  switch (outcome) {
    case Outcome::passed:
      return "✅";
    case Outcome::failed:
      return "❌";
    case Outcome::error:
      return "💥";
    case Outcome::skipped:
      return "⏭️";
  }
  return "";
}

std::size_t longest_backtick_run(std::string_view text) {
  std::size_t longest = 0, run = 0;
  for (const char c : text) {
    run = c == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  return longest;
}

// A fence longer than any run of backticks inside the block, so the block cannot end early.
std::string fence_for(std::string_view text) {
  return std::string(std::max<std::size_t>(3, longest_backtick_run(text) + 1), '`');
}

void totals_row(std::ostringstream& out, const std::string& name, const Totals& t) {
  out << "| " << name << " | " << t.cases << " | " << t.passed << " | " << t.failed << " | "
      << t.errors << " | " << t.skipped << " | " << seconds(t.duration_ms) << " s |\n";
}

void finding_line(std::ostringstream& out, const Finding& f) {
  out << "  - ";
  if (!f.pointer.empty()) out << markdown_code(f.pointer) << " ";
  if (f.line > 0) out << "(line " << f.line << ", column " << f.column << ") ";
  if (!f.keyword.empty()) out << "*" << markdown_text(f.keyword) << "*: ";
  out << markdown_text(text::truncate_utf8(f.message, kMaxTextBytes));
  if (f.expected)
    out << " — expected " << markdown_text(text::truncate_utf8(*f.expected, kMaxTextBytes));
  if (f.actual) out << ", actual " << markdown_text(text::truncate_utf8(*f.actual, kMaxTextBytes));
  out << "\n";
}

void failure(std::ostringstream& out, const CaseResult& result) {
  out << "#### " << icon(result.outcome) << " " << markdown_text(result.vendor) << " / "
      << markdown_text(result.name);
  if (!result.file.empty()) out << " (" << markdown_text(result.file) << ")";
  out << "\n\n";
  if (!result.reproduce.empty()) {
    const std::string command = text::printable_text(result.reproduce);
    const std::string fence = fence_for(command);
    out << "run it again:\n\n" << fence << "sh\n" << command << "\n" << fence << "\n\n";
  }
  for (const auto& step : result.steps) {
    if (step.outcome != Outcome::failed && step.outcome != Outcome::error) continue;
    const Exchange& e = step.exchange;
    out << "- step " << markdown_text(step.name) << ": " << markdown_text(e.method) << " "
        << markdown_text(text::truncate_utf8(e.url, kMaxTextBytes)) << " → "
        << (e.status ? std::to_string(e.status) : "no response") << "\n";
    for (std::size_t i = 0; i < step.findings.size() && i < kFindingsPerCase; ++i) {
      finding_line(out, step.findings[i]);
    }
    if (step.findings.size() > kFindingsPerCase) {
      out << "  - … and " << step.findings.size() - kFindingsPerCase
          << " more findings (report.html)\n";
    }
    if (!step.curl.empty()) {
      const std::string curl = text::printable_text(step.curl);
      const std::string fence = fence_for(curl);
      out << "\n  " << fence << "sh\n  " << curl << "\n  " << fence << "\n";
    }
  }
  out << "\n";
}

void coverage(std::ostringstream& out, const std::vector<VendorCoverage>& all) {
  if (all.empty()) return;
  out << "### Contract coverage\n\n"
         "| vendor | exercised | never exercised |\n|---|---|---|\n";
  for (const auto& vendor : all) {
    std::string hit, missed;
    for (const auto& item : vendor.items) {
      std::string& list = item.exchanges > 0 ? hit : missed;
      if (!list.empty()) list += ", ";
      list += markdown_text(coverage_label(item));
    }
    out << "| " << markdown_text(vendor.vendor) << " | " << (hit.empty() ? "—" : hit) << " | "
        << (missed.empty() ? "—" : missed) << " |\n";
  }
  out << "\n";
}

}  // namespace

std::string markdown_code(std::string_view text) {
  // Inside a code span nothing is markup and backslashes are literal, so nothing is
  // escaped: the delimiter is made longer than any run of backticks inside instead.
  std::string code;
  for (const char c : conform::text::printable_text(text))
    code += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
  const std::string fence(longest_backtick_run(code) + 1, '`');
  const bool pad = !code.empty() && (code.front() == '`' || code.back() == '`');
  return fence + (pad ? " " : "") + code + (pad ? " " : "") + fence;
}

std::string markdown_text(std::string_view text) {
  std::string out;
  for (const char c : conform::text::printable_text(text)) {
    if (c == '\n' || c == '\r' || c == '\t') {
      out += ' ';
    } else if (std::string_view("|\\`*_[]#~!").find(c) != std::string_view::npos) {
      out += '\\';
      out += c;
    } else {
      // Inline HTML is Markdown too: & < > as references; quotes stay readable.
      conform::text::append_markup_escaped(std::string_view(&c, 1), out, {});
    }
  }
  return out;
}

std::string render_markdown(const RunResult& run) {
  return render_markdown_of_redacted(redact_secrets(run));
}

std::string render_markdown_of_redacted(const RunResult& run) {
  const Totals all = totals_of(run);
  std::ostringstream out;
  if (all.has_failures()) {
    out << "## ❌ conform: " << all.failed + all.errors << " of " << all.cases
        << " cases did not pass\n\n";
  } else {
    out << "## ✅ conform: " << all.passed << " of " << all.cases << " cases passed\n\n";
  }
  out << "**" << describe(all) << "** — target " << markdown_text(run.target) << ", "
      << seconds(run.duration_ms) << " s";
  if (!run.started_at.empty()) out << ", started " << markdown_text(run.started_at);
  if (run.seed) out << ", seed " << *run.seed;
  out << "\n\n";
  if (run.interrupted) {
    out << "> ⚠️ **Interrupted**: the run was stopped before it finished; these are partial "
           "results.\n\n";
  }

  out << "| vendor | cases | passed | failed | errors | skipped | time |\n"
         "|---|--:|--:|--:|--:|--:|--:|\n";
  const auto by_vendor = totals_by_vendor(run);
  for (const auto& [vendor, totals] : by_vendor) totals_row(out, markdown_text(vendor), totals);
  out << "\n";

  for (const auto& [vendor, totals] : by_vendor) {
    out << "<details><summary>" << text::html_escape(text::printable_text(vendor)) << ": "
        << describe(totals) << "</summary>\n\n| case | outcome | time |\n|---|---|--:|\n";
    for (const auto& result : run.cases) {
      if (result.vendor != vendor) continue;
      out << "| " << markdown_text(result.name) << " | " << icon(result.outcome) << " "
          << to_string(result.outcome) << " | " << seconds(result.duration_ms) << " s |\n";
    }
    out << "\n</details>\n\n";
  }

  coverage(out, run.coverage);

  if (all.has_failures()) {
    out << "### Failures\n\n";
    std::size_t shown = 0;
    for (const auto& result : run.cases) {
      if (result.outcome != Outcome::failed && result.outcome != Outcome::error) continue;
      if (shown++ == kMaxFailedCases) {
        out << "… and " << (all.failed + all.errors - static_cast<int>(kMaxFailedCases))
            << " more: see report.html.\n";
        break;
      }
      failure(out, result);
    }
  }
  return out.str();
}

void write_markdown_report(const RunResult& run, const std::filesystem::path& file) {
  write_file_atomically(file, render_markdown(run));
}

}  // namespace conform::report

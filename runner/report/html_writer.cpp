#include "report/html_writer.hpp"

#include <locale>
#include <random>
#include <set>
#include <sstream>

#include "report/atomic_file.hpp"
#include "report/coverage.hpp"
#include "report/duration.hpp"
#include "report/html_assets.hpp"
#include "report/redaction.hpp"
#include "report/totals.hpp"
#include "text/ascii_case.hpp"
#include "text/markup.hpp"
#include "text/utf8.hpp"

namespace conform::report {
namespace {

// Bodies past this are cut in the page (report.json keeps them whole): a browser stays
// responsive with thousands of cases.
constexpr std::size_t kMaxBodyBytes = 64 * 1024;
// Failing cases shown unfolded when the page opens; past these a reader filters.
constexpr std::size_t kUnfoldedCases = 20;

// Every piece of run data goes through here on its way into the page.
std::string h(std::string_view text) {
  return conform::text::html_escape(conform::text::printable_text(text));
}

std::string duration(double ms) {
  if (ms < 1000) return std::to_string(static_cast<long>(ms + 0.5)) + " ms";
  return seconds(ms) + " s";
}

// A fresh nonce per file: a payload written into the page before it cannot know it.
std::string nonce() {
  std::random_device random;
  std::ostringstream out;
  out << std::hex;
  for (int i = 0; i < 4; ++i) out << random();
  return out.str();
}

bool looks_like_json(const Headers& headers, std::string_view body) {
  for (const auto& [name, value] : headers) {
    if (text::to_lower_ascii(name) == "content-type")
      return text::to_lower_ascii(value).find("json") != std::string::npos;
  }
  const std::size_t first = body.find_first_not_of(" \t\r\n");
  return first != std::string_view::npos && (body[first] == '{' || body[first] == '[');
}

void card(std::ostringstream& out, const char* kind, const char* label, int n) {
  out << "<div class=\"card " << kind << "\"><span class=\"n\" id=\"count-" << kind << "\">" << n
      << "</span><span class=\"label\">" << label << "</span></div>";
}

void summary(std::ostringstream& out, const Totals& t) {
  out << "<section class=\"summary\"><div class=\"cards\">";
  card(out, "cases", "cases", t.cases);
  card(out, "passed", "passed", t.passed);
  card(out, "failed", "failed", t.failed);
  card(out, "error", "errors", t.errors);
  card(out, "skipped", "skipped", t.skipped);
  out << "</div><div class=\"bar\" aria-hidden=\"true\">";
  const auto segment = [&](const char* kind, int n) {
    if (n > 0 && t.cases > 0) {
      out << "<span class=\"" << kind << "\" style=\"width:" << (100.0 * n / t.cases)
          << "%\"></span>";
    }
  };
  segment("passed", t.passed);
  segment("failed", t.failed);
  segment("error", t.errors);
  segment("skipped", t.skipped);
  out << "</div></section>";
}

void count_cell(std::ostringstream& out, int n) {
  out << "<td class=\"num" << (n == 0 ? " zero" : "") << "\">" << n << "</td>";
}

void vendor_table(std::ostringstream& out, const std::map<std::string, Totals>& by_vendor) {
  out << "<h2>Vendors</h2><table class=\"grid vendors\"><thead><tr><th>vendor</th>"
         "<th class=\"num\">cases</th><th class=\"num\">passed</th><th class=\"num\">failed</th>"
         "<th class=\"num\">errors</th><th class=\"num\">skipped</th><th class=\"num\">time</th>"
         "</tr></thead><tbody>";
  for (const auto& [vendor, t] : by_vendor) {
    out << "<tr class=\"vendor-row\" data-vendor=\"" << h(vendor) << "\" title=\"show only "
        << h(vendor) << "\"><td><strong>" << h(vendor) << "</strong></td>";
    count_cell(out, t.cases);
    count_cell(out, t.passed);
    count_cell(out, t.failed);
    count_cell(out, t.errors);
    count_cell(out, t.skipped);
    out << "<td class=\"num\">" << duration(t.duration_ms) << "</td></tr>";
  }
  out << "</tbody></table>";
}

void coverage_table(std::ostringstream& out, const std::vector<VendorCoverage>& all) {
  if (all.empty()) return;
  out << "<h2>Contract coverage</h2><table class=\"grid coverage\"><thead><tr><th>vendor</th>"
         "<th>exercised</th><th>never exercised</th></tr></thead><tbody>";
  for (const auto& vendor : all) {
    std::ostringstream hit, missed;
    for (const auto& item : vendor.items) {
      auto& list = item.exchanges > 0 ? hit : missed;
      list << "<span class=\"pill " << (item.exchanges > 0 ? "hit" : "missed") << "\" title=\""
           << h(item.kind) << ": " << item.exchanges << " exchanges\">" << h(coverage_label(item))
           << "</span>";
    }
    out << "<tr><td><strong>" << h(vendor.vendor) << "</strong></td><td>" << hit.str()
        << "</td><td>" << missed.str() << "</td></tr>";
  }
  out << "</tbody></table>";
}

void controls(std::ostringstream& out, const std::map<std::string, Totals>& by_vendor) {
  out << "<h2 id=\"cases-title\">Cases</h2><div class=\"controls\" role=\"search\">"
         "<select id=\"vendor-filter\" aria-label=\"vendor\"><option value=\"\">all "
         "vendors</option>";
  for (const auto& entry : by_vendor) {
    out << "<option value=\"" << h(entry.first) << "\">" << h(entry.first) << "</option>";
  }
  out << "</select>";
  for (const char* outcome : {"failed", "error", "passed", "skipped"}) {
    out << "<button type=\"button\" class=\"chip\" data-outcome=\"" << outcome
        << "\" aria-pressed=\"true\">" << outcome << "</button>";
  }
  out << "<input type=\"search\" id=\"search\" placeholder=\"filter by case, file or tag\" "
         "aria-label=\"filter by text\"><span id=\"shown\"></span></div>";
}

void headers_block(std::ostringstream& out, const Headers& headers) {
  if (headers.empty()) return;
  out << "<pre class=\"headers\">";
  for (const auto& [name, value] : headers) out << h(name) << ": " << h(value) << "\n";
  out << "</pre>";
}

void body_block(std::ostringstream& out, const Headers& headers, const std::string& body) {
  if (body.empty()) {
    out << "<p class=\"empty-body\">no body</p>";
    return;
  }
  const bool cut = body.size() > kMaxBodyBytes;
  out << "<pre class=\"body\"" << (!cut && looks_like_json(headers, body) ? " data-json" : "")
      << ">" << h(cut ? text::truncate_utf8(body, kMaxBodyBytes) : body) << "</pre>";
  if (cut) {
    out << "<p class=\"note\">" << body.size() << " bytes; the first " << kMaxBodyBytes
        << " are shown, report.json has them all.</p>";
  }
}

void finding(std::ostringstream& out, const Finding& f) {
  out << "<li class=\"" << to_string(f.severity) << "\">";
  if (!f.keyword.empty()) out << "<span class=\"kw\">" << h(f.keyword) << "</span>";
  if (!f.pointer.empty()) out << "<code class=\"where\">" << h(f.pointer) << "</code>";
  if (!f.xpath.empty()) out << "<code class=\"where\">" << h(f.xpath) << "</code>";
  if (f.line > 0) {
    out << "<span class=\"note where\">line " << f.line << ", column " << f.column << "</span>";
  }
  out << "<span class=\"message\">" << h(f.message) << "</span>";
  if (f.expected || f.actual || !f.schema_path.empty()) {
    out << "<div class=\"ev\">";
    if (f.expected) out << "<span>expected</span><code>" << h(*f.expected) << "</code>";
    if (f.actual) out << "<span>actual</span><code>" << h(*f.actual) << "</code>";
    if (!f.schema_path.empty()) out << "<span>schema</span><code>" << h(f.schema_path) << "</code>";
    out << "</div>";
  }
  out << "</li>";
}

void step(std::ostringstream& out, const StepResult& s, std::size_t index) {
  const Exchange& e = s.exchange;
  // A step that never ran (an earlier one failed, or the run was interrupted) has nothing
  // to show but its name.
  const bool ran = !(s.outcome == Outcome::skipped && e.method.empty() && e.status == 0);
  out << "<div class=\"step\"><h3><span class=\"badge " << to_string(s.outcome) << "\">"
      << to_string(s.outcome) << "</span><span>" << index << ". " << h(s.name) << "</span>";
  if (!ran) {
    out << "<span class=\"note\">not run</span></h3></div>";
    return;
  }
  out << "<span class=\"line mono\">" << h(e.method) << " " << h(e.url) << "</span>"
      << "<span class=\"status\">→ " << (e.status ? std::to_string(e.status) : "no response")
      << "</span><span class=\"note\">" << duration(e.duration_ms) << "</span></h3>";
  if (!s.findings.empty()) {
    out << "<ul class=\"findings\">";
    for (const auto& f : s.findings) finding(out, f);
    out << "</ul>";
  }
  out << "<div class=\"exchange\"><div class=\"side\"><h4>request</h4>";
  headers_block(out, e.request_headers);
  body_block(out, e.request_headers, e.request_body);
  out << "</div><div class=\"side\"><h4>response"
      << (e.status ? " " + std::to_string(e.status) : std::string()) << "</h4>";
  if (e.status == 0) {
    out << "<p class=\"empty-body\">no response</p>";
  } else {
    headers_block(out, e.response_headers);
    body_block(out, e.response_headers, e.response_body);
  }
  out << "</div></div>";
  if (!s.curl.empty() && s.outcome != Outcome::passed) {
    out << "<h4 class=\"note\">reproduce</h4><div class=\"curl\"><pre class=\"mono\">" << h(s.curl)
        << "</pre><button type=\"button\">copy</button></div>";
  }
  out << "</div>";
}

void case_block(std::ostringstream& out, const CaseResult& c, bool open) {
  const char* outcome = to_string(c.outcome);
  std::string search = c.vendor + " " + c.name + " " + c.file;
  for (const auto& tag : c.tags) search += " " + tag;
  out << "<details class=\"case " << outcome << "\" data-vendor=\"" << h(c.vendor)
      << "\" data-outcome=\"" << outcome << "\" data-search=\"" << h(text::to_lower_ascii(search))
      << "\"" << (open ? " open" : "") << "><summary><span class=\"badge " << outcome << "\">"
      << outcome << "</span><span class=\"vendor\">" << h(c.vendor)
      << "</span><span class=\"name\">" << h(c.name) << "</span><span class=\"tags\">";
  for (const auto& tag : c.tags) out << "<span class=\"tag\">" << h(tag) << "</span>";
  out << "</span><span class=\"file mono\">" << h(c.file) << "</span><span class=\"time\">"
      << duration(c.duration_ms) << "</span></summary><div class=\"case-body\">";
  if (c.steps.empty()) out << "<p class=\"note\">no steps ran</p>";
  for (std::size_t i = 0; i < c.steps.size(); ++i) step(out, c.steps[i], i + 1);
  if (!c.reproduce.empty()) {
    out << "<h4 class=\"note\">run it again</h4><div class=\"curl\"><pre class=\"mono\">"
        << h(c.reproduce) << "</pre><button type=\"button\">copy</button></div>";
  }
  out << "</div></details>";
}

}  // namespace

std::string render_html(const RunResult& run) {
  return render_html_of_redacted(redact_secrets(run));
}

std::string render_html_of_redacted(const RunResult& run) {
  const Totals all = totals_of(run);
  const auto by_vendor = totals_by_vendor(run);
  const std::string script_nonce = nonce();
  const bool green = !all.has_failures();

  std::ostringstream out;
  out.imbue(std::locale::classic());  // the bar's widths are CSS numbers, never "12,5"
  out << "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
         "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
         "style-src 'unsafe-inline'; script-src 'nonce-"
      << script_nonce << "'; img-src data:\"><title>conform: " << (green ? "passed" : "failed")
      << " — " << h(describe(all)) << "</title><style>" << kReportStyle
      << "</style></head><body>\n";

  out << "<header class=\"top\"><div class=\"brand\">conform report<span class=\"verdict badge "
      << (green ? "passed" : "failed") << "\">" << (green ? "passed" : "failed")
      << "</span></div><div class=\"meta\">target <span class=\"mono\">" << h(run.target)
      << "</span>";
  if (!run.started_at.empty()) out << " · started " << h(run.started_at);
  if (run.seed) out << " · seed <span class=\"mono\">" << *run.seed << "</span>";
  out << " · " << duration(run.duration_ms) << "</div></header>\n<main>";
  if (run.interrupted) {
    out << "<div class=\"banner\" id=\"interrupted\">Interrupted: the run was stopped before it "
           "finished; these are partial results.</div>";
  }
  summary(out, all);
  vendor_table(out, by_vendor);
  coverage_table(out, run.coverage);
  controls(out, by_vendor);
  out << "<section id=\"cases\">";
  // What needs a look comes first, the first of it unfolded; otherwise the run's order.
  std::size_t unfolded = 0;
  for (const auto& c : run.cases) {
    if (c.outcome == Outcome::failed || c.outcome == Outcome::error) {
      case_block(out, c, unfolded++ < kUnfoldedCases);
    }
  }
  for (const auto& c : run.cases) {
    if (c.outcome != Outcome::failed && c.outcome != Outcome::error) case_block(out, c, false);
  }
  out << "</section><p id=\"empty\" hidden>No cases match these filters.</p></main>\n"
         "<footer>generated by conform · report.json holds every field · junit.xml and "
         "report.tap for CI</footer>\n<script nonce=\""
      << script_nonce << "\">" << kReportScript << "</script></body></html>\n";
  return out.str();
}

void write_html_report(const RunResult& run, const std::filesystem::path& file) {
  write_file_atomically(file, render_html(run));
}

}  // namespace conform::report

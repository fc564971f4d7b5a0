#include "cli/console.hpp"

#include <unistd.h>

#include <algorithm>
#include <climits>
#include <cstdlib>
#include <string>

#include "text/terminal.hpp"
#include "text/utf8.hpp"

namespace conform::cli {
namespace {

struct Style {
  bool on;
  const char* operator()(const char* code) const { return on ? code : ""; }
};

constexpr const char* kRed = "\x1b[1;31m";
constexpr const char* kYellow = "\x1b[1;33m";
constexpr const char* kBlue = "\x1b[1;34m";
constexpr const char* kBold = "\x1b[1m";
constexpr const char* kReset = "\x1b[0m";

// The `line`-th line (1-based) of `source`, without its line break.
std::string_view source_line(std::string_view source, int line) {
  std::size_t start = 0;
  for (int i = 1; i < line; ++i) {
    const std::size_t nl = source.find('\n', start);
    if (nl == std::string_view::npos) return {};
    start = nl + 1;
  }
  std::size_t end = source.find('\n', start);
  if (end == std::string_view::npos) end = source.size();
  std::string_view text = source.substr(start, end - start);
  if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
  return text;
}

// Columns count code points; the caret line copies tabs so it stays aligned.
std::string caret_padding(std::string_view line, int column) {
  std::string pad;
  int seen = 1;
  for (std::size_t i = 0; i < line.size() && seen < column; ++i) {
    const unsigned char c = static_cast<unsigned char>(line[i]);
    if ((c & 0xC0) == 0x80) continue;
    pad += c == '\t' ? '\t' : ' ';
    ++seen;
  }
  return pad;
}

// The byte offset of the `n`-th code point (0-based) of `text`, or its size.
std::size_t code_point_offset(std::string_view text, int n) {
  std::size_t i = 0;
  for (int seen = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
    if (seen++ == n) return i;
  }
  return text.size();
}

// Long lines (minified JSON, NDJSON, a 500-character value) are cut to a window of this
// many code points around the column, marked with an ellipsis where something was cut.
constexpr int kMaxShown = 100;

struct Excerpt {
  std::string text;
  int column;       // 1-based, in code points of `text`
  int caret_count;  // carets under the value, clipped to the window
};

Excerpt excerpt(std::string_view line, int column, int length) {
  const int first = column - 1 > kMaxShown / 2 ? column - 1 - kMaxShown / 2 : 0;
  const std::size_t begin = code_point_offset(line, first);
  const std::size_t end = begin + code_point_offset(line.substr(begin), kMaxShown);
  Excerpt out{std::string(first > 0 ? "…" : ""), column - first + (first > 0 ? 1 : 0), 0};
  out.text.append(text::valid_utf8(line.substr(begin, end - begin)));
  const int window_end = first + kMaxShown;  // code points shown, counted from the line start
  out.caret_count = std::max(1, std::min(length, window_end - (column - 1)));
  if (end < line.size()) out.text += "…";
  return out;
}

}  // namespace

bool use_colour(int fd) {
  const char* no_colour = std::getenv("NO_COLOR");
  if (no_colour != nullptr && *no_colour != '\0') return false;
  return isatty(fd) != 0;
}

void render_findings(std::ostream& out, const PayloadResult& result, std::string_view source,
                     bool colour) {
  const Style style{colour};
  // The payload's bytes, and every message quoting them, are outside data.
  const auto safe = [](std::string_view text) { return text::escape_for_terminal(text); };
  for (const Finding& f : result.findings) {
    const bool error = f.severity == Severity::error;
    out << style(error ? kRed : kYellow) << (error ? "error" : "warning");
    if (!f.keyword.empty()) out << "[" << safe(f.keyword) << "]";
    out << style(kReset) << style(kBold) << ": " << safe(f.message) << style(kReset) << "\n";

    // An NDJSON payload is one line of its file: its findings sit on line 1 of `source`,
    // shown at the payload's line in the file.
    const bool ndjson = result.line > 0;
    const std::size_t shown_line = ndjson ? result.line : static_cast<std::size_t>(f.line);
    out << "  " << style(kBlue) << "-->" << style(kReset) << " " << safe(result.file);
    if (shown_line > 0) out << ":" << shown_line;
    if (f.line > 0) out << ":" << f.column;
    if (!f.xpath.empty()) {
      out << " at " << safe(f.xpath);
    } else if (!f.pointer.empty()) {
      out << " at " << safe(f.pointer);
    }
    out << "\n";

    if (f.line > 0 && !source.empty()) {
      const Excerpt shown = excerpt(source_line(source, ndjson ? 1 : f.line), f.column, f.length);
      const std::string number = std::to_string(shown_line);
      const std::string gutter(number.size(), ' ');
      out << style(kBlue) << " " << gutter << " |" << style(kReset) << "\n";
      // Escaped in two halves, so the carets still stand under the value.
      const std::size_t split = code_point_offset(shown.text, shown.column - 1);
      const std::string before =
          text::escape_for_terminal(std::string_view(shown.text).substr(0, split), true);
      const std::string after =
          text::escape_for_terminal(std::string_view(shown.text).substr(split), true);
      out << style(kBlue) << " " << number << " |" << style(kReset) << " " << before << after
          << "\n";
      out << style(kBlue) << " " << gutter << " |" << style(kReset) << " "
          << caret_padding(before, INT_MAX) << style(error ? kRed : kYellow)
          << std::string(static_cast<std::size_t>(shown.caret_count), '^') << style(kReset) << "\n";
    }
    if (f.expected) out << "   = expected: " << safe(*f.expected) << "\n";
    if (f.actual) out << "   = actual:   " << safe(*f.actual) << "\n";
    out << "\n";
  }
  if (result.more_findings > 0) out << more_findings_text(result.more_findings) << "\n\n";
}

}  // namespace conform::cli

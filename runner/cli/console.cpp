#include "cli/console.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <string>

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

// Long lines (minified JSON, NDJSON) are cut to a window around the column.
constexpr std::size_t kMaxShown = 160;

}  // namespace

bool use_colour(int fd) {
  const char* no_colour = std::getenv("NO_COLOR");
  if (no_colour != nullptr && *no_colour != '\0') return false;
  return isatty(fd) != 0;
}

void render_findings(std::ostream& out, const PayloadResult& result, std::string_view source,
                     bool colour) {
  const Style style{colour};
  for (const Finding& f : result.findings) {
    const bool error = f.severity == Severity::error;
    out << style(error ? kRed : kYellow) << (error ? "error" : "warning");
    if (!f.keyword.empty()) out << "[" << f.keyword << "]";
    out << style(kReset) << style(kBold) << ": " << f.message << style(kReset) << "\n";

    // An NDJSON payload is one line of its file: its findings sit on line 1 of `source`,
    // shown at the payload's line in the file.
    const bool ndjson = result.line > 0;
    const std::size_t shown_line = ndjson ? result.line : static_cast<std::size_t>(f.line);
    out << "  " << style(kBlue) << "-->" << style(kReset) << " " << result.file;
    if (shown_line > 0) out << ":" << shown_line;
    if (f.line > 0) out << ":" << f.column;
    if (!f.xpath.empty()) {
      out << " at " << f.xpath;
    } else if (!f.pointer.empty()) {
      out << " at " << f.pointer;
    }
    out << "\n";

    if (f.line > 0 && !source.empty()) {
      std::string_view text = source_line(source, ndjson ? 1 : f.line);
      int column = f.column;
      if (text.size() > kMaxShown) {
        const std::string pad = caret_padding(text, column);
        const std::size_t offset = pad.size() > kMaxShown / 2 ? pad.size() - kMaxShown / 2 : 0;
        text = text.substr(offset, kMaxShown);
        column -= static_cast<int>(offset);
      }
      const std::string number = std::to_string(shown_line);
      const std::string gutter(number.size(), ' ');
      out << style(kBlue) << " " << gutter << " |" << style(kReset) << "\n";
      out << style(kBlue) << " " << number << " |" << style(kReset) << " " << text << "\n";
      out << style(kBlue) << " " << gutter << " |" << style(kReset) << " "
          << caret_padding(text, column) << style(error ? kRed : kYellow)
          << std::string(static_cast<std::size_t>(std::max(f.length, 1)), '^') << style(kReset)
          << "\n";
    }
    if (f.expected) out << "   = expected: " << *f.expected << "\n";
    if (f.actual) out << "   = actual:   " << *f.actual << "\n";
    out << "\n";
  }
}

}  // namespace conform::cli

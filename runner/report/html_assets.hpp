// The static parts of report.html: its stylesheet and its filter script, inlined into the
// file so it opens anywhere (a CI artifact, an e-mail) with no fetch.
#pragma once

namespace conform::report {

extern const char* const kReportStyle;
// Reads only data-* attributes and form controls, and writes only `hidden` and
// textContent: nothing a payload holds is ever parsed as HTML.
extern const char* const kReportScript;

}  // namespace conform::report

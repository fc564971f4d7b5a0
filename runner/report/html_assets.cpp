#include "report/html_assets.hpp"

namespace conform::report {

const char* const kReportStyle = R"css(
:root {
  --bg: #f6f7f9; --panel: #fff; --text: #1f2328; --muted: #656d76; --line: #d8dee4;
  --code: #f3f4f6; --passed: #1a7f37; --failed: #cf222e; --error: #9a6700; --skipped: #6e7781;
  --passed-bg: #dafbe1; --failed-bg: #ffebe9; --error-bg: #fff8c5; --skipped-bg: #eaeef2;
  --accent: #0969da;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #0d1117; --panel: #161b22; --text: #e6edf3; --muted: #8d96a0; --line: #30363d;
    --code: #1f242c; --passed: #3fb950; --failed: #f85149; --error: #d29922; --skipped: #8b949e;
    --passed-bg: #12261e; --failed-bg: #2d1214; --error-bg: #2b2111; --skipped-bg: #21262d;
    --accent: #4493f8;
  }
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--text);
  font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", sans-serif; }
code, pre, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "DejaVu Sans Mono", monospace; font-size: 12.5px; }
header.top { background: var(--panel); border-bottom: 1px solid var(--line); padding: 14px 28px;
  display: flex; align-items: baseline; gap: 18px; flex-wrap: wrap; }
header.top .brand { font-weight: 700; font-size: 18px; letter-spacing: -0.01em; }
header.top .brand .verdict { margin-left: 10px; font-size: 14px; font-weight: 600; padding: 2px 10px; border-radius: 999px; }
header.top .meta { color: var(--muted); }
main { max-width: 1280px; margin: 0 auto; padding: 20px 28px 40px; }
h2 { font-size: 15px; margin: 28px 0 10px; color: var(--muted); text-transform: uppercase; letter-spacing: 0.06em; }
.banner { border-radius: 8px; padding: 10px 14px; margin-bottom: 16px; font-weight: 600;
  background: var(--error-bg); color: var(--error); border: 1px solid var(--error); }
.cards { display: grid; grid-template-columns: repeat(5, minmax(0, 1fr)); gap: 12px; }
.card { background: var(--panel); border: 1px solid var(--line); border-radius: 10px; padding: 12px 16px; }
.card .n { display: block; font-size: 28px; font-weight: 700; line-height: 1.2; font-variant-numeric: tabular-nums; }
.card .label { color: var(--muted); }
.card.passed .n { color: var(--passed); } .card.failed .n { color: var(--failed); }
.card.error .n { color: var(--error); } .card.skipped .n { color: var(--skipped); }
.bar { display: flex; height: 8px; border-radius: 4px; overflow: hidden; margin-top: 12px; background: var(--line); }
.bar span { display: block; height: 100%; }
.bar .passed { background: var(--passed); } .bar .failed { background: var(--failed); }
.bar .error { background: var(--error); } .bar .skipped { background: var(--skipped); }
table.grid { width: 100%; border-collapse: collapse; background: var(--panel); border: 1px solid var(--line); border-radius: 10px; overflow: hidden; }
table.grid th, table.grid td { text-align: left; padding: 7px 12px; border-bottom: 1px solid var(--line); vertical-align: top; }
table.grid th { color: var(--muted); font-weight: 600; font-size: 12px; text-transform: uppercase; letter-spacing: 0.04em; }
table.grid td.num, table.grid th.num { text-align: right; font-variant-numeric: tabular-nums; }
table.grid tr:last-child td { border-bottom: 0; }
table.grid tr.vendor-row { cursor: pointer; }
table.grid tr.vendor-row:hover td { background: var(--code); }
.zero { color: var(--muted); }
.pill { display: inline-block; padding: 1px 8px; margin: 1px 2px; border-radius: 999px; font-size: 12px; border: 1px solid var(--line); }
.pill.hit { background: var(--passed-bg); border-color: transparent; }
.pill.missed { color: var(--muted); border-style: dashed; }
.controls { position: sticky; top: 0; z-index: 2; display: flex; gap: 10px; align-items: center; flex-wrap: wrap;
  background: var(--bg); padding: 10px 0; border-bottom: 1px solid var(--line); margin-bottom: 12px; }
.controls select, .controls input { font: inherit; color: var(--text); background: var(--panel);
  border: 1px solid var(--line); border-radius: 6px; padding: 5px 8px; }
.controls input[type=search] { flex: 1; min-width: 180px; }
.chip { font: inherit; cursor: pointer; border-radius: 999px; padding: 4px 12px; border: 1px solid var(--line);
  background: var(--panel); color: var(--muted); }
.chip[aria-pressed=true] { color: var(--text); border-color: currentColor; font-weight: 600; }
.chip[data-outcome=passed][aria-pressed=true] { color: var(--passed); background: var(--passed-bg); }
.chip[data-outcome=failed][aria-pressed=true] { color: var(--failed); background: var(--failed-bg); }
.chip[data-outcome=error][aria-pressed=true] { color: var(--error); background: var(--error-bg); }
.chip[data-outcome=skipped][aria-pressed=true] { color: var(--skipped); background: var(--skipped-bg); }
#shown { color: var(--muted); margin-left: auto; }
details.case { background: var(--panel); border: 1px solid var(--line); border-left: 4px solid var(--skipped);
  border-radius: 8px; margin-bottom: 8px; }
details.case.passed { border-left-color: var(--passed); } details.case.failed { border-left-color: var(--failed); }
details.case.error { border-left-color: var(--error); }
details.case > summary { cursor: pointer; padding: 9px 14px; display: flex; gap: 10px; align-items: baseline; list-style: none; }
details.case > summary::-webkit-details-marker { display: none; }
details.case > summary::before { content: "\25B8"; color: var(--muted); width: 10px; }
details.case[open] > summary::before { content: "\25BE"; }
summary .name { font-weight: 600; overflow-wrap: anywhere; }
summary .vendor { color: var(--muted); }
summary .file { color: var(--muted); margin-left: auto; font-size: 12px; }
summary .time { color: var(--muted); font-variant-numeric: tabular-nums; min-width: 60px; text-align: right; }
.badge { display: inline-block; font-size: 11px; font-weight: 700; text-transform: uppercase; letter-spacing: 0.04em;
  padding: 1px 7px; border-radius: 4px; min-width: 58px; text-align: center; }
.badge.passed { color: var(--passed); background: var(--passed-bg); } .badge.failed { color: var(--failed); background: var(--failed-bg); }
.badge.error { color: var(--error); background: var(--error-bg); } .badge.skipped { color: var(--skipped); background: var(--skipped-bg); }
.tags .tag { font-size: 11px; color: var(--muted); border: 1px solid var(--line); border-radius: 4px; padding: 0 5px; margin-right: 4px; }
.case-body { padding: 0 14px 12px 34px; }
.step { border-top: 1px solid var(--line); padding-top: 10px; margin-top: 4px; }
.step h3 { font-size: 13px; margin: 0 0 8px; font-weight: 600; display: flex; gap: 8px; align-items: baseline; flex-wrap: wrap; }
.step h3 .line { font-weight: 400; overflow-wrap: anywhere; }
.step h3 .status { font-weight: 700; }
.findings { list-style: none; margin: 0 0 10px; padding: 0; }
.findings li { background: var(--failed-bg); border-radius: 6px; padding: 7px 10px; margin-bottom: 6px; }
.findings li.warning { background: var(--error-bg); }
.findings .kw { font-size: 11px; font-weight: 700; text-transform: uppercase; color: var(--failed); margin-right: 6px; }
.findings li.warning .kw { color: var(--error); }
.findings .where { margin-right: 6px; }
.findings .ev { display: grid; grid-template-columns: max-content 1fr; gap: 0 10px; margin-top: 4px; color: var(--muted); }
.findings .ev code { color: var(--text); white-space: pre-wrap; overflow-wrap: anywhere; }
.exchange { display: grid; grid-template-columns: 1fr 1fr; gap: 12px; }
@media (max-width: 900px) { .exchange { grid-template-columns: 1fr; } .cards { grid-template-columns: repeat(2, 1fr); } }
.exchange .side { min-width: 0; }
.exchange h4 { margin: 0 0 4px; font-size: 12px; color: var(--muted); text-transform: uppercase; letter-spacing: 0.04em; }
pre { background: var(--code); border-radius: 6px; padding: 8px 10px; margin: 0 0 8px; white-space: pre-wrap;
  overflow-wrap: anywhere; max-height: 360px; overflow: auto; }
pre.headers { color: var(--muted); }
.empty-body { color: var(--muted); font-style: italic; margin: 0 0 8px; }
.curl { position: relative; }
.curl button { position: absolute; top: 6px; right: 6px; font: inherit; font-size: 12px; cursor: pointer;
  border: 1px solid var(--line); border-radius: 5px; background: var(--panel); color: var(--text); padding: 1px 8px; }
.note { color: var(--muted); font-size: 12px; }
#empty { color: var(--muted); text-align: center; padding: 30px; }
footer { color: var(--muted); text-align: center; padding: 20px; font-size: 12px; }
)css";

const char* const kReportScript = R"js(
(function () {
  "use strict";
  var cases = Array.prototype.slice.call(document.querySelectorAll("details.case"));
  var vendor = document.getElementById("vendor-filter");
  var search = document.getElementById("search");
  var chips = Array.prototype.slice.call(document.querySelectorAll(".chip[data-outcome]"));
  var shown = document.getElementById("shown");
  var empty = document.getElementById("empty");

  function pressed() {
    return chips.filter(function (c) { return c.getAttribute("aria-pressed") === "true"; })
                .map(function (c) { return c.dataset.outcome; });
  }

  // The filter lives in the URL fragment (#vendor=x&outcome=failed,error&q=text), so a
  // link to the report can open on exactly the failing cases.
  function writeHash(outcomes) {
    var parts = [];
    if (vendor.value) parts.push("vendor=" + encodeURIComponent(vendor.value));
    if (outcomes.length !== chips.length) parts.push("outcome=" + outcomes.join(","));
    if (search.value) parts.push("q=" + encodeURIComponent(search.value));
    var hash = parts.length ? "#" + parts.join("&") : location.pathname + location.search;
    try { history.replaceState(null, "", hash); } catch (e) { /* file:// in some browsers */ }
  }

  function readHash() {
    var params = {};
    location.hash.replace(/^#/, "").split("&").forEach(function (kv) {
      var i = kv.indexOf("=");
      if (i > 0) params[kv.slice(0, i)] = decodeURIComponent(kv.slice(i + 1));
    });
    if (params.vendor !== undefined) {
      for (var i = 0; i < vendor.options.length; i++) {
        if (vendor.options[i].value === params.vendor) vendor.value = params.vendor;
      }
    }
    if (params.outcome !== undefined) {
      var wanted = params.outcome.split(",");
      chips.forEach(function (c) {
        c.setAttribute("aria-pressed", wanted.indexOf(c.dataset.outcome) >= 0 ? "true" : "false");
      });
    }
    if (params.q !== undefined) search.value = params.q;
  }

  function apply(updateHash) {
    var outcomes = pressed();
    var text = search.value.trim().toLowerCase();
    var count = 0;
    cases.forEach(function (c) {
      var visible = (!vendor.value || c.dataset.vendor === vendor.value) &&
                    outcomes.indexOf(c.dataset.outcome) >= 0 &&
                    (!text || c.dataset.search.indexOf(text) >= 0);
      c.hidden = !visible;
      if (visible) count++;
    });
    shown.textContent = "showing " + count + " of " + cases.length + " cases";
    empty.hidden = count !== 0;
    if (updateHash) writeHash(outcomes);
  }

  chips.forEach(function (c) {
    c.addEventListener("click", function () {
      c.setAttribute("aria-pressed", c.getAttribute("aria-pressed") === "true" ? "false" : "true");
      apply(true);
    });
  });
  vendor.addEventListener("change", function () { apply(true); });
  search.addEventListener("input", function () { apply(true); });
  Array.prototype.forEach.call(document.querySelectorAll("tr.vendor-row"), function (row) {
    row.addEventListener("click", function () {
      vendor.value = vendor.value === row.dataset.vendor ? "" : row.dataset.vendor;
      apply(true);
      document.getElementById("cases").scrollIntoView();
    });
  });

  // JSON bodies are shown indented; text that does not parse stays as it was sent.
  Array.prototype.forEach.call(document.querySelectorAll("pre.body[data-json]"), function (pre) {
    try { pre.textContent = JSON.stringify(JSON.parse(pre.textContent), null, 2); } catch (e) { }
  });

  Array.prototype.forEach.call(document.querySelectorAll(".curl button"), function (button) {
    button.addEventListener("click", function () {
      var text = button.parentNode.querySelector("pre").textContent;
      var done = function () { button.textContent = "copied"; };
      if (navigator.clipboard) {
        navigator.clipboard.writeText(text).then(done, function () { });
      }
    });
  });

  readHash();
  apply(false);
})();
)js";

}  // namespace conform::report

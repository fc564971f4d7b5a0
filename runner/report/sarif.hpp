// SARIF 2.1.0 output: findings and the files they point into -> one log that code-scanning
// tools (GitHub, GitLab, IDEs) show as annotations on the lines.
//
// What a result carries: ruleId = the finding's keyword (one rule per keyword, in order of
// first use), level "error" or "warning", the message (with expected and actual), a
// physical location (the file as a URI relative to `base` with uriBaseId %SRCROOT%, or an
// absolute file:// URI outside it; startLine and startColumn in code points, endColumn
// from the finding's length) and a logical location whose fullyQualifiedName is the
// finding's JSON Pointer. XPath and schema path go to the result's properties.
//
//   report::SarifWriter sarif(std::cout, {"conform", "0.1.0"});
//   for (const auto& result : results) sarif.add(result.file, result.findings);
//   sarif.finish();
#pragma once

#include <filesystem>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "model/finding.hpp"
#include "secret/masker.hpp"

namespace conform::report {

struct SarifTool {
  SarifTool() = default;
  SarifTool(std::string tool_name, std::string tool_version, std::string uri = {})
      : name(std::move(tool_name)),
        version(std::move(tool_version)),
        information_uri(std::move(uri)) {}

  std::string name = "conform";
  std::string version;
  std::string information_uri;  // optional
};

// Streams one SARIF log with one run to `out`: results are written as they are added, so
// memory holds only the rules (one per distinct keyword), however many findings there are.
// Not thread-safe; call from one thread.
class SarifWriter {
 public:
  // `base`: the folder relative URIs start from (%SRCROOT%); default: the working folder.
  // `policy`: which members are secret, so a finding about one does not quote its value.
  SarifWriter(std::ostream& out, SarifTool tool, std::filesystem::path base = {},
              secret::Policy policy = {});
  ~SarifWriter();  // finishes the log if finish() was not called
  SarifWriter(const SarifWriter&) = delete;
  SarifWriter& operator=(const SarifWriter&) = delete;

  // Adds findings whose line and column count from the start of `file` ("" or "-",
  // standard input: no physical location, only the logical one). `first_line`: the line of
  // `file` the payload starts on (an NDJSON payload's line; 1 for a whole file), so that a
  // finding's line 1 lands on it.
  void add(const std::string& file, const Findings& findings, int first_line = 1);
  void add(const std::string& file, const Finding& finding, int first_line = 1);

  // Closes the results and writes the tool with its rules. Call once; nothing may be added
  // afterwards.
  void finish();

 private:
  int rule_index(const std::string& keyword);

  std::ostream& out_;
  SarifTool tool_;
  std::filesystem::path base_;
  secret::Masker masker_;
  std::vector<std::string> rules_;
  bool first_result_ = true;
  bool finished_ = false;
};

// The file URI a result names: `file` relative to `base` when it lies under it (with
// %SRCROOT% as its base), else an absolute file:// URI; percent-encoded per RFC 3986.
struct SarifArtifact {
  std::string uri;
  bool relative = false;
};
SarifArtifact sarif_artifact(const std::string& file, const std::filesystem::path& base);

// A whole log at once, for callers that hold their findings already.
struct SarifFile {
  std::string file;
  Findings findings;
  int first_line = 1;
};
std::string render_sarif(const SarifTool& tool, const std::vector<SarifFile>& files,
                         const std::filesystem::path& base = {});

}  // namespace conform::report

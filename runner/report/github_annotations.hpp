// GitHub Actions workflow commands for findings: one "::error file=F,line=L,col=C,
// title=KEYWORD::message" line each, which the Actions log shows as an annotation on the
// file's line (and in the pull request's diff).
#pragma once

#include <string>
#include <string_view>

#include "model/finding.hpp"
#include "secret/policy.hpp"

namespace conform::report {

// One annotation line, without its line break: ::error for errors, ::warning for warnings.
// An absolute `file` inside the working folder is written relative to it; "" or "-"
// (standard input) leaves out file, line and col. `first_line`: the line of
// `file` the payload starts on (an NDJSON payload's line; 1 for a whole file). The message
// names the JSON Pointer (or XPath) and what was expected and found.
// `policy` says which members are secret: a finding about one does not quote its value.
std::string github_annotation(const Finding& finding, const std::string& file, int first_line = 1,
                              const secret::Policy& policy = {});

// GitHub's escaping for a command's message: % \r \n become %25 %0D %0A.
std::string escape_github_data(std::string_view text);

// The same for a property value (file, title), where : and , also end the value: %3A %2C.
std::string escape_github_property(std::string_view text);

}  // namespace conform::report

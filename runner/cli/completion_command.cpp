// conform completion bash: a bash completion script for conform, generated from the
// commands' own declarations (options, usage line) and the vendor catalog, so it never lags
// behind either.
#include <algorithm>
#include <cctype>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "cli/arguments.hpp"
#include "cli/command.hpp"
#include "contracts/catalog.hpp"

namespace conform::cli {
namespace {

constexpr const char* kHelp = R"(usage: conform completion bash [--out FILE] [--schemas DIR]

Prints a bash completion script for conform: commands, each command's options and their
values, vendor ids and each vendor's messages (from the catalog: regenerate it after adding
a vendor). The install puts it in share/bash-completion/completions/conform.

  --out FILE       write the script to FILE instead of standard output
  --schemas DIR    the vendor contracts whose ids and messages it completes

example:
  source <(conform completion bash)
)";

// What a command's declaration says about its command line.
struct CommandSyntax {
  std::set<std::string> options;
  // option -> its values ("json xml form") or a kind ("@vendor", "@dir", "@file", "@none").
  std::map<std::string, std::string> values;
  // Positional arguments in order: a literal word, "@vendor", "@message" or "@file".
  std::vector<std::string> positionals;
};

bool is_upper_word(const std::string& word) {
  if (word.empty()) return false;
  for (const char c : word) {
    if (!std::isupper(static_cast<unsigned char>(c)) && c != '_' && c != '|') return false;
  }
  return true;
}

// An option's placeholder as a kind: "json|xml|form" or "mock|URL" -> its lower-case words.
std::string value_kind(const std::string& option, const std::string& placeholder) {
  if (option == "--vendor" || placeholder == "VENDOR") return "@vendor";
  if (placeholder == "DIR" || placeholder == "OUT") return "@dir";
  const bool json_file =
      placeholder.size() > 5 && placeholder.compare(placeholder.size() - 5, 5, ".json") == 0;
  if (placeholder.find("FILE") != std::string::npos || json_file) return "@file";
  std::string words;
  std::istringstream parts(placeholder);
  for (std::string part; std::getline(parts, part, '|');) {
    const bool word = !part.empty() && std::all_of(part.begin(), part.end(), [](char c) {
      return std::islower(static_cast<unsigned char>(c)) ||
             std::isdigit(static_cast<unsigned char>(c)) || c == '-';
    });
    if (word) words += (words.empty() ? "" : " ") + part;
  }
  return words.empty() ? "@none" : words;
}

std::string strip_brackets(std::string token) {
  while (!token.empty() && (token.front() == '[' || token.front() == '(')) token.erase(0, 1);
  for (const std::string tail : {"...", "]", ")"}) {
    while (token.size() >= tail.size() &&
           token.compare(token.size() - tail.size(), tail.size(), tail) == 0) {
      token.erase(token.size() - tail.size());
    }
  }
  return token;
}

CommandSyntax syntax_of(const Command& command) {
  CommandSyntax syntax;
  syntax.options.insert("--help");
  for (const Option& option : command.options) {
    if (!option.offered) continue;
    syntax.options.insert(option.name);
    if (option.value) syntax.values[option.name] = value_kind(option.name, option.value);
  }
  const std::string name = command.name;
  const std::string help = command.help;
  // Positionals from the usage line: "usage: conform validate VENDOR MESSAGE [options] FILE...".
  const std::string usage_prefix = "usage: conform " + name;
  const auto start = help.find(usage_prefix);
  if (start == std::string::npos) return syntax;
  const auto end = help.find('\n', start);
  std::istringstream usage(
      help.substr(start + usage_prefix.size(), end - start - usage_prefix.size()));
  std::vector<std::string> tokens;
  for (std::string token; usage >> token;) tokens.push_back(token);
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const std::string token = strip_brackets(tokens[i]);
    if (token.rfind("-", 0) == 0) {
      if (i + 1 < tokens.size() && strip_brackets(tokens[i + 1]).rfind("-", 0) != 0 &&
          tokens[i + 1].front() != '[' && token.find('=') == std::string::npos &&
          syntax.values.count(token) > 0) {
        ++i;  // the option's value
      }
      continue;
    }
    if (token.empty() || token == "options") continue;
    if (token == "VENDOR") {
      syntax.positionals.push_back("@vendor");
    } else if (token == "MESSAGE") {
      syntax.positionals.push_back("@message");
    } else if (!is_upper_word(token) && token.find('|') == std::string::npos) {
      syntax.positionals.push_back(token);  // a literal subcommand ("merge")
    } else {
      syntax.positionals.push_back("@file");
    }
  }
  return syntax;
}

std::string join(const std::set<std::string>& words) {
  std::string out;
  for (const auto& word : words) out += (out.empty() ? "" : " ") + word;
  return out;
}

std::string join(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& word : words) out += (out.empty() ? "" : " ") + word;
  return out;
}

// Words in the script are ids, option names and message names: quote them for bash anyway.
std::string quoted(const std::string& text) {
  std::string out = "'";
  for (const char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// The completion function itself: static text, fed by the tables above it.
constexpr const char* kFunction = R"BASH(
# Words of the line up to the cursor, split on blanks only (bash also splits on ':' and
# '=', which would cut "response:200" in three).
_conform() {
  local line=${COMP_LINE:0:COMP_POINT}
  local -a words
  read -ra words <<< "$line"
  local cur=""
  if [[ $line != *[[:space:]] && ${#words[@]} -gt 0 ]]; then
    cur=${words[-1]}
    unset 'words[-1]'
  fi
  local -a candidates=()
  if (( ${#words[@]} <= 1 )); then
    candidates=($(compgen -W "$_conform_commands --help --version" -- "$cur"))
  else
    local cmd=${words[1]} prev=${words[-1]} kind="" vendor="" last="" i n=0
    local -a positionals=(${_conform_positionals[$cmd]-})
    if (( ${#positionals[@]} > 0 )); then last=${positionals[${#positionals[@]}-1]}; fi
    for (( i = 2; i < ${#words[@]}; i++ )); do
      if [[ ${words[i]} == -* ]]; then
        if [[ -n ${_conform_values["$cmd ${words[i]}"]-} ]]; then i=$((i + 1)); fi
        continue
      fi
      if [[ ${positionals[n]-$last} == @vendor ]]; then vendor=${words[i]}; fi
      n=$((n + 1))
    done
    if [[ $prev == -* && -n ${_conform_values["$cmd $prev"]-} ]]; then
      kind=${_conform_values["$cmd $prev"]}
    elif [[ $cur == -* ]]; then
      kind=${_conform_options[$cmd]-}
    else
      kind=${positionals[n]-$last}
    fi
    case $kind in
      @vendor) candidates=($(compgen -W "$_conform_vendors" -- "$cur")) ;;
      @message) candidates=($(compgen -W "${_conform_messages[$vendor]-}" -- "$cur")) ;;
      @dir) candidates=($(compgen -d -- "$cur")) ;;
      @file) candidates=($(compgen -f -- "$cur")) ;;
      @none | "") ;;
      *) candidates=($(compgen -W "$kind" -- "$cur")) ;;
    esac
  fi
  # bash replaces only the part of the word after its last ':' (COMP_WORDBREAKS).
  if [[ $cur == *:* && $COMP_WORDBREAKS == *:* ]]; then
    local prefix=${cur%:*}:
    candidates=("${candidates[@]#"$prefix"}")
  fi
  COMPREPLY=("${candidates[@]}")
}
complete -o bashdefault -o default -F _conform conform
)BASH";

std::string script(const contracts::Catalog& catalog) {
  std::ostringstream out;
  out << "# bash completion for conform (generated by 'conform completion bash').\n";
  std::vector<std::string> names;
  std::map<std::string, CommandSyntax> syntaxes;
  for (const auto& command : registered_commands()) {
    names.push_back(command.name);
    syntaxes[command.name] = syntax_of(command);
  }
  std::vector<std::string> vendors;
  for (const auto& v : catalog.vendors()) vendors.push_back(v.id);
  out << "_conform_commands=" << quoted(join(names)) << "\n";
  out << "_conform_vendors=" << quoted(join(vendors)) << "\n";
  out << "declare -gA _conform_messages=(\n";
  for (const auto& v : catalog.vendors()) {
    std::vector<std::string> messages;
    for (const auto& m : v.messages) messages.push_back(m.id.name());
    out << "  [" << quoted(v.id) << "]=" << quoted(join(messages)) << "\n";
  }
  out << ")\ndeclare -gA _conform_options=(\n";
  for (const auto& [name, syntax] : syntaxes) {
    out << "  [" << quoted(name) << "]=" << quoted(join(syntax.options)) << "\n";
  }
  out << ")\ndeclare -gA _conform_values=(\n";
  for (const auto& [name, syntax] : syntaxes) {
    for (const auto& [option, values] : syntax.values) {
      out << "  [" << quoted(name + " " + option) << "]=" << quoted(values) << "\n";
    }
  }
  out << ")\ndeclare -gA _conform_positionals=(\n";
  for (const auto& [name, syntax] : syntaxes) {
    if (syntax.positionals.empty()) continue;
    out << "  [" << quoted(name) << "]=" << quoted(join(syntax.positionals)) << "\n";
  }
  out << ")\n" << kFunction;
  return out.str();
}

int run(const Arguments& args) {
  // --output is a format in every command; here it was once the destination.
  if (const auto output = args.value("--output")) {
    throw UsageError(
        "--output is a format in conform's commands; to write the script to a file: --out " +
        *output);
  }
  if (args.positional().size() != 1 || args.positional()[0] != "bash") {
    throw UsageError("name the shell: conform completion bash (bash is the one supported)");
  }
  const std::string text = script(*load_catalog(args));
  write_output(args, text);
  return kExitOk;
}

const CommandRegistration registration{
    {"completion",
     "print a bash completion script (commands, options, vendors, messages)",
     kHelp,
     {{"--out", "FILE"}, {"--output", "FILE", false}, {"--schemas", "DIR"}},
     run}};

}  // namespace
}  // namespace conform::cli

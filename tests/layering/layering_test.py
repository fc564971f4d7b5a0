#!/usr/bin/env python3
"""The layering test: every #include under runner/ against what CMakeLists.txt declares.

Usage:  layering_test.py SOURCE_DIR     checks SOURCE_DIR/runner against SOURCE_DIR/CMakeLists.txt
        layering_test.py --self-test FIXTURES_DIR
                                        proves the check fails: each fixture tree under
                                        FIXTURES_DIR must give exactly the violations its
                                        `expected` file lists (an empty file: none)

The modules and their dependencies are read from the conform_module(NAME DEPS ... LIBS ...)
lines of CMakeLists.txt, never listed here, so moving code between modules needs no change
to this test. Rules:
- A module may include its own headers and those of every module it stands on: its DEPS and,
  transitively, theirs (the closure). CMake links DEPS publicly, so the whole closure is on
  the module's include path and in its link; requiring the direct DEPS only would make every
  module repeat `model` and `codec` without making any include less upward.
- A third-party header is included only by a module whose LIBS names that library; valijson
  (the tests' reference validator) by none.
- runner/cli, the top of the tree, may include any module, but no third-party header.
- A folder under runner/ that CMakeLists.txt does not declare, or an include of one, fails.
"""
import pathlib
import re
import sys

# Third-party include prefixes -> the CMake library (as LIBS names it) that owns them.
THIRD_PARTY = {
    "rapidjson/": "conform_rapidjson",
    "pugixml.hpp": "pugixml::pugixml",
    "httplib.h": "PkgConfig::HTTPLIB",
    "openssl/": "OpenSSL::SSL",
    "re2/": "PkgConfig::RE2",
    "idn2.h": "PkgConfig::IDN2",
    "valijson/": None,  # tests only
}
TOP = "cli"  # may include any module; declared by hand in CMakeLists.txt, not conform_module
INCLUDE = re.compile(r'^[ \t]*#[ \t]*include[ \t]*([<"])([^>"]+)[>"]', re.M)


def read_modules(cmake_text):
    """{module: (deps, libs)} from the conform_module(...) calls."""
    text = re.sub(r"#[^\n]*", "", cmake_text)
    modules = {}
    for match in re.finditer(r"^\s*conform_module\(([^)]*)\)", text, re.M):
        words = match.group(1).split()
        name, deps, libs, current = words[0], [], [], None
        for word in words[1:]:
            if word in ("DEPS", "LIBS"):
                current = deps if word == "DEPS" else libs
            elif current is not None:
                current.append(word)
        modules[name] = (deps, libs)
    return modules


def closure(modules, name, seen=None):
    seen = set() if seen is None else seen
    for dep in modules[name][0]:
        if dep not in seen:
            seen.add(dep)
            closure(modules, dep, seen)
    return seen


def check(source_dir):
    """The violations, one line each, sorted."""
    source_dir = pathlib.Path(source_dir)
    modules = read_modules((source_dir / "CMakeLists.txt").read_text(encoding="utf-8"))
    problems = []
    if not modules:
        return ["CMakeLists.txt: no conform_module(...) line found"]
    for name, (deps, _) in modules.items():
        for dep in deps:
            if dep not in modules:
                problems.append(f"CMakeLists.txt: {name} DEPS names {dep}, which is no module")
    if problems:
        return sorted(problems)
    for name in modules:
        if name in closure(modules, name):
            problems.append(f"CMakeLists.txt: {name} depends on itself through its DEPS")
    if problems:
        return sorted(problems)
    runner = source_dir / "runner"
    for folder in sorted(p for p in runner.iterdir() if p.is_dir()):
        name = folder.name
        if name != TOP and name not in modules:
            problems.append(f"runner/{name}: not declared by a conform_module line")
            continue
        if name == TOP:
            allowed, libs = set(modules) | {TOP}, []
        else:
            allowed, libs = closure(modules, name) | {name}, modules[name][1]
        files = sorted(p for p in folder.rglob("*") if p.suffix in (".hpp", ".cpp"))
        for path in files:
            rel = path.relative_to(source_dir).as_posix()
            text = path.read_text(encoding="utf-8", errors="replace")
            for match in INCLUDE.finditer(text):
                kind, target = match.groups()
                line = text.count("\n", 0, match.start()) + 1
                where = f"{rel}:{line}"
                if kind == '"':
                    other = target.split("/")[0] if "/" in target else name
                    if other not in modules and other != TOP:
                        problems.append(f'{where}: includes "{target}", no module {other}')
                    elif other not in allowed:
                        problems.append(f'{where}: includes "{target}", but {name} does not '
                                        f"depend on {other} (CMakeLists.txt DEPS)")
                    continue
                for prefix, owner in THIRD_PARTY.items():
                    if target == prefix or (prefix.endswith("/") and target.startswith(prefix)):
                        if owner is None or owner not in libs:
                            problems.append(f"{where}: includes <{target}>, but {name}'s LIBS "
                                            f"do not name {owner or 'it (tests only)'}")
    return sorted(problems)


def self_test(fixtures_dir):
    failures = 0
    trees = sorted(p for p in pathlib.Path(fixtures_dir).iterdir() if p.is_dir())
    for tree in trees:
        expected_file = tree / "expected"
        expected = [l for l in expected_file.read_text(encoding="utf-8").splitlines() if l]
        actual = check(tree)
        if actual != expected:
            failures += 1
            print(f"self-test {tree.name}: expected {expected}, got {actual}")
    print(f"layering self-test: {len(trees) - failures} of {len(trees)} fixture trees as expected")
    return 1 if failures or not trees else 0


def main(argv):
    if len(argv) == 3 and argv[1] == "--self-test":
        return self_test(argv[2])
    if len(argv) != 2 or argv[1].startswith("-"):
        print(__doc__, file=sys.stderr)
        return 0 if argv[1:] in (["--help"], ["-h"]) else 2
    if not (pathlib.Path(argv[1]) / "CMakeLists.txt").is_file():
        print(f"layering: {argv[1]} has no CMakeLists.txt; give the source tree", file=sys.stderr)
        return 2
    problems = check(argv[1])
    for problem in problems:
        print(problem)
    print(f"layering: {len(problems)} violation(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

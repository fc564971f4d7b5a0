// consumer: checks a Finix "update a user" request with conform before sending it, the way
// an integration would. usage: consumer [PAYLOAD_FILE]  (default: a payload built here)
#include <conform/conform.hpp>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

int main(int argc, char** argv) {
  std::string payload = R"({"enabled": true, "tags": {"team": "billing"}})";
  if (argc > 1) {
    std::ifstream in(argv[1], std::ios::binary);
    if (!in) {
      std::cerr << "consumer: cannot read " << argv[1] << "\n";
      return 2;
    }
    std::ostringstream bytes;
    bytes << in.rdbuf();
    payload = bytes.str();
  }

  // Load once (it compiles every schema), then validate from any thread.
  conform::Contracts contracts = conform::Contracts::load();
  std::cout << "contracts: " << contracts.schemas_dir().string() << "\n";

  const conform::Verdict verdict = contracts.validate("finix", "request", payload);
  if (verdict.valid) {
    std::cout << "valid: sending PUT /users/{user_id}\n";
    return 0;
  }
  for (const conform::Finding& f : verdict.findings) {
    std::cout << f.line << ":" << f.column << " " << f.pointer << " [" << f.keyword << "] "
              << f.message;
    if (f.expected) std::cout << " (expected " << *f.expected << ")";
    std::cout << "\n";
  }
  std::cout << "not sent: fix the payload first\n";
  return 1;
}

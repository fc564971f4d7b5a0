// Fuzzes the mock's request handling without a socket: any request (method, path, query,
// headers, body) to any vendor's endpoint gets an answer in the vendor's envelope, never
// a crash and never a 5xx (faults are off here).
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_target.hpp"
#include "mock/exchange.hpp"
#include "mock/user_store.hpp"
#include "mock/vendor_endpoint.hpp"
#include "support.hpp"

namespace {

struct Mocks {
  std::shared_ptr<const conform::contracts::Catalog> catalog;
  conform::mock::UserStore store;
  std::vector<std::unique_ptr<conform::mock::VendorEndpoint>> endpoints;
};

Mocks& mocks() {
  static Mocks* instance = [] {
    auto* made = new Mocks;
    made->catalog = conform::contracts::Catalog::load(CONFORM_SCHEMAS_DIR);
    for (const auto& manifest : made->catalog->vendors()) {
      if (!manifest.document || !manifest.document->HasMember("mock")) continue;
      made->endpoints.push_back(std::make_unique<conform::mock::VendorEndpoint>(
          made->catalog, manifest, made->store, "default", std::size_t{1} << 16));
      made->endpoints.back()->seed_users();
    }
    return made;
  }();
  return *instance;
}

std::string_view next_line(std::string_view& text) {
  const std::size_t end = text.find('\n');
  std::string_view line = text.substr(0, end);
  text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

// "METHOD PATH[?QUERY]\nName: value\n...\n\nBODY" -> a MockRequest.
conform::mock::MockRequest parse_request(std::string_view text) {
  conform::mock::MockRequest request;
  const std::string_view first = next_line(text);
  const std::size_t space = first.find(' ');
  request.method = std::string(first.substr(0, space));
  std::string_view target = space == std::string_view::npos ? "" : first.substr(space + 1);
  const std::size_t question = target.find('?');
  request.path = std::string(target.substr(0, question));
  if (question != std::string_view::npos) {
    std::string_view query = target.substr(question + 1);
    while (!query.empty()) {
      const std::size_t amp = query.find('&');
      const std::string_view pair = query.substr(0, amp);
      const std::size_t eq = pair.find('=');
      request.query.emplace(std::string(pair.substr(0, eq)),
                            eq == std::string_view::npos ? "" : std::string(pair.substr(eq + 1)));
      query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
    }
  }
  while (!text.empty()) {
    const std::string_view line = next_line(text);
    if (line.empty()) break;
    const std::size_t colon = line.find(':');
    std::string_view value = colon == std::string_view::npos ? "" : line.substr(colon + 1);
    while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
    request.headers.emplace_back(std::string(line.substr(0, colon)), std::string(value));
  }
  request.body = std::string(text);
  return request;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto& all = mocks();
  if (size < 2 || all.endpoints.empty()) return 0;
  const auto& endpoint = *all.endpoints[data[0] % all.endpoints.size()];
  const auto request =
      parse_request(std::string_view(reinterpret_cast<const char*>(data) + 2, size - 2));
  const auto response = endpoint.handle(request, data[1]);
  if (response.status >= 500 || response.status < 100) {
    std::fprintf(stderr, "the mock answered %d to %s %s\n", response.status, request.method.c_str(),
                 request.path.c_str());
    std::abort();
  }
  return 0;
}

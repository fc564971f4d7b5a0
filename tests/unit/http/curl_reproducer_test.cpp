#include "http/curl_reproducer.hpp"

#include <gtest/gtest.h>

namespace conform::http {
namespace {

TEST(Curl, ReproducesMethodHeadersBodyAndUrl) {
  Exchange exchange;
  exchange.method = "PUT";
  exchange.url = "http://127.0.0.1:8080/finix/users/US1";
  exchange.request_headers = {{"Authorization", "Basic ***"},
                              {"Content-Type", "application/json"},
                              {"Content-Length", "17"}};
  exchange.request_body = R"({"enabled":false})";
  EXPECT_EQ(to_curl(exchange),
            "curl -sS -X PUT -H 'Authorization: Basic ***' -H 'Content-Type: application/json' "
            "--data-binary '{\"enabled\":false}' http://127.0.0.1:8080/finix/users/US1");
}

TEST(Curl, QuotesSingleQuotesForTheShell) {
  EXPECT_EQ(shell_quote("it's"), "'it'\\''s'");
  EXPECT_EQ(shell_quote("plain-word"), "plain-word");
  EXPECT_EQ(shell_quote(""), "''");
}

TEST(Curl, AddsTlsOptions) {
  Exchange exchange;
  exchange.method = "GET";
  exchange.url = "https://h/x";
  EXPECT_EQ(to_curl(exchange, true, "/tmp/ca.pem"),
            "curl -sS -k --cacert /tmp/ca.pem -X GET https://h/x");
}

}  // namespace
}  // namespace conform::http

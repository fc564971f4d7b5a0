#include "http/url.hpp"

#include <gtest/gtest.h>

namespace conform::http {
namespace {

TEST(ParseUrl, SplitsSchemeHostPortAndTarget) {
  const auto url = parse_url("https://api.example.com:8443/v2/user?format=json");
  ASSERT_TRUE(url);
  EXPECT_EQ(url->scheme, "https");
  EXPECT_EQ(url->host, "api.example.com");
  EXPECT_EQ(url->port, 8443);
  EXPECT_EQ(url->target, "/v2/user?format=json");
  EXPECT_EQ(url->origin(), "https://api.example.com:8443");
}

TEST(ParseUrl, DefaultsPortAndTarget) {
  const auto url = parse_url("http://127.0.0.1");
  ASSERT_TRUE(url);
  EXPECT_EQ(url->port, 80);
  EXPECT_EQ(url->target, "/");
  EXPECT_EQ(url->origin(), "http://127.0.0.1");
}

TEST(ParseUrl, ReadsBracketedIpv6) {
  const auto url = parse_url("http://[::1]:9000/x");
  ASSERT_TRUE(url);
  EXPECT_EQ(url->host, "::1");
  EXPECT_EQ(url->origin(), "http://[::1]:9000");
}

TEST(ParseUrl, RejectsWhatIsNotAnHttpUrl) {
  EXPECT_FALSE(parse_url("ftp://host/x"));
  EXPECT_FALSE(parse_url("/relative/path"));
  EXPECT_FALSE(parse_url("http://:80/"));
  EXPECT_FALSE(parse_url("http://host:99999/"));
  EXPECT_FALSE(parse_url("http://user:pass@host/"));
}

TEST(JoinUrl, NeverDoublesOrDropsTheSlash) {
  EXPECT_EQ(join_url("http://h:1/finix/", "/users/a"), "http://h:1/finix/users/a");
  EXPECT_EQ(join_url("http://h:1", "users/a"), "http://h:1/users/a");
  EXPECT_EQ(join_url("http://h:1/api", "?x=1"), "http://h:1/api?x=1");
}

}  // namespace
}  // namespace conform::http

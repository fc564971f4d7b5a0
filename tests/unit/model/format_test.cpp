#include "model/format.hpp"

#include <gtest/gtest.h>

#include "model/message.hpp"

namespace conform {
namespace {

TEST(Format, FromMediaTypeIgnoresParametersAndCase) {
  EXPECT_EQ(format_of_media_type("application/json; charset=utf-8"), Format::json);
  EXPECT_EQ(format_of_media_type("Text/XML"), Format::xml);
  EXPECT_EQ(format_of_media_type("application/problem+json"), Format::json);
  EXPECT_EQ(format_of_media_type("application/x-www-form-urlencoded"), Format::form);
  EXPECT_EQ(format_of_media_type("text/plain"), std::nullopt);
}

TEST(MessageId, ParsesRequestAndResponseStatuses) {
  EXPECT_EQ(parse_message_id("request")->name(), "request");
  EXPECT_EQ(parse_message_id("response:404")->status, "404");
  EXPECT_EQ(parse_message_id("response:default")->name(), "response:default");
  EXPECT_FALSE(parse_message_id("response:"));
  EXPECT_FALSE(parse_message_id("response:2000"));
  EXPECT_FALSE(parse_message_id("reply"));
}

}  // namespace
}  // namespace conform

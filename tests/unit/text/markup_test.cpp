#include "text/markup.hpp"

#include <gtest/gtest.h>

namespace conform::text {
namespace {

TEST(HtmlEscape, EscapesEveryMarkupCharacter) {
  EXPECT_EQ(html_escape("<a href=\"x\" title='y'>&</a>"),
            "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
}

TEST(XmlEscape, UsesThePredefinedEntities) {
  EXPECT_EQ(xml_escape("<a b=\"x\" c='y'>&</a>"),
            "&lt;a b=&quot;x&quot; c=&apos;y&apos;&gt;&amp;&lt;/a&gt;");
}

TEST(XmlUnescape, ReadsEntitiesAndCharacterReferencesAndKeepsTheRest) {
  EXPECT_EQ(xml_unescape("&lt;&amp;&gt;&quot;&apos; &#233;&#x1F600; &bogus; &#0; &"),
            "<&>\"' \xC3\xA9\xF0\x9F\x98\x80 &bogus; &#0; &");
}

TEST(AppendMarkupEscaped, XmlTextKeepsQuotesAndWritesCarriageReturnsAsReferences) {
  std::string text;
  append_markup_escaped("a\"b'c\r<", text, kXmlText);
  EXPECT_EQ(text, "a\"b'c&#13;&lt;");
  std::string attribute;
  append_markup_escaped("a\"b'c\r<", attribute, kXmlAttribute);
  EXPECT_EQ(attribute, "a&quot;b'c&#13;&lt;");
}

}  // namespace
}  // namespace conform::text

// The one XML writer (xml/writer.h): layout, escaping by libxml2, characters XML forbids
// dropped, non-ASCII text kept as UTF-8, misuse refused.
#include <catch2/catch.hpp>

#include <stdexcept>

#include "xml/writer.h"

using namespace wenshu;

TEST_CASE("xml writer: declaration, indentation, empty elements", "[xml]") {
  xml::Writer x;
  x.open("档案", {{"xmlns", "urn:x"}, {"版本", "1"}});
  x.leaf("题名", "关于春耕的通知");
  x.leaf("备注", "");
  x.open("文件").attr("序号", "01").close();
  x.close();
  CHECK(x.take() ==
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<档案 xmlns=\"urn:x\" 版本=\"1\">\n"
        "  <题名>关于春耕的通知</题名>\n"
        "  <备注/>\n"
        "  <文件 序号=\"01\"/>\n"
        "</档案>\n");
}

TEST_CASE("xml writer: escaping is libxml2's, forbidden characters are dropped", "[xml]") {
  xml::Writer x(xml::Layout{"", true});
  x.open("a", {{"v", "x<y & \"z\"\nnext\ttab"}});
  x.text("1 < 2 & 3 > 2 \"q\"\x01\x1f");
  x.close();
  CHECK(x.take() ==
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<a v=\"x&lt;y &amp; &quot;z&quot;&#10;next&#9;tab\">1 &lt; 2 &amp; 3 &gt; 2 &quot;q&quot;</a>\n");
  CHECK(xml::allowed_chars("a\tb\nc\rd\x02" "e") == "a\tb\nc\rde");
}

TEST_CASE("xml writer: a packet without declaration, processing instructions", "[xml]") {
  xml::Writer x(xml::Layout{"", false});
  x.pi("xpacket", "begin=\"\" id=\"1\"");
  x.open("x:meta", {{"xmlns:x", "adobe:ns:meta/"}}).leaf("p", "值").close();
  x.pi("xpacket", "end=\"r\"");
  CHECK(x.take() == "<?xpacket begin=\"\" id=\"1\"?>\n<x:meta xmlns:x=\"adobe:ns:meta/\">\n<p>值</p>\n</x:meta>\n<?xpacket end=\"r\"?>\n");
}

TEST_CASE("xml writer: misuse is refused", "[xml]") {
  xml::Writer x;
  CHECK_THROWS_AS(x.close(), std::logic_error);
  CHECK_THROWS_AS(x.attr("a", "b"), std::logic_error);
  x.open("a");
  CHECK(x.depth() == 1);
  CHECK_THROWS_AS(x.take(), std::logic_error);
}

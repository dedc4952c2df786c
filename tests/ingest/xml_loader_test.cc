// Bad-input tests of the secure XML loader: every hostile or broken file gets a clear
// diagnostic naming the file and line, never a crash, a hang or unbounded memory.
#include <catch2/catch.hpp>

#include <chrono>
#include <fstream>
#include <string>
#include <sys/resource.h>
#include <thread>

#include "core/diagnostic.h"
#include "core/file_io.h"
#include "ingest/xml_loader.h"
#include "ingest/xml_messages.h"
#include "ingest/xml_node.h"
#include "support/test_support.h"

using namespace wenshu;
using wenshu::core::DiagnosticSink;

namespace {

/// The only diagnostic of `sink` (fails the test if there is not exactly one).
const core::Diagnostic& only(const DiagnosticSink& sink) {
  REQUIRE(sink.items().size() == 1);
  return sink.items()[0];
}

std::string all_text(const DiagnosticSink& sink) {
  std::string out;
  for (const auto& d : sink.items()) out += core::format_text(d) + "\n";
  return out;
}

long peak_rss_kb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss;
}

}  // namespace

TEST_CASE("loader: a well-formed UTF-8 document loads, elements carry line and column") {
  DiagnosticSink sink;
  const std::string xml =
      "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
      "<records xmlns=\"urn:x\">\n"
      "  <member id=\"m1\" name=\"张三\"/>\n"
      "  <会议 id=\"m2\">甲乙&amp;丙</会议>\n"
      "</records>\n";
  auto doc = ingest::load_xml_memory(xml, "ok.xml", sink);
  REQUIRE(doc);
  CHECK(sink.items().empty());
  const _xmlNode* root = ingest::root_element(doc.get());
  CHECK(ingest::local_name(root) == "records");
  CHECK(ingest::is_element(root, "urn:x"));
  auto loc = ingest::node_location(root, "ok.xml");
  CHECK(loc.line == 2);
  CHECK(loc.column == 1);
  const _xmlNode* member = ingest::first_element(root);
  CHECK(ingest::node_line_col(member) == std::pair{3, 3});
  CHECK(ingest::attribute_or(member, "name") == "张三");
  CHECK_FALSE(ingest::attribute(member, "absent").has_value());
  const _xmlNode* meeting = ingest::next_element(member);
  CHECK(ingest::node_line_col(meeting) == std::pair{4, 3});
  CHECK(ingest::text_content(meeting) == "甲乙&丙");
}

TEST_CASE("loader: columns count characters, not bytes, and lines go past 65535") {
  std::string xml = "<r>\n";
  for (int i = 0; i < 70000; ++i) xml += "<x/>\n";
  xml += "  　中文<y/>\n</r>\n";  // ideographic space and two hanzi before <y/>
  DiagnosticSink sink;
  auto doc = ingest::load_xml_memory(xml, "big.xml", sink);
  REQUIRE(doc);
  const _xmlNode* last = nullptr;
  for (const _xmlNode* e = ingest::first_element(ingest::root_element(doc.get())); e; e = ingest::next_element(e))
    last = e;
  REQUIRE(last);
  CHECK(ingest::local_name(last) == "y");
  CHECK(ingest::node_line_col(last) == std::pair{70002, 6});
}

TEST_CASE("loader: columns skip '<' inside comments, CDATA and processing instructions") {
  const std::string xml =
      "<?xml version=\"1.0\"?><?pi <no>?><r><!-- <a> <b/> --><x/><![CDATA[ <c> ]]><y/>"
      "<!----><z a=\"1\"/></r>";
  DiagnosticSink sink;
  auto doc = ingest::load_xml_memory(xml, "c.xml", sink);
  REQUIRE(doc);
  const _xmlNode* x = ingest::first_element(ingest::root_element(doc.get()));
  CHECK(ingest::node_line_col(x) == std::pair{1, 53});
  const _xmlNode* y = ingest::next_element(x);
  CHECK(ingest::node_line_col(y) == std::pair{1, 74});
  const _xmlNode* z = ingest::next_element(y);
  CHECK(ingest::node_line_col(z) == std::pair{1, 85});
}

TEST_CASE("loader: one long line of elements loads in linear time") {
  // Issue 16 finding 2: each element's column was found by scanning back to the line start,
  // so 2 MB on one line took a minute. The 500 000th element must get its exact column.
  std::string xml = "<r>";
  for (int i = 0; i < 500000; ++i) xml += "<x/>";
  xml += "</r>";
  DiagnosticSink sink;
  auto doc = ingest::load_xml_memory(xml, "line.xml", sink);
  REQUIRE(doc);
  const _xmlNode* last = nullptr;
  for (const _xmlNode* e = ingest::first_element(ingest::root_element(doc.get())); e; e = ingest::next_element(e))
    last = e;
  CHECK(ingest::node_line_col(last) == std::pair{1, 4 + 4 * 499999});
}

TEST_CASE("loader: element count and attribute length are limited") {
  ingest::XmlLimits limits;
  limits.max_elements = 10;
  limits.max_attribute_bytes = 16;
  std::string many = "<r>\n";
  for (int i = 0; i < 100; ++i) many += "<x/>\n";
  many += "</r>\n";
  DiagnosticSink sink;
  CHECK_FALSE(ingest::load_xml_memory(many, "many.xml", sink, limits));
  const auto& d = only(sink);
  CHECK(d.rule == "XML-SIZE");
  CHECK(d.location.line == 11);  // the 11th element: the first over the limit
  CHECK(d.message.find("元素超过 10 个") != std::string::npos);

  DiagnosticSink sink2;
  CHECK_FALSE(ingest::load_xml_memory("<r><x a=\"12345678901234567\"/></r>", "attr.xml", sink2, limits));
  CHECK(only(sink2).rule == "XML-SIZE");
  CHECK(only(sink2).message.find("属性 a 的值长 17 字节") != std::string::npos);
  DiagnosticSink sink3;
  CHECK(ingest::load_xml_memory("<r><x a=\"1234567890123456\"/></r>", "ok.xml", sink3, limits));
}

TEST_CASE("loader: malformed XML names file, line and column") {
  DiagnosticSink sink;
  auto doc = ingest::load_xml_memory("<a>\n  <b>\n</a>\n", "bad.xml", sink);
  CHECK_FALSE(doc);
  const auto& d = only(sink);
  CHECK(d.rule == "XML-PARSE");
  CHECK(d.location.file == "bad.xml");
  CHECK(d.location.line == 3);
  CHECK(d.message.find("开始标签与结束标签不匹配") != std::string::npos);
}

TEST_CASE("loader: an undefined entity is a parse error, not a lookup") {
  DiagnosticSink sink;
  auto doc = ingest::load_xml_memory("<a>x&nbsp;y</a>", "ent.xml", sink);
  CHECK_FALSE(doc);
  REQUIRE_FALSE(sink.items().empty());
  CHECK(sink.items()[0].rule == "XML-PARSE");
  CHECK(sink.items()[0].location.line == 1);
}

TEST_CASE("loader: GBK bytes declared as UTF-8 are refused at the first bad byte") {
  // "中共" in GBK is D6 D0 B9 B2.
  const std::string xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<r>\n  <n>ab\xD6\xD0\xB9\xB2</n>\n</r>\n";
  DiagnosticSink sink;
  auto doc = ingest::load_xml_memory(xml, "gbk.xml", sink);
  CHECK_FALSE(doc);
  const auto& d = only(sink);
  CHECK(d.rule == "XML-ENCODING");
  CHECK(d.location.line == 3);
  CHECK(d.location.column == 8);
  CHECK(d.message.find("0xD6") != std::string::npos);
}

TEST_CASE("loader: a declared encoding other than UTF-8 is refused") {
  const std::string xml = "<?xml version=\"1.0\" encoding=\"GB2312\"?>\n<r>\xD6\xD0</r>\n";
  DiagnosticSink sink;
  CHECK_FALSE(ingest::load_xml_memory(xml, "gb2312.xml", sink));
  const auto& d = only(sink);
  CHECK(d.rule == "XML-ENCODING");
  CHECK(d.location.line == 1);
  CHECK(d.message.find("GB2312") != std::string::npos);
}

TEST_CASE("loader: UTF-16 and truncated UTF-8 are refused") {
  DiagnosticSink a;
  CHECK_FALSE(ingest::load_xml_memory(std::string("\xFF\xFE<\0r\0/\0>\0", 10), "u16.xml", a));
  CHECK(only(a).rule == "XML-ENCODING");
  DiagnosticSink b;
  CHECK_FALSE(ingest::load_xml_memory("<r>\xE4\xB8", "cut.xml", b));
  CHECK(only(b).rule == "XML-ENCODING");
  DiagnosticSink c;  // an encoded surrogate (CESU-8) is not UTF-8
  CHECK_FALSE(ingest::load_xml_memory("<r>\xED\xA0\x80</r>", "sur.xml", c));
  CHECK(only(c).rule == "XML-ENCODING");
}

TEST_CASE("loader: billion laughs is refused at the DOCTYPE") {
  std::string xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n";
  xml += " <!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n";
  for (int i = 2; i <= 9; ++i) {
    xml += " <!ENTITY lol" + std::to_string(i) + " \"";
    for (int k = 0; k < 10; ++k) xml += "&lol" + std::to_string(i - 1) + ";";
    xml += "\">\n";
  }
  xml += "]>\n<lolz>&lol9;</lolz>\n";
  DiagnosticSink sink;
  const auto t0 = std::chrono::steady_clock::now();
  CHECK_FALSE(ingest::load_xml_memory(xml, "lol.xml", sink));
  // A hang guard, not a speed goal: an expanded bomb would take minutes and gigabytes.
  CHECK(std::chrono::steady_clock::now() - t0 < std::chrono::seconds(20));
  const auto& d = only(sink);
  CHECK(d.rule == "XML-DTD");
  CHECK(d.location.line == 2);
  CHECK(d.location.column == 1);
}

TEST_CASE("loader: an external entity pointing at /etc/passwd is never read") {
  const std::string xml =
      "<?xml version=\"1.0\"?>\n"
      "<!DOCTYPE r [ <!ENTITY xxe SYSTEM \"file:///etc/passwd\"> ]>\n"
      "<r>&xxe;</r>\n";
  DiagnosticSink sink;
  CHECK_FALSE(ingest::load_xml_memory(xml, "xxe.xml", sink));
  const auto& d = only(sink);
  CHECK(d.rule == "XML-DTD");
  CHECK(d.location.line == 2);
  CHECK(all_text(sink).find("root:") == std::string::npos);
  // An external DTD subset is refused the same way.
  DiagnosticSink sink2;
  CHECK_FALSE(ingest::load_xml_memory("<!DOCTYPE r SYSTEM \"/etc/passwd\">\n<r/>", "ext.xml", sink2));
  CHECK(only(sink2).rule == "XML-DTD");
}

TEST_CASE("loader: deep nesting is refused") {
  std::string xml;
  for (int i = 0; i < 100000; ++i) xml += "<a>";
  DiagnosticSink sink;
  CHECK_FALSE(ingest::load_xml_memory(xml, "deep.xml", sink));
  const auto& d = only(sink);
  CHECK(d.rule == "XML-DEPTH");
  CHECK(d.location.line == 1);
  // A lower limit of our own is honoured too.
  std::string ten = "<a><a><a><a><a><a><a><a><a><a></a></a></a></a></a></a></a></a></a></a>";
  ingest::XmlLimits limits;
  limits.max_depth = 5;
  DiagnosticSink sink2;
  CHECK_FALSE(ingest::load_xml_memory(ten, "ten.xml", sink2, limits));
  CHECK(only(sink2).rule == "XML-DEPTH");
  DiagnosticSink sink3;
  CHECK(ingest::load_xml_memory(ten, "ten.xml", sink3));
}

TEST_CASE("loader: empty, blank and missing files") {
  test::TempDir dir("loader");
  const auto empty = dir.path() / "empty.xml";
  core::write_file_atomic(empty, "");
  DiagnosticSink a;
  CHECK_FALSE(ingest::load_xml(empty, a));
  CHECK(only(a).rule == "XML-PARSE");
  CHECK(only(a).location.file == empty.string());
  CHECK(only(a).location.line == 1);

  DiagnosticSink b;
  CHECK_FALSE(ingest::load_xml_memory("  \n\n", "blank.xml", b));
  CHECK(only(b).rule == "XML-PARSE");
  CHECK(only(b).location.line >= 1);

  DiagnosticSink c;
  CHECK_FALSE(ingest::load_xml(dir.path() / "missing.xml", c));
  CHECK(only(c).rule == "XML-IO");
  CHECK(only(c).location.file == (dir.path() / "missing.xml").string());
  CHECK(only(c).message.find("文件不存在") != std::string::npos);

  DiagnosticSink d;
  CHECK_FALSE(ingest::load_xml(dir.path(), d));
  CHECK(only(d).rule == "XML-IO");
}

TEST_CASE("loader: a file over the size cap is refused before reading") {
  test::TempDir dir("loader");
  const auto path = dir.path() / "sparse.xml";
  {
    std::ofstream f(path, std::ios::binary);
    f << "<r>";
  }
  std::filesystem::resize_file(path, std::uintmax_t(300) << 20);  // sparse: no disk used
  DiagnosticSink sink;
  const auto t0 = std::chrono::steady_clock::now();
  CHECK_FALSE(ingest::load_xml(path, sink));
  // A hang guard, not a speed goal: the size check must come before any reading.
  CHECK(std::chrono::steady_clock::now() - t0 < std::chrono::seconds(20));
  CHECK(only(sink).rule == "XML-SIZE");
  CHECK(only(sink).location.file == path.string());
}

TEST_CASE("loader: a 200 MB file with one huge text node is refused quickly in bounded memory") {
  test::TempDir dir("loader");
  const auto path = dir.path() / "huge.xml";
  {
    std::ofstream f(path, std::ios::binary);
    f << "<?xml version=\"1.0\"?>\n<records>\n<text>";
    const std::string block(1 << 20, 'x');
    for (int i = 0; i < 200; ++i) f << block;
    f << "</text></records>\n";
  }
  REQUIRE(std::filesystem::file_size(path) > (std::uintmax_t(200) << 20));
  const long rss_before = peak_rss_kb();
  DiagnosticSink sink;
  const auto t0 = std::chrono::steady_clock::now();
  CHECK_FALSE(ingest::load_xml(path, sink));
  const auto elapsed = std::chrono::steady_clock::now() - t0;
  const long rss_after = peak_rss_kb();
  std::filesystem::remove(path);
  CHECK(elapsed < std::chrono::seconds(20));  // hang guard, not a speed goal
  CHECK(rss_after - rss_before < 64 * 1024);  // kB: far below the file's 200 MB
  const auto& d = only(sink);
  CHECK(d.rule == "XML-SIZE");
  CHECK(d.location.line == 3);
}

TEST_CASE("loader: parallel loads keep their diagnostics apart") {
  DiagnosticSink s1, s2;
  std::string bad1 = "<a>\n\n<b></a>";
  std::string bad2 = "<?xml version=\"1.0\" encoding=\"GBK\"?><a/>";
  std::thread t1([&] {
    for (int i = 0; i < 200; ++i) ingest::load_xml_memory(bad1, "one.xml", s1);
  });
  std::thread t2([&] {
    for (int i = 0; i < 200; ++i) ingest::load_xml_memory(bad2, "two.xml", s2);
  });
  t1.join();
  t2.join();
  REQUIRE(s1.items().size() == 200);
  REQUIRE(s2.items().size() == 200);
  for (const auto& d : s1.items()) CHECK(d.location.file == "one.xml");
  for (const auto& d : s2.items()) CHECK(d.rule == "XML-ENCODING");
}

TEST_CASE("schema validation: plain messages at the element's line") {
  test::TempDir dir("schema");
  const auto xsd = dir.path() / "t.xsd";
  core::write_file_atomic(xsd, R"(<?xml version="1.0"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:t" xmlns="urn:t"
  elementFormDefault="qualified">
  <xs:annotation><xs:appinfo><labels xmlns="urn:wenshu:labels:1">
    <element name="m" zh="成员"/>
    <attribute name="role" zh="职务"/>
    <type name="Date" form="YYYY-MM-DD" example="2009-03-09"/>
  </labels></xs:appinfo></xs:annotation>
  <xs:simpleType name="role"><xs:restriction base="xs:string">
    <xs:enumeration value="书记"/><xs:enumeration value="常委"/></xs:restriction></xs:simpleType>
  <xs:simpleType name="Date"><xs:restriction base="xs:date">
    <xs:pattern value="[0-9]{4}-[0-9]{2}-[0-9]{2}"/></xs:restriction></xs:simpleType>
  <xs:element name="r"><xs:complexType><xs:sequence>
    <xs:element name="m" maxOccurs="unbounded"><xs:complexType>
      <xs:attribute name="id" type="xs:ID" use="required"/>
      <xs:attribute name="role" type="role"/>
      <xs:attribute name="date" type="Date"/>
    </xs:complexType></xs:element>
  </xs:sequence></xs:complexType></xs:element>
</xs:schema>)");
  const std::string xml =
      "<r xmlns=\"urn:t\">\n"
      "  <m id=\"a\" role=\"书记\"/>\n"
      "  <m id=\"b\" role=\"书纪\"/>\n"
      "  <m role=\"常委\" date=\"2009/3/9\"/>\n"
      "  <x/>\n"
      "</r>\n";
  DiagnosticSink sink;
  auto doc = ingest::load_xml_memory(xml, "s.xml", sink);
  REQUIRE(doc);
  CHECK_FALSE(ingest::validate_xml(doc.get(), xsd, "s.xml", sink));
  const auto& items = sink.items();
  REQUIRE(items.size() == 4);
  CHECK(items[0].rule == "XML-SCHEMA");
  CHECK(items[0].location.line == 3);
  CHECK(items[0].location.column == 3);
  CHECK(items[0].record_id == "b");
  CHECK(items[0].message ==
        "元素 成员（m） 的属性 职务（role）：取值“书纪”不在允许的取值之中（书记、常委）；是否应为“书记”？"
        " / value '书纪' is not one of the allowed values; did you mean '书记'?");
  CHECK(items[1].location.line == 4);
  CHECK(items[1].message.find("应写作 YYYY-MM-DD（如 2009-03-09）") != std::string::npos);
  CHECK(items[2].message.rfind("元素 成员（m）：缺少必需的属性 id", 0) == 0);
  CHECK(items[3].location.line == 5);
  CHECK(items[3].message.find("此处不应出现该元素，此处可出现：成员（m）") != std::string::npos);
  CHECK(items[3].message.find("urn:t") == std::string::npos);

  DiagnosticSink ok_sink;
  auto good = ingest::load_xml_memory("<r xmlns=\"urn:t\"><m id=\"a\"/></r>", "g.xml", ok_sink);
  REQUIRE(good);
  CHECK(ingest::validate_xml(good.get(), xsd, "g.xml", ok_sink));
  CHECK(ok_sink.items().empty());

  CHECK_THROWS(ingest::validate_xml(good.get(), dir.path() / "none.xsd", "g.xml", ok_sink));
}

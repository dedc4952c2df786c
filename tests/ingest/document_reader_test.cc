// The 公文 document reader: every field lands in the model, texts keep exact positions (through
// entities, line breaks and attributes), and bad documents give diagnostics, not crashes.
#include <algorithm>

#include <catch2/catch.hpp>

#include "ingest/document_reader.h"
#include "support/test_support.h"

using namespace wenshu;

namespace {

std::string wrap(const std::string& inner, const std::string& attrs = R"( kind="通知")") {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<document xmlns=\"urn:wenshu:gongwen:1\"" + attrs + ">\n" +
         inner + "\n</document>\n";
}

using test::has_rule;

}  // namespace

TEST_CASE("reads the corrected seed notice", "[document]") {
  core::DiagnosticSink sink;
  const auto path = test::source_dir() / "samples/documents/seed-corrected.xml";
  const auto doc = ingest::read_document(path, sink);
  REQUIRE(doc);
  CHECK(sink.items().empty());
  CHECK(doc->id == "shiweifa-2009-32");
  CHECK(doc->kind == "通知");
  CHECK(doc->format == model::DocFormat::kStandard);
  CHECK(doc->mark_with_wenjian);
  REQUIRE(doc->issuers.size() == 1);
  CHECK(doc->issuers[0].value == "中共张掖市委");
  CHECK(doc->doc_number.value == "市委发〔2009〕32号");
  CHECK(doc->title.value == "关于印发规范和完善市、县区党委工作机制若干配套制度（试行）的通知");
  CHECK(doc->title.location.file == path.string());
  CHECK(doc->title.location.line == 13);
  CHECK(doc->title.location.column == 10);  // after "  <title>"
  CHECK(doc->date.text.value == "二〇〇九年九月二日");
  REQUIRE(doc->date.value);
  CHECK(*doc->date.value == core::Date{2009, 9, 2});
  CHECK(doc->seal.kind == model::Seal::Kind::kReserved);
  REQUIRE(doc->attachments.size() == 7);
  for (const auto& a : doc->attachments) CHECK(a.issued);
  CHECK(doc->attachments[0].title.value == "市、县区党委调查研究制度");
  const auto& first = std::get<model::Heading>(doc->attachments[0].body.at(1));
  CHECK(first.level == 2);
  CHECK(first.number.value == "（一）");
  CHECK(first.text.empty());
  CHECK(first.run_in.value.starts_with("市、县区委常委每人每年"));
  CHECK(doc->cc.value.ends_with("。"));
  CHECK(doc->print_date.value == core::Date{2009, 9, 3});
}

TEST_CASE("text positions survive entities, line breaks and attributes", "[document]") {
  const std::string xml = wrap(
      "  <body>\n"
      "    <p>机制&lt;确保</p>\n"
      "    <p>\n      第一行\n      第二行 Latin\n      words</p>\n"
      "    <heading level=\"1\" number=\"一、\">总体要求</heading>\n"
      "  </body>");
  core::DiagnosticSink sink;
  const auto doc = ingest::read_document_memory(xml, "mem.xml", sink);
  REQUIRE(doc);
  CHECK(sink.items().empty());
  CHECK(doc->id == "mem");
  const auto& p1 = std::get<model::Paragraph>(doc->body.at(0)).text;
  CHECK(p1.value == "机制<确保");
  CHECK(p1.location.line == 4);
  CHECK(p1.location.column == 8);
  CHECK(p1.location_at(2).column == 10);  // the "&" of &lt;
  CHECK(p1.location_at(3).column == 14);  // 确, after the four-column entity
  const auto& p2 = std::get<model::Paragraph>(doc->body.at(1)).text;
  CHECK(p2.value == "第一行第二行 Latin words");  // CSS Text 3 §4.1.2
  CHECK(p2.location.line == 6);
  CHECK(p2.location.column == 7);
  CHECK(p2.location_at(3).line == 7);
  CHECK(p2.location_at(3).column == 7);
  CHECK(p2.location_at(13).line == 8);
  const auto& h = std::get<model::Heading>(doc->body.at(2));
  CHECK(h.number.value == "一、");
  CHECK(h.number.location.line == 9);
  CHECK(h.number.location.column == 32);
  CHECK(h.text.location.column == 36);
}

TEST_CASE("spaces written on one line are kept as written", "[document]") {
  core::DiagnosticSink sink;
  const auto doc = ingest::read_document_memory(
      wrap("<body/><date value=\"2009-09-02\">二OO九年九月二 日</date>"), "d.xml", sink);
  REQUIRE(doc);
  CHECK(doc->date.text.value == "二OO九年九月二 日");
  CHECK(doc->date.text.location_at(8).column == doc->date.text.location.column + 8);
}

TEST_CASE("a date without value is derived from a well-formed text", "[document]") {
  core::DiagnosticSink sink;
  auto doc = ingest::read_document_memory(wrap("<body/><date>2013年5月6日</date>"), "d.xml", sink);
  REQUIRE(doc);
  REQUIRE(doc->date.value);
  CHECK(*doc->date.value == core::Date{2013, 5, 6});
  doc = ingest::read_document_memory(wrap("<body/><date>二〇一二年六月三十日</date>"), "d.xml", sink);
  REQUIRE(doc->date.value);
  CHECK(*doc->date.value == core::Date{2012, 6, 30});
  doc = ingest::read_document_memory(wrap("<body/><date>二OO九年九月二 日</date>"), "d.xml", sink);
  CHECK_FALSE(doc->date.value);
  CHECK(sink.items().empty());
}

TEST_CASE("values the schema cannot judge are XML-VALUE errors", "[document]") {
  core::DiagnosticSink sink;
  auto doc = ingest::read_document_memory(wrap("<body/><date value=\"2009-02-29\">二〇〇九年二月二十九日</date>"),
                                          "d.xml", sink);
  REQUIRE(doc);
  CHECK(has_rule(sink, "XML-VALUE"));

  core::DiagnosticSink tables;
  doc = ingest::read_document_memory(wrap("<body><table column-weights=\"1 1\">"
                                          "<row><cell>a</cell><cell>b</cell></row>"
                                          "<row><cell>c</cell></row></table></body>"),
                                     "t.xml", tables);
  REQUIRE(doc);
  CHECK(has_rule(tables, "XML-VALUE"));

  core::DiagnosticSink spans;
  doc = ingest::read_document_memory(wrap("<body><table>"
                                          "<row><cell rowspan=\"2\">a</cell><cell>b</cell></row>"
                                          "<row><cell>c</cell></row></table></body>"),
                                     "t.xml", spans);
  REQUIRE(doc);
  CHECK(spans.items().empty());  // a rowspan fills the first slot of the next row
  const auto& t = std::get<model::Table>(doc->body.at(0));
  CHECK(t.rows.size() == 2);
  CHECK(t.rows[0][0].rowspan == 2);

  core::DiagnosticSink seal;
  doc = ingest::read_document_memory(wrap("<body/><seal kind=\"image\" image=\"no-such-seal.png\"/>"), "s.xml", seal);
  REQUIRE(doc);
  CHECK(has_rule(seal, "XML-VALUE"));
}

TEST_CASE("documents that break the schema are refused with a location", "[document]") {
  core::DiagnosticSink sink;
  CHECK_FALSE(ingest::read_document_memory(wrap("<body/>", ""), "nokind.xml", sink));  // kind is required
  REQUIRE(sink.has_errors());
  CHECK(sink.items()[0].location.file == "nokind.xml");

  core::DiagnosticSink order;
  CHECK_FALSE(ingest::read_document_memory(wrap("<title>x</title>"), "nobody.xml", order));
  CHECK(order.has_errors());

  core::DiagnosticSink broken;
  CHECK_FALSE(ingest::read_document_memory("<document xmlns=\"urn:wenshu:gongwen:1\" kind=\"通知\"><body>", "b.xml", broken));
  CHECK(broken.has_errors());

  core::DiagnosticSink missing;
  CHECK_FALSE(ingest::read_document(test::source_dir() / "samples/documents/no-such-file.xml", missing));
  CHECK(missing.has_errors());
}

TEST_CASE("format defaults: letters carry no 文件, orders need a signer", "[document]") {
  core::DiagnosticSink sink;
  auto doc = ingest::read_document_memory(
      wrap("<header><issuers><issuer>中共张掖市委</issuer></issuers></header><body/>",
           R"( kind="函" format="信函" draft="true")"),
      "l.xml", sink);
  REQUIRE(doc);
  CHECK(doc->format == model::DocFormat::kLetter);
  CHECK_FALSE(doc->mark_with_wenjian);
  CHECK(doc->draft);
  doc = ingest::read_document_memory(wrap("<body/>", R"( kind="命令" format="命令")"), "o.xml", sink);
  REQUIRE(doc);
  CHECK(has_rule(sink, "XML-VALUE"));
}

TEST_CASE("every sample document reads without findings from the reader", "[document]") {
  int count = 0;
  for (const auto& entry : std::filesystem::directory_iterator(test::source_dir() / "samples/documents")) {
    if (entry.path().extension() != ".xml") continue;
    INFO(entry.path().filename().string());
    core::DiagnosticSink sink;
    CHECK(ingest::read_document(entry.path(), sink));
    CHECK(sink.items().empty());
    CHECK(ingest::is_document_xml(test::read_file(entry.path())));
    ++count;
  }
  CHECK(count >= 6);
  CHECK_FALSE(ingest::is_document_xml("<records xmlns=\"urn:wenshu:records:1\"/>"));
  CHECK_FALSE(ingest::is_document_xml("not xml"));
}

TEST_CASE("comments and CDATA inside a text keep positions exact", "[document]") {
  core::DiagnosticSink sink;
  const auto doc = ingest::read_document_memory(wrap("<body><p>甲<!-- 注 -->乙<![CDATA[<丙>]]></p></body>"), "c.xml", sink);
  REQUIRE(doc);
  const auto& p = std::get<model::Paragraph>(doc->body.at(0)).text;
  CHECK(p.value == "甲乙<丙>");
  CHECK(p.location.line == 3);
  CHECK(p.location.column == 10);
  CHECK(p.location_at(1).column == 21);  // 乙, after the 10-column comment
  CHECK(p.location_at(2).column == 31);  // "<" inside the CDATA section
}

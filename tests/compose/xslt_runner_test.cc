// The compose engine: templates run, parameters arrive as literal strings, template errors are
// reported at the template's file:line, and a template cannot write files or read outside the
// templates folder.
#include <catch2/catch.hpp>

#include "compose/xslt_runner.h"
#include "support/test_support.h"

#include <fstream>

namespace wenshu::compose {
namespace {

struct Input {
  core::DiagnosticSink sink;
  XmlDoc owned;
  _xmlDoc* doc;
  explicit Input(const std::string& xml) : owned(parse_xml(xml, "input.xml", sink)), doc(owned.get()) {}
};

void write(const std::filesystem::path& p, const std::string& s) {
  std::filesystem::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << s;
}

const char* kHead =
    R"(<?xml version="1.0" encoding="UTF-8"?>
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
<xsl:output method="xml" encoding="UTF-8"/>
<xsl:param name="record"/>
)";

TEST_CASE("a template transforms records and receives parameters as literal strings") {
  test::TempDir dir("xslt");
  write(dir.path() / "t.xsl", std::string(kHead) + R"~(<xsl:template match="/">
  <out id="{$record}"><xsl:value-of select="count(//r)"/></out>
</xsl:template></xsl:stylesheet>)~");
  XsltRunner runner(dir.path());
  Input in("<rs><r/><r/></rs>");
  core::DiagnosticSink sink;
  auto out = runner.transform(dir.path() / "t.xsl", in.doc, {{"record", "a'b\"c"}}, "R1", sink);
  REQUIRE(out);
  CHECK(sink.items().empty());
  CHECK(out->find(">2</out>") != std::string::npos);
  CHECK(out->find("id=\"a'b&quot;c\"") != std::string::npos);
}

TEST_CASE("a template that does not compile is reported at its file and line") {
  test::TempDir dir("xslt");
  write(dir.path() / "bad.xsl", std::string(kHead) + "<xsl:template match=\"/\">\n<xsl:value-of/>\n</xsl:template></xsl:stylesheet>");
  XsltRunner runner(dir.path());
  Input in("<rs/>");
  core::DiagnosticSink sink;
  CHECK_FALSE(runner.transform(dir.path() / "bad.xsl", in.doc, {}, "R1", sink));
  REQUIRE(sink.has_errors());
  const auto& d = sink.items().front();
  INFO(core::format_text(d));
  CHECK(d.rule == kRuleTemplate);
  CHECK(d.location.file.find("bad.xsl") != std::string::npos);
  CHECK(d.location.line == 6);
  // a second use reports the same error again (cached), without recompiling
  core::DiagnosticSink again;
  CHECK_FALSE(runner.transform(dir.path() / "bad.xsl", in.doc, {}, "R2", again));
  CHECK(again.has_errors());
}

TEST_CASE("a runtime XPath error is reported at the template line") {
  test::TempDir dir("xslt");
  write(dir.path() / "rt.xsl", std::string(kHead) + "<xsl:template match=\"/\">\n<xsl:value-of select=\"count(\"/>\n</xsl:template></xsl:stylesheet>");
  XsltRunner runner(dir.path());
  Input in("<rs/>");
  core::DiagnosticSink sink;
  CHECK_FALSE(runner.transform(dir.path() / "rt.xsl", in.doc, {}, "R1", sink));
  REQUIRE(sink.has_errors());
  CHECK(sink.items().front().location.line == 6);
  CHECK(sink.items().front().record_id == "R1");
}

TEST_CASE("a template message quoting a huge input value is reported, cut short") {
  // Issue 16 finding 1: template messages were parsed with std::regex, whose recursion
  // overflowed the stack on long lines. Now the context comes from libxslt's arguments.
  test::TempDir dir("xslt");
  write(dir.path() / "m.xsl", std::string(kHead) + "<xsl:template match=\"/\">\n"
        "<xsl:message terminate=\"yes\">bad value <xsl:value-of select=\"//r/@v\"/></xsl:message>\n"
        "</xsl:template></xsl:stylesheet>");
  XsltRunner runner(dir.path());
  Input in("<rs><r v=\"" + std::string(200000, 'x') + "\"/></rs>");
  core::DiagnosticSink sink;
  CHECK_FALSE(runner.transform(dir.path() / "m.xsl", in.doc, {}, "R1", sink));
  REQUIRE(sink.has_errors());
  for (const auto& d : sink.items()) {
    INFO(core::format_text(d).substr(0, 300));
    CHECK(d.message.size() < 2000);
    CHECK(d.location.file.find("m.xsl") != std::string::npos);
  }
  CHECK(sink.items().front().message.find("bad value xxx") != std::string::npos);
  CHECK(sink.items().front().location.line == 6);
}

TEST_CASE("malformed template XML is reported with its line") {
  test::TempDir dir("xslt");
  write(dir.path() / "broken.xsl", std::string(kHead) + "<xsl:template match=\"/\">\n<a></b>\n</xsl:template></xsl:stylesheet>");
  XsltRunner runner(dir.path());
  Input in("<rs/>");
  core::DiagnosticSink sink;
  CHECK_FALSE(runner.transform(dir.path() / "broken.xsl", in.doc, {}, "R1", sink));
  REQUIRE(sink.has_errors());
  bool found = false;
  for (const auto& d : sink.items())
    if (d.location.line == 6 && d.location.file.find("broken.xsl") != std::string::npos) found = true;
  CHECK(found);
}

TEST_CASE("xsl:message terminate fails the document with the template named") {
  test::TempDir dir("xslt");
  write(dir.path() / "stop.xsl", std::string(kHead) + R"(<xsl:template match="/">
<xsl:message terminate="yes">缺少记录</xsl:message><out/>
</xsl:template></xsl:stylesheet>)");
  XsltRunner runner(dir.path());
  Input in("<rs/>");
  core::DiagnosticSink sink;
  CHECK_FALSE(runner.transform(dir.path() / "stop.xsl", in.doc, {}, "R9", sink));
  REQUIRE(sink.has_errors());
  CHECK(sink.items().front().message.find("缺少记录") != std::string::npos);
  CHECK(sink.items().front().record_id == "R9");
}

TEST_CASE("xsl:message without terminate is a warning and the output stands") {
  test::TempDir dir("xslt");
  write(dir.path() / "warn.xsl", std::string(kHead) + R"(<xsl:template match="/">
<xsl:message>注意</xsl:message><out/>
</xsl:template></xsl:stylesheet>)");
  XsltRunner runner(dir.path());
  Input in("<rs/>");
  core::DiagnosticSink sink;
  CHECK(runner.transform(dir.path() / "warn.xsl", in.doc, {}, "R9", sink));
  CHECK_FALSE(sink.has_errors());
  CHECK(sink.count(core::Severity::kWarning) == 1);
}

TEST_CASE("templates cannot write files or read outside the templates folder") {
  test::TempDir dir("xslt");
  test::TempDir outside("xslt-out");
  write(outside.path() / "secret.xml", "<secret>x</secret>");
  write(dir.path() / "t" / "write.xsl",
        R"(<?xml version="1.0" encoding="UTF-8"?>
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:exsl="http://exslt.org/common" extension-element-prefixes="exsl">
<xsl:template match="/"><exsl:document href=")" +
            (outside.path() / "pwned.xml").string() + R"("><x/></exsl:document><out/></xsl:template></xsl:stylesheet>)");
  write(dir.path() / "t" / "read.xsl", std::string(kHead) + R"(<xsl:template match="/"><out><xsl:value-of select="document(')" +
                                         (outside.path() / "secret.xml").string() +
                                         R"~(')"/></out></xsl:template></xsl:stylesheet>)~");
  write(dir.path() / "t" / "lookup.xml", "<names><n>甲</n></names>");
  write(dir.path() / "t" / "inside.xsl", std::string(kHead) + R"~(<xsl:template match="/"><out><xsl:value-of select="document('lookup.xml')/names/n"/></out></xsl:template></xsl:stylesheet>)~");
  XsltRunner runner(dir.path() / "t");
  Input in("<rs/>");
  {
    core::DiagnosticSink sink;
    auto out = runner.transform(dir.path() / "t" / "write.xsl", in.doc, {}, "R1", sink);
    CHECK_FALSE(std::filesystem::exists(outside.path() / "pwned.xml"));
    CHECK_FALSE(out);
    CHECK(sink.has_errors());
  }
  {
    core::DiagnosticSink sink;
    auto out = runner.transform(dir.path() / "t" / "read.xsl", in.doc, {}, "R1", sink);
    CHECK_FALSE(out);
    REQUIRE(sink.has_errors());
    bool security = false;
    for (const auto& d : sink.items()) security = security || d.rule == kRuleSecurity;
    CHECK(security);
  }
  {
    core::DiagnosticSink sink;
    auto out = runner.transform(dir.path() / "t" / "inside.xsl", in.doc, {}, "R1", sink);
    REQUIRE(out);
    CHECK(out->find("甲") != std::string::npos);
  }
}

TEST_CASE("document('input:NAME') reads only the documents handed to the transform") {
  test::TempDir dir("xslt");
  write(dir.path() / "in.xsl", std::string(kHead) + R"~(<xsl:template match="/"><out><xsl:value-of select="document('input:names')/names/n"/></out></xsl:template></xsl:stylesheet>)~");
  XsltRunner runner(dir.path());
  Input in("<rs/>");
  const std::string names = "<names><n>乙</n></names>";
  {
    core::DiagnosticSink sink;
    const InputDocuments docs{{"names", names}};
    auto out = runner.transform(dir.path() / "in.xsl", in.doc, {}, "R1", sink, &docs);
    REQUIRE(out);
    CHECK(out->find("<out>乙</out>") != std::string::npos);
  }
  {  // not handed in: refused like any other URI scheme
    core::DiagnosticSink sink;
    const InputDocuments docs{{"other", names}};
    CHECK_FALSE(runner.transform(dir.path() / "in.xsl", in.doc, {}, "R1", sink, &docs));
    bool security = false;
    for (const auto& d : sink.items()) security = security || d.rule == kRuleSecurity;
    CHECK(security);
  }
  {  // a handed-in document may not declare a DTD
    core::DiagnosticSink sink;
    const std::string with_dtd = "<!DOCTYPE names [<!ENTITY e \"x\">]><names><n>&e;</n></names>";
    const InputDocuments docs{{"names", with_dtd}};
    auto out = runner.transform(dir.path() / "in.xsl", in.doc, {}, "R1", sink, &docs);
    CHECK((!out || out->find("x</out>") == std::string::npos));
  }
}

TEST_CASE("runaway recursion stops with an error, not a crash") {
  test::TempDir dir("xslt");
  write(dir.path() / "loop.xsl", std::string(kHead) + R"(<xsl:template match="/"><xsl:call-template name="f"/></xsl:template>
<xsl:template name="f"><xsl:call-template name="f"/></xsl:template></xsl:stylesheet>)");
  XsltRunner runner(dir.path());
  Input in("<rs/>");
  core::DiagnosticSink sink;
  CHECK_FALSE(runner.transform(dir.path() / "loop.xsl", in.doc, {}, "R1", sink));
  CHECK(sink.has_errors());
}

TEST_CASE("xpath_quote makes any string a literal") {
  CHECK(xpath_quote("abc") == "'abc'");
  CHECK(xpath_quote("a'b") == "\"a'b\"");
  CHECK(xpath_quote("a'b\"c") == "concat('a',\"'\",'b\"c')");
}

}  // namespace
}  // namespace wenshu::compose

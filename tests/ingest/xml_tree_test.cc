// The plain XML tree reader (ingest/xml_tree.h) the archive stage and build records read with:
// what it copies out of the document, and that bad bytes give XML-… errors, never a crash.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "ingest/xml_tree.h"
#include "support/test_support.h"

using namespace wenshu;
using test::has_rule;

TEST_CASE("xml tree: names without namespace, attributes, trimmed text, children, lines", "[ingest]") {
  core::DiagnosticSink sink;
  const auto tree = ingest::parse_xml_tree(
      "<?xml version=\"1.0\"?>\n<f:root xmlns:f=\"urn:x\" a=\"1\">\n  <item n=\"x &amp; y\">  one  </item>\n"
      "  <item><![CDATA[two]]></item>\n  <other/>\n</f:root>\n",
      "t.xml", {}, sink);
  REQUIRE(tree);
  CHECK(sink.items().empty());
  CHECK(tree->name == "root");
  CHECK(tree->attr("a") == "1");
  CHECK(tree->attr("missing").empty());
  CHECK(tree->line == 2);
  REQUIRE(tree->all("item").size() == 2);
  CHECK(tree->child("item")->attr("n") == "x & y");
  CHECK(tree->child_text("item") == "one");
  CHECK(tree->all("item")[1]->text == "two");
  CHECK(tree->all("item")[1]->line == 4);
  CHECK(tree->child("other") != nullptr);
  CHECK(tree->child("nothing") == nullptr);
  CHECK(tree->child_text("nothing").empty());
}

TEST_CASE("xml tree: malformed bytes give an XML error and no tree", "[ingest]") {
  const std::vector<std::string> bad_inputs = {"",        "<a><b></a>", "<a>", "not xml", "<a x=\"1\" x=\"2\"/>",
                                             "<a/><b/>", "<a>\xff</a>", std::string("<a>\0</a>", 8)};
  for (const std::string& bad : bad_inputs) {
    core::DiagnosticSink sink;
    CAPTURE(bad);
    CHECK_FALSE(ingest::parse_xml_tree(bad, "bad.xml", {}, sink));
    CHECK(sink.has_errors());
  }
  core::DiagnosticSink sink;
  CHECK_FALSE(ingest::parse_xml_tree("<a><b></a>", "bad.xml", {}, sink));
  CHECK(has_rule(sink, "XML-PARSE"));
  CHECK(sink.items().front().location.file == "bad.xml");
}

TEST_CASE("xml tree: a DOCTYPE (entity expansion) is refused", "[ingest]") {
  core::DiagnosticSink sink;
  CHECK_FALSE(ingest::parse_xml_tree("<!DOCTYPE a [<!ENTITY e \"x\">]><a>&e;</a>", "dtd.xml", {}, sink));
  CHECK(has_rule(sink, "XML-DTD"));
}

TEST_CASE("xml tree: with a schema, an invalid document gives XML-SCHEMA and no tree", "[ingest]") {
  core::DiagnosticSink sink;
  const auto schema = test::source_dir() / "schemas/filed-document.xsd";
  CHECK_FALSE(ingest::parse_xml_tree("<filed-document xmlns=\"urn:wenshu:filed-document:1\"><nonsense/></filed-document>",
                                     "sidecar.xml", schema, sink));
  CHECK(has_rule(sink, "XML-SCHEMA"));
}

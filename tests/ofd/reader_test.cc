// The OFD reader on bad input: every damaged or hostile package gets exactly one clear finding
// and `readable == false`, never a crash, a hang or unbounded memory (archive-format.md: the
// same limits as for dossiers).
#include <catch2/catch.hpp>

#include <cstring>

#include "ofd/ofd_support.h"
#include "ofd/reader.h"
#include "ofd/writer.h"
#include "pdf/pdf_fixture.h"

namespace wenshu {

namespace {

struct Outcome {
  bool readable = false;
  std::size_t errors = 0;
  std::string rule, message;
};

Outcome read(const std::string& bytes, const ofd::ReadOptions& options = {}) {
  core::DiagnosticSink sink;
  const ofd::OfdInfo info = ofd::read_ofd(bytes, "bad.ofd", sink, options);
  Outcome o{info.readable, sink.count(core::Severity::kError), {}, {}};
  if (!sink.items().empty()) o.rule = sink.items().front().rule, o.message = sink.items().front().message;
  return o;
}

/// The minimal package with part `name` replaced (or added) by `bytes`.
std::string with_part(const std::string& name, const std::string& bytes) {
  auto parts = test::minimal_package_parts();
  bool found = false;
  for (auto& p : parts)
    if (p.name == name) p.bytes = bytes, found = true;
  if (!found) parts.push_back({name, bytes});
  return test::package_of(parts);
}

std::string replaced(const std::string& name, const std::string& from, const std::string& to) {
  for (const auto& p : test::minimal_package_parts()) {
    if (p.name != name) continue;
    std::string s = p.bytes;
    const std::size_t at = s.find(from);
    REQUIRE(at != std::string::npos);
    return with_part(name, s.replace(at, from.size(), to));
  }
  FAIL("no part " << name);
  return {};
}

void put32(std::string& s, std::size_t at, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) s[at + i] = static_cast<char>((v >> (8 * i)) & 0xff);
}

/// Sets the declared uncompressed size of `name` in both its local and central headers.
std::string declare_size(std::string zip, const std::string& name, std::uint32_t size) {
  for (std::size_t at = 0; (at = zip.find(name, at)) != std::string::npos; at += name.size()) {
    if (at >= 30 && zip.compare(at - 30, 4, "PK\x03\x04") == 0) put32(zip, at - 30 + 22, size);
    if (at >= 46 && zip.compare(at - 46, 4, "PK\x01\x02") == 0) put32(zip, at - 46 + 24, size);
  }
  return zip;
}

void expect_one(const Outcome& o, const std::string& rule) {
  INFO(o.message);
  CHECK_FALSE(o.readable);
  CHECK(o.errors == 1);
  CHECK(o.rule == rule);
}

}  // namespace

TEST_CASE("the hand-made minimal package reads", "[ofd][reader]") {
  core::DiagnosticSink sink;
  const ofd::OfdInfo info = ofd::read_ofd(test::package_of(test::minimal_package_parts()), "min.ofd", sink);
  CHECK(info.readable);
  CHECK_FALSE(sink.has_errors());
  CHECK(info.text() == "公文测试\n");
  REQUIRE(info.pages.size() == 1);
  // "g 3 5": four characters 5 mm apart from (20, 25).
  CHECK(info.pages[0].chars[3].x == Approx(35.0));
  CHECK(info.pages[0].chars[3].y == Approx(25.0));
  CHECK(info.fonts.at(0).file.empty());  // not embedded: fine for OFD, not for OFD-A
  ofd::ReadOptions ro;
  ro.require_archive_profile = true;
  core::DiagnosticSink profile;
  CHECK(ofd::read_ofd(test::package_of(test::minimal_package_parts()), "min.ofd", profile, ro).profile_problems.size() == 2);
}

TEST_CASE("OFD reader: broken containers", "[ofd][reader]") {
  expect_one(read("this is not a zip file"), "OFD-PACKAGE");
  const std::string good = test::package_of(test::minimal_package_parts());
  expect_one(read(good.substr(0, good.size() / 2)), "OFD-PACKAGE");  // truncated
  expect_one(read(""), "OFD-PACKAGE");
  auto parts = test::minimal_package_parts();
  parts.erase(parts.begin());
  expect_one(read(test::package_of(parts)), "OFD-MISSING");  // no OFD.xml
  ofd::ReadOptions few;
  few.limits.max_entries = 3;
  expect_one(read(good, few), "OFD-PACKAGE");  // more entries than allowed
}

TEST_CASE("OFD reader: entry names that leave the package", "[ofd][reader]") {
  for (const char* name : {"../evil.xml", "Doc_0/../../evil.xml", "/etc/passwd", "Doc_0\\evil.xml", "Doc_0//x.xml"}) {
    INFO(name);
    expect_one(read(with_part(name, "x")), "OFD-PACKAGE");
  }
}

TEST_CASE("OFD reader: references that point outside or nowhere", "[ofd][reader]") {
  expect_one(read(replaced("OFD.xml", "Doc_0/Document.xml", "../Doc_0/Document.xml")), "OFD-REF");
  expect_one(read(replaced("Doc_0/PublicRes.xml", "FamilyName=\"宋体\"/>",
                           "FamilyName=\"宋体\"><ofd:FontFile>http://example.com/f.otf</ofd:FontFile></ofd:Font>")),
             "OFD-REF");
  expect_one(read(replaced("Doc_0/PublicRes.xml", "FamilyName=\"宋体\"/>",
                           "FamilyName=\"宋体\"><ofd:FontFile>../../../font.otf</ofd:FontFile></ofd:Font>")),
             "OFD-REF");
  expect_one(read(replaced("Doc_0/PublicRes.xml", "FamilyName=\"宋体\"/>",
                           "FamilyName=\"宋体\"><ofd:FontFile>missing.otf</ofd:FontFile></ofd:Font>")),
             "OFD-MISSING");
  expect_one(read(replaced("Doc_0/Document.xml", "Pages/Page_0/Content.xml", "Pages/Page_9/Content.xml")), "OFD-MISSING");
  expect_one(read(replaced("Doc_0/Pages/Page_0/Content.xml", "Font=\"1\"", "Font=\"7\"")), "OFD-REF");
  expect_one(read(replaced("Doc_0/Pages/Page_0/Content.xml", "TextObject ID=\"4\"", "TextObject ID=\"3\"")), "OFD-REF");
  expect_one(read(replaced("Doc_0/Pages/Page_0/Content.xml", "<ofd:TextCode",
                           "<ofd:FillColor Value=\"0\" ColorSpace=\"9\"/><ofd:TextCode")),
             "OFD-REF");
}

TEST_CASE("OFD reader: XML parts that are hostile or do not match the schema", "[ofd][reader]") {
  const std::string laughs =
      "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;\">"
      "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\"><!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;\">]>\n"
      "<ofd:Page xmlns:ofd=\"http://www.ofdspec.org/2016\"><ofd:Content><ofd:Layer ID=\"3\"/></ofd:Content>&lol4;</ofd:Page>\n";
  expect_one(read(with_part("Doc_0/Pages/Page_0/Content.xml", laughs)), "OFD-XML");
  expect_one(read(with_part("Doc_0/Pages/Page_0/Content.xml", "<ofd:Page xmlns:ofd=\"http://www.ofdspec.org/2016\">")),
             "OFD-XML");  // not well-formed
  expect_one(read(replaced("Doc_0/Pages/Page_0/Content.xml", "<ofd:Content>", "<ofd:Script>alert(1)</ofd:Script><ofd:Content>")),
             "OFD-SCHEMA");
  expect_one(read(replaced("OFD.xml", "DocType=\"OFD\"", "DocType=\"PDF\"")), "OFD-SCHEMA");
  expect_one(read(replaced("Doc_0/Pages/Page_0/Content.xml", "Boundary=\"20 20 100 10\"", "Boundary=\"20 20\"")), "OFD-SCHEMA");
  expect_one(read(with_part("Doc_0/Pages/Page_0/Content.xml", "<?xml version=\"1.0\"?><Page/>")), "OFD-SCHEMA");
  // Page blocks nested past every depth limit.
  std::string deep = "<?xml version=\"1.0\"?>\n<ofd:Page xmlns:ofd=\"http://www.ofdspec.org/2016\"><ofd:Content><ofd:Layer ID=\"3\">";
  for (int i = 0; i < 400; ++i) deep += "<ofd:PageBlock ID=\"" + std::to_string(10 + i) + "\">";
  for (int i = 0; i < 400; ++i) deep += "</ofd:PageBlock>";
  deep += "</ofd:Layer></ofd:Content></ofd:Page>\n";
  expect_one(read(with_part("Doc_0/Pages/Page_0/Content.xml", deep)), "OFD-XML");
}

TEST_CASE("OFD reader: declared sizes and inflated data are bounded", "[ofd][reader]") {
  // A part that declares 4 GB: refused before anything is inflated.
  const std::string good = test::package_of(test::minimal_package_parts());
  expect_one(read(declare_size(good, "Doc_0/Pages/Page_0/Content.xml", 0xFFFFFFF0u)), "OFD-PACKAGE");
  // A part that inflates to more than it declares: stopped at the declared size.
  expect_one(read(declare_size(good, "Doc_0/Pages/Page_0/Content.xml", 100)), "OFD-PACKAGE");
  // A compression bomb: 64 MB of zeros in a few kilobytes.
  auto parts = test::minimal_package_parts();
  parts.push_back({"Doc_0/Res/bomb.bin", std::string(std::size_t(64) << 20, '\0')});
  expect_one(read(test::package_of(parts)), "OFD-PACKAGE");
}

TEST_CASE("OFD reader: the writer's own output passes, and its damage is caught", "[ofd][reader]") {
  core::DiagnosticSink sink;
  const std::string bytes = ofd::write_ofd(test::sample_notice(), sink);
  REQUIRE_FALSE(sink.has_errors());
  CHECK(read(bytes).errors == 0);
  // One flipped byte anywhere in the package: one finding (CRC, deflate or XML), never more.
  for (std::size_t at : {std::size_t(40), bytes.size() / 3, bytes.size() / 2, bytes.size() - 30}) {
    std::string damaged = bytes;
    damaged[at] = static_cast<char>(damaged[at] ^ 0x5a);
    const Outcome o = read(damaged);
    INFO("byte " << at << ": " << o.message);
    CHECK(o.errors == 1);
  }
}

}  // namespace wenshu

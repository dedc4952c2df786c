// The OFD writer: package layout, determinism, metadata from the record (never the clock),
// every page-model item mapped (condensed and rotated text, transformed ranges, lines,
// rectangles, polylines, seal images), fonts as subsets, the OFD-A profile, and errors.
#include <catch2/catch.hpp>

#include <hb.h>

#include "core/file_io.h"
#include "core/units.h"
#include "layout/seal_png.h"
#include "ofd/ofd_support.h"
#include "ofd/package.h"
#include "ofd/reader.h"
#include "ofd/writer.h"
#include "pdf/font_program.h"
#include "pdf/pdf_fixture.h"
#include "support/test_support.h"

namespace wenshu {

namespace {

using core::mm;
using core::pt;

std::string part(const std::string& ofd_bytes, const std::string& name) {
  std::string error, out;
  auto pkg = ofd::Package::open(ofd_bytes, {}, error);
  REQUIRE(pkg);
  REQUIRE(pkg->read(name, out, error));
  return out;
}

/// DOS date word of the first local header (offset 12).
unsigned first_dos_date(const std::string& zip) {
  return static_cast<unsigned char>(zip[12]) | (static_cast<unsigned char>(zip[13]) << 8);
}

/// The sample notice plus every other kind of item: a rotated run, a transformed (landscape)
/// range, a filled and stroked rectangle, a closed polyline, a seal image.
model::PagedDocument every_item(const std::filesystem::path& seal) {
  model::PagedDocument doc = test::sample_notice();
  model::Page& page = doc.pages.front();
  model::GlyphRun turned = test::text_run(doc, 2, "草稿", mm(60), mm(200), pt(40), pt(40));
  turned.rotation_deg = 45;
  turned.color = model::Color::gray(850);
  page.items.push_back(turned);
  page.items.push_back(model::Rect{mm(30), mm(230), mm(40), mm(10), true, model::Color::cmyk(0, 1000, 1000, 0), true,
                                   model::Color::black(), pt(0.5)});
  page.items.push_back(model::Polyline{{{mm(100), mm(230)}, {mm(110), mm(240)}, {mm(90), mm(240)}}, true, true,
                                       model::Color::rgb(1000, 0, 0), pt(0)});
  page.items.push_back(model::Image{mm(140), mm(220), mm(42), mm(42), seal.string(), true, "doc.xml", 7});
  model::Page landscape = test::a4_page();
  landscape.items.push_back(test::text_run(doc, 1, "横排表格内容", mm(20), mm(30), pt(16), pt(16)));
  landscape.items.push_back(model::Line{mm(20), mm(35), mm(120), mm(35), pt(1), model::Color::black()});
  landscape.transforms.push_back({0, 2, 1, mm(10), mm(280)});
  landscape.number = 2;
  doc.pages.push_back(landscape);
  return doc;
}

}  // namespace

TEST_CASE("OFD package: parts in a fixed order, valid, deterministic, DocInfo from the record", "[ofd][writer]") {
  const model::PagedDocument doc = test::sample_notice();
  core::DiagnosticSink sink;
  const std::string a = ofd::write_ofd(doc, sink), b = ofd::write_ofd(doc, sink);
  REQUIRE_FALSE(sink.has_errors());
  CHECK(a == b);
  std::string error;
  auto pkg = ofd::Package::open(a, {}, error);
  REQUIRE(pkg);
  const auto& names = pkg->names();
  REQUIRE(names.size() >= 5);
  CHECK(names[0] == "OFD.xml");
  CHECK(names[1] == "Doc_0/Document.xml");
  CHECK(names[2] == "Doc_0/PublicRes.xml");
  CHECK(names[3] == "Doc_0/Pages/Page_0/Content.xml");
  CHECK(names[4].rfind("Doc_0/Res/font_", 0) == 0);
  CHECK(first_dos_date(a) == ((2009u - 1980u) << 9 | 9u << 5 | 2u));  // 成文日期, never the clock

  const ofd::OfdInfo info = ofd::read_ofd(a, "notice.ofd", sink);
  REQUIRE(info.readable);
  CHECK_FALSE(sink.has_errors());
  CHECK(info.parts_validated == 4);
  CHECK(info.doc_type == "OFD");
  CHECK(info.title == "关于加强公文处理工作的通知");
  CHECK(info.author == "中共某某市委办公室");
  CHECK(info.creation_date == "2009-09-02");
  CHECK(info.doc_id.size() == 32);
  CHECK(info.text() == "中共某某市委办公室文件\n关于加强公文处理工作的通知\n各县（市、区）委，市委各部委：\n"
                       "为进一步规范公文处理工作，提高公文质量，根据《党政机关公文处理\n一、高度重视公文处理工作\n"
                       "（一）明确责任分工。\n— 1 —\n");
  for (const auto& f : info.fonts) CHECK_FALSE(f.file.empty());

  model::PagedDocument undated = doc;
  undated.info.date.clear();
  const std::string c = ofd::write_ofd(undated, sink);
  CHECK(first_dos_date(c) == 0x0021);  // 1980-01-01
  CHECK(part(c, "OFD.xml").find("CreationDate") == std::string::npos);
  CHECK(ofd::read_ofd(c, "undated.ofd", sink).creation_date.empty());
  model::PagedDocument other = doc;
  other.info.title = "另一份文件";
  CHECK(ofd::read_ofd(ofd::write_ofd(other, sink), "other.ofd", sink).doc_id != info.doc_id);
}

TEST_CASE("OFD writer maps every page-model item; both renditions agree", "[ofd][writer]") {
  test::TempDir dir("ofdseal");
  const auto seal = dir.path() / "seal.png";
  core::write_file_atomic(seal, test::seal_png(48));
  const model::PagedDocument doc = every_item(seal);
  CHECK(test::compare_renditions(doc) == "");
  core::DiagnosticSink sink;
  const std::string bytes = ofd::write_ofd(doc, sink);
  REQUIRE_FALSE(sink.has_errors());
  const std::string page = part(bytes, "Doc_0/Pages/Page_0/Content.xml");
  // The condensed red head: CTM with the 80 % horizontal scale, red fill.
  CHECK(page.find("CTM=\"0.8 0 0 1 ") != std::string::npos);
  CHECK(page.find("<ofd:FillColor Value=\"255 0 0\"/>") != std::string::npos);
  // The red rule as a stroked path; the rectangle filled (CMYK space) and stroked; the closed
  // polyline filled only.
  CHECK(page.find("<ofd:StrokeColor Value=\"255 0 0\"/>\n<ofd:AbbreviatedData>M ") != std::string::npos);
  CHECK(page.find("Fill=\"true\"") != std::string::npos);
  CHECK(page.find("ColorSpace=") != std::string::npos);
  CHECK(page.find(" C</ofd:AbbreviatedData>") != std::string::npos);
  // The seal: an ImageObject scaled into its 42 mm box, a PNG MultiMedia resource.
  CHECK(page.find("<ofd:ImageObject ") != std::string::npos);
  CHECK(page.find("CTM=\"42 0 0 42 0 0\"") != std::string::npos);
  const std::string res = part(bytes, "Doc_0/Document_Res.xml");
  CHECK(res.find("Type=\"Image\" Format=\"PNG\"") != std::string::npos);
  CHECK(part(bytes, "Doc_0/PublicRes.xml").find("Type=\"CMYK\"") != std::string::npos);
  // The landscape page: its objects turned a quarter (CTM "0 -1 1 0 …").
  CHECK(part(bytes, "Doc_0/Pages/Page_1/Content.xml").find("CTM=\"0 -1 1 0 ") != std::string::npos);
  const ofd::OfdInfo info = ofd::read_ofd(bytes, "items.ofd", sink);
  REQUIRE(info.readable);
  CHECK(info.images == 1);
  CHECK(info.pages[0].image_objects == 1);
  CHECK(info.pages[0].path_objects == 3);
  CHECK(info.pages[1].path_objects == 1);
}

TEST_CASE("OFD fonts are the PDF writer's subsets as whole OpenType files", "[ofd][writer]") {
  std::string error;
  const auto font = pdf::FontProgram::get(test::font_face("fang").path, 0, error);
  REQUIRE(font);
  std::set<std::uint32_t> gids;
  for (char32_t cp : std::u32string(U"公文处理0")) gids.insert(font->nominal_glyph(cp));
  pdf::FontProgram::Subset for_pdf, for_ofd;
  REQUIRE(font->subset(gids, for_pdf, error));
  REQUIRE(font->subset(gids, for_ofd, error, pdf::FontProgram::SubsetFormat::kOpenTypeFile));
  CHECK(for_pdf.new_gid_of == for_ofd.new_gid_of);  // the same glyphs
  CHECK(for_ofd.program.substr(0, 4) == "OTTO");   // a whole CFF-flavoured OpenType file
  // Its cmap maps each character to the subset glyph the text uses, as an OFD reader needs.
  hb_blob_t* blob = hb_blob_create(for_ofd.program.data(), static_cast<unsigned>(for_ofd.program.size()),
                                   HB_MEMORY_MODE_READONLY, nullptr, nullptr);
  hb_face_t* face = hb_face_create(blob, 0);
  hb_font_t* hb = hb_font_create(face);
  for (char32_t cp : std::u32string(U"公文处理0")) {
    hb_codepoint_t g = 0;
    CHECK(hb_font_get_nominal_glyph(hb, cp, &g));
    CHECK(g == for_ofd.new_gid_of.at(font->nominal_glyph(cp)));
  }
  hb_font_destroy(hb);
  hb_face_destroy(face);
  hb_blob_destroy(blob);
}

TEST_CASE("OFD-A: DocType, custom metadata, and the profile check", "[ofd][writer]") {
  const model::PagedDocument doc = test::sample_notice();
  core::DiagnosticSink sink;
  ofd::WriteOptions o;
  o.archive_profile = true;
  o.custom_data = {{"档号", "Z109-WS·2009-Y-BGS-0001"}, {"密级", "无"}};
  const std::string bytes = ofd::write_ofd(doc, sink, o);
  const ofd::OfdInfo info = ofd::read_ofd(bytes, "a.ofd", sink);
  REQUIRE(info.readable);
  CHECK_FALSE(sink.has_errors());
  CHECK(info.doc_type == "OFD-A");
  CHECK(info.profile_problems.empty());
  CHECK(info.custom_data == o.custom_data);

  // A plain OFD is not an archive package: one OFD-A finding when the profile is required.
  ofd::ReadOptions ro;
  ro.require_archive_profile = true;
  core::DiagnosticSink profile_sink;
  const ofd::OfdInfo plain = ofd::read_ofd(ofd::write_ofd(doc, sink), "plain.ofd", profile_sink, ro);
  CHECK(plain.readable);
  REQUIRE(profile_sink.items().size() == 1);
  CHECK(profile_sink.items().front().rule == "OFD-A");
}

TEST_CASE("OFD writer errors: undefined font, unreadable image, no pages", "[ofd][writer]") {
  model::PagedDocument doc = test::sample_notice();
  std::get<model::GlyphRun>(doc.pages[0].items[0]).font = 42;
  core::DiagnosticSink sink;
  CHECK(ofd::write_ofd(doc, sink).empty());
  REQUIRE(sink.items().size() == 1);
  CHECK(sink.items()[0].rule == "OFD-FONT");

  model::PagedDocument with_image = test::sample_notice();
  with_image.pages[0].items.push_back(model::Image{mm(10), mm(10), mm(10), mm(10), "/nonexistent/seal.png", true, "doc.xml", 12});
  core::DiagnosticSink image_sink;
  CHECK(ofd::write_ofd(with_image, image_sink).empty());
  REQUIRE(image_sink.items().size() == 1);
  CHECK(image_sink.items()[0].rule == "OFD-IMAGE");
  CHECK(image_sink.items()[0].location.line == 12);

  core::DiagnosticSink empty_sink;
  CHECK(ofd::write_ofd(model::PagedDocument{}, empty_sink).empty());
  CHECK(empty_sink.items().at(0).rule == "OFD-EMPTY");
}

}  // namespace wenshu

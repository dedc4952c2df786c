// PDF writer: checked with the tools an archivist would use (qpdf, pdffonts, pdftotext, pdfinfo).
#include <catch2/catch.hpp>

#include <sstream>
#include <thread>

#include "core/file_io.h"
#include "pdf/content.h"
#include "pdf/font_program.h"
#include "pdf/inspect.h"
#include "pdf/pdf_fixture.h"
#include "pdf/writer.h"
#include "support/test_support.h"

using namespace wenshu;
using test::run_command;

namespace {

/// The text of every run, lines joined by "\n" (what pdftotext should give, minus layout).
std::string expected_text(const model::PagedDocument& doc) {
  std::string s;
  for (const auto& page : doc.pages)
    for (const auto& item : page.items)
      if (const auto* run = std::get_if<model::GlyphRun>(&item)) {
        for (const auto& g : run->glyphs) s += g.text;
        s += "\n";
      }
  return s;
}

std::string strip_spaces(const std::string& s) {
  std::string out;
  for (char c : s)
    if (c != ' ' && c != '\n' && c != '\f') out.push_back(c);
  return out;
}

/// The value of a `Name:   value` line of pdfinfo output, trimmed.
std::string field(const std::string& report, const std::string& name) {
  std::istringstream in(report);
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind(name + ":", 0) != 0) continue;
    std::string v = line.substr(name.size() + 1);
    v.erase(0, v.find_first_not_of(' '));
    return v;
  }
  return "<missing " + name + ">";
}

std::filesystem::path write_temp(const test::TempDir& dir, const std::string& name, const std::string& bytes) {
  const auto p = dir.path() / name;
  core::write_file_atomic(p, bytes);
  return p;
}

}  // namespace

TEST_CASE("format_milli prints short classic-locale numbers", "[pdf]") {
  CHECK(pdf::format_milli(0) == "0");
  CHECK(pdf::format_milli(15790) == "15.79");
  CHECK(pdf::format_milli(-2000) == "-2");
  CHECK(pdf::format_milli(-5) == "-0.005");
  CHECK(pdf::format_pt(core::pt(28.99)) == "28.99");
}

TEST_CASE("a one-page notice passes qpdf, pdffonts, pdftotext and pdfinfo", "[pdf][tools]") {
  const auto doc = test::sample_notice();
  core::DiagnosticSink sink;
  const std::string bytes = pdf::write_pdf(doc, sink);
  REQUIRE_FALSE(sink.has_errors());
  REQUIRE(bytes.size() > 1000);
  CHECK(bytes.size() < 150'000);  // four faces, one page (bench target)
  test::TempDir dir("pdfw");
  const auto file = write_temp(dir, "notice.pdf", bytes);
  int rc = 0;

  const std::string check = run_command("qpdf --check '" + file.string() + "' 2>&1", rc);
  INFO(check);
  CHECK(rc == 0);

  const std::string fonts = run_command("pdffonts '" + file.string() + "' 2>&1", rc);
  INFO(fonts);
  REQUIRE(rc == 0);
  std::istringstream lines(fonts);
  std::string line;
  int font_lines = 0;
  while (std::getline(lines, line)) {
    if (line.find('+') == std::string::npos) continue;  // header lines
    ++font_lines;
    CHECK(line.find("CID Type 0C") != std::string::npos);
    CHECK(line.find("Identity-H") != std::string::npos);
    CHECK(line.find("yes yes yes") != std::string::npos);  // emb sub uni
  }
  CHECK(font_lines == 5);

  const std::string text = run_command("pdftotext -enc UTF-8 '" + file.string() + "' - 2>&1", rc);
  CHECK(rc == 0);
  CHECK(strip_spaces(text) == strip_spaces(expected_text(doc)));

  const std::string info = run_command("pdfinfo '" + file.string() + "' 2>&1", rc);
  INFO(info);
  CHECK(rc == 0);
  CHECK(field(info, "Page size") == "595.276 x 841.89 pts (A4)");
  CHECK(field(info, "Pages") == "1");
  CHECK(field(info, "Title") == "关于加强公文处理工作的通知");
  CHECK(field(info, "Encrypted") == "no");
  CHECK(field(info, "JavaScript") == "no");
}

TEST_CASE("writing twice gives identical bytes; content changes the /ID", "[pdf][determinism]") {
  auto doc = test::sample_notice();
  core::DiagnosticSink sink;
  const std::string a = pdf::write_pdf(doc, sink);
  const std::string b = pdf::write_pdf(doc, sink);
  REQUIRE_FALSE(sink.has_errors());
  CHECK(a == b);
  std::get<model::GlyphRun>(doc.pages[0].items[0]).glyphs[0].x += core::pt(1);
  const std::string c = pdf::write_pdf(doc, sink);
  REQUIRE(c != a);
  auto id_of = [](const std::string& s) { return s.substr(s.rfind("/ID")); };
  CHECK(id_of(a) != id_of(c));
  CHECK(a.find("D:20090902000000+08'00'") != std::string::npos);
}

TEST_CASE("inspect reads back pages, fonts, Info and PDF/A marks", "[pdf][inspect]") {
  auto doc = test::sample_notice();
  doc.pages.push_back(test::a4_page());
  doc.pages.back().items.push_back(test::text_run(doc, 1, "第二页", core::mm(28), core::mm(50), core::pt(16), core::pt(15.79)));
  core::DiagnosticSink sink;
  const std::string bytes = pdf::write_pdf(doc, sink);
  REQUIRE_FALSE(sink.has_errors());
  core::DiagnosticSink isink;
  const auto info = pdf::inspect_pdf(bytes, "notice.pdf", isink);
  CHECK_FALSE(isink.has_errors());
  REQUIRE(info.readable);
  CHECK(info.page_count == 2);
  REQUIRE(info.pages.size() == 2);
  CHECK(std::llabs(info.pages[0].width.v - core::mm(210).v) < 100);
  CHECK(std::llabs(info.pages[0].height.v - core::mm(297).v) < 100);
  CHECK_FALSE(info.encrypted);
  CHECK_FALSE(info.has_javascript);
  CHECK_FALSE(info.has_actions);
  CHECK(info.fonts.size() == 5);
  CHECK(info.all_fonts_embedded_with_unicode());
  for (const auto& f : info.fonts) {
    CHECK(f.subset);
    CHECK(f.subtype == "Type0");
    CHECK(f.descendant_subtype == "CIDFontType0");
  }
  CHECK(info.title == "关于加强公文处理工作的通知");
  CHECK(info.author == "中共某某市委办公室");
  CHECK(info.creation_date == "D:20090902000000+08'00'");
  CHECK(info.mod_date == "D:20090902000000+08'00'");
  CHECK(info.has_xmp);
  CHECK(info.pdfa_part == "2");
  CHECK(info.pdfa_conformance == "U");
  CHECK(info.has_output_intent);
}

TEST_CASE("supplementary-plane text from Noto extracts exactly", "[pdf][tools]") {
  model::PagedDocument doc;
  doc.info.title = "𠮷野家";
  doc.fonts = {test::font_face("fallback-serif")};
  doc.pages.push_back(test::a4_page());
  doc.pages[0].items.push_back(test::text_run(doc, 0, "𠮷野家与镕堃喆", core::mm(28), core::mm(50), core::pt(16), core::pt(16)));
  for (const auto& g : std::get<model::GlyphRun>(doc.pages[0].items[0]).glyphs) REQUIRE(g.gid != 0);
  core::DiagnosticSink sink;
  const std::string bytes = pdf::write_pdf(doc, sink);
  REQUIRE_FALSE(sink.has_errors());
  test::TempDir dir("pdfs");
  const auto file = write_temp(dir, "sup.pdf", bytes);
  int rc = 0;
  CHECK(strip_spaces(run_command("pdftotext -enc UTF-8 '" + file.string() + "' - 2>&1", rc)) == "𠮷野家与镕堃喆");
  const std::string check = run_command("qpdf --check '" + file.string() + "' 2>&1", rc);
  INFO(check);
  CHECK(rc == 0);
}

TEST_CASE("one glyph for two code points keeps both texts via ActualText", "[pdf][tools]") {
  // Fandol maps U+2F00 (Kangxi radical one) and U+4E00 to the same glyph (pdf-font-probe.md §3).
  model::PagedDocument doc;
  doc.fonts = {test::font_face("fang")};
  doc.pages.push_back(test::a4_page());
  auto run = test::text_run(doc, 0, "一二一", core::mm(28), core::mm(50), core::pt(16), core::pt(16));
  run.glyphs[2].text = "\u2F00";
  doc.pages[0].items.push_back(run);
  core::DiagnosticSink sink;
  const std::string bytes = pdf::write_pdf(doc, sink);
  REQUIRE_FALSE(sink.has_errors());
  test::TempDir dir("pdfa");
  const auto file = write_temp(dir, "actual.pdf", bytes);
  int rc = 0;
  CHECK(strip_spaces(run_command("pdftotext -enc UTF-8 '" + file.string() + "' - 2>&1", rc)) == "一二\u2F00");
}

TEST_CASE("vector graphics, colours, rotation and scaling write valid operators", "[pdf]") {
  model::PagedDocument doc;
  doc.fonts = {test::font_face("hei")};
  model::Page page = test::a4_page();
  auto run = test::text_run(doc, 0, "草稿", core::mm(60), core::mm(200), core::pt(72), core::pt(72));
  run.rotation_deg = 45;
  run.horizontal_scale = 90;
  run.color = model::Color::gray(800);
  page.items.push_back(run);
  page.items.push_back(model::Line{core::mm(10), core::mm(10), core::mm(100), core::mm(10), core::pt(1),
                                   model::Color::cmyk(0, 1000, 1000, 0)});
  model::Rect r;
  r.x = core::mm(20), r.y = core::mm(20), r.w = core::mm(30), r.h = core::mm(10);
  r.fill_color = model::Color::rgb(0, 0, 1000);
  r.stroke = true;
  r.stroke_color = model::Color::black();
  r.stroke_width = core::pt(0.5);
  page.items.push_back(r);
  model::Polyline star;
  star.points = {{core::mm(100), core::mm(100)}, {core::mm(110), core::mm(120)}, {core::mm(120), core::mm(100)}};
  star.closed = true;
  star.fill = true;
  star.color = model::Color::rgb(1000, 0, 0);
  page.items.push_back(star);
  doc.pages.push_back(page);

  std::vector<pdf::ContentFont> none(1);
  const std::string content = pdf::build_page_content(page, none);
  CHECK(content.find("0 1 1 0 K") != std::string::npos);
  CHECK(content.find("0 0 1 rg") != std::string::npos);
  CHECK(content.find(" re B") != std::string::npos);
  CHECK(content.find("h\nf\n") != std::string::npos);

  core::DiagnosticSink sink;
  const std::string bytes = pdf::write_pdf(doc, sink);
  REQUIRE_FALSE(sink.has_errors());
  // CMYK with the sRGB output intent is not PDF/A-2: the writer says so.
  bool warned = false;
  for (const auto& d : sink.items()) warned |= d.rule == "PDF-PDFA-CMYK";
  CHECK(warned);
  test::TempDir dir("pdfg");
  const auto file = write_temp(dir, "g.pdf", bytes);
  int rc = 0;
  const std::string check = run_command("qpdf --check '" + file.string() + "' 2>&1", rc);
  INFO(check);
  CHECK(rc == 0);
  const std::string text = run_command("pdftotext -enc UTF-8 '" + file.string() + "' - 2>&1", rc);
  CHECK(strip_spaces(text) == "草稿");
}

TEST_CASE("bad display lists are reported, not written", "[pdf][errors]") {
  model::PagedDocument empty;
  core::DiagnosticSink s1;
  CHECK(pdf::write_pdf(empty, s1).empty());
  CHECK(s1.has_errors());

  model::PagedDocument doc;
  doc.fonts = {test::font_face("fang")};
  doc.pages.push_back(test::a4_page());
  model::GlyphRun run;
  run.font = 0;
  run.size = core::pt(16);
  run.glyphs.push_back({999999, core::mm(10), core::pt(16), "x"});
  doc.pages[0].items.push_back(run);
  core::DiagnosticSink s2;
  CHECK(pdf::write_pdf(doc, s2).empty());
  REQUIRE(s2.has_errors());
  CHECK(s2.items()[0].rule == "PDF-GLYPH");

  doc.fonts[0].path = "/nonexistent/font.otf";
  core::DiagnosticSink s3;
  CHECK(pdf::write_pdf(doc, s3).empty());
  REQUIRE(s3.has_errors());
  CHECK(s3.items()[0].rule == "PDF-FONT");

  test::TempDir dir("pdfe");
  core::DiagnosticSink s4;
  CHECK_FALSE(pdf::write_pdf_file(dir.path() / "x.pdf", doc, s4));
  CHECK_FALSE(std::filesystem::exists(dir.path() / "x.pdf"));
}

TEST_CASE("two threads writing at once give the same bytes as one", "[pdf][threads]") {
  const auto doc = test::sample_notice();
  core::DiagnosticSink sink;
  const std::string expected = pdf::write_pdf(doc, sink);
  REQUIRE_FALSE(sink.has_errors());
  std::vector<std::string> got(2);
  std::vector<std::thread> pool;
  for (int t = 0; t < 2; ++t) {
    pool.emplace_back([&, t] {
      for (int i = 0; i < 10; ++i) {
        core::DiagnosticSink s;
        std::string b = pdf::write_pdf(doc, s);
        if (b != expected) {
          got[t] = "differs";
          return;
        }
      }
      got[t] = "same";
    });
  }
  for (auto& th : pool) th.join();
  CHECK(got[0] == "same");
  CHECK(got[1] == "same");
}

TEST_CASE("TrueType-outline fonts are embedded as CIDFontType2 with CIDToGIDMap", "[pdf][tools]") {
  // We ship only CFF fonts; a glyf font from the system is enough to exercise the TrueType path.
  const std::filesystem::path ttf = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
  if (!std::filesystem::exists(ttf)) {
    WARN("DejaVuSans.ttf not installed; TrueType path not tested");
    return;
  }
  model::PagedDocument doc;
  doc.fonts = {model::FontFace{ttf.string(), 0, "test"}};
  doc.pages.push_back(test::a4_page());
  doc.pages[0].items.push_back(
      test::text_run(doc, 0, "Office ffi Ünïcødé", core::mm(28), core::mm(50), core::pt(16), core::pt(10)));
  core::DiagnosticSink sink;
  const std::string bytes = pdf::write_pdf(doc, sink);
  REQUIRE_FALSE(sink.has_errors());
  CHECK(bytes.find("/CIDFontType2") != std::string::npos);
  CHECK(bytes.find("/CIDToGIDMap/Identity") != std::string::npos);
  test::TempDir dir("pdftt");
  const auto file = write_temp(dir, "tt.pdf", bytes);
  int rc = 0;
  const std::string check = run_command("qpdf --check '" + file.string() + "' 2>&1", rc);
  INFO(check);
  CHECK(rc == 0);
  const std::string fonts = run_command("pdffonts '" + file.string() + "' 2>&1", rc);
  INFO(fonts);
  CHECK(fonts.find("CID TrueType") != std::string::npos);
  CHECK(fonts.find("yes yes yes") != std::string::npos);
  CHECK(strip_spaces(run_command("pdftotext -enc UTF-8 '" + file.string() + "' - 2>&1", rc)) == "OfficeffiÜnïcødé");
}

TEST_CASE("content stream of the sample notice (golden, diffable)", "[pdf][golden]") {
  // Codes here are the fonts' CIDs (Adobe-GB1), stable across hb-subset versions.
  const auto doc = test::sample_notice();
  std::vector<std::map<std::uint32_t, std::uint16_t>> codes(doc.fonts.size());
  std::vector<std::map<std::uint16_t, std::int64_t>> widths(doc.fonts.size());
  std::vector<std::map<std::uint16_t, std::string>> texts(doc.fonts.size());
  std::vector<pdf::ContentFont> fonts(doc.fonts.size());
  for (std::size_t i = 0; i < doc.fonts.size(); ++i) {
    std::string err;
    auto fp = pdf::FontProgram::get(doc.fonts[i].path, doc.fonts[i].face_index, err);
    REQUIRE(fp);
    std::set<std::uint32_t> gids;
    std::map<std::uint32_t, std::string> text_of;
    for (const auto& item : doc.pages[0].items)
      if (const auto* run = std::get_if<model::GlyphRun>(&item); run && run->font == i)
        for (const auto& g : run->glyphs) gids.insert(g.gid), text_of.emplace(g.gid, g.text);
    pdf::FontProgram::Subset sub;
    if (!gids.empty()) REQUIRE(fp->subset(gids, sub, err));
    codes[i] = sub.code_of;
    for (const auto& [gid, code] : sub.code_of) {
      widths[i][code] = fp->advance_milli(gid);
      texts[i][code] = text_of[gid];
    }
    fonts[i] = {"F" + std::to_string(i + 1), &codes[i], &widths[i], &texts[i]};
  }
  const std::string content = pdf::build_page_content(doc.pages[0], fonts);
  CHECK(test::compare_golden("pdf/notice_content.txt", content) == "");
}

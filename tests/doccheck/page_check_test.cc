// The page-level check: each kind of finding on a page built to show it (glyphs placed as our
// writer places them on the 28 × 22 grid), and on real PDFs from the renderer — one as set,
// one with the Tz reset after the narrowed red head taken out of the content stream.
#include <catch2/catch.hpp>

#include <algorithm>

#include "core/utf8.h"
#include "doccheck/page_check.h"
#include "doccheck/profile_words.h"
#include "job/render.h"
#include "model/document.h"

namespace dc = wenshu::doccheck;
namespace core = wenshu::core;
namespace model = wenshu::model;

namespace {

const dc::Geometry kG;
const double kPitch = kG.type_height / 22;

/// Baseline of body line `n` (0-based) of the type area: em box centred in the line box.
double baseline(int n) { return kG.type_top + n * kPitch + (kPitch - 16) / 2 + 0.88 * 16; }

struct PageBuilder {
  dc::PageContent page{595.276, 841.89, {}, {}, {}};

  /// Glyphs of `text` from x, one grid cell each (Latin letters and digits half an em).
  void line(const std::u32string& text, double x, double y, double size = 16, double step = kG.cell,
            double r = 0) {
    for (char32_t c : text) {
      dc::Glyph g;
      g.text = core::utf8_encode(std::u32string(1, c));
      g.x = x;
      g.y = y;
      g.size = size;
      const bool narrow = c < 0x80;
      g.advance = g.drawn = narrow ? size / 2 : size;
      g.font = "FandolFang-Regular";
      g.r = r;
      page.glyphs.push_back(g);
      x += narrow ? size / 2 : step;
    }
  }
  /// A full 28-cell body line at line n, starting at the left edge (or indented 2).
  void full(int n, const std::u32string& text, int indent = 0) {
    line(text, kG.type_left + indent * kG.cell, baseline(n));
  }
};

std::u32string han(std::size_t n) {
  static const std::u32string pool = U"为进一步规范公文处理工作提高公文质量现就有关事项通知如下各级党组织要认真贯彻";
  std::u32string s;
  for (std::size_t i = 0; i < n; ++i) s += pool[i % pool.size()];
  return s;
}

std::vector<dc::Finding> check(const std::vector<dc::PageContent>& pages) {
  dc::PageCheckOptions o;
  o.measure_words = dc::measure_words_of("");
  return dc::check_pages(pages, "t.pdf", o);
}

std::vector<std::string> kinds(const std::vector<dc::Finding>& f) {
  std::vector<std::string> out;
  for (const auto& x : f) out.push_back(x.check + "@" + std::to_string(x.page) + ":" + std::to_string(x.line));
  return out;
}

}  // namespace

TEST_CASE("a justified paragraph on the grid has no finding", "[doccheck]") {
  PageBuilder b;
  b.full(0, han(26), 2);
  b.full(1, han(28));
  b.full(2, han(10) + U"。");
  const auto f = check({b.page});
  INFO(kinds(f).size());
  CHECK(f.empty());
}

TEST_CASE("a paragraph line ending short of the right edge is reported with page and line", "[doccheck]") {
  PageBuilder b;
  b.full(0, han(26), 2);
  b.full(1, han(25));  // three cells short
  b.full(2, han(10) + U"。");
  const auto f = check({b.page});
  REQUIRE(f.size() == 1);
  CHECK(f[0].check == "flush");
  CHECK(f[0].page == 1);
  CHECK(f[0].line == 2);
  CHECK(dc::format_finding(f[0]).find("t.pdf:第1页:第2行: [flush]") == 0);
}

TEST_CASE("a line continuing on the next page must be flush too", "[doccheck]") {
  PageBuilder a, b;
  a.full(21, han(20), 2);  // the last line of page 1, its paragraph goes on
  b.full(0, han(5) + U"。");
  const auto f = check({a.page, b.page});
  REQUIRE(f.size() == 1);
  CHECK(f[0].check == "flush");
  CHECK(f[0].page == 1);
}

TEST_CASE("a line-end mark set half width ends flush", "[doccheck]") {
  PageBuilder b;
  // 26 characters and a comma squeezed into 26 cells: the comma is set ½ em (GB/T 15834
  // 5.1.10), its ink (left half) ends on the edge and its blank half hangs past it.
  const double x = kG.type_left + 2 * kG.cell, right = kG.type_left + kG.type_width;
  b.line(han(26) + U"，", x, baseline(0), 16, (right - 8 - x) / 26);
  b.full(1, han(5) + U"。");
  CHECK(check({b.page}).empty());
  // Ink ending 5 pt short of the edge (the mark gave up part of its blank) is flush too; ink
  // ending 5 pt past it is not.
  for (std::size_t k = 0; k < 27; ++k) b.page.glyphs[k].x -= 5.0 * static_cast<double>(k) / 26;
  CHECK(check({b.page}).empty());
  for (std::size_t k = 0; k < 27; ++k) b.page.glyphs[k].x += 10.0 * static_cast<double>(k) / 26;
  const auto f = kinds(check({b.page}));
  CHECK(std::count(f.begin(), f.end(), "flush@1:1") == 1);
}

TEST_CASE("narrowed glyphs outside the red head are reported", "[doccheck]") {
  PageBuilder b;
  b.line(U"中共某某市委员会文件", kG.type_left, kG.type_top + 100, 42, 42 * 0.8, 1);  // red head, condensed
  for (std::size_t k = b.page.glyphs.size(); k-- > 0;) b.page.glyphs[k].scale = 0.8;
  b.full(4, han(28));
  b.full(5, han(8) + U"。");
  CHECK(check({b.page}).empty());  // the red head is condensed on purpose (7.2.4)
  for (auto& g : b.page.glyphs)
    if (g.r == 0) g.scale = 0.9, g.drawn = g.advance * 0.9;
  const auto f = check({b.page});
  REQUIRE_FALSE(f.empty());
  CHECK(std::count_if(f.begin(), f.end(), [](const dc::Finding& x) { return x.check == "advance"; }) == 2);
}

TEST_CASE("避头尾: a closing mark at a line start, an opening one at a line end", "[doccheck]") {
  PageBuilder b;
  b.full(0, han(25) + U"（", 2);
  b.full(1, U"，" + han(10));
  const auto f = kinds(check({b.page}));
  CHECK(std::count(f.begin(), f.end(), "kinsoku@1:1") == 1);
  CHECK(std::count(f.begin(), f.end(), "kinsoku@1:2") == 1);
}

TEST_CASE("a number separated from its measure word", "[doccheck]") {
  PageBuilder b;
  b.full(0, han(25) + U"7", 2);
  b.full(1, U"项" + han(8) + U"。");
  const auto f = kinds(check({b.page}));
  CHECK(std::count(f.begin(), f.end(), "measure@1:1") == 1);
  PageBuilder c;
  c.full(0, han(22) + U"二〇〇九", 2);  // Chinese numerals too (二〇〇九 / 年)
  c.full(1, U"年" + han(8) + U"。");
  const auto g = kinds(check({c.page}));
  CHECK(std::count(g.begin(), g.end(), "measure@1:1") == 1);
}

TEST_CASE("a page holding only the signature or the date", "[doccheck]") {
  PageBuilder a, b;
  a.full(0, han(26), 2);
  a.full(1, han(12) + U"。");
  b.line(U"二〇〇九年四月十四日", kG.type_left + kG.cell * 15, baseline(0));
  auto f = check({a.page, b.page});
  REQUIRE(f.size() == 1);
  CHECK(f[0].check == "alone");
  CHECK(f[0].page == 2);
  // With the last line of the text before it, the page is fine.
  PageBuilder c;
  c.full(0, han(6) + U"。");
  c.line(U"二〇〇九年四月十四日", kG.type_left + kG.cell * 15, baseline(2));
  a.page.glyphs.resize(a.page.glyphs.size() - 13);  // line 2 moved to page 2
  a.full(1, han(28));
  CHECK(check({a.page, c.page}).empty());
}

TEST_CASE("text outside the type area other than the page number", "[doccheck]") {
  PageBuilder b;
  b.full(0, han(10) + U"。", 2);
  b.line(U"— 1 —", kG.type_left + kG.type_width - 60, kG.type_top + kG.type_height + 20, 14);  // page number
  CHECK(check({b.page}).empty());
  b.line(U"附注", kG.type_left - 20, baseline(3));
  const auto f = kinds(check({b.page}));
  CHECK(std::count(f.begin(), f.end(), "outside@1:2") == 1);
}

TEST_CASE("a heading number off the grid and text touching a rule", "[doccheck]") {
  PageBuilder b;
  b.full(0, U"（一）" + han(6), 2);
  b.line(U"（二）" + han(6), kG.type_left + 2 * kG.cell - 3, baseline(1));  // its bracket's blank squeezed
  auto f = kinds(check({b.page}));
  CHECK(std::count(f.begin(), f.end(), "start@1:2") == 1);
  CHECK(f.size() == 1);
  // A table's bottom rule through the em box of the line below it.
  b.page.rules.push_back({kG.type_left, baseline(1) - 12, kG.type_left + kG.type_width, baseline(1) - 12, 0.5});
  f = kinds(check({b.page}));
  CHECK(std::count(f.begin(), f.end(), "rule@1:2") == 1);
}

TEST_CASE("a loose line and the one ragged line allowed", "[doccheck]") {
  PageBuilder b;
  // 20 characters spread over the full measure: ⅓ em between characters.
  b.line(han(20), kG.type_left + 2 * kG.cell, baseline(0), 16, (kG.type_width - 2 * kG.cell - 16) / 19);
  b.full(1, han(6) + U"。");
  auto f = kinds(check({b.page}));
  CHECK(std::count(f.begin(), f.end(), "loose@1:1") == 1);
  // A ragged line whose next line starts with a 文号-like unbreakable number that did not fit.
  PageBuilder c;
  c.full(0, han(4), 20);
  c.full(1, U"20090709123456" + han(2) + U"。");
  CHECK(check({c.page}).empty());
  // …but not when the next line starts with a Han character that would have fitted.
  PageBuilder d;
  d.full(0, han(6), 20);
  d.full(1, han(6) + U"。");
  f = kinds(check({d.page}));
  CHECK(std::count(f.begin(), f.end(), "flush@1:1") == 1);
}

TEST_CASE("table rows are not one paragraph; cell lines end at the cell's padding", "[doccheck]") {
  PageBuilder b;
  const double x0 = kG.type_left, x1 = x0 + 100, x2 = kG.type_left + kG.type_width;
  const double top = kG.type_top, mid = top + 50, bottom = top + 100;
  for (double x : {x0, x1, x2}) b.page.rules.push_back({x, top, x, bottom, 0.5});
  for (double y : {top, mid, bottom}) b.page.rules.push_back({x0, y, x2, y, 0.5});
  // Two one-line cells in the first column, one above the other: different rows.
  b.line(U"姓名", x0 + 3, top + 30, 14, 14);
  b.line(U"类别", x0 + 3, mid + 30, 14, 14);
  // A two-line cell in the second column whose first line ends 20 pt short of the padding.
  const double w = x2 - 3 - (x1 + 3);
  const int n = static_cast<int>(w / 14);
  b.line(han(static_cast<std::size_t>(n - 2)), x1 + 3, top + 20, 14, 14);
  b.line(han(3), x1 + 3, top + 42, 14, 14);
  const auto f = check({b.page});
  REQUIRE(f.size() == 1);
  CHECK(f[0].check == "flush");
  CHECK(f[0].message.find("单元格") != std::string::npos);
}

namespace {

model::Text txt(const std::string& v) { return model::Text{v, {"doc.xml", 1, 1}}; }

/// A notice whose 发文机关标志 is too wide for the type area, so the red head is condensed (Tz).
model::Document long_mark_notice() {
  model::Document d;
  d.id = "long-mark";
  d.location = {"doc.xml", 1, 1};
  d.issuers = {txt("中共张掖市甘州区委员会办公室")};
  d.mark_with_wenjian = true;
  d.doc_number = txt("甘区委办发〔2009〕3号");
  d.title = txt("关于做好二〇〇九年度调研工作的通知");
  d.main_recipients = txt("各乡镇党委，区委各部门：");
  for (int k = 0; k < 6; ++k)
    d.body.push_back(model::Paragraph{txt("为进一步规范公文处理工作，提高公文质量，现就有关事项通知如下，各级党组织要认真贯彻落实，"
                                          "把调查研究作为谋划工作的基础。")});
  d.signatures = {txt("中共张掖市甘州区委员会办公室")};
  d.date.text = txt("二〇〇九年九月二日");
  d.date.value = core::Date{2009, 9, 2};
  return d;
}

std::string erase_all(std::string s, const std::string& what) {
  for (std::size_t p; (p = s.find(what)) != std::string::npos;) s.erase(p, what.size());
  return s;
}

}  // namespace

TEST_CASE("a rendered notice with a condensed red head passes; with Tz leaked it does not", "[doccheck]") {
  core::DiagnosticSink sink;
  const std::string pdf = wenshu::job::render_to_bytes(long_mark_notice(), {}, sink);
  REQUIRE_FALSE(pdf.empty());
  std::string error;
  const auto pages = dc::read_pdf(pdf, error);
  REQUIRE(error.empty());
  REQUIRE_FALSE(pages.empty());
  // The red head really is condensed.
  CHECK(std::any_of(pages[0].glyphs.begin(), pages[0].glyphs.end(),
                    [](const dc::Glyph& g) { return g.r > 0.9 && g.scale < 0.99; }));
  const auto f = check(pages);
  for (const auto& x : f) UNSCOPED_INFO(dc::format_finding(x));
  CHECK(f.empty());
  // The defect of issue 9 item 1: the narrowing never reset, every later glyph squeezed.
  const auto leaked = dc::read_pdf(pdf, error, [](std::string c) { return erase_all(std::move(c), "100 Tz\n"); });
  const auto g = check(leaked);
  CHECK(std::count_if(g.begin(), g.end(), [](const dc::Finding& x) { return x.check == "advance" && x.page == 1; }) >= 5);
  CHECK(std::count_if(g.begin(), g.end(), [](const dc::Finding& x) { return x.check == "flush"; }) >= 3);
}

// Landscape table pages (GB/T 9704-2012 §8, gbt9704.md A7): the table gets pages of its own,
// its items turned 90° counter-clockwise into the type area of an A4 portrait page (head toward
// the left edge), the header row repeated, the page number where it is on portrait pages, and
// the text after the table on a new portrait page.
#include <catch2/catch.hpp>

#include <string>

#include "layout/geometry.h"
#include "layout/layout.h"
#include "layout/page_docs.h"

using namespace wenshu;
using namespace wenshu::layout;
using test::txt;

namespace {

// A short notice, then a landscape table of `rows` body rows (three columns), then a paragraph.
model::Document doc_with_landscape_table(int rows) {
  auto d = test::simple_doc(1, 60);
  model::Table t;
  t.landscape = true;
  t.location = {"doc.xml", 30, 1};
  t.rows.push_back({{txt("表头甲", 30)}, {txt("表头乙", 30)}, {txt("表头丙", 30)}});
  for (int k = 0; k < rows; ++k)
    t.rows.push_back({{txt("第" + std::to_string(k + 1) + "行", 31)}, {txt(test::han(12), 31)}, {txt("完成", 31)}});
  d.body.push_back(t);
  d.body.push_back(model::Paragraph{txt("表后正文" + test::han(20), 40)});
  return d;
}

std::string page_text(const model::Page& page, std::size_t first, std::size_t count) {
  std::string s;
  for (std::size_t k = first; k < first + count && k < page.items.size(); ++k)
    if (const auto* r = std::get_if<model::GlyphRun>(&page.items[k]))
      for (const auto& g : r->glyphs) s += g.text;
  return s;
}

bool has_text(const model::Page& page, const std::string& needle) {
  return page_text(page, 0, page.items.size()).find(needle) != std::string::npos;
}

// The page-number run: the glyph run below the type area, outside every transformed range.
const model::GlyphRun* page_number_run(const model::Page& page) {
  const TypeArea a = type_area(default_profile(), 1);
  for (std::size_t k = 0; k < page.items.size(); ++k) {
    bool turned = false;
    for (const auto& t : page.transforms) turned = turned || (k >= t.first && k < t.first + t.count);
    if (turned) continue;
    if (const auto* r = std::get_if<model::GlyphRun>(&page.items[k]))
      if (r->baseline > a.bottom()) return r;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("landscape table: own rotated pages, header repeated, page numbers unrotated, text resumes") {
  core::DiagnosticSink sink;
  const auto paged = layout_document(doc_with_landscape_table(40), default_profile(), sink);
  const auto& p = default_profile();
  REQUIRE(paged.pages.size() >= 4);
  CHECK(paged.pages[0].transforms.empty());  // page 1 shows the head and body text, portrait

  std::size_t first_turned = 0, last_turned = 0, turned_pages = 0;
  for (std::size_t k = 0; k < paged.pages.size(); ++k) {
    const auto& page = paged.pages[k];
    CHECK(page.width == p.paper_width);  // the sheet stays A4 portrait
    CHECK(page.height == p.paper_height);
    if (page.transforms.empty()) continue;
    if (turned_pages++ == 0) first_turned = k;
    last_turned = k;
    REQUIRE(page.transforms.size() == 1);
    const auto& t = page.transforms[0];
    CHECK(t.quarter_turns == 1);  // 90° counter-clockwise: table head toward the left edge
    // The header row repeats on every landscape page, inside the turned range.
    CHECK(page_text(page, t.first, t.count).find("表头甲表头乙表头丙") != std::string::npos);
    // Every turned glyph lands inside the portrait type area.
    const TypeArea a = type_area(p, static_cast<int>(k + 1));
    for (std::size_t i = t.first; i < t.first + t.count; ++i)
      if (const auto* r = std::get_if<model::GlyphRun>(&page.items[i]))
        for (const auto& g : r->glyphs) {
          const auto [x, y] = model::transform_point(t, g.x, r->baseline);
          CHECK(x >= a.left);
          CHECK(x <= a.right());
          CHECK(y >= a.top);
          CHECK(y <= a.bottom());
        }
    // The page number is where it is on portrait pages, not turned.
    const int n = page.number;
    REQUIRE(n == static_cast<int>(k + 1));
    const auto* num = page_number_run(page);
    REQUIRE(num);
    if (n % 2 == 1)
      CHECK(num->glyphs.back().x + num->glyphs.back().advance == a.right() - p.cell());
    else
      CHECK(num->glyphs.front().x == a.left + p.cell());
    CHECK_FALSE(has_text(page, "表后正文"));
  }
  CHECK(turned_pages >= 2);  // 40 rows do not fit on one 156 mm deep page
  CHECK(last_turned - first_turned + 1 == turned_pages);  // the table's pages follow each other
  // The text after the table starts a new portrait page.
  REQUIRE(last_turned + 1 < paged.pages.size());
  const auto& after = paged.pages[last_turned + 1];
  CHECK(after.transforms.empty());
  CHECK(has_text(after, "表后正文"));
  // Every body row is set exactly once.
  for (int k = 1; k <= 40; ++k) {
    int found = 0;
    for (const auto& page : paged.pages)
      if (has_text(page, "第" + std::to_string(k) + "行" + test::han(12))) ++found;
    CHECK(found == 1);
  }
}

TEST_CASE("landscape table: a portrait table of the same document is not turned") {
  core::DiagnosticSink sink;
  auto d = doc_with_landscape_table(3);
  std::get<model::Table>(d.body[1]).landscape = false;
  const auto paged = layout_document(d, default_profile(), sink);
  for (const auto& page : paged.pages) CHECK(page.transforms.empty());
}

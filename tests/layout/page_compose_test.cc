// The page composer on documents built in code: grid, justification, pagination rules,
// 版记 placement and page numbers (gbt9704.md A5–A8).
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>

#include "layout/dump.h"
#include "layout/geometry.h"
#include "layout/layout.h"
#include "layout/page_docs.h"

using namespace wenshu;
using namespace wenshu::layout;
using test::txt;

namespace {

using Lines = std::map<std::int64_t, std::vector<const model::GlyphRun*>>;

// Line boxes of a page: glyph runs grouped by baseline (the dump's notion of a line).
Lines lines_of(const model::Page& page) {
  Lines out;
  for (const auto& item : page.items)
    if (const auto* r = std::get_if<model::GlyphRun>(&item)) out[r->baseline.v].push_back(r);
  return out;
}

std::string text_of(const std::vector<const model::GlyphRun*>& runs) {
  std::string s;
  for (const auto* r : runs)
    for (const auto& g : r->glyphs) s += g.text;
  return s;
}

std::size_t glyphs_of(const std::vector<const model::GlyphRun*>& runs) {
  std::size_t n = 0;
  for (const auto* r : runs) n += r->glyphs.size();
  return n;
}

bool page_has_text(const model::Page& page, const std::string& needle) {
  for (const auto& [y, runs] : lines_of(page))
    if (text_of(runs).find(needle) != std::string::npos) return true;
  return false;
}

// Body lines of a page: line boxes inside the type area (not the page number).
std::vector<std::vector<const model::GlyphRun*>> type_area_lines(const model::Page& page) {
  const TypeArea a = type_area(default_profile(), 1);
  std::vector<std::vector<const model::GlyphRun*>> out;
  for (const auto& [y, runs] : lines_of(page))
    if (core::Sp(y) > a.top && core::Sp(y) < a.bottom()) out.push_back(runs);
  return out;
}

std::vector<const model::Line*> rules_of(const model::Page& page) {
  std::vector<const model::Line*> out;
  for (const auto& item : page.items)
    if (const auto* l = std::get_if<model::Line>(&item)) out.push_back(l);
  return out;
}

model::PagedDocument lay(const model::Document& d, core::DiagnosticSink& sink) {
  return layout_document(d, default_profile(), sink);
}

// A document whose body is `n` one-line paragraphs (indent 2 + 26 Han = one full line).
model::Document lines_doc(int n) {
  auto d = test::simple_doc(n, 26);
  return d;
}

// How many one-line paragraphs page 1 holds.
int page1_capacity() {
  core::DiagnosticSink sink;
  const auto paged = lay(lines_doc(40), sink);
  int n = 0;
  for (const auto& runs : type_area_lines(paged.pages[0]))
    if (glyphs_of(runs) == 26) ++n;
  return n;
}

const model::GlyphRun* page_number_run(const model::Page& page) {
  const TypeArea a = type_area(default_profile(), 1);
  for (const auto& item : page.items)
    if (const auto* r = std::get_if<model::GlyphRun>(&item))
      if (r->baseline > a.bottom()) return r;
  return nullptr;
}

}  // namespace

TEST_CASE("compose: a pure-Han body line holds 28 characters and a full page 22 lines") {
  core::DiagnosticSink sink;
  auto d = test::simple_doc(1, 28 * 60);
  const auto paged = lay(d, sink);
  REQUIRE(paged.pages.size() >= 3);
  const auto lines = type_area_lines(paged.pages[1]);
  CHECK(lines.size() == 22);
  const auto& p = default_profile();
  const TypeArea a = type_area(p, 2);
  for (const auto& runs : lines) {
    REQUIRE(glyphs_of(runs) == 28);
    // Each glyph centred in its grid cell: pen = cell left − (16 pt − cell) / 2.
    const auto& gs = runs.front()->glyphs;
    for (std::size_t k = 0; k < gs.size(); ++k) {
      const core::Sp cell_left = a.left + p.cell() * static_cast<std::int64_t>(k);
      CHECK(std::llabs((gs[k].x + gs[k].advance / 2 - (cell_left + p.cell() / 2)).v) <= 28);  // remainder spread (< 28 sp)
    }
  }
  // Consecutive baselines one grid pitch apart.
  const auto all = lines_of(paged.pages[1]);
  std::vector<std::int64_t> ys;
  for (const auto& [y, runs] : all) ys.push_back(y);
  for (std::size_t k = 1; k + 1 < ys.size(); ++k) CHECK(std::llabs(ys[k] - ys[k - 1] - p.line_pitch().v) <= 1);
  // The first line of page 2 is centred in the first line box of the type area.
  CHECK(ys.front() == centred_baseline(p, a.top, p.line_pitch(), p.body_size).v);
}

TEST_CASE("compose: justified lines end exactly on the right edge of the type area") {
  core::DiagnosticSink sink;
  auto d = test::simple_doc(0, 0);
  d.body.push_back(model::Paragraph{txt("为认真贯彻落实2009年全会精神，进一步加强和改进新形势下党的建设，市委制定了7项配套制度，"
                                        "现印发给你们，请结合实际认真贯彻执行。各级党组织要从全局和战略的高度，“充分认识”"
                                        "其重要性和紧迫性，确保各项制度落到实处、取得实效。")});
  const auto paged = lay(d, sink);
  const auto& p = default_profile();
  const TypeArea a = type_area(p, 1);
  int checked = 0;
  const auto lines = type_area_lines(paged.pages[0]);
  for (std::size_t k = 0; k + 1 < lines.size(); ++k) {
    const auto& g = lines[k].back()->glyphs.back();
    if (g.text == "。" || g.text == "，" || g.text == "、" || g.text == "”") continue;
    if (lines[k].front()->font != lines.back().front()->font) continue;  // header lines
    if (glyphs_of(lines[k]) < 20) continue;
    // The last glyph's cell ends on the right edge (glyph centred in a cell of `cell` width).
    const core::Sp cell_end = g.x + g.advance / 2 + p.cell() / 2;
    CHECK(std::llabs((cell_end - a.right()).v) <= 32);
    ++checked;
  }
  CHECK(checked >= 2);
}

TEST_CASE("compose: page numbers odd right-inset 1, even left-inset 1, none past the type area") {
  core::DiagnosticSink sink;
  const auto paged = lay(test::simple_doc(1, 28 * 40), sink);
  REQUIRE(paged.pages.size() >= 2);
  const auto& p = default_profile();
  for (std::size_t k = 0; k < 2; ++k) {
    const int n = static_cast<int>(k + 1);
    CHECK(paged.pages[k].number == n);
    const auto* r = page_number_run(paged.pages[k]);
    REQUIRE(r);
    std::string s;
    for (const auto& g : r->glyphs) s += g.text;
    CHECK(s == "— " + std::to_string(n) + " —");
    const TypeArea a = type_area(p, n);
    if (n % 2 == 1)
      CHECK(r->glyphs.back().x + r->glyphs.back().advance == a.right() - p.cell());
    else
      CHECK(r->glyphs.front().x == a.left + p.cell());
    CHECK(r->size == p.page_number_size);
  }
}

TEST_CASE("compose: the three 版记 cases of gbt9704.md A6") {
  const int cap = page1_capacity();
  REQUIRE(cap > 5);
  auto with_imprint = [](model::Document d) {
    d.cc = txt("市人大常委会党组，市政府党组。");
    d.printer = txt("中共××市委办公室");
    d.print_date.text = txt("2009年9月3日");
    return d;
  };
  auto last_rule_on_bottom = [](const model::Page& page) {
    const auto rules = rules_of(page);
    REQUIRE(!rules.empty());
    const auto* last = rules.back();
    const TypeArea a = type_area(default_profile(), 1);
    CHECK(last->y0 + last->width / 2 == a.bottom());
    CHECK(last->width == default_profile().imprint_thick);
  };
  SECTION("L odd: 版记 alone on L+1, numbered") {
    core::DiagnosticSink sink;
    const auto paged = lay(with_imprint(lines_doc(3)), sink);
    REQUIRE(paged.pages.size() == 2);
    CHECK(page_has_text(paged.pages[1], "抄送："));
    CHECK_FALSE(page_has_text(paged.pages[0], "抄送："));
    CHECK(paged.pages[1].number == 2);
    last_rule_on_bottom(paged.pages[1]);
  }
  SECTION("L even and fits: bottom of L") {
    core::DiagnosticSink sink;
    const auto paged = lay(with_imprint(lines_doc(cap + 5)), sink);
    REQUIRE(paged.pages.size() == 2);
    CHECK(page_has_text(paged.pages[1], "抄送："));
    CHECK(page_has_text(paged.pages[1], "国家机关"));
    CHECK(paged.pages[1].number == 2);
    last_rule_on_bottom(paged.pages[1]);
  }
  SECTION("L even and full: L+1 blank, 版记 on L+2, both unnumbered") {
    core::DiagnosticSink sink;
    const auto paged = lay(with_imprint(lines_doc(cap + 21)), sink);
    REQUIRE(paged.pages.size() == 4);
    CHECK(paged.pages[1].number == 2);
    CHECK(paged.pages[2].items.empty());
    CHECK(paged.pages[2].number == 0);
    CHECK(paged.pages[3].number == 0);
    CHECK(page_has_text(paged.pages[3], "中共××市委办公室"));
    CHECK(page_number_run(paged.pages[3]) == nullptr);
    last_rule_on_bottom(paged.pages[3]);
    // 7.4.1: thick, thin, thick
    const auto rules = rules_of(paged.pages[3]);
    REQUIRE(rules.size() == 3);
    CHECK(rules[0]->width == default_profile().imprint_thick);
    CHECK(rules[1]->width == default_profile().imprint_thin);
  }
}

TEST_CASE("compose: a signature that would fall alone on a page is pulled back by tightening") {
  const int cap = page1_capacity();
  auto d = lines_doc(cap + 21);  // page 2: 21 body lines, then blank + 署名 + 日期 do not fit
  d.signatures = {txt("中共××市委员会")};
  d.date.text = txt("2009年9月2日");
  core::DiagnosticSink sink;
  const auto paged = lay(d, sink);
  REQUIRE(paged.pages.size() == 2);
  CHECK(page_has_text(paged.pages[1], "中共××市委员会"));
  CHECK(page_has_text(paged.pages[1], "2009年9月2日"));
  bool info = false;
  for (const auto& x : sink.items()) info = info || x.rule == "LAYOUT-TIGHTEN";
  CHECK(info);
  // Pitch of page 2 shrank, but not below the profile's bound; all lines stay in the type area.
  const auto lines = lines_of(paged.pages[1]);
  std::vector<std::int64_t> ys;
  for (const auto& [y, runs] : lines) ys.push_back(y);
  const auto& p = default_profile();
  const core::Sp pitch(ys[1] - ys[0]);
  CHECK(pitch < p.line_pitch());
  CHECK(pitch >= p.min_tightened_pitch);
  CHECK(core::Sp(ys[ys.size() - 2]) < type_area(p, 2).bottom());
}

TEST_CASE("compose: a signature that cannot be tightened takes body lines along") {
  const int cap = page1_capacity();
  auto d = lines_doc(cap + 22);  // page 2 full: tightening 25 rows into 22 is beyond 26 pt
  d.signatures = {txt("中共××市委员会")};
  d.date.text = txt("2009年9月2日");
  core::DiagnosticSink sink;
  const auto paged = lay(d, sink);
  REQUIRE(paged.pages.size() == 3);
  const auto lines = type_area_lines(paged.pages[2]);
  REQUIRE(lines.size() >= 3);
  CHECK(glyphs_of(lines[0]) == 26);  // a body line precedes the signature
  CHECK(page_has_text(paged.pages[2], "中共××市委员会"));
  CHECK_FALSE(page_has_text(paged.pages[1], "中共××市委员会"));
}

TEST_CASE("compose: page 1 shows body text (主送 moved to the 版记 if needed)") {
  auto d = test::simple_doc(3, 60);
  std::string names;
  for (int k = 0; k < 30; ++k) names += "某某县委办公室，";
  names += "某某县委：";
  d.main_recipients = txt(names);
  core::DiagnosticSink sink;
  const auto paged = lay(d, sink);
  bool body_on_1 = false;
  for (const auto& runs : type_area_lines(paged.pages[0]))
    body_on_1 = body_on_1 || text_of(runs).find("国家机关") != std::string::npos;
  CHECK(body_on_1);
  bool moved = false;
  for (const auto& x : sink.items()) moved = moved || x.rule == "LAYOUT-PAGE1";
  CHECK(moved);
  CHECK(page_has_text(paged.pages.back(), "主送："));
}

TEST_CASE("compose: attachments start on new pages, 附件N on line 1, title on line 3") {
  auto d = test::standard_doc();
  model::Attachment b;
  b.number = txt("2");
  b.title = txt("第二个附件");
  b.body.push_back(model::Paragraph{txt("短文。")});
  d.attachments.front().number = txt("1");
  d.attachments.push_back(b);
  core::DiagnosticSink sink;
  const auto paged = lay(d, sink);
  const auto& p = default_profile();
  int found = 0;
  for (std::size_t k = 0; k < paged.pages.size(); ++k) {
    const auto lines = type_area_lines(paged.pages[k]);
    if (lines.empty()) continue;
    const std::string first = text_of(lines.front());
    if (first != "附件1" && first != "附件2") continue;
    ++found;
    const TypeArea a = type_area(p, static_cast<int>(k + 1));
    CHECK(lines.front().front()->baseline == centred_baseline(p, a.top, p.line_pitch(), p.body_size));
    CHECK(std::llabs((lines.front().front()->glyphs.front().x + p.body_size / 2 - p.cell() / 2 - a.left).v) <= 1);
    // Title's first line box starts at line 3.
    CHECK(lines[1].front()->baseline ==
          centred_baseline(p, a.top + p.line_pitch() * 2, p.title_pitch, p.title_size));
    // Nothing of the body on this page before the label.
    CHECK_FALSE(page_has_text(paged.pages[k], "此件发至县级"));
  }
  CHECK(found == 2);
}

TEST_CASE("compose: mirrored margins put even pages' type area 26 mm from the left") {
  LayoutProfile p = default_profile();
  p.mirror_margins = true;
  core::DiagnosticSink sink;
  const auto paged = layout_document(test::simple_doc(1, 28 * 40), p, sink);
  REQUIRE(paged.pages.size() >= 2);
  const auto first_x = [&](const model::Page& page) {
    core::Sp x = page.width;
    for (const auto& item : page.items)
      if (const auto* r = std::get_if<model::GlyphRun>(&item))
        if (r->baseline < type_area(p, 1).bottom()) x = std::min(x, r->glyphs.front().x);
    return x;
  };
  const core::Sp shift = first_x(paged.pages[0]) - first_x(paged.pages[1]);
  CHECK(std::llabs((shift - core::mm(2)).v) <= 2);
}

TEST_CASE("compose: charts are skipped with a LAYOUT-CHART warning until a chart layouter exists") {
  auto d = test::simple_doc(1, 20);
  model::Chart chart;
  chart.kind = "bar";
  chart.title = txt("图表");
  chart.location = {"doc.xml", 30, 5};
  d.body.push_back(chart);
  core::DiagnosticSink sink;
  const auto paged = layout_document(d, default_profile(), sink);
  bool warned = false;
  for (const auto& x : sink.items()) warned = warned || (x.rule == "LAYOUT-CHART" && x.location.line == 30);
  CHECK(warned);
  CHECK(paged.pages.size() == 1);
}

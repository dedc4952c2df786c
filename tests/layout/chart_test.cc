// Geometry of the vector charts of the annual report (layout/chart.cc): the committees ×
// regulations compliance grid has one cell per value, everything inside the type area, every
// label set (column labels on one line), the height draw_chart reports equals chart_height.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <set>
#include <string>

#include "layout/chart.h"
#include "layout/fonts.h"
#include "support/test_support.h"

namespace wenshu::layout {
namespace {

FontRegistry& registry() {
  static FontRegistry r(test::source_dir() / "fonts" / "manifest.tsv");
  return r;
}

/// A grid like the city-wide annual report's: 7 committees × 7 regulations, full names.
model::Chart compliance_grid() {
  model::Chart c;
  c.kind = "grid";
  c.title.value = "全市2009年度制度执行情况";
  c.column_labels = {"调查研究制度", "决策咨询制度", "定期报告制度", "通报沟通制度", "监督制度", "督查督办制度", "责任追究制度"};
  c.row_labels = {"甘州区委", "高台县委", "临泽县委", "民乐县委", "山丹县委", "肃南县委", "张掖市委"};
  for (int i = 0; i < 7; ++i) {
    std::vector<double> row;
    for (int j = 0; j < 7; ++j) row.push_back(1 + (i + j) % 3);
    c.values.push_back(row);
  }
  c.legend = {"符合要求", "需要改进", "未达要求"};
  return c;
}

// GB/T 9704-2012 5.2.2: type area 156 mm wide, 28 mm from the left edge.
const Sp kLeft = core::mm(28);
const Sp kWidth = core::mm(156);
const Sp kTop = core::mm(60);

struct Drawn {
  std::vector<model::Item> items;
  core::DiagnosticSink sink;
  Sp height;
};

Drawn draw(const model::Chart& chart) {
  Drawn d;
  std::vector<model::FontFace> fonts;
  DocumentFonts doc(fonts, registry());
  d.height = draw_chart(chart, kLeft, kTop, kWidth, doc, d.items, d.sink);
  return d;
}

TEST_CASE("compliance grid: one cell per value inside the type area, labels on one line", "[chart]") {
  const auto chart = compliance_grid();
  Drawn d = draw(chart);
  CHECK(d.sink.items().empty());
  REQUIRE(d.height > Sp(0));
  {
    std::vector<model::FontFace> fonts;
    DocumentFonts doc(fonts, registry());
    CHECK(chart_height(chart, kWidth, doc) == d.height);  // pagination relies on it
  }

  // Cells: the most frequent rectangle size, exactly rows × columns of them, in a regular grid.
  std::map<std::pair<std::int64_t, std::int64_t>, std::vector<const model::Rect*>> by_size;
  std::vector<std::string> lines;
  for (const auto& item : d.items) {
    if (const auto* r = std::get_if<model::Rect>(&item)) {
      by_size[{r->w.v, r->h.v}].push_back(r);
      CHECK(r->x >= kLeft);
      CHECK(r->x + r->w <= kLeft + kWidth);
      CHECK(r->y >= kTop);
      CHECK(r->y + r->h <= kTop + d.height);
    } else if (const auto* g = std::get_if<model::GlyphRun>(&item)) {
      std::string text;
      for (const auto& pg : g->glyphs) {
        text += pg.text;
        CHECK(pg.x >= kLeft);
        CHECK(pg.x + pg.advance <= kLeft + kWidth);
      }
      CHECK(g->baseline > kTop);
      CHECK(g->baseline <= kTop + d.height);
      lines.push_back(text);
    }
  }
  const auto cells = std::max_element(by_size.begin(), by_size.end(), [](const auto& a, const auto& b) {
    return a.second.size() < b.second.size();
  });
  REQUIRE(cells != by_size.end());
  REQUIRE(cells->second.size() == 49);
  std::set<std::int64_t> xs, ys;
  for (const auto* r : cells->second) {
    xs.insert(r->x.v);
    ys.insert(r->y.v);
  }
  CHECK(xs.size() == 7);
  CHECK(ys.size() == 7);

  // Every label is set; a column label is one line of its own (not broken as 调查研究制/度).
  auto has_line = [&](const std::string& s) { return std::find(lines.begin(), lines.end(), s) != lines.end(); };
  for (const auto& l : chart.column_labels) {
    INFO(l);
    CHECK(has_line(l));
  }
  for (const auto& l : chart.row_labels) {
    INFO(l);
    CHECK(has_line(l));
  }
  CHECK(has_line(chart.title.value));
  for (const auto& l : chart.legend) {
    INFO(l);
    CHECK(std::any_of(lines.begin(), lines.end(), [&](const std::string& s) { return s.find(l) != std::string::npos; }));
  }
}

TEST_CASE("a grid row with the wrong number of values is reported, not a crash", "[chart]") {
  auto chart = compliance_grid();
  chart.values[2].pop_back();
  Drawn d = draw(chart);
  REQUIRE(d.sink.items().size() >= 1);
  CHECK(d.sink.items().front().rule == "LAYOUT-CHART");
  CHECK(d.height > Sp(0));
}

}  // namespace
}  // namespace wenshu::layout

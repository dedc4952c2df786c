// Vector charts of the annual reports (model::Chart) drawn as display-list items: rules,
// rectangles, polylines and text (through the paragraph setter, so labels use the document's
// fonts, fallback and ToUnicode like any other text). Kinds: "grid" (rows × columns of status
// cells: the committees × regulations compliance grid), "calendar" (months × days: 例会 and
// 碰头会), "line" and "bar" (series over x labels: open 督办 items per month). Nothing here
// depends on the page: the composer gives a box and gets the height used back.
#pragma once
#include <vector>

#include "core/diagnostic.h"
#include "core/units.h"
#include "layout/fonts.h"
#include "model/document.h"
#include "model/page.h"

namespace wenshu::layout {

/// Sizes and colours of charts (defaults suit a 156 mm type area; 5号 labels).
struct ChartStyle {
  std::string font_role = "fang";        ///< labels
  std::string title_role = "hei";        ///< chart title
  Sp label_size = core::pt(10.5);        ///< 5号
  Sp title_size = core::pt(12);          ///< 小4号
  Sp line_pitch = core::pt(16);          ///< label line box height
  Sp row_height = core::pt(18);          ///< grid rows
  Sp calendar_row_height = core::pt(14);
  Sp plot_height = core::pt(150);        ///< line/bar plot area
  Sp rule_width = core::pt(0.5);
  Sp series_width = core::pt(1.5);
  /// Fill per status value 1..3 (grid: ok / warning / error; calendar: 例会 / 碰头会 / both):
  /// light tints, so the black symbol on each cell stays legible when printed in grey.
  model::Color status[4] = {model::Color::gray(1000), model::Color::rgb(700, 880, 720), model::Color::rgb(1000, 850, 500),
                            model::Color::rgb(950, 600, 600)};
  /// Offices print and photocopy: every state is told by a symbol as well as by its colour,
  /// in the cells and in the legend (grid: √ △ ×; calendar: ● ○ ◎).
  std::string grid_symbols[4] = {"", "√", "△", "×"};
  std::string calendar_symbols[4] = {"", "●", "○", "◎"};
  /// Series colours of line/bar charts, cycled; the series are also told apart by their
  /// marker (line: square, triangle, circle, diamond) or fill pattern (bar: solid, diagonal
  /// hatch, horizontal lines, cross-hatch).
  std::vector<model::Color> series = {model::Color::rgb(200, 300, 750), model::Color::rgb(850, 200, 200),
                                      model::Color::rgb(250, 600, 300), model::Color::rgb(600, 300, 700)};
};

/// Draws `chart` in the box starting at (`x`, `top`) of width `width` (page coordinates, y down)
/// and appends the items to `out`. Returns the height used. Bad data (rows whose value count
/// does not match the columns, an unknown kind) is reported as LAYOUT-CHART and drawn as far
/// as it makes sense; never throws on data.
Sp draw_chart(const model::Chart& chart, Sp x, Sp top, Sp width, DocumentFonts& fonts, std::vector<model::Item>& out,
              core::DiagnosticSink& sink, const ChartStyle& style = {});

/// The height draw_chart would use (for pagination: a chart is kept on one page).
Sp chart_height(const model::Chart& chart, Sp width, DocumentFonts& fonts, const ChartStyle& style = {});

}  // namespace wenshu::layout

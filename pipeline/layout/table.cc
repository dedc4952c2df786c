// Tables (GB/T 9704-2012 §8 and practice): cells set by the paragraph setter at a smaller
// size, borders as lines, header rows repeated on every page the table spans (the paginator
// does the repetition), rows never split.
#include <algorithm>
#include <numeric>

#include <fmt/format.h>

#include "layout/composer.h"

namespace wenshu::layout {

void append_table(Composer& c, std::vector<FlowRow>& rows, const model::Table& t) {
  if (t.rows.empty()) return;
  if (t.landscape)
    c.diag(core::Severity::kInfo, "LAYOUT-LANDSCAPE", t.location,
           "横排表格暂以竖排页面排版 / landscape tables are set on portrait pages for now");
  int ncols = 0;
  for (const auto& r : t.rows) {
    int n = 0;
    for (const auto& cell : r) n += std::max(1, cell.colspan);
    ncols = std::max(ncols, n);
  }
  if (ncols == 0) return;
  std::vector<std::int64_t> weights(static_cast<std::size_t>(ncols), 1);
  if (static_cast<int>(t.column_weights.size()) == ncols &&
      std::all_of(t.column_weights.begin(), t.column_weights.end(), [](int w) { return w > 0; }))
    weights.assign(t.column_weights.begin(), t.column_weights.end());
  else if (!t.column_weights.empty())
    c.diag(core::Severity::kWarning, "LAYOUT-TABLE", t.location,
           fmt::format("列宽比例数（{}）与列数（{}）不符，按等宽排版 / column weights ignored", t.column_weights.size(), ncols));
  const std::int64_t total = std::accumulate(weights.begin(), weights.end(), std::int64_t{0});
  // Column edges across the type area (the table is as wide as the type area).
  std::vector<Sp> edge(static_cast<std::size_t>(ncols) + 1);
  std::int64_t acc = 0;
  for (int k = 0; k < ncols; ++k) {
    edge[static_cast<std::size_t>(k)] = Sp(c.p.type_width.v * acc / total);
    acc += weights[static_cast<std::size_t>(k)];
  }
  edge.back() = c.p.type_width;

  if (!t.caption.empty()) {
    ParagraphStyle s = c.style(c.p.roles.label, c.p.body_size);
    s.align = Align::kCenter;
    const auto lines = set_paragraph(t.caption.value, t.caption.location, s, c.p.type_width, c.fonts, c.sink);
    const std::size_t first = rows.size();
    append_lines(c, rows, lines, Sp(), c.p.line_pitch(), RowKind::kText, true);
    for (std::size_t k = first; k < rows.size(); ++k) rows[k].keep_with_next = true;
  }

  const int id = c.next_table++;
  const Sp pad = c.p.table_padding;
  const Sp rule = c.p.table_rule;
  bool warned_span = false, warned_width = false;
  for (std::size_t ri = 0; ri < t.rows.size(); ++ri) {
    FlowRow row;
    row.kind = RowKind::kTable;
    row.tightenable = false;
    row.table = id;
    row.table_header = static_cast<int>(ri) < t.header_rows;
    row.keep_with_next = row.table_header;
    std::vector<std::vector<LineBox>> cell_lines;
    std::vector<Sp> cell_x;
    std::size_t max_lines = 1;
    int col = 0;
    for (const auto& cell : t.rows[ri]) {
      if (col >= ncols) break;
      const int span = std::clamp(cell.colspan, 1, ncols - col);
      if (cell.rowspan > 1 && !warned_span) {
        c.diag(core::Severity::kWarning, "LAYOUT-TABLE", cell.text.location,
               "暂不支持跨行单元格，按单行排版 / rowspan is not supported yet; set as one row");
        warned_span = true;
      }
      const Sp x0 = edge[static_cast<std::size_t>(col)];
      const Sp x1 = edge[static_cast<std::size_t>(col + span)];
      ParagraphStyle s = c.style(c.p.roles.body, c.p.table_size);
      s.align = cell.align == model::TableCell::Align::kCenter ? Align::kCenter
                : cell.align == model::TableCell::Align::kEnd  ? Align::kRight
                                                               : Align::kLeft;
      auto lines = set_paragraph(cell.text.value, cell.text.location, s, x1 - x0 - pad * 2, c.fonts, c.sink);
      for (const auto& l : lines)
        if (l.overfull && !warned_width) {
          c.diag(core::Severity::kWarning, "LAYOUT-TABLE-WIDTH", cell.text.location,
                 "表格单元格内容超出列宽 / cell content wider than its column");
          warned_width = true;
        }
      max_lines = std::max(max_lines, lines.size());
      cell_x.push_back(x0);
      cell_lines.push_back(std::move(lines));
      col += span;
    }
    row.height = c.p.table_pitch * static_cast<std::int64_t>(max_lines) + pad * 2;
    for (std::size_t k = 0; k < cell_lines.size(); ++k) {
      for (std::size_t li = 0; li < cell_lines[k].size(); ++li)
        for (auto& item : line_items(c, cell_lines[k][li], cell_x[k] + pad, c.p.table_pitch)) {
          translate_item(item, Sp(), pad + c.p.table_pitch * static_cast<std::int64_t>(li));
          row.items.push_back(std::move(item));
        }
    }
    // Borders: top and bottom of the row, the left edge of every cell, the right edge.
    const model::Color black = model::Color::black();
    row.items.emplace_back(model::Line{Sp(), Sp(), c.p.type_width, Sp(), rule, black});
    row.items.emplace_back(model::Line{Sp(), row.height, c.p.type_width, row.height, rule, black});
    for (Sp x : cell_x) row.items.emplace_back(model::Line{x, Sp(), x, row.height, rule, black});
    row.items.emplace_back(model::Line{c.p.type_width, Sp(), c.p.type_width, row.height, rule, black});
    if (row.height > c.p.type_height)
      c.diag(core::Severity::kError, "LAYOUT-TABLE", t.location, "表格行高超过一页 / a table row is taller than a page");
    rows.push_back(std::move(row));
  }
}

}  // namespace wenshu::layout

// Tables (GB/T 9704-2012 §8 and practice): cells set by the paragraph setter at a smaller
// size, borders as lines, header rows repeated on every page the table spans (the paginator
// does the repetition), rows never split.
#include <algorithm>
#include <numeric>

#include <fmt/format.h>

#include "layout/composer.h"

namespace wenshu::layout {

namespace {

// The cell grid of a table (§8): each cell's first row and column and its spans, with the
// slots that cells spanning down from rows above take (HTML table model: a cell goes into the
// next free column of its row).
struct PlacedCell {
  const model::TableCell* cell = nullptr;
  int row = 0, col = 0;
  int colspan = 1, rowspan = 1;
};

struct CellGrid {
  int ncols = 0;
  std::vector<PlacedCell> cells;
  std::vector<std::vector<int>> slot;  ///< [row][col] -> index into cells, -1 when empty

  const PlacedCell* at(int row, int col) const {
    const auto& r = slot[static_cast<std::size_t>(row)];
    const int k = col < static_cast<int>(r.size()) ? r[static_cast<std::size_t>(col)] : -1;
    return k < 0 ? nullptr : &cells[static_cast<std::size_t>(k)];
  }
  /// Whether a cell of `row` or above spans on into the next row.
  bool spans_below(int row) const {
    const auto& here = slot[static_cast<std::size_t>(row)];
    for (int k : here)
      if (k >= 0 && cells[static_cast<std::size_t>(k)].row + cells[static_cast<std::size_t>(k)].rowspan - 1 > row)
        return true;
    return false;
  }
};

// Places the cells. A rowspan past the last row (or out of the header rows into the body,
// whose header would then repeat half a cell) is cut back with a LAYOUT-TABLE warning.
CellGrid place_cells(Composer& c, const model::Table& t) {
  CellGrid g;
  const int nrows = static_cast<int>(t.rows.size());
  g.slot.assign(static_cast<std::size_t>(nrows), {});
  for (int ri = 0; ri < nrows; ++ri) {
    int col = 0;
    auto& here = g.slot[static_cast<std::size_t>(ri)];
    for (const auto& cell : t.rows[static_cast<std::size_t>(ri)]) {
      while (col < static_cast<int>(here.size()) && here[static_cast<std::size_t>(col)] >= 0) ++col;
      PlacedCell pc{&cell, ri, col, std::max(1, cell.colspan), std::max(1, cell.rowspan)};
      const int limit = ri < t.header_rows ? std::min(nrows, t.header_rows) : nrows;
      if (ri + pc.rowspan > limit) {
        c.diag(core::Severity::kWarning, "LAYOUT-TABLE", cell.text.location,
               ri + pc.rowspan > nrows
                   ? fmt::format("跨行数 rowspan={} 超出表格（本行起只剩 {} 行），按 {} 行排版 / rowspan runs past "
                                 "the last row; cut to {}",
                                 pc.rowspan, nrows - ri, nrows - ri, nrows - ri)
                   : fmt::format("表头单元格跨入表体（rowspan={}），按 {} 行排版 / a header cell spans into the "
                                 "body; cut to {}",
                                 pc.rowspan, limit - ri, limit - ri));
        pc.rowspan = limit - ri;
      }
      const int k = static_cast<int>(g.cells.size());
      for (int r = ri; r < ri + pc.rowspan; ++r) {
        auto& s = g.slot[static_cast<std::size_t>(r)];
        if (static_cast<int>(s.size()) < col + pc.colspan) s.resize(static_cast<std::size_t>(col + pc.colspan), -1);
        for (int cc = col; cc < col + pc.colspan; ++cc) {
          // Overlap with a cell spanning down from above (a colspan running into it).
          if (s[static_cast<std::size_t>(cc)] >= 0) continue;
          s[static_cast<std::size_t>(cc)] = k;
        }
      }
      g.cells.push_back(pc);
      col += pc.colspan;
    }
  }
  for (const auto& s : g.slot) g.ncols = std::max(g.ncols, static_cast<int>(s.size()));
  for (auto& s : g.slot) s.resize(static_cast<std::size_t>(g.ncols), -1);
  return g;
}

}  // namespace

void append_table(Composer& c, std::vector<FlowRow>& rows, const model::Table& t) {
  if (t.rows.empty()) return;
  // §8, gbt9704.md A7: a landscape table is set across the type-area HEIGHT (225 mm) on pages
  // of its own, rotated when the page is built (layout.cc); its rows are then at most the
  // type-area width deep.
  const Sp measure = t.landscape ? c.p.type_height : c.p.type_width;
  const Sp depth = t.landscape ? c.p.type_width : c.p.type_height;
  const CellGrid grid = place_cells(c, t);
  const int ncols = grid.ncols;
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
    edge[static_cast<std::size_t>(k)] = Sp(measure.v * acc / total);
    acc += weights[static_cast<std::size_t>(k)];
  }
  edge.back() = measure;

  if (!t.caption.empty()) {
    ParagraphStyle s = c.style(c.p.roles.label, c.p.body_size);
    s.align = Align::kCenter;
    const auto lines = set_paragraph(t.caption.value, t.caption.location, s, measure, c.fonts, c.sink);
    const std::size_t first = rows.size();
    append_lines(c, rows, lines, Sp(), c.p.line_pitch(), RowKind::kText, true);
    for (std::size_t k = first; k < rows.size(); ++k) {
      rows[k].keep_with_next = true;
      rows[k].landscape = t.landscape;  // the caption goes with its table
    }
  }

  const int id = c.next_table++;
  const Sp pad = c.p.table_padding;
  const Sp rule = c.p.table_rule;
  bool warned_width = false;
  const std::size_t nrows = t.rows.size();

  // Set every cell's text in its column width.
  std::vector<std::vector<LineBox>> lines_of(grid.cells.size());
  for (std::size_t k = 0; k < grid.cells.size(); ++k) {
    const PlacedCell& pc = grid.cells[k];
    const Sp x0 = edge[static_cast<std::size_t>(pc.col)];
    const Sp x1 = edge[static_cast<std::size_t>(pc.col + pc.colspan)];
    ParagraphStyle s = c.style(c.p.roles.body, c.p.table_size);
    // A cell's wrapped text is justified like the body (its last line ragged), so every line
    // but the last ends at the cell's padding.
    s.align = pc.cell->align == model::TableCell::Align::kCenter ? Align::kCenter
              : pc.cell->align == model::TableCell::Align::kEnd  ? Align::kRight
                                                                 : Align::kJustify;
    lines_of[k] = set_paragraph(pc.cell->text.value, pc.cell->text.location, s, x1 - x0 - pad * 2, c.fonts, c.sink);
    for (const auto& l : lines_of[k])
      if (l.overfull && !warned_width) {
        c.diag(core::Severity::kWarning, "LAYOUT-TABLE-WIDTH", pc.cell->text.location,
               "表格单元格内容超出列宽 / cell content wider than its column");
        warned_width = true;
      }
  }
  auto text_height = [&](std::size_t k) {
    return c.p.table_pitch * static_cast<std::int64_t>(std::max<std::size_t>(1, lines_of[k].size())) + pad * 2;
  };
  // Row heights: the tallest one-row cell; then a row-spanning cell that needs more than its
  // rows give it makes the last of them deeper.
  std::vector<Sp> height(nrows, c.p.table_pitch + pad * 2);
  for (std::size_t k = 0; k < grid.cells.size(); ++k)
    if (grid.cells[k].rowspan == 1) height[grid.cells[k].row] = std::max(height[grid.cells[k].row], text_height(k));
  for (std::size_t k = 0; k < grid.cells.size(); ++k) {
    const PlacedCell& pc = grid.cells[k];
    if (pc.rowspan == 1) continue;
    Sp have;
    for (int r = pc.row; r < pc.row + pc.rowspan; ++r) have += height[static_cast<std::size_t>(r)];
    if (text_height(k) > have) height[static_cast<std::size_t>(pc.row + pc.rowspan - 1)] += text_height(k) - have;
  }

  const model::Color black = model::Color::black();
  for (std::size_t ri = 0; ri < nrows; ++ri) {
    FlowRow row;
    row.kind = RowKind::kTable;
    row.tightenable = false;
    row.table = id;
    row.table_header = static_cast<int>(ri) < t.header_rows;
    // A row-spanning cell's rows stay on one page (they are one cell).
    row.keep_with_next = row.table_header || grid.spans_below(static_cast<int>(ri));
    row.landscape = t.landscape;
    row.height = height[ri];
    for (std::size_t k = 0; k < grid.cells.size(); ++k) {
      const PlacedCell& pc = grid.cells[k];
      if (pc.row != static_cast<int>(ri)) continue;
      // The cell's box runs over its rows; a spanning cell's text is centred vertically in it
      // (one-row cells: the text fills the row from the top, as before).
      Sp box;
      for (int r = pc.row; r < pc.row + pc.rowspan; ++r) box += height[static_cast<std::size_t>(r)];
      const Sp top = pc.rowspan > 1 ? (box - text_height(k)) / 2 : Sp();
      for (std::size_t li = 0; li < lines_of[k].size(); ++li)
        for (auto& item : line_items(c, lines_of[k][li], edge[static_cast<std::size_t>(pc.col)] + pad, c.p.table_pitch)) {
          translate_item(item, Sp(), top + pad + c.p.table_pitch * static_cast<std::int64_t>(li));
          row.items.push_back(std::move(item));
        }
    }
    // Borders: along the top and the bottom of the row except where a spanning cell goes on
    // across the line (runs of columns joined into one line each); the left edge of every
    // cell covering this row; the right edge.
    const int r_here = static_cast<int>(ri);
    auto horizontal = [&](Sp y, auto&& drawn) {
      for (int col = 0; col < ncols;) {
        if (!drawn(col)) {
          ++col;
          continue;
        }
        int end = col;
        while (end < ncols && drawn(end)) ++end;
        row.items.emplace_back(
            model::Line{edge[static_cast<std::size_t>(col)], y, edge[static_cast<std::size_t>(end)], y, rule, black});
        col = end;
      }
    };
    horizontal(Sp(), [&](int col) {
      const PlacedCell* h = grid.at(r_here, col);
      return !h || h->row == r_here;
    });
    horizontal(row.height, [&](int col) {
      const PlacedCell* h = grid.at(r_here, col);
      return !h || h->row + h->rowspan - 1 == r_here;
    });
    for (int col = 0; col < ncols; ++col) {
      const PlacedCell* h = grid.at(r_here, col);
      const Sp x = edge[static_cast<std::size_t>(col)];
      if (!h || h->col == col) row.items.emplace_back(model::Line{x, Sp(), x, row.height, rule, black});
    }
    row.items.emplace_back(model::Line{measure, Sp(), measure, row.height, rule, black});
    if (row.height > depth)
      c.diag(core::Severity::kError, "LAYOUT-TABLE", t.location, "表格行高超过一页 / a table row is taller than a page");
    rows.push_back(std::move(row));
  }
  // The text after the table goes back onto the line grid (5.2.3: 22 lines per page): a blank
  // completes the table's last line box, so a heading below it does not sit against the rule.
  Sp table_height;
  for (const Sp h : height) table_height += h;
  const Sp pitch = c.p.line_pitch();
  if (const Sp rest = pitch.v > 0 ? Sp(table_height.v % pitch.v) : Sp(); rest.v > 0) {
    FlowRow pad = blank_row(c, true);
    pad.height = pitch - rest;
    pad.tightenable = false;
    pad.landscape = t.landscape;
    rows.push_back(std::move(pad));
  }
  // Rows bound together by a spanning cell must fit on one page together.
  for (const auto& pc : grid.cells) {
    if (pc.rowspan == 1) continue;
    Sp total;
    for (int r = pc.row; r < pc.row + pc.rowspan; ++r) total += height[static_cast<std::size_t>(r)];
    if (total > depth)
      c.diag(core::Severity::kError, "LAYOUT-TABLE", pc.cell->text.location,
             "跨行单元格所跨各行超过一页 / the rows of a row-spanning cell are taller than a page");
  }
}

}  // namespace wenshu::layout

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

// The column edges across the measure (§8: the table is as wide as the type area), split by
// the table's column weights (docs/gongwen-format.md `column-weights`); weights that do not
// match the column count are ignored with a LAYOUT-TABLE warning and the columns are equal.
std::vector<Sp> column_edges(Composer& c, const model::Table& t, int ncols, Sp measure) {
  std::vector<std::int64_t> weights(static_cast<std::size_t>(ncols), 1);
  if (static_cast<int>(t.column_weights.size()) == ncols &&
      std::all_of(t.column_weights.begin(), t.column_weights.end(), [](int w) { return w > 0; }))
    weights.assign(t.column_weights.begin(), t.column_weights.end());
  else if (!t.column_weights.empty())
    c.diag(core::Severity::kWarning, "LAYOUT-TABLE", t.location,
           fmt::format("列宽比例数（{}）与列数（{}）不符，按等宽排版 / column weights ignored", t.column_weights.size(), ncols));
  const std::int64_t total = std::accumulate(weights.begin(), weights.end(), std::int64_t{0});
  std::vector<Sp> edge(static_cast<std::size_t>(ncols) + 1);
  std::int64_t acc = 0;
  for (int k = 0; k < ncols; ++k) {
    edge[static_cast<std::size_t>(k)] = Sp(measure.v * acc / total);
    acc += weights[static_cast<std::size_t>(k)];
  }
  edge.back() = measure;
  return edge;
}

// The caption, centred above the table in the label face at the body size; its lines keep
// with the table's first row and go onto the table's (landscape) pages with it.
void append_caption(Composer& c, std::vector<FlowRow>& rows, const model::Table& t, Sp measure) {
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

// A table being set: its cell grid, column edges, the set lines of each cell (indexed as
// grid.cells) and the height of each row.
struct TableSetting {
  CellGrid grid;
  std::vector<Sp> edge;
  std::vector<std::vector<LineBox>> lines;
  std::vector<Sp> height;

  /// The depth of the rows a cell covers (its box).
  Sp rows_depth(const PlacedCell& pc) const {
    Sp depth;
    for (int r = pc.row; r < pc.row + pc.rowspan; ++r) depth += height[static_cast<std::size_t>(r)];
    return depth;
  }
  /// The depth cell k's text needs: its lines (at least one) at the table pitch, plus padding.
  Sp text_height(const Composer& c, std::size_t k) const {
    return c.p.table_pitch * static_cast<std::int64_t>(std::max<std::size_t>(1, lines[k].size())) +
           c.p.table_padding * 2;
  }
};

// Sets every cell's text in its column width at the table size. A cell's wrapped text is
// justified like the body (its last line ragged), so every line but the last ends at the
// cell's padding; text wider than its column is warned about once per table.
void set_cells(Composer& c, TableSetting& ts) {
  const Sp pad = c.p.table_padding;
  bool warned_width = false;
  ts.lines.assign(ts.grid.cells.size(), {});
  for (std::size_t k = 0; k < ts.grid.cells.size(); ++k) {
    const PlacedCell& pc = ts.grid.cells[k];
    const Sp x0 = ts.edge[static_cast<std::size_t>(pc.col)];
    const Sp x1 = ts.edge[static_cast<std::size_t>(pc.col + pc.colspan)];
    ParagraphStyle s = c.style(c.p.roles.body, c.p.table_size);
    s.align = pc.cell->align == model::TableCell::Align::kCenter ? Align::kCenter
              : pc.cell->align == model::TableCell::Align::kEnd  ? Align::kRight
                                                                 : Align::kJustify;
    ts.lines[k] = set_paragraph(pc.cell->text.value, pc.cell->text.location, s, x1 - x0 - pad * 2, c.fonts, c.sink);
    for (const auto& l : ts.lines[k])
      if (l.overfull && !warned_width) {
        c.diag(core::Severity::kWarning, "LAYOUT-TABLE-WIDTH", pc.cell->text.location,
               "表格单元格内容超出列宽 / cell content wider than its column");
        warned_width = true;
      }
  }
}

// Row heights: the tallest one-row cell (at least one line); then a row-spanning cell that
// needs more than its rows give it makes the last of them deeper.
void size_rows(const Composer& c, TableSetting& ts, std::size_t nrows) {
  ts.height.assign(nrows, c.p.table_pitch + c.p.table_padding * 2);
  for (std::size_t k = 0; k < ts.grid.cells.size(); ++k) {
    const PlacedCell& pc = ts.grid.cells[k];
    if (pc.rowspan == 1) ts.height[pc.row] = std::max(ts.height[pc.row], ts.text_height(c, k));
  }
  for (std::size_t k = 0; k < ts.grid.cells.size(); ++k) {
    const PlacedCell& pc = ts.grid.cells[k];
    if (pc.rowspan == 1) continue;
    const Sp have = ts.rows_depth(pc);
    if (ts.text_height(c, k) > have)
      ts.height[static_cast<std::size_t>(pc.row + pc.rowspan - 1)] += ts.text_height(c, k) - have;
  }
}

// The text of the cells that start in row `ri`. The cell's box runs over its rows; a spanning
// cell's text is centred vertically in it (one-row cells: the text fills the row from the top).
void add_cell_text(const Composer& c, const TableSetting& ts, int ri, FlowRow& row) {
  const Sp pad = c.p.table_padding;
  for (std::size_t k = 0; k < ts.grid.cells.size(); ++k) {
    const PlacedCell& pc = ts.grid.cells[k];
    if (pc.row != ri) continue;
    const Sp top = pc.rowspan > 1 ? (ts.rows_depth(pc) - ts.text_height(c, k)) / 2 : Sp();
    for (std::size_t li = 0; li < ts.lines[k].size(); ++li)
      for (auto& item : line_items(c, ts.lines[k][li], ts.edge[static_cast<std::size_t>(pc.col)] + pad, c.p.table_pitch)) {
        translate_item(item, Sp(), top + pad + c.p.table_pitch * static_cast<std::int64_t>(li));
        row.items.push_back(std::move(item));
      }
  }
}

// The rules of row `ri`: along its top and its bottom except where a spanning cell goes on
// across the line (runs of columns joined into one line each); the left edge of every cell
// covering this row; the right edge of the table at `measure`.
void add_row_borders(const Composer& c, const TableSetting& ts, int ri, Sp measure, FlowRow& row) {
  const Sp rule = c.p.table_rule;
  const model::Color black = model::Color::black();
  const int ncols = ts.grid.ncols;
  auto horizontal = [&](Sp y, auto&& drawn) {
    for (int col = 0; col < ncols;) {
      if (!drawn(col)) {
        ++col;
        continue;
      }
      int end = col;
      while (end < ncols && drawn(end)) ++end;
      row.items.emplace_back(
          model::Line{ts.edge[static_cast<std::size_t>(col)], y, ts.edge[static_cast<std::size_t>(end)], y, rule, black});
      col = end;
    }
  };
  horizontal(Sp(), [&](int col) {
    const PlacedCell* h = ts.grid.at(ri, col);
    return !h || h->row == ri;
  });
  horizontal(row.height, [&](int col) {
    const PlacedCell* h = ts.grid.at(ri, col);
    return !h || h->row + h->rowspan - 1 == ri;
  });
  for (int col = 0; col < ncols; ++col) {
    const PlacedCell* h = ts.grid.at(ri, col);
    const Sp x = ts.edge[static_cast<std::size_t>(col)];
    if (!h || h->col == col) row.items.emplace_back(model::Line{x, Sp(), x, row.height, rule, black});
  }
  row.items.emplace_back(model::Line{measure, Sp(), measure, row.height, rule, black});
}

// One flow row of table `id`: not tightenable (its height is its content's), header rows
// flagged for the paginator to repeat, kept with the next row while a row-spanning cell's
// rows continue (they are one cell, so they stay on one page).
FlowRow table_row(const Composer& c, const model::Table& t, const TableSetting& ts, int id, int ri, Sp measure) {
  FlowRow row;
  row.kind = RowKind::kTable;
  row.tightenable = false;
  row.table = id;
  row.table_header = ri < t.header_rows;
  row.keep_with_next = row.table_header || ts.grid.spans_below(ri);
  row.landscape = t.landscape;
  row.height = ts.height[static_cast<std::size_t>(ri)];
  add_cell_text(c, ts, ri, row);
  add_row_borders(c, ts, ri, measure, row);
  return row;
}

// The text after the table goes back onto the line grid (5.2.3, docs/gbt9704.md A1: 22 lines
// per page): a blank completes the table's last line box, so a heading below it does not sit
// against the rule.
void append_grid_blank(Composer& c, std::vector<FlowRow>& rows, const model::Table& t, const TableSetting& ts) {
  Sp table_height;
  for (const Sp h : ts.height) table_height += h;
  const Sp pitch = c.p.line_pitch();
  if (const Sp rest = pitch.v > 0 ? Sp(table_height.v % pitch.v) : Sp(); rest.v > 0) {
    FlowRow pad = blank_row(c, true);
    pad.height = pitch - rest;
    pad.tightenable = false;
    pad.landscape = t.landscape;
    rows.push_back(std::move(pad));
  }
}

// Rows bound together by a spanning cell must fit on one page together (rows never split):
// a LAYOUT-TABLE error when they cannot.
void check_spanning_depth(Composer& c, const TableSetting& ts, Sp depth) {
  for (const auto& pc : ts.grid.cells)
    if (pc.rowspan != 1 && ts.rows_depth(pc) > depth)
      c.diag(core::Severity::kError, "LAYOUT-TABLE", pc.cell->text.location,
             "跨行单元格所跨各行超过一页 / the rows of a row-spanning cell are taller than a page");
}

}  // namespace

// A table in steps: cell grid, column edges, caption, cell text, row heights, one flow row per
// table row (a row taller than a page is a LAYOUT-TABLE error), the blank back onto the grid,
// the depth check of spanning cells.
void append_table(Composer& c, std::vector<FlowRow>& rows, const model::Table& t) {
  if (t.rows.empty()) return;
  // §8, docs/gbt9704.md A7: a landscape table is set across the type-area HEIGHT (225 mm) on
  // pages of its own, rotated when the page is built (layout.cc); its rows are then at most
  // the type-area width deep.
  const Sp measure = t.landscape ? c.p.type_height : c.p.type_width;
  const Sp depth = t.landscape ? c.p.type_width : c.p.type_height;
  TableSetting ts;
  ts.grid = place_cells(c, t);
  if (ts.grid.ncols == 0) return;
  ts.edge = column_edges(c, t, ts.grid.ncols, measure);
  if (!t.caption.empty()) append_caption(c, rows, t, measure);
  const int id = c.next_table++;
  set_cells(c, ts);
  size_rows(c, ts, t.rows.size());
  for (int ri = 0; ri < static_cast<int>(t.rows.size()); ++ri) {
    FlowRow row = table_row(c, t, ts, id, ri, measure);
    if (row.height > depth)
      c.diag(core::Severity::kError, "LAYOUT-TABLE", t.location, "表格行高超过一页 / a table row is taller than a page");
    rows.push_back(std::move(row));
  }
  append_grid_blank(c, rows, t, ts);
  check_spanning_depth(c, ts, depth);
}

}  // namespace wenshu::layout

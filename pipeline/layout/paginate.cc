// Pagination of the 主体 flow (gbt9704.md A8, C9): forced breaks before attachments,
// widow/orphan control, keep-with-next, repeated table headers, and the signature pull-back
// of GB/T 9704-2012 7.3.5.5 (tighten the page, then take body lines along — never a
// "此页无正文" page).
#include <algorithm>
#include <map>

#include "layout/flow.h"

namespace wenshu::layout {
namespace {

class Pager {
 public:
  Pager(const std::vector<FlowRow>& rows, const FlowFrame& frame, PaginateReport& report)
      : rows_(rows), frame_(frame), report_(report) {
    for (std::size_t i = 0; i < rows.size(); ++i)
      if (rows[i].table >= 0 && rows[i].table_header) headers_[rows[i].table].push_back(i);
  }

  std::vector<FlowPage> run() {
    open_page(0);
    std::size_t i = 0;
    const std::size_t n = rows_.size();
    // Each iteration either places a row or opens a page that can hold it; a page that
    // already holds rows is never re-opened for the same row twice, so this terminates.
    while (i < n) {
      const FlowRow& r = rows_[i];
      // §8, gbt9704.md A7: a landscape table gets pages of its own; the text after it
      // resumes on a new portrait page.
      if (frame_.landscape_depth.v > 0 && r.landscape != cur().landscape) {
        if (!has_content() && pages_.size() > 1 && !r.discard_at_top) {
          set_orientation(cur(), r.landscape);
        } else if (has_content()) {
          open_page(i);
        } else if (r.discard_at_top) {
          ++i;
        } else {
          open_page(i);  // page 1 keeps its 版头 portrait
        }
        continue;
      }
      if (r.new_page && has_content()) {
        open_page(i);
        continue;
      }
      if (!has_content() && r.discard_at_top) {
        ++i;
        continue;
      }
      if (r.signature && (i == 0 || !rows_[i - 1].signature)) {
        i = place_signature(i);
        continue;
      }
      if (y() + r.height <= cur().bottom || !has_content()) {
        place(i);
        ++i;
        continue;
      }
      i = break_before(i);
    }
    return std::move(pages_);
  }

 private:
  FlowPage& cur() { return pages_.back(); }
  Sp y() { return cur().content_bottom(); }
  bool has_content() {
    return std::any_of(cur().rows.begin(), cur().rows.end(), [](const PlacedRow& p) { return !p.repeated; });
  }
  // Index of the first row placed on the current page (not counting repeated headers).
  std::size_t first_on_page() {
    for (const auto& p : cur().rows)
      if (!p.repeated) return p.row;
    return rows_.size();
  }
  void place(std::size_t i, bool repeated = false) {
    cur().rows.push_back({i, y(), rows_[i].height, repeated});
  }
  // Opens a page for the row `next`; repeats the header rows of its table (§8: 表头 on
  // every page) when the table continues from the previous page.
  void open_page(std::size_t next) {
    FlowPage p;
    const bool first = pages_.empty();
    p.top = first ? frame_.first_top : frame_.top;
    p.bottom = first ? frame_.first_bottom : frame_.bottom;
    if (!first && next < rows_.size() && rows_[next].landscape && frame_.landscape_depth.v > 0)
      set_orientation(p, true);
    pages_.push_back(std::move(p));
    if (next < rows_.size() && rows_[next].table >= 0 && !rows_[next].table_header) {
      const auto it = headers_.find(rows_[next].table);
      if (it != headers_.end() && !it->second.empty() && it->second.front() < next)
        for (std::size_t h : it->second) place(h, true);
    }
  }
  // Turns an empty non-first page landscape (region [0, depth) of the rotated frame) or back.
  void set_orientation(FlowPage& p, bool landscape) {
    p.landscape = landscape;
    p.top = landscape ? Sp() : frame_.top;
    p.bottom = landscape ? frame_.landscape_depth : frame_.bottom;
  }
  // Removes the rows >= `from` placed on the current page.
  void unplace_from(std::size_t from) {
    auto& rs = cur().rows;
    while (!rs.empty() && rs.back().row >= from && !rs.back().repeated) rs.pop_back();
  }

  // Breaks the page before row i (which does not fit); returns the next row to place.
  std::size_t break_before(std::size_t i) {
    const FlowRow& r = rows_[i];
    const std::size_t first = first_on_page();
    std::size_t brk = i;
    bool widow = false, orphan = false;
    if (i > first && r.group >= 0 && rows_[i - 1].group == r.group) {
      if (r.lines >= 2 && r.line == r.lines - 1) {
        // C9 孤行: the last line of a paragraph would stand alone at the next page's top.
        brk = i - 1;
        widow = true;
      } else if (r.line == 1 && r.lines > 2) {
        // The paragraph's first line would stand alone at the bottom of this page.
        brk = i - 1;
        orphan = true;
      }
    }
    // Headings and titles stay with what follows them.
    while (brk > first && rows_[brk - 1].keep_with_next) --brk;
    if (brk <= first) {
      brk = i;  // moving more would empty the page: accept the widow
      widow = orphan = false;
    }
    if (widow) ++report_.widows_avoided;
    if (orphan) ++report_.orphans_avoided;
    unplace_from(brk);
    open_page(brk);
    return brk;
  }

  // The 署名/日期 block starting at row g0: kept together and with text before it.
  std::size_t place_signature(std::size_t g0) {
    std::size_t g1 = g0;
    Sp need;
    while (g1 < rows_.size() && rows_[g1].signature) need += rows_[g1++].height;
    if (y() + need <= cur().bottom) {
      for (std::size_t k = g0; k < g1; ++k) place(k);
      return g1;
    }
    if (!has_content()) {
      // An empty page: nothing here to keep the block with (it is taller than the page).
      ++report_.stranded_signatures;
      for (std::size_t k = g0; k < g1; ++k) place(k);
      return g1;
    }
    if (try_tighten(g0, g1)) {
      ++report_.tightened_pages;
      return g1;
    }
    // Take the last two text lines (one if the paragraph has one), or the last table row (a
    // form's last line), along to the next page.
    const std::size_t first = first_on_page();
    std::size_t k = g0;
    int moved = 0;
    while (k > first && moved < 2) {
      --k;
      if (rows_[k].kind == RowKind::kTable) {
        ++moved;
        break;
      }
      if (rows_[k].kind == RowKind::kText) ++moved;
      if (rows_[k].kind == RowKind::kText && rows_[k].line == 0 && moved >= 1) break;
    }
    // Do not strand the first line of a longer paragraph (orphan) or a heading.
    if (k > first && rows_[k].group >= 0 && rows_[k].line == 1 && rows_[k - 1].group == rows_[k].group) --k;
    while (k > first && rows_[k - 1].keep_with_next) --k;
    if (k <= first || moved == 0) k = g0;  // moving would empty the page
    if (k >= g0) {
      ++report_.stranded_signatures;  // nothing can move: the block starts the next page
      open_page(g0);
      return g0;
    }
    ++report_.pushed_signatures;
    unplace_from(k);
    open_page(k);
    return k;
  }

  // 7.3.5.5: shrink the pitch of this page's rows (and the block's) uniformly so that the
  // block fits, within the profile's bound. Returns false (page unchanged) if it cannot.
  bool try_tighten(std::size_t g0, std::size_t g1) {
    FlowPage& p = cur();
    std::vector<std::size_t> all;
    for (const auto& pr : p.rows) all.push_back(pr.row);
    std::vector<bool> repeated;
    for (const auto& pr : p.rows) repeated.push_back(pr.repeated);
    for (std::size_t k = g0; k < g1; ++k) {
      all.push_back(k);
      repeated.push_back(false);
    }
    Sp fixed, flex;
    for (std::size_t k : all) (rows_[k].tightenable ? flex : fixed) += rows_[k].height;
    const Sp cap = p.bottom - p.top;
    if (flex.v <= 0 || fixed + flex <= cap) return false;
    const Sp room = cap - fixed;
    // The scale room/flex must not bring the body pitch below min_pitch.
    if (room.v <= 0 || room.v * frame_.natural_pitch.v < flex.v * frame_.min_pitch.v) return false;
    p.rows.clear();
    Sp y = p.top;
    for (std::size_t j = 0; j < all.size(); ++j) {
      const FlowRow& r = rows_[all[j]];
      const Sp h = r.tightenable ? Sp(r.height.v * room.v / flex.v) : r.height;
      p.rows.push_back({all[j], y, h, repeated[j]});
      y += h;
    }
    p.tightened = true;
    return true;
  }

  const std::vector<FlowRow>& rows_;
  const FlowFrame& frame_;
  PaginateReport& report_;
  std::vector<FlowPage> pages_;
  std::map<int, std::vector<std::size_t>> headers_;
};

}  // namespace

std::vector<FlowPage> paginate(const std::vector<FlowRow>& rows, const FlowFrame& frame, PaginateReport* report) {
  PaginateReport local;
  Pager pager(rows, frame, report ? *report : local);
  return pager.run();
}

Sp placed_item_dy(const FlowRow& row, const PlacedRow& placed) {
  return placed.y - (row.height - placed.height) / 2;
}

void translate_item(model::Item& item, Sp dx, Sp dy) {
  std::visit(
      [&](auto& it) {
        using T = std::decay_t<decltype(it)>;
        if constexpr (std::is_same_v<T, model::GlyphRun>) {
          it.baseline += dy;
          for (auto& g : it.glyphs) g.x += dx;
        } else if constexpr (std::is_same_v<T, model::Line>) {
          it.x0 += dx;
          it.x1 += dx;
          it.y0 += dy;
          it.y1 += dy;
        } else if constexpr (std::is_same_v<T, model::Rect> || std::is_same_v<T, model::Image>) {
          it.x += dx;
          it.y += dy;
        } else {
          for (auto& [x, y] : it.points) {
            x += dx;
            y += dy;
          }
        }
      },
      item);
}

}  // namespace wenshu::layout

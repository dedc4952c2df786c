// The vertical flow between the page builders and the paginator: the 主体 as a list of rows
// (line boxes), each with its natural height, its drawing items relative to the row, and the
// properties pagination needs (GB/T 9704-2012 7.3.3, 7.3.5.5, 7.3.7; gbt9704.md A8, C9).
// Internal to the layout stage.
#pragma once
#include <cstddef>
#include <vector>

#include "core/units.h"
#include "model/page.h"

namespace wenshu::layout {

using core::Sp;

/// What a row is; pagination treats kinds differently.
enum class RowKind { kBlank, kTitle, kText, kSignature, kTable };

/// One row of the flow. Items use x from the type-area left edge and y from the row's top.
struct FlowRow {
  RowKind kind = RowKind::kText;
  Sp height;                      ///< natural height (the row's line pitch)
  std::vector<model::Item> items;
  int group = -1;                 ///< paragraph id for widow/orphan control (-1: none)
  int line = 0;                   ///< index of this line in its paragraph
  int lines = 1;                  ///< lines of the paragraph
  bool keep_with_next = false;    ///< headings, title lines, attachment heads
  bool new_page = false;          ///< starts a new page (附件, 7.3.7)
  bool body = false;              ///< a line of 正文 (page 1 rule, 7.3.3)
  bool signature = false;         ///< part of the 署名/日期 block (kept together, with body)
  bool discard_at_top = false;    ///< a blank line that vanishes at the top of a page
  bool tightenable = true;        ///< its pitch may shrink in a pull-back (7.3.5.5)
  int table = -1;                 ///< table id for header repetition
  bool table_header = false;      ///< a header row of `table` (repeated on each page, §8)
  /// Set on its own landscape pages (§8, gbt9704.md A7): x runs along the type-area height,
  /// the row's height across the type-area width.
  bool landscape = false;
};

/// A row placed on a page: `y` is the top of its (possibly tightened) box on the page.
struct PlacedRow {
  std::size_t row = 0;
  Sp y;
  Sp height;
  bool repeated = false;          ///< a table header row repeated at a page top
};

/// One page of flow.
struct FlowPage {
  std::vector<PlacedRow> rows;
  Sp top, bottom;                 ///< the flow region of this page
  bool tightened = false;         ///< pitches were shrunk to pull a signature back
  bool landscape = false;         ///< a landscape page: rows run across the type-area width
  Sp content_bottom() const { return rows.empty() ? top : rows.back().y + rows.back().height; }
};

/// The flow region of each page: page 1 starts below the 版头; others use the type area.
struct FlowFrame {
  Sp first_top, first_bottom;     ///< page 1
  Sp top, bottom;                 ///< following pages
  Sp natural_pitch;               ///< body line pitch (for the tightening bound)
  Sp min_pitch;                   ///< the tightest body pitch a pull-back may use
  /// Depth of a landscape page's flow (the type-area width); its region is [0, depth) in the
  /// rotated frame. Zero: landscape rows are set on portrait pages.
  Sp landscape_depth = {};
};

/// Statistics of a pagination, for diagnostics and tests.
struct PaginateReport {
  int tightened_pages = 0;        ///< pages whose pitch was shrunk for a signature
  int pushed_signatures = 0;      ///< signatures that took body lines to a new page
  /// Signature blocks that had to start a page with nothing before them (no row could go
  /// with them: the page holds one unbreakable row); the layout reports each.
  int stranded_signatures = 0;
  int widows_avoided = 0;
  int orphans_avoided = 0;
};

/// Breaks `rows` into pages (gbt9704.md A8): landscape rows on pages of their own,
/// forced breaks, widows and orphans avoided when
/// the page keeps other content, keep-with-next, table headers repeated, and the signature
/// block never alone on a page — first by tightening that page's pitch within
/// `frame.min_pitch`, then by taking body lines along to the next page.
std::vector<FlowPage> paginate(const std::vector<FlowRow>& rows, const FlowFrame& frame,
                               PaginateReport* report = nullptr);

/// The offset to add to a row's items when it is placed: x from the type area, y so that the
/// content stays centred in a tightened box.
Sp placed_item_dy(const FlowRow& row, const PlacedRow& placed);

/// Moves every item by (dx, dy).
void translate_item(model::Item& item, Sp dx, Sp dy);

}  // namespace wenshu::layout

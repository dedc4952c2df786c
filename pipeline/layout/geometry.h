// Where things go on a page: the type area of a given page (mirrored margins as a profile
// switch), grid cells and insets, the vertical centring of an em box in a line box, and the
// pure placement decisions that need no fonts (page numbers, the 版记 even-page rule).
#pragma once
#include <vector>

#include "layout/layout_profile.h"

namespace wenshu::layout {

/// The type area (版心) of one page, in page coordinates (origin top-left, y down).
struct TypeArea {
  Sp left, top, width, height;
  Sp right() const { return left + width; }
  Sp bottom() const { return top + height; }
};

/// The type area of page `page_number` (1-based physical side). With mirrored margins even
/// pages put the binding margin on the right (gbt9704.md A1, "订口").
inline TypeArea type_area(const LayoutProfile& p, int page_number) {
  TypeArea a{p.margin_binding, p.margin_top, p.type_width, p.type_height};
  if (p.mirror_margins && page_number % 2 == 0) a.left = p.paper_width - p.margin_binding - p.type_width;
  return a;
}

/// x of the left end of text "left-inset n" (空 n 字, gbt9704.md §F: n body cells).
inline Sp inset_left(const LayoutProfile& p, const TypeArea& a, int cells) { return a.left + p.cell() * cells; }
/// x of the right end of text "right-inset n".
inline Sp inset_right(const LayoutProfile& p, const TypeArea& a, int cells) { return a.right() - p.cell() * cells; }

/// Baseline of a glyph of `size` whose em box is centred vertically in a line box of height
/// `pitch` starting at `top` (gbt9704.md §F: glyph centred in its line box).
inline Sp centred_baseline(const LayoutProfile& p, Sp top, Sp pitch, Sp size) {
  return top + (pitch - size) / 2 + size * p.em_ascent_permille / 1000;
}
/// Baseline of a glyph of `size` whose em box top is at `em_top`.
inline Sp baseline_from_em_top(const LayoutProfile& p, Sp em_top, Sp size) {
  return em_top + size * p.em_ascent_permille / 1000;
}

/// Where the page number `— N —` of a page goes: the left end x of the group and the baseline.
struct PageNumberPlacement {
  Sp x;         ///< left end of the whole group (first dash)
  Sp baseline;
};

/// GB/T 9704-2012 7.5: the group sits 7 mm below the type area (its em box top there); odd
/// pages right-inset 1, even pages left-inset 1. `group_width` is the set width of `— N —`.
PageNumberPlacement place_page_number(const LayoutProfile& p, int page_number, Sp group_width);

/// How the 版记 lands (gbt9704.md A6), given L = the last page with content (1-based), whether
/// the 版记 fits below the content of L, and the page count before it.
struct ImprintPlacement {
  int page = 0;                    ///< 1-based page that carries the 版记 at its bottom
  int total_pages = 0;             ///< pages in the document after placing it
  std::vector<int> unnumbered;     ///< 1-based pages that get no page number (7.5)
};

/// A6: L even and fits → bottom of L; L odd → alone at the bottom of L+1, numbered; L even and
/// does not fit → L+1 blank, 版记 on L+2, both unnumbered. With `even_rule` off (letters, or a
/// profile that does not print double-sided) the 版记 goes on L if it fits, else on L+1.
ImprintPlacement place_imprint(int last_content_page, bool fits_on_last, bool even_rule = true);

/// The Chinese size names used by GB/T 9704 (gbt9704.md A1: Word's point values).
Sp size_of_hao(int hao);

}  // namespace wenshu::layout

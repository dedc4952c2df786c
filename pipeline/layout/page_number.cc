// Page numbers (GB/T 9704-2012 7.5): `— N —` in 4号 half-width 宋体 digits, the group 7 mm
// below the type area, odd pages right-inset 1, even pages left-inset 1.
#include "layout/geometry.h"

namespace wenshu::layout {

PageNumberPlacement place_page_number(const LayoutProfile& p, int page_number, Sp group_width) {
  const TypeArea a = type_area(p, page_number);
  PageNumberPlacement out;
  // 7.5: "一字线上距版心下边缘7mm" — the top of the group's em box 7 mm below the type area.
  out.baseline = baseline_from_em_top(p, a.bottom() + p.page_number_drop, p.page_number_size);
  if (page_number % 2 == 1)
    out.x = inset_right(p, a, p.page_number_inset_cells) - group_width;
  else
    out.x = inset_left(p, a, p.page_number_inset_cells);
  return out;
}

Sp size_of_hao(int hao) {
  // gbt9704.md A1: the point values Word and most tools use.
  switch (hao) {
    case 0: return core::pt(42);
    case 1: return core::pt(26);
    case 2: return core::pt(22);
    case 3: return core::pt(16);
    case 4: return core::pt(14);
    case 5: return core::pt(10.5);
    case 6: return core::pt(7.5);
    default: return core::pt(16);
  }
}

}  // namespace wenshu::layout

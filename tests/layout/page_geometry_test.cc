// Pure page geometry: grid, page-number placement, the 版记 even-page rule (gbt9704.md A6).
#include <catch2/catch.hpp>

#include "layout/geometry.h"
#include "layout/layout_profile.h"

using namespace wenshu;
using namespace wenshu::layout;
using core::mm;
using core::pt;

namespace {
bool near(core::Sp a, core::Sp b, double tol_pt = 0.001) {
  return std::abs(core::to_pt(a) - core::to_pt(b)) <= tol_pt;
}
}  // namespace

TEST_CASE("page geometry: default grid is 22 lines of 28.99 pt and 28 cells of 15.79 pt") {
  const auto& p = default_profile();
  CHECK(near(p.line_pitch(), pt(637.795 / 22), 0.01));
  CHECK(std::abs(core::to_pt(p.line_pitch()) - 28.99) < 0.005);
  CHECK(std::abs(core::to_pt(p.cell()) - 15.793) < 0.001);
  // 22 line boxes fill the type area to within rounding (< 22 sp).
  CHECK((p.type_height - p.line_pitch() * 22).v < 22);
  CHECK((p.type_width - p.cell() * 28).v < 28);
  const TypeArea a = type_area(p, 1);
  CHECK(near(a.left, mm(28)));
  CHECK(near(a.top, mm(37)));
  CHECK(near(a.right(), mm(184)));
  CHECK(near(a.bottom(), mm(262)));
}

TEST_CASE("page geometry: mirrored margins move the type area of even pages only") {
  LayoutProfile p;
  CHECK(type_area(p, 2).left == type_area(p, 1).left);
  p.mirror_margins = true;
  CHECK(near(type_area(p, 1).left, mm(28)));
  CHECK(near(type_area(p, 2).left, mm(26)));
  CHECK(near(type_area(p, 3).left, mm(28)));
}

TEST_CASE("page geometry: glyphs are centred vertically in their line box") {
  const auto& p = default_profile();
  const core::Sp top = mm(37);
  const core::Sp base = centred_baseline(p, top, p.line_pitch(), p.body_size);
  // em box from base - 0.88 em to base + 0.12 em; equal space above and below.
  const core::Sp em_top = base - p.body_size * 880 / 1000;
  const core::Sp em_bottom = em_top + p.body_size;
  CHECK(near(em_top - top, top + p.line_pitch() - em_bottom, 0.0001));
}

TEST_CASE("page numbers: odd pages right-inset 1, even pages left-inset 1, 7 mm below") {
  const auto& p = default_profile();
  const core::Sp w = pt(60);
  const auto odd = place_page_number(p, 3, w);
  const auto even = place_page_number(p, 4, w);
  const TypeArea a = type_area(p, 3);
  CHECK(odd.x + w == a.right() - p.cell());
  CHECK(even.x == a.left + p.cell());
  // em top of the 4号 group 7 mm below the type area
  CHECK(near(odd.baseline - p.page_number_size * 880 / 1000, mm(262 + 7)));
  CHECK(odd.baseline == even.baseline);
}

TEST_CASE("版记 even-page rule: the three cases of gbt9704.md A6") {
  SECTION("L even and fits: bottom of L, all numbered") {
    const auto r = place_imprint(4, true);
    CHECK(r.page == 4);
    CHECK(r.total_pages == 4);
    CHECK(r.unnumbered.empty());
  }
  SECTION("L odd: alone at the bottom of L+1, numbered (fits or not)") {
    for (bool fits : {true, false}) {
      const auto r = place_imprint(3, fits);
      CHECK(r.page == 4);
      CHECK(r.total_pages == 4);
      CHECK(r.unnumbered.empty());
    }
    CHECK(place_imprint(1, true).page == 2);
  }
  SECTION("L even and does not fit: L+1 blank, 版记 on L+2, both unnumbered") {
    const auto r = place_imprint(2, false);
    CHECK(r.page == 4);
    CHECK(r.total_pages == 4);
    CHECK(r.unnumbered == std::vector<int>{3, 4});
  }
  SECTION("single-sided profile: fits on L or goes to L+1") {
    CHECK(place_imprint(3, true, false).page == 3);
    CHECK(place_imprint(3, false, false).page == 4);
  }
}

TEST_CASE("profile: sizes by 号 name") {
  CHECK(size_of_hao(2) == pt(22));
  CHECK(size_of_hao(3) == pt(16));
  CHECK(size_of_hao(4) == pt(14));
  CHECK(describe_profile(default_profile()).find("line_pitch = ") != std::string::npos);
}

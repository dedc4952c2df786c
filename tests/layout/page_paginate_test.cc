// The paginator on synthetic rows (no fonts): widows, keep-with-next, table headers,
// forced breaks and the signature pull-back bound (gbt9704.md A8, C9).
#include <catch2/catch.hpp>

#include "layout/flow.h"

using namespace wenshu;
using namespace wenshu::layout;
using core::pt;

namespace {

const FlowFrame kFrame{pt(0), pt(100), pt(0), pt(100), pt(10), pt(9)};  // 10 rows of 10 pt

FlowRow text(int group, int line, int lines) {
  FlowRow r;
  r.kind = RowKind::kText;
  r.height = pt(10);
  r.group = group;
  r.line = line;
  r.lines = lines;
  r.body = true;
  return r;
}

void add_para(std::vector<FlowRow>& rows, int group, int lines) {
  for (int k = 0; k < lines; ++k) rows.push_back(text(group, k, lines));
}

std::size_t rows_on(const FlowPage& p) { return p.rows.size(); }

}  // namespace

TEST_CASE("paginate: the last line of a paragraph never stands alone at a page top") {
  std::vector<FlowRow> rows;
  add_para(rows, 0, 8);
  add_para(rows, 1, 3);  // lines 8, 9 on page 1 → its last line would be alone on page 2
  PaginateReport rep;
  const auto pages = paginate(rows, kFrame, &rep);
  REQUIRE(pages.size() == 2);
  CHECK(rows_on(pages[0]) == 9);
  CHECK(rows_on(pages[1]) == 2);
  CHECK(rep.widows_avoided == 1);
}

TEST_CASE("paginate: a heading stays with the next line") {
  std::vector<FlowRow> rows;
  add_para(rows, 0, 9);
  FlowRow h = text(1, 0, 1);
  h.keep_with_next = true;
  rows.push_back(h);
  add_para(rows, 2, 1);
  const auto pages = paginate(rows, kFrame);
  REQUIRE(pages.size() == 2);
  CHECK(rows_on(pages[0]) == 9);
  CHECK(pages[1].rows.front().row == 9);
}

TEST_CASE("paginate: forced breaks and blank lines at a page top") {
  std::vector<FlowRow> rows;
  add_para(rows, 0, 2);
  FlowRow head = text(1, 0, 1);
  head.new_page = true;
  rows.push_back(head);
  const auto pages = paginate(rows, kFrame);
  REQUIRE(pages.size() == 2);
  CHECK(pages[1].rows.front().row == 2);
  CHECK(pages[1].rows.front().y == pt(0));

  std::vector<FlowRow> more;
  add_para(more, 0, 10);
  FlowRow blank;
  blank.kind = RowKind::kBlank;
  blank.height = pt(10);
  blank.discard_at_top = true;
  more.push_back(blank);
  add_para(more, 1, 1);
  const auto p2 = paginate(more, kFrame);
  REQUIRE(p2.size() == 2);
  CHECK(p2[1].rows.size() == 1);  // the blank line vanished at the top of page 2
}

TEST_CASE("paginate: table header rows repeat on the next page") {
  std::vector<FlowRow> rows;
  for (int k = 0; k < 15; ++k) {
    FlowRow r;
    r.kind = RowKind::kTable;
    r.height = pt(10);
    r.table = 0;
    r.table_header = k == 0;
    r.tightenable = false;
    rows.push_back(r);
  }
  const auto pages = paginate(rows, kFrame);
  REQUIRE(pages.size() == 2);
  CHECK(pages[1].rows.front().row == 0);
  CHECK(pages[1].rows.front().repeated);
  CHECK(pages[1].rows.size() == 6);  // header + rows 10..14
}

TEST_CASE("paginate: signature block tightened within the bound, else pushed with text") {
  auto sig_rows = [](std::vector<FlowRow>& rows) {
    for (int k = 0; k < 2; ++k) {
      FlowRow s;
      s.kind = RowKind::kSignature;
      s.height = pt(10);
      s.signature = true;
      rows.push_back(s);
    }
  };
  SECTION("9 lines + 2: tightened to 100/11 ≈ 9.09 pt ≥ 9 pt") {
    std::vector<FlowRow> rows;
    add_para(rows, 0, 9);
    sig_rows(rows);
    PaginateReport rep;
    const auto pages = paginate(rows, kFrame, &rep);
    REQUIRE(pages.size() == 1);
    CHECK(pages[0].tightened);
    CHECK(rep.tightened_pages == 1);
    CHECK(pages[0].content_bottom() <= pt(100));
    CHECK(pages[0].rows[1].height < pt(10));
  }
  SECTION("10 lines + 2: beyond the bound, two lines go along") {
    std::vector<FlowRow> rows;
    add_para(rows, 0, 4);
    add_para(rows, 1, 6);
    sig_rows(rows);
    PaginateReport rep;
    const auto pages = paginate(rows, kFrame, &rep);
    REQUIRE(pages.size() == 2);
    CHECK(rep.pushed_signatures == 1);
    CHECK(pages[0].rows.size() == 8);
    CHECK(pages[1].rows.size() == 4);
    CHECK_FALSE(pages[0].tightened);
  }
}

// The page geometry of a 公文 as data: every length and choice of gbt9704.md §F (paper, type
// area, grid, element sizes and offsets, rules, page numbers, special formats). The built-in
// default reproduces §F; a house style changes values here, never code.
#pragma once
#include <string>

#include "core/units.h"
#include "layout/linebreak.h"
#include "model/page.h"

namespace wenshu::layout {

using core::Sp;

/// Font role names of fonts/manifest.tsv used for each element.
struct FontRoles {
  std::string body = "fang";          ///< GB/T 9704-2012 5.2.2: 仿宋 by default
  std::string heading1 = "hei";       ///< 7.3.3: 一、 in 黑体
  std::string heading2 = "kai";       ///< 7.3.3: （一） in 楷体
  std::string heading34 = "fang";     ///< 7.3.3: 1. and （1） in 仿宋
  std::string title = "song-bold";    ///< 7.3.1: 小标宋 (stand-in)
  std::string mark = "song-bold";     ///< 7.2.4: 小标宋 (stand-in)
  std::string label = "hei";          ///< 密级, 紧急程度, 附件N, 纪要 labels: 黑体
  std::string signer_name = "kai";    ///< 7.2.6: names of 签发人 in 楷体
  std::string page_number = "song";   ///< 7.5: 宋体
  std::string copy_number = "fang";   ///< 7.2.1: face not stated
};

/// The whole page geometry. Lengths in Sp; "cells" are grid cells (字).
struct LayoutProfile {
  std::string name = "gbt9704-default";

  // Paper and type area (GB/T 9704-2012 5.1, 5.2.1).
  Sp paper_width = core::mm(210);
  Sp paper_height = core::mm(297);
  Sp margin_top = core::mm(37);       ///< 天头
  Sp margin_binding = core::mm(28);   ///< 订口 (left on odd pages)
  Sp type_width = core::mm(156);
  Sp type_height = core::mm(225);
  bool mirror_margins = false;        ///< §F: off; on = even pages 28 mm on the right

  // Grid (5.2.3, gbt9704.md §F): 22 equal line boxes, 28 cells.
  int lines_per_page = 22;
  int chars_per_line = 28;

  // Sizes (gbt9704.md A1: 2号 22 pt, 3号 16 pt, 4号 14 pt).
  Sp body_size = core::pt(16);
  Sp title_size = core::pt(22);
  Sp title_pitch = core::pt(36);      ///< 2号 + 7/8 × 3号 (§3.2)
  Sp imprint_size = core::pt(14);     ///< 7.4: 4号
  Sp imprint_pitch = core::pt(28);    ///< 4号 + 7/8 × 3号
  Sp page_number_size = core::pt(14); ///< 7.5: 4号
  /// Ideographic em box: baseline this far (per mille of the size) below the em-box top
  /// (Adobe-GB1 fonts: em box from -120 to 880).
  int em_ascent_permille = 880;

  // 版头 (7.2).
  Sp mark_size = core::pt(42);        ///< nominal size of the red head (size is free, 7.2.4)
  Sp mark_max_width = core::mm(156);  ///< condensed (horizontal scale) to fit
  int mark_min_scale = 50;            ///< below this horizontal scale the size shrinks instead
  Sp mark_top = core::mm(35);         ///< 7.2.4: top edge below the type-area top
  Sp joint_mark_gap = core::pt(6);    ///< between stacked issuer names of a joint mark
  int mark_blank_lines = 2;           ///< 7.2.5: 发文字号 two blank lines below the mark
  Sp red_rule_gap = core::mm(4);      ///< 7.2.7: 4 mm below the 发文字号
  Sp red_rule_width = core::mm(0.5);  ///< house choice (§F)
  model::Color red = model::Color::rgb(1000, 0, 0);  ///< §F: DeviceRGB 1 0 0

  // 主体 (7.3).
  int title_blank_lines = 2;          ///< 7.3.1: two blank lines below the red rule
  int indent_cells = 2;               ///< 7.3.3: paragraphs left-inset 2
  Sp seal_diameter = core::mm(42);    ///< seal size, reserved area or image width (7.3.5.1)
  Sp seal_gap = core::mm(3);          ///< least gap between joint seals (互不相交或相切, 7.3.5.1)
  int seals_per_row = 3;              ///< joint seals per row at most (GB/T 9704-1999 7.3.5.1 practice)

  // Signature pull-back (7.3.5.5, gbt9704.md A8.2): the line pitch of one page may shrink
  // to this much at most to keep the 署名/日期 with body text.
  Sp min_tightened_pitch = core::pt(26);

  // 版记 (7.4).
  Sp imprint_thick = core::mm(0.35);
  Sp imprint_thin = core::mm(0.25);
  int imprint_inset_cells = 1;

  // 页码 (7.5).
  Sp page_number_drop = core::mm(7);  ///< dash line 7 mm below the type area
  int page_number_inset_cells = 1;

  // 信函 (10.1).
  Sp letter_mark_top = core::mm(30);      ///< from the paper's top edge
  Sp letter_rule_length = core::mm(170);
  Sp letter_rule_thick = core::pt(1.5);
  Sp letter_rule_thin = core::pt(0.75);
  Sp letter_rule_gap = core::mm(0.5);     ///< between the two rules of a double rule
  Sp letter_rule_below_mark = core::mm(4);
  Sp letter_bottom_rule = core::mm(20);   ///< from the paper's bottom edge
  // 命令 (10.2).
  Sp order_mark_top = core::mm(20);       ///< below the type-area top

  // Tables (§8): cell text size and padding.
  Sp table_size = core::pt(14);
  Sp table_pitch = core::pt(22);
  Sp table_padding = core::pt(3);
  Sp table_rule = core::pt(0.5);

  FontRoles roles;

  /// Measure words and units kept on the line of the number before them (7项, 10天, 3万元).
  MeasureWords measure_words = MeasureWords::builtin();

  // Derived values.
  Sp line_pitch() const { return type_height / lines_per_page; }
  Sp cell() const { return type_width / chars_per_line; }
};

/// The built-in default profile (gbt9704.md §F).
const LayoutProfile& default_profile();

/// A short text listing every value of `p` (for `layout-dump --profile` and docs).
std::string describe_profile(const LayoutProfile& p);

}  // namespace wenshu::layout

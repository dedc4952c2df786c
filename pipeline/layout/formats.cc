// The special formats of GB/T 9704-2012 §10 (gbt9704.md A9): 信函 (letter) and 命令 (order)
// heads, and the 出席/请假/列席 blocks of 纪要 (minutes). The letter's 版记 and page-number
// differences are applied by layout.cc and imprint_block.cc.
#include "layout/composer.h"

namespace wenshu::layout {
namespace {

void add_double_rule(const Composer& c, const TypeArea& area, Sp top, bool thick_first, std::vector<model::Item>& out) {
  // 10.1: 170 mm, centred on the type area (gbt9704.md A9: tools centre on the type area).
  const Sp x0 = area.left + (area.width - c.p.letter_rule_length) / 2;
  const Sp x1 = x0 + c.p.letter_rule_length;
  const Sp w1 = thick_first ? c.p.letter_rule_thick : c.p.letter_rule_thin;
  const Sp w2 = thick_first ? c.p.letter_rule_thin : c.p.letter_rule_thick;
  const Sp y1 = top + w1 / 2;
  const Sp y2 = top + w1 + c.p.letter_rule_gap + w2 / 2;
  out.emplace_back(model::Line{x0, y1, x1, y1, w1, c.p.red});
  out.emplace_back(model::Line{x0, y2, x1, y2, w2, c.p.red});
}

Sp double_rule_height(const Composer& c) { return c.p.letter_rule_thick + c.p.letter_rule_gap + c.p.letter_rule_thin; }

}  // namespace

HeaderBlock build_letter_header(Composer& c) {
  const auto& d = c.doc;
  const TypeArea area = type_area(c.p, 1);
  const Sp pitch = c.p.line_pitch();
  HeaderBlock h;
  // 10.1: the mark (name, no 文件; joint issue: the lead agency only) 30 mm from the paper top.
  std::vector<model::Text> names;
  if (!d.issuer_mark.empty()) names.push_back(d.issuer_mark);
  else if (!d.issuers.empty()) names.push_back(d.issuers.front());
  Sp y = c.p.letter_mark_top;
  if (!names.empty()) y = add_mark(c, area, y, names, "", h.items);
  // Red double rule 4 mm below the mark, thick over thin.
  const Sp rule_top = y + c.p.letter_rule_below_mark;
  add_double_rule(c, area, rule_top, true, h.items);
  const Sp rule_bottom = rule_top + double_rule_height(c);
  // Fields under the rule, the first em box 7/8 of a 3号 height (14 pt) below it: 份号 etc.
  // flush left one per line, 发文字号 flush right on the first line.
  const Sp gap = c.p.body_size * 7 / 8;
  const Sp first_top = rule_bottom + gap - (pitch - c.p.body_size) / 2;
  Sp bottom = add_header_fields(c, area.left, first_top, h.items);
  if (!d.doc_number.empty()) {
    const ParagraphStyle body = c.style(c.p.roles.body, c.p.body_size);
    const std::vector<TextSpan> spans{{d.doc_number.value, d.doc_number.location, ""}};
    const Sp w = spans_width(c, spans, body);
    for (auto& item : placed_line(c, spans, body, area.right() - w, first_top, pitch, model::Color::black()))
      h.items.push_back(std::move(item));
    if (bottom < first_top + pitch) bottom = first_top + pitch;
  }
  h.flow_top = bottom > first_top ? bottom : rule_bottom;
  // Red double rule 20 mm above the paper bottom, thin over thick; text above keeps 14 pt.
  const Sp low_top = c.p.paper_height - c.p.letter_bottom_rule - double_rule_height(c);
  add_double_rule(c, area, low_top, false, h.items);
  const Sp limit = low_top - gap + (pitch - c.p.body_size) / 2;
  h.flow_bottom = limit < area.bottom() ? limit : area.bottom();
  return h;
}

HeaderBlock build_order_header(Composer& c) {
  const auto& d = c.doc;
  const TypeArea area = type_area(c.p, 1);
  const Sp pitch = c.p.line_pitch();
  HeaderBlock h;
  add_header_fields(c, area.left, area.top, h.items);
  // 10.2: agency + 命令/令, 20 mm below the type-area top.
  std::vector<model::Text> names;
  if (!d.issuer_mark.empty()) names.push_back(d.issuer_mark);
  else if (!d.issuers.empty()) names.push_back({d.issuers.front().value + "令", d.issuers.front().location, {}});
  Sp y = area.top + c.p.order_mark_top;
  if (!names.empty()) y = add_mark(c, area, y, names, "", h.items);
  // 令号 centred two blank lines below the mark; the body two blank lines below it.
  const Sp top = y + pitch * 2;
  Sp bottom = top;
  if (!d.doc_number.empty()) {
    const ParagraphStyle body = c.style(c.p.roles.body, c.p.body_size);
    const std::vector<TextSpan> spans{{d.doc_number.value, d.doc_number.location, ""}};
    const Sp w = spans_width(c, spans, body);
    for (auto& item : placed_line(c, spans, body, area.left + (area.width - w) / 2, top, pitch, model::Color::black()))
      h.items.push_back(std::move(item));
    bottom = top + pitch;
  }
  h.flow_top = bottom;
  h.flow_bottom = area.bottom();
  return h;
}

void append_attendance(Composer& c, std::vector<FlowRow>& rows) {
  // 10.3: one blank line after the body, left-inset 2, label in 3号 黑体, names in 仿宋,
  // wrapped lines aligned after the colon; 请假 and 列席 each on new lines.
  const auto& a = c.doc.attendance;
  if (a.present.empty() && a.absent.empty() && a.attending.empty()) return;
  rows.push_back(blank_row(c));
  const Sp x = c.p.cell() * c.p.indent_cells;
  auto block = [&](const char* label, const std::vector<model::Text>& names) {
    if (names.empty()) return;
    std::vector<TextSpan> spans;
    for (std::size_t k = 0; k < names.size(); ++k) {
      if (k > 0) spans.push_back({"、", names[k].location, ""});
      spans.push_back({names[k].value, names[k].location, ""});
    }
    const ParagraphStyle s = c.style(c.p.roles.body, c.p.body_size);
    append_labelled(c, rows, {{label, names.front().location, c.p.roles.label}}, spans, s, x, c.p.type_width - x,
                    false);
  };
  block("出席：", a.present);
  block("请假：", a.absent);
  block("列席：", a.attending);
}

}  // namespace wenshu::layout

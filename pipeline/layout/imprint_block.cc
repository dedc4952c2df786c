// The 版记 even-page rule (gbt9704.md A6, GB/T 9704-2012 7.4.1 and 7.5) as a pure decision.
#include "layout/geometry.h"

namespace wenshu::layout {

ImprintPlacement place_imprint(int last_content_page, bool fits_on_last, bool even_rule) {
  const int l = last_content_page < 1 ? 1 : last_content_page;
  ImprintPlacement out;
  if (!even_rule) {
    out.page = fits_on_last ? l : l + 1;
    out.total_pages = out.page;
    return out;
  }
  if (l % 2 == 0 && fits_on_last) {
    out.page = l;  // the back of the last sheet already: bottom of L
  } else if (l % 2 == 1) {
    // The 版记 must be on the back of the sheet: alone on L+1. No blank page precedes it, so
    // it keeps its number (baiwen17, gbt9704.md A6).
    out.page = l + 1;
  } else {
    // L even and full: L+1 (front of a new sheet) stays blank, 版记 on its back; 7.5: neither
    // the blank page nor the 版记 page is numbered.
    out.page = l + 2;
    out.unnumbered = {l + 1, l + 2};
  }
  out.total_pages = out.page;
  return out;
}

}  // namespace wenshu::layout

// ---------------------------------------------------------------------------------------------
// The 版记 block itself (7.4.1–7.4.3).

#include "core/date.h"
#include "layout/composer.h"

namespace wenshu::layout {
namespace {

void add_rule(const Composer& c, Sp& y, Sp width, std::vector<model::Item>& out) {
  out.emplace_back(model::Line{Sp(), y + width / 2, c.p.type_width, y + width / 2, width, model::Color::black()});
  y += width;
}

// `label` + names (4号 仿宋), inset 1 both sides, wrapped lines aligned after the colon (7.4.2).
void add_list(Composer& c, Sp& y, const std::string& label, const model::Text& names, std::vector<model::Item>& out) {
  const Sp inset = c.p.cell() * c.p.imprint_inset_cells;
  const ParagraphStyle s = c.style(c.p.roles.body, c.p.imprint_size);
  for (auto& line : labelled_lines(c, {{label, names.location, ""}}, {{names.value, names.location, ""}}, s, inset,
                                   c.p.type_width - inset * 2, c.p.imprint_pitch)) {
    for (auto& item : line) {
      translate_item(item, Sp(), y);
      out.push_back(std::move(item));
    }
    y += c.p.imprint_pitch;
  }
}

}  // namespace

ImprintBlock build_imprint(Composer& c) {
  const auto& d = c.doc;
  ImprintBlock b;
  const bool letter = d.format == model::DocFormat::kLetter;
  const bool recipients = c.recipients_in_imprint && !d.main_recipients.empty();
  model::Text print_date = d.print_date.text;
  if (print_date.empty() && d.print_date.value) print_date.value = core::format_date_chinese(*d.print_date.value);
  // 10.1: a letter's 版记 has no 印发机关/日期 and no rules.
  const bool printer = !letter && (!d.printer.empty() || !print_date.empty());
  if (!recipients && d.cc.empty() && !printer) return b;
  const bool rules = !letter;
  Sp y;
  if (rules) add_rule(c, y, c.p.imprint_thick, b.items);  // 7.4.1: first rule thick
  if (recipients) {
    // 7.3.2: 主送 moved here goes one line above 抄送, formatted like it, no rule between.
    std::string names = d.main_recipients.value;
    if (names.size() >= 3 && names.compare(names.size() - 3, 3, "：") == 0) names.resize(names.size() - 3);
    add_list(c, y, "主送：", {names, d.main_recipients.location, {}}, b.items);
  }
  if (!d.cc.empty()) add_list(c, y, "抄送：", d.cc, b.items);
  if (printer) {
    // 7.4.3: any other element is separated from the 印发 line by a thin rule.
    if (recipients || !d.cc.empty()) add_rule(c, y, c.p.imprint_thin, b.items);
    const Sp inset = c.p.cell() * c.p.imprint_inset_cells;
    const ParagraphStyle s = c.style(c.p.roles.body, c.p.imprint_size);
    if (!d.printer.empty())
      for (auto& item : placed_line(c, {{d.printer.value, d.printer.location, ""}}, s, inset, y, c.p.imprint_pitch,
                                    model::Color::black()))
        b.items.push_back(std::move(item));
    if (!print_date.empty()) {
      std::string text = print_date.value;
      if (text.size() < 6 || text.compare(text.size() - 6, 6, "印发") != 0) text += "印发";
      const std::vector<TextSpan> spans{{text, print_date.location, ""}};
      const Sp w = spans_width(c, spans, s);
      for (auto& item : placed_line(c, spans, s, c.p.type_width - inset - w, y, c.p.imprint_pitch,
                                    model::Color::black()))
        b.items.push_back(std::move(item));
    }
    y += c.p.imprint_pitch;
  }
  if (rules) add_rule(c, y, c.p.imprint_thick, b.items);  // last rule thick, on the type-area bottom
  b.height = y;
  return b;
}

}  // namespace wenshu::layout

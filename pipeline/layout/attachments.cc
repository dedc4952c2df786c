// Attachments (GB/T 9704-2012 7.3.7): each starts a new page before the 版记; `附件N` in 3号
// 黑体 flush left on line 1, the title centred on line 3, the body set like the 正文.
#include "layout/composer.h"

namespace wenshu::layout {

void append_attachments(Composer& c, std::vector<FlowRow>& rows) {
  for (const auto& a : c.doc.attachments) {
    // An attachment that opens with a landscape table (gbt9704.md A7) is a landscape page from
    // its label on: 附件N and the title go with the table, never alone on a portrait page.
    const auto* table = a.body.empty() ? nullptr : std::get_if<model::Table>(&a.body.front());
    const bool landscape = table && table->landscape;
    const std::size_t first_row = rows.size();
    c.landscape_flow = landscape;
    FlowRow head;
    if (!a.issued) {
      // 7.3.7: "附件" + number, flush left, line 1.
      const auto lines = set_single(c, {{"附件" + a.number.value, a.number.location, c.p.roles.label}},
                                    c.style(c.p.roles.label, c.p.body_size), c.p.type_width);
      head.kind = RowKind::kText;
      if (!lines.empty()) head.items = line_items(c, lines.front(), Sp(), c.p.line_pitch());
    } else {
      head.kind = RowKind::kBlank;  // an issued document (印发件) has no label
    }
    head.height = c.p.line_pitch();
    head.new_page = true;
    head.keep_with_next = true;
    head.group = c.next_group++;
    rows.push_back(std::move(head));
    FlowRow gap = blank_row(c, false);  // line 2
    gap.keep_with_next = true;
    rows.push_back(std::move(gap));
    if (!a.title.empty()) {
      // Title on line 3 in the title style (2号 小标宋), centred, balanced.
      const auto lines = balance_lines(a.title.value, a.title.location, c.style(c.p.roles.title, c.p.title_size),
                                       c.flow_width(), c.fonts, c.sink, TitleShape::kTrapezoid);
      const std::size_t first = rows.size();
      append_lines(c, rows, lines, Sp(), c.p.title_pitch, RowKind::kTitle, false);
      for (std::size_t k = first; k < rows.size(); ++k) rows[k].keep_with_next = true;
      rows.push_back(blank_row(c, false));
    }
    c.landscape_flow = false;
    for (std::size_t k = first_row; k < rows.size(); ++k) rows[k].landscape = landscape;
    append_blocks(c, rows, a.body);
  }
}

}  // namespace wenshu::layout

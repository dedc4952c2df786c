// The 主体 flow (GB/T 9704-2012 7.3): title, 主送机关, 正文 with its heading levels, 附件说明,
// then the signature block and 附注 — as flow rows for the paginator.
#include <fmt/format.h>

#include "core/utf8.h"

#include "layout/chart.h"
#include "layout/composer.h"
#include "layout/kinsoku.h"

namespace wenshu::layout {

ParagraphStyle Composer::style(const std::string& role, Sp size) const {
  ParagraphStyle s;
  s.font_role = role;
  s.size = size;
  // gbt9704.md §F: body-size text sits on the 28-cell grid; other sizes are set solid.
  s.cell = size == p.body_size ? p.cell() : size;
  s.first_indent_cells = 0;
  s.align = Align::kJustify;
  s.measure_words = &p.measure_words;
  return s;
}

void Composer::diag(core::Severity severity, const std::string& rule, const core::SourceLocation& where,
                    const std::string& message) const {
  core::Diagnostic d;
  d.severity = severity;
  d.rule = rule;
  d.location = where;
  d.record_id = doc.id;
  d.message = message;
  sink.push(std::move(d));
}

std::vector<model::Item> line_items(const Composer& c, const LineBox& line, Sp x, Sp pitch,
                                    const model::Color& color) {
  const Sp baseline = centred_baseline(c.p, Sp(), pitch, line.size);
  std::vector<model::Item> items;
  for (auto& run : to_glyph_runs(line, x, baseline, color)) items.emplace_back(std::move(run));
  return items;
}

void append_lines(Composer& c, std::vector<FlowRow>& rows, const std::vector<LineBox>& lines, Sp x, Sp pitch,
                  RowKind kind, bool body, const model::Color& color) {
  const int group = c.next_group++;
  const int n = static_cast<int>(lines.size());
  for (int k = 0; k < n; ++k) {
    FlowRow r;
    r.kind = kind;
    r.height = pitch;
    r.items = line_items(c, lines[k], x, pitch, color);
    r.group = group;
    r.line = k;
    r.lines = n;
    r.body = body;
    rows.push_back(std::move(r));
  }
}

FlowRow blank_row(const Composer& c, bool discard_at_top) {
  FlowRow r;
  r.kind = RowKind::kBlank;
  r.height = c.p.line_pitch();
  r.discard_at_top = discard_at_top;
  return r;
}

std::vector<LineBox> set_single(Composer& c, const std::vector<TextSpan>& spans, const ParagraphStyle& style,
                                Sp available) {
  ParagraphStyle s = style;
  s.first_indent_cells = 0;
  s.align = Align::kLeft;
  return set_paragraph(spans, s, available, c.fonts, c.sink);
}

std::vector<std::vector<model::Item>> labelled_lines(Composer& c, const std::vector<TextSpan>& label,
                                                     const std::vector<TextSpan>& content, const ParagraphStyle& style,
                                                     Sp x, Sp available, Sp pitch, Sp gap) {
  std::vector<std::vector<model::Item>> out;
  const auto head = set_single(c, label, style, available);
  const Sp label_w = (head.empty() ? Sp() : head.front().width) + gap;
  ParagraphStyle s = style;
  s.first_indent_cells = 0;
  s.rest_indent = Sp();
  const auto lines = set_paragraph(content, s, available - label_w, c.fonts, c.sink);
  for (std::size_t k = 0; k < std::max<std::size_t>(1, lines.size()); ++k) {
    std::vector<model::Item> items;
    if (k == 0 && !head.empty()) items = line_items(c, head.front(), x, pitch);
    if (k < lines.size())
      for (auto& item : line_items(c, lines[k], x + label_w, pitch)) items.push_back(std::move(item));
    out.push_back(std::move(items));
  }
  return out;
}

void append_labelled(Composer& c, std::vector<FlowRow>& rows, const std::vector<TextSpan>& label,
                     const std::vector<TextSpan>& content, const ParagraphStyle& style, Sp x, Sp available,
                     bool body, Sp gap) {
  auto lines = labelled_lines(c, label, content, style, x, available, c.p.line_pitch(), gap);
  const int group = c.next_group++;
  const int n = static_cast<int>(lines.size());
  for (int k = 0; k < n; ++k) {
    FlowRow r;
    r.kind = RowKind::kText;
    r.height = c.p.line_pitch();
    r.items = std::move(lines[static_cast<std::size_t>(k)]);
    r.group = group;
    r.line = k;
    r.lines = n;
    r.body = body;
    rows.push_back(std::move(r));
  }
}

namespace {

// 7.3.1: 2号 小标宋, centred, balanced lines (梯形), 36 pt line pitch.
void append_title(Composer& c, std::vector<FlowRow>& rows, const model::Text& title) {
  const auto lines = balance_lines(title.value, title.location, c.style(c.p.roles.title, c.p.title_size),
                                   c.p.type_width, c.fonts, c.sink, TitleShape::kTrapezoid);
  const std::size_t first = rows.size();
  append_lines(c, rows, lines, Sp(), c.p.title_pitch, RowKind::kTitle, false);
  for (std::size_t k = first; k < rows.size(); ++k) rows[k].keep_with_next = true;
}

// 7.3.3 and gbt9704.md A3: level 1 黑体, level 2 楷体, levels 3–4 仿宋; indent 2, no extra space.
void append_heading(Composer& c, std::vector<FlowRow>& rows, const model::Heading& h) {
  const std::string& role = h.level == 1 ? c.p.roles.heading1 : h.level == 2 ? c.p.roles.heading2 : c.p.roles.heading34;
  std::vector<TextSpan> spans;
  spans.push_back({h.number.value, h.number.location, role});
  spans.push_back({h.text.value, h.text.location, role});
  if (!h.run_in.empty()) spans.push_back({h.run_in.value, h.run_in.location, c.p.roles.body});
  ParagraphStyle s = c.style(c.p.roles.body, c.p.body_size);
  s.first_indent_cells = c.p.indent_cells;
  // Justified like a paragraph: a heading that wraps fills its first lines to the right edge.
  const auto lines = set_paragraph(spans, s, c.p.type_width, c.fonts, c.sink);
  const std::size_t first = rows.size();
  append_lines(c, rows, lines, Sp(), c.p.line_pitch(), RowKind::kText, true);
  if (h.run_in.empty())
    for (std::size_t k = first; k < rows.size(); ++k) rows[k].keep_with_next = true;
}

void append_paragraph(Composer& c, std::vector<FlowRow>& rows, const model::Text& text) {
  ParagraphStyle s = c.style(c.p.roles.body, c.p.body_size);
  s.first_indent_cells = c.p.indent_cells;
  const auto lines = set_paragraph(text.value, text.location, s, c.p.type_width, c.fonts, c.sink);
  append_lines(c, rows, lines, Sp(), c.p.line_pitch(), RowKind::kText, true);
}

// 7.3.4: one blank line below the body, left-inset 2, `附件：1. 名称`; wrapped names align with
// the first character of the name; further items align with the first number.
void append_attachment_notes(Composer& c, std::vector<FlowRow>& rows) {
  const auto& notes = c.doc.attachment_notes;
  if (notes.empty()) return;
  rows.push_back(blank_row(c));
  const ParagraphStyle s = c.style(c.p.roles.body, c.p.body_size);
  const std::string label = "附件：";
  const Sp label_w = spans_width(c, {{label, notes.front().location, ""}}, s);
  const Sp inset = c.p.cell() * c.p.indent_cells;
  // `1.2013年度…` would read as the number 1.2013: when a name begins with a digit or a Latin
  // letter, every numbered name keeps the Han–Latin space (gbt9704.md §C6, ¼ em) after its
  // number, so the names still line up.
  bool western = false;
  for (const auto& n : notes) {
    const auto cps = core::utf8_decode(n.value);
    western = western || (!cps.empty() && is_western_alnum(cps.front()));
  }
  const Sp gap = notes.size() > 1 && western ? Sp(s.size.v * s.han_latin_space_permille / 1000) : Sp();
  for (std::size_t k = 0; k < notes.size(); ++k) {
    const std::string number = notes.size() > 1 ? fmt::format("{}.", k + 1) : "";
    const std::string prefix = (k == 0 ? label : "") + number;
    const Sp x = inset + (k == 0 ? Sp() : label_w);
    append_labelled(c, rows, {{prefix, notes[k].location, ""}}, {{notes[k].value, notes[k].location, ""}}, s, x,
                    c.p.type_width - x, false, gap);
  }
}

// 7.3.6: 附注 on the line after the date, left-inset 2, in （）.
void append_note(Composer& c, std::vector<FlowRow>& rows) {
  if (c.doc.note.empty()) return;
  ParagraphStyle s = c.style(c.p.roles.body, c.p.body_size);
  s.first_indent_cells = c.p.indent_cells;
  const auto lines =
      set_paragraph("（" + c.doc.note.value + "）", c.doc.note.location, s, c.flow_width(), c.fonts, c.sink);
  append_lines(c, rows, lines, Sp(), c.p.line_pitch(), RowKind::kText, false);
}

}  // namespace

void append_blocks(Composer& c, std::vector<FlowRow>& rows, const std::vector<model::Block>& blocks) {
  for (const auto& block : blocks) {
    if (const auto* para = std::get_if<model::Paragraph>(&block)) {
      append_paragraph(c, rows, para->text);
    } else if (const auto* h = std::get_if<model::Heading>(&block)) {
      append_heading(c, rows, *h);
    } else if (const auto* t = std::get_if<model::Table>(&block)) {
      append_table(c, rows, *t);
    } else if (const auto* chart = std::get_if<model::Chart>(&block)) {
      // Added by compose (layout/chart.h): the chart as one unbreakable row, its height rounded
      // up to whole body lines so the text after it stays on the line grid (5.2.3).
      FlowRow row;
      row.kind = RowKind::kTable;
      row.tightenable = false;
      const Sp h = draw_chart(*chart, Sp(), Sp(), c.p.type_width, c.fonts, row.items, c.sink);
      const Sp pitch = c.p.line_pitch();
      const std::int64_t lines = pitch.v > 0 ? (h.v + pitch.v - 1) / pitch.v : 1;
      row.height = pitch * std::max<std::int64_t>(lines, 1);
      const Sp dy = (row.height - h) / 2;
      for (auto& item : row.items) translate_item(item, Sp(), dy);
      rows.push_back(std::move(row));
    }
  }
}

void build_main_flow(Composer& c, std::vector<FlowRow>& rows) {
  const auto& d = c.doc;
  // 7.3.1: two blank lines below the red rule (10.2: body two blank lines below the 令号); a
  // form without 版头 starts with its title.
  if (!c.headless)
    for (int k = 0; k < c.p.title_blank_lines; ++k) rows.push_back(blank_row(c, false));
  if (!d.title.empty()) {
    append_title(c, rows, d.title);
    rows.push_back(blank_row(c, false));  // 7.3.2: 主送 one blank line below the title
  }
  if (!d.main_recipients.empty() && !c.recipients_in_imprint) {
    // 7.3.2: flush left, continuation lines flush left.
    const auto lines = set_paragraph(d.main_recipients.value, d.main_recipients.location,
                                     c.style(c.p.roles.body, c.p.body_size), c.p.type_width, c.fonts, c.sink);
    append_lines(c, rows, lines, Sp(), c.p.line_pitch(), RowKind::kText, false);
    for (auto it = rows.end() - static_cast<long>(lines.size()); it != rows.end(); ++it) it->keep_with_next = true;
  }
  append_blocks(c, rows, d.body);  // 7.3.3: the line after 主送, no gap
  append_attachment_notes(c, rows);
  if (d.format == model::DocFormat::kMinutes) append_attendance(c, rows);
  append_signature(c, rows);
  // 7.3.6: the 附注 follows the date onto a landscape page too.
  const bool landscape = !rows.empty() && rows.back().landscape;
  const std::size_t first = rows.size();
  c.landscape_flow = landscape;
  append_note(c, rows);
  c.landscape_flow = false;
  for (std::size_t k = first; k < rows.size(); ++k) rows[k].landscape = landscape;
}

}  // namespace wenshu::layout

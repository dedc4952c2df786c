// The 版头 (GB/T 9704-2012 7.2; gbt9704.md A2, A5): 份号/密级/紧急程度 on lines 1–3, the red
// 发文机关标志 35 mm below the type-area top (joint issue stacked with 文件 on the right),
// the 发文字号 two blank lines below it (上行文: with 签发人 on the same line), and the red
// rule 4 mm below the 发文字号.
#include <algorithm>

#include "layout/composer.h"

namespace wenshu::layout {
namespace {

// Wide enough that a header line never wraps; overlong lines are reported by the caller.
Sp no_wrap_width(const Composer& c) { return c.p.paper_width * 4; }

LineBox first_line(Composer& c, const std::vector<TextSpan>& spans, const ParagraphStyle& style) {
  auto lines = set_single(c, spans, style, no_wrap_width(c));
  if (lines.empty()) {
    LineBox empty;
    empty.size = style.size;
    return empty;
  }
  return std::move(lines.front());
}

// Appends the runs of `line` at page x with `baseline`, condensed to `scale` percent.
void add_runs(const LineBox& line, Sp x, Sp baseline, int scale, const model::Color& color,
              std::vector<model::Item>& out) {
  for (auto& run : to_glyph_runs(line, Sp(), baseline, color)) {
    run.horizontal_scale = static_cast<std::uint16_t>(scale);
    for (auto& g : run.glyphs) {
      g.x = x + g.x * scale / 100;
      g.advance = g.advance * scale / 100;
    }
    out.emplace_back(std::move(run));
  }
}

}  // namespace

std::vector<model::Item> placed_line(Composer& c, const std::vector<TextSpan>& spans, const ParagraphStyle& style,
                                     Sp x, Sp top, Sp pitch, const model::Color& color, Sp* width) {
  const LineBox line = first_line(c, spans, style);
  if (width) *width = line.width;
  std::vector<model::Item> out;
  add_runs(line, x, centred_baseline(c.p, top, pitch, line.size), 100, color, out);
  return out;
}

Sp spans_width(Composer& c, const std::vector<TextSpan>& spans, const ParagraphStyle& style) {
  return first_line(c, spans, style).width;
}

Sp add_mark(Composer& c, const TypeArea& area, Sp em_top, const std::vector<model::Text>& names,
            const std::string& suffix, std::vector<model::Item>& out) {
  if (names.empty()) return em_top;
  const ParagraphStyle nominal = c.style(c.p.roles.mark, c.mark_size);
  // Widths scale with the size, so measure once at the nominal size.
  Sp names_w;
  for (const auto& n : names)
    names_w = std::max(names_w, spans_width(c, {{n.value, n.location, ""}}, nominal));
  const Sp suffix_w = suffix.empty() ? Sp() : spans_width(c, {{suffix, names.front().location, ""}}, nominal);
  const Sp gap = suffix.empty() ? Sp() : c.mark_size / 2;
  const Sp block_w = names_w + gap + suffix_w;
  // 7.2.4: size free; §F: fit 156 mm at most — condense first, then shrink.
  Sp size = c.mark_size;
  int scale = 100;
  if (block_w > c.p.mark_max_width && block_w.v > 0) {
    scale = static_cast<int>(c.p.mark_max_width.v * 100 / block_w.v);
    if (scale < c.p.mark_min_scale) {
      size = Sp(c.mark_size.v * c.p.mark_max_width.v * 100 / (block_w.v * c.p.mark_min_scale));
      scale = c.p.mark_min_scale;
    }
  }
  const ParagraphStyle st = c.style(c.p.roles.mark, size);
  auto scaled = [&](Sp w) { return Sp(w.v * size.v / c.mark_size.v * scale / 100); };
  const Sp left = area.left + (area.width - scaled(block_w)) / 2;
  const Sp line_step = size + c.p.joint_mark_gap;
  const Sp stack_h = size + line_step * static_cast<std::int64_t>(names.size() - 1);
  for (std::size_t k = 0; k < names.size(); ++k) {
    const LineBox line = first_line(c, {{names[k].value, names[k].location, ""}}, st);
    // Each name centred in the names column.
    const Sp x = left + (scaled(names_w) - Sp(line.width.v * scale / 100)) / 2;
    add_runs(line, x, baseline_from_em_top(c.p, em_top + line_step * static_cast<std::int64_t>(k), size), scale,
             c.p.red, out);
  }
  if (!suffix.empty()) {
    // Joint issue: 文件 right of the names, vertically centred on their stack.
    const LineBox line = first_line(c, {{suffix, names.front().location, ""}}, st);
    const Sp x = left + scaled(names_w + gap);
    add_runs(line, x, baseline_from_em_top(c.p, em_top + (stack_h - size) / 2, size), scale, c.p.red, out);
  }
  return em_top + stack_h;
}

Sp add_header_fields(Composer& c, Sp x, Sp top, std::vector<model::Item>& out) {
  const Sp pitch = c.p.line_pitch();
  Sp y = top;
  auto field = [&](const model::Text& t, const std::string& role) {
    if (t.empty()) return;
    for (auto& item : placed_line(c, {{t.value, t.location, role}}, c.style(role, c.p.body_size), x, y, pitch,
                                  model::Color::black()))
      out.push_back(std::move(item));
    y += pitch;
  };
  field(c.doc.copy_number, c.p.roles.copy_number);  // 7.2.1
  field(c.doc.secrecy, c.p.roles.label);            // 7.2.2: 黑体
  field(c.doc.urgency, c.p.roles.label);            // 7.2.3: 黑体
  return y;
}

HeaderBlock build_header(Composer& c) {
  if (c.doc.format == model::DocFormat::kLetter) return build_letter_header(c);
  if (c.doc.format == model::DocFormat::kOrder) return build_order_header(c);
  const auto& d = c.doc;
  const TypeArea area = type_area(c.p, 1);
  const Sp pitch = c.p.line_pitch();
  const Sp cell = c.p.cell();
  HeaderBlock h;
  const Sp fields_bottom = add_header_fields(c, area.left, area.top, h.items);

  // 7.2.4: the mark. Explicit text wins; a joint issue stacks the issuers with 文件 on the right.
  std::vector<model::Text> names;
  std::string suffix;
  if (!d.issuer_mark.empty()) {
    names.push_back(d.issuer_mark);
  } else if (d.format == model::DocFormat::kMinutes) {
    if (!d.issuers.empty()) names.push_back({d.issuers.front().value + "纪要", d.issuers.front().location, {}});
  } else if (d.issuers.size() > 1) {
    names = d.issuers;
    if (d.mark_with_wenjian) suffix = "文件";
  } else if (!d.issuers.empty()) {
    names.push_back({d.issuers.front().value + (d.mark_with_wenjian ? "文件" : ""), d.issuers.front().location, {}});
  }
  Sp y = area.top + c.p.mark_top;
  if (names.empty() && d.doc_number.empty() && !d.is_upward()) {
    // Forms (请假条, 报送单 …) name no issuer and carry no 发文字号: they have no 版头 at all —
    // no mark and no red rule — and the title starts on the first line of the type area.
    // A choice of the template, not a defect, so this is only noted.
    c.diag(core::Severity::kInfo, "LAYOUT-MARK", d.location,
           "无发文机关和发文字号，不设版头 / no issuer and no document number: set without a 版头");
    h.flow_top = fields_bottom;
    h.flow_bottom = area.bottom();
    h.headless = true;
    return h;
  }
  if (names.empty())
    c.diag(core::Severity::kInfo, "LAYOUT-MARK", d.location, "无发文机关，不设发文机关标志 / no issuer: set without a mark");
  else
    y = add_mark(c, area, y, names, suffix, h.items);

  // 7.2.5 / 7.2.6: two blank lines below the mark.
  const Sp top = y + pitch * c.p.mark_blank_lines;
  const ParagraphStyle body = c.style(c.p.roles.body, c.p.body_size);
  Sp last_top = top;
  if (d.is_upward()) {
    // 签发人 right-inset 1, two names per line, wrapped names aligned with the first name;
    // the 发文字号 left-inset 1 on the line of the last names.
    std::vector<std::vector<TextSpan>> lines;
    for (std::size_t k = 0; k < d.signers.size(); k += 2) {
      std::vector<TextSpan> spans{{d.signers[k].value, d.signers[k].location, c.p.roles.signer_name}};
      if (k + 1 < d.signers.size()) {
        spans.push_back({"　", d.signers[k + 1].location, c.p.roles.signer_name});
        spans.push_back({d.signers[k + 1].value, d.signers[k + 1].location, c.p.roles.signer_name});
      }
      lines.push_back(std::move(spans));
    }
    Sp names_w;
    for (const auto& l : lines) names_w = std::max(names_w, spans_width(c, l, body));
    const std::vector<TextSpan> label{{"签发人：", d.signers.front().location, ""}};
    const Sp label_w = spans_width(c, label, body);
    const Sp names_x = area.right() - cell - names_w;
    for (auto& item : placed_line(c, label, body, names_x - label_w, top, pitch, model::Color::black()))
      h.items.push_back(std::move(item));
    for (std::size_t k = 0; k < lines.size(); ++k) {
      last_top = top + pitch * static_cast<std::int64_t>(k);
      for (auto& item : placed_line(c, lines[k], body, names_x, last_top, pitch, model::Color::black()))
        h.items.push_back(std::move(item));
    }
    if (!d.doc_number.empty())
      for (auto& item : placed_line(c, {{d.doc_number.value, d.doc_number.location, ""}}, body, area.left + cell,
                                    last_top, pitch, model::Color::black()))
        h.items.push_back(std::move(item));
  } else if (!d.doc_number.empty()) {
    const std::vector<TextSpan> spans{{d.doc_number.value, d.doc_number.location, ""}};
    const Sp w = spans_width(c, spans, body);
    for (auto& item : placed_line(c, spans, body, area.left + (area.width - w) / 2, top, pitch, model::Color::black()))
      h.items.push_back(std::move(item));
  }
  // 7.2.7: the red rule 4 mm below the 发文字号 (its em box), full type-area width.
  const Sp em_bottom = last_top + (pitch + c.p.body_size) / 2;
  const Sp rule_top = em_bottom + c.p.red_rule_gap;
  const Sp w = c.p.red_rule_width;
  h.items.emplace_back(model::Line{area.left, rule_top + w / 2, area.right(), rule_top + w / 2, w, c.p.red});
  h.flow_top = rule_top + w;
  h.flow_bottom = area.bottom();
  return h;
}

}  // namespace wenshu::layout

// 发文机关署名, 成文日期 and the seal area (GB/T 9704-2012 7.3.5; gbt9704.md A4), and the
// signer block of 命令 (7.3.5.3). All rows carry `signature` so the paginator keeps them
// together and with text before them (7.3.5.5).
#include <algorithm>

#include "core/date.h"
#include "layout/composer.h"

namespace wenshu::layout {
namespace {

// One row holding `spans` set on one line at x (relative to the type area).
FlowRow signature_row(Composer& c, const std::vector<TextSpan>& spans, Sp x) {
  const auto lines = set_single(c, spans, c.style(c.p.roles.body, c.p.body_size), c.p.type_width);
  FlowRow r;
  r.kind = RowKind::kSignature;
  r.height = c.p.line_pitch();
  r.signature = true;
  if (!lines.empty()) r.items = line_items(c, lines.front(), x, r.height);
  return r;
}

FlowRow signature_blank(const Composer& c) {
  FlowRow r = blank_row(c, false);
  r.signature = true;
  return r;
}

// 7.3.5.4: Arabic numerals, no zero padding; as written when given.
model::Text date_text(const model::DocDate& d) {
  model::Text t = d.text;
  if (t.empty() && d.value) t.value = core::format_date_chinese(*d.value);
  return t;
}

// 7.3.5.3 (命令): signer title, 2 字 gap, name (signature seal area) right-inset 4; the date one
// blank line below, right-inset 4.
void append_order_signature(Composer& c, std::vector<FlowRow>& rows, const model::Text& date) {
  const ParagraphStyle s = c.style(c.p.roles.body, c.p.body_size);
  const Sp right4 = c.p.type_width - c.p.cell() * 4;
  rows.push_back(signature_blank(c));
  rows.push_back(signature_blank(c));
  const Sp wn = measure_text(c.doc.signer_name.value, s, c.fonts, c.sink, c.doc.signer_name.location);
  const Sp wt = measure_text(c.doc.signer_title.value, s, c.fonts, c.sink, c.doc.signer_title.location);
  const Sp xn = right4 - wn;
  const Sp xt = xn - c.p.cell() * 2 - wt;
  FlowRow r = signature_row(c, {{c.doc.signer_name.value, c.doc.signer_name.location, ""}}, xn);
  if (!c.doc.signer_title.empty()) {
    FlowRow t = signature_row(c, {{c.doc.signer_title.value, c.doc.signer_title.location, ""}}, xt);
    for (auto& item : t.items) r.items.push_back(std::move(item));
  }
  rows.push_back(std::move(r));
  if (!date.empty()) {
    rows.push_back(signature_blank(c));
    const Sp wd = measure_text(date.value, s, c.fonts, c.sink, date.location);
    rows.push_back(signature_row(c, {{date.value, date.location, ""}}, right4 - wd));
  }
}

}  // namespace

void append_signature(Composer& c, std::vector<FlowRow>& rows) {
  const auto& d = c.doc;
  const model::Text date = date_text(d.date);
  if (d.format == model::DocFormat::kOrder && (!d.signer_name.empty() || !d.signer_title.empty())) {
    append_order_signature(c, rows, date);
    return;
  }
  if (d.signatures.empty() && date.empty()) return;
  const ParagraphStyle s = c.style(c.p.roles.body, c.p.body_size);
  const Sp cell = c.p.cell();
  Sp ws;
  for (const auto& name : d.signatures) ws = std::max(ws, measure_text(name.value, s, c.fonts, c.sink, name.location));
  const Sp wd = date.empty() ? Sp() : measure_text(date.value, s, c.fonts, c.sink, date.location);

  if (d.seal.kind == model::Seal::Kind::kNone) {
    // 7.3.5.2: one blank line, 署名 right-inset 2, the date's first character 2 字 right of the
    // 署名's first character; a longer date is right-inset 2 and pushes the 署名 left.
    const Sp right2 = c.p.type_width - cell * 2;
    Sp xs = right2 - ws;
    Sp xd = xs + cell * 2;
    if (xd + wd > right2) {
      xd = right2 - wd;
      xs = xd - cell * 2;
    }
    if (d.signatures.empty()) xd = right2 - wd;
    rows.push_back(signature_blank(c));
    for (const auto& name : d.signatures) rows.push_back(signature_row(c, {{name.value, name.location, ""}}, xs));
    if (!date.empty()) rows.push_back(signature_row(c, {{date.value, date.location, ""}}, xd));
    return;
  }

  // 7.3.5.1: with a seal the date is right-inset 4 and the 署名 centred over it; the seal,
  // centred over both, has them in its lower half and its top within one line of the text
  // above. The seal is stamped on paper (or drawn by the PDF stage): here its area is kept
  // free by blank lines.
  if (d.seal.kind == model::Seal::Kind::kImage)
    c.diag(core::Severity::kWarning, "LAYOUT-SEAL", d.location,
           "印章图像暂不绘制，仅预留印章位置 / seal images are not drawn yet; the seal area is reserved");
  const Sp right4 = c.p.type_width - cell * 4;
  const Sp xd = right4 - wd;
  const Sp centre = date.empty() ? right4 - ws / 2 : xd + wd / 2;
  // The seal's centre sits on the top of the 署名 row: radius r above it must start within one
  // line below the text, so there are ceil(r / pitch) blank lines (3 for a 42 mm seal).
  const Sp pitch = c.p.line_pitch();
  const Sp radius = c.p.seal_diameter / 2;
  const std::int64_t blanks = std::max<std::int64_t>(1, (radius.v + pitch.v - 1) / pitch.v);
  for (std::int64_t k = 0; k < blanks; ++k) rows.push_back(signature_blank(c));
  for (const auto& name : d.signatures) {
    const Sp w = measure_text(name.value, s, c.fonts, c.sink, name.location);
    rows.push_back(signature_row(c, {{name.value, name.location, ""}}, centre - w / 2));
  }
  if (!date.empty()) rows.push_back(signature_row(c, {{date.value, date.location, ""}}, xd));
}

}  // namespace wenshu::layout

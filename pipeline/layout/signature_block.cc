// 发文机关署名, 成文日期 and the seal area (GB/T 9704-2012 7.3.5; gbt9704.md A4), and the
// signer block of 命令 (7.3.5.3). All rows carry `signature` so the paginator keeps them
// together and with text before them (7.3.5.5).
#include <algorithm>

#include <fmt/format.h>

#include "core/date.h"
#include "core/image_info.h"
#include "layout/composer.h"

namespace wenshu::layout {
namespace {

// One row holding `spans` set on one line at x (relative to the type area).
FlowRow signature_row(Composer& c, const std::vector<TextSpan>& spans, Sp x) {
  const auto lines = set_single(c, spans, c.style(c.p.roles.body, c.p.body_size), c.flow_width());
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
  const Sp right4 = c.flow_width() - c.p.cell() * 4;
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

// One seal of the signature block: its kind and, for an image, the file and its pixel size.
struct SealSpec {
  model::Seal::Kind kind = model::Seal::Kind::kReserved;
  std::string path;
  std::uint32_t px_w = 1, px_h = 1;
  core::SourceLocation location;
};

// The seals of the block, one per 署名 (at least one, over the date). A joint document with
// seal images needs one image per 署名: stamping the lead organ's seal for every organ would
// forge the others' seals, so that is an error, as is an image that is not a PNG or JPEG.
std::vector<SealSpec> seal_specs(Composer& c, std::size_t count, bool& ok) {
  const auto& d = c.doc;
  std::vector<model::Seal> given = d.seals;
  if (given.empty()) given.push_back(d.seal);
  std::vector<SealSpec> out;
  for (std::size_t i = 0; i < count; ++i) {
    const model::Seal& s = i < given.size() ? given[i] : given.back();
    SealSpec spec;
    spec.location = s.location.file.empty() ? d.location : s.location;
    spec.kind = s.kind == model::Seal::Kind::kImage ? s.kind : model::Seal::Kind::kReserved;
    if (spec.kind == model::Seal::Kind::kImage) {
      if (i >= given.size()) {
        c.diag(core::Severity::kError, "LAYOUT-SEAL", given.back().location,
               fmt::format("联合行文有 {} 个发文机关署名，但只给出 {} 个印章：每个署名需要自己的印章图像（GB/T 9704-2012 "
                           "7.3.5.1） / {} signatures but {} seals: a joint document needs one seal image per issuer",
                           count, given.size(), count, given.size()));
        ok = false;
      }
      spec.path = s.image_path;
      std::string err;
      if (const auto info = core::probe_image_file(s.image_path, err)) {
        spec.px_w = info->width;
        spec.px_h = info->height;
      } else {
        c.diag(core::Severity::kError, "LAYOUT-SEAL", spec.location,
               fmt::format("印章图像 {} 无法使用：{}", s.image_path, err));
        ok = false;
      }
    }
    out.push_back(std::move(spec));
  }
  return out;
}

// 7.3.5.1 with seals. One organ: date right-inset 4, 署名 centred over it, the seal centred
// over both with them in its lower half (its centre on the top of the 署名 line) and its top
// within one line of the text above. Joint issue: one seal per 署名 in issuing order, each
// 署名 centred under its seal, seals in rows evenly spaced, never touching, inside the type
// area; at most `seals_per_row` per row (fewer when the names are too wide for the row); a
// last row of fewer seals centred under the full rows (GB/T 9704-1999 7.3.5.1, the only text
// that states it); the last seal covers the last 署名 and the date, which is centred under it.
void append_sealed_signature(Composer& c, std::vector<FlowRow>& rows, const model::Text& date, Sp wd) {
  const auto& d = c.doc;
  const ParagraphStyle s = c.style(c.p.roles.body, c.p.body_size);
  const Sp cell = c.p.cell();
  const Sp width = c.flow_width();
  const Sp pitch = c.p.line_pitch();
  const Sp dia = c.p.seal_diameter;
  const Sp radius = dia / 2;
  const std::size_t n = std::max<std::size_t>(1, d.signatures.size());
  bool ok = true;
  const std::vector<SealSpec> seals = seal_specs(c, n, ok);

  std::vector<Sp> name_w(n);
  Sp widest;
  for (std::size_t i = 0; i < d.signatures.size(); ++i) {
    name_w[i] = measure_text(d.signatures[i].value, s, c.fonts, c.sink, d.signatures[i].location);
    widest = std::max(widest, name_w[i]);
  }
  // Columns: a seal plus the gap, or a name plus one 字, whichever is wider.
  const Sp column = std::max(dia + c.p.seal_gap, widest + cell);
  const Sp body_w = std::max(dia, widest);
  std::size_t cols = std::min<std::size_t>(n, static_cast<std::size_t>(std::max(1, c.p.seals_per_row)));
  while (cols > 1 && column * static_cast<std::int64_t>(cols - 1) + body_w > width) --cols;
  const std::size_t seal_rows = (n + cols - 1) / cols;

  // The rightmost column sits over the date, right-inset 4 (7.3.5.1), moved left or right as
  // little as needed to keep every seal and name in the type area.
  const Sp right4 = width - cell * 4;
  Sp last_centre = date.empty() ? right4 - name_w[n - 1] / 2 : right4 - wd + wd / 2;
  const Sp span = column * static_cast<std::int64_t>(cols - 1);
  last_centre = std::min(last_centre, width - body_w / 2);
  last_centre = std::max(last_centre, span + body_w / 2);
  if (span + body_w > width)
    c.diag(core::Severity::kWarning, "LAYOUT-SEAL", seals.front().location,
           "印章或发文机关署名过宽，超出版心（GB/T 9704-2012 7.3.5.1） / seal or signature wider than the type area");
  const Sp first_centre = last_centre - span;

  // Vertical: blank lines so the first seal's top lies within one line below the text above;
  // seal rows `step` lines apart so that seals of successive rows do not touch.
  const std::int64_t blanks = std::max<std::int64_t>(1, (radius.v + pitch.v - 1) / pitch.v);
  const std::int64_t step = std::max<std::int64_t>(1, (dia.v + c.p.seal_gap.v + pitch.v - 1) / pitch.v);
  for (std::int64_t k = 0; k < blanks; ++k) rows.push_back(signature_blank(c));

  Sp date_centre = last_centre;
  for (std::size_t row = 0; row < seal_rows; ++row) {
    const std::size_t first = row * cols;
    const std::size_t count = std::min(cols, n - first);
    // A short last row is centred under the full rows.
    const Sp offset = column * static_cast<std::int64_t>(cols - count) / 2;
    FlowRow names;
    names.kind = RowKind::kSignature;
    names.height = pitch;
    names.signature = true;
    std::vector<model::Item> images;
    for (std::size_t k = 0; k < count; ++k) {
      const std::size_t i = first + k;
      const Sp centre = first_centre + offset + column * static_cast<std::int64_t>(k);
      if (i < d.signatures.size()) {
        FlowRow r = signature_row(c, {{d.signatures[i].value, d.signatures[i].location, ""}}, centre - name_w[i] / 2);
        for (auto& item : r.items) names.items.push_back(std::move(item));
      }
      if (i == n - 1) date_centre = centre;
      if (seals[i].kind == model::Seal::Kind::kImage && ok) {
        // Width = the seal diameter, height by the image's aspect ratio; centre on the top of
        // the 署名 line (y = 0 of the names row).
        model::Image im;
        im.w = dia;
        im.h = Sp(dia.v * static_cast<std::int64_t>(seals[i].px_h) / static_cast<std::int64_t>(seals[i].px_w));
        im.x = centre - im.w / 2;
        im.y = Sp() - im.h / 2;
        im.path = seals[i].path;
        im.source_file = seals[i].location.file;
        im.source_line = seals[i].location.line;
        images.push_back(std::move(im));
      }
    }
    const bool last = row + 1 == seal_rows;
    if (!last || date.empty()) {
      // The seals of this row are painted over its names (a stamp lies on top of the text).
      for (auto& im : images) names.items.push_back(std::move(im));
      rows.push_back(std::move(names));
      if (!last) {
        // Fixed blank lines: a pull-back (7.3.5.5) must not bring two rows of seals together.
        for (std::int64_t k = 1; k < step; ++k) {
          FlowRow b = signature_blank(c);
          b.tightenable = false;
          rows.push_back(std::move(b));
        }
      }
      continue;
    }
    rows.push_back(std::move(names));
    // The last seal covers the date too: its images ride on the date row (painted after the
    // date), one line below the names.
    FlowRow dr = signature_row(c, {{date.value, date.location, ""}}, date_centre - wd / 2);
    for (auto& im : images) {
      translate_item(im, Sp(), Sp() - pitch);
      dr.items.push_back(std::move(im));
    }
    rows.push_back(std::move(dr));
  }
}

}  // namespace

void append_signature_rows(Composer& c, std::vector<FlowRow>& rows);

void append_signature(Composer& c, std::vector<FlowRow>& rows) {
  // 7.3.5: the block stays with the text before it. After a landscape table (gbt9704.md A7)
  // that text is on a landscape page, so the block is set there, across the turned type area.
  const bool landscape = !rows.empty() && rows.back().landscape;
  const std::size_t first = rows.size();
  c.landscape_flow = landscape;
  append_signature_rows(c, rows);
  c.landscape_flow = false;
  for (std::size_t k = first; k < rows.size(); ++k) rows[k].landscape = landscape;
}

void append_signature_rows(Composer& c, std::vector<FlowRow>& rows) {
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
    const Sp right2 = c.flow_width() - cell * 2;
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

  append_sealed_signature(c, rows, date, wd);
}

}  // namespace wenshu::layout

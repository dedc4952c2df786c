// Display list -> PDF content stream operators.
#include "pdf/content.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <variant>

#include "core/utf8.h"

namespace wenshu::pdf {

namespace {

/// sp -> thousandths of a point, rounded half away from zero (integer arithmetic only).
std::int64_t sp_to_milli(core::Sp s) {
  const std::int64_t n = s.v * 1000;
  return n >= 0 ? (n + core::kSpPerPt / 2) / core::kSpPerPt : -((-n + core::kSpPerPt / 2) / core::kSpPerPt);
}

std::string format_fixed(double v, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  std::string s = buf;
  if (s.find('.') != std::string::npos) {
    while (!s.empty() && s.back() == '0') s.pop_back();
    if (!s.empty() && s.back() == '.') s.pop_back();
  }
  if (s == "-0") s = "0";
  return s;
}

/// Colour operator: fill (rg/g/k) or stroke (RG/G/K). Components are 0..1000.
std::string color_op(const model::Color& c, bool stroke) {
  auto comp = [](std::uint16_t v) { return format_milli(v > 1000 ? 1000 : v); };
  switch (c.space) {
    case model::Color::Space::kGray:
      return comp(c.c[0]) + (stroke ? " G\n" : " g\n");
    case model::Color::Space::kRgb:
      return comp(c.c[0]) + " " + comp(c.c[1]) + " " + comp(c.c[2]) + (stroke ? " RG\n" : " rg\n");
    case model::Color::Space::kCmyk:
      return comp(c.c[0]) + " " + comp(c.c[1]) + " " + comp(c.c[2]) + " " + comp(c.c[3]) + (stroke ? " K\n" : " k\n");
  }
  return {};
}

/// Appends `value` / 10^decimals with no trailing zeros ("12.5", "-0.05", "3"): what "%.*f"
/// and trimming give for such a value, without printf's floating-point path.
void append_scaled(std::string& out, std::int64_t value, int decimals) {
  std::uint64_t scale = 1;
  for (int i = 0; i < decimals; ++i) scale *= 10;
  const bool neg = value < 0;
  const std::uint64_t m = neg ? 0 - static_cast<std::uint64_t>(value) : static_cast<std::uint64_t>(value);
  char buf[32];
  char* p = buf;
  if (neg) *p++ = '-';
  p = std::to_chars(p, buf + sizeof buf, m / scale).ptr;
  std::uint64_t frac = m % scale;
  if (frac != 0) {
    *p++ = '.';
    for (std::uint64_t digit = scale / 10; frac != 0; digit /= 10) {
      *p++ = static_cast<char>('0' + frac / digit);
      frac %= digit;
    }
  }
  out.append(buf, p);
}

void append_hex16(std::string& out, std::uint32_t v) {
  static const char* kHex = "0123456789ABCDEF";
  for (int shift = 12; shift >= 0; shift -= 4) out.push_back(kHex[(v >> shift) & 0xf]);
}

/// UTF-16BE hex with BOM, for /ActualText (ISO 32000-1 14.9.4).
std::string utf16_hex(const std::string& utf8) {
  std::string out = "<FEFF";
  for (char32_t cp : core::utf8_decode(utf8)) {
    if (cp >= 0x10000) {
      const std::uint32_t v = cp - 0x10000;
      append_hex16(out, 0xD800 + (v >> 10));
      append_hex16(out, 0xDC00 + (v & 0x3ff));
    } else {
      append_hex16(out, cp);
    }
  }
  out += ">";
  return out;
}

/// Writes one glyph run: BT, font, colour, scale, matrix, then TJ arrays with kerning numbers
/// that put every glyph exactly at its PlacedGlyph::x (no drift: the pen position is tracked
/// from the numbers actually printed).
void write_run(std::string& out, const model::GlyphRun& run, const model::Page& page, const ContentFont& font) {
  if (run.glyphs.empty() || !font.code_of) return;
  const double size = static_cast<double>(sp_to_milli(run.size)) / 1000.0;
  if (size <= 0) return;
  const double th = run.horizontal_scale / 100.0;
  const core::Sp x0 = run.glyphs.front().x;
  const core::Sp y0 = page.height - run.baseline;

  out += "BT\n";
  out += color_op(run.color, false);
  out += "/" + font.resource + " " + format_milli(sp_to_milli(run.size)) + " Tf\n";
  if (run.horizontal_scale != 100) out += std::to_string(run.horizontal_scale) + " Tz\n";
  if (run.rotation_deg % 360 == 0) {
    out += "1 0 0 1 " + format_pt(x0) + " " + format_pt(y0) + " Tm\n";
  } else {
    // Counter-clockwise about the first glyph's origin (model/page.h); multiples of 90 exact.
    const int deg = ((run.rotation_deg % 360) + 360) % 360;
    double c, s;
    if (deg == 90) c = 0, s = 1;
    else if (deg == 180) c = -1, s = 0;
    else if (deg == 270) c = 0, s = -1;
    else {
      const double r = deg * 3.14159265358979323846 / 180.0;
      c = std::cos(r), s = std::sin(r);
    }
    out += format_fixed(c, 6) + " " + format_fixed(s, 6) + " " + format_fixed(-s, 6) + " " + format_fixed(c, 6) + " " +
           format_pt(x0) + " " + format_pt(y0) + " Tm\n";
  }

  double pen = 0;  // pen position along the baseline, in points, as a viewer computes it
  std::string tj;  // pending TJ array contents
  bool in_hex = false;
  auto close_hex = [&] {
    if (in_hex) tj += ">", in_hex = false;
  };
  auto flush = [&] {
    close_hex();
    if (!tj.empty()) out += "[" + tj + "]TJ\n";
    tj.clear();
  };
  for (const auto& g : run.glyphs) {
    auto it = font.code_of->find(g.gid);
    if (it == font.code_of->end()) continue;
    const std::uint16_t code = it->second;
    const double target = static_cast<double>(sp_to_milli(g.x - x0)) / 1000.0;
    // TJ number k moves the pen by -k/1000 × size × Th (ISO 32000-1 9.4.4); in hundredths.
    const double k = -(target - pen) * 1000.0 / (size * th);
    const long long k100 = std::llround(k * 100.0);
    if (k100 != 0) {
      close_hex();
      append_scaled(tj, k100, 2);
      pen -= (k100 / 100.0) / 1000.0 * size * th;
    }
    // A glyph whose text differs from its code's ToUnicode entry (one glyph for two code points,
    // e.g. Kangxi radical and URO ideograph) gets /ActualText so extraction stays exact.
    bool actual = false;
    if (font.unicode_of && !g.text.empty()) {
      auto u = font.unicode_of->find(code);
      actual = u == font.unicode_of->end() || u->second != g.text;
    }
    if (actual) {
      flush();
      out += "/Span<</ActualText" + utf16_hex(g.text) + ">>BDC\n";
    }
    if (!in_hex) tj += "<", in_hex = true;
    append_hex16(tj, code);
    std::int64_t w = 1'000'000;
    if (font.width_milli) {
      if (auto wi = font.width_milli->find(code); wi != font.width_milli->end()) w = wi->second;
    }
    pen += static_cast<double>(w) / 1e6 * size * th;
    if (actual) {
      flush();
      out += "EMC\n";
    }
  }
  flush();
  out += "ET\n";
  // Tz belongs to the graphics state, which ET does not restore (ISO 32000-1 9.3.1): reset it,
  // or every later run on the page is narrowed too.
  if (run.horizontal_scale != 100) out += "100 Tz\n";
}

}  // namespace

std::string format_milli(std::int64_t milli) {
  std::string s;
  append_scaled(s, milli, 3);
  return s;
}

std::string format_pt(core::Sp s) { return format_milli(sp_to_milli(s)); }

std::string build_page_content(const model::Page& page, const std::vector<ContentFont>& fonts,
                               const std::map<std::string, std::string>& images) {
  std::string out;
  auto ypdf = [&](core::Sp y) { return format_pt(page.height - y); };
  // Transformed ranges (model::ItemTransform): `q <matrix> cm … Q` around their items. The
  // items are written as usual (y flipped against the page height H); the matrix maps those
  // PDF coordinates to the page's: derived from transform_point with Y_pdf = H − Y.
  std::size_t next_transform = 0, transform_end = 0;
  for (std::size_t index = 0; index < page.items.size(); ++index) {
    if (transform_end != 0 && index == transform_end) out += "Q\n", transform_end = 0;
    while (next_transform < page.transforms.size() && page.transforms[next_transform].count == 0) ++next_transform;
    if (transform_end == 0 && next_transform < page.transforms.size() && page.transforms[next_transform].first == index) {
      const auto& t = page.transforms[next_transform++];
      const core::Sp h = page.height;
      std::string m;
      switch (((t.quarter_turns % 4) + 4) % 4) {
        case 1: m = "0 1 -1 0 " + format_pt(h + t.dx) + " " + format_pt(h - t.dy); break;
        case 2: m = "-1 0 0 -1 " + format_pt(t.dx) + " " + format_pt(h + h - t.dy); break;
        case 3: m = "0 -1 1 0 " + format_pt(t.dx - h) + " " + format_pt(h - t.dy); break;
        default: m = "1 0 0 1 " + format_pt(t.dx) + " " + format_pt(core::Sp() - t.dy); break;
      }
      out += "q\n" + m + " cm\n";
      transform_end = t.first + t.count;
    }
    const auto& item = page.items[index];
    if (const auto* run = std::get_if<model::GlyphRun>(&item)) {
      if (run->font < fonts.size()) write_run(out, *run, page, fonts[run->font]);
    } else if (const auto* line = std::get_if<model::Line>(&item)) {
      out += "q\n" + color_op(line->color, true) + format_pt(line->width) + " w\n" + format_pt(line->x0) + " " +
             ypdf(line->y0) + " m " + format_pt(line->x1) + " " + ypdf(line->y1) + " l S\nQ\n";
    } else if (const auto* rect = std::get_if<model::Rect>(&item)) {
      if (!rect->fill && !rect->stroke) continue;
      out += "q\n";
      if (rect->fill) out += color_op(rect->fill_color, false);
      if (rect->stroke) out += color_op(rect->stroke_color, true) + format_pt(rect->stroke_width) + " w\n";
      out += format_pt(rect->x) + " " + ypdf(rect->y + rect->h) + " " + format_pt(rect->w) + " " + format_pt(rect->h) +
             " re " + (rect->fill && rect->stroke ? "B" : rect->fill ? "f" : "S") + "\nQ\n";
    } else if (const auto* poly = std::get_if<model::Polyline>(&item)) {
      if (poly->points.size() < 2) continue;
      const bool stroke = poly->width.v > 0;
      if (!poly->fill && !stroke) continue;
      out += "q\n";
      if (poly->fill) out += color_op(poly->color, false);
      if (stroke) out += color_op(poly->color, true) + format_pt(poly->width) + " w 1 j\n";
      bool first = true;
      for (const auto& [x, y] : poly->points) {
        out += format_pt(x) + " " + ypdf(y) + (first ? " m\n" : " l\n");
        first = false;
      }
      if (poly->closed) out += "h\n";
      out += poly->fill && stroke ? "B\nQ\n" : poly->fill ? "f\nQ\n" : "S\nQ\n";
    } else if (const auto* image = std::get_if<model::Image>(&item)) {
      // An image XObject fills the unit square; `cm` scales it to the box (ISO 32000-1 8.9.4).
      // Multiply (11.3.5.2) keeps the text under a seal's white background visible.
      const auto res = images.find(image->path);
      if (res == images.end() || image->w.v <= 0 || image->h.v <= 0) continue;
      out += "q\n";
      if (image->multiply) out += std::string("/") + kMultiplyState + " gs\n";
      out += format_pt(image->w) + " 0 0 " + format_pt(image->h) + " " + format_pt(image->x) + " " +
             ypdf(image->y + image->h) + " cm\n/" + res->second + " Do\nQ\n";
    }
  }
  if (transform_end != 0) out += "Q\n";
  return out;
}

}  // namespace wenshu::pdf

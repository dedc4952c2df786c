// Page model → OFD page description (see page_content.h; docs/ofd.md §Mapping).
#include "ofd/page_content.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <variant>

#include "core/utf8.h"
#include "ofd/geometry.h"
#include "ofd/xml_out.h"
#include "pdf/font_program.h"

namespace wenshu::ofd {

namespace {

using Points = std::vector<std::pair<double, double>>;  // page micrometres

/// The ItemTransform as a map of page micrometres (model::transform_point).
Affine item_affine(const model::ItemTransform& t) {
  const double dx = static_cast<double>(sp_to_um(t.dx)), dy = static_cast<double>(sp_to_um(t.dy));
  switch (((t.quarter_turns % 4) + 4) % 4) {
    case 1: return {0, -1, 1, 0, dx, dy};
    case 2: return {-1, 0, 0, -1, dx, dy};
    case 3: return {0, 1, -1, 0, dx, dy};
    default: return Affine::translate(dx, dy);
  }
}

/// A CTM over micrometre spaces written as the millimetre CTM OFD expects.
std::string ctm_mm(const Affine& m) { return Affine{m.a, m.b, m.c, m.d, m.e / 1000.0, m.f / 1000.0}.str(); }

/// An integer box in micrometres.
struct Box {
  std::int64_t x = 0, y = 0, w = 0, h = 0;
  std::string str() const { return format_um(x) + " " + format_um(y) + " " + format_um(w) + " " + format_um(h); }
};

/// The smallest micrometre box holding `points` (rounded outward), grown by `pad` on every side.
Box bounding_box(const Points& points, double pad) {
  double x0 = points.front().first, y0 = points.front().second, x1 = x0, y1 = y0;
  for (const auto& [x, y] : points) {
    x0 = std::min(x0, x), y0 = std::min(y0, y), x1 = std::max(x1, x), y1 = std::max(y1, y);
  }
  const auto lo = [](double v) { return static_cast<std::int64_t>(std::floor(v)); };
  const auto hi = [](double v) { return static_cast<std::int64_t>(std::ceil(v)); };
  Box b{lo(x0 - pad), lo(y0 - pad), 0, 0};
  b.w = hi(x1 + pad) - b.x;
  b.h = hi(y1 + pad) - b.y;
  return b;
}

/// `c` as an OFD colour element: 8-bit components in the default RGB space, or in the GRAY or
/// CMYK space declared in PublicRes.xml.
void write_color(XmlOut& x, const char* element, const model::Color& c, const ContentResources& res) {
  auto comp = [](std::uint16_t v) { return std::to_string((std::min<int>(v, 1000) * 255 + 500) / 1000); };
  x.open(element);
  switch (c.space) {
    case model::Color::Space::kGray:
      // The page model's gray is a PDF gray level (0 = black), as is OFD's GRAY.
      x.attr("Value", comp(c.c[0])).attr("ColorSpace", std::to_string(res.gray_space));
      break;
    case model::Color::Space::kRgb:
      x.attr("Value", comp(c.c[0]) + " " + comp(c.c[1]) + " " + comp(c.c[2]));
      break;
    case model::Color::Space::kCmyk:
      x.attr("Value", comp(c.c[0]) + " " + comp(c.c[1]) + " " + comp(c.c[2]) + " " + comp(c.c[3]))
          .attr("ColorSpace", std::to_string(res.cmyk_space));
      break;
  }
  x.close();
}

/// Path data (GB/T 33190-2016 §9.3 abbreviated form) of `points` relative to `box`.
std::string path_data(const Points& points, const Box& box, bool closed) {
  std::string d;
  for (std::size_t i = 0; i < points.size(); ++i) {
    d += i == 0 ? "M " : " L ";
    d += format_um(std::llround(points[i].first) - box.x) + " " + format_um(std::llround(points[i].second) - box.y);
  }
  if (closed) d += " C";
  return d;
}

struct PathStyle {
  const model::Color* fill = nullptr;    ///< null: not filled
  const model::Color* stroke = nullptr;  ///< null: not stroked
  core::Sp width;
  bool round_join = false;
};

void write_path(XmlOut& x, std::uint32_t id, const Points& points, bool closed, const PathStyle& style,
                const ContentResources& res) {
  const double width = static_cast<double>(sp_to_um(style.width));
  const Box box = bounding_box(points, style.stroke ? width : 0.0);
  x.open("PathObject").attr("ID", std::to_string(id)).attr("Boundary", box.str());
  if (style.stroke) x.attr("LineWidth", format_um(sp_to_um(style.width)));
  else x.attr("Stroke", "false");
  if (style.fill) x.attr("Fill", "true");
  if (style.stroke && style.round_join) x.attr("Join", "Round");
  if (style.stroke) write_color(x, "StrokeColor", *style.stroke, res);
  if (style.fill) write_color(x, "FillColor", *style.fill, res);
  x.leaf("AbbreviatedData", path_data(points, box, closed));
  x.close();
}

/// One character of a TextCode at its position along the run (object space, micrometres).
struct CodeChar {
  std::string text;
  std::int64_t x_um = 0;  ///< page x of the glyph that draws it
};

/// Characters drawn by glyphs the font's own mapping would not give (ligatures, clusters,
/// alternates): a CGTransform (§11.4) names the glyphs.
struct Cluster {
  std::size_t first = 0, count = 0;
  std::vector<std::uint32_t> glyphs;   ///< subset glyph indices
  std::vector<std::uint32_t> originals;
  bool transform = false;
};

/// Splits a run into characters and clusters (glyphs without text continue the previous one).
void collect_chars(const model::GlyphRun& run, const ContentFont& font, std::vector<CodeChar>& chars,
                   std::vector<Cluster>& clusters) {
  for (const auto& g : run.glyphs) {
    const auto it = font.new_gid_of->find(g.gid);
    if (it == font.new_gid_of->end()) continue;  // the writer has reported it
    if (g.text.empty()) {
      if (clusters.empty()) continue;  // no character to carry it
      clusters.back().glyphs.push_back(it->second);
      clusters.back().originals.push_back(g.gid);
      clusters.back().transform = true;
      continue;
    }
    const std::u32string cps = core::utf8_decode(g.text);
    Cluster c{chars.size(), cps.size(), {it->second}, {g.gid}, false};
    c.transform = cps.size() != 1 || font.program->nominal_glyph(cps[0]) != g.gid;
    clusters.push_back(std::move(c));
    for (char32_t cp : cps) chars.push_back({core::utf8_encode(std::u32string(1, cp)), sp_to_um(g.x)});
  }
}

/// DeltaX (§11.3) of `u` (object-space character positions), "g N v" for repeats; empty when
/// every character sits where the font's advances put it (within 1 µm, no drift).
std::string delta_x(const std::vector<std::int64_t>& u, const std::vector<Cluster>& clusters,
                    const pdf::FontProgram& program, double size_um) {
  bool nominal = true;
  double pen = static_cast<double>(u.front());
  for (const auto& c : clusters) {
    if (c.transform || c.count != 1) nominal = false;
    if (!nominal) break;
    if (std::abs(pen - static_cast<double>(u[c.first])) > 1.0) nominal = false;
    for (auto g : c.originals) pen += static_cast<double>(program.advance_milli(g)) / 1e6 * size_um;
  }
  if (nominal) return {};
  std::string out;
  for (std::size_t i = 1; i < u.size();) {
    const std::int64_t d = u[i] - u[i - 1];
    std::size_t n = 1;
    while (i + n < u.size() && u[i + n] - u[i + n - 1] == d) ++n;
    if (!out.empty()) out += " ";
    if (n >= 3) {
      out += "g " + std::to_string(n) + " " + format_um(d);
      i += n;
    } else {
      out += format_um(d);
      ++i;
    }
  }
  return out;
}

void write_text(XmlOut& x, std::uint32_t id, const model::GlyphRun& run, const Affine* item, const ContentResources& res) {
  if (run.font >= res.fonts.size()) return;
  const ContentFont& font = res.fonts[run.font];
  const double size = static_cast<double>(sp_to_um(run.size));
  if (!font.id || !font.program || size <= 0) return;
  std::vector<CodeChar> chars;
  std::vector<Cluster> clusters;
  collect_chars(run, font, chars, clusters);
  if (chars.empty()) return;

  // Object space: origin at the first character, x along the baseline before the horizontal
  // scale (red heads are condensed) and rotation; the CTM maps it onto the page.
  const double scale = run.horizontal_scale / 100.0;
  const double x0 = static_cast<double>(chars.front().x_um), base = static_cast<double>(sp_to_um(run.baseline));
  Affine full = Affine::scale(scale, 1).then(Affine::rotate_ccw(run.rotation_deg)).then(Affine::translate(x0, base));
  if (item) full = full.then(*item);
  std::vector<std::int64_t> u;
  for (const auto& c : chars) u.push_back(std::llround(static_cast<double>(c.x_um - chars.front().x_um) / scale));

  const pdf::FontMetrics& m = font.program->metrics();
  double last_advance = 0;
  for (auto g : clusters.back().originals) last_advance += static_cast<double>(font.program->advance_milli(g)) / 1e6 * size;
  const double left = std::min(0.0, m.bbox[0] / 1000.0 * size);
  const double right = static_cast<double>(u.back()) + std::max(last_advance, m.bbox[2] / 1000.0 * size);
  const double top = -m.bbox[3] / 1000.0 * size, bottom = -m.bbox[1] / 1000.0 * size;
  Points corners;
  for (const auto& [cx, cy] : {std::pair{left, top}, std::pair{right, top}, std::pair{right, bottom}, std::pair{left, bottom}})
    corners.push_back(full.apply(cx, cy));
  const Box box = bounding_box(corners, 0.0);

  x.open("TextObject").attr("ID", std::to_string(id)).attr("Boundary", box.str());
  x.attr("Font", std::to_string(font.id)).attr("Size", format_um(sp_to_um(run.size)));
  std::int64_t tx = 0, ty = 0;  // the first character's origin in the object's own space
  if (full.is_translation()) {
    tx = chars.front().x_um - box.x;
    ty = sp_to_um(run.baseline) - box.y;
  } else {
    x.attr("CTM", ctm_mm(full.then(Affine::translate(static_cast<double>(-box.x), static_cast<double>(-box.y)))));
  }
  write_color(x, "FillColor", run.color, res);
  for (const auto& c : clusters) {
    if (!c.transform) continue;
    std::string glyphs;
    for (auto g : c.glyphs) glyphs += (glyphs.empty() ? "" : " ") + std::to_string(g);
    x.open("CGTransform").attr("CodePosition", std::to_string(c.first)).attr("CodeCount", std::to_string(c.count));
    x.attr("GlyphCount", std::to_string(c.glyphs.size())).leaf("Glyphs", glyphs).close();
  }
  std::string text;
  for (const auto& c : chars) text += c.text;
  x.open("TextCode").attr("X", format_um(tx)).attr("Y", format_um(ty));
  if (const std::string dx = delta_x(u, clusters, *font.program, size); !dx.empty()) x.attr("DeltaX", dx);
  x.text_close(text);
  x.close();
}

void write_image(XmlOut& x, std::uint32_t id, const model::Image& im, const Affine* item, const ContentResources& res) {
  const auto it = res.images.find(im.path);
  if (it == res.images.end() || im.w.v <= 0 || im.h.v <= 0) return;
  // An image fills the unit square of its own space (§10.2); the CTM scales it into its box.
  Affine full{static_cast<double>(sp_to_um(im.w)), 0, 0, static_cast<double>(sp_to_um(im.h)),
              static_cast<double>(sp_to_um(im.x)), static_cast<double>(sp_to_um(im.y))};
  if (item) full = full.then(*item);
  const Box box = bounding_box({full.apply(0, 0), full.apply(1, 0), full.apply(1, 1), full.apply(0, 1)}, 0.0);
  x.open("ImageObject").attr("ID", std::to_string(id)).attr("Boundary", box.str());
  // The unit square has no unit, so the whole matrix goes from micrometres to millimetres.
  const Affine m = full.then(Affine::translate(static_cast<double>(-box.x), static_cast<double>(-box.y)));
  x.attr("CTM", Affine{m.a / 1000, m.b / 1000, m.c / 1000, m.d / 1000, m.e / 1000, m.f / 1000}.str());
  x.attr("ResourceID", std::to_string(it->second)).close();
}

/// Page points of a path item, through the item transform when there is one.
Points page_points(const std::vector<std::pair<core::Sp, core::Sp>>& pts, const Affine* item) {
  Points out;
  for (const auto& [px, py] : pts) {
    const double ux = static_cast<double>(sp_to_um(px)), uy = static_cast<double>(sp_to_um(py));
    out.push_back(item ? item->apply(ux, uy) : std::pair{ux, uy});
  }
  return out;
}

void write_item(XmlOut& x, const model::Item& item, const Affine* t, const ContentResources& res, std::uint32_t& next_id) {
  if (const auto* run = std::get_if<model::GlyphRun>(&item)) {
    write_text(x, next_id++, *run, t, res);
  } else if (const auto* l = std::get_if<model::Line>(&item)) {
    write_path(x, next_id++, page_points({{l->x0, l->y0}, {l->x1, l->y1}}, t), false, {nullptr, &l->color, l->width}, res);
  } else if (const auto* r = std::get_if<model::Rect>(&item)) {
    if (!r->fill && !r->stroke) return;
    const Points pts = page_points({{r->x, r->y}, {r->x + r->w, r->y}, {r->x + r->w, r->y + r->h}, {r->x, r->y + r->h}}, t);
    write_path(x, next_id++, pts, true,
               {r->fill ? &r->fill_color : nullptr, r->stroke ? &r->stroke_color : nullptr, r->stroke_width}, res);
  } else if (const auto* p = std::get_if<model::Polyline>(&item)) {
    const bool stroke = p->width.v > 0;
    if (p->points.size() < 2 || (!p->fill && !stroke)) return;
    write_path(x, next_id++, page_points(p->points, t), p->closed,
               {p->fill ? &p->color : nullptr, stroke ? &p->color : nullptr, p->width, true}, res);
  } else if (const auto* im = std::get_if<model::Image>(&item)) {
    write_image(x, next_id++, *im, t, res);
  }
}

}  // namespace

std::string build_page_content(const model::Page& page, const ContentResources& resources, std::uint32_t& next_id,
                               bool own_area) {
  XmlOut x;
  x.open("Page");
  if (own_area) {
    x.open("Area").leaf("PhysicalBox", "0 0 " + format_um(sp_to_um(page.width)) + " " + format_um(sp_to_um(page.height)));
    x.close();
  }
  x.open("Content").open("Layer").attr("ID", std::to_string(next_id++)).attr("Type", "Body");
  // Transformed item ranges (model::ItemTransform, landscape tables) are mapped object by
  // object: OFD has no group transform in a layer (§7.7).
  std::vector<const model::ItemTransform*> transform_of(page.items.size(), nullptr);
  for (const auto& t : page.transforms)
    for (std::size_t i = t.first; i < t.first + t.count && i < page.items.size(); ++i) transform_of[i] = &t;
  for (std::size_t i = 0; i < page.items.size(); ++i) {
    std::optional<Affine> t;
    if (transform_of[i]) t = item_affine(*transform_of[i]);
    write_item(x, page.items[i], t ? &*t : nullptr, resources, next_id);
  }
  x.close().close().close();
  return x.take();
}

}  // namespace wenshu::ofd

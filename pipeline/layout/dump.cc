#include "layout/dump.h"

#include <algorithm>
#include <tuple>

#include <fmt/format.h>

namespace wenshu::layout {
namespace {

// fmt formats floating point independently of the global locale: '.' always.
std::string num(core::Sp s) { return fmt::format("{:.3f}", core::to_pt(s)); }

std::string color(const model::Color& c) {
  switch (c.space) {
    case model::Color::Space::kGray:
      return c.c[0] == 0 ? "black" : fmt::format("gray({})", c.c[0]);
    case model::Color::Space::kRgb:
      return fmt::format("rgb({},{},{})", c.c[0], c.c[1], c.c[2]);
    case model::Color::Space::kCmyk:
      return fmt::format("cmyk({},{},{},{})", c.c[0], c.c[1], c.c[2], c.c[3]);
  }
  return "?";
}

// Glyph text in the dump: spaces and control characters escaped so that a dump line splits on
// spaces; a glyph continuing a cluster ("") is shown as "~".
std::string glyph_text(const std::string& t) {
  if (t.empty()) return "~";
  std::string out;
  for (unsigned char ch : t) {
    if (ch <= 0x20 || ch == 0x7f || ch == '\\') out += fmt::format("\\x{:02x}", ch);
    else out += static_cast<char>(ch);
  }
  return out;
}

std::string run_text(const model::GlyphRun& r, const DumpOptions& o) {
  std::string out = fmt::format(" | f{} {}", r.font, num(r.size));
  if (!(r.color == model::Color::black())) out += " " + color(r.color);
  if (r.horizontal_scale != 100) out += fmt::format(" hs{}", r.horizontal_scale);
  if (r.rotation_deg != 0) out += fmt::format(" rot{}", r.rotation_deg);
  for (const auto& g : r.glyphs) {
    out += " " + glyph_text(g.text) + "@" + num(g.x) + "+" + num(g.advance);
    if (o.glyph_ids) out += fmt::format("#{}", g.gid);
  }
  return out;
}

}  // namespace

std::string dump_layout(const model::PagedDocument& doc, const DumpOptions& options) {
  std::string out = "wenshu-layout-dump 1\n";
  auto field = [](const std::string& s) { return s.empty() ? std::string("-") : glyph_text(s); };
  out += fmt::format("info title={} author={} date={} draft={}\n", field(doc.info.title), field(doc.info.author), doc.info.date.empty() ? "-" : doc.info.date,
                     doc.info.draft ? 1 : 0);
  for (std::size_t i = 0; i < doc.fonts.size(); ++i) {
    const auto& f = doc.fonts[i];
    const auto slash = f.path.find_last_of('/');
    const std::string file = slash == std::string::npos ? f.path : f.path.substr(slash + 1);
    out += fmt::format("font f{} {} {}#{}\n", i, f.role, file, f.face_index);
  }
  for (std::size_t pi = 0; pi < doc.pages.size(); ++pi) {
    const auto& page = doc.pages[pi];
    const std::size_t pn = pi + 1;
    out += fmt::format("page {} size {}x{} number {}\n", pn, num(page.width), num(page.height), page.number);
    // Landscape table pages: the items of the range are in their own frame (model::ItemTransform).
    for (const auto& t : page.transforms)
      out += fmt::format("{} transform items {}+{} turns {} shift {},{}\n", pn, t.first, t.count, t.quarter_turns,
                         num(t.dx), num(t.dy));
    // Line boxes: glyph runs grouped by baseline (and rotation), top to bottom, then left to
    // right; a line box can hold several runs (e.g. 签发人： in 仿宋 + names in 楷体).
    struct RunRef {
      const model::GlyphRun* run;
      std::size_t order;
    };
    std::vector<RunRef> runs;
    for (std::size_t k = 0; k < page.items.size(); ++k)
      if (const auto* r = std::get_if<model::GlyphRun>(&page.items[k])) runs.push_back({r, k});
    auto first_x = [](const model::GlyphRun* r) { return r->glyphs.empty() ? core::Sp() : r->glyphs.front().x; };
    std::stable_sort(runs.begin(), runs.end(), [&](const RunRef& a, const RunRef& b) {
      return std::make_tuple(a.run->baseline.v, a.run->rotation_deg, first_x(a.run).v, a.order) <
             std::make_tuple(b.run->baseline.v, b.run->rotation_deg, first_x(b.run).v, b.order);
    });
    int line = 0;
    for (std::size_t k = 0; k < runs.size();) {
      std::size_t e = k;
      while (e < runs.size() && runs[e].run->baseline == runs[k].run->baseline &&
             runs[e].run->rotation_deg == runs[k].run->rotation_deg)
        ++e;
      ++line;
      out += fmt::format("{} {} {}", pn, line, num(runs[k].run->baseline));
      for (std::size_t j = k; j < e; ++j) out += run_text(*runs[j].run, options);
      out += "\n";
      k = e;
    }
    for (const auto& item : page.items) {
      if (const auto* l = std::get_if<model::Line>(&item)) {
        out += fmt::format("{} rule {} {} {} {} w{} {}\n", pn, num(l->x0), num(l->y0), num(l->x1), num(l->y1),
                           num(l->width), color(l->color));
      } else if (const auto* r = std::get_if<model::Rect>(&item)) {
        out += fmt::format("{} rect {} {} {} {}", pn, num(r->x), num(r->y), num(r->w), num(r->h));
        if (r->fill) out += " fill " + color(r->fill_color);
        if (r->stroke) out += " stroke " + color(r->stroke_color) + " w" + num(r->stroke_width);
        out += "\n";
      } else if (const auto* pl = std::get_if<model::Polyline>(&item)) {
        out += fmt::format("{} poly{}{} w{} {}", pn, pl->closed ? " closed" : "", pl->fill ? " fill" : "",
                           num(pl->width), color(pl->color));
        for (const auto& [x, y] : pl->points) out += " " + num(x) + "," + num(y);
        out += "\n";
      } else if (const auto* im = std::get_if<model::Image>(&item)) {
        // The file name only: dumps must not depend on where the checkout lives.
        const auto slash = im->path.find_last_of('/');
        out += fmt::format("{} image {} {} {} {}{} {}\n", pn, num(im->x), num(im->y), num(im->w), num(im->h),
                           im->multiply ? " multiply" : "",
                           slash == std::string::npos ? im->path : im->path.substr(slash + 1));
      }
    }
  }
  return out;
}

}  // namespace wenshu::layout

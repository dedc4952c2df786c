// Lines of text from glyph positions (see page_lines.h).
#include "doccheck/page_lines.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "core/utf8.h"

namespace wenshu::doccheck {

namespace {

constexpr double kPi = 3.14159265358979323846;

bool is_blank(const std::string& t) {
  return std::all_of(t.begin(), t.end(), [](char ch) { return ch == ' ' || ch == '\t'; });
}

bool is_red(const Glyph& g) { return g.r > 0.8 && g.g < 0.3 && g.b < 0.3; }

/// Marks whose glyph sits in the left half of the em (closing brackets and quotes, 、，。：；！？):
/// at a line end their blank half may be dropped (GB/T 15834-2011 5.1.10), so the ink ends ½ em
/// short of the advance.
bool left_half_mark(const std::string& t) {
  static const char* const kMarks[] = {"，", "、", "。", "：", "；", "！", "？", "）", "”", "’", "》", "〉",
                                       "】", "〕", "」", "』", "〗", "］", "｝"};
  return std::any_of(std::begin(kMarks), std::end(kMarks), [&](const char* m) { return t == m; });
}
/// Opening marks: glyph in the right half, a ½ em blank on the left.
bool right_half_mark(const std::string& t) {
  static const char* const kMarks[] = {"（", "“", "‘", "《", "〈", "【", "〔", "「", "『", "〖", "［", "｛"};
  return std::any_of(std::begin(kMarks), std::end(kMarks), [&](const char* m) { return t == m; });
}

struct Placed {
  std::size_t index;
  int direction;
  double u, v, end;
};

struct FrameRule {
  int direction;
  double u0, u1, v0, v1;  // u0 <= u1, v0 <= v1
};

bool page_number_text(const std::string& s) {
  std::u32string t;
  for (char32_t c : core::utf8_decode(s))
    if (c != U' ') t.push_back(c);
  if (t.size() < 3 || t.front() != U'—' || t.back() != U'—') return false;
  return std::all_of(t.begin() + 1, t.end() - 1, [](char32_t c) { return c >= U'0' && c <= U'9'; });
}

/// Splits one baseline's glyphs (sorted along u) into lines at table rules and wide gaps.
std::vector<std::vector<Placed>> split_baseline(const std::vector<Placed>& row, const std::vector<FrameRule>& verticals,
                                                const PageContent& page) {
  std::vector<std::vector<Placed>> out;
  for (std::size_t i = 0; i < row.size(); ++i) {
    bool split = out.empty();
    if (!split) {
      const Placed& a = out.back().back();
      const Placed& b = row[i];
      const double size = page.glyphs[b.index].size;
      const double mid = b.v - size * 0.38;
      split = b.u - a.end > size * 3;
      for (const auto& r : verticals)
        if (!split && r.direction == b.direction && r.u0 >= a.end - 0.5 && r.u0 <= b.u + 0.5 && r.v0 <= mid &&
            r.v1 >= mid)
          split = true;
    }
    if (split) out.emplace_back();
    out.back().push_back(row[i]);
  }
  return out;
}

void set_box(Line& line, const std::vector<FrameRule>& verticals, const Geometry& g, const Box& area) {
  const double mid = line.v - line.size * 0.38;
  const FrameRule* left = nullptr;
  const FrameRule* right = nullptr;
  for (const auto& r : verticals) {
    if (r.direction != line.direction || r.v0 > mid || r.v1 < mid) continue;
    if (r.u0 <= line.u0 + 0.5 && (!left || r.u0 > left->u0)) left = &r;
    if (r.u0 >= line.u1_ink - 0.5 && (!right || r.u0 < right->u0)) right = &r;
  }
  line.box = area;
  if (left && right) {
    line.in_cell = true;
    line.box.left = left->u0 + g.table_padding;
    line.box.right = right->u0 - g.table_padding;
    line.box.top = std::max(left->v0, right->v0);
    line.box.bottom = std::min(left->v1, right->v1);
  }
}

Line make_line(const std::vector<Placed>& seg, const PageContent& page, int page_index) {
  Line line;
  line.page = page_index;
  line.direction = seg.front().direction;
  line.v = seg.front().v;
  std::map<std::string, int> fonts;
  bool first = true, all_red = true;
  for (const Placed& p : seg) {
    const Glyph& gl = page.glyphs[p.index];
    line.glyphs.push_back(p.index);
    line.text += gl.text;
    line.size = std::max(line.size, gl.size);
    all_red = all_red && is_red(gl);
    if (gl.text.empty() || is_blank(gl.text)) continue;
    ++fonts[gl.font];
    if (first) line.u0 = p.u, first = false;
    line.u1 = p.end;
    line.u1_ink = left_half_mark(gl.text) ? p.u + (p.end - p.u) / 2 : p.end;
  }
  line.red = all_red;
  int best = 0;
  for (const auto& [f, n] : fonts)
    if (n > best) best = n, line.font = f;
  line.watermark = line.direction % 90 != 0;
  return line;
}

}  // namespace

FramePoint to_frame(double x, double y, double page_height, int direction) {
  if (direction == 0) return {x, y};  // upright: page coordinates
  const double a = direction * kPi / 180.0;
  const double rx = std::cos(a), ry = std::sin(a);
  const double yp = page_height - y;  // PDF y up
  // Down the text is the reading direction turned a quarter clockwise: (ry, -rx).
  return {x * rx + yp * ry, x * ry - yp * rx};
}

Box type_area_in_frame(const Geometry& g, double page_height, int direction) {
  const double xs[2] = {g.type_left, g.type_left + g.type_width};
  const double ys[2] = {g.type_top, g.type_top + g.type_height};
  Box b{1e18, -1e18, 1e18, -1e18};
  for (double x : xs)
    for (double y : ys) {
      const FramePoint p = to_frame(x, y, page_height, direction);
      b.left = std::min(b.left, p.u), b.right = std::max(b.right, p.u);
      b.top = std::min(b.top, p.v), b.bottom = std::max(b.bottom, p.v);
    }
  return b;
}

std::string first_char(const std::string& s) {
  const auto cps = core::utf8_decode(s);
  return cps.empty() ? std::string() : core::utf8_encode(std::u32string(1, cps.front()));
}
std::string last_char(const std::string& s) {
  const auto cps = core::utf8_decode(s);
  return cps.empty() ? std::string() : core::utf8_encode(std::u32string(1, cps.back()));
}

namespace {

std::vector<Line> page_lines(const PageContent& page, int page_index, const Geometry& g) {
  // Rules in every frame that text on the page uses.
  std::vector<int> directions;
  for (const auto& gl : page.glyphs) {
    int d = gl.direction;
    if (std::find(directions.begin(), directions.end(), d) == directions.end()) directions.push_back(d);
  }
  std::vector<FrameRule> verticals;
  for (int d : directions) {
    if (d % 90 != 0) continue;
    for (const auto& r : page.rules) {
      const FramePoint a = to_frame(r.x0, r.y0, page.height, d), b = to_frame(r.x1, r.y1, page.height, d);
      if (std::abs(a.u - b.u) < 0.5)
        verticals.push_back({d, std::min(a.u, b.u), std::max(a.u, b.u), std::min(a.v, b.v), std::max(a.v, b.v)});
    }
  }
  std::vector<Placed> placed;
  for (std::size_t i = 0; i < page.glyphs.size(); ++i) {
    const Glyph& gl = page.glyphs[i];
    const FramePoint p = to_frame(gl.x, gl.y, page.height, gl.direction);
    placed.push_back({i, gl.direction, p.u, p.v, p.u + gl.drawn});
  }
  std::sort(placed.begin(), placed.end(), [](const Placed& a, const Placed& b) {
    if (a.direction != b.direction) return a.direction < b.direction;
    if (std::abs(a.v - b.v) > 0.5) return a.v < b.v;
    return a.u < b.u;
  });
  std::vector<Line> lines;
  for (std::size_t i = 0; i < placed.size();) {
    std::size_t j = i + 1;
    while (j < placed.size() && placed[j].direction == placed[i].direction && std::abs(placed[j].v - placed[i].v) <= 0.5)
      ++j;
    std::vector<Placed> row(placed.begin() + static_cast<long>(i), placed.begin() + static_cast<long>(j));
    std::sort(row.begin(), row.end(), [](const Placed& a, const Placed& b) { return a.u < b.u; });
    for (const auto& seg : split_baseline(row, verticals, page)) {
      Line line = make_line(seg, page, page_index);
      if (line.u1 <= line.u0 && line.text.empty()) continue;
      const Box area = type_area_in_frame(g, page.height, line.direction);
      set_box(line, verticals, g, area);
      line.page_number = page_number_text(line.text) && line.direction == 0 && line.v > area.bottom;
      lines.push_back(std::move(line));
    }
    i = j;
  }
  for (std::size_t k = 0; k < lines.size(); ++k) lines[k].number = static_cast<int>(k + 1);
  return lines;
}

bool same_box(const Line& a, const Line& b) {
  return a.direction == b.direction && a.in_cell == b.in_cell && std::abs(a.box.left - b.box.left) < 1 &&
         std::abs(a.box.right - b.box.right) < 1;
}

bool body_text(const Line& l) { return !l.red && !l.watermark && !l.page_number; }

/// Whether a rule runs across the box between baselines v0 < v1 of the same page (a table row
/// border between two lines: they are not one paragraph).
bool rule_between(const Line& l, double v0, double v1, const PageContent& page) {
  for (const auto& r : page.rules) {
    const FramePoint a = to_frame(r.x0, r.y0, page.height, l.direction);
    const FramePoint b = to_frame(r.x1, r.y1, page.height, l.direction);
    if (std::abs(a.v - b.v) > 0.5 || a.v <= v0 || a.v >= v1) continue;
    if (std::min(std::max(a.u, b.u), l.box.right) - std::max(std::min(a.u, b.u), l.box.left) > 1) return true;
  }
  return false;
}

/// Whether `n` reads as the next line of `l`'s paragraph: the same face and size, flush at
/// the box's left edge.
bool continues(const Line& l, const Line& n, const PageContent& page_n) {
  if (!body_text(n) || n.glyphs.empty() || std::abs(n.size - l.size) > 0.5 || n.font != l.font) return false;
  if (n.page == l.page && rule_between(l, l.v, n.v - n.size * 0.88, page_n)) return false;
  double start = n.u0;
  const Glyph& first = page_n.glyphs[n.glyphs.front()];
  if (right_half_mark(first.text)) start += first.drawn / 2;  // a line-start bracket set ½ em
  return std::abs(n.u0 - n.box.left) <= 1.0 || std::abs(start - n.box.left) <= 1.0;
}

}  // namespace

std::vector<Line> assemble_lines(const std::vector<PageContent>& pages, const Geometry& g) {
  std::vector<Line> all;
  std::vector<std::size_t> page_start;
  for (std::size_t p = 0; p < pages.size(); ++p) {
    page_start.push_back(all.size());
    for (auto& l : page_lines(pages[p], static_cast<int>(p), g)) all.push_back(std::move(l));
  }
  page_start.push_back(all.size());
  for (std::size_t p = 0; p < pages.size(); ++p) {
    for (std::size_t i = page_start[p]; i < page_start[p + 1]; ++i) {
      Line& l = all[i];
      if (!body_text(l)) continue;
      // The nearest line below in the same box on this page.
      int best = -1;
      bool lowest = true;
      for (std::size_t j = page_start[p]; j < page_start[p + 1]; ++j) {
        const Line& n = all[j];
        if (j == i || !body_text(n) || !same_box(l, n) || n.v <= l.v + 0.1) continue;
        lowest = false;
        if (n.v - l.v > l.size * 2.5) continue;
        if (best < 0 || n.v < all[best].v - 0.1 || (std::abs(n.v - all[best].v) <= 0.1 && n.u0 < all[best].u0))
          best = static_cast<int>(j);
      }
      if (best >= 0) {
        if (continues(l, all[best], pages[p])) l.next = best, all[best].prev = static_cast<int>(i);
        continue;
      }
      // The last line of the type area on this page: its paragraph may go on at the top of
      // the next page.
      if (!lowest || l.in_cell || p + 1 >= pages.size() || l.box.bottom - l.v > l.size * 2.5) continue;
      int top = -1;
      for (std::size_t j = page_start[p + 1]; j < page_start[p + 2]; ++j) {
        const Line& n = all[j];
        if (!body_text(n) || n.in_cell || n.direction != l.direction) continue;
        if (top < 0 || n.v < all[top].v - 0.1 || (std::abs(n.v - all[top].v) <= 0.1 && n.u0 < all[top].u0))
          top = static_cast<int>(j);
      }
      if (top >= 0 && all[top].v - all[top].box.top <= l.size * 2.5 && continues(l, all[top], pages[p + 1]))
        l.next = top, all[top].prev = static_cast<int>(i);
    }
  }
  return all;
}

}  // namespace wenshu::doccheck

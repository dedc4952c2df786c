// The page-level check (see page_check.h).
#include "doccheck/page_check.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "core/utf8.h"

namespace wenshu::doccheck {

namespace {

bool body_text(const Line& l) { return !l.red && !l.watermark && !l.page_number; }

bool in(const std::string& c, std::initializer_list<const char*> set) {
  return std::any_of(set.begin(), set.end(), [&](const char* s) { return c == s; });
}

// 避头尾 (clreq basic + GB level): marks that may not start a line, and that may not end one.
bool no_line_start(const std::string& c) {
  return in(c, {"、", "，", "。", "：", "；", "！", "？", "）", "］", "｝", "〕", "〉", "》", "」", "』", "】", "〗",
                "〙", "〛", "”", "’", "%", "％", "‰", "℃", "·", "・", "…", "～", "/", "／", ",", ".", ";", ":", "!",
                "?", ")", "]", "}"});
}
bool no_line_end(const std::string& c) {
  return in(c, {"（", "［", "｛", "〔", "〈", "《", "「", "『", "【", "〖", "〘", "〚", "“", "‘", "(", "[", "{", "/",
                "／"});
}

bool is_digit(char32_t c) {
  return (c >= U'0' && c <= U'9') || (c >= U'０' && c <= U'９') ||
         std::u32string_view(U"〇零一二三四五六七八九十百千两").find(c) != std::u32string_view::npos;
}

bool is_latin(const std::string& t) {
  return t.size() == 1 && ((t[0] >= '0' && t[0] <= '9') || (t[0] >= 'a' && t[0] <= 'z') || (t[0] >= 'A' && t[0] <= 'Z'));
}

/// The measure word `text` starts with (longest match), or "".
std::string leading_measure(const std::string& text, const std::vector<std::string>& words) {
  std::string best;
  for (const auto& w : words)
    if (text.compare(0, w.size(), w) == 0 && w.size() > best.size()) best = w;
  return best;
}

/// 一、 （一） 1. （1）: the heading numbers of 7.3.3.
bool starts_with_heading_number(const std::string& text) {
  const std::u32string t = core::utf8_decode(text);
  const std::u32string_view han = U"一二三四五六七八九十";
  auto is_han = [&](char32_t c) { return han.find(c) != std::u32string_view::npos; };
  auto is_arabic = [](char32_t c) { return c >= U'0' && c <= U'9'; };
  std::size_t i = 0;
  const bool bracket = !t.empty() && t[0] == U'（';
  if (bracket) ++i;
  const std::size_t digits = i;
  while (i < t.size() && (is_han(t[i]) || is_arabic(t[i]))) ++i;
  if (i == digits || i >= t.size()) return false;
  if (bracket) return t[i] == U'）';
  return (is_han(t[digits]) && t[i] == U'、') || (is_arabic(t[digits]) && (t[i] == U'.' || t[i] == U'．'));
}

/// A 成文日期 written alone: 2013年5月8日 or 二〇〇九年四月十四日.
bool is_date_line(const std::string& text) {
  std::u32string t;
  for (char32_t c : core::utf8_decode(text))
    if (c != U' ' && c != U'　') t.push_back(c);
  const std::size_t y = t.find(U'年'), m = t.find(U'月'), d = t.find(U'日');
  if (y == std::u32string::npos || m == std::u32string::npos || d == std::u32string::npos) return false;
  if (!(y > 0 && y < m && m < d && d + 1 == t.size())) return false;
  return std::all_of(t.begin(), t.end(), [](char32_t c) { return is_digit(c) || c == U'年' || c == U'月' || c == U'日'; });
}

std::string excerpt(const std::string& text, bool tail) {
  const std::u32string t = core::utf8_decode(text);
  constexpr std::size_t kMax = 14;
  if (t.size() <= kMax) return text;
  return tail ? "…" + core::utf8_encode(t.substr(t.size() - kMax)) : core::utf8_encode(t.substr(0, kMax)) + "…";
}

class Checker {
 public:
  Checker(const std::vector<PageContent>& pages, const std::string& file, const PageCheckOptions& o)
      : pages_(pages), file_(file), o_(o), lines_(assemble_lines(pages, o.geometry)) {}

  std::vector<Finding> run() {
    for (std::size_t i = 0; i < lines_.size(); ++i) {
      const Line& l = lines_[i];
      if (!l.watermark) check_advance(l);
      if (!body_text(l)) continue;
      check_flush(l);
      check_loose(l);
      check_start(l);
      check_kinsoku(l);
      check_measure(l);
      check_outside(l);
      check_rules(l);
    }
    for (std::size_t p = 0; p < pages_.size(); ++p) check_alone(static_cast<int>(p));
    return std::move(out_);
  }

 private:
  void add(const Line& l, const char* check, std::string message) {
    out_.push_back({file_, l.page + 1, l.number, check, std::move(message)});
  }

  void check_advance(const Line& l) {
    if (l.red) return;  // the 发文机关标志 is condensed to fit on purpose (7.2.4)
    for (std::size_t gi : l.glyphs) {
      const Glyph& g = pages_[static_cast<std::size_t>(l.page)].glyphs[gi];
      if (std::abs(g.scale - 1) > 0.005 || g.char_spacing != 0 || g.word_spacing != 0 ||
          std::abs(g.drawn - g.advance) > 0.01) {
        add(l, "advance",
            fmt::format("字形未按标称宽度排：“{}”画为标称宽度的 {:.1f}%（水平缩放 {:.1f}%，字距 {}，词距 {}）“{}”", g.text,
                        g.advance > 0 ? g.drawn / g.advance * 100 : 0.0, g.scale * 100, g.char_spacing, g.word_spacing,
                        excerpt(l.text, false)));
        return;
      }
    }
  }

  void check_flush(const Line& l) {
    if (l.next < 0) return;
    // A line ends flush when its last glyph's advance ends on the edge; a closing or pause mark
    // (ink in the left half) may give up its blank half or part of it at the line end, so its
    // ink may end anywhere from ½ em short of the edge up to the edge.
    const double tol = o_.flush_tolerance;
    const double d_adv = l.box.right - l.u1, d_ink = l.box.right - l.u1_ink;
    const bool mark = l.u1_ink < l.u1;
    if (std::abs(d_adv) <= tol) return;
    if (mark && d_ink >= -tol && d_ink <= (l.u1 - l.u1_ink) + tol) return;
    if (d_adv > 0 && ragged_allowed(l, d_adv)) return;
    const double d = mark ? (d_ink < 0 ? d_ink : d_ink - (l.u1 - l.u1_ink)) : d_adv;
    add(l, "flush",
        fmt::format("段中行末{}{}右边 {:.1f} pt（应齐{}右边）“{}”", d > 0 ? "距" : "超出", l.in_cell ? "单元格" : "版心",
                    std::abs(d), l.in_cell ? "单元格" : "版心", excerpt(l.text, true)));
  }

  struct PlacedGlyph {
    const Glyph* g;
    double u;
  };
  std::vector<PlacedGlyph> visible(const Line& l) const {
    const auto& page = pages_[static_cast<std::size_t>(l.page)];
    std::vector<PlacedGlyph> out;
    for (std::size_t gi : l.glyphs) {
      const Glyph& g = page.glyphs[gi];
      if (!g.text.empty()) out.push_back({&g, to_frame(g.x, g.y, page.height, l.direction).u});
    }
    return out;
  }

  // What justification may add to a line (layout/justify.cc): ⅛ em between two characters,
  // ¼ em more at a Han–Latin boundary (its ¼ em gap grows to ½ em), ⅙ em at a word space (⅓
  // to ½ em); nothing inside a Latin word or number.
  static double stretch_allowance(const std::vector<PlacedGlyph>& here, double size) {
    double allowance = 0;
    for (std::size_t k = 1; k < here.size(); ++k) {
      const std::string& a = here[k - 1].g->text;
      const std::string& b = here[k].g->text;
      if (b == " ") allowance += size / 6;
      else if (a == " ") continue;
      else if (is_latin(a) != is_latin(b)) allowance += size / 4;
      else if (!(is_latin(a) && is_latin(b))) allowance += size / 8;
    }
    return allowance;
  }

  // The one case where a paragraph line may end short: justifying it would spread more than
  // ⅛ em into each gap (word spaces and Han–Latin gaps up to ½ em first), because what starts
  // the next line could not be broken — a number with its measure word, a Latin word, a
  // character with the marks that may not start a line — and did not fit. The engine then
  // leaves the line at its natural spacing (layout/justify.cc), which is what this accepts.
  bool ragged_allowed(const Line& l, double gap) const {
    if (gap <= stretch_allowance(visible(l), l.size) + o_.flush_tolerance) return false;
    const auto next = visible(lines_[static_cast<std::size_t>(l.next)]);
    if (next.empty()) return false;
    std::size_t k = 0;
    while (k < next.size() && no_line_end(next[k].g->text)) ++k;
    auto first_cp = [&](std::size_t j) { return core::utf8_decode(next[j].g->text).front(); };
    if (k < next.size() && (is_latin(next[k].g->text) || is_digit(first_cp(k)))) {
      // A Latin word or number (2009-07-09, GB/T) or a number in Chinese numerals, then the
      // measure word that goes with it.
      const bool latin = is_latin(next[k].g->text);
      while (k < next.size() && (latin ? is_latin(next[k].g->text) || in(next[k].g->text, {"-", ".", "/", "_"})
                                       : is_digit(first_cp(k))))
        ++k;
      std::string rest;
      for (std::size_t j = k; j < next.size(); ++j) rest += next[j].g->text;
      const std::string w = leading_measure(rest, o_.measure_words);
      for (std::size_t taken = 0; k < next.size() && taken < w.size(); ++k) taken += next[k].g->text.size();
    } else {
      ++k;
    }
    while (k < next.size() && no_line_start(next[k].g->text)) ++k;
    const PlacedGlyph& last = next[std::min(k, next.size()) - 1];
    const double unit = last.u + last.g->drawn - next.front().u;
    return unit > gap - o_.flush_tolerance;
  }

  // A justified line stretched beyond what justifying Chinese text needs (layout/justify.cc):
  // the space added between glyphs, beyond their natural spacing (¼ em between Han and Latin
  // text, GB/T 15834 practice), exceeds what may be added — ⅛ em between two characters, ¼ em
  // more at a Han–Latin boundary, ⅙ em at a word space. (A 13.8 % stretch of a 28-cell line is
  // ⅐ em between every two characters.)
  void check_loose(const Line& l) {
    if (l.next < 0) return;
    const auto here = visible(l);
    if (here.size() < 2) return;
    double extra = 0;
    for (std::size_t k = 1; k < here.size(); ++k) {
      const std::string& a = here[k - 1].g->text;
      const std::string& b = here[k].g->text;
      const double gap = here[k].u - (here[k - 1].u + here[k - 1].g->drawn);
      const bool boundary = a != " " && b != " " && is_latin(a) != is_latin(b);
      extra += gap - (boundary ? l.size / 4 : 0);
    }
    const double allowance = stretch_allowance(here, l.size);
    if (extra <= allowance + 1.0) return;
    add(l, "loose",
        fmt::format("字距拉得过松：字间多出 {:.1f} pt，可调整的只有 {:.1f} pt（每字间至多 1/8 字）“{}”", extra, allowance,
                    excerpt(l.text, false)));
  }

  void check_start(const Line& l) {
    if (l.prev >= 0) return;  // continuation lines start at the box edge by construction
    const double indent = l.box.left + o_.geometry.cell * o_.geometry.indent_cells;
    const bool heading = !l.in_cell && starts_with_heading_number(l.text) && std::abs(l.u0 - indent) < 20;
    if (l.next < 0 && !heading) return;
    if (std::abs(l.u0 - l.box.left) <= 0.5 || std::abs(l.u0 - indent) <= 0.5) return;
    if (l.next >= 0 && !heading && std::abs(l.u0 - indent) >= 20 && std::abs(l.u0 - l.box.left) >= 20)
      return;  // a labelled line (抄送：, 附件：) or centred text
    add(l, "start",
        fmt::format("{}起点偏离网格 {:.1f} pt（应在{}）“{}”", heading ? "标题序号" : "段首行",
                    std::abs(l.u0 - indent) < std::abs(l.u0 - l.box.left) ? l.u0 - indent : l.u0 - l.box.left,
                    std::abs(l.u0 - indent) < std::abs(l.u0 - l.box.left) ? "空二字处" : "左边", excerpt(l.text, false)));
  }

  void check_kinsoku(const Line& l) {
    std::string text;
    for (char32_t c : core::utf8_decode(l.text))
      if (c != U' ') text += core::utf8_encode(std::u32string(1, c));
    const std::string first = first_char(text), last = last_char(text);
    if (no_line_start(first)) add(l, "kinsoku", fmt::format("行首为“{}”（避头）“{}”", first, excerpt(l.text, false)));
    if (no_line_end(last)) add(l, "kinsoku", fmt::format("行末为“{}”（避尾）“{}”", last, excerpt(l.text, true)));
  }

  void check_measure(const Line& l) {
    if (l.next < 0) return;
    const std::u32string t = core::utf8_decode(l.text);
    if (t.empty() || !is_digit(t.back())) return;
    const std::string& next = lines_[static_cast<std::size_t>(l.next)].text;
    const std::string w = leading_measure(next, o_.measure_words);
    if (w.empty()) return;
    add(l, "measure", fmt::format("数字与量词、单位分在两行：“{}”/“{}”", excerpt(l.text, true), excerpt(next, false)));
  }

  void check_outside(const Line& l) {
    const Geometry& g = o_.geometry;
    const auto& page = pages_[static_cast<std::size_t>(l.page)];
    const Box area = type_area_in_frame(g, page.height, l.direction);
    const double top = l.v - l.size * g.em_ascent, bottom = l.v + l.size * (1 - g.em_ascent);
    constexpr double kSlack = 0.5;
    if (l.u0 < area.left - kSlack || l.u1_ink > area.right + kSlack || top < area.top - kSlack ||
        bottom > area.bottom + kSlack)
      add(l, "outside",
          fmt::format("文字在版心之外（左 {:.1f}，右 {:.1f}，上 {:.1f}，下 {:.1f} pt）“{}”", area.left - l.u0,
                      l.u1_ink - area.right, area.top - top, bottom - area.bottom, excerpt(l.text, false)));
  }

  void check_rules(const Line& l) {
    const auto& page = pages_[static_cast<std::size_t>(l.page)];
    const double top = l.v - l.size * o_.geometry.em_ascent, bottom = l.v + l.size * (1 - o_.geometry.em_ascent);
    for (const auto& r : page.rules) {
      const FramePoint a = to_frame(r.x0, r.y0, page.height, l.direction);
      const FramePoint b = to_frame(r.x1, r.y1, page.height, l.direction);
      if (std::abs(a.v - b.v) > 0.5) continue;
      const double u0 = std::min(a.u, b.u), u1 = std::max(a.u, b.u);
      if (std::min(u1, l.u1) - std::max(u0, l.u0) < 1) continue;
      const double gap = std::max(top - (a.v + r.width / 2), (a.v - r.width / 2) - bottom);
      if (gap < 1.0) {
        add(l, "rule", fmt::format("文字与线条相距 {:.1f} pt（压线）“{}”", gap, excerpt(l.text, false)));
        return;
      }
    }
  }

  bool signature_like(const Line& l) const {
    if (is_date_line(l.text)) return true;
    const double centre = (l.box.left + l.box.right) / 2;
    return !l.in_cell && l.prev < 0 && l.next < 0 && l.u0 > centre;
  }

  void check_alone(int page) {
    int content = 0, signature = 0;
    const Line* first = nullptr;
    for (const auto& l : lines_) {
      if (l.page != page || !body_text(l)) continue;
      ++content;
      if (!first) first = &l;
      if (signature_like(l)) ++signature;
    }
    const bool images = !pages_[static_cast<std::size_t>(page)].images.empty();
    if (content > 0 && signature == content)
      out_.push_back({file_, page + 1, first->number, "alone",
                      fmt::format("本页只有发文机关署名或成文日期（GB/T 9704-2012 7.3.5 不得单独成页）“{}”",
                                  excerpt(first->text, false))});
    else if (content == 0 && images)
      out_.push_back({file_, page + 1, 0, "alone", "本页只有印章（GB/T 9704-2012 7.3.5 不得单独成页）"});
  }

  const std::vector<PageContent>& pages_;
  const std::string& file_;
  const PageCheckOptions& o_;
  std::vector<Line> lines_;
  std::vector<Finding> out_;
};

}  // namespace

std::string format_finding(const Finding& f) {
  if (f.line > 0) return fmt::format("{}:第{}页:第{}行: [{}] {}", f.file, f.page, f.line, f.check, f.message);
  return fmt::format("{}:第{}页: [{}] {}", f.file, f.page, f.check, f.message);
}

std::vector<Finding> check_pages(const std::vector<PageContent>& pages, const std::string& file,
                                 const PageCheckOptions& options) {
  return Checker(pages, file, options).run();
}

}  // namespace wenshu::doccheck

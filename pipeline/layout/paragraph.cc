#include "layout/paragraph.h"

#include <algorithm>
#include <fmt/format.h>

#include "core/utf8.h"
#include "layout/compress.h"
#include "layout/justify.h"
#include "layout/linebreak.h"
#include "layout/shaping.h"

namespace wenshu::layout {

namespace {

// A chosen line: content atoms [begin, end] (inclusive, no droppable atoms at either end;
// begin > end means an empty line) and where the next line starts.
struct LineSpan {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::size_t next = 0;
  bool empty = false;
  bool mandatory = false;  ///< ended by a forced line break (newline in the text)
  bool forced = false;     ///< broken where no break is allowed
  bool overfull = false;
};

ShapeParams shape_params(const ParagraphStyle& style) {
  return {style.size, style.cell, Sp(style.size.v * style.han_latin_space_permille / 1000)};
}

// Left offset and measure of line `index` (0-based) of a paragraph.
struct LineFrame {
  Sp left;
  Sp measure;
};
LineFrame frame_of(const ParagraphStyle& style, Sp available, bool first) {
  LineFrame f;
  f.left = style.cell * style.left_inset_cells + (first ? style.cell * style.first_indent_cells : style.rest_indent);
  f.measure = available - f.left - style.cell * style.right_inset_cells;
  return f;
}

LineRequest request_for(const ParagraphStyle& style, Sp measure, bool justify) {
  LineRequest r;
  r.measure = measure;
  r.justify = justify;
  r.compress_start_open = style.compress_line_start_open;
  r.limits = FlexLimits::for_style(style.size, style.tighten_permille);
  return r;
}

std::size_t skip_droppable(const std::vector<Atom>& atoms, std::size_t i) {
  while (i < atoms.size() && atoms[i].cls != CharClass::kNewline && is_droppable(atoms[i])) ++i;
  return i;
}

// Last non-droppable atom in [begin, i]; returns begin - 1 (wrapping) when there is none.
std::size_t last_content(const std::vector<Atom>& atoms, std::size_t begin, std::size_t i) {
  std::size_t e = i + 1;
  while (e > begin && is_droppable(atoms[e - 1])) --e;
  return e - 1;
}

std::span<const Atom> slice(const std::vector<Atom>& atoms, std::size_t begin, std::size_t end) {
  return std::span<const Atom>(atoms).subspan(begin, end - begin + 1);
}

void report_forced(const std::vector<Atom>& atoms, std::size_t begin, std::size_t end,
                   std::span<const TextSpan> spans, core::DiagnosticSink& sink) {
  const Atom& a = atoms[begin];
  // Position of the first atom inside its own span, for the character range.
  std::uint32_t span_start = 0;
  for (std::size_t s = 0; s < a.span; ++s) span_start += static_cast<std::uint32_t>(core::utf8_length(spans[s].text));
  core::Diagnostic d;
  d.severity = core::Severity::kWarning;
  d.rule = "LAYOUT-OVERFULL";
  d.location = spans[a.span].location;
  d.has_range = true;
  d.range = {a.char_index - span_start, atoms[end].char_index - span_start + 1};
  std::string text;
  for (std::size_t k = begin; k <= end && text.size() < 60; ++k) text += atoms[k].text;
  d.message = fmt::format("“{}”比一行还宽，只能在不允许断行处强行断开 / unbreakable text wider than the line, broken by force", text);
  d.hints.push_back("在长英文单词、网址或数字串中加空格，或改短 / add a space or shorten the word");
  sink.push(std::move(d));
}

// Greedy first-fit breaking that squeezes before it pushes (先挤进，后推出): each line takes
// the furthest break whose content still fits at full shrink (§C5 compression + the style's
// tightening allowance).
std::vector<LineSpan> break_lines(const std::vector<Atom>& atoms, const ParagraphStyle& style, Sp available,
                                  std::span<const TextSpan> spans, core::DiagnosticSink& sink) {
  std::vector<LineSpan> lines;
  const std::size_t n = atoms.size();
  const FlexLimits lim = FlexLimits::for_style(style.size, style.tighten_permille);
  std::size_t start = skip_droppable(atoms, 0);
  while (start < n) {
    const bool first = lines.empty();
    const LineFrame frame = frame_of(style, available, first);
    if (atoms[start].cls == CharClass::kNewline) {  // an empty line between two newlines
      LineSpan l;
      l.empty = true;
      l.mandatory = true;
      l.begin = start;
      l.end = start;
      l.next = skip_droppable(atoms, start + 1);
      lines.push_back(l);
      start = l.next;
      continue;
    }
    Sp natural, shrink;          // running totals over [start, i]
    Sp natural_e, shrink_e;      // totals over [start, last content atom]
    // Two candidates (先挤进，后推出): the last break whose content fits at its natural width
    // (push: the line is stretched), and the first break beyond it whose content still fits
    // at full shrink (squeeze). Squeezing never crams in more than the one unit that straddles
    // the measure, so punctuation is compressed only where a break is otherwise prohibited.
    std::size_t push = n, push_e = 0, squeeze = n, squeeze_e = 0;
    Sp push_natural, squeeze_natural;
    std::size_t fit_e = n;       // last content atom that fits (for a forced break)
    bool mandatory = false;
    for (std::size_t i = start; i < n; ++i) {
      const Atom& a = atoms[i];
      natural += a.box();
      shrink += atom_shrink(a, lim);
      if (i > start) {
        natural += a.gap_before;
        shrink += gap_shrink(a, lim);
        if (flexible_between(atoms[i - 1], a)) shrink += lim.tighten;
      }
      if (i == start && a.cls == CharClass::kOpen && !a.latin_context) {
        // As line_extent: the line-start bracket's blank is no squeeze room.
        if (style.compress_line_start_open) natural -= left_blank(a);
        shrink -= left_blank(a);
      }
      if (!is_droppable(a)) {
        natural_e = natural;
        shrink_e = shrink;
        if (natural_e - shrink_e > frame.measure) break;
        fit_e = i;
      }
      if (a.brk != Break::kNone) {
        const std::size_t e = last_content(atoms, start, i);
        // A line-end mark that lent its blank to the next mark gets it back (see line_extent).
        const Sp line_natural =
            natural_e + (e + 1 > start && atoms[e].trimmed_for_next ? atoms[e].trim_right : Sp(0));
        if (line_natural <= frame.measure) {
          push = i;
          push_e = e;
          push_natural = line_natural;
        } else if (squeeze == n) {
          squeeze = i;
          squeeze_e = e;
          squeeze_natural = line_natural;
        }
        if (a.brk == Break::kMandatory) {
          mandatory = true;
          break;
        }
        if (squeeze != n) break;  // later breaks need even more squeezing
      }
    }
    std::size_t best = push, best_e = push_e;
    if (squeeze != n) {
      // Squeeze when it moves the text less than pushing would (always for a mark that may
      // not start the next line: ½ em of compression against a whole cell of stretch).
      const bool take = push == n || squeeze_natural - frame.measure <= frame.measure - push_natural;
      if (take) {
        best = squeeze;
        best_e = squeeze_e;
      }
    }
    mandatory = mandatory && best != n && atoms[best].brk == Break::kMandatory;
    LineSpan l;
    l.begin = start;
    if (best < n) {
      l.end = best_e;
      l.next = skip_droppable(atoms, best + 1);
      l.mandatory = mandatory;
      if (best_e + 1 == start || best_e < start) l.empty = true;  // only a newline
    } else {
      // Nothing fits up to a break: break where the measure runs out (at least one atom).
      const std::size_t e = fit_e < n ? fit_e : start;
      l.end = e;
      l.next = skip_droppable(atoms, e + 1);
      l.forced = true;
      l.overfull = fit_e >= n;
      report_forced(atoms, start, e, spans, sink);
    }
    lines.push_back(l);
    start = l.next;
  }
  return lines;
}

// Units of a line's content for orphan control: each Han character counts, a Western word or
// number counts once, punctuation does not.
int content_units(const std::vector<Atom>& atoms, const LineSpan& l) {
  if (l.empty) return 0;
  int units = 0;
  for (std::size_t k = l.begin; k <= l.end; ++k) {
    const Atom& a = atoms[k];
    if (is_droppable(a) || is_cjk_punct(a.cls) || a.latin_context) continue;
    if (a.western && k > l.begin && atoms[k - 1].western) continue;
    ++units;
  }
  return units;
}

// §C9 孤字: a last line of one character (+ punctuation) pulls characters from the line above,
// which is then justified anew. Only done when the new last line fits.
void avoid_orphan(const std::vector<Atom>& atoms, const ParagraphStyle& style, Sp available,
                  std::vector<LineSpan>& lines) {
  if (lines.size() < 2) return;
  LineSpan& last = lines.back();
  LineSpan& prev = lines[lines.size() - 2];
  if (last.empty || prev.empty || prev.mandatory || prev.forced || content_units(atoms, last) != 1) return;
  const FlexLimits lim = FlexLimits::for_style(style.size, style.tighten_permille);
  const LineFrame frame = frame_of(style, available, false);
  for (std::size_t j = prev.end; j-- > prev.begin;) {
    if (atoms[j].brk != Break::kAllowed) continue;
    const std::size_t new_prev_end = last_content(atoms, prev.begin, j);
    if (new_prev_end + 1 <= prev.begin) break;
    const std::size_t new_last_begin = skip_droppable(atoms, j + 1);
    LineRequest req = request_for(style, frame.measure, false);
    req.limits = lim;
    const LineExtent ext = line_extent(slice(atoms, new_last_begin, last.end), req);
    if (ext.natural - ext.shrink > frame.measure) return;  // would not fit: keep the orphan
    LineSpan candidate_prev = prev;
    candidate_prev.end = new_prev_end;
    if (content_units(atoms, candidate_prev) < 2) return;
    // The line above is justified over what it keeps: if that spreads more than ⅛ em into
    // each gap (a long Latin word pulled down, or any pull in a narrow table cell) it would be
    // visibly loose, and a short last line is the lesser evil.
    const LineFrame prev_frame = frame_of(style, available, lines.size() == 2);
    const auto kept = slice(atoms, prev.begin, new_prev_end);
    const LineExtent prev_ext = line_extent(kept, request_for(style, prev_frame.measure, true));
    std::int64_t gaps = 0;
    for (std::size_t k = 1; k < kept.size(); ++k) gaps += flexible_between(kept[k - 1], kept[k]) ? 1 : 0;
    if ((prev_frame.measure - prev_ext.natural).v > gaps * style.size.v / 8) return;
    prev.end = new_prev_end;
    prev.next = new_last_begin;
    last.begin = new_last_begin;
    return;
  }
}

LineBox build_line(const std::vector<Atom>& atoms, const LineSpan& l, const ParagraphStyle& style, Sp available,
                   bool first, bool last, Align align) {
  thread_local std::vector<AtomPlacement> placements;
  const LineFrame frame = frame_of(style, available, first);
  LineBox box;
  box.size = style.size;
  box.left = frame.left;
  box.measure = frame.measure;
  box.first_line = first;
  box.last_line = last;
  box.forced_break = l.forced;
  if (l.empty) {
    box.char_begin = box.char_end = atoms[l.begin].char_index;
    return box;
  }
  const bool justify = align == Align::kJustify && !l.mandatory && (!last || style.justify_last);
  LineRequest req = request_for(style, frame.measure, justify);
  req.cap_stretch = !last;  // a last line is filled only on purpose (justify_last)
  const auto content = slice(atoms, l.begin, l.end);
  const LineResult r = set_line(content, req, placements);
  box.natural_width = r.natural;
  box.width = r.width;
  box.squeezed = r.squeezed;
  box.ends_compressed_punct = r.ends_compressed;
  box.overfull = r.overfull || l.overfull;
  box.underfull = r.underfull;
  box.justified = justify && r.width == frame.measure;
  box.char_begin = content.front().char_index;
  box.char_end = content.back().char_index + 1;
  Sp offset;
  if (r.width < frame.measure) {
    if (align == Align::kCenter) offset = (frame.measure - r.width) / 2;
    else if (align == Align::kRight) offset = frame.measure - r.width;
  }
  box.glyphs.reserve(content.size());
  for (std::size_t k = 0; k < content.size(); ++k) {
    const Atom& a = content[k];
    if (!a.face || a.cls == CharClass::kNewline || a.cls == CharClass::kInvisible) continue;
    if ((a.cls == CharClass::kSpace || a.cls == CharClass::kNbsp) && a.gid == 0) continue;
    LineGlyph g;
    g.gid = a.gid;
    g.font = a.font;
    g.x = frame.left + offset + placements[k].glyph_x;
    g.advance = a.glyph_advance;
    g.text = a.text;
    box.glyphs.push_back(std::move(g));
  }
  return box;
}

std::vector<LineBox> build_lines(const std::vector<Atom>& atoms, const std::vector<LineSpan>& lines,
                                 const ParagraphStyle& style, Sp available, Align align) {
  std::vector<LineBox> out;
  out.reserve(lines.size());
  for (std::size_t i = 0; i < lines.size(); ++i)
    out.push_back(build_line(atoms, lines[i], style, available, i == 0, i + 1 == lines.size(), align));
  return out;
}

// Text pasted from word processors often starts with "　　" as a hand-made indent; with the
// style's own first-line indent (GB/T 9704-2012 7.3.3: 空二字) it would be indented twice.
void drop_manual_indent(std::vector<Atom>& atoms, const ParagraphStyle& style, std::span<const TextSpan> spans,
                        core::DiagnosticSink& sink) {
  if (style.first_indent_cells <= 0) return;
  std::size_t k = 0;
  while (k < atoms.size() && (atoms[k].cls == CharClass::kIdeoSpace || is_droppable(atoms[k])) &&
         atoms[k].cls != CharClass::kNewline)
    ++k;
  std::size_t ideo = 0;
  for (std::size_t i = 0; i < k; ++i) ideo += atoms[i].cls == CharClass::kIdeoSpace ? 1 : 0;
  if (ideo == 0 || k >= atoms.size()) return;
  core::Diagnostic d;
  d.severity = core::Severity::kInfo;
  d.rule = "LAYOUT-MANUAL-INDENT";
  d.location = spans[atoms[0].span].location;
  d.has_range = true;
  d.range = {0, static_cast<std::size_t>(atoms[k - 1].char_index) + 1};
  d.message = fmt::format("段首的 {} 个全角空格已去掉：段落本身首行缩进二字 / leading ideographic spaces dropped, the paragraph is indented by the style", ideo);
  sink.push(std::move(d));
  atoms.erase(atoms.begin(), atoms.begin() + static_cast<std::ptrdiff_t>(k));
}

}  // namespace

std::vector<LineBox> set_paragraph(std::span<const TextSpan> spans, const ParagraphStyle& style, Sp available,
                                   DocumentFonts& fonts, core::DiagnosticSink& sink) {
  thread_local std::vector<Atom> atoms;
  shape_paragraph(spans, style, shape_params(style), fonts, sink, atoms);
  drop_manual_indent(atoms, style, spans, sink);
  if (skip_droppable(atoms, 0) >= atoms.size()) return {};  // empty paragraph: no lines
  std::vector<LineSpan> lines = break_lines(atoms, style, available, spans, sink);
  if (style.avoid_orphans) avoid_orphan(atoms, style, available, lines);
  return build_lines(atoms, lines, style, available, style.align);
}

std::vector<LineBox> set_paragraph(const std::string& text, const core::SourceLocation& location,
                                   const ParagraphStyle& style, Sp available, DocumentFonts& fonts,
                                   core::DiagnosticSink& sink) {
  const TextSpan span{text, location, {}};
  return set_paragraph(std::span<const TextSpan>(&span, 1), style, available, fonts, sink);
}

Sp measure_text(const std::string& text, const ParagraphStyle& style, DocumentFonts& fonts,
                core::DiagnosticSink& sink, const core::SourceLocation& location) {
  std::vector<Atom> atoms;
  const TextSpan span{text, location, {}};
  shape_paragraph(std::span<const TextSpan>(&span, 1), style, shape_params(style), fonts, sink, atoms);
  const std::size_t begin = skip_droppable(atoms, 0);
  if (begin >= atoms.size()) return Sp(0);
  const std::size_t end = last_content(atoms, begin, atoms.size() - 1);
  if (end + 1 <= begin) return Sp(0);
  std::vector<AtomPlacement> placements;
  LineRequest req = request_for(style, Sp(std::int64_t(1) << 50), false);
  return set_line(slice(atoms, begin, end), req, placements).natural;
}

std::vector<model::GlyphRun> to_glyph_runs(const LineBox& line, Sp x_origin, Sp baseline, const model::Color& color) {
  std::vector<model::GlyphRun> runs;
  for (const LineGlyph& g : line.glyphs) {
    if (runs.empty() || runs.back().font != g.font) {
      model::GlyphRun run;
      run.font = g.font;
      run.size = line.size;
      run.baseline = baseline;
      run.color = color;
      runs.push_back(std::move(run));
    }
    runs.back().glyphs.push_back(model::PlacedGlyph{g.gid, x_origin + g.x, g.advance, g.text});
  }
  return runs;
}

// ---- Titles --------------------------------------------------------------------------------

namespace {

bool shape_ok(const std::vector<Sp>& widths, TitleShape shape) {
  const std::size_t n = widths.size();
  switch (shape) {
    case TitleShape::kTrapezoid:
      for (std::size_t i = 1; i < n; ++i)
        if (widths[i - 1] > widths[i]) return false;
      return true;
    case TitleShape::kInvertedTrapezoid:
      for (std::size_t i = 1; i < n; ++i)
        if (widths[i - 1] < widths[i]) return false;
      return true;
    case TitleShape::kDiamond: {
      if (n < 3) return true;
      // Rising to the middle, falling after it.
      const std::size_t mid = (n - 1) / 2;
      for (std::size_t i = 1; i <= mid; ++i)
        if (widths[i - 1] > widths[i]) return false;
      for (std::size_t i = mid + 1; i < n; ++i)
        if (widths[i - 1] < widths[i] && i - 1 != mid) return false;
      return widths[mid] >= widths.back();
    }
  }
  return true;
}

struct BalanceSearch {
  const std::vector<Atom>* atoms;
  std::vector<std::size_t> cands;  ///< break after these atoms
  Sp measure;
  LineRequest req;
  TitleShape shape;
  std::size_t lines;
  // best found
  bool found = false;
  bool found_shaped = false;
  std::int64_t best_score = 0;
  std::vector<std::size_t> best;
  std::vector<std::size_t> cur;
  std::vector<Sp> widths;

  // Natural width of content [b, e] if it fits at full shrink, else -1.
  Sp segment(std::size_t b, std::size_t e) const {
    const auto& a = *atoms;
    b = skip_droppable(a, b);
    if (b > e) return Sp(-1);
    e = last_content(a, b, e);
    if (e + 1 <= b) return Sp(-1);
    const LineExtent x = line_extent(std::span<const Atom>(a).subspan(b, e - b + 1), req);
    if (x.natural - x.shrink > measure) return Sp(-1);
    return x.natural;
  }

  void consider() {
    // Lengths as equal as possible: smallest spread, then smallest sum of squares (in pt²).
    Sp lo = widths[0], hi = widths[0];
    std::int64_t sq = 0;
    for (Sp w : widths) {
      lo = std::min(lo, w);
      hi = std::max(hi, w);
      const std::int64_t p = w.v >> 10;
      sq += p * p;
    }
    const std::int64_t score = (hi - lo).v * 4 + (sq >> 20);
    const bool shaped = shape_ok(widths, shape);
    if (!found || (shaped && !found_shaped) || (shaped == found_shaped && score < best_score)) {
      found = true;
      found_shaped = shaped;
      best_score = score;
      best = cur;
    }
  }

  void search(std::size_t from_atom, std::size_t next_cand) {
    const std::size_t n_atoms = atoms->size();
    if (cur.size() + 1 == lines) {
      const Sp w = segment(from_atom, n_atoms - 1);
      if (w.v < 0) return;
      widths.push_back(w);
      consider();
      widths.pop_back();
      return;
    }
    for (std::size_t c = next_cand; c < cands.size(); ++c) {
      const std::size_t brk = cands[c];
      if (brk + 1 >= n_atoms) break;
      const Sp w = segment(from_atom, brk);
      if (w.v < 0) break;  // longer segments will not fit either
      cur.push_back(brk);
      widths.push_back(w);
      search(brk + 1, c + 1);
      widths.pop_back();
      cur.pop_back();
    }
  }
};

}  // namespace

std::vector<LineBox> balance_lines(const std::string& text, const core::SourceLocation& location,
                                   const ParagraphStyle& style_in, Sp available, DocumentFonts& fonts,
                                   core::DiagnosticSink& sink, TitleShape shape) {
  ParagraphStyle style = style_in;
  style.first_indent_cells = 0;
  style.rest_indent = Sp(0);
  style.align = Align::kCenter;
  style.avoid_orphans = false;
  std::vector<Atom> atoms;
  const TextSpan span{text, location, {}};
  const std::span<const TextSpan> spans(&span, 1);
  shape_paragraph(spans, style, shape_params(style), fonts, sink, atoms);
  if (skip_droppable(atoms, 0) >= atoms.size()) return {};
  std::vector<LineSpan> greedy = break_lines(atoms, style, available, spans, sink);
  const std::size_t n = greedy.size();
  bool forced = false, mandatory = false;
  for (const auto& l : greedy) {
    forced |= l.forced;
    mandatory |= l.mandatory;
  }
  // One line, a forced break or an explicit line break by the author: nothing to balance.
  // More than 5 lines is not a title; the greedy result stands.
  if (n <= 1 || forced || mandatory || n > 5) return build_lines(atoms, greedy, style, available, Align::kCenter);

  const LineFrame frame = frame_of(style, available, false);
  std::vector<bool> word_end;
  std::u32string seq(atoms.size(), U' ');
  for (std::size_t i = 0; i < atoms.size(); ++i) seq[i] = atoms[i].cp;
  find_word_ends(seq, word_end);
  for (int pass = 0; pass < 2; ++pass) {
    BalanceSearch s;
    s.atoms = &atoms;
    s.measure = frame.measure;
    s.req = request_for(style, frame.measure, false);
    s.shape = shape;
    s.lines = n;
    // Pass 0: word-complete points only (7.3.1 词意完整); pass 1: any allowed break.
    for (std::size_t i = 0; i + 1 < atoms.size(); ++i)
      if (atoms[i].brk == Break::kAllowed && (pass == 1 || word_end[i])) s.cands.push_back(i);
    s.search(0, 0);
    if (!s.found) continue;
    std::vector<LineSpan> lines;
    std::size_t begin = 0;
    for (std::size_t k = 0; k <= s.best.size(); ++k) {
      const std::size_t brk = k < s.best.size() ? s.best[k] : atoms.size() - 1;
      LineSpan l;
      l.begin = skip_droppable(atoms, begin);
      l.end = last_content(atoms, l.begin, brk);
      l.next = brk + 1;
      lines.push_back(l);
      begin = brk + 1;
    }
    return build_lines(atoms, lines, style, available, Align::kCenter);
  }
  return build_lines(atoms, greedy, style, available, Align::kCenter);
}

}  // namespace wenshu::layout

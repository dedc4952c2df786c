#include "layout/shaping.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <fmt/format.h>

#include "core/utf8.h"
#include "layout/compress.h"

namespace wenshu::layout {

namespace {

// A substitution or a missing glyph, reported once per code point and paragraph with a count.
struct FaceEvent {
  char32_t cp;
  std::uint16_t span;
  std::uint32_t span_char;  ///< first occurrence, code point index inside the span
  const Face* face;         ///< the fallback used (nullptr = missing everywhere)
  int count;
  std::string primary_role;
};

void report(const FaceEvent& e, std::span<const TextSpan> spans, const std::string& primary_role,
            core::DiagnosticSink& sink) {
  core::Diagnostic d;
  d.location = spans[e.span].location;
  d.has_range = true;
  d.range = {e.span_char, e.span_char + 1};
  std::string ch;
  core::utf8_append(ch, e.cp);
  const std::string times = e.count > 1 ? fmt::format("（共 {} 处）", e.count) : std::string();
  if (e.face) {
    // A Han character from another typeface shows a visible style change in the line: the
    // clerk must know. A symbol from the fallback is routine.
    d.severity = core::is_han(e.cp) ? core::Severity::kWarning : core::Severity::kInfo;
    d.rule = "LAYOUT-FALLBACK";
    d.message = fmt::format("字符“{}”({}){}不在字体“{}”中，改用“{}” / {} not in font '{}', set in '{}'", ch,
                            codepoint_name(e.cp), times, primary_role, e.face->role(), codepoint_name(e.cp),
                            primary_role, e.face->role());
    d.hints.push_back("生僻字请确认字形；如需统一字体，请安装包含该字的同款字体 / check the glyph; install a face of the same style that has it");
  } else {
    d.severity = core::Severity::kError;
    d.rule = "LAYOUT-MISSING-GLYPH";
    d.message = fmt::format("字符“{}”({}){}在所有字体中都没有字形，将显示为空框 / {} has no glyph in any font", ch,
                            codepoint_name(e.cp), times, codepoint_name(e.cp));
    d.hints.push_back("检查是否误输入了罕用字符或私用区字符 / check for a mistyped or private-use character");
  }
  sink.push(std::move(d));
}

bool has_full_advance(Sp glyph_advance, Sp size) { return glyph_advance.v * 10 >= size.v * 9; }

void report_control_char(char32_t cp, const core::SourceLocation& where, std::uint32_t k, core::DiagnosticSink& sink) {
  core::Diagnostic d;
  d.severity = core::Severity::kWarning;
  d.rule = "LAYOUT-CONTROL-CHAR";
  d.location = where;
  d.has_range = true;
  d.range = {k, k + 1};
  d.message = fmt::format("文字中有控制字符 {}，已忽略 / control character {} ignored", codepoint_name(cp),
                          codepoint_name(cp));
  sink.push(std::move(d));
}

// The width of a shaped atom and the blanks of its punctuation box.
void size_atom(Atom& a, bool is_space, const ShapeParams& params) {
  const char32_t cp = a.cp;
  const CharClass cls = a.cls;
  if (is_space) {
    // A Western space: the face's own space (clreq: word space), at least ¼ em.
    a.width = std::max(a.glyph_advance, params.size / 4);
    if (a.glyph_advance.v == 0) a.width = params.size / 4;
    a.glyph_advance = a.width;
  } else if (cls == CharClass::kLatin || (cls == CharClass::kSolidus && cp == U'/')) {
    // Ambiguous-width symbols drawn full width by the CJK face (①, ※, §…) sit in a cell.
    const int eaw = u_getIntPropertyValue(static_cast<UChar32>(cp), UCHAR_EAST_ASIAN_WIDTH);
    if (eaw == U_EA_AMBIGUOUS && has_full_advance(a.glyph_advance, params.size) && !is_western_alnum(cp)) {
      a.cls = CharClass::kHan;
      a.width = params.cell;
      a.glyph_dx = (params.cell - a.glyph_advance) / 2;
    } else {
      a.width = a.glyph_advance;
      a.western = is_western_alnum(cp);
    }
  } else {
    // Full-width: one grid cell, the glyph centred in it (gbt9704.md §F).
    a.width = params.cell;
    a.glyph_dx = (params.cell - a.glyph_advance) / 2;
    switch (cls) {
      case CharClass::kOpen: a.blank_left = params.cell / 2; break;
      case CharClass::kClose:
      case CharClass::kPause:
      case CharClass::kStop: a.blank_right = params.cell / 2; break;
      case CharClass::kMiddleDot: a.blank_left = a.blank_right = params.cell / 4; break;
      default: break;
    }
  }
}

// Ambiguous marks inside a Latin run are set proportionally (gbt9704.md §C1): the blank of
// the full-width box is removed for good, and the mark joins the Latin run.
void mark_latin_context(std::vector<Atom>& atoms) {
  const std::size_t n = atoms.size();
  auto western_neighbour = [&](std::size_t i, int dir) {
    for (std::ptrdiff_t j = static_cast<std::ptrdiff_t>(i) + dir; j >= 0 && j < static_cast<std::ptrdiff_t>(n); j += dir) {
      const Atom& b = atoms[static_cast<std::size_t>(j)];
      if (b.cls == CharClass::kSpace || b.cls == CharClass::kNbsp) continue;
      return b.western;
    }
    return false;
  };
  for (std::size_t i = 0; i < n; ++i) {
    Atom& a = atoms[i];
    if (!is_ambiguous_mark(a.cp) || !western_neighbour(i, -1) || !western_neighbour(i, +1)) continue;
    a.latin_context = true;
    a.trim_left = a.blank_left;
    a.trim_right = a.blank_right;
  }
}

}  // namespace

void shape_paragraph(std::span<const TextSpan> spans, const ParagraphStyle& style, const ShapeParams& params,
                     DocumentFonts& fonts, core::DiagnosticSink& sink, std::vector<Atom>& atoms) {
  atoms.clear();
  std::vector<FaceEvent> events;
  // Resolve each distinct role once.
  std::vector<std::pair<std::string, FaceChain>> chains;
  auto chain_for = [&](const std::string& role) -> const FaceChain& {
    for (const auto& [r, c] : chains) {
      if (r == role) return c;
    }
    chains.emplace_back(role, resolve_chain(fonts.registry(), role,
                                            role == style.font_role ? style.fallback_roles : std::vector<std::string>{},
                                            sink));
    return chains.back().second;
  };

  std::uint32_t char_index = 0;
  for (std::size_t si = 0; si < spans.size(); ++si) {
    const TextSpan& span = spans[si];
    const std::string& role = span.font_role.empty() ? style.font_role : span.font_role;
    const FaceChain& chain = chain_for(role);
    const std::u32string cps = core::utf8_decode(span.text);
    for (std::uint32_t k = 0; k < cps.size(); ++k, ++char_index) {
      const char32_t original = cps[k];
      const char32_t cp = normalize_ideograph(original);
      CharClass cls = classify(cp);
      if (cls == CharClass::kControl) {
        report_control_char(cp, span.location, k, sink);
        continue;
      }
      // Joiners, variation selectors, BOM, soft hyphen: no glyph of their own; they stay in
      // the text of the glyph before them (ZWSP stays an atom: it is a break opportunity).
      if (cls == CharClass::kInvisible && cp != 0x200B) {
        if (!atoms.empty() && cp != 0x00AD && cp != 0xFEFF && cp != 0x000D) core::utf8_append(atoms.back().text, cp);
        continue;
      }
      Atom a;
      a.cp = cp;
      a.cls = cls;
      a.char_index = char_index;
      a.span = static_cast<std::uint16_t>(si);
      if (cls == CharClass::kNewline || cls == CharClass::kInvisible) {
        atoms.push_back(std::move(a));
        continue;
      }
      const bool is_space = cls == CharClass::kSpace || cls == CharClass::kNbsp;
      const char32_t shape_cp = is_space ? U' ' : cp;
      const Face* face = chain.face_for(shape_cp);
      if (!face || face != chain.primary) {
        auto it = std::find_if(events.begin(), events.end(), [&](const FaceEvent& e) { return e.cp == cp; });
        if (it == events.end()) events.push_back({cp, static_cast<std::uint16_t>(si), k, face, 1, chain.primary ? chain.primary->role() : role});
        else ++it->count;
      }
      if (!face) face = chain.primary;  // .notdef of the primary face: visible as a box
      if (face) {
        a.face = face;
        a.font = fonts.index_of(*face);
        a.gid = face->glyph_of(shape_cp);
        a.glyph_advance = face->advance(a.gid, params.size);
      } else {
        a.glyph_advance = params.size;  // no face at all (reported by resolve_chain)
      }
      core::utf8_append(a.text, cp);
      size_atom(a, is_space, params);
      atoms.push_back(std::move(a));
    }
  }
  for (const auto& e : events) report(e, spans, e.primary_role, sink);

  mark_latin_context(atoms);

  // Break opportunities on the atom sequence.
  const std::size_t n = atoms.size();
  std::u32string seq(n, U' ');
  for (std::size_t i = 0; i < n; ++i) seq[i] = atoms[i].cp;
  thread_local std::vector<Break> breaks;
  find_line_breaks(seq, style.strict_kinsoku, breaks, style.measure_words);
  for (std::size_t i = 0; i < n; ++i) atoms[i].brk = breaks[i];

  compress_adjacent(atoms);
  set_han_latin_gaps(atoms, params.han_latin_space);
}

}  // namespace wenshu::layout

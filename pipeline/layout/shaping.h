// Shaping for Chinese body text: each character becomes an Atom with its face (primary or
// fallback), glyph, natural box width on the grid, glyph offset in the box and compressible
// blanks. Fandol has no GSUB (pdf-font-probe.md §1), so CJK needs no contextual shaping and a
// character's glyph and advance come straight from the face's flat cmap / advance tables.
#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "core/units.h"
#include "layout/fonts.h"
#include "layout/kinsoku.h"
#include "layout/linebreak.h"
#include "layout/paragraph.h"

namespace wenshu::layout {

/// One character (with any invisible marks attached) ready for line breaking.
struct Atom {
  char32_t cp = 0;             ///< after normalize_ideograph
  CharClass cls = CharClass::kHan;
  bool western = false;        ///< Western letter/digit (or a mark set inside a Latin run)
  bool latin_context = false;  ///< an ambiguous mark set proportionally inside a Latin run
  bool trimmed_for_next = false;  ///< trim_right was taken for the mark after it (undone at a line end)
  Break brk = Break::kNone;    ///< break opportunity after this atom
  std::uint32_t char_index = 0;  ///< code point index in the paragraph (spans concatenated)
  std::uint16_t span = 0;
  const Face* face = nullptr;  ///< nullptr: no glyph (spaces)
  std::uint32_t font = 0;      ///< document font index of `face`
  std::uint32_t gid = 0;
  Sp glyph_advance;            ///< nominal advance of the glyph at the size
  Sp width;                    ///< natural box width (one cell for full-width characters)
  Sp glyph_dx;                 ///< glyph origin from the natural box's left edge
  Sp blank_left, blank_right;  ///< compressible blank inside the natural box (§C4)
  Sp trim_left, trim_right;    ///< blank removed by adjacent-mark compression
  Sp gap_before;               ///< Han–Latin spacing before this atom (§C6), natural
  std::string text;            ///< UTF-8 this glyph stands for (ToUnicode)

  /// Box width after adjacency compression.
  Sp box() const { return width - trim_left - trim_right; }
};

/// Per-paragraph shaping parameters derived from the style.
struct ShapeParams {
  Sp size;
  Sp cell;
  Sp han_latin_space;
};

/// Decodes the spans, classifies, normalises, picks faces per character (reporting every
/// fallback substitution and missing glyph), sets widths, Han–Latin gaps and break
/// opportunities. Control characters are dropped with a diagnostic.
void shape_paragraph(std::span<const TextSpan> spans, const ParagraphStyle& style, const ShapeParams& params,
                     DocumentFonts& fonts, core::DiagnosticSink& sink, std::vector<Atom>& atoms);

}  // namespace wenshu::layout

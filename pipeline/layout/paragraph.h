// The paragraph setter: UTF-8 text (one or more spans, each with its source location and
// optionally its own font role) + a style + an available width → line boxes of placed glyphs.
// Implements GB/T 9704-2012 5.2.3 (28 cells per line), clreq line breaking (ICU + the kinsoku
// rules ICU lacks, gbt9704.md §C3), punctuation compression (§C4), squeeze-first-then-push,
// justification in the §C5 order to an exact right edge, CJK–Latin spacing (§C6) and orphan
// control (§C9). The page composer places each LineBox at a baseline (to_glyph_runs).
//
// Steps (one file each): fonts (faces, fallback), shaping (characters → atoms with widths and
// compressible blanks), linebreak (ICU + kinsoku break opportunities), kinsoku (character
// classes and prohibitions), compress (adjacent-mark compression, shrink/stretch capacities),
// justify (distributing the difference exactly), paragraph (greedy breaking, orphans, output).
#pragma once
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "core/units.h"
#include "layout/fonts.h"
#include "layout/linebreak.h"
#include "model/page.h"

namespace wenshu::layout {

using core::Sp;

/// Horizontal alignment of the lines of a paragraph.
enum class Align : std::uint8_t {
  kJustify,  ///< every line but the last fills the measure exactly (§C5); last line per justify_last
  kLeft,
  kCenter,
  kRight,
};

/// How a paragraph is set. Defaults = GB/T 9704 body text: 3号 仿宋 on the 28-cell grid,
/// first line indented 2 cells, justified.
struct ParagraphStyle {
  std::string font_role = "fang";            ///< manifest role of the primary face
  std::vector<std::string> fallback_roles;   ///< empty: FontRegistry::fallback_chain(font_role)
  Sp size = core::pt(16);                    ///< font size (em)
  /// Grid pitch (字): every full-width character occupies one cell, its glyph centred in it
  /// (gbt9704.md §F: 156 mm / 28 with 16 pt glyphs).
  Sp cell = core::mm(156) / 28;
  int first_indent_cells = 2;                ///< GB/T 9704-2012 7.3.3: 空二字
  int left_inset_cells = 0;                  ///< every line (空 n 字 from the left)
  int right_inset_cells = 0;                 ///< every line (空 n 字 from the right)
  /// Extra left indent of lines 2.. (after the left inset), e.g. to align wrapped 抄送 names
  /// after `抄送：` (7.4.2) or wrapped 附件 names (7.3.4). Measure it with measure_text.
  Sp rest_indent;
  Align align = Align::kJustify;
  bool justify_last = false;                 ///< also fill the paragraph's last line
  /// Letter-spacing tightening allowed per gap between characters, in 1/1000 em, used only
  /// after every punctuation and spacing compression (§C5) to squeeze one more mark in
  /// (先挤进，后推出; gbt9704.md A8.2 practice: ≈0.3 pt per character).
  int tighten_permille = 20;
  int han_latin_space_permille = 250;        ///< §C6: ¼ em between Han and Latin/digits
  bool avoid_orphans = true;                 ///< §C9: no last line of one character (+ marks)
  /// clreq: an opening bracket at line start may lose its leading ½ em. Off by default so that
  /// headings like （一） keep their grid cell.
  bool compress_line_start_open = false;
  /// §C3 strict level: `——` and `……` not at line start (GB level, the default, allows it).
  bool strict_kinsoku = false;
  /// Measure words kept with the number before them (the layout profile's table); null: the
  /// built-in table (MeasureWords::builtin()).
  const MeasureWords* measure_words = nullptr;
};

/// A piece of paragraph text with its source location; `font_role` overrides the style's
/// primary role for this span (e.g. `出席：` in 黑体 followed by names in 仿宋).
struct TextSpan {
  std::string text;                 ///< UTF-8
  core::SourceLocation location;    ///< where the text starts (for diagnostics)
  std::string font_role;            ///< empty: the style's role
};

/// One glyph of a line box.
struct LineGlyph {
  std::uint32_t gid = 0;       ///< glyph id in the original font file
  std::uint32_t font = 0;      ///< index into model::PagedDocument::fonts
  Sp x;                        ///< pen position (glyph origin) from the left edge of the available width
  Sp advance;                  ///< nominal advance of the glyph at the paragraph size
  std::string text;            ///< the source text this glyph stands for (ToUnicode)
};

/// One line of a set paragraph. x values are from the left edge of the available width the
/// paragraph was set in (insets and indents included), so the composer adds only its box's x.
struct LineBox {
  std::vector<LineGlyph> glyphs;   ///< left to right
  Sp size;                         ///< font size of every glyph
  Sp left;                         ///< where this line's measure starts (inset + indent)
  Sp measure;                      ///< width this line must fill (available − insets − indent)
  Sp natural_width;                ///< content width before shrinking / stretching
  Sp width;                        ///< final content width (== measure on a justified line)
  std::size_t char_begin = 0;      ///< code points of the paragraph text in this line [begin, end)
  std::size_t char_end = 0;
  bool first_line = false;
  bool last_line = false;          ///< the paragraph's last line
  bool justified = false;          ///< stretched or shrunk to end exactly at left + measure
  bool squeezed = false;           ///< content had to shrink (先挤进)
  bool ends_compressed_punct = false;  ///< a line-end mark was set ½ em (GB/T 15834 5.1.10)
  bool overfull = false;           ///< content wider than the measure even at full shrink
  /// Should have been justified, but that would spread more than ⅛ em between characters
  /// (what follows is an unbreakable number, word or 文号 that did not fit): left ragged.
  bool underfull = false;
  bool forced_break = false;       ///< broken where breaking is not allowed (word too long)
};

/// Sets a paragraph. `available` is the full width of the box (type area for body text); lines
/// are `available − insets − indent` wide. Problems (missing glyphs, fallback faces, words wider
/// than the measure) go into `sink` located at the span's location with the character range.
std::vector<LineBox> set_paragraph(std::span<const TextSpan> spans, const ParagraphStyle& style, Sp available,
                                   DocumentFonts& fonts, core::DiagnosticSink& sink);
/// Convenience: one span.
std::vector<LineBox> set_paragraph(const std::string& text, const core::SourceLocation& location,
                                   const ParagraphStyle& style, Sp available, DocumentFonts& fonts,
                                   core::DiagnosticSink& sink);

/// Natural width of `text` set on one line in `style` (no indent, no justification, line-end
/// marks full width), e.g. to size a label or centre a single line.
Sp measure_text(const std::string& text, const ParagraphStyle& style, DocumentFonts& fonts,
                core::DiagnosticSink& sink, const core::SourceLocation& location = {});

/// Shape of a balanced multi-line title (GB/T 9704-2012 7.3.1: 梯形 or 菱形).
enum class TitleShape : std::uint8_t {
  kTrapezoid,          ///< 正梯形: each line no longer than the one below (top line shortest)
  kInvertedTrapezoid,  ///< 倒梯形: each line no shorter than the one below (top line longest)
  kDiamond,            ///< 菱形: the middle line(s) longest, shorter towards top and bottom
};

/// Breaks a title into the fewest lines that fit `available`, with lengths as equal as the break
/// opportunities allow (word-complete points: ICU + kinsoku), ordered to give `shape`; every
/// line centred (style.align is ignored, indents are 0). Returns the line boxes.
std::vector<LineBox> balance_lines(const std::string& text, const core::SourceLocation& location,
                                   const ParagraphStyle& style, Sp available, DocumentFonts& fonts,
                                   core::DiagnosticSink& sink, TitleShape shape = TitleShape::kTrapezoid);

/// Converts one line box into glyph runs (one per font change) at page position: `x_origin` =
/// page x of the available width's left edge, `baseline` = page y of the baseline.
std::vector<model::GlyphRun> to_glyph_runs(const LineBox& line, Sp x_origin, Sp baseline,
                                           const model::Color& color = model::Color::black());

}  // namespace wenshu::layout

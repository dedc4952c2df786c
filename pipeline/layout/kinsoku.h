// Character classes of Chinese text layout and the line-start / line-end prohibitions
// (避头尾) of clreq, GB level (gbt9704.md §C1–§C3).
#pragma once
#include <cstdint>

namespace wenshu::layout {

/// What a code point is for line layout. Full-width classes occupy one grid cell.
enum class CharClass : std::uint8_t {
  kHan,         ///< ideographs, kana, full-width symbols and letters: one cell, nothing to compress
  kOpen,        ///< opening brackets and quotes （“‘《〈【〔「『〖: glyph in the right half, ½ em blank left
  kClose,       ///< closing brackets and quotes ）”’》〉】〕」』〗: glyph in the left half, ½ em blank right
  kPause,       ///< 、，；： : glyph lower-left, ½ em blank right (§C5 step 5)
  kStop,        ///< 。？！ : glyph left, ½ em blank right (§C5 step 7)
  kMiddleDot,   ///< 间隔号 · : centred, ¼ em blank each side (§C5 step 3)
  kDash,        ///< — (一字线; `——` is a 2-em unbreakable unit)
  kEllipsis,    ///< … (`……` is a 2-em unbreakable unit)
  kConnector,   ///< ～ and similar: 1 em, centred, never spaced out
  kSolidus,     ///< / ／ : not at line start, not at line end (GB level)
  kLatin,       ///< proportional: Latin, Greek, Cyrillic letters, digits, narrow symbols
  kSpace,       ///< breakable Western space (U+0020, tab, other spaces)
  kNbsp,        ///< U+00A0, U+202F: a space that never breaks
  kIdeoSpace,   ///< U+3000: one empty cell
  kInvisible,   ///< format controls with no glyph (ZWSP, ZWJ, BOM, variation selectors…)
  kNewline,     ///< U+000A, U+2028, U+2029: a forced line break
  kControl,     ///< other C0/C1 controls and noncharacters: dropped with a diagnostic
};

/// The context-free class of a code point (ambiguous marks get their CJK class).
CharClass classify(char32_t cp);

/// True for the marks shared between CJK and Latin text (“ ” ‘ ’ — … ·, gbt9704.md §C1 trap):
/// full-width CJK in Chinese context, proportional inside a Latin run.
bool is_ambiguous_mark(char32_t cp);

/// True for the classes that carry a compressible ½-em blank (§C4 adjustable marks).
constexpr bool is_adjustable(CharClass c) {
  return c == CharClass::kOpen || c == CharClass::kClose || c == CharClass::kPause || c == CharClass::kStop;
}
/// True for every CJK punctuation class (no Han–Latin spacing next to these, §C6).
constexpr bool is_cjk_punct(CharClass c) {
  return is_adjustable(c) || c == CharClass::kMiddleDot || c == CharClass::kDash || c == CharClass::kEllipsis ||
         c == CharClass::kConnector;
}
/// True for letters and digits of Western text (for Han–Latin spacing and Latin context).
bool is_western_alnum(char32_t cp);

/// clreq basic + GB: may not begin a line (点号, closing marks, 间隔号, connectors, solidus,
/// ellipsis, %‰℃ …). `strict` adds `—` (the §C3 strict level keeps `——` off line starts).
bool forbidden_at_line_start(char32_t cp, bool strict = false);
/// clreq basic + GB: may not end a line (opening marks; GB level: solidus).
bool forbidden_at_line_end(char32_t cp);

}  // namespace wenshu::layout

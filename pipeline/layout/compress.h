// Punctuation width adjustment (标点挤压, gbt9704.md §C4, quanjiao style) and the shrink /
// stretch capacities of every atom and gap that line breaking and justification (§C5) use.
#pragma once
#include <vector>

#include "core/units.h"
#include "layout/shaping.h"

namespace wenshu::layout {

/// Adjacent marks: a pair of full-width marks that would take 2 em is set in 1.5 em by
/// removing the blank between them (closing/pause/stop + any mark: the first loses its right
/// blank; opening + opening: the second loses its left blank), so brackets hug their text.
void compress_adjacent(std::vector<Atom>& atoms);

/// Han–Latin spacing (§C6): `space` (¼ em) before a Western letter/digit that follows a Han
/// character and before a Han character that follows one; never next to CJK punctuation or a
/// space (the line composer drops it at line start and end).
void set_han_latin_gaps(std::vector<Atom>& atoms, Sp space);

/// Limits of the flexible widths, in em of the paragraph size (clreq §C5).
struct FlexLimits {
  Sp space_min;   ///< Western word space: shrink to ¼ em
  Sp space_max;   ///< stretch to ½ em
  Sp gap_min;     ///< Han–Latin spacing: shrink to ⅛ em
  Sp gap_max;     ///< stretch to ½ em
  Sp tighten;     ///< letter-spacing tightening per inter-character position
  /// Most extra space justification puts between two characters (⅛ em): a line that would
  /// need more is left at its natural spacing rather than visibly loose.
  Sp stretch_max;
  static FlexLimits for_style(Sp size, int tighten_permille);
};

/// Blank still removable on the left / right of an atom's box.
inline Sp left_blank(const Atom& a) { return a.blank_left - a.trim_left; }
inline Sp right_blank(const Atom& a) { return a.blank_right - a.trim_right; }

/// True for a Western space atom (stretches and shrinks as a word space).
inline bool is_space_atom(const Atom& a) { return a.cls == CharClass::kSpace; }
/// True for atoms a line may not start or end with (dropped at a break).
inline bool is_droppable(const Atom& a) {
  return a.cls == CharClass::kSpace || a.cls == CharClass::kNewline || a.cls == CharClass::kInvisible;
}

/// Total shrink an atom can give inside a line (punctuation blanks, word-space shrink; not its
/// gap, not tightening): the sum of §C5 compression steps 1–5 and 7 for it.
Sp atom_shrink(const Atom& a, const FlexLimits& lim);
/// Shrink of the Han–Latin gap before an atom (§C5 step 6).
Sp gap_shrink(const Atom& a, const FlexLimits& lim);
/// True when spacing may change between two neighbours (inter-character expansion or
/// tightening, §C5 expansion step 3): not inside a Latin word or number, not inside `——` /
/// `……`, not next to a connector, solidus or space.
bool flexible_between(const Atom& a, const Atom& b);

}  // namespace wenshu::layout

#include "layout/compress.h"

#include <algorithm>

namespace wenshu::layout {

namespace {
bool cjk_adjustable(const Atom& a) { return is_adjustable(a.cls) && !a.latin_context; }
}  // namespace

void compress_adjacent(std::vector<Atom>& atoms) {
  for (std::size_t i = 1; i < atoms.size(); ++i) {
    Atom& prev = atoms[i - 1];
    Atom& cur = atoms[i];
    if (!cjk_adjustable(prev) || !cjk_adjustable(cur)) continue;
    // clreq §C4 / jlreq: the blank between two marks goes, one ½ em per pair.
    if (right_blank(prev).v > 0) {
      prev.trim_right += right_blank(prev);
      prev.trimmed_for_next = true;
    } else if (left_blank(cur).v > 0) {
      cur.trim_left += left_blank(cur);
    }
  }
}

void set_han_latin_gaps(std::vector<Atom>& atoms, Sp space) {
  for (std::size_t i = 1; i < atoms.size(); ++i) {
    const Atom& prev = atoms[i - 1];
    Atom& cur = atoms[i];
    const bool han_then_latin = prev.cls == CharClass::kHan && cur.western;
    const bool latin_then_han = prev.western && cur.cls == CharClass::kHan;
    // An ideographic space is a blank cell, not a character: no extra spacing beside it.
    if ((han_then_latin || latin_then_han) && prev.cp != 0x3000 && cur.cp != 0x3000) cur.gap_before = space;
  }
}

FlexLimits FlexLimits::for_style(Sp size, int tighten_permille) {
  FlexLimits l;
  l.space_min = size / 4;
  l.space_max = size / 2;
  l.gap_min = size / 8;
  l.gap_max = size / 2;
  l.tighten = Sp(size.v * std::max(tighten_permille, 0) / 1000);
  l.stretch_max = size / 8;
  return l;
}

Sp atom_shrink(const Atom& a, const FlexLimits& lim) {
  if (is_space_atom(a)) return std::max(Sp(0), a.width - lim.space_min);
  if (a.latin_context) return Sp(0);
  return left_blank(a) + right_blank(a);
}

Sp gap_shrink(const Atom& a, const FlexLimits& lim) {
  return a.gap_before.v > 0 ? std::max(Sp(0), a.gap_before - lim.gap_min) : Sp(0);
}

bool flexible_between(const Atom& a, const Atom& b) {
  if (is_droppable(a) || is_droppable(b) || a.cls == CharClass::kNbsp || b.cls == CharClass::kNbsp) return false;
  const bool a_latin = a.cls == CharClass::kLatin || a.latin_context || (a.cls == CharClass::kSolidus && a.cp == U'/');
  const bool b_latin = b.cls == CharClass::kLatin || b.latin_context || (b.cls == CharClass::kSolidus && b.cp == U'/');
  if (a_latin && b_latin) return false;  // inside a word, a number or a Latin phrase
  if (a.cls == CharClass::kDash && b.cls == CharClass::kDash) return false;
  if (a.cls == CharClass::kEllipsis && b.cls == CharClass::kEllipsis) return false;
  if (a.cls == CharClass::kConnector || b.cls == CharClass::kConnector) return false;
  if (a.cls == CharClass::kSolidus || b.cls == CharClass::kSolidus) return false;
  return true;
}

}  // namespace wenshu::layout

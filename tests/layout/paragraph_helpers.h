// Shared helpers of the paragraph setter tests: a registry over the repository's fonts, a
// document font list, and small accessors on line boxes.
#pragma once
#include <string>
#include <vector>

#include "core/utf8.h"
#include "layout/fonts.h"
#include "layout/kinsoku.h"
#include "layout/paragraph.h"
#include "support/test_support.h"

#include <catch2/catch.hpp>
#include <sstream>

namespace wenshu::core {
/// Sp values print as raw sp and points in failure messages (found by ADL).
inline std::ostream& operator<<(std::ostream& o, const Sp& s) { return o << s.v << "sp(" << to_pt(s) << "pt)"; }
}  // namespace wenshu::core

namespace wenshu::test {

inline layout::FontRegistry& test_fonts() {
  static layout::FontRegistry r(source_dir() / "fonts" / "manifest.tsv");
  return r;
}

/// One document being laid out: its font list, the DocumentFonts map and a sink.
struct ParaFixture {
  std::vector<model::FontFace> fonts;
  layout::DocumentFonts doc{fonts, test_fonts()};
  core::DiagnosticSink sink;
  core::SourceLocation loc{"doc.xml", 12, 5};
  /// Body text on the 156 mm type area.
  std::vector<layout::LineBox> set(const std::string& text, const layout::ParagraphStyle& style = {},
                                   core::Sp available = core::mm(156)) {
    return layout::set_paragraph(text, loc, style, available, doc, sink);
  }
};

/// The text of a line (concatenated glyph texts).
inline std::string line_text(const layout::LineBox& l) {
  std::string s;
  for (const auto& g : l.glyphs) s += g.text;
  return s;
}
/// Code points of a line's text.
inline std::u32string line_cps(const layout::LineBox& l) { return core::utf8_decode(line_text(l)); }

/// A paragraph line other than its last is justified exactly on the measure — or, when that
/// would spread more than ⅛ em between characters (an unbreakable number, word or 文号 went to
/// the next line), left ragged at its natural width (LineBox::underfull). The shortfall then
/// exceeds ⅛ em for every gap between two glyphs that are not both Latin (a lower bound of
/// what justification could add).
inline bool filled_or_rightly_ragged(const layout::LineBox& l) {
  if (l.justified && l.width == l.measure) return true;
  if (!l.underfull || l.width != l.natural_width) return false;
  // Gaps justification may widen (layout::flexible_between): not inside a Latin run, `——`,
  // `……`, nor next to a connector or solidus.
  auto cls = [](const std::string& t) { return layout::classify(core::utf8_decode(t).front()); };
  std::int64_t gaps = 0;
  for (std::size_t k = 1; k < l.glyphs.size(); ++k) {
    const auto& a = l.glyphs[k - 1].text;
    const auto& b = l.glyphs[k].text;
    if (a.empty() || b.empty() || (a.size() == 1 && b.size() == 1)) continue;
    const auto ca = cls(a), cb = cls(b);
    using C = layout::CharClass;
    if ((ca == C::kDash && cb == C::kDash) || (ca == C::kEllipsis && cb == C::kEllipsis)) continue;
    if (ca == C::kConnector || cb == C::kConnector || ca == C::kSolidus || cb == C::kSolidus) continue;
    ++gaps;
  }
  return (l.measure - l.width).v > gaps * l.size.v / 8;
}

/// A Han-only string of `n` characters, cycling through common GB2312 characters.
inline std::string han(std::size_t n, std::size_t offset = 0) {
  static const std::u32string pool = U"国家发展改革委员会关于加强公文处理工作的通知各级党委政府部门要认真贯彻落实中央精神";
  std::u32string s;
  for (std::size_t i = 0; i < n; ++i) s += pool[(i + offset) % pool.size()];
  return core::utf8_encode(s);
}

/// Deterministic pseudo-random numbers (no clock, no std::random_device).
struct Lcg {
  std::uint64_t state;
  explicit Lcg(std::uint64_t seed) : state(seed) {}
  std::uint32_t next() {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<std::uint32_t>(state >> 33);
  }
  std::uint32_t below(std::uint32_t n) { return next() % n; }
};

}  // namespace wenshu::test

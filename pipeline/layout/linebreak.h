// Break opportunities of a paragraph: ICU line breaking for "zh" plus the kinsoku rules ICU
// lacks (pdf-font-probe.md §3, gbt9704.md §C3): no break around ·, ‘’ treated like “”,
// solidus not at line end, `——`/`……` unbreakable, 文号 `〔2009〕32号` and numbers with their
// unit kept together, and the clreq line-start / line-end sets enforced on top of ICU.
#pragma once
#include <cstdint>
#include <string_view>
#include <vector>

namespace wenshu::layout {

/// Whether a line may end after a code point.
enum class Break : std::uint8_t { kNone, kAllowed, kMandatory };

/// Fills `out[i]` = break after `text[i]` (size = text.size()). The last code point gets
/// kAllowed (end of paragraph). The ICU iterator is built once per thread and reused.
void find_line_breaks(std::u32string_view text, bool strict, std::vector<Break>& out);

/// Fills `out[i]` = true when a word boundary (ICU word break, dictionary-based for Chinese)
/// falls after `text[i]`: the "word-complete points" for title breaking (GB/T 9704-2012 7.3.1).
void find_word_ends(std::u32string_view text, std::vector<bool>& out);

}  // namespace wenshu::layout

// Break opportunities of a paragraph: ICU line breaking for "zh" plus the kinsoku rules ICU
// lacks (pdf-font-probe.md §3, gbt9704.md §C3): no break around ·, ‘’ treated like “”,
// solidus not at line end, `——`/`……` unbreakable, 文号 `〔2009〕32号` and numbers with their
// measure word or unit kept together (the profile's table), and the clreq line-start /
// line-end sets enforced on top of ICU.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace wenshu::layout {

/// Whether a line may end after a code point.
enum class Break : std::uint8_t { kNone, kAllowed, kMandatory };

/// The measure words and units that stay on the line of the number before them (7 / 项 is
/// never split; gbt9704.md A8.5 practice: 数字不能回行): a data table of the layout profile
/// (`measure-words`). A number is a run of Arabic digits (half- or full-width) or of Chinese
/// numerals (二〇〇九年, 二十一日).
class MeasureWords {
 public:
  MeasureWords() = default;
  /// `words` in UTF-8, each one or more characters.
  explicit MeasureWords(std::vector<std::string> words);
  /// The words as given (UTF-8, in the profile's order).
  const std::vector<std::string>& words() const { return words_; }
  /// Code points of the longest word that starts at text[pos], 0 when none does.
  std::size_t match(std::u32string_view text, std::size_t pos) const;
  /// 个 项 件 次 人 天 … 元 万元 亿元 平方米 公里 % ‰ ℃ 号 年 月 日 时 分 秒 (profiles/layout-default.xml).
  static const MeasureWords& builtin();

 private:
  std::vector<std::string> words_;
  std::vector<std::u32string> longest_first_;
};

/// Whether `c` is a digit of a number for MeasureWords: 0-9, ０-９, 〇零一二三四五六七八九十百千万亿两.
bool is_number_char(char32_t c);

/// Fills `out[i]` = break after `text[i]` (size = text.size()). The last code point gets
/// kAllowed (end of paragraph). A number keeps the measure word after it (`measure_words`;
/// null: MeasureWords::builtin()), and that word is not broken inside. The ICU iterator is
/// built once per thread and reused.
void find_line_breaks(std::u32string_view text, bool strict, std::vector<Break>& out,
                      const MeasureWords* measure_words = nullptr);

/// Fills `out[i]` = true when a word boundary (ICU word break, dictionary-based for Chinese)
/// falls after `text[i]`: the "word-complete points" for title breaking (GB/T 9704-2012 7.3.1).
void find_word_ends(std::u32string_view text, std::vector<bool>& out);

}  // namespace wenshu::layout

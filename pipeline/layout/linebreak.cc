#include "layout/linebreak.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <memory>

#include "core/utf8.h"

#include "layout/kinsoku.h"

namespace wenshu::layout {

namespace {

// One iterator per thread, built on first use: constructing a line iterator loads and parses
// rule data (tens of microseconds), far more than breaking a paragraph.
icu::BreakIterator* thread_line_iterator() {
  thread_local std::unique_ptr<icu::BreakIterator> it = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> p(icu::BreakIterator::createLineInstance(icu::Locale("zh"), status));
    if (U_FAILURE(status)) p.reset();
    return p;
  }();
  return it.get();
}

icu::BreakIterator* thread_word_iterator() {
  thread_local std::unique_ptr<icu::BreakIterator> it = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> p(icu::BreakIterator::createWordInstance(icu::Locale("zh"), status));
    if (U_FAILURE(status)) p.reset();
    return p;
  }();
  return it.get();
}

bool is_digit(char32_t c) { return (c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19); }

// Closing brackets kept after a number: 文号 `〔2009〕`, `（3）`.
bool is_number_close(char32_t c) { return c == U'〕' || c == U'）' || c == U')'; }

// Builds UTF-16 for ICU and the UTF-16 offset of every code point. ‘’ become “” outside Latin
// words, so ICU applies its “” rules to them too (pdf-font-probe.md §3: ICU cannot break
// "号’与" at all).
void to_utf16(std::u32string_view text, icu::UnicodeString& out, std::vector<std::int32_t>& offsets) {
  out.remove();
  offsets.resize(text.size() + 1);
  for (std::size_t i = 0; i < text.size(); ++i) {
    offsets[i] = out.length();
    char32_t c = text[i];
    if (c == 0x2018 || c == 0x2019) {
      const bool prev_latin = i > 0 && is_western_alnum(text[i - 1]);
      const bool next_latin = i + 1 < text.size() && is_western_alnum(text[i + 1]);
      if (!(prev_latin && next_latin)) c = (c == 0x2018) ? 0x201C : 0x201D;
    }
    if (c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) c = 0xFFFD;
    out.append(static_cast<UChar32>(c));
  }
  offsets[text.size()] = out.length();
}

}  // namespace

MeasureWords::MeasureWords(std::vector<std::string> words) : words_(std::move(words)) {
  for (const auto& w : words_)
    if (!w.empty()) longest_first_.push_back(core::utf8_decode(w));
  std::stable_sort(longest_first_.begin(), longest_first_.end(),
                   [](const std::u32string& a, const std::u32string& b) { return a.size() > b.size(); });
}

std::size_t MeasureWords::match(std::u32string_view text, std::size_t pos) const {
  for (const auto& w : longest_first_)
    if (text.substr(pos, w.size()) == w) return w.size();
  return 0;
}

const MeasureWords& MeasureWords::builtin() {
  static const MeasureWords kBuiltin({
      "个", "项", "件", "次", "人", "名", "位", "天", "周", "年", "月", "日", "时", "分", "秒", "小时", "分钟",
      "季度", "批", "期", "届", "轮", "篇", "章", "条", "款", "份", "张", "页", "本", "册", "户", "家", "所",
      "处", "座", "辆", "台", "套", "元", "万元", "亿元", "万", "亿", "倍", "岁", "号", "%", "％", "‰", "℃",
      "平方米", "平方公里", "公里", "千米", "米", "公顷", "亩", "吨", "公斤", "千克", "人次", "个百分点"});
  return kBuiltin;
}

bool is_number_char(char32_t c) {
  return is_digit(c) || std::u32string_view(U"〇零一二三四五六七八九十百千万亿两").find(c) != std::u32string_view::npos;
}

void find_line_breaks(std::u32string_view text, bool strict, std::vector<Break>& out,
                      const MeasureWords* measure_words) {
  const MeasureWords& words = measure_words ? *measure_words : MeasureWords::builtin();
  const std::size_t n = text.size();
  out.assign(n, Break::kNone);
  if (n == 0) return;
  thread_local icu::UnicodeString u16;
  thread_local std::vector<std::int32_t> offsets;
  to_utf16(text, u16, offsets);
  if (icu::BreakIterator* it = thread_line_iterator()) {
    it->setText(u16);
    // Walk the boundaries and the code points together (both ascending).
    std::size_t cp = 0;
    for (std::int32_t b = it->first(); b != icu::BreakIterator::DONE; b = it->next()) {
      while (cp < n && offsets[cp + 1] < b) ++cp;
      if (cp < n && offsets[cp + 1] == b && b > 0) out[cp] = Break::kAllowed;
    }
  } else {
    // No ICU data: allow breaks everywhere and let the kinsoku pass below restrict them.
    for (auto& b : out) b = Break::kAllowed;
  }
  for (std::size_t i = 0; i + 1 < n; ++i) {
    const char32_t a = text[i];
    const char32_t b = text[i + 1];
    const CharClass ca = classify(a);
    const CharClass cb = classify(b);
    if (ca == CharClass::kNewline) {
      out[i] = Break::kMandatory;
      continue;
    }
    if (out[i] == Break::kNone) continue;
    bool keep = false;
    // clreq §C3 (basic + GB), enforced whatever ICU said.
    keep |= forbidden_at_line_end(a) || forbidden_at_line_start(b, strict);
    // No break around the 间隔号 (爱新觉罗·溥仪, pdf-font-probe.md §3).
    keep |= ca == CharClass::kMiddleDot || cb == CharClass::kMiddleDot;
    // `——` and `……` are 2-em units (GB/T 15834 5.1.4–5.1.5).
    keep |= (ca == CharClass::kDash && cb == CharClass::kDash) ||
            (ca == CharClass::kEllipsis && cb == CharClass::kEllipsis);
    // 〕 and ） stay with the number before and after them (文号 〔2009〕32号).
    keep |= is_digit(a) && is_number_close(b);
    keep |= (a == U'〕' || a == U'）') && is_digit(b);
    // 发〔2009〕: no break before a 〔 that opens a year.
    keep |= b == U'〔' && i + 2 < n && is_digit(text[i + 2]) && !(ca == CharClass::kSpace);
    // Nothing breaks before an invisible format character (it belongs to what precedes it).
    keep |= cb == CharClass::kInvisible && b != 0x200B;
    if (keep) out[i] = Break::kNone;
  }
  // A number and its measure word or unit (7项, 10天, 二〇〇九年, 3万元) are one unit, and so is
  // a number in Chinese numerals (二十一, which ICU breaks like any ideographs).
  for (std::size_t i = 0; i + 1 < n; ++i) {
    if (!is_number_char(text[i])) continue;
    if (is_number_char(text[i + 1]) && out[i] != Break::kMandatory) out[i] = Break::kNone;
    const std::size_t len = words.match(text, i + 1);
    for (std::size_t k = i; k < i + len && k + 1 < n; ++k)
      if (out[k] != Break::kMandatory) out[k] = Break::kNone;
  }
  out[n - 1] = Break::kAllowed;
}

void find_word_ends(std::u32string_view text, std::vector<bool>& out) {
  const std::size_t n = text.size();
  out.assign(n, false);
  if (n == 0) return;
  // Thread-local like the line iterator: ICU keeps a reference to the text, not a copy.
  thread_local icu::UnicodeString u16;
  thread_local std::vector<std::int32_t> offsets;
  to_utf16(text, u16, offsets);
  icu::BreakIterator* it = thread_word_iterator();
  if (!it) {
    for (std::size_t i = 0; i < n; ++i) out[i] = true;
    return;
  }
  it->setText(u16);
  std::size_t cp = 0;
  for (std::int32_t b = it->first(); b != icu::BreakIterator::DONE; b = it->next()) {
    while (cp < n && offsets[cp + 1] < b) ++cp;
    if (cp < n && offsets[cp + 1] == b && b > 0) out[cp] = true;
  }
  out[n - 1] = true;
}

}  // namespace wenshu::layout

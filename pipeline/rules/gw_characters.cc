// GW-3: lost and look-alike characters in Chinese running text. Text that went through a
// wrong code page shows "?" or U+FFFD where a 汉字 was; 〇 typed as Latin O or digit 0; and
// half-width (ASCII) punctuation typed with the input method in English mode, which
// GB/T 15834-2011 does not allow in Chinese text.
#include <fmt/format.h>

#include "core/utf8.h"
#include "rules/gw.h"
#include "rules/gw_support.h"

namespace wenshu::rules {

namespace {

constexpr const char* kRule = "GW-3";
constexpr const char* kClauseLost = "文字准确（乱码、缺字）";
constexpr const char* kClausePunct = "GB/T 15834-2011 标点符号用法";
constexpr const char* kClauseZero = "GB/T 15835-2011 汉字数字“〇”";

bool is_zero_lookalike(char32_t c) {
  return c == U'O' || c == U'o' || c == U'0' || c == U'Ｏ' || c == U'ｏ' || c == U'０' || c == U'○' || c == U'◯';
}

bool is_private_use(char32_t c) {
  return (c >= 0xE000 && c <= 0xF8FF) || (c >= 0xF0000 && c <= 0xFFFFD) || (c >= 0x100000 && c <= 0x10FFFD);
}

// Full-width replacement of a half-width mark, when there is only one candidate.
std::optional<std::u32string> full_width(char32_t c) {
  switch (c) {
    case U',': return U"，";
    case U';': return U"；";
    case U':': return U"：";
    case U'?': return U"？";
    case U'!': return U"！";
    case U'(': return U"（";
    case U')': return U"）";
    case U'.': return U"。";
    // "<" and ">" share their keys with "," and "." (US layout): a shifted comma or stop.
    case U'<': return U"，";
    case U'>': return U"。";
    default: return std::nullopt;
  }
}

constexpr std::u32string_view kHalfWidthMarks = U",;:?!()[]<>\"'.";

struct Checker {
  core::DiagnosticSink& sink;
  const model::Document& doc;

  void emit(const model::Text& t, std::size_t b, std::size_t e, const char* clause, std::string msg,
            std::optional<std::string> fix = std::nullopt, std::vector<std::string> hints = {}) {
    gw::Finding f;
    f.rule = kRule;
    f.clause = clause;
    f.begin = b;
    f.end = e;
    f.message = std::move(msg);
    f.fix = std::move(fix);
    f.hints = std::move(hints);
    gw::report(sink, doc, t, std::move(f));
  }

  // `title`: the title's other punctuation belongs to GW-4, only ( ) are reported here.
  // `skip_last_colon`: the 主送机关's final colon belongs to GW-6.
  void check(const gw::Field& field, bool title, bool skip_last_colon) {
    const model::Text& t = *field.text;
    const std::u32string s = core::utf8_decode(t.value);
    const std::size_t n = s.size();
    auto at = [&](std::size_t i) -> char32_t { return i < n ? s[i] : 0; };
    auto before = [&](std::size_t i) -> char32_t { return i > 0 ? s[i - 1] : 0; };
    int double_quotes = 0, single_quotes = 0;
    for (std::size_t i = 0; i < n;) {
      const char32_t c = s[i];
      // U+FFFD: a character the conversion could not map.
      if (c == 0xFFFD) {
        std::size_t j = i;
        while (j < n && s[j] == 0xFFFD) ++j;
        emit(t, i, j, kClauseLost,
             fmt::format("{}中有乱码替换字符（U+FFFD），原字已丢失 / a character was lost in conversion", field.what),
             std::nullopt, {"按原件补回丢失的字"});
        i = j;
        continue;
      }
      if (is_private_use(c)) {
        emit(t, i, i + 1, kClauseLost,
             fmt::format("{}中有私用区字符 U+{:04X}（造字），标准字体无法显示 / private-use character", field.what,
                         static_cast<std::uint32_t>(c)),
             std::nullopt, {"改用标准汉字；生僻字请用 Unicode 扩展区的正式编码"});
        ++i;
        continue;
      }
      // "?" between 汉字: a 汉字 lost in a code-page conversion (GBK → ASCII gives one "?" per
      // character), unless it follows a question particle and is simply a half-width "？".
      if (c == U'?' && core::is_han(before(i))) {
        std::size_t j = i;
        while (j < n && s[j] == U'?') ++j;
        const char32_t prev = before(i);
        const bool question = prev == U'吗' || prev == U'呢' || prev == U'么' || prev == U'吧';
        if (core::is_han(at(j)) && !question) {
          emit(t, i, j, kClauseLost,
               fmt::format("{}中“{}”夹在汉字之间，疑为编码转换时丢失的字 / a lost character", field.what,
                           gw::slice(s, i, j)),
               std::nullopt, {"按原件补回丢失的字"});
          i = j;
          continue;
        }
      }
      // Latin O / digit 0 / white circle among Chinese numerals: 〇 (二OO九 → 二〇〇九).
      if (is_zero_lookalike(c)) {
        std::size_t j = i;
        while (j < n && is_zero_lookalike(s[j])) ++j;
        const char32_t prev = before(i), next = at(j);
        const bool numeral_side = gw::is_chinese_numeral(prev) || gw::is_chinese_numeral(next);
        if (numeral_side && !gw::is_ascii_alnum(prev) && !gw::is_ascii_alnum(next)) {
          emit(t, i, j, kClauseZero,
               fmt::format("{}中“{}”夹在汉字数字之间，应为“〇” / use 〇 among Chinese numerals", field.what,
                           gw::slice(s, i, j)),
               core::utf8_encode(std::u32string(j - i, U'〇')));
        }
        i = j;
        continue;
      }
      if (kHalfWidthMarks.find(c) == std::u32string_view::npos) {
        ++i;
        continue;
      }
      // A 发文字号 cited in the text with the wrong brackets: 中发[2008]4号 → 中发〔2008〕4号.
      if ((c == U'[' || c == U'(' || c == U'（' || c == U'【') && core::is_han(before(i)) && i + 5 < n) {
        bool year = true;
        for (std::size_t k = i + 1; k < i + 5; ++k) year = year && s[k] >= U'0' && s[k] <= U'9';
        const char32_t close = s[i + 5];
        if (year && (close == U']' || close == U')' || close == U'）' || close == U'】') && at(i + 6) >= U'0' &&
            at(i + 6) <= U'9') {
          emit(t, i, i + 6, kClausePunct,
               fmt::format("{}中引用的发文字号年份应括入六角括号〔〕 / cited document numbers use 〔〕", field.what),
               "〔" + gw::slice(s, i + 1, i + 5) + "〕");
          i += 6;
          continue;
        }
      }
      if (c == U'"') ++double_quotes;
      if (c == U'\'') ++single_quotes;
      const char32_t prev = before(i), next = at(i + 1);
      bool chinese = gw::is_chinese_context(prev) || gw::is_chinese_context(next);
      if (c == U'.') chinese = core::is_han(prev) && core::is_han(next);  // 3.5亿, 1.2 stay
      if (c == U'\'' && gw::is_ascii_alnum(prev) && gw::is_ascii_alnum(next)) chinese = false;  // it's
      if (title && c != U'(' && c != U')') chinese = false;
      if (skip_last_colon && c == U':' && i + 1 == n) chinese = false;
      if (!chinese) {
        ++i;
        continue;
      }
      // Doubled angle brackets typed for 书名号: <<意见>> → 《意见》.
      if ((c == U'<' || c == U'>') && at(i + 1) == c) {
        emit(t, i, i + 2, kClausePunct,
             fmt::format("{}中“{}”应为书名号“{}” / use 《》", field.what, gw::slice(s, i, i + 2), c == U'<' ? "《" : "》"),
             c == U'<' ? "《" : "》");
        i += 2;
        continue;
      }
      std::optional<std::string> fix;
      std::vector<std::string> hints;
      if (c == U'"') fix = double_quotes % 2 == 1 ? "“" : "”";
      else if (c == U'\'') fix = single_quotes % 2 == 1 ? "‘" : "’";
      else if (const auto fw = full_width(c)) fix = core::utf8_encode(*fw);
      else hints.push_back("改用全角括号：〔〕（发文字号年份）、［］或【】");
      if (c == U'<' || c == U'>') hints.push_back(fmt::format("“{}”与“{}”同键，疑为误按 Shift", core::utf8_encode(std::u32string(1, c)), c == U'<' ? "," : "."));
      emit(t, i, i + 1, kClausePunct,
           fmt::format("{}中使用了半角标点“{}”，中文文本应使用全角标点 / half-width punctuation in Chinese text",
                       field.what, gw::slice(s, i, i + 1)),
           std::move(fix), std::move(hints));
      ++i;
    }
  }
};

}  // namespace

void check_gw3_characters(const model::Document& doc, core::DiagnosticSink& sink) {
  Checker checker{sink, doc};
  for (const gw::Field& field : gw::running_text(doc))
    checker.check(field, field.text == &doc.title, field.text == &doc.main_recipients);
}

}  // namespace wenshu::rules

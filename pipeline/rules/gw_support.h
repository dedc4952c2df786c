// Shared pieces of the GW rules: character classes, the walk over a document's running text,
// and the one way a GW diagnostic is built (range, fix, location of the first character).
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"
#include "model/document.h"

namespace wenshu::rules::gw {

/// 一 … 九, 十, 百, 千, 万 and 〇: characters that make up a Chinese numeral.
bool is_chinese_numeral(char32_t c);
/// Full-width and CJK punctuation (，。、；：？！“”‘’（）《》〈〉〔〕【】…— and the like).
bool is_cjk_punctuation(char32_t c);
/// 汉字 (core::is_han) or CJK punctuation: the characters of Chinese running text.
bool is_chinese_context(char32_t c);
bool is_ascii_alnum(char32_t c);
/// ASCII space, tab, NBSP or the ideographic space U+3000.
bool is_space(char32_t c);

/// One text field with a short Chinese name for messages ("标题", "正文第3段").
struct Field {
  const model::Text* text = nullptr;
  std::string what;
};

/// Every field of running text: title, 主送机关, body and attachment blocks (paragraphs,
/// heading texts, table cells and captions, chart titles), 附件说明, 署名, 附注, attendance,
/// 命令 signer, 版记 and the 版头 agency names. Not the 发文字号, dates or heading numbers,
/// which have rules of their own.
std::vector<Field> running_text(const model::Document& doc);

/// Calls `fn` for each list of blocks with its own numbering: the body, then each attachment.
void for_each_block_list(const model::Document& doc,
                         const std::function<void(const std::vector<model::Block>&, const std::string&)>& fn);

/// What a GW diagnostic says about one field.
struct Finding {
  const char* rule = "";
  const char* clause = "";
  std::size_t begin = 0, end = 0;  ///< code points of the field
  std::string message;
  std::optional<std::string> fix;  ///< replacement for [begin, end), when certain
  std::vector<std::string> hints;
};

/// Pushes `f` about `text` as an error with the field's location advanced to `f.begin`.
void report(core::DiagnosticSink& sink, const model::Document& doc, const model::Text& text, Finding f);
/// Pushes an error about a missing or whole field with no character range.
void report_field(core::DiagnosticSink& sink, const model::Document& doc, const core::SourceLocation& where,
                  const char* rule, const char* clause, std::string message, std::vector<std::string> hints = {});

/// Turns "delete [begin, end)" into a replacement that includes one neighbour (the next
/// character, else the previous one), because an empty fix means "no fix".
void set_deletion(Finding& f, const std::u32string& s);

/// UTF-8 of a code-point slice.
std::string slice(const std::u32string& s, std::size_t begin, std::size_t end);

}  // namespace wenshu::rules::gw

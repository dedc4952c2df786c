// GW-4: the title (GB/T 9704-2012 §7.3.1; 党政机关公文处理工作条例 第九条: 标题…除法规、规章
// 名称加书名号外，一般不用标点符号): only 书名号 《》〈〉, and the 、 and （） that names need
// (市、县区; (试行)), plus the 间隔号 · of foreign names. Half-width ( ) are left to GW-3.
#include <fmt/format.h>

#include "core/utf8.h"
#include "rules/gw.h"
#include "rules/gw_support.h"

namespace wenshu::rules {

namespace {

constexpr const char* kRule = "GW-4";
constexpr const char* kClause = "GB/T 9704-2012 7.3.1 标题";

bool is_punctuation(char32_t c) {
  if (c < 0x80) return c != U'(' && c != U')' && std::u32string_view(U"!\"#%&'*,-./:;<>?@[\\]^_`{|}~").find(c) != std::u32string_view::npos;
  return gw::is_cjk_punctuation(c);
}

bool allowed(char32_t c) { return std::u32string_view(U"《》〈〉、（）·").find(c) != std::u32string_view::npos; }

bool is_sentence_end(char32_t c) {
  return std::u32string_view(U"。，；：！？.,;:!?").find(c) != std::u32string_view::npos;
}

}  // namespace

void check_gw4_title(const model::Document& doc, core::DiagnosticSink& sink) {
  const model::Text& title = doc.title;
  if (title.empty()) return;
  const std::u32string s = core::utf8_decode(title.value);
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char32_t c = s[i];
    if (!is_punctuation(c) || allowed(c)) continue;
    gw::Finding f;
    f.rule = kRule;
    f.clause = kClause;
    f.begin = i;
    f.end = i + 1;
    f.message = fmt::format("标题中不应使用标点“{}”（只可用书名号及名称所需的、和（）） / no punctuation in the title",
                            gw::slice(s, i, i + 1));
    if (i + 1 == s.size() && is_sentence_end(c)) {
      gw::set_deletion(f, s);  // a title is not a sentence: drop its final mark
      f.hints.push_back("删去标题末尾的标点");
    } else if (c == U'“' || c == U'”' || c == U'"') {
      f.hints.push_back("文件、法规名称改用书名号《》，其他词语去掉引号");
    } else {
      f.hints.push_back("改写标题，去掉该标点（可用空格或换行分隔）");
    }
    gw::report(sink, doc, title, std::move(f));
  }
}

}  // namespace wenshu::rules

// GW-7: paired marks are balanced in each text (GB/T 15834-2011 §4.4 引号, §4.5 括号, §4.15
// 书名号): 《》 〈〉 “” ‘’ （） 〔〕 【】 ［］. A half-width ( ) pairs with its full-width form
// (the width itself is GW-3's business). Checked per field: a pair never spans two paragraphs.
#include <fmt/format.h>

#include "core/utf8.h"
#include "rules/gw.h"
#include "rules/gw_support.h"

namespace wenshu::rules {

namespace {

constexpr const char* kRule = "GW-7";
constexpr const char* kClause = "GB/T 15834-2011 标号成对使用";

constexpr std::u32string_view kOpeners = U"《〈“‘（(〔【［[";
constexpr std::u32string_view kClosers = U"》〉”’）)〕】］]";

// The pair class: ( and （ are one class.
int pair_class(char32_t c) {
  auto k = kOpeners.find(c);
  if (k == std::u32string_view::npos) k = kClosers.find(c);
  if (k == std::u32string_view::npos) return -1;
  if (k == 5) return 4;  // ( → （
  return static_cast<int>(k);
}

bool is_opener(char32_t c) { return kOpeners.find(c) != std::u32string_view::npos; }

void check_field(const model::Document& doc, const gw::Field& field, core::DiagnosticSink& sink) {
  const model::Text& t = *field.text;
  const std::u32string s = core::utf8_decode(t.value);
  std::vector<std::size_t> stack;  // positions of open marks
  auto emit = [&](std::size_t i, std::string msg, std::optional<std::string> fix = std::nullopt) {
    gw::Finding f;
    f.rule = kRule;
    f.clause = kClause;
    f.begin = i;
    f.end = i + 1;
    f.message = std::move(msg);
    f.fix = std::move(fix);
    gw::report(sink, doc, t, std::move(f));
  };
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char32_t c = s[i];
    const int cls = pair_class(c);
    if (cls < 0) continue;
    // An apostrophe inside a Latin word (Xi’an) is no quotation mark.
    if (c == U'’' && i > 0 && i + 1 < s.size() && gw::is_ascii_alnum(s[i - 1]) && gw::is_ascii_alnum(s[i + 1]))
      continue;
    if (is_opener(c)) {
      // “…“ : a second opening quote while one is open is most likely the closing one typed
      // the wrong way round.
      if ((c == U'“' || c == U'‘') && !stack.empty() && s[stack.back()] == c) {
        emit(i, fmt::format("{}中引号方向错误：此处应为后引号“{}” / closing quote expected", field.what,
                            c == U'“' ? "”" : "’"),
             c == U'“' ? "”" : "’");
        stack.pop_back();
        continue;
      }
      stack.push_back(i);
      continue;
    }
    // A closer: match the innermost opener of its class; openers above it were never closed.
    std::size_t k = stack.size();
    while (k > 0 && pair_class(s[stack[k - 1]]) != cls) --k;
    if (k == 0) {
      const bool quote = c == U'”' || c == U'’';
      const char32_t twin = c;
      bool later_twin = false;
      for (std::size_t j = i + 1; j < s.size() && quote; ++j) {
        if (s[j] == twin) {
          later_twin = true;
          break;
        }
        if (s[j] == (c == U'”' ? U'“' : U'‘')) break;
      }
      if (later_twin) {
        emit(i, fmt::format("{}中引号方向错误：此处应为前引号“{}” / opening quote expected", field.what,
                            c == U'”' ? "“" : "‘"),
             c == U'”' ? "“" : "‘");
        stack.push_back(i);
        continue;
      }
      emit(i, fmt::format("{}中“{}”没有与之配对的前一半 / unmatched closing mark", field.what, gw::slice(s, i, i + 1)));
      continue;
    }
    for (std::size_t u = k; u < stack.size(); ++u)
      emit(stack[u], fmt::format("{}中“{}”没有配对的后一半 / unclosed mark", field.what,
                                 gw::slice(s, stack[u], stack[u] + 1)));
    stack.resize(k - 1);
  }
  for (std::size_t u : stack)
    emit(u, fmt::format("{}中“{}”没有配对的后一半 / unclosed mark", field.what, gw::slice(s, u, u + 1)));
}

}  // namespace

void check_gw7_brackets(const model::Document& doc, core::DiagnosticSink& sink) {
  for (const gw::Field& field : gw::running_text(doc)) check_field(doc, field, sink);
}

}  // namespace wenshu::rules

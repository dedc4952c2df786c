// GW-6: 主送机关 (GB/T 9704-2012 §7.3.2): the last agency name is followed by a full-width
// colon "：".
#include <fmt/format.h>

#include "core/utf8.h"
#include "rules/gw.h"
#include "rules/gw_support.h"

namespace wenshu::rules {

void check_gw6_recipients(const model::Document& doc, core::DiagnosticSink& sink) {
  const model::Text& field = doc.main_recipients;
  if (field.empty()) return;
  const std::u32string s = core::utf8_decode(field.value);
  std::size_t end = s.size();
  while (end > 0 && gw::is_space(s[end - 1])) --end;
  gw::Finding f;
  f.rule = "GW-6";
  f.clause = "GB/T 9704-2012 7.3.2 主送机关";
  if (end == 0) return;
  const char32_t last = s[end - 1];
  if (last == U'：' && end == s.size()) return;
  if (last == U'：') {
    f.begin = end;
    f.end = s.size();
    f.message = "主送机关的冒号后不应再有空格 / nothing after the colon";
    gw::set_deletion(f, s);
  } else if (std::u32string_view(U":;；,，.。、").find(last) != std::u32string_view::npos) {
    f.begin = end - 1;
    f.end = s.size();
    f.message = fmt::format("主送机关末尾应为全角冒号“：”，而不是“{}” / ends with a full-width colon", gw::slice(s, end - 1, end));
    f.fix = "：";
  } else {
    f.begin = end - 1;
    f.end = s.size();
    f.message = "主送机关末尾缺少全角冒号“：” / ends with a full-width colon";
    f.fix = gw::slice(s, end - 1, end) + "：";
  }
  gw::report(sink, doc, field, std::move(f));
}

}  // namespace wenshu::rules

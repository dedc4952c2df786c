#include "rules/gw_support.h"

#include <fmt/format.h>

#include "core/utf8.h"

namespace wenshu::rules::gw {

bool is_chinese_numeral(char32_t c) {
  static constexpr std::u32string_view kNumerals = U"〇一二三四五六七八九十百千万";
  return kNumerals.find(c) != std::u32string_view::npos;
}

bool is_cjk_punctuation(char32_t c) {
  if (c >= 0x3001 && c <= 0x3003) return true;   // 、。〃
  if (c >= 0x3008 && c <= 0x3011) return true;   // 〈〉《》「」『』【】
  if (c >= 0x3014 && c <= 0x301F) return true;   // 〔〕〖〗〘〙〚〛〜〝〞〟
  if (c >= 0xFF01 && c <= 0xFF0F) return true;   // ！＂＃…／
  if (c >= 0xFF1A && c <= 0xFF20) return true;   // ：；＜＝＞？＠
  if (c >= 0xFF3B && c <= 0xFF40) return true;   // ［＼］＾＿｀
  if (c >= 0xFF5B && c <= 0xFF65) return true;   // ｛｜｝～
  return c == 0x2014 || c == 0x2026 || (c >= 0x2018 && c <= 0x201F) || c == 0x00B7;  // — … ‘’“” ·
}

bool is_chinese_context(char32_t c) { return core::is_han(c) || is_cjk_punctuation(c); }

bool is_ascii_alnum(char32_t c) {
  return (c >= U'0' && c <= U'9') || (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z');
}

bool is_space(char32_t c) { return c == U' ' || c == U'\t' || c == 0x00A0 || c == 0x3000; }

namespace {

void add_blocks(const std::vector<model::Block>& blocks, const std::string& where, std::vector<Field>& out) {
  int paragraph = 0;
  for (const auto& block : blocks) {
    if (const auto* p = std::get_if<model::Paragraph>(&block)) {
      out.push_back({&p->text, fmt::format("{}第{}段", where, ++paragraph)});
    } else if (const auto* h = std::get_if<model::Heading>(&block)) {
      ++paragraph;
      const std::string label = fmt::format("{}第{}段（{}）", where, paragraph, h->number.value);
      if (!h->text.empty()) out.push_back({&h->text, label});
      if (!h->run_in.empty()) out.push_back({&h->run_in, label});
    } else if (const auto* t = std::get_if<model::Table>(&block)) {
      if (!t->caption.empty()) out.push_back({&t->caption, where + "表格标题"});
      for (std::size_t r = 0; r < t->rows.size(); ++r)
        for (std::size_t c = 0; c < t->rows[r].size(); ++c)
          out.push_back({&t->rows[r][c].text, fmt::format("{}表格第{}行第{}格", where, r + 1, c + 1)});
    } else if (const auto* ch = std::get_if<model::Chart>(&block)) {
      if (!ch->title.empty()) out.push_back({&ch->title, where + "图表标题"});
    }
  }
}

}  // namespace

std::vector<Field> running_text(const model::Document& doc) {
  std::vector<Field> out;
  auto add = [&](const model::Text& t, std::string what) {
    if (!t.empty()) out.push_back({&t, std::move(what)});
  };
  for (const auto& t : doc.issuers) add(t, "发文机关");
  add(doc.issuer_mark, "发文机关标志");
  for (const auto& t : doc.signers) add(t, "签发人");
  add(doc.title, "标题");
  add(doc.main_recipients, "主送机关");
  add_blocks(doc.body, "正文", out);
  for (const auto& t : doc.attachment_notes) add(t, "附件说明");
  for (const auto& t : doc.attendance.present) add(t, "出席");
  for (const auto& t : doc.attendance.absent) add(t, "请假");
  for (const auto& t : doc.attendance.attending) add(t, "列席");
  for (const auto& t : doc.signatures) add(t, "署名");
  add(doc.signer_title, "签发人职务");
  add(doc.signer_name, "签发人姓名");
  add(doc.note, "附注");
  for (std::size_t i = 0; i < doc.attachments.size(); ++i) {
    const auto& a = doc.attachments[i];
    const std::string where = fmt::format("{}{}", a.issued ? "印发件" : "附件",
                                          a.number.empty() ? std::to_string(i + 1) : a.number.value);
    add(a.title, where + "标题");
    add_blocks(a.body, where, out);
  }
  add(doc.cc, "抄送");
  add(doc.printer, "印发机关");
  return out;
}

void for_each_block_list(const model::Document& doc,
                         const std::function<void(const std::vector<model::Block>&, const std::string&)>& fn) {
  fn(doc.body, "正文");
  for (std::size_t i = 0; i < doc.attachments.size(); ++i) {
    const auto& a = doc.attachments[i];
    fn(a.body, fmt::format("{}{}", a.issued ? "印发件" : "附件", a.number.empty() ? std::to_string(i + 1) : a.number.value));
  }
}

void report(core::DiagnosticSink& sink, const model::Document& doc, const model::Text& text, Finding f) {
  core::Diagnostic d;
  d.severity = core::Severity::kError;  // rules.md GW: format checks before filing
  d.rule = f.rule;
  d.clause = f.clause;
  d.location = text.location_at(f.begin);
  d.record_id = doc.id;
  d.message = std::move(f.message);
  d.hints = std::move(f.hints);
  d.has_range = true;
  d.range = {f.begin, f.end};
  if (f.fix) d.fix = *f.fix;
  sink.push(std::move(d));
}

void report_field(core::DiagnosticSink& sink, const model::Document& doc, const core::SourceLocation& where,
                  const char* rule, const char* clause, std::string message, std::vector<std::string> hints) {
  core::Diagnostic d;
  d.severity = core::Severity::kError;
  d.rule = rule;
  d.clause = clause;
  d.location = where;
  d.record_id = doc.id;
  d.message = std::move(message);
  d.hints = std::move(hints);
  sink.push(std::move(d));
}

void set_deletion(Finding& f, const std::u32string& s) {
  if (f.end < s.size()) {
    f.fix = slice(s, f.end, f.end + 1);
    ++f.end;
  } else if (f.begin > 0) {
    f.fix = slice(s, f.begin - 1, f.begin);
    --f.begin;
  }  // the whole field: no replacement can say "delete everything"
}

std::string slice(const std::u32string& s, std::size_t begin, std::size_t end) {
  return core::utf8_encode(std::u32string_view(s).substr(begin, end - begin));
}

}  // namespace wenshu::rules::gw

// GW-8: 附件说明 ↔ 附件 (GB/T 9704-2012 §7.3.4, §7.3.7): every name in the 附件说明 has its
// attachment and every attachment is named there, in the same order, with the same name
// (§7.3.7 "附件序号和名称前后标注应一致"); several attachments are numbered 1, 2, … and a
// single one carries no number; a name ends without punctuation. Issued documents (印发件)
// are not attachments and are not listed.
#include <fmt/format.h>

#include "core/utf8.h"
#include "rules/gw.h"
#include "rules/gw_support.h"

namespace wenshu::rules {

namespace {

constexpr const char* kRule = "GW-8";
constexpr const char* kClause = "GB/T 9704-2012 7.3.4 附件说明、7.3.7 附件";

gw::Finding finding(std::size_t b, std::size_t e, std::string msg) {
  gw::Finding f;
  f.rule = kRule;
  f.clause = kClause;
  f.begin = b;
  f.end = e;
  f.message = std::move(msg);
  return f;
}

// Checks how one 附件说明 entry is written; returns the name it gives.
void check_note_form(const model::Document& doc, const model::Text& note, core::DiagnosticSink& sink) {
  const std::u32string s = core::utf8_decode(note.value);
  // "附件：" or "1." written into the entry: the layout adds both.
  std::size_t i = 0;
  if (s.starts_with(U"附件：") || s.starts_with(U"附件:")) i = 3;
  std::size_t j = i;
  while (j < s.size() && ((s[j] >= U'0' && s[j] <= U'9') || (s[j] >= U'０' && s[j] <= U'９'))) ++j;
  if (j > i && j < s.size() && std::u32string_view(U".．、,，").find(s[j]) != std::u32string_view::npos) j += 1;
  else j = i;
  while (j < s.size() && j > 0 && gw::is_space(s[j])) ++j;
  if (j > 0 && j < s.size()) {
    auto f = finding(0, j + 1, "附件说明只写附件名称，“附件：”和序号由排版生成 / write the name only");
    f.fix = gw::slice(s, j, j + 1);
    gw::report(sink, doc, note, std::move(f));
  }
  if (!s.empty() && std::u32string_view(U"。，；：、.,;:").find(s.back()) != std::u32string_view::npos) {
    auto f = finding(s.size() - 1, s.size(), "附件名称后不加标点符号 / no punctuation after the name");
    gw::set_deletion(f, s);
    gw::report(sink, doc, note, std::move(f));
  }
}

}  // namespace

void check_gw8_attachments(const model::Document& doc, core::DiagnosticSink& sink) {
  std::vector<const model::Attachment*> listed;
  for (const auto& a : doc.attachments)
    if (!a.issued) listed.push_back(&a);
  const auto& notes = doc.attachment_notes;
  for (const auto& note : notes) check_note_form(doc, note, sink);

  const std::size_t common = std::min(notes.size(), listed.size());
  for (std::size_t i = 0; i < common; ++i) {
    const model::Text& note = notes[i];
    const model::Attachment& a = *listed[i];
    if (note.value != a.title.value) {
      const std::u32string n = core::utf8_decode(note.value), t = core::utf8_decode(a.title.value);
      std::size_t pre = 0;
      while (pre < n.size() && pre < t.size() && n[pre] == t[pre]) ++pre;
      std::size_t suf = 0;
      while (suf < n.size() - pre && suf < t.size() - pre && n[n.size() - 1 - suf] == t[t.size() - 1 - suf]) ++suf;
      auto f = finding(pre, n.size() - suf,
                       fmt::format("附件说明第{}项“{}”与附件{}的标题“{}”不一致 / the note and the attachment title differ",
                                   i + 1, note.value, i + 1, a.title.value));
      if (n.size() - suf > pre || t.size() - suf > pre) f.fix = gw::slice(t, pre, t.size() - suf);
      if (f.fix && f.fix->empty()) {
        f.fix.reset();
        gw::set_deletion(f, n);
      }
      if (f.begin == f.end) {  // an insertion: replace one neighbour together with it
        if (f.begin < n.size()) {
          f.fix = *f.fix + gw::slice(n, f.begin, f.begin + 1);
          ++f.end;
        } else if (f.begin > 0) {
          f.fix = gw::slice(n, f.begin - 1, f.begin) + *f.fix;
          --f.begin;
        }
      }
      f.hints.push_back("附件说明中的名称与附件标题应完全一致；若附件标题有误，请改附件标题");
      gw::report(sink, doc, note, std::move(f));
    }
  }
  for (std::size_t i = common; i < notes.size(); ++i) {
    auto f = finding(0, core::utf8_length(notes[i].value),
                     fmt::format("附件说明列出“{}”，但文件中没有对应的附件 / the attachment is missing", notes[i].value));
    gw::report(sink, doc, notes[i], std::move(f));
  }
  for (std::size_t i = common; i < listed.size(); ++i) {
    const model::Attachment& a = *listed[i];
    if (a.title.empty()) {
      gw::report_field(sink, doc, a.title.location, kRule, kClause,
                       fmt::format("第{}个附件没有标题，也未在附件说明中列出 / attachment not listed", i + 1));
      continue;
    }
    auto f = finding(0, core::utf8_length(a.title.value),
                     fmt::format("附件“{}”未在附件说明中列出 / the attachment is not named in the 附件说明", a.title.value));
    f.hints.push_back("在正文之后的附件说明中列出该附件名称");
    gw::report(sink, doc, a.title, std::move(f));
  }

  // Numbers: 1, 2, … when there are several; none when there is one (§7.3.4).
  for (std::size_t i = 0; i < listed.size(); ++i) {
    const model::Text& number = listed[i]->number;
    const std::string expected = listed.size() > 1 ? std::to_string(i + 1) : "";
    if (number.value == expected) continue;
    if (expected.empty()) {
      if (number.value == "1") continue;  // tolerated: "附件1" for a single attachment is common
      gw::report_field(sink, doc, number.location, kRule, kClause,
                       fmt::format("只有一个附件时不编序号，“{}”应删去 / a single attachment has no number", number.value));
    } else if (number.empty()) {
      gw::report_field(sink, doc, listed[i]->title.location, kRule, kClause,
                       fmt::format("有多个附件时应标注序号：此附件应为附件{} / number the attachments", expected));
    } else {
      auto f = finding(0, core::utf8_length(number.value),
                       fmt::format("附件序号应为“{}”，不是“{}” / attachments are numbered 1, 2, …", expected, number.value));
      f.fix = expected;
      gw::report(sink, doc, number, std::move(f));
    }
  }
}

}  // namespace wenshu::rules

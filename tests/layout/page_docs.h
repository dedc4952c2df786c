// Documents built in code for the page-composer tests and golden dumps.
#pragma once
#include <string>

#include "model/document.h"

namespace wenshu::test {

inline model::Text txt(const std::string& s, int line = 1) { return {s, {"doc.xml", line, 1}, {}}; }

/// n copies of a pure-Han sentence (exactly `chars` Han characters, no punctuation).
inline std::string han(int chars) {
  static const char* const kHan[] = {"国", "家", "机", "关", "公", "文", "处", "理", "工", "作"};
  std::string s;
  for (int k = 0; k < chars; ++k) s += kHan[k % 10];
  return s;
}

/// A standard 公文: 版头, title, 主送, a few paragraphs with headings, 附件说明, signature,
/// 附注, one attachment and a 版记.
inline model::Document standard_doc() {
  model::Document d;
  d.id = "std-1";
  d.location = {"doc.xml", 1, 1};
  d.copy_number = txt("000123", 2);
  d.secrecy = txt("秘密★1年", 3);
  d.urgency = txt("特急", 4);
  d.issuers = {txt("中共××市委员会", 5)};
  d.doc_number = txt("市委发〔2009〕32号", 6);
  d.title = txt("中共××市委关于印发《关于进一步加强和改进党的建设工作的七项配套制度》的通知", 7);
  d.main_recipients = txt("各县区委，市委各部委，市直各单位党组（党委）：", 8);
  d.body.push_back(model::Paragraph{txt("为认真贯彻落实党的十七届四中全会精神，进一步加强和改进新形势下党的建设，"
                                        "市委制定了七项配套制度，现印发给你们，请结合实际认真贯彻执行。", 9)});
  d.body.push_back(model::Heading{1, txt("一、", 10), txt("充分认识建立配套制度的重要意义", 10), {}});
  d.body.push_back(model::Paragraph{txt("建立和完善配套制度，是推进党的建设科学化、制度化、规范化的重要举措。"
                                        "各级党组织要从全局和战略的高度，充分认识其重要性和紧迫性。", 11)});
  d.body.push_back(model::Heading{2, txt("（一）", 12), txt("加强组织领导", 12), {}});
  d.body.push_back(model::Paragraph{txt("各县区委要把贯彻落实配套制度列入重要议事日程，主要负责同志要亲自抓。", 13)});
  d.attachment_notes = {txt("中共××市委关于进一步加强和改进党的建设工作的七项配套制度", 14)};
  d.signatures = {txt("中共××市委员会", 15)};
  d.date.text = txt("2009年9月2日", 16);
  d.date.value = core::Date{2009, 9, 2};
  d.note = txt("此件发至县级", 17);
  model::Attachment a;
  a.number = txt("", 18);
  a.title = txt("中共××市委关于进一步加强和改进党的建设工作的七项配套制度", 18);
  a.body.push_back(model::Paragraph{txt("第一条　为规范党委工作，制定本制度。", 19)});
  d.attachments.push_back(a);
  d.cc = txt("市人大常委会党组，市政府党组，市政协党组，市纪委，军分区党委。", 20);
  d.printer = txt("中共××市委办公室", 21);
  d.print_date.text = txt("2009年9月3日", 22);
  d.print_date.value = core::Date{2009, 9, 3};
  return d;
}

/// A minimal document: mark, number, title and `paragraphs` body paragraphs of `chars` Han.
inline model::Document simple_doc(int paragraphs, int chars) {
  model::Document d;
  d.id = "simple";
  d.location = {"doc.xml", 1, 1};
  d.issuers = {txt("中共××市委员会")};
  d.doc_number = txt("市委发〔2009〕1号");
  d.title = txt("关于测试的通知");
  for (int k = 0; k < paragraphs; ++k) d.body.push_back(model::Paragraph{txt(han(chars), 10 + k)});
  return d;
}

}  // namespace wenshu::test

// DA-6 problems of a PDF (see pdf_problems.h).
#include "archive/pdf_problems.h"

#include "pdf/inspect.h"

namespace wenshu::archive {

std::vector<PdfProblem> pdf_problems(const model::FileFacts& f) {
  using Kind = PdfProblem::Kind;
  std::vector<PdfProblem> out;
  if (!f.readable)
    out.push_back({Kind::kFormat, f.unfit_why.empty() ? "不是可读的 PDF 文件（长期保存格式要求 PDF）" : f.unfit_why});
  if (f.encrypted) out.push_back({Kind::kSecurity, "PDF 已加密（归档文件不得加密）"});
  if (!f.actions.empty()) {
    std::string kinds;
    for (const auto& k : f.actions) kinds += (kinds.empty() ? "" : ", ") + k;
    out.push_back({Kind::kSecurity, "PDF 含脚本或动作（" + kinds + "），归档文件不得含动态内容"});
  }
  if (f.readable && !f.fonts_embedded) out.push_back({Kind::kFormat, "PDF 有未嵌入或缺少 ToUnicode 的字体"});
  return out;
}

model::FileFacts pdf_facts(const pdf::PdfInfo& info) {
  model::FileFacts f;
  f.readable = info.readable;
  f.pages = info.readable ? info.page_count : 0;
  f.encrypted = info.encrypted;
  if (info.has_javascript || info.has_actions) {
    f.actions = info.action_kinds;
    if (f.actions.empty()) f.actions.push_back(info.has_javascript ? "JavaScript" : "action");
  }
  f.fonts_embedded = !info.readable || info.all_fonts_embedded_with_unicode();
  return f;
}

}  // namespace wenshu::archive

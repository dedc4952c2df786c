// What makes a component file unfit for the archive as a PDF (DA-6: DA/T 70 usability and
// security), worded once for pack and verify: not a readable PDF, encrypted, scripts or
// actions, fonts not embedded or without a ToUnicode map. Works on measured facts
// (model::FileFacts), whoever measured them: the PDF writer, or pdf::inspect on a file.
#pragma once
#include <string>
#include <vector>

#include "model/filed_document.h"

namespace wenshu::pdf {
struct PdfInfo;
}

namespace wenshu::archive {

/// One problem: usability (format) or security, and what it is in words.
struct PdfProblem {
  enum class Kind { kFormat, kSecurity } kind = Kind::kFormat;
  std::string message;
};

/// The problems of a file as an archival PDF, in a fixed order (empty: none).
std::vector<PdfProblem> pdf_problems(const model::FileFacts& facts);

/// The PDF facts pdf::inspect found (size and digests are left for the caller).
model::FileFacts pdf_facts(const pdf::PdfInfo& info);

}  // namespace wenshu::archive

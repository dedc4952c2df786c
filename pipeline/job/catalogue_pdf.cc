// The printable 归档文件目录 (see catalogue_pdf.h).
#include "job/catalogue_pdf.h"

#include <stdexcept>

#include "layout/catalogue.h"
#include "pdf/writer.h"

namespace wenshu::job {

std::string catalogue_pdf(const model::CatalogueDocument& doc) {
  core::DiagnosticSink sink;
  const model::PagedDocument paged = layout::layout_catalogue(doc, sink);
  std::string bytes = sink.has_errors() ? std::string() : pdf::write_pdf(paged, sink);
  if (bytes.empty() || sink.has_errors()) {
    std::string why = "PDF writer failed";
    for (const auto& d : sink.items())
      if (d.severity == core::Severity::kError) {
        why = d.message;
        break;
      }
    throw std::runtime_error("归档文件目录.pdf 无法生成 / cannot set the catalogue PDF: " + why);
  }
  return bytes;
}

}  // namespace wenshu::job

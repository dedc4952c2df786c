// PagedDocument -> PDF bytes with PoDoFo low-level objects (pdf-font-probe.md §2b). The steps
// are in writer_fonts.cc, writer_pages.cc and writer_file.cc (writer_steps.h).
#include "pdf/writer.h"

#include <atomic>

#include "core/output_file.h"
#include "pdf/podofo_setup.h"
#include "pdf/writer_steps.h"

namespace wenshu::pdf {

using namespace PoDoFo;

std::string write_pdf(const model::PagedDocument& doc, core::DiagnosticSink& sink, const WriteOptions& options) {
  podofo_quiet();
  if (doc.pages.empty()) {
    writer_error(sink, "PDF-EMPTY", "文档没有页面 / the document has no pages");
    return {};
  }
  std::vector<DocFont> fonts;
  if (!prepare_fonts(doc, fonts, sink)) return {};
  // The output buffer is reserved from the size of the last document (no growth by copies).
  static std::atomic<std::size_t> last_size{0};
  try {
    PdfMemDocument pdf;
    // PDF/A-2 is based on PDF 1.7 (ISO 19005-2 §6.1.2).
    pdf.SetPdfVersion(ePdfVersion_1_7);
    for (auto& f : fonts) {
      if (f.program) embed_font(pdf, f);
    }
    std::map<std::string, DocImage> images;
    if (!embed_images(pdf, doc, images, sink)) return {};
    const bool uses_cmyk = add_pages(pdf, doc, fonts, images);
    add_document_info(pdf, doc.info, options, uses_cmyk, sink);
    std::string out = serialize(pdf, last_size.load(std::memory_order_relaxed) + (64 << 10));
    last_size.store(out.size(), std::memory_order_relaxed);
    return out;
  } catch (const PdfError& e) {
    writer_error(sink, "PDF-WRITE", std::string("PDF 生成失败 / PoDoFo error: ") + PdfError::ErrorMessage(e.GetError()));
    return {};
  }
}

void announce_documents(std::size_t count) { FontProgram::expect_documents(count); }

bool write_pdf_file(const std::filesystem::path& path, const model::PagedDocument& doc, core::DiagnosticSink& sink,
                    const WriteOptions& options) {
  core::DiagnosticSink local;
  const std::string bytes = write_pdf(doc, local, options);
  return core::write_output_file(path, bytes, local, sink);
}

}  // namespace wenshu::pdf

// `render` as a library call: 公文 document files (or document models made by templates) →
// layout → PDF files. A document whose errors prevent a trustworthy layout produces no PDF
// (never a corrupt or half-written one); outputs are written atomically.
#pragma once
#include <filesystem>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "job/renditions.h"
#include "model/document.h"

namespace wenshu::layout {
struct LayoutProfile;
}

namespace wenshu::job {

/// Options shared by every render.
struct RenderOptions {
  std::filesystem::path output_dir = "out";  ///< PDFs go to output_dir/<stem>.pdf
  /// Render even when the input has errors, marked as a draft (草稿 watermark, Info draft flag).
  bool draft = false;
  bool pdfa = true;                           ///< PDF/A-2 structure (XMP, sRGB output intent)
  Renditions as;                              ///< PDF and/or OFD (X.pdf, X.ofd side by side)
  const layout::LayoutProfile* profile = nullptr;  ///< null: layout::default_profile()
};

/// What happened to one document.
struct RenderResult {
  std::string source;                  ///< input file (or document id)
  std::filesystem::path output;        ///< the PDF path (set even when nothing was written)
  std::vector<std::filesystem::path> outputs;  ///< every rendition written (X.pdf, X.ofd)
  bool written = false;                ///< every rendition asked for was written
  int pages = 0;
  std::size_t bytes = 0;               ///< bytes of all renditions written
};

/// Lays out `doc` and writes the PDF to `output` (and/or the OFD beside it, options.as). Pushes
/// LAYOUT-…/PDF-…/OFD-… diagnostics; writes nothing when layout or a writer reported errors,
/// unless options.draft (then the document is marked draft and written if the writers succeed).
/// Throws std::runtime_error on I/O failure.
RenderResult render_document(const model::Document& doc, const std::filesystem::path& output,
                             const RenderOptions& options, core::DiagnosticSink& sink);

/// Renders document files (schemas/gongwen.xsd) one by one to options.output_dir/<stem>.pdf, in
/// input order. Reading errors (XML-…) stop that file only.
std::vector<RenderResult> render_files(const std::vector<std::filesystem::path>& files,
                                       const RenderOptions& options, core::DiagnosticSink& sink);

/// Renders a document to PDF bytes in memory (layout + writer), for benchmarks and tests.
/// Empty when errors were reported.
std::string render_to_bytes(const model::Document& doc, const RenderOptions& options, core::DiagnosticSink& sink);

}  // namespace wenshu::job

// `render` as a library call: 公文 document files (or document models made by templates) →
// layout → PDF files. A document whose errors prevent a trustworthy layout produces no PDF
// (never a corrupt or half-written one); outputs are written atomically.
#pragma once
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "job/parallel.h"
#include "job/build_record.h"
#include "job/renditions.h"
#include "model/document.h"

namespace wenshu::layout {
struct LayoutProfile;
}

namespace wenshu::job {

struct RenderResult;

/// Options shared by every render.
struct RenderOptions {
  std::filesystem::path output_dir = "out";  ///< PDFs go to output_dir/<stem>.pdf
  /// Render a document even when it has errors (GW format errors, reading or layout errors),
  /// marked as a draft (草稿 watermark, Info draft flag); documents without errors render as
  /// usual. Without it such a document is refused.
  bool draft = false;
  bool pdfa = true;                           ///< PDF/A-2 structure (XMP, sRGB output intent)
  Renditions as;                              ///< PDF and/or OFD (X.pdf, X.ofd side by side)
  const layout::LayoutProfile* profile = nullptr;  ///< null: layout::default_profile()
  unsigned threads = 0;                       ///< documents rendered at once (0: the machine's cores)
  /// What names the layout profile in keys (digest of the --layout file), "" for the built-in.
  std::string profile_id;
  /// Where PDFs are written (build: its staging folder); empty: output_dir. Results name
  /// the paths under output_dir.
  std::filesystem::path write_dir;
  /// Record SHA-256 and SM3 of every rendition written (RenderResult::files, for build's
  /// record). `render` alone has no use for them and skips them: SM3 costs about 0.8 ms for a
  /// seed-size PDF.
  bool digests = true;
  /// When set, offered each file before it is rendered (key and files filled in); returning
  /// true means it filled in a reused output instead (build's reuse). Called from any thread.
  std::function<bool(RenderResult& result)> reuse;
  Progress progress;  ///< told as documents are done (job/parallel.h)
};

/// What happened to one document.
struct RenderResult {
  std::string source;                  ///< input file (or document id)
  std::filesystem::path output;        ///< the PDF path (set even when nothing was written)
  std::vector<std::filesystem::path> outputs;  ///< every rendition written (X.pdf, X.ofd)
  bool written = false;                ///< every rendition asked for was written
  bool refused = false;                ///< not rendered: GW errors (rules.md GW) and no --draft
  bool draft = false;                  ///< written as a 草稿 (it has errors; --draft)
  bool reused = false;                 ///< taken over from the build before (build)
  int pages = 0;
  std::size_t bytes = 0;               ///< bytes of all renditions written
  std::string key;                     ///< digest of everything the renditions depend on (render_files)
  /// The renditions relative to output_dir (X.pdf, X.ofd), with digests once written.
  std::vector<RecordedFile> files;
  std::vector<core::Diagnostic> diagnostics;  ///< its findings (also in the sink)
};

/// Lays out `doc` and writes the PDF to `output` (and/or the OFD beside it, options.as). Pushes
/// LAYOUT-…/PDF-…/OFD-… diagnostics; writes nothing when layout or a writer reported errors,
/// unless options.draft (then the document is marked draft and written if the writers succeed).
/// doc.draft marks it a draft in any case. The GW checks are the caller's (render_files).
/// Throws std::runtime_error on I/O failure.
RenderResult render_document(const model::Document& doc, const std::filesystem::path& output,
                             const RenderOptions& options, core::DiagnosticSink& sink);

/// Renders document files (schemas/gongwen.xsd) to options.output_dir/<stem>.pdf on
/// options.threads threads; results and diagnostics in input order whatever the thread count.
/// Reading errors (XML-…) stop that file only. Each document is checked by the GW rules
/// first: one with errors is refused (RenderResult::refused), or rendered as a draft with
/// options.draft.
std::vector<RenderResult> render_files(const std::vector<std::filesystem::path>& files,
                                       const RenderOptions& options, core::DiagnosticSink& sink);

/// Renders a document to PDF bytes in memory (layout + writer), for benchmarks and tests.
/// Empty when errors were reported.
std::string render_to_bytes(const model::Document& doc, const RenderOptions& options, core::DiagnosticSink& sink);

}  // namespace wenshu::job

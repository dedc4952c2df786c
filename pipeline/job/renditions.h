// The renditions of one laid-out document: PDF and/or OFD from the same page model (one layout,
// two writers: `render --as pdf|ofd|both`, `build --as …`). Written side by side as X.pdf and
// X.ofd, and only when every writer asked for succeeded, so a document never ends up with one
// rendition new and the other stale or half-written.
#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "core/output_batch.h"
#include "model/page.h"
#include "ofd/writer.h"

namespace wenshu::job {

/// Which renditions to write.
struct Renditions {
  bool pdf = true;
  bool ofd = false;
};

/// "pdf", "ofd" or "both"; nothing for anything else.
std::optional<Renditions> parse_renditions(const std::string& text);

/// The bytes of each rendition asked for (empty when not asked for).
struct RenditionBytes {
  std::string pdf, ofd;
};

/// Runs the writers `as` asks for (PDF/A structure with `pdfa`). False when a writer reported
/// errors (pushed into `sink`); then nothing must be written.
/// `ofd_options`: the OFD writer's (the archive profile and metadata of a filed document).
bool make_renditions(const model::PagedDocument& paged, const Renditions& as, bool pdfa, RenditionBytes& out,
                     core::DiagnosticSink& sink, const ofd::WriteOptions& ofd_options = {});

/// Writes the renditions in `bytes` atomically: `pdf_path` and `pdf_path` with the extension
/// .ofd, each flushed at once, or through `batch` (flushed and put in place when it commits).
/// Returns the paths written, PDF first.
std::vector<std::filesystem::path> save_renditions(const std::filesystem::path& pdf_path, const RenditionBytes& bytes,
                                                   core::OutputBatch* batch = nullptr);

}  // namespace wenshu::job

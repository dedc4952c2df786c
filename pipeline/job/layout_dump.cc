#include "job/layout_dump.h"

#include "ingest/document_reader.h"
#include "layout/dump.h"
#include "layout/layout.h"
#include "layout/layout_profile.h"

namespace wenshu::job {

std::optional<std::string> layout_dump_file(const std::filesystem::path& file, const LayoutDumpOptions& options,
                                            core::DiagnosticSink& sink) {
  auto doc = ingest::read_document(file, sink);
  if (!doc) return std::nullopt;
  if (options.draft) doc->draft = true;
  const layout::LayoutProfile& profile = options.profile ? *options.profile : layout::default_profile();
  const model::PagedDocument paged = layout::layout_document(*doc, profile, sink);
  layout::DumpOptions dump;
  dump.glyph_ids = options.glyph_ids;
  return layout::dump_layout(paged, dump);
}

}  // namespace wenshu::job

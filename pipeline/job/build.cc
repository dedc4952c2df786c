// build: records → documents, plus the 公文 files of the tree (see build.h).
#include "job/build.h"

#include "core/file_io.h"
#include "ingest/document_reader.h"
#include "job/validate.h"

namespace wenshu::job {
namespace fs = std::filesystem;

int BuildResult::exit_code(const core::DiagnosticSink& sink) const {
  const int r = records.exit_code(sink);
  if (r != 0) return r;
  for (const auto& d : documents)
    if (!d.written) return 1;
  return 0;
}

BuildResult build(const BuildOptions& options, core::DiagnosticSink& sink) {
  BuildResult result;
  // Hand-written 公文 files in the tree are rendered as they are; everything else that is XML is
  // offered to the records reader (which skips what is not a records file).
  std::vector<fs::path> documents;
  for (const auto& path : list_inputs(options.inputs, sink)) {
    std::string head;
    try {
      head = core::read_file(path, std::size_t(1) << 30).substr(0, 4096);
    } catch (const std::exception&) {
      continue;  // the records reader reports unreadable files
    }
    if (ingest::is_document_xml(head)) documents.push_back(path);
  }
  result.document_files = documents.size();
  result.records = render_records_files(options.inputs, options.profile, options.render, sink);
  if (!documents.empty() && !result.records.could_not_run) {
    RenderOptions ro;
    ro.output_dir = options.render.output_dir / "documents";
    ro.pdfa = options.render.pdfa;
    ro.draft = options.render.force;
    ro.profile = options.render.layout_profile;
    result.documents = render_files(documents, ro, sink);
  }
  return result;
}

}  // namespace wenshu::job

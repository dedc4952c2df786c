// render: read → layout → PDF and/or OFD, one document at a time.
#include "job/render.h"

#include <set>

#include "core/file_io.h"
#include "ingest/document_reader.h"
#include "layout/layout.h"
#include "layout/layout_profile.h"

namespace wenshu::job {

namespace {

/// Copies `from` into `to`, filling in the file (and record id) where a stage left them empty.
void merge_located(core::DiagnosticSink& from, core::DiagnosticSink& to, const std::string& file, const std::string& id) {
  for (auto d : from.items()) {
    if (d.location.file.empty()) d.location.file = file;
    if (d.record_id.empty()) d.record_id = id;
    to.push(std::move(d));
  }
}

/// Layout + writers into `bytes`; false when errors block the output.
bool lay_out_and_write(const model::Document& input, const RenderOptions& options, core::DiagnosticSink& sink,
                       RenditionBytes& bytes, int& pages) {
  model::Document doc = input;
  if (options.draft) doc.draft = true;
  const layout::LayoutProfile& profile = options.profile ? *options.profile : layout::default_profile();
  core::DiagnosticSink layout_sink;
  model::PagedDocument paged = layout::layout_document(doc, profile, layout_sink);
  const bool layout_errors = layout_sink.has_errors();
  if (options.draft) paged.info.draft = true;
  merge_located(layout_sink, sink, doc.location.file, doc.id);
  if (layout_errors && !options.draft) return false;
  core::DiagnosticSink writer_sink;
  const bool ok = make_renditions(paged, options.as, options.pdfa, bytes, writer_sink);
  merge_located(writer_sink, sink, doc.location.file, doc.id);
  pages = static_cast<int>(paged.pages.size());
  return ok;
}

}  // namespace

std::string render_to_bytes(const model::Document& doc, const RenderOptions& options, core::DiagnosticSink& sink) {
  RenditionBytes bytes;
  int pages = 0;
  RenderOptions pdf_only = options;
  pdf_only.as = {true, false};
  if (!lay_out_and_write(doc, pdf_only, sink, bytes, pages)) return {};
  return bytes.pdf;
}

RenderResult render_document(const model::Document& doc, const std::filesystem::path& output,
                             const RenderOptions& options, core::DiagnosticSink& sink) {
  RenderResult r;
  r.source = doc.location.file.empty() ? doc.id : doc.location.file;
  r.output = output;
  RenditionBytes bytes;
  if (!lay_out_and_write(doc, options, sink, bytes, r.pages)) return r;
  r.outputs = save_renditions(output, bytes);
  r.written = true;
  r.bytes = bytes.pdf.size() + bytes.ofd.size();
  return r;
}

std::vector<RenderResult> render_files(const std::vector<std::filesystem::path>& files, const RenderOptions& options,
                                       core::DiagnosticSink& sink) {
  std::vector<RenderResult> results;
  std::set<std::filesystem::path> outputs;
  for (const auto& file : files) {
    RenderResult r;
    r.source = file.string();
    r.output = options.output_dir / (file.stem().string() + ".pdf");
    if (!outputs.insert(r.output).second) {
      core::Diagnostic d;
      d.rule = "PDF-OUTPUT";
      d.location.file = file.string();
      d.message = "输出文件名与前面的输入重复，未生成 / another input already writes " + r.output.string();
      d.hints.push_back("给输入文件改用不同的文件名 / give the inputs different file names");
      sink.push(std::move(d));
      results.push_back(r);
      continue;
    }
    core::DiagnosticSink read_sink;
    std::optional<model::Document> doc = ingest::read_document(file, read_sink);
    const bool read_errors = read_sink.has_errors();
    merge_located(read_sink, sink, file.string(), {});
    if (!doc || (read_errors && !options.draft)) {
      results.push_back(r);
      continue;
    }
    RenderResult done = render_document(*doc, r.output, options, sink);
    done.source = file.string();
    results.push_back(done);
  }
  return results;
}

}  // namespace wenshu::job

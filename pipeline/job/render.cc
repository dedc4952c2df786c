// render: read → layout → PDF and/or OFD, one document at a time.
#include "job/render.h"

#include <set>

#include "archive/digest.h"
#include "core/data_dir.h"
#include "core/file_io.h"
#include "core/output_batch.h"
#include "ingest/document_reader.h"
#include "job/build_keys.h"
#include "job/parallel.h"
#include "layout/layout.h"
#include "layout/layout_profile.h"
#include "pdf/writer.h"
#include "rules/gw.h"

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

/// Layout + writers into `bytes`; false when errors block the output. A document that cannot
/// be laid out without errors is refused, or with options.draft set as a 草稿 (laid out again
/// with the mark, so nothing that looks final leaves with an error).
bool lay_out_and_write(const model::Document& input, const RenderOptions& options, core::DiagnosticSink& sink,
                       RenditionBytes& bytes, int& pages, bool* drafted = nullptr) {
  model::Document doc = input;
  const layout::LayoutProfile& profile = options.profile ? *options.profile : layout::default_profile();
  core::DiagnosticSink layout_sink;
  model::PagedDocument paged = layout::layout_document(doc, profile, layout_sink);
  const bool layout_errors = layout_sink.has_errors();
  merge_located(layout_sink, sink, doc.location.file, doc.id);
  if (layout_errors && !options.draft) return false;
  if (layout_errors && !doc.draft) {
    doc.draft = true;
    core::DiagnosticSink again;  // the same findings, already reported
    paged = layout::layout_document(doc, profile, again);
  }
  if (doc.draft) paged.info.draft = true;
  if (drafted) *drafted = doc.draft;
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

namespace {

/// render_document, writing through `batch` when given; `bytes` keeps what was written.
RenderResult render_into(const model::Document& doc, const std::filesystem::path& output, const RenderOptions& options,
                         core::DiagnosticSink& sink, core::OutputBatch* batch, RenditionBytes& bytes) {
  RenderResult r;
  r.source = doc.location.file.empty() ? doc.id : doc.location.file;
  r.output = output;
  if (!lay_out_and_write(doc, options, sink, bytes, r.pages, &r.draft)) return r;
  r.outputs = save_renditions(output, bytes, batch);
  r.written = true;
  r.bytes = bytes.pdf.size() + bytes.ofd.size();
  return r;
}

}  // namespace

RenderResult render_document(const model::Document& doc, const std::filesystem::path& output,
                             const RenderOptions& options, core::DiagnosticSink& sink) {
  RenditionBytes bytes;
  return render_into(doc, output, options, sink, nullptr, bytes);
}

namespace {

/// The key of a 公文 file's PDF (build_keys.h): its bytes, the seal images it shows, the options.
std::string file_key(const std::string& bytes, const model::Document& doc, const RenderResult& r,
                     const RenderOptions& o, const std::string& fonts) {
  KeyHasher h("wenshu-document-file");
  h.add("program", core::version()).add("bytes", bytes);
  for (const auto& f : r.files) h.add("output", f.path);
  h.add("draft", o.draft ? 1 : 0).add("pdfa", o.pdfa ? 1 : 0).add("layout", o.profile_id).add("fonts", fonts);
  for (const auto& s : seal_image_digests(doc)) h.add("seal", s);
  return h.finish();
}

/// Reads, keys and renders (or reuses) one file, writing through `batch`; its findings go into
/// `sink`.
void render_file(const std::filesystem::path& file, RenderResult& r, const RenderOptions& options,
                 const std::string& fonts, core::OutputBatch& batch, core::DiagnosticSink& sink) {
  std::string bytes;
  core::DiagnosticSink read_sink;
  std::optional<model::Document> doc;
  try {
    bytes = core::read_file(file);
    doc = ingest::read_document_memory(bytes, file.string(), read_sink, file.parent_path());
  } catch (const std::exception&) {
    doc = ingest::read_document(file, read_sink);  // names the unreadable file
  }
  const bool read_errors = read_sink.has_errors();
  merge_located(read_sink, sink, file.string(), {});
  if (!doc || (read_errors && !options.draft)) return;
  // The GW checks first (rules.md GW): a document with format errors does not come out looking
  // final — refused, or with --draft set as a 草稿.
  core::DiagnosticSink gw_sink;
  rules::check_document(*doc, gw_sink);
  const bool gw_errors = gw_sink.has_errors();
  merge_located(gw_sink, sink, file.string(), {});
  if (gw_errors && !options.draft) {
    r.refused = true;
    return;
  }
  if (gw_errors || read_errors) doc->draft = true;
  r.key = file_key(bytes, *doc, r, options, fonts);
  if (options.reuse && options.reuse(r)) {
    r.reused = r.written = true;
    for (const auto& f : r.files) r.outputs.push_back(options.output_dir / f.path);
    for (const auto& d : r.diagnostics) sink.push(d);
    return;
  }
  const std::filesystem::path dir = options.write_dir.empty() ? options.output_dir : options.write_dir;
  const std::string stem = file.stem().string();
  core::DiagnosticSink own;
  RenditionBytes written;
  RenderResult done = render_into(*doc, dir / (stem + ".pdf"), options, own, &batch, written);
  r.written = done.written, r.pages = done.pages, r.bytes = done.bytes, r.draft = done.draft;
  r.diagnostics = own.items();
  if (done.written) {
    for (auto& f : r.files) {
      // Digests from the bytes in memory: the file is put in place when the batch commits.
      const std::string& bytes = f.path.ends_with(".ofd") ? written.ofd : written.pdf;
      f.size = bytes.size();
      if (options.digests) {
        const auto d = archive::digest_bytes(bytes);
        f.sha256 = d.sha256, f.sm3 = d.sm3;
      }
      r.outputs.push_back(options.output_dir / f.path);
    }
  }
  sink.merge(std::move(own));
}

}  // namespace

std::vector<RenderResult> render_files(const std::vector<std::filesystem::path>& files, const RenderOptions& options,
                                       core::DiagnosticSink& sink) {
  std::vector<RenderResult> results(files.size());
  std::vector<core::DiagnosticSink> sinks(files.size());
  std::vector<std::size_t> todo;
  std::set<std::filesystem::path> outputs;
  for (std::size_t i = 0; i < files.size(); ++i) {
    RenderResult& r = results[i];
    r.source = files[i].string();
    r.output = options.output_dir / (files[i].stem().string() + ".pdf");
    if (options.as.pdf) r.files.push_back({files[i].stem().string() + ".pdf"});
    if (options.as.ofd) r.files.push_back({files[i].stem().string() + ".ofd"});
    if (!outputs.insert(r.output).second) {
      core::Diagnostic d;
      d.rule = "PDF-OUTPUT";
      d.location.file = files[i].string();
      d.message = "输出文件名与前面的输入重复，未生成 / another input already writes " + r.output.string();
      d.hints.push_back("给输入文件改用不同的文件名 / give the inputs different file names");
      sinks[i].push(std::move(d));
      continue;
    }
    todo.push_back(i);
  }
  const std::string fonts = [] {
    try {
      return archive::digest_file(core::data_path("fonts/manifest.tsv")).sha256;
    } catch (const std::exception&) {
      return std::string("no-manifest");
    }
  }();
  pdf::announce_documents(todo.size());
  core::OutputBatch batch;
  parallel_for(todo.size(), options.threads, [&](std::size_t k) {
    const std::size_t i = todo[k];
    render_file(files[i], results[i], options, fonts, batch, sinks[i]);
  }, options.progress, "排版 / rendering");
  batch.commit();
  for (auto& s : sinks) sink.merge(std::move(s));
  return results;
}

}  // namespace wenshu::job

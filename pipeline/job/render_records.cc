// render_records: compose (serial, cheap) → name outputs (serial, deterministic) → layout and
// PDF (parallel, the expensive part) → sidecars. See render_records.h.
#include "job/render_records.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <set>
#include <thread>

#include "archive/sidecar.h"
#include "compose/compose.h"
#include "core/file_io.h"
#include "ingest/profile_reader.h"
#include "ingest/records_reader.h"
#include "rules/check.h"
#include "layout/dump.h"
#include "layout/layout.h"
#include "layout/layout_profile.h"
#include "model/filed_document.h"

namespace wenshu::job {
namespace fs = std::filesystem;

namespace {

/// One document on its way to a PDF.
struct Work {
  compose::ComposedDocument composed;
  fs::path relative;  ///< output path relative to the output folder
  RecordsRenderResult result;
  core::DiagnosticSink sink;
};

std::string strip_suffix(std::string s, const std::string& suffix) {
  if (s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0)
    s.erase(s.size() - suffix.size());
  return s;
}

std::string join(const std::vector<model::Text>& v, const char* sep) {
  std::string out;
  for (const auto& t : v) out += (out.empty() ? "" : sep) + t.value;
  return out;
}

/// The archive metadata of a rendered document (model/filed_document.h).
model::FiledDocument filed(const model::Records& records, const compose::ComposedDocument& c, const fs::path& pdf,
                           int pages, bool pdfa) {
  const model::Document& doc = *c.document;
  model::FiledDocument f;
  f.committee_id = c.request.committee;
  if (const auto* com = records.find_committee(c.request.committee)) f.committee_name = com->name;
  f.year = doc.date.value ? doc.date.value->year : c.request.year;
  f.regulation = c.request.kind->regulation;
  f.kind = doc.kind;
  f.title = doc.title.value;
  f.doc_number = doc.doc_number.value;
  f.author = !doc.signatures.empty() ? join(doc.signatures, "、") : join(doc.issuers, "、");
  if (f.author.empty()) f.author = f.committee_name;
  if (doc.date.value) f.date = *doc.date.value;
  else if (doc.print_date.value) f.date = *doc.print_date.value;  // 纪要: no 成文日期 (10.3)
  else f.date = core::Date{c.request.year, 12, 31};
  f.secrecy = doc.secrecy.value;
  f.urgency = doc.urgency.value;
  f.main_recipients = strip_suffix(strip_suffix(doc.main_recipients.value, "："), ":");
  f.cc = strip_suffix(doc.cc.value, "。");
  if (doc.draft) f.note = "草稿";
  model::FiledComponent main;
  main.role = "正本";
  main.path = pdf.filename().string();
  main.page_count = pages;
  main.format = pdfa ? "PDF/A-2u" : "PDF";
  f.components.push_back(main);
  f.source_records = c.request.sources;
  return f;
}

/// Layout → PDF (→ dump, XML, sidecar) for one document; diagnostics into w.sink.
void render_one(const model::Records& records, Work& w, const RenderRecordsOptions& options) {
  const model::Document& doc = *w.composed.document;
  const fs::path pdf = options.output_dir / w.relative;
  core::DiagnosticSink layout_sink;
  model::PagedDocument paged = layout::layout_document(
      doc, options.layout_profile ? *options.layout_profile : layout::default_profile(), layout_sink);
  if (doc.draft) paged.info.draft = true;
  const bool layout_errors = layout_sink.has_errors();
  for (auto d : layout_sink.items()) {
    if (d.record_id.empty()) d.record_id = w.result.document_id;
    if (d.committee.empty()) d.committee = w.composed.request.committee;
    w.sink.push(std::move(d));
  }
  if (options.keep_xml && !w.composed.xml.empty()) core::write_file_atomic(pdf.string() + ".gongwen.xml", w.composed.xml);
  if (options.layout_dump) core::write_file_atomic(pdf.string() + ".layout.txt", layout::dump_layout(paged));
  if (layout_errors && !doc.draft) return;
  core::DiagnosticSink writer_sink;
  RenditionBytes bytes;
  const bool ok = make_renditions(paged, options.as, options.pdfa, bytes, writer_sink);
  for (auto d : writer_sink.items()) {
    if (d.record_id.empty()) d.record_id = w.result.document_id;
    w.sink.push(std::move(d));
  }
  if (!ok) return;
  const std::vector<fs::path> written = save_renditions(pdf, bytes);
  w.result.output = written.front();
  w.result.written = true;
  w.result.pages = static_cast<int>(paged.pages.size());
  // The sidecar describes the PDF the dossier files (archive-format.md §1).
  if (options.as.pdf)
    archive::write_sidecar(filed(records, w.composed, pdf, w.result.pages, options.pdfa), archive::sidecar_path_for(pdf));
}

}  // namespace

std::vector<RecordsRenderResult> render_records(const model::Records& records,
                                                const std::vector<core::Diagnostic>& findings,
                                                const RenderRecordsOptions& options, core::DiagnosticSink& sink) {
  compose::Composer composer(options.template_dir);
  compose::ComposeOptions co;
  co.force = options.force;
  co.findings = findings;
  co.only_kinds = options.only_kinds;

  // 1. Compose every committee's documents (serial: XSLT is fast and its output order fixed).
  std::vector<Work> work;
  for (const auto& c : records.committees) {
    if (!options.committees.empty() &&
        std::find(options.committees.begin(), options.committees.end(), c.id) == options.committees.end())
      continue;
    for (auto& composed : composer.compose_committee(records, c.id, co, sink)) {
      Work w;
      w.result.document_id = composed.request.document_id();
      w.result.kind = composed.request.kind->name;
      w.result.refused = composed.refused;
      w.composed = std::move(composed);
      work.push_back(std::move(w));
    }
  }

  // 2. Name the outputs in plan order, so names never depend on thread timing.
  std::set<std::string> taken;
  std::vector<std::size_t> todo;
  for (std::size_t i = 0; i < work.size(); ++i) {
    auto& w = work[i];
    if (!w.composed.document) continue;
    w.relative = compose::output_path(w.composed.request, *w.composed.document, taken);
    w.result.output = options.output_dir / w.relative;
    w.result.draft = w.composed.document->draft;
    todo.push_back(i);
  }

  // 3. Layout and PDF in parallel; each document has its own sink, merged in plan order.
  unsigned threads = options.threads != 0 ? options.threads : std::max(1u, std::thread::hardware_concurrency());
  threads = std::min<unsigned>(threads, static_cast<unsigned>(std::max<std::size_t>(1, todo.size())));
  std::atomic<std::size_t> next{0};
  std::exception_ptr failure;
  std::mutex failure_mutex;
  auto worker = [&] {
    for (std::size_t k; (k = next.fetch_add(1)) < todo.size();) {
      try {
        render_one(records, work[todo[k]], options);
      } catch (...) {
        std::lock_guard lock(failure_mutex);
        if (!failure) failure = std::current_exception();
      }
    }
  };
  if (!todo.empty()) {
    // The first document alone: fonts and library singletons initialise on one thread.
    next = 1;
    try {
      render_one(records, work[todo[0]], options);
    } catch (...) {
      failure = std::current_exception();
    }
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back(worker);
    worker();
    for (auto& t : pool) t.join();
  }
  if (failure) std::rethrow_exception(failure);

  std::vector<RecordsRenderResult> results;
  for (auto& w : work) {
    sink.merge(std::move(w.sink));
    results.push_back(std::move(w.result));
  }
  return results;
}

int RecordsRunResult::exit_code(const core::DiagnosticSink& sink) const {
  if (could_not_run) return 2;
  if (sink.has_errors()) return 1;
  for (const auto& d : documents)
    if (!d.written) return 1;
  return 0;
}

RecordsRunResult render_records_files(const std::vector<fs::path>& inputs, const std::optional<fs::path>& profile,
                                      const RenderRecordsOptions& options, core::DiagnosticSink& sink) {
  RecordsRunResult result;
  core::DiagnosticSink setup;
  const auto prof = ingest::load_profile(profile, setup);
  const bool profile_failed = !prof || setup.has_errors();
  sink.merge(std::move(setup));
  if (profile_failed || inputs.empty()) {
    result.could_not_run = true;
    return result;
  }
  // Reader diagnostics (XML-REF: a record naming a missing person …) count as findings: they
  // carry record ids, so the documents made from those records are refused like rule errors.
  core::DiagnosticSink findings;
  ingest::RecordsReadStats stats;
  model::Records records = ingest::read_records(inputs, findings, {}, &stats);
  result.record_files = stats.files_read;
  result.records = stats.records;
  std::vector<rules::Statistic> figures;
  rules::check_records(records, *prof, findings, figures);
  const std::vector<core::Diagnostic> all = findings.items();
  result.documents = render_records(records, all, options, sink);
  sink.merge(std::move(findings));
  return result;
}

}  // namespace wenshu::job

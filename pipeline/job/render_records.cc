// render_records: compose (serial, cheap) → name outputs and key them (serial, deterministic)
// → reuse or layout and PDF (parallel, the expensive part) → sidecars. See render_records.h.
#include "job/render_records.h"

#include <algorithm>
#include <iterator>
#include <set>

#include "archive/digest.h"
#include "archive/sidecar.h"
#include "compose/compose.h"
#include "compose/records_xml.h"
#include "core/data_dir.h"
#include "core/date.h"
#include "core/file_io.h"
#include "core/output_batch.h"
#include "ingest/profile_reader.h"
#include "ingest/records_reader.h"
#include "job/build_keys.h"
#include "job/parallel.h"
#include "layout/dump.h"
#include "layout/layout.h"
#include "layout/layout_profile.h"
#include "pdf/writer.h"
#include "rules/check.h"
#include "rules/gw.h"

namespace wenshu::job {
namespace fs = std::filesystem;

namespace {

/// One document on its way to a PDF.
struct Work {
  bool done = false;  ///< taken over with its whole committee (nothing to plan or render)
  compose::ComposedDocument composed;
  fs::path relative;  ///< output path relative to the output folder
  model::FiledDocument filed;  ///< its archive metadata (pages and digests once written)
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

/// The archive metadata of a composed document (model/filed_document.h), before rendering.
model::FiledDocument filed(const model::Records& records, const compose::ComposedDocument& c, const fs::path& pdf,
                           bool pdfa, bool ofd) {
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
  main.format = pdfa ? "PDF/A-2u" : "PDF";
  f.components.push_back(main);
  if (ofd) {
    // The OFD beside the PDF (render --as both) is filed too, as an OFD-A rendition of the 正本
    // (docs/ofd.md §6).
    model::FiledComponent rendition = main;
    rendition.path = fs::path(main.path).replace_extension(".ofd").string();
    rendition.format = "OFD-A";
    rendition.rendition = true;
    f.components.push_back(rendition);
  }
  f.source_records = c.request.sources;
  return f;
}

/// The key of a document: everything its files depend on (build_keys.h).
std::string document_key(const Work& w, const RenderRecordsOptions& o, const std::string& fonts) {
  const model::Document& doc = *w.composed.document;
  KeyHasher h("wenshu-document");
  h.add("program", core::version()).add("xml", w.composed.xml).add("id", doc.id).add("kind", doc.kind);
  h.add("draft", doc.draft ? 1 : 0).add("doc-number", doc.doc_number.value);
  h.add("metadata", archive::sidecar_xml(w.filed));
  for (const auto& f : w.result.files) h.add("file", f.path);
  h.add("pdfa", o.pdfa ? 1 : 0).add("layout", o.layout_profile_id).add("fonts", fonts);
  for (const auto& s : seal_image_digests(doc)) h.add("seal", s);
  return h.finish();
}

/// Writes `bytes` as the output `rel` (under write_dir) through `batch` and records it with its
/// digests.
RecordedFile write_output(const RenderRecordsOptions& o, core::OutputBatch& batch, const std::string& rel,
                          std::string_view bytes) {
  batch.write((o.write_dir.empty() ? o.output_dir : o.write_dir) / rel, bytes);
  const auto d = archive::digest_bytes(bytes);
  return {rel, d.sha256, d.sm3, d.size};
}

/// Moves a stage's findings into the document's sink and result, naming the document.
void collect(core::DiagnosticSink& from, Work& w) {
  for (auto d : from.items()) {
    if (d.record_id.empty()) d.record_id = w.result.document_id;
    if (d.committee.empty()) d.committee = w.composed.request.committee;
    w.result.diagnostics.push_back(d);
    w.sink.push(std::move(d));
  }
}

/// The OFD writer's options for a filed document: the archive profile (OFD-A, GB/T 42133-2022)
/// with the DA/T 46 metadata of the 件 in DocInfo/CustomDatas (docs/ofd.md §6).
ofd::WriteOptions archive_ofd_options(const model::FiledDocument& f) {
  ofd::WriteOptions o;
  o.archive_profile = true;
  auto add = [&](const char* name, const std::string& value) {
    if (!value.empty()) o.custom_data.emplace_back(name, value);
  };
  add("立档单位名称", f.committee_name);
  add("年度", std::to_string(f.year));
  add("题名", f.title);
  add("文件编号", f.doc_number);
  add("责任者", f.author);
  add("日期", core::format_date_compact(f.date));
  add("文种", f.kind);
  add("密级", f.secrecy.empty() ? "非密" : f.secrecy);
  add("紧急程度", f.urgency);
  add("主送", f.main_recipients);
  add("抄送", f.cc);
  return o;
}

/// Layout → PDF (→ dump, XML) → sidecar for one document; diagnostics into w.sink.
void render_one(Work& w, const RenderRecordsOptions& options, core::OutputBatch& batch) {
  const model::Document& doc = *w.composed.document;
  const std::string rel = w.relative.generic_string();
  core::DiagnosticSink layout_sink;
  model::PagedDocument paged = layout::layout_document(
      doc, options.layout_profile ? *options.layout_profile : layout::default_profile(), layout_sink);
  if (doc.draft) paged.info.draft = true;
  const bool layout_errors = layout_sink.has_errors();
  collect(layout_sink, w);
  std::vector<RecordedFile> extras;
  if (options.layout_dump) extras.push_back(write_output(options, batch, rel + ".layout.txt", layout::dump_layout(paged)));
  if (options.keep_xml && !w.composed.xml.empty())
    extras.push_back(write_output(options, batch, rel + ".gongwen.xml", w.composed.xml));
  if (layout_errors && !doc.draft) return;
  core::DiagnosticSink writer_sink;
  RenditionBytes bytes;
  const bool filed_ofd = options.as.pdf && options.as.ofd;
  const bool ok = make_renditions(paged, options.as, options.pdfa, bytes, writer_sink,
                                  filed_ofd ? archive_ofd_options(w.filed) : ofd::WriteOptions{});
  collect(writer_sink, w);
  if (!ok) return;
  std::vector<RecordedFile> files;
  if (options.as.pdf) files.push_back(write_output(options, batch, rel, bytes.pdf));
  if (options.as.ofd) files.push_back(write_output(options, batch, fs::path(rel).replace_extension(".ofd").generic_string(), bytes.ofd));
  w.result.written = true;
  w.result.pages = static_cast<int>(paged.pages.size());
  w.result.output = options.output_dir / files.front().path;
  if (options.as.pdf) {
    // The sidecar describes the PDF the dossier files (archive-format.md §1), and the filing
    // carries the facts pack needs, measured here once: digests from the bytes, pages from the
    // layout; our writer embeds every font with a ToUnicode map, no encryption, no actions.
    const RecordedFile& pdf = files.front();
    model::FiledBytes fb;
    fb.file = (options.write_dir.empty() ? options.output_dir : options.write_dir) / w.relative;
    fb.facts.size = pdf.size, fb.facts.sha256 = pdf.sha256, fb.facts.sm3 = pdf.sm3;
    fb.facts.pages = w.result.pages;
    auto& main = w.filed.components.front();
    main.page_count = fb.facts.pages, main.sha256 = pdf.sha256, main.sm3 = pdf.sm3;
    std::vector<model::FiledBytes> filed_bytes{std::move(fb)};
    if (filed_ofd) {
      // The OFD rendition's facts, measured here too: our writer embeds every font, writes no
      // action, script or encryption, and declares OFD-A.
      const RecordedFile& ofd_file = files[1];
      model::FiledBytes ob;
      ob.file = fs::path(filed_bytes.front().file).replace_extension(".ofd");
      ob.facts.size = ofd_file.size, ob.facts.sha256 = ofd_file.sha256, ob.facts.sm3 = ofd_file.sm3;
      ob.facts.pages = w.result.pages;
      auto& rendition = w.filed.components[1];
      rendition.page_count = ob.facts.pages, rendition.sha256 = ofd_file.sha256, rendition.sm3 = ofd_file.sm3;
      filed_bytes.push_back(std::move(ob));
    }
    files.insert(files.begin() + 1, write_output(options, batch, rel + archive::kSidecarSuffix, archive::sidecar_xml(w.filed)));
    w.result.filing = model::Filing{w.filed, std::move(filed_bytes), options.output_dir / (rel + archive::kSidecarSuffix)};
  }
  files.insert(files.end(), extras.begin(), extras.end());
  w.result.files = std::move(files);
}

/// The key of a committee: everything its documents depend on, known before composing —
/// the templates' input (its records, resolved, with the findings about them), the city-wide
/// input when it has a city-wide report, the errors that may refuse its documents, the data
/// (templates, fonts, profiles) and every option of compose and render.
std::string committee_key(const model::Records& records, const std::string& committee,
                          const std::vector<core::Diagnostic>& findings, const RenderRecordsOptions& o) {
  KeyHasher h("wenshu-committee");
  h.add("program", core::version()).add("data", o.data_id).add("committee", committee);
  h.add("force", o.force ? 1 : 0).add("pdfa", o.pdfa ? 1 : 0).add("pdf", o.as.pdf ? 1 : 0).add("ofd", o.as.ofd ? 1 : 0);
  h.add("layout-dump", o.layout_dump ? 1 : 0).add("keep-xml", o.keep_xml ? 1 : 0).add("layout", o.layout_profile_id);
  for (const auto& k : o.only_kinds) h.add("kind", k);
  compose::ComposeInputOptions in;
  in.findings = findings;
  h.add("input", compose::build_compose_input(records, committee, in).xml);
  const auto plan = compose::plan_documents(records, committee);
  if (std::any_of(plan.begin(), plan.end(), [](const compose::DocRequest& q) { return q.city_wide; })) {
    in.city_wide = true;
    h.add("city-input", compose::build_compose_input(records, committee, in).xml);
  }
  for (const auto& d : findings)
    if (d.severity == core::Severity::kError && (d.committee.empty() || d.committee == committee))
      h.add("error", d.rule + "|" + d.record_id + "|" + d.committee + "|" + d.message);
  return h.finish();
}

/// 1. Every committee's documents composed (serial: XSLT is fast and its output order fixed),
/// or taken over as a whole from the build before when nothing they depend on changed.
std::vector<Work> compose_all(const model::Records& records, const std::vector<core::Diagnostic>& findings,
                              const RenderRecordsOptions& options, core::DiagnosticSink& sink,
                              std::vector<CommitteeRun>& committees) {
  compose::Composer composer(options.template_dir);
  compose::ComposeOptions co;
  co.force = options.force;
  co.findings = findings;
  co.only_kinds = options.only_kinds;
  std::vector<Work> work;
  for (const auto& c : records.committees) {
    if (!options.committees.empty() &&
        std::find(options.committees.begin(), options.committees.end(), c.id) == options.committees.end())
      continue;
    CommitteeRun run;
    run.committee = c.id;
    run.records_year = records.year;
    if (!options.data_id.empty()) run.key = committee_key(records, c.id, findings, options);
    std::vector<RecordsRenderResult> reused;
    if (!run.key.empty() && options.reuse_committee && options.reuse_committee(run, reused)) {
      run.reused = true;
      for (const auto& d : run.diagnostics) sink.push(d);
      for (auto& r : reused) {
        Work w;
        w.done = true;
        for (const auto& d : r.diagnostics) w.sink.push(d);
        w.result = std::move(r);
        work.push_back(std::move(w));
      }
      committees.push_back(std::move(run));
      continue;
    }
    core::DiagnosticSink own;
    for (auto& composed : composer.compose_committee(records, c.id, co, own)) {
      Work w;
      w.result.document_id = composed.request.document_id();
      w.result.kind = composed.request.kind->name;
      w.result.committee = composed.request.committee;
      w.result.year = composed.request.year;
      w.result.records_year = records.year;
      w.result.refused = composed.refused;
      w.composed = std::move(composed);
      work.push_back(std::move(w));
    }
    run.diagnostics = own.items();
    sink.merge(std::move(own));
    committees.push_back(std::move(run));
  }
  return work;
}

/// The GW checks run before a generated document is laid out (rules.md GW, as for document
/// files): with format errors it is refused like one whose records break a rule, or, forced,
/// rendered as a 草稿. False when refused.
bool passes_gw(Work& w, const RenderRecordsOptions& options) {
  core::DiagnosticSink gw;
  rules::check_document(*w.composed.document, gw);
  if (!gw.has_errors()) return true;
  collect(gw, w);
  if (options.force) {
    w.composed.document->draft = true;
    return true;
  }
  w.result.refused = true;
  w.composed.document.reset();
  return false;
}

/// 2. Outputs named in plan order (names never depend on thread timing), metadata and keys;
/// each document is rendered, reused or left to its shard. Returns the indices to render.
std::vector<std::size_t> plan(const model::Records& records, std::vector<Work>& work,
                              const RenderRecordsOptions& options) {
  const std::string fonts = [] {
    try {
      return archive::digest_file(core::data_path("fonts/manifest.tsv")).sha256;
    } catch (const std::exception&) {
      return std::string("no-manifest");  // layout reports the missing fonts
    }
  }();
  std::set<std::string> taken;
  std::vector<std::size_t> todo;
  for (std::size_t i = 0; i < work.size(); ++i) {
    auto& w = work[i];
    if (w.done) continue;
    if (!w.composed.document || !passes_gw(w, options)) {  // refused or failed: its committee × year's shard says so
      w.result.elsewhere = options.in_shard && !options.in_shard(w.result.committee, w.result.year);
      continue;
    }
    w.relative = compose::output_path(w.composed.request, *w.composed.document, taken);
    w.result.output = options.output_dir / w.relative;
    w.result.draft = w.composed.document->draft;
    w.filed = filed(records, w.composed, w.relative, options.pdfa, options.as.pdf && options.as.ofd);
    w.result.year = w.filed.year;
    const std::string rel = w.relative.generic_string();
    w.result.files.clear();
    if (options.as.pdf) w.result.files.insert(w.result.files.end(), {{rel}, {rel + archive::kSidecarSuffix}});
    if (options.as.ofd) w.result.files.push_back({fs::path(rel).replace_extension(".ofd").generic_string()});
    if (options.layout_dump) w.result.files.push_back({rel + ".layout.txt"});
    if (options.keep_xml) w.result.files.push_back({rel + ".gongwen.xml"});
    w.result.key = document_key(w, options, fonts);
    if (options.in_shard && !options.in_shard(w.result.committee, w.result.year)) {
      w.result.elsewhere = true;
      continue;
    }
    if (options.as.pdf) w.result.filing = model::Filing{w.filed, {}, options.output_dir / (rel + archive::kSidecarSuffix)};
    if (options.reuse && options.reuse(w.result)) {
      w.result.reused = w.result.written = true;
      for (const auto& d : w.result.diagnostics) w.sink.push(d);
      continue;
    }
    w.result.filing.reset();
    todo.push_back(i);
  }
  return todo;
}

}  // namespace

std::vector<RecordsRenderResult> render_records(const model::Records& records,
                                                const std::vector<core::Diagnostic>& findings,
                                                const RenderRecordsOptions& options, core::DiagnosticSink& sink,
                                                std::vector<CommitteeRun>* committees) {
  std::vector<CommitteeRun> runs;
  std::vector<Work> work = compose_all(records, findings, options, sink, runs);
  if (committees) *committees = std::move(runs);
  const std::vector<std::size_t> todo = plan(records, work, options);
  // 3. Layout and PDF in parallel; each document has its own sink, merged in plan order.
  pdf::announce_documents(todo.size());
  core::OutputBatch batch;
  parallel_for(todo.size(), options.threads, [&](std::size_t k) { render_one(work[todo[k]], options, batch); },
               options.progress, "排版 / rendering");
  batch.commit();
  std::vector<RecordsRenderResult> results;
  for (auto& w : work) {
    sink.merge(std::move(w.sink));
    results.push_back(std::move(w.result));
  }
  return results;
}

int RecordsRunResult::exit_code(const core::DiagnosticSink& sink) const {
  bool unwritten = false;  // a document it was asked for and did not write (refused)
  for (const auto& d : documents) unwritten = unwritten || (!d.written && !d.elsewhere);
  return exit_code_of(could_not_run, sink.has_errors() || unwritten);
}

namespace {
/// A finding of the records reader (already in the reader's sink, not to be repeated).
bool is_reader_finding(const core::Diagnostic& d) { return d.rule.rfind("XML-", 0) == 0; }
}  // namespace

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
  // Each year's records are checked and rendered on their own (committee × year).
  core::DiagnosticSink read_sink;
  ingest::RecordsRead read = ingest::read_record_years(inputs, read_sink);
  result.record_files = read.stats.files_read;
  result.records = read.stats.records;
  for (const auto& year : read.years) {
    core::DiagnosticSink findings;
    for (const auto& d : read_sink.items())
      if (d.year == 0 || d.year == year.year) findings.push(d);
    std::vector<rules::Statistic> figures;
    rules::CheckOptions co;
    co.as_of = options.as_of;
    rules::check_records(year, *prof, co, findings, figures);
    const std::vector<core::Diagnostic> all = findings.items();
    std::vector<CommitteeRun> runs;
    auto documents = render_records(year, all, options, sink, &runs);
    for (auto& run : runs) result.committees.push_back(std::move(run));
    result.documents.insert(result.documents.end(), std::make_move_iterator(documents.begin()),
                            std::make_move_iterator(documents.end()));
    for (const auto& d : findings.items())
      if (d.year == year.year && !is_reader_finding(d)) sink.push(d);
  }
  sink.merge(std::move(read_sink));
  return result;
}

}  // namespace wenshu::job

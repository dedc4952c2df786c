// build: lock the folder, digest the inputs, render (reusing what did not change), pack, commit
// (see build.h; build_pack.cc and build_commit.cc hold the later steps).
#include "job/build.h"

#include <algorithm>

#include "archive/digest.h"
#include "core/data_dir.h"
#include "core/file_io.h"
#include "ingest/document_reader.h"
#include "ingest/xml_sniff.h"
#include "job/build_keys.h"
#include "job/build_run.h"
#include "job/validate.h"

namespace wenshu::job {
namespace fs = std::filesystem;

int BuildResult::exit_code(const core::DiagnosticSink& sink) const {
  // The steps in order (job/exit_code.h), the first that did not end well giving the code.
  if (could_not_run) return kExitCannotRun;
  if (const int r = records.exit_code(sink); r != kExitOk) return r;
  for (const auto& d : documents)
    if (!d.written) return kExitFindings;
  for (const auto& d : dossiers) {
    if (d.pack_exit == kExitCannotRun || d.verify_exit == kExitCannotRun) return kExitCannotRun;
    if (d.pack_exit != kExitOk || d.verify_exit != kExitOk) return kExitFindings;
  }
  return kExitOk;
}

core::Diagnostic build_diagnostic(const std::string& rule, const fs::path& file, const std::string& message,
                                  core::Severity severity) {
  core::Diagnostic d;
  d.severity = severity;
  d.rule = rule;
  d.location.file = file.string();
  d.message = message;
  return d;
}

fs::path BuildRun::final_path(const fs::path& staged) const {
  const fs::path rel = staged.lexically_relative(folder.staging());
  return rel.empty() || *rel.begin() == ".." ? staged : out() / rel;
}

namespace {

/// Digests of everything the build reads, the options that change output, the program: the
/// head of the record and its id.
void describe_build(BuildRun& run) {
  const BuildOptions& o = run.options;
  BuildRecord& r = run.record;
  core::DiagnosticSink scratch;  // unreadable inputs are reported by the readers
  run.input_files = list_inputs(o.inputs, scratch);
  if (o.profile) run.input_files.push_back(*o.profile);
  if (o.layout_file) run.input_files.push_back(*o.layout_file);
  r.inputs = digest_inputs(run.input_files);
  r.data = digest_data(o.render.template_dir);
  r.program_version = core::version();
  r.program_identity = program_identity();
  r.shard = o.shard.text();
  std::string kinds;
  for (const auto& k : o.render.only_kinds) kinds += (kinds.empty() ? "" : ",") + k;
  r.options = {{"draft", o.render.force ? "true" : "false"},
               {"pdfa", o.render.pdfa ? "true" : "false"},
               {"as", o.render.as.pdf && o.render.as.ofd ? "both" : o.render.as.ofd ? "ofd" : "pdf"},
               {"layout-dump", o.render.layout_dump ? "true" : "false"},
               {"keep-xml", o.render.keep_xml ? "true" : "false"},
               {"kinds", kinds},
               {"pack", o.pack ? "true" : "false"},
               {"year", o.year ? std::to_string(o.year) : ""},
               {"filing-date", o.filing_date ? core::format_date(*o.filing_date) : ""}};
  r.id = build_id(r, o.inputs);
}

/// The record of the build before: read whatever it is (its outputs are ours to replace), used
/// for reuse only when the same program made it and nothing forbids it.
void read_previous(BuildRun& run) {
  const fs::path path = run.out() / kBuildRecordName;
  std::error_code ec;
  if (!fs::exists(path, ec)) return;
  core::DiagnosticSink local;
  run.previous = read_build_record(path, local);
  if (!run.previous) {
    for (auto d : local.items()) {
      d.severity = core::Severity::kWarning;
      d.hints.push_back("上一次构建的输出无法识别，全部重新生成 / the build before cannot be read: everything is made anew");
      run.sink.push(std::move(d));
    }
    return;
  }
  const BuildRecord& p = *run.previous;
  std::string why;
  if (run.options.rebuild) why = "--force";
  else if (p.program_identity != run.record.program_identity || p.program_version != run.record.program_version)
    why = "程序已更新 / another program made it";
  else if (run.options.render.layout_profile != nullptr && !run.options.layout_file)
    why = "排版配置没有文件，无法比较 / the layout profile has no file to compare";
  if (!why.empty()) {
    run.say("build: 不沿用上一次构建的输出（" + why + "）/ reusing nothing");
    return;
  }
  run.reuse = PreviousBuild(run.out(), &*run.previous);
}

/// The 公文 files of the tree (everything else that is XML goes to the records reader).
std::vector<fs::path> document_files(const BuildRun& run) {
  std::vector<fs::path> documents;
  for (const auto& path : run.input_files) {
    if (path.extension() != ".xml") continue;
    std::string head;
    try {
      head = core::read_head(path, ingest::kSniffBytes);
    } catch (const std::exception&) {
      continue;  // the records reader reports unreadable files
    }
    if (ingest::is_document_xml(head)) documents.push_back(path);
  }
  return documents;
}

void render_all(BuildRun& run) {
  const BuildOptions& o = run.options;
  RenderRecordsOptions ro = o.render;
  ro.write_dir = run.folder.staging();
  ro.layout_profile_id = o.layout_file ? archive::digest_file(*o.layout_file).sha256 : std::string();
  ro.in_shard = [&o](const std::string& committee, int year) {
    return o.shard.has(committee + "/" + std::to_string(year));
  };
  ro.reuse = [&run](RecordsRenderResult& r) { return run.reuse.reuse(r); };
  KeyHasher data("wenshu-data");
  for (const auto& d : run.record.data) data.add(d.path, d.sha256);
  ro.data_id = data.finish();
  ro.reuse_committee = [&run, in_shard = ro.in_shard](CommitteeRun& c, std::vector<RecordsRenderResult>& results) {
    return run.reuse.reuse(c, results, in_shard);
  };
  run.result.records = render_records_files(o.inputs, o.profile, ro, run.sink);
  std::vector<fs::path> documents = document_files(run);
  std::erase_if(documents, [&](const fs::path& f) { return !o.shard.has(std::string(kDocumentsDir) + "/" + f.filename().string()); });
  run.result.document_files = documents.size();
  if (documents.empty() || run.result.records.could_not_run) return;
  RenderOptions ro2;
  ro2.output_dir = run.out() / kDocumentsDir;
  ro2.write_dir = run.folder.staging() / kDocumentsDir;
  ro2.pdfa = o.render.pdfa;
  ro2.as = o.render.as;
  ro2.draft = o.render.force;
  ro2.profile = o.render.layout_profile;
  ro2.profile_id = ro.layout_profile_id;
  ro2.threads = o.render.threads;
  ro2.reuse = [&run](RenderResult& r) { return run.reuse.reuse(r); };
  run.result.documents = render_files(documents, ro2, run.sink);
}

void run_build(BuildRun& run) {
  describe_build(run);
  read_previous(run);
  render_all(run);
  if (run.result.records.could_not_run) {
    run.result.could_not_run = true;
    return;  // nothing is committed: the folder stays as it was
  }
  if (!run.options.pack) run.result.pack_skipped = true;
  else pack_units(run);
  commit_build(run);
}

}  // namespace

BuildResult build(const BuildOptions& options, core::DiagnosticSink& sink) {
  BuildResult result;
  // An input that is nothing to work on (missing, a FIFO or device, an empty folder) is a
  // usage error: exit 2 before anything is written.
  for (const auto& in : options.inputs)
    if (const std::string problem = core::input_path_problem(in); !problem.empty()) {
      sink.push({.rule = "XML-IO", .location = {in.string()}, .message = problem});
      result.could_not_run = true;
    }
  if (result.could_not_run) return result;
  const fs::path out = options.render.output_dir;
  try {
    OutputFolder folder(out, options.wait, options.progress);
    BuildRun run{options, sink, result, folder, {}, {}, {}, {}};
    run_build(run);
  } catch (const FolderLocked& e) {
    sink.push(build_diagnostic("BUILD-LOCK", out, e.what()));
    result.could_not_run = true;
  } catch (const CommitIncomplete& e) {
    sink.push(build_diagnostic("BUILD-IO", out, e.what()));
    result.could_not_run = true;
  } catch (const std::exception& e) {
    auto d = build_diagnostic("BUILD-IO", out, std::string("构建未完成，输出文件夹保持原样 / the build did not finish; "
                                                           "the output folder is as it was: ") + e.what());
    sink.push(std::move(d));
    result.could_not_run = true;
  }
  return result;
}

}  // namespace wenshu::job

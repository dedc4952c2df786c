// build: records → documents, plus the 公文 files of the tree (see build.h).
#include "job/build.h"

#include <map>
#include <set>

#include "core/file_io.h"
#include "ingest/profile_reader.h"
#include "job/pack.h"
#include "job/verify.h"
#include "ingest/document_reader.h"
#include "job/validate.h"

namespace wenshu::job {
namespace fs = std::filesystem;

int BuildResult::exit_code(const core::DiagnosticSink& sink) const {
  const int r = records.exit_code(sink);
  if (r != 0) return r;
  for (const auto& d : documents)
    if (!d.written) return 1;
  for (const auto& d : dossiers) {
    if (d.pack_exit == 2 || d.verify_exit == 2) return 2;
    if (d.pack_exit != 0 || d.verify_exit != 0) return 1;
  }
  return 0;
}

namespace {

void say(const BuildOptions& options, const std::string& line) {
  if (options.progress) options.progress(line);
}

/// Packs OUT/<committee>/<year>/ of every committee × year rendered into OUT/dossiers/ and
/// verifies each ZIP (archive.md). The 全宗号 comes from the profile (da.fonds.<committee>).
void pack_dossiers(const BuildOptions& options, BuildResult& result, core::DiagnosticSink& sink) {
  core::DiagnosticSink profile_sink;
  const auto profile = ingest::load_profile(options.profile, profile_sink);
  std::set<std::pair<std::string, int>> targets;
  for (const auto& d : result.records.documents) {
    if (!d.written) continue;
    // OUT/<committee>/<year>/<kind>/<file>.pdf
    const fs::path rel = d.output.lexically_relative(options.render.output_dir);
    auto it = rel.begin();
    if (it == rel.end()) continue;
    const std::string committee = it->string();
    if (++it == rel.end()) continue;
    const int year = std::atoi(it->string().c_str());
    if (year <= 0 || (options.year != 0 && year != options.year)) continue;
    targets.insert({committee, year});
  }
  const fs::path dossier_dir = options.render.output_dir / "dossiers";
  for (const auto& [committee, year] : targets) {
    BuildDossier bd;
    bd.committee = committee;
    bd.year = year;
    const model::ProfileParam* p = profile ? profile->find("da.fonds." + committee) : nullptr;
    if (p == nullptr || p->text.empty()) {
      core::Diagnostic d;
      d.rule = "DA-1";
      d.severity = core::Severity::kError;
      d.committee = committee;
      d.location = {ingest::default_profile_path().string(), 0, 0};
      d.message = "规则配置中没有 " + committee + " 的全宗号，未组卷 / no 全宗号 (da.fonds." + committee +
                  ") in the profile: not packed";
      d.hints.push_back("在规则配置中加入 <param name=\"da.fonds." + committee + "\" type=\"text\" value=\"…\"/>");
      sink.push(std::move(d));
      bd.pack_exit = 1;
      result.dossiers.push_back(std::move(bd));
      continue;
    }
    bd.fonds = p->text;
    archive::PackOptions po;
    po.inputs = {options.render.output_dir / committee / std::to_string(year)};
    po.year = year;
    po.fonds = bd.fonds;
    // Never the clock (archive.md §12.3): like `wenshu pack`, the year's last day by default.
    po.filing_date = options.filing_date ? *options.filing_date : core::Date{year, 12, 31};
    po.out_dir = dossier_dir;
    auto packed = pack(po);
    bd.pack_exit = packed.exit_code();
    for (const auto& d : packed.sink.items()) sink.push(d);
    if (!packed.fatal.empty()) {
      core::Diagnostic d;
      d.rule = "ZIP-IO";
      d.committee = committee;
      d.location = {po.inputs.front().string(), 0, 0};
      d.message = packed.fatal;
      sink.push(std::move(d));
    }
    for (const auto& b : packed.bags) bd.zips.push_back(b.zip);
    say(options, "pack: " + committee + " " + std::to_string(year) + " 全宗 " + bd.fonds + " -> " +
                     std::to_string(bd.zips.size()) + " 个档案包 (exit " + std::to_string(bd.pack_exit) + ")");
    if (!bd.zips.empty()) {
      auto verified = verify(bd.zips);
      bd.verify_exit = verified.exit_code();
      for (const auto& d : verified.sink.items()) sink.push(d);
      say(options, "verify: " + committee + " " + std::to_string(year) + " " +
                       (bd.verify_exit == 0 ? "通过 / ok" : "未通过 / failed") + " (exit " +
                       std::to_string(bd.verify_exit) + ")");
    }
    result.dossiers.push_back(std::move(bd));
  }
}

}  // namespace

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
    ro.as = options.render.as;
    ro.draft = options.render.force;
    ro.profile = options.render.layout_profile;
    result.documents = render_files(documents, ro, sink);
  }
  if (!options.pack || result.records.could_not_run) {
    result.pack_skipped = true;
    return result;
  }
  pack_dossiers(options, result, sink);
  return result;
}

}  // namespace wenshu::job

// wenshu build [--profile FILE] [--year Y] [--filing-date D] [--no-pack] [-o DIR] [--draft]
// [--force] [--wait] [--shard I/N] PATH...: validate a whole tree of records, render every
// document they call for (and the 公文 files found) into DIR, pack one dossier per committee ×
// year into DIR/dossiers/ and verify each; reuse what the build before made when nothing it
// depends on changed, and commit the whole with DIR/build-record.xml (job/build.h).
#include <cstdio>
#include <memory>

#include <fmt/format.h>

#include "cli/command.h"
#include "cli/output.h"
#include "core/date.h"
#include "core/diagnostic.h"
#include "cli/signing_options.h"
#include "job/build.h"
#include "job/shard.h"
#include "job/layout_profile_file.h"

namespace wenshu::cli {
namespace {

struct BuildArgs {
  std::vector<std::string> inputs;
  std::string profile;
  std::string output_dir = "out";
  std::vector<std::string> kinds;
  bool draft = false;
  bool force = false;
  bool wait = false;
  std::string shard;
  bool no_pdfa = false;
  OutputArgs output;
  bool layout_dump = false;
  bool keep_xml = false;
  unsigned threads = 0;
  std::string layout;  ///< --layout FILE (layout profile)
  bool no_pack = false;
  SigningArgs signing;
  int year = 0;
  std::string filing_date;
  std::string as_of;  ///< --as-of YYYY-MM-DD
  std::string as = "pdf";  ///< --as pdf|ofd|both
};

/// One line per document with -v; the counts as a result line; JSON: "documents".
void report_documents(const job::BuildResult& result, Printer& out) {
  int written = 0, refused = 0, drafts = 0, failed = 0, reused = 0, elsewhere = 0;
  nlohmann::json docs = nlohmann::json::array();
  for (const auto& r : result.records.documents) {
    std::string state = "written";
    if (r.elsewhere) {
      ++elsewhere;
      state = "elsewhere";
    } else if (r.written) {
      ++written;
      reused += r.reused ? 1 : 0;
      drafts += r.draft ? 1 : 0;
      state = r.reused ? "reused" : "written";
      out.detail(fmt::format("{} -> {} ({} 页{})", r.document_id, r.output.string(), r.pages, r.draft ? "，草稿" : ""));
    } else if (r.refused) {
      ++refused;
      state = "refused";
      out.detail(fmt::format("{}: {}", r.document_id, out.tr("拒绝生成（来源记录有错误）", "refused (its records break an error rule)")));
    } else {
      ++failed;
      state = "failed";
      out.detail(fmt::format("{}: {}", r.document_id, out.tr("未生成", "not rendered")));
    }
    docs.push_back({{"id", json_text(r.document_id)}, {"kind", json_text(r.kind)}, {"committee", json_text(r.committee)},
                    {"year", r.year}, {"state", state}, {"draft", r.draft}, {"pages", r.pages},
                    {"output", json_text(r.output.string())}});
  }
  int doc_written = 0;
  for (const auto& r : result.documents) {
    doc_written += r.written ? 1 : 0;
    reused += r.reused ? 1 : 0;
  }
  out.data()["record_files"] = result.records.record_files;
  out.data()["records"] = result.records.records;
  out.data()["documents"] = std::move(docs);
  out.data()["document_files"] = {{"rendered", doc_written}, {"total", result.documents.size()}};
  out.data()["build_id"] = result.build_id;
  out.result(out.tr(fmt::format("build: 记录文件 {} 个，记录 {} 条；生成文书 {} 份（草稿 {} 份，沿用上一次构建的文书 {} 份），拒绝 {} 份，失败 {} 份；"
                                "公文文件 {}/{}{}",
                                result.records.record_files, result.records.records, written, drafts, reused, refused,
                                failed, doc_written, result.documents.size(),
                                elsewhere ? fmt::format("；{} 份属于其他分片", elsewhere) : std::string()),
                    fmt::format("build: {} records file(s), {} records; {} document(s) made ({} draft(s), {} reused), "
                                "{} refused, {} failed; 公文 files {}/{}{}",
                                result.records.record_files, result.records.records, written, drafts, reused, refused,
                                failed, doc_written, result.documents.size(),
                                elsewhere ? fmt::format("; {} in other shards", elsewhere) : std::string())));
  if (!result.build_id.empty())
    out.result(fmt::format("build: {} {} ({})", out.tr("构建", "build"), result.build_id.substr(0, 12), result.record.string()));
}

/// One line per dossier with -v, their count as a result line; JSON: "dossiers".
void report_dossiers(const job::BuildResult& result, Printer& out) {
  if (result.pack_skipped) return;
  int zips = 0, bad = 0;
  nlohmann::json dossiers = nlohmann::json::array();
  for (const auto& d : result.dossiers) {
    zips += static_cast<int>(d.zips.size());
    bad += d.pack_exit != 0 || d.verify_exit != 0;
    nlohmann::json paths = nlohmann::json::array();
    for (const auto& z : d.zips) {
      paths.push_back(json_text(z.string()));
      out.detail(fmt::format("dossier {} {} 全宗 {} -> {}{}", d.committee, d.year, d.fonds, z.string(),
                             d.reused ? out.tr("（沿用）", " (reused)") : ""));
    }
    dossiers.push_back({{"committee", json_text(d.committee)}, {"year", d.year}, {"fonds", json_text(d.fonds)},
                        {"zips", paths}, {"reused", d.reused}, {"pack_exit", d.pack_exit},
                        {"verify_exit", d.verify_exit}});
  }
  out.data()["dossiers"] = std::move(dossiers);
  out.result(out.tr(fmt::format("build: 档案包 {} 个（{} 个委员会×年度，{} 个未通过组卷或检测）", zips, result.dossiers.size(), bad),
                    fmt::format("build: {} dossier(s) ({} committee × year, {} failed pack or verify)", zips,
                                result.dossiers.size(), bad)));
}

int run_build(const BuildArgs& a) {
  Printer out("build", a.output);
  job::BuildOptions opt;
  opt.inputs.assign(a.inputs.begin(), a.inputs.end());
  if (!a.profile.empty()) opt.profile = a.profile;
  opt.render.output_dir = a.output_dir;
  opt.render.force = a.draft;
  opt.rebuild = a.force;
  opt.wait = a.wait;
  if (!a.shard.empty()) {
    std::string why;
    const auto shard = job::parse_shard(a.shard, why);
    if (!shard) {
      return out.could_not_run(fmt::format("--shard {}: {}", a.shard, why));
    }
    opt.shard = *shard;
  }
  opt.render.pdfa = !a.no_pdfa;
  opt.render.as = *job::parse_renditions(a.as);  // CLI11 checked the value
  opt.render.layout_dump = a.layout_dump;
  opt.render.keep_xml = a.keep_xml;
  opt.render.only_kinds = a.kinds;
  opt.render.threads = a.threads;
  opt.pack = !a.no_pack;
  opt.eep = a.signing.eep;
  bool usage_error = false;
  const auto signer = load_signer(a.signing, "build", usage_error);
  if (usage_error) return kExitCannotRun;
  opt.signer = signer.get();
  opt.year = a.year;
  if (!a.filing_date.empty()) {
    opt.filing_date = core::parse_date(a.filing_date);
    if (!opt.filing_date) {
      return out.could_not_run(
          out.tr(fmt::format("--filing-date 应为 YYYY-MM-DD，而不是 {}", a.filing_date),
                 fmt::format("--filing-date must be YYYY-MM-DD, got {}", a.filing_date)));
    }
  }
  if (!a.as_of.empty()) {
    opt.render.as_of = core::parse_date(a.as_of);
    if (!opt.render.as_of) {
      return out.could_not_run(out.tr(fmt::format("--as-of 应为 YYYY-MM-DD，而不是 {}", a.as_of),
                                      fmt::format("--as-of must be YYYY-MM-DD, got {}", a.as_of)));
    }
  }
  // The pack/verify steps as they happen are status (-v, or the terminal's progress line); what
  // the build says about itself (waiting for another, committed, reusing nothing) is a notice.
  opt.progress = [&out](const std::string& line) {
    if (line.rfind("pack:", 0) == 0 || line.rfind("verify:", 0) == 0) out.status(line);
    else out.notice(line);
  };
  opt.render.progress = out.progress_callback();
  core::DiagnosticSink sink;
  // --layout: a layout profile file over the built-in defaults (gbt9704.md §F); unusable = 2.
  std::optional<layout::LayoutProfile> layout;
  if (!a.layout.empty() && !(layout = job::read_layout_profile(a.layout, sink))) {
    out.diagnostics(sink);
    return out.could_not_run();
  }
  if (layout) {
    opt.render.layout_profile = &*layout;
    opt.layout_file = a.layout;
  }
  const auto result = job::build(opt, sink);
  sink.sort();
  out.diagnostics(sink);
  const int exit_code = result.exit_code(sink);
  if (result.could_not_run) return out.could_not_run(result.reason);
  report_documents(result, out);
  report_dossiers(result, out);
  return out.finish(exit_code, fmt::format("build: {}", out.counts_text(sink.count(core::Severity::kError),
                                                                        sink.count(core::Severity::kWarning))));
}

const CommandRegistrar reg{"build", 60, [](CLI::App& app, int& rc) {
  auto args = std::make_shared<BuildArgs>();
  CLI::App* cmd = app.add_subcommand(
      "build", "Validate a tree of records and render every document they call for into DIR/<committee>/<year>/<kind>/");
  cmd->add_option("paths", args->inputs, "Records files and folders (公文 files found there are rendered too)")
      ->required()
      ->check(CLI::ExistingPath);
  cmd->add_option("--profile", args->profile, "Rule profile overriding the shipped zhangye-2009 values")
      ->check(CLI::ExistingFile);
  cmd->add_option("-o,--output", args->output_dir, "Output folder (default: out)");
  cmd->add_option("--layout", args->layout, "Layout profile (profiles/layout-default.xml form) over the built-in defaults")
      ->check(CLI::ExistingFile);
  cmd->add_option("--kind", args->kinds, "Only these document kinds (catalogue ids, e.g. dy-report); repeatable");
  cmd->add_flag("--draft", args->draft,
                "Also render documents whose records break an error rule, marked 草稿 (draft)");
  cmd->add_option("--as", args->as,
                  "Renditions: pdf (default) or both (an OFD, GB/T 33190-2016, beside every PDF; the dossiers file the PDFs)")
      ->check(CLI::IsMember({"pdf", "both"}));
  cmd->add_flag("--force", args->force,
                "Make everything anew: reuse nothing from the build before in DIR (see DIR/build-record.xml)");
  cmd->add_flag("--wait", args->wait, "When another build is using DIR, wait for it to end (default: refuse)");
  cmd->add_option("--shard", args->shard,
                  "Build part I of N (0 <= I < N) of the committee × year units; N runs with -o DIR each "
                  "together make exactly the files of one run (deploy/README.md)");
  cmd->add_flag("--no-pdfa", args->no_pdfa, "Leave out the PDF/A-2 structure");
  cmd->add_flag("--layout-dump", args->layout_dump, "Also write <pdf>.layout.txt (layout dump) next to each PDF");
  cmd->add_flag("--keep-xml", args->keep_xml, "Also write <pdf>.gongwen.xml (the template's document model)");
  cmd->add_option("-j,--threads", args->threads, "Documents rendered in parallel (default: all cores)");
  cmd->add_flag("--no-pack", args->no_pack, "Only validate and render: do not pack and verify the dossiers");
  add_signing_options(cmd, args->signing);
  cmd->add_option("--year", args->year, "Pack only this 年度 (default: every year rendered)");
  cmd->add_option("--filing-date", args->filing_date, "归档日期 YYYY-MM-DD of the dossiers (default: 31 December of the year)");
  cmd->add_option("--as-of", args->as_of,
                  "Judge the records as of YYYY-MM-DD: matters due later are pending, not errors, and refuse no "
                  "document (default: the latest date each year's records state; see `wenshu validate --help`)");
  add_output_options(cmd, args->output);
  cmd->callback([args, &rc] { rc = run_build(*args); });
}};

}  // namespace
}  // namespace wenshu::cli

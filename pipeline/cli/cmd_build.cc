// wenshu build [--profile FILE] [--year Y] [--filing-date D] [--no-pack] [-o DIR] [--draft]
// [--force] [--wait] [--shard I/N] PATH...: validate a whole tree of records, render every
// document they call for (and the 公文 files found) into DIR, pack one dossier per committee ×
// year into DIR/dossiers/ and verify each; reuse what the build before made when nothing it
// depends on changed, and commit the whole with DIR/build-record.xml (job/build.h).
#include <cstdio>
#include <memory>

#include "cli/command.h"
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
  bool json = false;
  bool layout_dump = false;
  bool keep_xml = false;
  unsigned threads = 0;
  std::string layout;  ///< --layout FILE (layout profile)
  bool no_pack = false;
  SigningArgs signing;
  int year = 0;
  std::string filing_date;
  std::string as = "pdf";  ///< --as pdf|ofd|both
};

int run_build(const BuildArgs& a) {
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
      std::fprintf(stderr, "wenshu build: --shard %s: %s\n", a.shard.c_str(), why.c_str());
      return kExitCannotRun;
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
      std::fprintf(stderr, "wenshu build: --filing-date must be YYYY-MM-DD, got %s\n", a.filing_date.c_str());
      return kExitCannotRun;
    }
  }
  // Progress of the pack/verify steps goes to stderr as it happens (stdout keeps the listing).
  opt.progress = [](const std::string& line) { std::fprintf(stderr, "%s\n", line.c_str()); };
  core::DiagnosticSink sink;
  // --layout: a layout profile file over the built-in defaults (gbt9704.md §F); unusable = 2.
  std::optional<layout::LayoutProfile> layout;
  if (!a.layout.empty() && !(layout = job::read_layout_profile(a.layout, sink))) {
    for (const auto& d : sink.items()) std::fprintf(stderr, "%s\n", (a.json ? core::format_json(d) : core::format_text(d)).c_str());
    return kExitCannotRun;
  }
  if (layout) {
    opt.render.layout_profile = &*layout;
    opt.layout_file = a.layout;
  }
  const auto result = job::build(opt, sink);
  sink.sort();
  for (const auto& d : sink.items()) {
    const std::string line = a.json ? core::format_json(d) : core::format_text(d);
    std::fprintf(stderr, "%s\n", line.c_str());
  }
  int written = 0, refused = 0, drafts = 0, failed = 0, reused = 0, elsewhere = 0;
  for (const auto& r : result.records.documents) {
    if (r.elsewhere) {
      ++elsewhere;
    } else if (r.written) {
      ++written;
      reused += r.reused ? 1 : 0;
      drafts += r.draft ? 1 : 0;
      std::printf("%s -> %s (%d 页%s)\n", r.document_id.c_str(), r.output.string().c_str(), r.pages,
                  r.draft ? "，草稿" : "");
    } else if (r.refused) {
      ++refused;
      std::printf("%s: 拒绝生成（来源记录有错误，见上）/ refused\n", r.document_id.c_str());
    } else {
      ++failed;
      std::printf("%s: 未生成 / not rendered\n", r.document_id.c_str());
    }
  }
  int doc_written = 0;
  for (const auto& r : result.documents) {
    doc_written += r.written ? 1 : 0;
    reused += r.reused ? 1 : 0;
  }
  std::printf("build: 记录文件 %zu 个，记录 %zu 条；生成文书 %d 份（草稿 %d 份），拒绝 %d 份，失败 %d 份；"
              "公文文件 %d/%zu；%zu 错误，%zu 警告\n",
              result.records.record_files, result.records.records, written, drafts, refused, failed, doc_written,
              result.documents.size(), sink.count(core::Severity::kError), sink.count(core::Severity::kWarning));
  if (!result.build_id.empty())
    std::printf("build: 构建 %s（%s）：沿用上一次构建的文书 %d 份%s\n", result.build_id.substr(0, 12).c_str(),
                result.record.string().c_str(), reused,
                elsewhere ? (std::string("；") + std::to_string(elsewhere) + " 份属于其他分片").c_str() : "");
  if (!result.pack_skipped && !result.could_not_run) {
    int zips = 0, bad = 0;
    for (const auto& d : result.dossiers) {
      zips += static_cast<int>(d.zips.size());
      bad += d.pack_exit != 0 || d.verify_exit != 0;
      for (const auto& z : d.zips)
        std::printf("dossier %s %d 全宗 %s -> %s%s\n", d.committee.c_str(), d.year, d.fonds.c_str(), z.string().c_str(),
                    d.reused ? "（沿用）" : "");
    }
    std::printf("build: 档案包 %d 个（%zu 个委员会×年度，%d 个未通过组卷或检测）\n", zips, result.dossiers.size(), bad);
  }
  return result.exit_code(sink);
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
  cmd->add_flag("--json", args->json, "Diagnostics as JSON lines");
  cmd->callback([args, &rc] { rc = run_build(*args); });
}};

}  // namespace
}  // namespace wenshu::cli

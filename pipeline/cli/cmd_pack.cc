// wenshu pack --year Y [--fonds CODE] [--filing-date D] [-o DIR] PATH...: rendered PDFs with
// their sidecars → annual archive dossier ZIP(s) (job/pack.h does the work).
#include <cstdio>
#include <memory>

#include <fmt/format.h>

#include "cli/command.h"
#include "cli/output.h"
#include "core/date.h"
#include "cli/signing_options.h"
#include "job/pack.h"

namespace wenshu::cli {
namespace {

struct PackArgs {
  std::vector<std::string> paths;
  int year = 0;
  std::string fonds, filing_date, out = ".", arranger, checker, shard, profile;
  SigningArgs signing;
  OutputArgs output;
};

/// One block per ZIP with the fingerprints to publish (verify --expect), then the summary.
int report_pack(const job::PackRunResult& r, Printer& out) {
  out.diagnostics(r.sink);
  if (r.could_not_run) return out.could_not_run(r.reason);
  nlohmann::json bags = nlohmann::json::array();
  for (const auto& b : r.bags) {
    out.result(fmt::format("{}: {} 件, {} {}, {} {}", b.zip.string(), b.items, b.payload_files, out.tr("个文件", "files"),
                           b.payload_bytes, out.tr("字节", "bytes")));
    out.result(fmt::format("  SHA-256(zip)                 = {}", b.zip_sha256));
    out.result(fmt::format("  SM3(tagmanifest-sm3.txt)     = {}", b.tagmanifest_sm3_sm3));
    out.result(fmt::format("  SHA-256(tagmanifest-sm3.txt) = {}", b.tagmanifest_sm3_sha256));
    if (!b.signer.empty()) out.result(fmt::format("  {}          {}", out.tr("SM2 签名", "SM2 signed by"), b.signer));
    bags.push_back({{"zip", json_text(b.zip.string())}, {"items", b.items}, {"payload_files", b.payload_files},
                    {"payload_bytes", b.payload_bytes}, {"zip_sha256", b.zip_sha256},
                    {"tagmanifest_sm3_sm3", b.tagmanifest_sm3_sm3},
                    {"tagmanifest_sm3_sha256", b.tagmanifest_sm3_sha256}, {"signer", json_text(b.signer)}});
  }
  out.data()["dossiers"] = std::move(bags);
  return out.finish(r.exit_code(), fmt::format("pack: {} {}, {}", r.bags.size(), out.tr("个档案包", "dossier(s)"),
                                               out.counts_text(r.sink.count(core::Severity::kError),
                                                               r.sink.count(core::Severity::kWarning))));
}

int run_pack(const PackArgs& a) {
  Printer out("pack", a.output);
  archive::PackOptions o;
  o.inputs.assign(a.paths.begin(), a.paths.end());
  o.year = a.year;
  o.fonds = a.fonds;
  o.out_dir = a.out;
  o.arranger = a.arranger;
  o.checker = a.checker;
  o.eep = a.signing.eep;
  bool usage_error = false;
  const auto signer = load_signer(a.signing, "pack", usage_error);
  if (usage_error) return out.could_not_run();
  o.signer = signer.get();
  if (a.filing_date.empty()) {
    // Never the clock (archive.md §12.3): default to the last day of the year packed.
    o.filing_date = core::Date{a.year, 12, 31};
  } else if (auto d = core::parse_date(a.filing_date)) {
    o.filing_date = *d;
  } else {
    return out.could_not_run(out.tr(fmt::format("--filing-date 应为 YYYY-MM-DD，而不是 {}", a.filing_date),
                                    fmt::format("--filing-date must be YYYY-MM-DD, got {}", a.filing_date)));
  }
  job::Shard shard;
  if (!a.shard.empty()) {
    std::string why;
    const auto parsed = job::parse_shard(a.shard, why);
    if (!parsed) {
      return out.could_not_run(fmt::format("--shard {}: {}", a.shard, why));
    }
    shard = *parsed;
  }
  std::optional<std::filesystem::path> profile;
  if (!a.profile.empty()) profile = a.profile;
  return report_pack(job::pack(o, shard, profile), out);
}

const CommandRegistrar reg{"pack", 40, [](CLI::App& app, int& rc) {
  auto args = std::make_shared<PackArgs>();
  CLI::App* cmd = app.add_subcommand(
      "pack",
      "Pack a year of rendered documents into annual archive dossiers (年度归档包): one ZIP per\n"
      "全宗 × 年度 (split by 保管期限 when large), a BagIt 1.0 bag with SHA-256 and SM3 manifests,\n"
      "DA/T 22-2015 arrangement (档号, 件号), DA/T 46 metadata per 件, 文件目录.xml, 归档文件目录,\n"
      "备考表, 归档登记表, index.html and a self-check report. See docs/archive-format.md.\n"
      "PATH: folders holding rendered PDFs and their sidecars (<name>.pdf.xml). Below a folder\n"
      "`wenshu build` wrote, only the documents its build-record.xml lists are packed.\n"
      "Nothing is written when any document fails the pre-pack checks (DA-1…DA-6).\n"
      "Exit codes: 0 written, 1 errors found (nothing written), 2 could not run.");
  cmd->add_option("paths", args->paths, "Folders or sidecar files")->required();
  cmd->add_option("--year", args->year, "年度 to pack")->required()->check(CLI::Range(1980, 2107));
  cmd->add_option("--fonds", args->fonds,
                  "全宗号 (4 characters, e.g. Z109) when neither the records nor the rule profile give one");
  cmd->add_option("--profile", args->profile,
                  "Rule profile over the shipped zhangye-2009 values: the 全宗号 of each committee (da.fonds.<id>), as build")
      ->check(CLI::ExistingFile);
  cmd->add_option("--filing-date", args->filing_date,
                  "归档日期 YYYY-MM-DD (Bagging-Date and ZIP times; default: 12-31 of the year)");
  cmd->add_option("-o,--output", args->out, "Output folder (default: .)");
  cmd->add_option("--arranger", args->arranger, "整理人 for the 备考表");
  cmd->add_option("--checker", args->checker, "检查人 for the 备考表");
  cmd->add_option("--shard", args->shard,
                  "Pack part I of N (0 <= I < N) of the committee × year units found (deploy/README.md)");
  add_signing_options(cmd, args->signing);
  add_output_options(cmd, args->output);
  cmd->callback([args, &rc] { rc = run_pack(*args); });
}};

}  // namespace
}  // namespace wenshu::cli

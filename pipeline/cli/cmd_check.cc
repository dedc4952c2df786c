// wenshu check [--year Y] PATH...: a submission folder before packing — DA rules on the sidecars
// and PDFs, GW rules on the 公文 files; dossiers given as PATH are verified (job/check.h).
#include <cstdio>
#include <memory>

#include <fmt/format.h>

#include "cli/command.h"
#include "cli/output.h"
#include "job/check.h"

namespace wenshu::cli {
namespace {

struct CheckArgs {
  std::vector<std::string> paths;
  int year = 0;
  OutputArgs output;
};

int report_check(const job::CheckRunResult& r, Printer& out) {
  out.diagnostics(r.sink);
  if (r.could_not_run) return out.could_not_run(r.reason);
  nlohmann::json builds = nlohmann::json::array();
  for (const auto& b : r.builds) {
    out.result(b);
    builds.push_back(json_text(b));
  }
  out.data() = {{"items", r.items}, {"documents", r.documents}, {"dossiers", r.dossiers}, {"ofd_files", r.ofd_files},
                {"builds", builds}};
  const int rc = r.exit_code();
  return out.finish(rc, fmt::format("check: {} 件, {} 公文 {}, {} {}, {} OFD — {} — {}", r.items, r.documents,
                                    out.tr("文件", "files"), r.dossiers, out.tr("个档案包", "dossier(s)"), r.ofd_files,
                                    rc == 0 ? out.tr("通过", "PASS") : out.tr("未通过", "FAIL"),
                                    out.counts_text(r.sink.count(core::Severity::kError),
                                                    r.sink.count(core::Severity::kWarning))));
}

const CommandRegistrar reg{"check", 42, [](CLI::App& app, int& rc) {
  auto args = std::make_shared<CheckArgs>();
  CLI::App* cmd = app.add_subcommand(
      "check",
      "Check a submission before packing: every sidecar (<name>.pdf.xml) and its PDFs against the\n"
      "DA rules (mandatory metadata, 保管期限, page counts, digests, formats), the arrangement, and\n"
      "every 公文 document file in the folder against the GW rules. A .zip or a folder with\n"
      "bagit.txt is verified as a dossier (as `wenshu verify`); an .ofd file is checked as an OFD\n"
      "package (GB/T 33190-2016 schemas, references, safe container; OFD-A when it says so).\n"
      "Exit codes: 0 no errors, 1 errors found, 2 could not run.");
  cmd->add_option("paths", args->paths, "Submission folders, sidecars, dossiers or .ofd files")->required();
  cmd->add_option("--year", args->year, "Only this 年度 (default: all)");
  add_output_options(cmd, args->output);
  cmd->callback([args, &rc] {
    Printer out("check", args->output);
    rc = report_check(job::check({args->paths.begin(), args->paths.end()}, args->year), out);
  });
}};

}  // namespace
}  // namespace wenshu::cli

// wenshu check [--year Y] PATH...: a submission folder before packing — DA rules on the sidecars
// and PDFs, GW rules on the 公文 files; dossiers given as PATH are verified (job/check.h).
#include <cstdio>
#include <memory>

#include "cli/command.h"
#include "job/check.h"

namespace wenshu::cli {
namespace {

struct CheckArgs {
  std::vector<std::string> paths;
  int year = 0;
};

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
  cmd->callback([args, &rc] {
    const job::CheckRunResult r = job::check({args->paths.begin(), args->paths.end()}, args->year);
    const std::string out = job::format_check_report(r);
    std::fwrite(out.data(), 1, out.size(), stdout);
    rc = r.exit_code();
  });
}};

}  // namespace
}  // namespace wenshu::cli

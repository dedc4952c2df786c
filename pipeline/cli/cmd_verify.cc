// wenshu verify DOSSIER...: the 四性 checks of archive dossiers (job/verify.h does the work).
#include <cstdio>
#include <memory>

#include "cli/command.h"
#include "job/verify.h"

namespace wenshu::cli {
namespace {

const CommandRegistrar reg{"verify", 45, [](CLI::App& app, int& rc) {
  auto paths = std::make_shared<std::vector<std::string>>();
  CLI::App* cmd = app.add_subcommand(
      "verify",
      "Verify archive dossiers (a .zip, read in place, or an unpacked folder): every SHA-256 and SM3\n"
      "digest, Payload-Oxum, missing or extra files, 档号 form and uniqueness, 件号 continuity,\n"
      "mandatory metadata, page counts against the PDFs, XML against the schemas, fonts embedded,\n"
      "no encryption or actions in the PDFs, safe entry names, zip-bomb limits, truncation.\n"
      "One line per finding with the 档号 or path and a rule id (DA-1…DA-6, BAG-…, ZIP-…).\n"
      "Exit codes: 0 all checks passed, 1 a check failed, 2 could not run.");
  cmd->add_option("dossiers", *paths, "Dossier ZIPs or folders")->required();
  cmd->callback([paths, &rc] {
    const job::VerifyRunResult r = job::verify({paths->begin(), paths->end()});
    const std::string out = job::format_verify_report(r);
    std::fwrite(out.data(), 1, out.size(), stdout);
    rc = r.exit_code();
  });
}};

}  // namespace
}  // namespace wenshu::cli

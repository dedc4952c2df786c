// wenshu verify DOSSIER...: the 四性 checks of archive dossiers (job/verify.h does the work).
#include <cstdio>
#include <memory>

#include "cli/command.h"
#include "job/verify.h"

namespace wenshu::cli {
namespace {

const CommandRegistrar reg{"verify", 45, [](CLI::App& app, int& rc) {
  auto paths = std::make_shared<std::vector<std::string>>();
  auto expect = std::make_shared<std::string>();
  CLI::App* cmd = app.add_subcommand(
      "verify",
      "Verify archive dossiers (a .zip, read in place, or an unpacked folder): every SHA-256 and SM3\n"
      "digest, Payload-Oxum, missing or extra files, 档号 form and uniqueness, 件号 continuity,\n"
      "mandatory metadata, page counts against the PDFs, XML against the schemas, fonts embedded,\n"
      "no encryption or actions in the PDFs, safe entry names, zip-bomb limits, truncation.\n"
      "One line per finding with the 档号 or path and a rule id (DA-1…DA-6, BAG-…, ZIP-…).\n"
      "Exit codes: 0 all checks passed, 1 a check failed, 2 could not run.");
  cmd->add_option("dossiers", *paths, "Dossier ZIPs or folders")->required();
  cmd->add_option("--expect", *expect,
                  "A digest published when the dossier was packed (pack prints them): SHA-256 of the\n"
                  "ZIP, or SM3 or SHA-256 of tagmanifest-sm3.txt; optionally prefixed sha256: or sm3:.\n"
                  "Without it a dossier rewritten consistently (data and every manifest) cannot be told\n"
                  "from the original; with it, any change is a BAG-ANCHOR error.")
      ->check([](const std::string& v) {
        std::string hex = v;
        for (const char* p : {"sha256:", "sm3:", "SHA256:", "SM3:"})
          if (hex.rfind(p, 0) == 0) hex.erase(0, std::char_traits<char>::length(p));
        const bool ok = hex.size() == 64 && hex.find_first_not_of("0123456789abcdefABCDEF") == std::string::npos;
        return ok ? std::string() : std::string("expected 64 hexadecimal digits (SHA-256 or SM3)");
      });
  cmd->callback([paths, expect, &rc] {
    const job::VerifyRunResult r = job::verify({paths->begin(), paths->end()}, {}, *expect);
    const std::string out = job::format_verify_report(r);
    std::fwrite(out.data(), 1, out.size(), stdout);
    rc = r.exit_code();
  });
}};

}  // namespace
}  // namespace wenshu::cli

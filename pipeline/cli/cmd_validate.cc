// wenshu validate [--profile FILE] [--format text|json] [--year Y] PATH...: records and 公文
// files → rule diagnostics and a summary (job/validate.h does the work).
#include <cstdio>
#include <memory>

#include "cli/command.h"
#include "job/validate.h"

namespace wenshu::cli {
namespace {

struct ValidateArgs {
  std::vector<std::string> paths;
  std::string profile;
  std::string format = "text";
  int year = 0;
};

int run_validate(const ValidateArgs& a) {
  job::ValidateOptions opt;
  opt.inputs.assign(a.paths.begin(), a.paths.end());
  if (!a.profile.empty()) opt.profile = a.profile;
  opt.year = a.year;
  const job::ValidateResult r = job::validate(opt);
  const std::string out = a.format == "json" ? job::format_json_report(r) : job::format_text_report(r);
  std::fwrite(out.data(), 1, out.size(), stdout);
  return r.exit_code();
}

const CommandRegistrar reg{"validate", 10, [](CLI::App& app, int& rc) {
  auto args = std::make_shared<ValidateArgs>();
  CLI::App* cmd = app.add_subcommand(
      "validate",
      "Check a year of records against the seven regulations of 市委发〔2009〕32号 (rules DY, ZX, BG, TG,\n"
      "JD, DB, ZZ) and 公文 document files against GB/T 9704-2012 (rules GW).\n"
      "PATH may be files or folders (folders are searched recursively for *.xml, in sorted order);\n"
      "records files (urn:wenshu:records:1) and 公文 files (urn:wenshu:gongwen:1) are told apart by\n"
      "their root element. Records of one year may be split over many files; ids refer across files.\n"
      "Output: one line per finding `file:line:col: error[JD-1b]: message`, then a summary per\n"
      "committee and per regulation with the figures of the info rules (attendance, 列席, adoption).\n"
      "Exit codes: 0 no errors (warnings allowed), 1 errors found, 2 could not run (bad profile,\n"
      "missing input).");
  cmd->add_option("paths", args->paths, "Records / 公文 XML files or folders")->required();
  cmd->add_option("--profile", args->profile,
                  "Rule profile overriding the shipped zhangye-2009 values (see `wenshu rules`)")
      ->check(CLI::ExistingFile);
  cmd->add_option("--format", args->format, "Output format: text (default) or json")
      ->check(CLI::IsMember({"text", "json"}));
  cmd->add_option("--year", args->year, "Year under check (default: the year in the records)")
      ->check(CLI::Range(1949, 9999));
  cmd->callback([args, &rc] { rc = run_validate(*args); });
}};

}  // namespace
}  // namespace wenshu::cli

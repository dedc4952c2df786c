// wenshu validate [--profile FILE] [--format text|json] [--year Y] PATH...: records and 公文
// files → rule diagnostics and a summary (job/validate.h does the work).
#include <cstdio>
#include <memory>

#include <fmt/format.h>

#include "cli/command.h"
#include "cli/output.h"
#include "job/validate.h"
#include "rules/catalogue.h"

namespace wenshu::cli {
namespace {

struct ValidateArgs {
  std::vector<std::string> paths;
  std::string profile;
  int year = 0;
  OutputArgs output;
};

nlohmann::json counts_json(const job::Counts& c) {
  return {{"errors", c.errors}, {"warnings", c.warnings}, {"info", c.infos}};
}

nlohmann::json statistic_json(const rules::Statistic& st) {
  return {{"rule", st.rule},
          {"label", json_text(st.label)},
          {"count", st.count},
          {"total", st.total < 0 ? nlohmann::json(nullptr) : nlohmann::json(st.total)},
          {"text", json_text(rules::format_statistic(st))}};
}

/// The JSON "result" of validate (docs/json.md): the profile, file counts, per committee and per
/// regulation counts with the figures of the info rules.
nlohmann::json summary_json(const job::ValidateResult& r) {
  nlohmann::json committees = nlohmann::json::array();
  for (const auto& [id, s] : r.committees) {
    nlohmann::json by_reg = nlohmann::json::object();
    for (const auto& [reg, c] : s.by_regulation) by_reg[reg] = counts_json(c);
    nlohmann::json stats = nlohmann::json::array();
    for (const auto& st : s.stats) stats.push_back(statistic_json(st));
    committees.push_back({{"id", json_text(id)}, {"name", json_text(s.name)}, {"counts", counts_json(s.total)},
                          {"by_regulation", by_reg}, {"statistics", stats}});
  }
  nlohmann::json regs = nlohmann::json::object();
  for (const auto& [reg, c] : r.regulations) regs[reg] = counts_json(c);
  return {{"profile", json_text(r.profile.name)}, {"record_files", r.record_files},
          {"document_files", r.document_files}, {"committees", committees}, {"regulations", regs}};
}

/// The summary block of the text output: per committee, its counts by regulation and its figures.
void print_summary(const job::ValidateResult& r, Printer& out) {
  out.result(fmt::format("== {} ==  {}: {}", out.tr("汇总", "summary"), out.tr("规则配置", "profile"), r.profile.name));
  for (const auto& [id, s] : r.committees) {
    out.result(fmt::format("{} {}: {}", id.empty() ? out.tr("（其他）", "(other)") : id, s.name,
                           out.counts_text(s.total.errors, s.total.warnings)));
    for (const auto& [reg, c] : s.by_regulation)
      if (c.errors + c.warnings > 0) out.result(fmt::format("  {:<4} {}", reg, out.counts_text(c.errors, c.warnings)));
    for (const auto& st : s.stats) out.result(fmt::format("  [{}] {}: {}", st.rule, st.label, rules::format_statistic(st)));
  }
  out.result(out.tr("按制度：", "by regulation:"));
  for (const auto& [reg, c] : r.regulations) {
    std::string name = reg;
    for (const auto& rule : rules::catalogue())
      if (rules::regulation_code(rule.regulation) == reg) {
        name = fmt::format("{} {}", reg, rules::regulation_name(rule.regulation));
        break;
      }
    out.result(fmt::format("  {}: {}", name, out.counts_text(c.errors, c.warnings)));
  }
}

int run_validate(const ValidateArgs& a) {
  Printer out("validate", a.output);
  job::ValidateOptions opt;
  opt.inputs.assign(a.paths.begin(), a.paths.end());
  if (!a.profile.empty()) opt.profile = a.profile;
  opt.year = a.year;
  const job::ValidateResult r = job::validate(opt);
  out.diagnostics(r.diagnostics);
  if (r.could_not_run) return out.finish(kExitCannotRun, out.tr("validate: 无法运行", "validate: could not run"));
  out.data() = summary_json(r);
  print_summary(r, out);
  return out.finish(r.exit_code(),
                    fmt::format("validate: {}{}{}", out.counts_text(r.diagnostics.count(core::Severity::kError),
                                                                    r.diagnostics.count(core::Severity::kWarning)),
                                out.separator(),
                                out.tr(fmt::format("{} 个记录文件，{} 个公文文件", r.record_files, r.document_files),
                                       fmt::format("{} records file(s), {} 公文 file(s)", r.record_files,
                                                   r.document_files))));
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
  cmd->add_option("--year", args->year, "Year under check (default: the year in the records)")
      ->check(CLI::Range(1949, 9999));
  add_output_options(cmd, args->output);
  cmd->callback([args, &rc] { rc = run_validate(*args); });
}};

}  // namespace
}  // namespace wenshu::cli

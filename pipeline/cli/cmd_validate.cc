// wenshu validate [--profile FILE] [--format text|json] [--year Y] [--as-of D] PATH...: records and 公文
// files → rule diagnostics and a summary (job/validate.h does the work).
#include <cstdio>
#include <memory>

#include <fmt/format.h>

#include "cli/command.h"
#include "cli/output.h"
#include "core/date.h"
#include "job/validate.h"
#include "rules/catalogue.h"

namespace wenshu::cli {
namespace {

struct ValidateArgs {
  std::vector<std::string> paths;
  std::string profile;
  int year = 0;
  std::string as_of;
  OutputArgs output;
};

nlohmann::json counts_json(const job::Counts& c) {
  return {{"errors", c.errors}, {"warnings", c.warnings}, {"info", c.infos}, {"pending", c.pending},
          {"follow_ons", c.follow_ons}};
}

/// "zhangye 2009年 张掖市委" for a committee × year (docs: validate on real years).
std::string committee_title(const job::CommitteeYear& key, const job::CommitteeSummary& s, const Printer& out) {
  if (key.first.empty()) return out.tr("（其他）", "(other)");
  std::string t = key.first;
  if (key.second != 0) t += fmt::format(" {}年", key.second);
  if (!s.name.empty()) t += " " + s.name;
  return t;
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
  for (const auto& [key, s] : r.committees) {
    nlohmann::json by_reg = nlohmann::json::object();
    for (const auto& [reg, c] : s.by_regulation) by_reg[reg] = counts_json(c);
    nlohmann::json stats = nlohmann::json::array();
    for (const auto& st : s.stats) stats.push_back(statistic_json(st));
    nlohmann::json pending = nlohmann::json::array();
    for (std::size_t i : s.pending) {
      const auto& d = r.diagnostics.items()[i];
      pending.push_back({{"rule", d.rule}, {"record", json_text(d.record_id)}, {"due", json_text(d.due)}});
    }
    const auto as_of = r.as_of.find(key.second);
    committees.push_back({{"id", json_text(key.first)}, {"year", key.second}, {"name", json_text(s.name)},
                          {"as_of", as_of == r.as_of.end() ? nlohmann::json(nullptr)
                                                          : nlohmann::json(core::format_date(as_of->second))},
                          {"counts", counts_json(s.total)}, {"by_regulation", by_reg}, {"statistics", stats},
                          {"pending", pending}});
  }
  nlohmann::json regs = nlohmann::json::object();
  for (const auto& [reg, c] : r.regulations) regs[reg] = counts_json(c);
  return {{"profile", json_text(r.profile.name)}, {"record_files", r.record_files},
          {"document_files", r.document_files}, {"committees", committees}, {"regulations", regs}};
}

/// The summary block of the text output: per committee, its counts by regulation and its figures.
void print_summary(const job::ValidateResult& r, Printer& out) {
  out.result(fmt::format("== {} ==  {}: {}", out.tr("汇总", "summary"), out.tr("规则配置", "profile"), r.profile.name));
  for (const auto& [year, date] : r.as_of)
    out.result(fmt::format("{}: {}{}", out.tr("判定日期", "as of"),
                           year != 0 ? out.tr(fmt::format("{}年的记录 ", year), fmt::format("records of {} ", year)) : "",
                           core::format_date(date)));
  for (const auto& [key, s] : r.committees) {
    std::string line = fmt::format("{}: {}", committee_title(key, s, out), out.counts_text(s.total.errors, s.total.warnings));
    if (s.total.pending) line += out.tr(fmt::format("，{} 项尚未到期", s.total.pending), fmt::format(", {} pending", s.total.pending));
    if (s.total.follow_ons)
      line += out.tr(fmt::format("，{} 条可能由其他错误引起", s.total.follow_ons),
                     fmt::format(", {} follow-on(s)", s.total.follow_ons));
    out.result(line);
    for (const auto& [reg, c] : s.by_regulation)
      if (c.errors + c.warnings > 0) out.result(fmt::format("  {:<4} {}", reg, out.counts_text(c.errors, c.warnings)));
    for (const auto& st : s.stats) out.result(fmt::format("  [{}] {}: {}", st.rule, st.label, rules::format_statistic(st)));
    for (std::size_t i : s.pending) {
      const auto& d = r.diagnostics.items()[i];
      out.result(fmt::format("  {} {}  [{}] {}", out.tr("尚未到期，期限", "pending, due"), d.due, d.rule, d.record_id));
    }
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
  if (!a.as_of.empty()) {
    opt.as_of = core::parse_date(a.as_of);
    if (!opt.as_of) {
      return out.could_not_run(
          out.tr(fmt::format("--as-of 应为实际存在的日期 YYYY-MM-DD，而不是 {}", a.as_of),
                 fmt::format("--as-of must be a real date YYYY-MM-DD, got {}", a.as_of)));
    }
  }
  const job::ValidateResult r = job::validate(opt);
  out.diagnostics(r.diagnostics);
  if (r.could_not_run) return out.could_not_run();
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
      "Check records against the seven regulations of 市委发〔2009〕32号 (rules DY, ZX, BG, TG, JD, DB,\n"
      "ZZ) and 公文 document files against GB/T 9704-2012 (rules GW).\n"
      "PATH may be files or folders (folders are searched recursively for *.xml, in sorted order);\n"
      "records files (urn:wenshu:records:1) and 公文 files (urn:wenshu:gongwen:1) are told apart by\n"
      "their root element. A records file holds one year of one or more committees (<records year>);\n"
      "any number of years and committees validate together, each committee × year on its own, with\n"
      "the same findings as each year alone. Ids refer across the files of a year.\n"
      "As-of date: a matter whose deadline is after it (a December decision due in March, a month\n"
      "not yet over) is pending: listed with its deadline as a note, not an error. Default: 31\n"
      "December of --year when given, else the latest date each year's records state.\n"
      "Output: one line per finding `file:line:col: error[JD-1b]: message`; a finding that may only\n"
      "follow from another (a record left out for a schema error, an unreadable file, a reference\n"
      "that does not resolve) is a note listed under it. Then a summary per committee and year with\n"
      "the pending matters and the figures of the info rules, and the rules that cannot be checked.\n"
      "Exit codes: 0 no errors (warnings, notes allowed), 1 errors found, 2 could not run (bad\n"
      "profile, missing input, a --year without records, an --as-of before the year begins).");
  cmd->add_option("paths", args->paths, "Records / 公文 XML files or folders")->required();
  cmd->add_option("--profile", args->profile,
                  "Rule profile overriding the shipped zhangye-2009 values (see `wenshu rules`)")
      ->check(CLI::ExistingFile);
  cmd->add_option("--year", args->year,
                  "Check only this year (default: every year in the records); files stating no year are taken "
                  "to be of it")
      ->check(CLI::Range(1949, 9999));
  cmd->add_option("--as-of", args->as_of,
                  "Judge the records as of YYYY-MM-DD (default: 31 December of --year, else the latest date in "
                  "each year's records)");
  add_output_options(cmd, args->output);
  cmd->callback([args, &rc] { rc = run_validate(*args); });
}};

}  // namespace
}  // namespace wenshu::cli

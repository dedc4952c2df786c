// wenshu rules [--profile FILE] [--format text|json]: the rule catalogue with the parameter
// values in force.
#include <cstdio>
#include <memory>
#include <string>

#include <fmt/format.h>

#include "cli/command.h"
#include "cli/output.h"
#include "core/diagnostic.h"
#include "ingest/profile_reader.h"
#include "rules/catalogue.h"

namespace wenshu::cli {
namespace {

struct RulesArgs {
  std::string profile;
  OutputArgs output;
};

/// "name=value" for each parameter of `rule`.
std::vector<const model::ProfileParam*> params_of(const rules::RuleInfo& rule, const model::Profile& p) {
  std::vector<const model::ProfileParam*> out;
  std::string_view rest = rule.params;
  while (!rest.empty()) {
    const auto sp = rest.find(' ');
    if (const auto* param = p.find(rest.substr(0, sp))) out.push_back(param);
    if (sp == std::string_view::npos) break;
    rest.remove_prefix(sp + 1);
  }
  return out;
}

nlohmann::json rules_json(const model::Profile& profile) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& r : rules::catalogue()) {
    nlohmann::json params = nlohmann::json::object();
    for (const auto* p : params_of(r, profile)) params[json_text(p->name)] = json_text(p->text);
    list.push_back({{"id", std::string(r.id)},
                    {"regulation", std::string(rules::regulation_code(r.regulation))},
                    {"clause", json_text(rules::clause_label(r))},
                    {"severity", core::severity_name(r.severity)},
                    {"check", json_text(r.check)},
                    {"implemented_by", std::string(r.owner)},
                    {"params", params}});
  }
  return {{"profile", json_text(profile.name)}, {"rules", list}};
}

int run_rules(const RulesArgs& a) {
  Printer out("rules", a.output);
  core::DiagnosticSink sink;
  std::optional<std::filesystem::path> user;
  if (!a.profile.empty()) user = a.profile;
  const auto profile = ingest::load_profile(user, sink);
  out.diagnostics(sink);
  if (!profile) return out.could_not_run();
  if (out.json()) {
    out.data() = rules_json(*profile);
    return out.finish(kExitOk, "");
  }
  std::string text = fmt::format("{}: {} ({})\n", out.tr("规则配置", "profile"), profile->name, profile->title);
  for (const auto& s : profile->sources) text += fmt::format("  {}: {}\n", out.tr("来源", "from"), s);
  rules::Regulation current = rules::Regulation::kDA;
  bool started = false;
  for (const auto& r : rules::catalogue()) {
    if (!started || r.regulation != current) {
      text += fmt::format("\n{} {}\n", rules::regulation_code(r.regulation), rules::regulation_name(r.regulation));
      current = r.regulation;
      started = true;
    }
    text += fmt::format("  {:<7} {:<7} {:<20} {}\n", r.id, core::severity_name(r.severity), rules::clause_label(r), r.check);
    for (const auto* p : params_of(r, *profile))
      text += fmt::format("          {} = {}{}{}  — {}\n", p->name, p->text, p->unit, p->local ? " (local)" : "",
                          p->description);
  }
  if (!out.quiet()) std::fwrite(text.data(), 1, text.size(), stdout);
  return out.finish(kExitOk, "");
}

const CommandRegistrar reg{"rules", 11, [](CLI::App& app, int& rc) {
  auto args = std::make_shared<RulesArgs>();
  CLI::App* cmd = app.add_subcommand(
      "rules",
      "List every rule (DY…ZZ of the seven regulations of 市委发〔2009〕32号, GW 公文格式, DA 归档)\n"
      "with its id, clause, severity, what it checks, and the profile parameters in force\n"
      "(\"(local)\" marks defaults the notice does not give). Exit 2 if the profile is unusable.");
  cmd->add_option("--profile", args->profile, "Rule profile overriding the shipped zhangye-2009 values")
      ->check(CLI::ExistingFile);
  add_output_options(cmd, args->output);
  cmd->callback([args, &rc] { rc = run_rules(*args); });
}};

}  // namespace
}  // namespace wenshu::cli

// wenshu rules [--profile FILE] [--format text|json]: the rule catalogue with the parameter
// values in force.
#include <cstdio>
#include <memory>
#include <string>

#include <fmt/format.h>

#include "cli/command.h"
#include "core/diagnostic.h"
#include "ingest/profile_reader.h"
#include "rules/catalogue.h"

namespace wenshu::cli {
namespace {

struct RulesArgs {
  std::string profile;
  std::string format = "text";
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

int run_rules(const RulesArgs& a) {
  core::DiagnosticSink sink;
  std::optional<std::filesystem::path> user;
  if (!a.profile.empty()) user = a.profile;
  const auto profile = ingest::load_profile(user, sink);
  if (!profile) {
    for (const auto& d : sink.items()) std::fprintf(stderr, "%s\n", core::format_text(d).c_str());
    return kExitCannotRun;
  }
  std::string out;
  if (a.format == "json") {
    out = fmt::format("{{\"profile\": {}, \"rules\": [", core::json_quote(profile->name));
    bool first = true;
    for (const auto& r : rules::catalogue()) {
      out += fmt::format("{}\n  {{\"id\": {}, \"regulation\": {}, \"clause\": {}, \"severity\": {}, \"check\": {}, "
                         "\"implemented_by\": {}, \"params\": {{",
                         first ? "" : ",", core::json_quote(std::string(r.id)),
                         core::json_quote(std::string(rules::regulation_code(r.regulation))),
                         core::json_quote(rules::clause_label(r)), core::json_quote(core::severity_name(r.severity)),
                         core::json_quote(std::string(r.check)), core::json_quote(std::string(r.owner)));
      bool f2 = true;
      for (const auto* p : params_of(r, *profile)) {
        out += fmt::format("{}{}: {}", f2 ? "" : ", ", core::json_quote(p->name), core::json_quote(p->text));
        f2 = false;
      }
      out += "}}";
      first = false;
    }
    out += "\n]}\n";
  } else {
    out = fmt::format("规则配置 / profile: {} ({})\n", profile->name, profile->title);
    for (const auto& s : profile->sources) out += fmt::format("  来源 / from: {}\n", s);
    rules::Regulation current = rules::Regulation::kDA;
    bool started = false;
    for (const auto& r : rules::catalogue()) {
      if (!started || r.regulation != current) {
        out += fmt::format("\n{} {}\n", rules::regulation_code(r.regulation), rules::regulation_name(r.regulation));
        current = r.regulation;
        started = true;
      }
      out += fmt::format("  {:<7} {:<7} {:<20} {}\n", r.id, core::severity_name(r.severity), rules::clause_label(r),
                         r.check);
      for (const auto* p : params_of(r, *profile))
        out += fmt::format("          {} = {}{}{}  — {}\n", p->name, p->text, p->unit,
                           p->local ? " (local)" : "", p->description);
    }
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
  return kExitOk;
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
  cmd->add_option("--format", args->format, "Output format: text (default) or json")
      ->check(CLI::IsMember({"text", "json"}));
  cmd->callback([args, &rc] { rc = run_rules(*args); });
}};

}  // namespace
}  // namespace wenshu::cli

// 责任追究制度 (rules.md ZZ): authority, circumstances, responsibility split, measures,
// discipline and judicial hand-over, leniency.
#include <string_view>

#include <fmt/format.h>

#include "rules/context.h"

namespace wenshu::rules {
namespace {

using model::AccountabilityCase;

/// A measure as written, reduced to its core words: quotes and the leading verbs
/// (作出/进行/给予/责令) dropped, so 作出组织处理 = 组织处理 and 年终考核定为“差”班子 = 年终考核定为差班子.
std::string normalise(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    bool skipped = false;
    for (std::string_view q : {"“", "”", "\"", "'", " ", "　"})
      if (s.substr(i, q.size()) == q) {
        i += q.size();
        skipped = true;
        break;
      }
    if (!skipped) out += s[i++];
  }
  for (std::string_view verb : {"作出", "进行", "给予", "责令"})
    if (out.rfind(verb, 0) == 0) {
      out.erase(0, verb.size());
      break;
    }
  return out;
}

// rules.md ZZ-4 / ZZ-5: the closed lists of the clauses (after normalise()).
constexpr std::string_view kTeamMeasures[] = {"集体诫勉谈话", "通报批评", "取消当年评优评先资格",
                                              "年终考核领导班子定为差班子", "年终考核定为差班子", "组织处理"};
constexpr std::string_view kPersonMeasures[] = {"诫勉谈话", "作出书面检查", "书面检查", "通报批评",
                                                "取消当年评优评先资格", "年终考核定为不称职", "组织处理", "党纪处分"};

template <std::size_t N>
bool listed(const std::string& m, const std::string_view (&list)[N]) {
  const std::string n = normalise(m);
  for (auto l : list)
    if (n == l) return true;
  return false;
}

void check_case(Context& ctx, const AccountabilityCase& k) {
  // ZZ-1: 按照干部管理权限 — warning, the record may simply not say.
  if (k.deciding_body.empty() || !k.has_authority || !*k.has_authority)
    ctx.report("ZZ-1", k.location, k.id, k.committee,
               fmt::format("责任追究 {} {} / deciding body or its authority not shown", k.id,
                           k.deciding_body.empty()          ? "未载明作出决定的机关"
                           : !k.has_authority               ? "未载明 " + k.deciding_body + " 的干部管理权限"
                                                            : k.deciding_body + " 不具有干部管理权限"));
  // ZZ-2: at least one of the listed circumstances.
  const long long max_code = ctx.param("zz.circumstance.max-code");
  if (k.circumstances.empty())
    ctx.report("ZZ-2", k.location, k.id, k.committee,
               fmt::format("责任追究 {} 未载明第（二）条所列情形 / no circumstance cited", k.id));
  for (int code : k.circumstances)
    if (code < 1 || code > max_code)
      ctx.report("ZZ-2", k.location, k.id, k.committee,
                 fmt::format("责任追究 {} 的情形编号 {} 不在1-{}之间 / unknown circumstance", k.id, code, max_code));
  // ZZ-3: 主要领导过错 → 主要领导主要责任、分管领导次要责任; 分管领导过错 → the reverse.
  if (k.fault_of != model::FaultOf::kUnknown) {
    const bool principal_fault = k.fault_of == model::FaultOf::kPrincipal;
    for (const auto& r : k.responsibilities) {
      if (r.position == model::LeaderPosition::kOther) continue;
      const bool is_principal = r.position == model::LeaderPosition::kPrincipal;
      const auto want = (is_principal == principal_fault) ? model::ResponsibilityLevel::kMain
                                                          : model::ResponsibilityLevel::kSecondary;
      if (r.level != want)
        ctx.report("ZZ-3", k.location, k.id, k.committee,
                   fmt::format("责任追究 {}：因{}工作不到位，{} {} 应负{}，记录为{} / responsibility split wrong", k.id,
                               model::term(k.fault_of), model::term(r.position), ctx.who(k.committee, r.person),
                               model::term(want), model::term(r.level)));
    }
  } else {
    bool principal = false, in_charge = false;
    for (const auto& r : k.responsibilities) {
      principal = principal || r.position == model::LeaderPosition::kPrincipal;
      in_charge = in_charge || r.position == model::LeaderPosition::kInCharge;
    }
    if (principal && in_charge)
      ctx.report("ZZ-3", k.location, k.id, k.committee,
                 fmt::format("责任追究 {} 同时追究主要领导和分管领导，但未认定是谁工作不到位 / fault not assigned", k.id));
  }
  // ZZ-4 / ZZ-5: measures from the closed lists.
  const bool team = k.target == model::AccountabilityTarget::kTeam;
  const char* rule = team ? "ZZ-4" : "ZZ-5";
  if (k.measures.empty() && k.leniency != model::Leniency::kExempt)
    ctx.report(rule, k.location, k.id, k.committee,
               fmt::format("责任追究 {} 没有追究方式 / no measure", k.id));
  for (const auto& m : k.measures) {
    const bool ok = team ? listed(m, kTeamMeasures) : listed(m, kPersonMeasures);
    if (!ok)
      ctx.report(rule, k.location, k.id, k.committee,
                 fmt::format("责任追究 {} 的追究方式“{}”不在{}所列{}种方式之内 / measure not in the list", k.id, m,
                             team ? "第（四）条对领导班子" : "第（五）条对领导干部", team ? 5 : 7));
  }
  // ZZ-6: discipline recorded; suspected crimes handed to the judicial organs.
  if (k.discipline_needed && !k.discipline_recorded)
    ctx.report("ZZ-6", k.location, k.id, k.committee,
               fmt::format("责任追究 {} 应给予党纪政纪处分，但没有处分记录 / discipline not recorded", k.id));
  if (k.crime_suspected && !k.handed_to_judicial)
    ctx.report("ZZ-6", k.location, k.id, k.committee,
               fmt::format("责任追究 {} 涉嫌犯罪，但未移送司法机关 / suspected crime not handed over", k.id));
  // ZZ-7: lighter treatment only with self-correction and no major loss.
  if (k.leniency != model::Leniency::kNone && !(k.self_corrected && k.no_major_loss))
    ctx.report("ZZ-7", k.location, k.id, k.committee,
               fmt::format("责任追究 {} {}，但记录未显示{} / leniency without its conditions", k.id, model::term(k.leniency),
                           !k.self_corrected ? "责任人主动发现并及时纠正错误" : "未造成重大损失或者不良影响"));
}

}  // namespace

void check_zz(Context& ctx) {
  for (const auto& k : ctx.records.accountability_cases) check_case(ctx, k);
}

}  // namespace wenshu::rules

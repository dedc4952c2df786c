// The rule catalogue (rules.md): every rule of the seven regulations plus the GW (公文格式) and
// DA (归档) checks, with id, clause, severity and the profile parameters it reads. `wenshu rules`
// prints it; every diagnostic of a rule takes its clause text from here.
#pragma once
#include <span>
#include <string_view>

#include "core/diagnostic.h"

namespace wenshu::rules {

/// The regulations of 市委发〔2009〕32号, plus 公文格式 and 归档 checks.
enum class Regulation { kDY, kZX, kBG, kTG, kJD, kDB, kZZ, kGW, kDA };

/// One catalogue entry.
struct RuleInfo {
  std::string_view id;        ///< DY-1a, JD-4.2, GW-3 …
  Regulation regulation;
  std::string_view clause;    ///< clause number as in the seed: （一）, （二）2 …
  core::Severity severity;    ///< from the clause's wording (rules.md "Severity")
  std::string_view check;     ///< what is checked, Chinese, one line
  std::string_view params;    ///< profile parameter names, space separated (may be empty)
  std::string_view owner;     ///< stage that implements it: rules, gw (document), archive
  /// For an info rule the records cannot speak to: why it is not checked (empty otherwise).
  std::string_view not_checkable = {};
};

/// Every rule, in rules.md order.
std::span<const RuleInfo> catalogue();
/// The entry of `id`, or nullptr.
const RuleInfo* find_rule(std::string_view id);
/// The code of a regulation: DY, ZX, …
std::string_view regulation_code(Regulation r);
/// The Chinese name of a regulation: 调查研究制度, …
std::string_view regulation_name(Regulation r);
/// The record kinds (element names, space separated) a rule of DY…ZZ reads: a record of one of
/// them left out for a schema error may be why the rule fires (validate's cascade control).
std::string_view rule_reads(std::string_view id);
/// "调查研究制度 第（一）条" for a rule (or "公文格式 GW-3" for GW/DA entries).
std::string clause_label(const RuleInfo& rule);

}  // namespace wenshu::rules

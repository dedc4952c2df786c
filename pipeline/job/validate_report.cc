// The text of a validate run for library callers and goldens (see validate.h); the command line
// prints through cli/output.h.
#include <fmt/format.h>

#include "job/validate.h"
#include "rules/catalogue.h"

namespace wenshu::job {
namespace {

/// "DY 调查研究制度" for a regulation code, or the code itself (XML, MEMBER …).
std::string regulation_title(const std::string& code) {
  for (const auto& rule : rules::catalogue())
    if (rules::regulation_code(rule.regulation) == code)
      return fmt::format("{} {}", code, rules::regulation_name(rule.regulation));
  return code;
}

std::string counts_text(const Counts& c) {
  std::string out = fmt::format("{} 错误 / errors, {} 警告 / warnings", c.errors, c.warnings);
  if (c.pending) out += fmt::format(", {} 项尚未到期 / pending", c.pending);
  if (c.follow_ons) out += fmt::format(", {} 条可能由其他错误引起 / follow-ons", c.follow_ons);
  return out;
}

std::string committee_title(const CommitteeYear& key, const CommitteeSummary& s) {
  if (key.first.empty()) return "（其他 / other）";
  std::string out = key.first;
  if (key.second != 0) out += fmt::format(" {}年", key.second);
  if (!s.name.empty()) out += " " + s.name;
  return out;
}

/// The summary of one committee-year: counts per regulation, statistics, pending matters.
std::string committee_text(const ValidateResult& r, const CommitteeYear& key, const CommitteeSummary& s) {
  std::string out = fmt::format("{}: {}\n", committee_title(key, s), counts_text(s.total));
  for (const auto& [reg, c] : s.by_regulation)
    if (c.errors + c.warnings > 0) out += fmt::format("  {:<4} {} 错误, {} 警告\n", reg, c.errors, c.warnings);
  for (const auto& st : s.stats) out += fmt::format("  [{}] {}: {}\n", st.rule, st.label, rules::format_statistic(st));
  if (!s.pending.empty()) {
    const auto as_of = r.as_of.find(key.second);
    out += fmt::format("  尚未到期的事项 / pending{}:\n",
                       as_of == r.as_of.end() ? "" : "（判定日期 " + core::format_date(as_of->second) + "）");
    for (std::size_t i : s.pending) {
      const auto& d = r.diagnostics.items()[i];
      out += fmt::format("    期限 {}  [{}] {}\n", d.due, d.rule, d.record_id);
    }
  }
  return out;
}

}  // namespace

std::string format_text_report(const ValidateResult& r) {
  std::string out;
  for (const auto& d : r.diagnostics.items()) {
    std::string line = core::format_text(d);
    if (!d.caused_by.empty()) {  // listed under its cause, indented
      std::string indented = "    ↳ ";
      for (char ch : line) indented += ch == '\n' ? std::string("\n    ") : std::string(1, ch);
      line = std::move(indented);
    }
    out += line + "\n";
  }
  if (r.diagnostics.dropped() > 0)
    out += fmt::format("（另有 {} 条诊断未列出 / {} more diagnostics not kept）\n", r.diagnostics.dropped(),
                       r.diagnostics.dropped());
  if (r.could_not_run) {
    out += "validate: 无法运行 / could not run\n";
    return out;
  }
  out += fmt::format("\n== 汇总 / summary ==  规则配置 / profile: {}\n", r.profile.name);
  for (const auto& [year, date] : r.as_of)
    out += fmt::format("判定日期 / as of: {}{}\n", year != 0 ? fmt::format("{}年的记录 ", year) : "",
                       core::format_date(date));
  for (const auto& [key, s] : r.committees) out += committee_text(r, key, s);
  out += "按制度 / by regulation:\n";
  for (const auto& [reg, c] : r.regulations)
    if (c.errors + c.warnings + c.pending + c.follow_ons > 0)
      out += fmt::format("  {}: {}\n", regulation_title(reg), counts_text(c));
  out += "未作检查的规则 / not checkable:\n";
  for (const auto& rule : rules::catalogue())
    if (!rule.not_checkable.empty()) out += fmt::format("  {} {}：{}\n", rule.id, rule.check, rule.not_checkable);
  out += fmt::format("合计 / total: {} 错误 / errors, {} 警告 / warnings; {} 个记录文件, {} 个公文文件\n",
                     r.diagnostics.count(core::Severity::kError), r.diagnostics.count(core::Severity::kWarning),
                     r.record_files, r.document_files);
  return out;
}

}  // namespace wenshu::job

// Figures of the annual report (see annual_stats.h).
#include "compose/annual_stats.h"

#include <algorithm>
#include <set>

#include "compose/plain_finding.h"
#include "core/date.h"
#include "core/date_text.h"

namespace wenshu::compose {
namespace {

/// True when `rule` belongs to regulation `code` ("DY-1b" → DY).
bool rule_of(const std::string& rule, const std::string& code) {
  return rule.size() > code.size() && rule.compare(0, code.size(), code) == 0 && rule[code.size()] == '-';
}

template <class T>
int count_in(const std::vector<T>& v, const std::set<std::string>& committees) {
  int n = 0;
  for (const auto& r : v) n += committees.count(r.committee) ? 1 : 0;
  return n;
}

std::string num(long long n) { return std::to_string(n); }

/// "What was done" for a regulation, from the records (one line, Chinese).
std::string done_text(const std::string& code, const model::Records& r, const std::set<std::string>& cs) {
  if (code == "DY")
    return "确定调研专题" + num(count_in(r.research_topics, cs)) + "个，形成调研报告" + num(count_in(r.research_reports, cs)) +
           "篇，蹲点" + num(count_in(r.field_stays, cs)) + "次。";
  if (code == "ZX") {
    int major = 0;
    for (const auto& d : r.decisions)
      if (cs.count(d.committee) && d.category != model::DecisionCategory::kOrdinary) ++major;
    return "作出决策" + num(count_in(r.decisions, cs)) + "项（其中须咨询的" + num(major) + "项），开展决策咨询" +
           num(count_in(r.consultations, cs)) + "次。";
  }
  if (code == "BG")
    return "专题报告" + num(count_in(r.topical_reports, cs)) + "件，突发公共事件报告" + num(count_in(r.emergencies, cs)) +
           "件，党组工作报告" + num(count_in(r.party_group_reports, cs)) + "次，年中、年末书面报告" +
           num(count_in(r.work_point_reports, cs)) + "件。";
  if (code == "TG") {
    int regular = 0, briefing = 0, plenary = 0;
    for (const auto& m : r.meetings) {
      if (!cs.count(m.committee)) continue;
      regular += m.kind == model::MeetingKind::kRegular;
      briefing += m.kind == model::MeetingKind::kBriefing;
      plenary += m.kind == model::MeetingKind::kPlenary;
    }
    return "召开常委会例会" + num(regular) + "次、常委碰头会" + num(briefing) + "次、全委会" + num(plenary) +
           "次，汇总重点工作和重大活动" + num(count_in(r.key_work_items, cs)) + "项。";
  }
  if (code == "JD")
    return "述职述廉" + num(count_in(r.duty_reports, cs)) + "人次，民主评议（测评）" + num(count_in(r.evaluations, cs)) +
           "次，诫勉谈话" + num(count_in(r.admonitions, cs)) + "人次，函询" + num(count_in(r.inquiries, cs)) +
           "件，外出请假" + num(count_in(r.travel_leaves, cs)) + "人次。";
  if (code == "DB") {
    int closed = 0;
    for (const auto& s : r.supervision_items)
      if (cs.count(s.committee) && s.result_date) ++closed;
    return "督查督办事项" + num(count_in(r.supervision_items, cs)) + "项，已办结" + num(closed) + "项。";
  }
  if (code == "ZZ") return "责任追究" + num(count_in(r.accountability_cases, cs)) + "件。";
  return "";
}

/// The date a 督办 item started: the instruction, else the decision, else its first activity.
std::optional<core::Date> supervision_start(const model::Records& r, const model::SupervisionItem& s) {
  if (s.instruction_date) return s.instruction_date;
  if (const auto* d = r.find_decision(s.decision); d != nullptr && d->date) return d->date;
  std::optional<core::Date> first;
  for (const auto& a : s.activities)
    if (a.date && (!first || *a.date < *first)) first = a.date;
  return first;
}

/// The Chinese part of a message (the optional English after " / " left out).
std::string chinese(const std::string& message) {
  const auto slash = message.find(" / ");
  return slash == std::string::npos ? message : message.substr(0, slash);
}

/// What the report shows besides the findings of a regulation: the matters not yet due as of the
/// date the records were judged (<pending>, the validator's notes with a deadline) and the
/// observations of its info rules (<observation>).
void write_open_matters(XmlWriter& x, const model::Records& records, const std::vector<core::Diagnostic>& findings,
                        const std::set<std::string>& scope, const std::string& code, core::DateNumerals numerals) {
  for (const auto& d : findings) {
    if (!scope.count(d.committee) || !rule_of(d.rule, code) || d.due.empty()) continue;
    x.open("pending").attr("rule", d.rule).attr("record", d.record_id).attr("committee", d.committee);
    if (const auto* c = records.find_committee(d.committee)) x.attr("committee-name", c->short_name.empty() ? c->name : c->short_name);
    x.attr("due", d.due);
    std::string message = chinese(d.message);
    static const std::string kPending = "尚未到期：";  // the report's heading says it already
    if (message.rfind(kPending, 0) == 0) message.erase(0, kPending.size());
    x.element("message", message);
    // As the report writes it (plain_finding.h): records by title, people by name, dates written out.
    core::Diagnostic plain = d;
    plain.message = message;
    x.element("text", plain_finding_text(plain, records, numerals));
    x.close();
  }
  for (const auto& d : findings) {
    if (!scope.count(d.committee) || !rule_of(d.rule, code) || d.severity != core::Severity::kInfo) continue;
    x.open("observation").attr("rule", d.rule).attr("committee", d.committee);
    x.element("message", chinese(d.message));
    x.element("text", plain_finding_text(d, records, numerals));
    x.close();
  }
}

}  // namespace

const std::vector<Regulation>& regulations() {
  static const std::vector<Regulation> all = {
      {"DY", "调查研究制度", "常委每人每年确定1至2个调研专题、亲自撰写1至2篇调研报告，每年至少蹲点一次。"},
      {"ZX", "决策咨询制度", "重大决策之前进行决策咨询，形成咨询论证报告，与决策事项一并提交党委。"},
      {"BG", "定期报告制度", "专题报告上级部署落实情况，突发公共事件2小时内报告，党组每季度报告工作，年中、年末书面报告。"},
      {"TG", "通报沟通制度", "常委会每月召开例会，每半月召开碰头会，每半年向全委会报告工作，汇总重点工作安排。"},
      {"JD", "监督制度", "班子成员每年述职述廉并接受民主测评，诫勉谈话、函询依规进行，外出请假履行报告审批手续。"},
      {"DB", "督查督办制度", "常委会决定事项件件有督查、事事有结果，督查情况综合反馈。"},
      {"ZZ", "责任追究制度", "按干部管理权限认定过错情形、区分主次责任，采用规定的追究方式。"},
  };
  return all;
}

int regulation_status(const std::vector<core::Diagnostic>& findings, const std::string& committee,
                      const std::string& code) {
  int status = 1;
  for (const auto& d : findings) {
    if (d.committee != committee || !rule_of(d.rule, code)) continue;
    if (d.severity == core::Severity::kError) return 3;
    if (d.severity == core::Severity::kWarning) status = 2;
  }
  return status;
}

std::vector<std::vector<double>> meeting_calendar(const model::Records& records, const std::string& committee, int year) {
  std::vector<std::vector<double>> cal(12, std::vector<double>(31, 0.0));
  for (const auto& m : records.meetings) {
    if (m.committee != committee || !m.date || m.date->year != year) continue;
    int bit = m.kind == model::MeetingKind::kRegular ? 1 : m.kind == model::MeetingKind::kBriefing ? 2 : 0;
    if (bit == 0) continue;
    double& cell = cal[m.date->month - 1][m.date->day - 1];
    cell = static_cast<double>(static_cast<int>(cell) | bit);
  }
  return cal;
}

std::vector<double> open_supervision_by_month(const model::Records& records, const std::string& committee, int year) {
  std::vector<double> open(12, 0.0);
  for (int month = 1; month <= 12; ++month) {
    const core::Date end{year, month, core::days_in_month(year, month)};
    for (const auto& s : records.supervision_items) {
      if (s.committee != committee) continue;
      const auto start = supervision_start(records, s);
      if (!start || *start > end) continue;
      if (s.result_date && *s.result_date <= end) continue;
      open[month - 1] += 1;
    }
  }
  return open;
}

void write_annual_statistics(XmlWriter& x, const model::Records& records, const std::string& committee,
                             const std::vector<core::Diagnostic>& findings, bool city_wide) {
  const model::Committee* self = records.find_committee(committee);
  const int year = self != nullptr && self->year != 0 ? self->year : records.effective_year();
  std::set<std::string> scope{committee};
  std::vector<const model::Committee*> grid_rows;
  if (city_wide) {
    for (const auto& c : records.committees) {
      scope.insert(c.id);
      grid_rows.push_back(&c);
    }
  } else if (self != nullptr) {
    grid_rows.push_back(self);
  }
  x.open("annual").attr("year", year).flag("city-wide", city_wide);
  const core::DateNumerals numerals =
      year > 0 ? core::expected_numerals(core::Date{year, 12, 31}) : core::DateNumerals::kArabic;
  // The report covers the calendar year, so it is dated on its last day (a clerk may re-date the
  // document model before issuing it). rules.md GW-2 decides the numerals.
  if (year > 0) {
    const core::Date end{year, 12, 31};
    x.attr("report-date", core::format_date(end))
        .attr("report-date-cn", core::expected_numerals(end) == core::DateNumerals::kChinese
                                    ? core::format_date_chinese_numerals(end)
                                    : core::format_date_chinese(end));
  }
  for (const auto& reg : regulations()) {
    int errors = 0, warnings = 0, infos = 0;
    for (const auto& d : findings)
      if (scope.count(d.committee) && rule_of(d.rule, reg.code)) {
        errors += d.severity == core::Severity::kError;
        warnings += d.severity == core::Severity::kWarning;
        infos += d.severity == core::Severity::kInfo || d.severity == core::Severity::kNote;
      }
    const char* status = errors ? "error" : warnings ? "warning" : "ok";
    x.open("regulation").attr("code", reg.code).attr("name", reg.name).attr("status", status);
    x.attr("errors", errors).attr("warnings", warnings).attr("infos", infos);
    x.element("required", reg.required);
    x.element("done", done_text(reg.code, records, scope));
    for (const auto& d : findings) {
      if (!scope.count(d.committee) || !rule_of(d.rule, reg.code)) continue;
      if (d.severity != core::Severity::kError && d.severity != core::Severity::kWarning) continue;
      x.open("finding").attr("rule", d.rule).attr("clause", d.clause).attr("severity", core::severity_name(d.severity));
      x.attr("record", d.record_id).attr("committee", d.committee);
      if (const auto* c = records.find_committee(d.committee)) x.attr("committee-name", c->short_name.empty() ? c->name : c->short_name);
      x.attr("at", d.location.file.empty() ? std::string() : d.location.file + ":" + std::to_string(d.location.line));
      // The report is in Chinese: the optional English part after " / " is left out.
      const auto slash = d.message.find(" / ");
      x.element("message", slash == std::string::npos ? d.message : d.message.substr(0, slash));
      // The same as a 公文 says it: records by title, people by name, dates as the report
      // writes them (plain_finding.h).
      x.element("text", plain_finding_text(d, records, numerals));
      x.close();
    }
    write_open_matters(x, records, findings, scope, reg.code, numerals);
    x.close();
  }
  // Chart data, already in the shape of the 公文 <chart> element (values as a space list).
  auto values_text = [](const std::vector<double>& row) {
    std::string v;
    for (double d : row) v += (v.empty() ? "" : " ") + num(static_cast<long long>(d));
    return v;
  };
  {
    x.open("chart-data").attr("name", "compliance").attr("kind", "grid");
    // Short column labels (调查研究, not 调查研究制度): seven columns share 156 mm with the row labels.
    for (const auto& reg : regulations()) {
      std::string label = reg.name;
      static const std::string kSuffix = "制度";
      if (label.size() > kSuffix.size() && label.ends_with(kSuffix)) label.resize(label.size() - kSuffix.size());
      x.element("column", label);
    }
    for (const auto* c : grid_rows) {
      std::vector<double> row;
      for (const auto& reg : regulations()) row.push_back(regulation_status(findings, c->id, reg.code));
      x.open("row").attr("label", c->short_name.empty() ? c->name : c->short_name).attr("values", values_text(row));
      x.close();
    }
    x.close();
  }
  {
    x.open("chart-data").attr("name", "meetings").attr("kind", "calendar");
    for (int d = 1; d <= 31; ++d) x.element("column", num(d));
    const auto cal = meeting_calendar(records, committee, year);
    for (int m = 0; m < 12; ++m) {
      x.open("row").attr("label", num(m + 1) + "月").attr("values", values_text(cal[m]));
      x.close();
    }
    x.close();
  }
  {
    x.open("chart-data").attr("name", "supervision").attr("kind", "line");
    for (int m = 1; m <= 12; ++m) x.element("column", num(m) + "月");
    std::vector<double> open(12, 0.0);
    for (const auto& c : scope) {
      const auto v = open_supervision_by_month(records, c, year);
      for (int m = 0; m < 12; ++m) open[m] += v[m];
    }
    x.open("row").attr("label", "未办结督办事项").attr("values", values_text(open));
    x.close();
    x.close();
  }
  x.close();
}

}  // namespace wenshu::compose

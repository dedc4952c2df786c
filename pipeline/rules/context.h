// Shared state and helpers of one rule run over one year's records (internal to the rules
// stage): the as-of date and pending matters, the records of each committee, the people a
// committee's yearly duties apply to.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "core/date.h"
#include "core/diagnostic.h"
#include "model/profile.h"
#include "model/records.h"
#include "rules/check.h"

namespace wenshu::rules {

/// A person who was a 常委 (书记, 副书记 or 常委) of a committee during the year.
struct StandingPerson {
  const model::Member* member = nullptr;  ///< the person's latest standing member record
  int days = 0;                           ///< days as a 常委 within the year
};

/// What every regulation's checks get.
class Context {
 public:
  Context(const model::Records& records, const model::Profile& profile, const core::Date& as_of,
          core::DiagnosticSink& sink, std::vector<Statistic>& stats)
      : records(records), profile(profile), as_of(as_of), sink_(sink), stats_(stats) {}

  const model::Records& records;
  const model::Profile& profile;
  const core::Date as_of;  ///< the date the records are judged as of (CheckOptions::as_of)

  /// Reports a finding of `rule_id` with the catalogue's severity (or `severity` when given,
  /// for rules whose clause mixes 须 and 一般 parts).
  void report(std::string_view rule_id, const core::SourceLocation& where, std::string_view record_id,
              std::string_view committee, std::string message, std::optional<core::Severity> severity = {},
              std::vector<std::string> hints = {});
  /// True when `deadline` has passed as of the as-of date.
  bool due(const core::Date& deadline) const { return deadline <= as_of; }
  /// Reports `message` as a finding, unless `deadline` is after the as-of date: then it is a
  /// pending matter (a note carrying the deadline). Returns true when it was pending.
  bool report_unless_pending(std::string_view rule_id, const std::optional<core::Date>& deadline,
                             const core::SourceLocation& where, std::string_view record_id, std::string_view committee,
                             std::string message, std::optional<core::Severity> severity = {});
  /// Records a statistic.
  void stat(std::string_view rule_id, std::string_view committee, std::string label, long long count,
            long long total = -1);
  /// Reports an observation of an info rule (severity info), e.g. DY-5.
  void observe(std::string_view rule_id, const core::SourceLocation& where, std::string_view committee,
               std::string message);

  /// The year under check for `committee` (its own year, else the records' year).
  int year_of(const model::Committee& c) const;
  /// The last day of the year of `c`: the deadline of its yearly duties.
  core::Date year_end(const model::Committee& c) const { return core::Date{year_of(c), 12, 31}; }
  /// "姓名（id）" of a person, looked up in the committee (else anywhere), else the bare id.
  std::string who(std::string_view committee, std::string_view person) const;
  /// Long-long integer parameter.
  long long param(std::string_view name) const { return profile.get_int(name); }

  /// The records of kind R of `committee`, in input order (built once per kind).
  template <class R>
  const std::vector<const R*>& of(const std::string& committee) {
    auto& by = std::get<ByCommittee<R>>(by_committee_);
    if (!by.built) {
      for (const auto& r : model::all_of<R>(records)) by.map[r.committee].push_back(&r);
      by.built = true;
    }
    static const std::vector<const R*> kNone;
    auto it = by.map.find(committee);
    return it == by.map.end() ? kNone : it->second;
  }

  /// The people of `c` who were 常委 at some time of its year, each with their days in office
  /// (member terms), in input order of their first record. Those in office fewer days than
  /// members.yearly-duties.min-days are reported once (MEMBER-TERM, info) and left out of the
  /// yearly duties (DY-1a, DY-1b, DY-2, JD-1a) by `held_to_yearly_duties`.
  const std::vector<StandingPerson>& standing(const model::Committee& c);
  /// Standing people of `c` held to the yearly duties.
  std::vector<const model::Member*> held_to_yearly_duties(const model::Committee& c);

 private:
  core::Diagnostic finding(std::string_view rule_id, const core::SourceLocation& where, std::string_view record_id,
                           std::string_view committee, std::string message, std::optional<core::Severity> severity,
                           std::vector<std::string> hints = {}) const;
  template <class R>
  struct ByCommittee {
    bool built = false;
    std::map<std::string, std::vector<const R*>, std::less<>> map;
  };
  template <class... Kinds>
  static std::tuple<ByCommittee<Kinds>...> by_committee_for(model::KindList<Kinds...>);

  core::DiagnosticSink& sink_;
  std::vector<Statistic>& stats_;
  decltype(by_committee_for(model::RecordKinds{})) by_committee_;
  std::map<std::string, std::vector<StandingPerson>> standing_;
};

/// True when `d` is set and in `year`.
inline bool in_year(const std::optional<core::Date>& d, int year) { return d && d->year == year; }
/// True when `d` is set and lies in [from, to].
inline bool in_range(const std::optional<core::Date>& d, const core::Date& from, const core::Date& to) {
  return d && *d >= from && *d <= to;
}
/// "2009-05-01" or "（无日期）".
std::string show(const std::optional<core::Date>& d);

// One entry point per regulation (dy.cc, zx.cc, bg.cc, tg.cc, jd.cc + jd_travel.cc, db.cc, zz.cc),
// and the observations of the info rules (info.cc).
void check_dy(Context& ctx);
void check_zx(Context& ctx);
void check_bg(Context& ctx);
void check_tg(Context& ctx);
void check_jd(Context& ctx);
void check_jd_travel(Context& ctx);
void check_db(Context& ctx);
void check_zz(Context& ctx);
void observe_info_rules(Context& ctx);

}  // namespace wenshu::rules

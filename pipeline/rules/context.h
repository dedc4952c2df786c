// Shared state and helpers of one rule run (internal to the rules stage).
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/diagnostic.h"
#include "model/profile.h"
#include "model/records.h"
#include "rules/check.h"

namespace wenshu::rules {

/// What every regulation's checks get.
class Context {
 public:
  Context(const model::Records& records, const model::Profile& profile, core::DiagnosticSink& sink,
          std::vector<Statistic>& stats)
      : records(records), profile(profile), sink_(sink), stats_(stats) {}

  const model::Records& records;
  const model::Profile& profile;

  /// Reports a finding of `rule_id` with the catalogue's severity (or `severity` when given,
  /// for rules whose clause mixes 须 and 一般 parts).
  void report(std::string_view rule_id, const core::SourceLocation& where, std::string_view record_id,
              std::string_view committee, std::string message, std::optional<core::Severity> severity = {},
              std::vector<std::string> hints = {});
  /// Records a statistic.
  void stat(std::string_view rule_id, std::string_view committee, std::string label, long long count,
            long long total = -1);

  /// The year under check for `committee` (its own year, else the records' year).
  int year_of(const model::Committee& c) const;
  /// "姓名（id）" of a person, looked up in the committee (else anywhere), else the bare id.
  std::string who(std::string_view committee, std::string_view person) const;
  /// Long-long integer parameter.
  long long param(std::string_view name) const { return profile.get_int(name); }

 private:
  core::DiagnosticSink& sink_;
  std::vector<Statistic>& stats_;
};

/// True when `d` is set and in `year`.
inline bool in_year(const std::optional<core::Date>& d, int year) { return d && d->year == year; }
/// True when `d` is set and lies in [from, to].
inline bool in_range(const std::optional<core::Date>& d, const core::Date& from, const core::Date& to) {
  return d && *d >= from && *d <= to;
}
/// "2009-05-01" or "（无日期）".
std::string show(const std::optional<core::Date>& d);
/// Number of days of a trip/leave: stated, else end - start + 1, else 0.
int leave_days(const model::TravelLeave& t);

// One entry point per regulation (dy.cc, zx.cc, bg.cc, tg.cc, jd.cc + jd_travel.cc, db.cc, zz.cc).
void check_dy(Context& ctx);
void check_zx(Context& ctx);
void check_bg(Context& ctx);
void check_tg(Context& ctx);
void check_jd(Context& ctx);
void check_jd_travel(Context& ctx);
void check_db(Context& ctx);
void check_zz(Context& ctx);

}  // namespace wenshu::rules

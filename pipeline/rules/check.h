// Checks a year of records against the seven regulations (rules.md DY…ZZ). Findings go into a
// DiagnosticSink; info rules produce statistics for the summary instead of findings.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"

#include "core/diagnostic.h"
#include "model/profile.h"
#include "model/records.h"

namespace wenshu::rules {

/// A figure reported by an info rule (or alongside a rule): attendance, 列席 counts, adoption rate.
struct Statistic {
  std::string rule;       ///< TG-6, DY-6 …
  std::string committee;  ///< committee id
  int year = 0;           ///< the year of the records
  std::string label;      ///< Chinese, e.g. 调研建议采纳率
  long long count = 0;    ///< numerator (or the count)
  long long total = -1;   ///< denominator; -1 when the figure is a plain count
};

/// How to check.
struct CheckOptions {
  /// The date the records are judged as of. A matter whose deadline is later (a December
  /// decision due in March, a month not yet over) is pending: a note with its deadline
  /// (Diagnostic::due), not a violation. None: the latest date the records state
  /// (model::latest_date), else 31 December of their year.
  std::optional<core::Date> as_of;
};

/// The as-of date `options` give for `records` (see CheckOptions::as_of).
core::Date as_of_date(const model::Records& records, const CheckOptions& options);

/// Runs every DY/ZX/BG/TG/JD/DB/ZZ rule on one year's `records` (index built or not) with the
/// parameters of `profile`. Appends findings to `sink` (each with the records' year) and figures
/// to `stats` (sorted by committee, rule).
void check_records(const model::Records& records, const model::Profile& profile, const CheckOptions& options,
                   core::DiagnosticSink& sink, std::vector<Statistic>& stats);
/// The same, judged as of the latest date the records state.
void check_records(const model::Records& records, const model::Profile& profile, core::DiagnosticSink& sink,
                   std::vector<Statistic>& stats);

/// "3/5（60%）" or "3" for a statistic (integer arithmetic, round half up).
std::string format_statistic(const Statistic& s);

}  // namespace wenshu::rules

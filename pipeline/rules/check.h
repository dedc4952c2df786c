// Checks a year of records against the seven regulations (rules.md DY…ZZ). Findings go into a
// DiagnosticSink; info rules produce statistics for the summary instead of findings.
#pragma once
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "model/profile.h"
#include "model/records.h"

namespace wenshu::rules {

/// A figure reported by an info rule (or alongside a rule): attendance, 列席 counts, adoption rate.
struct Statistic {
  std::string rule;       ///< TG-6, DY-6 …
  std::string committee;  ///< committee id
  std::string label;      ///< Chinese, e.g. 调研建议采纳率
  long long count = 0;    ///< numerator (or the count)
  long long total = -1;   ///< denominator; -1 when the figure is a plain count
};

/// Runs every DY/ZX/BG/TG/JD/DB/ZZ rule on `records` (index built or not) with the parameters of
/// `profile`. Appends findings to `sink` and figures to `stats` (sorted by committee, rule).
void check_records(const model::Records& records, const model::Profile& profile, core::DiagnosticSink& sink,
                   std::vector<Statistic>& stats);

/// "3/5（60%）" or "3" for a statistic (integer arithmetic, round half up).
std::string format_statistic(const Statistic& s);

}  // namespace wenshu::rules

// The figures of the annual 制度执行情况报告 (per committee and city-wide): per regulation what
// was required, what the records show was done, and the validator's findings (rules.md ids and
// clauses), plus the data of its three charts — the committees × regulations compliance grid,
// the month-by-month calendar of 例会 and 碰头会 (TG-2, TG-3), and the open 督办 items per
// month (DB-2). Written into the compose input as <annual>; the template only formats it.
#pragma once
#include <string>
#include <vector>

#include "compose/xml_writer.h"
#include "core/diagnostic.h"
#include "model/records.h"

namespace wenshu::compose {

/// The seven regulations of 市委发〔2009〕32号 in the notice's order: code and name.
struct Regulation {
  const char* code;
  const char* name;
  const char* required;  ///< what it requires, one line (rules.md)
};
/// DY ZX BG TG JD DB ZZ.
const std::vector<Regulation>& regulations();

/// Compliance status of one committee for one regulation, from its findings:
/// 1 no error or warning, 2 warnings only, 3 at least one error (model::Chart grid values).
int regulation_status(const std::vector<core::Diagnostic>& findings, const std::string& committee,
                      const std::string& code);

/// Per month (index 0 = January) and day (0-based): 0 none, 1 例会, 2 碰头会, 3 both.
std::vector<std::vector<double>> meeting_calendar(const model::Records& records, const std::string& committee, int year);

/// Open 督办 items at the end of each month of `year` (12 values): started on or before the
/// month's last day and without a result by then.
std::vector<double> open_supervision_by_month(const model::Records& records, const std::string& committee, int year);

/// Writes <annual> for `committee` (all committees in the grid when `city_wide`).
void write_annual_statistics(XmlWriter& x, const model::Records& records, const std::string& committee,
                             const std::vector<core::Diagnostic>& findings, bool city_wide);

}  // namespace wenshu::compose

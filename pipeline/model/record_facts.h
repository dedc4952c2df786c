// Facts the records determine themselves, computed once for the rules and the templates: the
// latest date a year's records state (the default date they are judged as of), the length of a
// trip or leave from its dates, the quarter of a report from its date. Where a record also
// states such a value, the computed one is used and a rule warns when they differ.
#pragma once
#include <optional>

#include "core/date.h"
#include "model/records.h"

namespace wenshu::model {

/// The latest date on which something the records tell of happened (every date and moment of
/// every kind, parts included, but deadlines and terms of office), or nullopt when none.
std::optional<core::Date> latest_date(const Records& records);

/// The length of a trip or leave.
struct LeaveLength {
  int days = 0;             ///< end − start + 1 from the dates; else the stated `days`; else 0
  bool from_dates = false;  ///< computed from valid dates (start ≤ end)
  bool disagrees = false;   ///< a stated `days` differs from the dates
};
LeaveLength leave_length(const TravelLeave& t);

/// The quarter a party-group report counts for: its date's, else the stated one (0: unknown).
int report_quarter(const PartyGroupReport& r);

}  // namespace wenshu::model

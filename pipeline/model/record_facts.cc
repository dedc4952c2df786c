// Computed facts of the records (see record_facts.h); the latest date walks every record with
// the kinds' descriptors, so a date field added to a kind is seen without a change here.
#include "model/record_facts.h"

#include <algorithm>
#include <string_view>

namespace wenshu::model {
namespace {

/// Keeps the latest of every date and moment a record (and its parts) states.
class LatestDate : public model::SkipFields {
 public:
  explicit LatestDate(std::optional<core::Date>& latest) : latest_(latest) {}
  /// Deadlines and terms of office lie ahead by nature: they say nothing of how far the records
  /// go, so they are left out.
  template <class... Args>
  void date(const char* name, const std::optional<core::Date>& d, Args&&...) {
    const std::string_view n(name);
    if (n == "deadline" || n.starts_with("term-")) return;
    if (d && (!latest_ || *latest_ < *d)) latest_ = d;
  }
  template <class... Args>
  void datetime(const char*, const std::optional<core::DateTime>& t, Args&&...) {
    if (t && (!latest_ || *latest_ < t->date)) latest_ = t->date;
  }
  template <class C, class... Args>
  void children(const char*, const std::vector<C>& v, Args&&...) {
    for (const auto& part : v) describe(*this, part);
  }
  template <class C, class... Args>
  void child(const char*, const std::optional<C>& v, Args&&...) {
    if (v) describe(*this, *v);
  }

 private:
  std::optional<core::Date>& latest_;
};

}  // namespace

std::optional<core::Date> latest_date(const Records& records) {
  std::optional<core::Date> latest;
  LatestDate v(latest);
  for_each_kind([&]<class R>(std::type_identity<R>) {
    for (const auto& r : all_of<R>(records)) describe(v, r);
  });
  return latest;
}

LeaveLength leave_length(const TravelLeave& t) {
  LeaveLength out;
  if (t.start && t.end && !(*t.end < *t.start)) {
    out.days = static_cast<int>(core::days_between(*t.start, *t.end)) + 1;
    out.from_dates = true;
    out.disagrees = t.days > 0 && t.days != out.days;
    return out;
  }
  out.days = std::max(t.days, 0);
  return out;
}

int report_quarter(const PartyGroupReport& r) { return r.date ? core::quarter_of(*r.date) : r.quarter; }

}  // namespace wenshu::model

// The Records aggregate (a year of records of one or more committees, merged from any number of
// files) with lookup by id, and the Chinese terms of the enums. Part of the contract in
// model/records.h (include that header, not this one).
#pragma once
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

#include "model/records_supervision.h"

namespace wenshu::model {

/// Id → position in one vector of records. Falls back to a linear scan when the vector has
/// changed size since the index was built, so a stale index is slow, never wrong.
template <class T>
class IdIndex {
 public:
  /// Rebuilds from `v`; when ids repeat, the first one wins (the reader reports duplicates).
  void build(const std::vector<T>& v) {
    map_.clear();
    for (std::size_t i = 0; i < v.size(); ++i) map_.emplace(v[i].id, i);
    size_ = v.size();
  }
  /// The record with `id`, or nullptr.
  const T* find(const std::vector<T>& v, std::string_view id) const {
    if (size_ == v.size() && !map_.empty()) {
      auto it = map_.find(std::string(id));
      return it == map_.end() ? nullptr : &v[it->second];
    }
    for (const auto& r : v)
      if (r.id == id) return &r;
    return nullptr;
  }

 private:
  std::unordered_map<std::string, std::size_t> map_;
  std::size_t size_ = 0;
};

/// A list of record kinds (model/record_kinds.h describes each).
template <class... Kinds>
struct KindList {};
/// Every record kind, in the order of the schema's root choice and of the templates' input.
using RecordKinds =
    KindList<Committee, Member, ResearchTopic, ResearchReport, FieldStay, AgendaItem, Decision, Consultation, Directive,
             TopicalReport, Emergency, PartyGroupReport, WorkPointReport, Meeting, Resolution, KeyWorkItem, Notification,
             DutyReport, Evaluation, Inspection, Admonition, Inquiry, TripAbroad, TravelLeave, TravelSummary,
             SupervisionItem, AccountabilityCase>;

/// A year of records. Vectors keep the order of the input (files sorted by path, then document
/// order); call build_index() after filling to make the find_* lookups fast.
struct Records {
  int year = 0;  ///< the year under check (0 = from the committees)
  std::vector<Committee> committees;
  std::vector<Member> members;
  std::vector<ResearchTopic> research_topics;
  std::vector<ResearchReport> research_reports;
  std::vector<FieldStay> field_stays;
  std::vector<AgendaItem> agenda_items;
  std::vector<Decision> decisions;
  std::vector<Consultation> consultations;
  std::vector<Directive> directives;
  std::vector<TopicalReport> topical_reports;
  std::vector<Emergency> emergencies;
  std::vector<PartyGroupReport> party_group_reports;
  std::vector<WorkPointReport> work_point_reports;
  std::vector<Meeting> meetings;
  std::vector<Resolution> resolutions;
  std::vector<KeyWorkItem> key_work_items;
  std::vector<Notification> notifications;
  std::vector<DutyReport> duty_reports;
  std::vector<Evaluation> evaluations;
  std::vector<Inspection> inspections;
  std::vector<Admonition> admonitions;
  std::vector<Inquiry> inquiries;
  std::vector<TripAbroad> trips_abroad;
  std::vector<TravelLeave> travel_leaves;
  std::vector<TravelSummary> travel_summaries;
  std::vector<SupervisionItem> supervision_items;
  std::vector<AccountabilityCase> accountability_cases;

  /// Rebuilds the id index of every kind that has one (model/record_kinds.h; call after the
  /// vectors are filled).
  void build_index();

  /// The record of kind R with `id`, or nullptr (R: any record kind; model/record_kinds.h).
  template <class R>
  const R* find(std::string_view id) const;

  const Committee* find_committee(std::string_view id) const { return find<Committee>(id); }
  const Member* find_member(std::string_view id) const { return find<Member>(id); }
  const ResearchTopic* find_research_topic(std::string_view id) const { return find<ResearchTopic>(id); }
  const ResearchReport* find_research_report(std::string_view id) const { return find<ResearchReport>(id); }
  const FieldStay* find_field_stay(std::string_view id) const { return find<FieldStay>(id); }
  const AgendaItem* find_agenda_item(std::string_view id) const { return find<AgendaItem>(id); }
  const Decision* find_decision(std::string_view id) const { return find<Decision>(id); }
  const Consultation* find_consultation(std::string_view id) const { return find<Consultation>(id); }
  const Directive* find_directive(std::string_view id) const { return find<Directive>(id); }
  const Meeting* find_meeting(std::string_view id) const { return find<Meeting>(id); }
  const Evaluation* find_evaluation(std::string_view id) const { return find<Evaluation>(id); }
  const Inquiry* find_inquiry(std::string_view id) const { return find<Inquiry>(id); }
  const TravelLeave* find_travel_leave(std::string_view id) const { return find<TravelLeave>(id); }

  /// The member record of `person` in `committee`, or nullptr.
  const Member* member_by_person(std::string_view committee, std::string_view person) const;
  /// Any member record of `person` (first in input order), or nullptr.
  const Member* any_member_by_person(std::string_view person) const;
  /// The principal leader (主要负责同志) of `committee`, or nullptr.
  const Member* principal_of(std::string_view committee) const;
  /// The principal leader of `committee` in office on `day` (else principal_of()), or nullptr.
  const Member* principal_on(std::string_view committee, const core::Date& day) const;
  /// The member record of `person` in `committee` in office on `day` (else member_by_person()).
  const Member* member_on(std::string_view committee, std::string_view person, const core::Date& day) const;
  /// Members of `committee`, in input order.
  std::vector<const Member*> members_of(std::string_view committee) const;
  /// The year under check: `year` if set, else the first committee's year, else 0.
  int effective_year() const;

 private:
  template <class... Kinds>
  static std::tuple<IdIndex<Kinds>...> indexes_for(KindList<Kinds...>);
  decltype(indexes_for(RecordKinds{})) indexes_;
};

// ---------------------------------------------------------------------------------------------
// Chinese terms of the enums (the XML vocabulary)
// ---------------------------------------------------------------------------------------------

/// One enum value and its Chinese term. A value may have several accepted spellings (the
/// first listed for a value is the one written out).
template <class E>
struct Term {
  E value;
  const char* text;
};

/// The term table of enum E (specialised for every enum of the records).
template <class E>
std::span<const Term<E>> terms();

#define WENSHU_MODEL_TERMS(E) \
  template <>                 \
  std::span<const Term<E>> terms<E>();
WENSHU_MODEL_TERMS(CommitteeLevel)
WENSHU_MODEL_TERMS(MemberRole)
WENSHU_MODEL_TERMS(Gender)
WENSHU_MODEL_TERMS(Adoption)
WENSHU_MODEL_TERMS(UnitKind)
WENSHU_MODEL_TERMS(DecisionCategory)
WENSHU_MODEL_TERMS(ConsultForm)
WENSHU_MODEL_TERMS(ConsultConclusion)
WENSHU_MODEL_TERMS(ParticipantKind)
WENSHU_MODEL_TERMS(PartyGroup)
WENSHU_MODEL_TERMS(WorkPointReportKind)
WENSHU_MODEL_TERMS(MeetingKind)
WENSHU_MODEL_TERMS(ObserverOrg)
WENSHU_MODEL_TERMS(PublicationChannel)
WENSHU_MODEL_TERMS(PassingBody)
WENSHU_MODEL_TERMS(Audience)
WENSHU_MODEL_TERMS(EvaluationMethod)
WENSHU_MODEL_TERMS(InspectionFinding)
WENSHU_MODEL_TERMS(HandedTo)
WENSHU_MODEL_TERMS(SupervisoryBody)
WENSHU_MODEL_TERMS(AdmonitionFollowUp)
WENSHU_MODEL_TERMS(TripPurpose)
WENSHU_MODEL_TERMS(ApproverRole)
WENSHU_MODEL_TERMS(TravelKind)
WENSHU_MODEL_TERMS(SupervisionSource)
WENSHU_MODEL_TERMS(SupervisionMethod)
WENSHU_MODEL_TERMS(AccountabilityTarget)
WENSHU_MODEL_TERMS(FaultOf)
WENSHU_MODEL_TERMS(ResponsibilityLevel)
WENSHU_MODEL_TERMS(LeaderPosition)
WENSHU_MODEL_TERMS(Leniency)
#undef WENSHU_MODEL_TERMS

/// The Chinese term of `value` ("" if the table lacks it, which is a bug).
template <class E>
const char* term(E value) {
  for (const auto& t : terms<E>())
    if (t.value == value) return t.text;
  return "";
}

/// The enum value written as `text` (exact match on any accepted spelling), or nullopt.
template <class E>
std::optional<E> parse_term(std::string_view text) {
  for (const auto& t : terms<E>())
    if (text == t.text) return t.value;
  return std::nullopt;
}

}  // namespace wenshu::model

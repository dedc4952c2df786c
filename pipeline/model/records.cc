// Records lookups and the Chinese term tables of the record enums (the XML vocabulary, taken
// from the words of 市委发〔2009〕32号 itself).
#include "model/records.h"

namespace wenshu::model {

void Records::build_index() {
  for_each_kind([&]<class R>(std::type_identity<R>) {
    if constexpr (Kind<R>::indexed) std::get<IdIndex<R>>(indexes_).build(all_of<R>(*this));
  });
}

std::string_view kind_label(std::string_view element) {
  std::string_view out;
  for_each_kind([&]<class R>(std::type_identity<R>) {
    if (Kind<R>::element == element) out = Kind<R>::label;
  });
  return out;
}

const Member* Records::member_by_person(std::string_view committee, std::string_view person) const {
  for (const auto& m : members)
    if (m.committee == committee && m.person == person) return &m;
  return nullptr;
}

const Member* Records::any_member_by_person(std::string_view person) const {
  for (const auto& m : members)
    if (m.person == person) return &m;
  return nullptr;
}

const Member* Records::principal_of(std::string_view committee) const {
  for (const auto& m : members)
    if (m.committee == committee && m.principal) return &m;
  return nullptr;
}

const Member* Records::principal_on(std::string_view committee, const core::Date& day) const {
  for (const auto& m : members)
    if (m.committee == committee && m.principal && m.in_office(day)) return &m;
  return principal_of(committee);
}

const Member* Records::member_on(std::string_view committee, std::string_view person, const core::Date& day) const {
  for (const auto& m : members)
    if (m.committee == committee && m.person == person && m.in_office(day)) return &m;
  return member_by_person(committee, person);
}

std::vector<const Member*> Records::members_of(std::string_view committee) const {
  std::vector<const Member*> out;
  for (const auto& m : members)
    if (m.committee == committee) out.push_back(&m);
  return out;
}

int Records::effective_year() const {
  if (year != 0) return year;
  for (const auto& c : committees)
    if (c.year != 0) return c.year;
  return 0;
}

#define WENSHU_TERMS(E, ...)                                      \
  template <>                                                     \
  std::span<const Term<E>> terms<E>() {                           \
    using enum E;                                                 \
    static constexpr Term<E> kTable[] = {__VA_ARGS__};            \
    return kTable;                                                \
  }

WENSHU_TERMS(CommitteeLevel, {kCity, "市委"}, {kCounty, "县区委"}, {kCounty, "县委"}, {kCounty, "区委"})
WENSHU_TERMS(MemberRole, {kSecretary, "书记"}, {kDeputySecretary, "副书记"}, {kStanding, "常委"},
             {kMember, "委员"})
WENSHU_TERMS(Gender, {kMale, "男"}, {kFemale, "女"})
WENSHU_TERMS(Adoption, {kAdopted, "采纳"}, {kPartly, "部分采纳"}, {kRejected, "未采纳"}, {kPending, "待定"})
WENSHU_TERMS(UnitKind, {kTownship, "乡(镇)"}, {kTownship, "乡（镇）"}, {kTownship, "乡"}, {kTownship, "镇"},
             {kVillage, "村"}, {kEnterprise, "企业"}, {kCommunity, "社区"}, {kMajorProject, "重大项目"},
             {kOther, "其他"})
WENSHU_TERMS(DecisionCategory, {kImplementSuperior, "贯彻上级决策的措施"}, {kEconomy, "经济"}, {kPolitics, "政治"},
             {kCulture, "文化"}, {kSociety, "社会"}, {kPartyBuilding, "党的建设"}, {kLongTermPlan, "中长期规划"},
             {kMajorStrategy, "重大战略"}, {kMajorProject, "重大项目"}, {kMajorDecision, "重大决策"},
             {kOrdinary, "一般事项"})
WENSHU_TERMS(ConsultForm, {kExpertPanel, "专家咨询论证会"}, {kPublicNotice, "公示"}, {kHearing, "听证"},
             {kOther, "其他"})
WENSHU_TERMS(ConsultConclusion, {kAffirm, "肯定"}, {kNegate, "否定"}, {kRevise, "修改完善"})
WENSHU_TERMS(ParticipantKind, {kLeader, "领导"}, {kDepartment, "部门"}, {kStaff, "工作人员"}, {kExpert, "专家"})
WENSHU_TERMS(PartyGroup, {kCongress, "人大党组"}, {kGovernment, "政府党组"}, {kConsultative, "政协党组"})
WENSHU_TERMS(WorkPointReportKind, {kMidYear, "年中"}, {kYearEnd, "年末"})
WENSHU_TERMS(MeetingKind, {kPlenary, "全委会"}, {kRegular, "常委会例会"}, {kBriefing, "常委碰头会"},
             {kStanding, "常委会"}, {kDemocraticLife, "民主生活会"})
WENSHU_TERMS(ObserverOrg, {kCongress, "人大"}, {kGovernment, "政府"}, {kConsultative, "政协"},
             {kDiscipline, "纪委"}, {kOther, "其他"})
WENSHU_TERMS(PublicationChannel, {kInternal, "党内通报"}, {kMedia, "新闻媒体"})
WENSHU_TERMS(PassingBody, {kPlenary, "全委会"}, {kStanding, "常委会"})
WENSHU_TERMS(Audience, {kDemocraticParties, "民主党派"}, {kCommerce, "工商联"}, {kNonParty, "无党派人士"},
             {kPeoplesGroups, "人民团体"}, {kRetiredCadres, "离退休老干部"}, {kOther, "有关方面"})
WENSHU_TERMS(EvaluationMethod, {kReview, "民主评议"}, {kPoll, "民主测评"})
WENSHU_TERMS(InspectionFinding, {kNone, "未发现问题"}, {kSeriousProblems, "存在突出问题"},
             {kViolations, "违纪违法"})
WENSHU_TERMS(HandedTo, {kNone, "无"}, {kDiscipline, "纪检机关"}, {kJudicial, "司法机关"})
WENSHU_TERMS(SupervisoryBody, {kDiscipline, "纪检机关"}, {kOrganisation, "组织部门"})
WENSHU_TERMS(AdmonitionFollowUp, {kNone, "无"}, {kCriticism, "批评教育"}, {kOrganisational, "组织处理"})
WENSHU_TERMS(TripPurpose, {kOfficial, "因公"}, {kPrivate, "因私"})
WENSHU_TERMS(ApproverRole, {kCountyPrincipal, "县区委主要负责同志"}, {kCityPrincipal, "市委主要负责同志"},
             {kCityInCharge, "市委分管领导"}, {kOther, "其他"})
WENSHU_TERMS(TravelKind, {kOfficialTrip, "因公外出"}, {kPrivateLeave, "因私请假"})
WENSHU_TERMS(SupervisionSource, {kDecision, "常委会决定"}, {kInstruction, "领导批示"}, {kOther, "其他"})
WENSHU_TERMS(SupervisionMethod, {kOnSite, "现场检查"}, {kHearReports, "听取汇报"}, {kIncognito, "明察暗访"},
             {kDocuments, "文电督办"})
WENSHU_TERMS(AccountabilityTarget, {kTeam, "领导班子"}, {kPerson, "领导干部"})
WENSHU_TERMS(FaultOf, {kUnknown, "未认定"}, {kPrincipal, "主要领导"}, {kInCharge, "分管领导"})
WENSHU_TERMS(ResponsibilityLevel, {kMain, "主要责任"}, {kSecondary, "次要责任"})
WENSHU_TERMS(LeaderPosition, {kPrincipal, "主要领导"}, {kInCharge, "分管领导"}, {kOther, "其他"})
WENSHU_TERMS(Leniency, {kNone, "无"}, {kLighter, "从轻"}, {kMitigated, "减轻"}, {kExempt, "免予追究"})

#undef WENSHU_TERMS

}  // namespace wenshu::model

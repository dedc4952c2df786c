// Records of the 监督制度 (JD), 督查督办制度 (DB) and 责任追究制度 (ZZ). Part of the contract
// in model/records.h (include that header, not this one).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/diagnostic.h"

namespace wenshu::model {

// ---------------------------------------------------------------------------------------------
// 监督制度 (JD)
// ---------------------------------------------------------------------------------------------

/// A 述职述廉 of a member of the leadership team, or of the team as a whole (JD-1a).
struct DutyReport {
  std::string id;
  core::SourceLocation location;
  std::string committee;
  std::string person;                        ///< person id; empty = the team as a whole
  int year = 0;
  std::optional<core::Date> date;
};

/// 民主评议 or 民主测评 (JD-1a).
enum class EvaluationMethod { kReview /* 民主评议 */, kPoll /* 民主测评 */ };

/// Vote counts for one person (or the team) in a 民主测评. Two scales are in use: 称职/基本称职/
/// 不称职 and 好/较好/一般/较差; counts of the other scale stay 0.
struct VoteCount {
  std::string person;                        ///< person id; empty = the team
  int valid = 0;                             ///< 有效票
  int competent = 0;                         ///< 称职
  int basically_competent = 0;               ///< 基本称职
  int incompetent = 0;                       ///< 不称职
  int good = 0;                              ///< 好
  int fairly_good = 0;                       ///< 较好
  int average = 0;                           ///< 一般
  int poor = 0;                              ///< 较差
  bool issues_concentrated = false;          ///< 民主评议中反映问题突出、意见比较集中
  core::SourceLocation location;
};

/// A 民主评议/民主测评 session with its vote counts (JD-1a, JD-1b).
struct Evaluation {
  std::string id;
  core::SourceLocation location;
  std::string committee;
  EvaluationMethod method = EvaluationMethod::kPoll;
  int year = 0;
  std::optional<core::Date> date;
  std::vector<VoteCount> votes;
};

/// Finding of a 督察 follow-up (JD-1b).
enum class InspectionFinding {
  kNone,             // 未发现问题
  kSeriousProblems,  // 存在突出问题
  kViolations,       // 违纪违法
};

/// Body to which a case is handed.
enum class HandedTo { kNone /* 无 */, kDiscipline /* 纪检机关 */, kJudicial /* 司法机关 */ };

/// A 督察 follow-up after a poor 民主测评 result (JD-1b).
struct Inspection {
  std::string id;
  core::SourceLocation location;
  std::string committee;
  std::string evaluation;                    ///< Evaluation id
  std::string person;                        ///< person id inspected
  std::optional<core::Date> date;
  InspectionFinding finding = InspectionFinding::kNone;
  bool proposal_to_city = false;             ///< 向市委提出组织处理建议
  std::optional<core::Date> proposal_date;
  HandedTo handed_to = HandedTo::kNone;
};

/// A supervising body (JD-2, JD-3).
enum class SupervisoryBody { kDiscipline /* 纪检机关 */, kOrganisation /* 组织部门 */ };

/// Later measure after an uncorrected 诫勉谈话 (JD-2).
enum class AdmonitionFollowUp { kNone /* 无 */, kCriticism /* 批评教育 */, kOrganisational /* 组织处理 */ };

/// A 诫勉谈话 (JD-2).
struct Admonition {
  std::string id;
  core::SourceLocation location;
  std::string committee;
  std::string person;
  std::vector<SupervisoryBody> conducted_by;
  std::optional<core::Date> date;
  std::string problem;
  std::optional<bool> corrected;             ///< 改正; unknown when absent
  AdmonitionFollowUp follow_up = AdmonitionFollowUp::kNone;
  std::optional<core::Date> follow_up_date;
};

/// A 函询 letter (JD-3).
struct Inquiry {
  std::string id;
  core::SourceLocation location;
  std::string committee;
  std::string person;                        ///< person id of the addressee
  SupervisoryBody issuer = SupervisoryBody::kDiscipline;
  std::optional<core::Date> date;
  std::optional<core::Date> deadline;
  bool about_team = false;                   ///< 反映的问题属于领导班子集体行为
  bool to_principal = false;                 ///< addressed to the team's 主要负责人
  std::optional<core::Date> reply_date;
  std::optional<bool> reply_clear;           ///< 讲清楚
  std::string follow_up_inquiry;             ///< Inquiry id of a second 函询
  std::string other_inquiry;                 ///< 其他方式进行了解 (description; non-empty = done)
  bool organisational_handling = false;      ///< 组织处理 after no reply
};

/// Purpose of a trip: 因公 or 因私.
enum class TripPurpose { kOfficial /* 因公 */, kPrivate /* 因私 */ };

/// A trip abroad, 出国(境) (JD-4.1).
struct TripAbroad {
  std::string id;
  core::SourceLocation location;
  std::string committee;
  std::string person;
  TripPurpose purpose = TripPurpose::kOfficial;
  std::string destination;
  std::optional<core::Date> start;
  std::optional<core::Date> end;
  std::string consent_by;                    ///< person id who consented (主要负责同志)
  std::optional<core::Date> consent_date;
  std::optional<core::Date> review_date;     ///< 政审
  std::optional<core::Date> passport_date;   ///< 出国(境)手续
};

/// Role of an approver of a leave (JD-4.2).
enum class ApproverRole {
  kCountyPrincipal,  // 县区委主要负责同志
  kCityPrincipal,    // 市委主要负责同志
  kCityInCharge,     // 市委分管领导
  kOther,            // 其他
};

/// One approval step of a leave (JD-4.2, JD-4.3).
struct Approval {
  std::string approver;                      ///< person id
  ApproverRole role = ApproverRole::kOther;
  std::optional<core::Date> date;
  std::string comment;                       ///< 审批者签注意见
};

/// 因公外出 or 因私请假 (JD-4.2).
enum class TravelKind { kOfficialTrip /* 因公外出 */, kPrivateLeave /* 因私请假 */ };

/// A trip or a leave of a member (JD-4.2, JD-4.3).
struct TravelLeave {
  std::string id;
  core::SourceLocation location;
  std::string committee;
  std::string person;
  TravelKind kind = TravelKind::kOfficialTrip;
  std::optional<core::Date> start;
  std::optional<core::Date> end;
  int days = 0;                              ///< as stated; 0 = end - start + 1
  std::optional<core::Date> reported;        ///< date reported to the 主要负责同志
  std::string destination;
  std::string reason;
  std::vector<Approval> approvals;
  std::optional<core::Date> filed;           ///< 报市委组织部备案
  bool unified_form = false;                 ///< 统一格式的报告单或请假条
};

/// A county committee's half-year summary of its members' trips and leave (JD-4.3).
struct TravelSummary {
  std::string id;
  core::SourceLocation location;
  std::string committee;
  int year = 0;
  int half = 0;                              ///< 1 or 2
  std::optional<core::Date> date;
  bool sent_to_org_dept = false;             ///< 向市委组织部汇总报告
  std::vector<std::string> trips;            ///< TravelLeave ids listed
  int trip_count = -1;                       ///< 因公外出 count stated; -1 = not stated
  int leave_count = -1;                      ///< 因私请假 count stated; -1 = not stated
};

// ---------------------------------------------------------------------------------------------
// 督查督办制度 (DB)
// ---------------------------------------------------------------------------------------------

/// Where a supervised matter comes from.
enum class SupervisionSource { kDecision /* 常委会决定 */, kInstruction /* 领导批示 */, kOther /* 其他 */ };

/// Method of a supervision activity (DB-3).
enum class SupervisionMethod {
  kOnSite,       // 现场检查
  kHearReports,  // 听取汇报
  kIncognito,    // 明察暗访
  kDocuments,    // 文电督办
};

/// One supervision activity (DB-3, DB-5).
struct SupervisionActivity {
  std::string id;                            ///< may be empty
  core::SourceLocation location;
  std::optional<core::Date> date;
  std::string organiser;                     ///< empty = the item's organiser
  std::string target;                        ///< unit or matter; empty = the item's target
  std::vector<SupervisionMethod> methods;
  bool media_invited = false;
};

/// The feedback report on a supervision (DB-6): the five parts of the clause.
struct SupervisionFeedback {
  std::optional<core::Date> date;
  std::string measures;                      ///< 贯彻实施的措施
  std::string experience;                    ///< 经验和效果
  std::string reactions;                     ///< 干部群众的反映、意见和要求
  std::string obstacles;                     ///< 影响落实的主要问题
  std::string suggestions;                   ///< 进一步加强落实的建议
  core::SourceLocation location;
};

/// A 督查督办 matter (DB-2..DB-6).
struct SupervisionItem {
  std::string id;
  core::SourceLocation location;
  std::string committee;
  std::string title;
  SupervisionSource source = SupervisionSource::kDecision;
  std::string decision;                      ///< Decision id (source = 常委会决定)
  std::string instructed_by;                 ///< person id (source = 领导批示)
  std::optional<core::Date> instruction_date;
  std::string responsible;                   ///< 分管常委, person id
  std::optional<core::Date> deadline;
  std::string organiser;                     ///< 承办/督查 unit
  std::string target;                        ///< unit or matter supervised
  std::vector<SupervisionActivity> activities;
  std::string result;                        ///< 结果
  std::optional<core::Date> result_date;
  std::optional<SupervisionFeedback> feedback;
};

// ---------------------------------------------------------------------------------------------
// 责任追究制度 (ZZ)
// ---------------------------------------------------------------------------------------------

/// Target of an accountability case.
enum class AccountabilityTarget { kTeam /* 领导班子 */, kPerson /* 领导干部 */ };

/// Whose work fell short (ZZ-3).
enum class FaultOf { kUnknown /* 未认定 */, kPrincipal /* 主要领导 */, kInCharge /* 分管领导 */ };

/// Share of responsibility (ZZ-3).
enum class ResponsibilityLevel { kMain /* 主要责任 */, kSecondary /* 次要责任 */ };

/// Position of a person held responsible (ZZ-3).
enum class LeaderPosition { kPrincipal /* 主要领导 */, kInCharge /* 分管领导 */, kOther /* 其他 */ };

/// One person's assigned responsibility.
struct Responsibility {
  std::string person;
  LeaderPosition position = LeaderPosition::kOther;
  ResponsibilityLevel level = ResponsibilityLevel::kMain;
};

/// Lighter treatment (ZZ-7).
enum class Leniency { kNone /* 无 */, kLighter /* 从轻 */, kMitigated /* 减轻 */, kExempt /* 免予追究 */ };

/// A 责任追究 case (ZZ-1..ZZ-7).
struct AccountabilityCase {
  std::string id;
  core::SourceLocation location;
  std::string committee;
  AccountabilityTarget target = AccountabilityTarget::kPerson;
  std::string person;                        ///< target person id (kPerson)
  std::string team;                          ///< target committee id (kTeam)
  std::string deciding_body;                 ///< 作出决定的机关
  std::optional<bool> has_authority;         ///< 按照干部管理权限 (ZZ-1); unknown when absent
  std::optional<core::Date> date;
  std::vector<int> circumstances;            ///< 情形 codes 1..11 of clause (二)
  FaultOf fault_of = FaultOf::kUnknown;
  std::vector<Responsibility> responsibilities;
  std::vector<std::string> measures;         ///< 追究方式 as written; ZZ-4/ZZ-5 check the lists
  bool discipline_needed = false;            ///< 应当给予党纪处分和行政处分
  bool discipline_recorded = false;
  bool crime_suspected = false;              ///< 涉嫌犯罪
  bool handed_to_judicial = false;           ///< 移送司法机关
  Leniency leniency = Leniency::kNone;
  bool self_corrected = false;               ///< 主动发现并及时纠正错误
  bool no_major_loss = false;                ///< 未造成重大损失或者不良影响
};

}  // namespace wenshu::model

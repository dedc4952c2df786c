// THE CONTRACT. A year of a party committee's records, as plain data: filled by the records
// reader (ingest, schemas/records.xsd), checked by the rules (rules.md), turned into 公文 by
// compose and filed by archive. Tests build it by hand. Changes after the first write are
// ADDITIVE ONLY (new fields with defaults, new kinds, new enum values at the end).
//
// Conventions:
// - Every record has `id` (unique inside its kind), `location` (file:line:col of its element)
//   and `committee` (the id of the committee it belongs to).
// - Cross-references are id strings; the records of one year may be split over many files
//   (per committee, per month): the reader resolves them over the whole set and reports
//   dangling ones. References to people hold PERSON ids (Member::person), not member record ids,
//   because one person appears in several places (a city leader guiding a county meeting).
// - Dates are core::Date / core::DateTime; std::optional where the record may lack them (a
//   missing date is then a finding of the rules, not a reader error).
// - Closed vocabularies of the seed are enums; the comment on each value is the Chinese term
//   used in the XML (term()/parse_term() below convert). Open vocabularies are std::string.
#pragma once
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/date.h"
#include "core/diagnostic.h"

namespace wenshu::model {

// ---------------------------------------------------------------------------------------------
// Committees and members
// ---------------------------------------------------------------------------------------------

/// Level of a committee: 市委 or 县区委 (the rules differ, e.g. JD-4.2 approval tiers).
enum class CommitteeLevel { kCity /* 市委 */, kCounty /* 县区委 */ };

/// A party committee (市委 or 县区委) for one year.
struct Committee {
  std::string id;
  core::SourceLocation location;
  std::string committee;          ///< equals id (kept for uniformity)
  CommitteeLevel level = CommitteeLevel::kCounty;
  std::string parent;             ///< superior committee id (empty for the city)
  std::string name;               ///< 中共甘州区委员会
  std::string short_name;         ///< 甘州区委
  std::string agency_code;        ///< 机关代字 for 发文字号, e.g. 市委发 / 甘区委发
  int year = 0;                   ///< the year these records cover
};

/// Position of a member in the committee.
enum class MemberRole {
  kSecretary,        // 书记
  kDeputySecretary,  // 副书记
  kStanding,         // 常委
  kMember,           // 委员
};

/// 性别.
enum class Gender { kMale /* 男 */, kFemale /* 女 */ };

/// A member of a committee's leadership (领导班子成员). 书记/副书记/常委 are all 常委 for the
/// rules ("市、县区委常委"); 委员 are members of the 全委会 only.
struct Member {
  std::string id;
  core::SourceLocation location;
  std::string committee;
  std::string person;             ///< person id (reader sets it to `id` when absent)
  std::string name;               ///< 姓名
  MemberRole role = MemberRole::kStanding;
  std::string title;              ///< 职务 as written, e.g. 区委常委、组织部部长 (open)
  std::vector<std::string> portfolio;  ///< 分管 departments / areas (department names or ids)
  bool principal = false;         ///< 主要负责同志 (normally the 书记)
  std::optional<Gender> gender;
  /// The term in this post (任职起止): a person whose post changes during the year has one
  /// member record per post, with consecutive terms. None: from before the year / beyond it.
  std::optional<core::Date> term_start;
  std::optional<core::Date> term_end;
  /// True for 书记, 副书记 and 常委: the people the DY/JD rules speak of as 常委.
  bool is_standing() const { return role != MemberRole::kMember; }
  /// True when `d` lies in the term.
  bool in_office(const core::Date& d) const { return (!term_start || *term_start <= d) && (!term_end || d <= *term_end); }
};

// ---------------------------------------------------------------------------------------------
// 调查研究制度 (DY)
// ---------------------------------------------------------------------------------------------

/// A research topic (调研专题/课题). A 常委's own topic has `owner` = that person and no
/// department; a department's topic names the department and who set it (DY-4).
struct ResearchTopic {
  std::string id;
  core::SourceLocation location;
  std::string committee;
  std::string title;
  std::string owner;              ///< person id of the 常委 whose topic it is (may be empty for a department's)
  std::string department;         ///< department or system the topic is for (empty: the 常委's own)
  std::string set_by;             ///< person id of who set (确定) the topic
  int year = 0;
  std::optional<core::Date> date;
};

/// Adoption status of a recommendation (DY-6).
enum class Adoption {
  kAdopted,    // 采纳
  kPartly,     // 部分采纳
  kRejected,   // 未采纳
  kPending,    // 待定
};

/// One recommendation (对策建议) of a research report.
struct Recommendation {
  std::string text;
  std::optional<Adoption> adoption;  ///< missing by year end → DY-6
  std::optional<core::Date> adoption_date;
  core::SourceLocation location;
};

/// A research report (调研报告): 有情况、有分析、有建议 (DY-1b).
struct ResearchReport {
  std::string id;
  core::SourceLocation location;
  std::string committee;
  std::string title;
  std::string topic;              ///< ResearchTopic id (may be empty)
  std::string author;             ///< person id (the 常委 it counts for)
  std::string drafted_by;         ///< person id of who actually wrote it; empty = the author
  std::string situation;          ///< 情况
  std::string analysis;           ///< 分析
  std::string suggestions;        ///< 建议
  std::vector<Recommendation> recommendations;
  std::optional<core::Date> date;
};

/// Kind of unit for 蹲点 (DY-2): 一个乡、或一个村、或一个企业、或一个社区、或一个重大项目.
enum class UnitKind {
  kTownship,      // 乡(镇)
  kVillage,       // 村
  kEnterprise,    // 企业
  kCommunity,     // 社区
  kMajorProject,  // 重大项目
  kOther,         // 其他 (not accepted by DY-2)
};

/// A 蹲点 stay of a 常委 at one unit (DY-2).
struct FieldStay {
  std::string id;
  core::SourceLocation location;
  std::string committee;
  std::string member;             ///< person id
  std::string unit_name;
  UnitKind unit_kind = UnitKind::kOther;
  std::optional<core::Date> start;
  std::optional<core::Date> end;
  std::string findings;           ///< 发现问题、总结经验
};

/// An agenda item (议题) brought to the 常委会 by a 常委 (DY-3).
struct AgendaItem {
  std::string id;
  core::SourceLocation location;
  std::string committee;
  std::string title;
  std::string proposer;           ///< person id
  std::string meeting;            ///< Meeting id
  bool needs_research = false;    ///< 必要时要开展调查研究
  std::vector<std::string> options;   ///< 可供比较的意见和方案
  std::vector<std::string> research;  ///< ids of ResearchReport / FieldStay records behind it
};

// ---------------------------------------------------------------------------------------------
// 决策咨询制度 (ZX)
// ---------------------------------------------------------------------------------------------

/// Category of a decision (ZX-1). All but kOrdinary require a consultation.
enum class DecisionCategory {
  kImplementSuperior,  // 贯彻上级决策的措施
  kEconomy,            // 经济
  kPolitics,           // 政治
  kCulture,            // 文化
  kSociety,            // 社会
  kPartyBuilding,      // 党的建设
  kLongTermPlan,       // 中长期规划
  kMajorStrategy,      // 重大战略
  kMajorProject,       // 重大项目
  kMajorDecision,      // 重大决策
  kOrdinary,           // 一般事项
};

/// A decision (决策/决定事项) taken by the 常委会 or 全委会.
struct Decision {
  std::string id;
  core::SourceLocation location;
  std::string committee;
  std::string title;
  DecisionCategory category = DecisionCategory::kOrdinary;
  std::optional<core::Date> date;
  std::string meeting;                     ///< Meeting id
  std::vector<std::string> consultations;  ///< Consultation ids
  std::optional<core::Date> submitted;     ///< when matter + report were submitted (ZX-2.3)
  std::string responsible;                 ///< person id of the 分管常委 (DB-2)
  std::optional<core::Date> deadline;      ///< for carrying it out (DB-2)
  bool not_for_release = false;            ///< 不予公开
  std::string not_for_release_reason;
};

/// Form of a consultation (ZX-2.1).
enum class ConsultForm {
  kExpertPanel,    // 专家咨询论证会
  kPublicNotice,   // 公示
  kHearing,        // 听证
  kOther,          // 其他 (not enough alone)
};

/// Conclusion of a 咨询论证报告 (ZX-2.2).
enum class ConsultConclusion {
  kAffirm,   // 肯定
  kNegate,   // 否定
  kRevise,   // 修改完善
};

/// Kind of participant named in a consultation (ZX-3).
enum class ParticipantKind { kLeader /* 领导 */, kDepartment /* 部门 */, kStaff /* 工作人员 */, kExpert /* 专家 */ };

/// A participant of a consultation.
struct Participant {
  ParticipantKind kind = ParticipantKind::kStaff;
  std::string name;
  std::string person;             ///< person id when the participant is a member (may be empty)
};

/// A decision consultation (决策咨询) with its 咨询论证报告.
struct Consultation {
  std::string id;
  core::SourceLocation location;
  std::string committee;
  std::string subject;
  std::string decision;                    ///< Decision id it prepares (may be empty)
  std::string organiser;                   ///< person id of the 分管领导 organising it
  std::string organiser_department;        ///< or the 主管部门
  std::vector<ConsultForm> forms;
  std::optional<core::Date> report_date;   ///< 咨询论证报告
  std::optional<ConsultConclusion> conclusion;
  std::vector<Participant> participants;
  bool process_recorded = false;           ///< 记录备案 (ZX-4)
  bool archived = false;                   ///< 建立完整的咨询档案 (ZX-4)
  std::string archive_ref;                 ///< file number in the archive, if known
  std::optional<core::Date> expert_feedback;  ///< feedback on adoption to the experts (ZX-5)
  std::optional<core::Date> finished;
};

// ---------------------------------------------------------------------------------------------
// 定期报告制度 (BG)
// ---------------------------------------------------------------------------------------------

/// A directive / major decision of the superior committee to be carried out (BG-1).
struct Directive {
  std::string id;
  core::SourceLocation location;
  std::string committee;                   ///< the receiving committee
  std::string from;                        ///< issuing committee id or name
  std::string title;
  std::optional<core::Date> date;
  bool needs_report = false;
  std::optional<core::Date> deadline;      ///< none: profile's default (BG-1)
};

/// A 专题报告 answering a directive (BG-1).
struct TopicalReport {
  std::string id;
  core::SourceLocation location;
  std::string committee;
  std::string directive;                   ///< Directive id
  std::string title;
  std::optional<core::Date> date;
  std::string signed_by;                   ///< 签发人, person id
};

/// A 突发公共事件 and its report to the superior committee (BG-2).
struct Emergency {
  std::string id;
  core::SourceLocation location;
  std::string committee;
  std::string title;
  std::optional<core::DateTime> occurred;
  std::optional<core::DateTime> known;     ///< when the committee learnt of it, if recorded
  std::optional<core::DateTime> reported;
  std::string reported_to;                 ///< committee id or name
};

/// The three party groups that report to the 常委会 (BG-5).
enum class PartyGroup {
  kCongress,      // 人大党组
  kGovernment,    // 政府党组
  kConsultative,  // 政协党组
};

/// A work report of a party group to the 常委会 (BG-5).
struct PartyGroupReport {
  std::string id;
  core::SourceLocation location;
  std::string committee;
  PartyGroup group = PartyGroup::kGovernment;
  int quarter = 0;                         ///< 1..4 as stated; 0 = from the date
  std::optional<core::Date> date;
  std::string meeting;                     ///< Meeting id where it was heard (may be empty)
};

/// Mid-year or year-end report on the superior committee's annual work points (BG-6).
enum class WorkPointReportKind { kMidYear /* 年中 */, kYearEnd /* 年末 */ };

/// A written report on carrying out the superior committee's 年度工作要点 (BG-6).
struct WorkPointReport {
  std::string id;
  core::SourceLocation location;
  std::string committee;
  WorkPointReportKind kind = WorkPointReportKind::kMidYear;
  int year = 0;                            ///< the work-point year reported on
  std::optional<core::Date> date;
  bool written = true;                     ///< 书面形式
};

// ---------------------------------------------------------------------------------------------
// 通报沟通制度 (TG) and meetings
// ---------------------------------------------------------------------------------------------

/// Kind of meeting.
enum class MeetingKind {
  kPlenary,          // 全委会
  kRegular,          // 常委会例会
  kBriefing,         // 常委碰头会
  kStanding,         // 常委会 (other 常委会议)
  kDemocraticLife,   // 民主生活会
};

/// Organisation of someone attending as 列席 (TG-6).
enum class ObserverOrg {
  kCongress,      // 人大
  kGovernment,    // 政府
  kConsultative,  // 政协
  kDiscipline,    // 纪委
  kOther,         // 其他
};

/// A person attending without a vote (列席).
struct Observer {
  std::string person;             ///< person id (may be empty)
  std::string name;
  ObserverOrg organisation = ObserverOrg::kOther;
  std::string title;
};

/// A member absent from a meeting (请假).
struct Absence {
  std::string person;
  std::string reason;
};

/// A meeting of the committee.
struct Meeting {
  std::string id;
  core::SourceLocation location;
  std::string committee;
  MeetingKind kind = MeetingKind::kStanding;
  std::optional<core::Date> date;
  std::string title;                         ///< e.g. 第12次常委会议
  std::vector<std::string> attendees;        ///< person ids
  std::vector<Absence> absentees;            ///< 请假
  std::vector<Observer> observers;           ///< 列席
  std::vector<std::string> agenda;           ///< AgendaItem ids
  bool hears_work_reports = false;           ///< 例会: 听取常委分管工作的汇报 (TG-2)
  bool standing_committee_report = false;    ///< 全委会: 常委会向全委会报告工作 (TG-1)
  std::string theme;                         ///< 民主生活会: 会议主题 (JD-5)
  std::vector<std::string> corrective_measures;  ///< 民主生活会: 整改措施 (JD-5)
  std::string guiding_leader;                ///< 民主生活会 of a county: guiding city leader, person id
  std::string guiding_leader_name;
};

/// Publication channel of a resolution or document (TG-7).
enum class PublicationChannel { kInternal /* 党内通报 */, kMedia /* 新闻媒体 */ };

/// One publication of a resolution.
struct Publication {
  PublicationChannel channel = PublicationChannel::kInternal;
  std::optional<core::Date> date;
};

/// Body that passed a resolution.
enum class PassingBody { kPlenary /* 全委会 */, kStanding /* 常委会 */ };

/// A resolution or document passed by the 全委会 or 常委会, and its publication (TG-7).
struct Resolution {
  std::string id;
  core::SourceLocation location;
  std::string committee;
  std::string title;
  std::string doc_number;                    ///< 发文字号, if issued as a document
  PassingBody passed_by = PassingBody::kStanding;
  std::string meeting;                       ///< Meeting id
  std::optional<core::Date> date;
  std::vector<Publication> publications;
  bool not_for_release = false;
  std::string not_for_release_reason;
};

/// A key work item or major activity of a 常委 or a 人大/政府/政协 leader (TG-4).
struct KeyWorkItem {
  std::string id;
  core::SourceLocation location;
  std::string committee;
  std::string person;                        ///< person id (may be empty for non-members)
  std::string person_name;
  std::string organisation;                  ///< 党委 / 人大 / 政府 / 政协 (open)
  std::string work;                          ///< 重点工作、重大活动
  std::optional<core::Date> start;
  std::optional<core::Date> end;
};

/// Audiences of a notification (TG-5).
enum class Audience {
  kDemocraticParties,  // 民主党派
  kCommerce,           // 工商联
  kNonParty,           // 无党派人士
  kPeoplesGroups,      // 人民团体
  kRetiredCadres,      // 离退休老干部
  kOther,              // 有关方面
};

/// A notification of major decisions to outside groups (TG-5).
struct Notification {
  std::string id;
  core::SourceLocation location;
  std::string committee;
  std::vector<std::string> decisions;        ///< Decision ids
  std::optional<core::Date> date;
  std::vector<Audience> audiences;
  std::string method;                        ///< 通报方式 (open)
};

}  // namespace wenshu::model

#include "model/records_supervision.h"  // JD, DB, ZZ records
#include "model/records_set.h"          // Records aggregate, term()/parse_term()
#include "model/record_kinds.h"        // one descriptor per record kind

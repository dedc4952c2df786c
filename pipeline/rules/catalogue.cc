// The catalogue table. Texts follow rules.md; clause numbers follow the seed notice.
#include "rules/catalogue.h"

#include <string>

namespace wenshu::rules {
namespace {

using core::Severity;
constexpr Severity E = Severity::kError;
constexpr Severity W = Severity::kWarning;
constexpr Severity I = Severity::kInfo;
using enum Regulation;

constexpr RuleInfo kRules[] = {
    // 调查研究制度
    {"DY-1a", kDY, "（一）", E, "每名常委每年确定1-2个调研专题（0个为错误，超过为警告）",
     "dy.topics.min dy.topics.max members.yearly-duties.min-days", "rules"},
    {"DY-1b", kDY, "（一）", E, "每名常委每年亲自撰写1-2篇有情况、有分析、有建议的调研报告；他人代拟为警告", "dy.reports.min dy.reports.max", "rules"},
    {"DY-2", kDY, "（二）", E, "每名常委每年在一个乡(镇)、村、企业、社区或重大项目蹲点，有起止日期和调研发现", "dy.field-stays.min", "rules"},
    {"DY-3", kDY, "（三）", E, "需调研的议题有两个以上可供比较的方案，并有会前完成的调研记录", "dy.options.min", "rules"},
    {"DY-4", kDY, "（四）", W, "分管部门和系统的调研课题由分管常委亲自确定", "", "rules"},
    {"DY-5", kDY, "（五）", I, "改进调查研究作风：统计常委蹲点次数和天数", "", "rules"},
    {"DY-6", kDY, "（六）", W, "调研报告的对策建议年底前标明采纳情况（采纳/部分采纳/未采纳/待定）；统计采纳率", "", "rules"},
    // 决策咨询制度
    {"ZX-1", kZX, "（一）", E, "重大事项决策前完成决策咨询", "", "rules"},
    {"ZX-2.1", kZX, "（二）1", E, "决策咨询由分管领导或主管部门组织，采取专家咨询论证会、公示或听证形式", "", "rules"},
    {"ZX-2.2", kZX, "（二）2", E, "有咨询论证报告，结论为肯定、否定或修改完善", "", "rules"},
    {"ZX-2.3", kZX, "（二）3", E, "决策事项与咨询论证报告一并提交（报告日期≤提交日期≤决策日期）", "", "rules"},
    {"ZX-3", kZX, "（三）", E, "载明组织、参与咨询的领导、部门和工作人员", "", "rules"},
    {"ZX-4", kZX, "（四）", E, "咨询过程有记录备案，并建立咨询档案", "", "rules"},
    {"ZX-5", kZX, "（五）", W, "在期限内向专家反馈咨询意见吸纳情况", "zx.expert-feedback.days", "rules"},
    {"ZX-6", kZX, "（六）", I, "奖励（不作检查）", "", "rules",
     "对提出重要咨询意见者的奖励由党委决定，记录格式中没有相应的记录，无从检查"},
    // 定期报告制度
    {"BG-1", kBG, "（一）", W, "上级要求报告的指示，按期（或默认期限内）作出专题报告", "bg.topical-report.default-days", "rules"},
    {"BG-2", kBG, "（二）", E, "突发公共事件在发生（或获知）后2小时内向上级党委报告", "bg.emergency.deadline-minutes", "rules"},
    {"BG-3", kBG, "（三）", I, "常委向书记和常委会报告分管领域重大事项：统计常委提出的常委会议题", "", "rules"},
    {"BG-4", kBG, "（四）", I, "执行决策中发现的重大新情况及时报告：统计督查反馈中的主要问题", "", "rules"},
    {"BG-5", kBG, "（五）", W, "人大、政府、政协党组每季度至少向常委会报告一次工作", "bg.party-group.per-quarter", "rules"},
    {"BG-6", kBG, "（六）", E, "贯彻上级年度工作要点的年中、年末书面报告在规定窗口内报送",
     "bg.mid-year.from bg.mid-year.to bg.year-end.from bg.year-end.to", "rules"},
    // 通报沟通制度
    {"TG-1", kTG, "（一）", W, "常委会每半年至少向全委会报告一次工作", "tg.plenary-report.per-half", "rules"},
    {"TG-2", kTG, "（二）", E, "每月召开听取常委分管工作汇报的常委会例会", "tg.regular-meeting.per-month", "rules"},
    {"TG-3", kTG, "（三）", W, "每半月召开常委碰头会（1-15日、16日至月末）",
     "tg.briefing.per-half-month tg.briefing.first-half-last-day", "rules"},
    {"TG-4", kTG, "（四）", I, "汇总常委和人大、政府、政协领导重点工作、重大活动安排表（生成文书；统计）", "", "rules"},
    {"TG-5", kTG, "（五）", I, "重大决策向民主党派、工商联等通报（统计）", "", "rules"},
    {"TG-6", kTG, "（六）", I, "人大、政府、政协领导列席常委会议（统计）", "", "rules"},
    {"TG-7", kTG, "（七）", W, "全委会、常委会通过的决议和文件在党内通报或对外公布，不公开的须注明理由", "", "rules"},
    // 监督制度
    {"JD-1a", kJD, "（一）", E, "领导班子成员每年述职述廉并接受民主评议或民主测评", "", "rules"},
    {"JD-1b", kJD, "（一）", E, "“不称职”或“较差”票超过有效票三分之一的，有督察了解；突出问题向市委提出组织处理建议，违纪违法移交纪检或司法机关",
     "jd.negative-vote.numerator jd.negative-vote.denominator", "rules"},
    {"JD-2", kJD, "（二）", E, "诫勉谈话由纪检机关和组织部门进行；未改正的予以批评教育或组织处理", "", "rules"},
    {"JD-3", kJD, "（三）", E, "函询按期回复；未讲清楚的再次函询或以其他方式了解；不回复的组织处理；班子集体问题向主要负责人函询", "", "rules"},
    {"JD-4.1", kJD, "（四）1", E, "出国(境)须经主要负责同志（县区委书记须经市委主要负责同志）同意后方可办理政审和手续", "", "rules"},
    {"JD-4.2", kJD, "（四）2", E, "外出一般提前3天报告；因私请假按天数分级审批并报市委组织部备案",
     "jd.travel.notice-days jd.leave.tier1-max-days jd.leave.tier2-max-days", "rules"},
    {"JD-4.3", kJD, "（四）3", E, "外出或请假使用统一格式（理由、时间、审批意见）；县区委每半年向市委组织部汇总报告且与记录一致",
     "jd.travel-summary.per-half jd.travel-summary.due-days", "rules"},
    {"JD-5", kJD, "（五）", E, "每年召开有主题和整改措施的民主生活会；县区委的由市委领导到会指导", "", "rules"},
    {"JD-6", kJD, "（六）", I, "班子成员互相监督（不作检查）", "", "rules",
     "班子成员之间的相互监督、提醒不形成单独的记录，记录格式中没有相应的记录，无从检查"},
    // 督查督办制度
    {"DB-1", kDB, "（一）", I, "督查督办原则（不作检查）", "", "rules",
     "是督查督办工作应遵循的原则，不对应某一条记录；各项具体要求由 DB-2 至 DB-6 检查"},
    {"DB-2", kDB, "（二）", E, "常委会决定事项有分管常委负责、有督查记录、按期有结果", "", "rules"},
    {"DB-3", kDB, "（三）", E, "督查采取现场检查、听取汇报、明察暗访、文电督办等方式", "", "rules"},
    {"DB-4", kDB, "（四）", E, "领导批示的督办事项按时限办理并报告结果", "", "rules"},
    {"DB-5", kDB, "（五）", W, "不同单位在短期内对同一单位或事项的督查应协调合并", "db.duplicate-window.days", "rules"},
    {"DB-6", kDB, "（六）", E, "督查反馈包括措施、经验和效果、干部群众反映、主要问题、建议五项内容", "", "rules"},
    {"DB-7", kDB, "（七）", I, "督查部门负责组织协调：统计督查活动次数", "", "rules"},
    // 责任追究制度
    {"ZZ-1", kZZ, "（一）", W, "按照干部管理权限作出追究决定", "", "rules"},
    {"ZZ-2", kZZ, "（二）", E, "载明第（二）条所列11种情形中的至少一种", "zz.circumstance.max-code", "rules"},
    {"ZZ-3", kZZ, "（三）", E, "主要领导过错：主要领导负主要责任、分管领导负次要责任；分管领导过错则相反", "", "rules"},
    {"ZZ-4", kZZ, "（四）", E, "对领导班子的追究方式限于所列5种（可并处）", "", "rules"},
    {"ZZ-5", kZZ, "（五）", E, "对领导干部的追究方式限于所列7种（可并处）", "", "rules"},
    {"ZZ-6", kZZ, "（六）", E, "应给予党纪政纪处分的有记录；涉嫌犯罪的移送司法机关", "", "rules"},
    {"ZZ-7", kZZ, "（七）", E, "从轻、减轻或免予追究须有主动纠正且未造成重大损失的记录", "", "rules"},
    // 公文格式 (GB/T 9704-2012), implemented in rules/gw_*.cc
    {"GW-1", kGW, "GB/T 9704-2012 7.2.4", E, "发文字号 = 机关代字 + 〔年份〕 + 不编虚位的序号 + 号，无空格", "", "gw"},
    {"GW-2", kGW, "GB/T 9704-2012 7.3.5", E, "成文日期是有效日期；2012-07-01起用阿拉伯数字，之前用汉字数字（〇）；无空格", "", "gw"},
    {"GW-3", kGW, "GB/T 9704-2012 7.3.3", E, "正文无丢字或形近字：汉字间的?或U+FFFD、汉字数字中的拉丁O或0、汉字间的半角标点", "", "gw"},
    {"GW-4", kGW, "GB/T 9704-2012 7.3.1", E, "标题除书名号及名称所需的、和（）外不用标点", "", "gw"},
    {"GW-5", kGW, "GB/T 9704-2012 7.3.3", E, "结构层次序数依次为一、（一）1.（1），不跳号、不重号", "", "gw"},
    {"GW-6", kGW, "GB/T 9704-2012 7.3.2", E, "主送机关后标全角冒号", "", "gw"},
    {"GW-7", kGW, "GB/T 9704-2012", E, "《》“”（）〔〕成对", "", "gw"},
    {"GW-8", kGW, "GB/T 9704-2012 7.3.4", E, "附件说明所列附件齐全，且无未列出的附件", "", "gw"},
    // 归档 (DA/T 22-2015), implemented in archive/
    {"DA-1", kDA, "DA/T 22-2015", E, "每件有必备元数据，日期为8位数字", "", "archive"},
    {"DA-2", kDA, "DA/T 22-2015", E, "档号格式正确且唯一；件号在类内连续，无缺号重号", "", "archive"},
    {"DA-3", kDA, "DA/T 22-2015", E, "保管期限为允许的代码", "", "archive"},
    {"DA-4", kDA, "DA/T 22-2015", E, "目录页数与PDF页数一致", "", "archive"},
    {"DA-5", kDA, "DA/T 22-2015", E, "清单中每个文件的摘要与其内容一致", "", "archive"},
    {"DA-6", kDA, "DA/T 22-2015", E, "文件为可长期保存的格式（嵌入字体的PDF、XML）", "", "archive"},
};

}  // namespace

std::span<const RuleInfo> catalogue() { return kRules; }

const RuleInfo* find_rule(std::string_view id) {
  for (const auto& r : kRules)
    if (r.id == id) return &r;
  return nullptr;
}

std::string_view regulation_code(Regulation r) {
  switch (r) {
    case kDY: return "DY";
    case kZX: return "ZX";
    case kBG: return "BG";
    case kTG: return "TG";
    case kJD: return "JD";
    case kDB: return "DB";
    case kZZ: return "ZZ";
    case kGW: return "GW";
    case kDA: return "DA";
  }
  return "";
}

std::string_view regulation_name(Regulation r) {
  switch (r) {
    case kDY: return "调查研究制度";
    case kZX: return "决策咨询制度";
    case kBG: return "定期报告制度";
    case kTG: return "通报沟通制度";
    case kJD: return "监督制度";
    case kDB: return "督查督办制度";
    case kZZ: return "责任追究制度";
    case kGW: return "公文格式";
    case kDA: return "归档";
  }
  return "";
}

std::string_view rule_reads(std::string_view id) {
  struct Reads {
    std::string_view rule, kinds;
  };
  static constexpr Reads kReads[] = {
      {"DY-1a", "research-topic member"}, {"DY-1b", "research-report member"}, {"DY-2", "field-stay member"},
      {"DY-3", "agenda-item research-report field-stay meeting"}, {"DY-4", "research-topic member"},
      {"DY-5", "field-stay"}, {"DY-6", "research-report"}, {"ZX-1", "decision consultation"},
      {"ZX-2.1", "consultation"}, {"ZX-2.2", "consultation"}, {"ZX-2.3", "decision consultation"},
      {"ZX-3", "consultation"}, {"ZX-4", "consultation"}, {"ZX-5", "decision consultation"},
      {"BG-1", "directive topical-report"}, {"BG-2", "emergency"}, {"BG-3", "agenda-item meeting member"},
      {"BG-4", "supervision-item"}, {"BG-5", "party-group-report"}, {"BG-6", "work-point-report"},
      {"TG-1", "meeting"}, {"TG-2", "meeting"}, {"TG-3", "meeting"}, {"TG-4", "key-work-item"},
      {"TG-5", "notification"}, {"TG-6", "meeting"}, {"TG-7", "resolution"},
      {"JD-1a", "duty-report evaluation member"}, {"JD-1b", "evaluation inspection"}, {"JD-2", "admonition"},
      {"JD-3", "inquiry member"}, {"JD-4.1", "trip-abroad member committee"},
      {"JD-4.2", "travel-leave member committee"}, {"JD-4.3", "travel-leave travel-summary"},
      {"JD-5", "meeting member committee"}, {"DB-2", "decision supervision-item"}, {"DB-3", "supervision-item"},
      {"DB-4", "supervision-item"}, {"DB-5", "supervision-item"}, {"DB-6", "supervision-item"},
      {"DB-7", "supervision-item"}, {"ZZ-1", "accountability-case"}, {"ZZ-2", "accountability-case"},
      {"ZZ-3", "accountability-case"}, {"ZZ-4", "accountability-case"}, {"ZZ-5", "accountability-case"},
      {"ZZ-6", "accountability-case"}, {"ZZ-7", "accountability-case"},
  };
  for (const auto& r : kReads)
    if (r.rule == id) return r.kinds;
  return {};
}

std::string clause_label(const RuleInfo& rule) {
  std::string out(regulation_name(rule.regulation));
  out += ' ';
  if (rule.regulation == kGW || rule.regulation == kDA) {
    out += rule.clause;
  } else {
    out += "第";
    out += rule.clause;
    out += "条";
  }
  return out;
}

}  // namespace wenshu::rules

// Synthetic records: groups of related records (a meeting with its agenda item, decision,
// consultation, supervision and resolution; a research topic with its report and 蹲点; a
// member's trip, leave, evaluation …) repeated over the year until the size is reached. Every
// reference points at a record of the same committee, so the set resolves. The records are
// built as model records and written by the records writer, so they follow the descriptors.
#include "ingest/synthetic_year.h"

#include <array>

#include <fmt/format.h>

#include "core/date.h"
#include "core/file_io.h"
#include "ingest/records_writer.h"
#include "model/records.h"

namespace wenshu::ingest {

namespace {

/// splitmix64: small, fast, and the same sequence on every platform.
class Rng {
 public:
  explicit Rng(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  std::size_t below(std::size_t n) { return n ? static_cast<std::size_t>(next() % n) : 0; }

 private:
  std::uint64_t state_;
};

constexpr std::array kSurnames = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱",
                                  "胡", "郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯"};
constexpr std::array kGiven = {"建国", "志刚", "玉兰", "红梅", "国栋", "海燕", "文斌", "学军", "晓东", "丽萍",
                               "振华", "永胜", "秀英", "德明", "春生", "小平", "立新", "桂芳", "俊杰", "淑珍"};
constexpr std::array kCounties = {
    std::array{"ganzhou", "甘州区", "甘区委发"},  std::array{"linze", "临泽县", "临县委发"},
    std::array{"gaotai", "高台县", "高县委发"},   std::array{"shandan", "山丹县", "山县委发"},
    std::array{"minle", "民乐县", "民县委发"},    std::array{"sunan", "肃南裕固族自治县", "肃县委发"}};
constexpr std::array kTopics = {"农民增收", "设施农业", "节水灌溉", "城乡统筹", "招商引资",  "干部作风",
                                "基层党建", "社会稳定", "生态保护", "旅游开发", "民生保障", "项目建设"};
constexpr std::array kUnits = {std::array{"党寨镇", "乡(镇)"}, std::array{"新墩村", "村"},
                               std::array{"张掖电厂", "企业"}, std::array{"西街社区", "社区"},
                               std::array{"黑河湿地保护工程", "重大项目"}};

struct Person {
  std::string id;
  std::string name;
};

using core::Date;

/// Collects one committee's records and writes them, `per_file` at a time, with the records
/// writer (ingest/records_writer.h).
class CommitteeWriter {
 public:
  CommitteeWriter(const std::filesystem::path& dir, std::string id, int year, std::size_t per_file,
                  SyntheticYear& out)
      : dir_(dir), id_(std::move(id)), year_(year), per_file_(per_file), out_(out) {}

  /// Adds one record (its committee set to this one's) and rolls over to the next file when full.
  template <class R>
  void add(R record) {
    record.committee = id_;
    model::all_of<R>(buf_).push_back(std::move(record));
    ++out_.records;
    if (++in_file_ >= per_file_) flush();
  }
  void flush() {
    if (in_file_ == 0) return;
    const std::string bytes = write_records_file(buf_, id_, year_);
    const auto path = dir_ / fmt::format("{}-{:03}.xml", id_, file_no_++);
    core::write_file_atomic(path, bytes);
    out_.files.push_back(path);
    out_.bytes += bytes.size();
    buf_ = model::Records();
    in_file_ = 0;
  }

 private:
  std::filesystem::path dir_;
  std::string id_;
  int year_;
  std::size_t per_file_;
  SyntheticYear& out_;
  model::Records buf_;
  std::size_t in_file_ = 0;
  int file_no_ = 1;
};

Date date_of(int year, std::size_t day_of_year) {
  return core::add_days(Date{year, 1, 1}, static_cast<std::int64_t>(day_of_year % 365));
}

/// The ids of one group of records (the g-th of a committee).
struct Group {
  std::string cid;
  std::size_t g;
  std::string id(const char* prefix) const { return fmt::format("{}-{}{}", cid, prefix, g); }
};

/// A research topic with its report, a 蹲点 and the agenda item it prepared.
void research(CommitteeWriter& w, const Group& k, const Person& a, const char* topic, const std::array<const char*, 2>& unit,
              Date d, Date d2) {
  model::ResearchTopic t;
  t.id = k.id("t");
  t.title = fmt::format("关于{}的调研", topic);
  t.owner = t.set_by = a.id;
  t.date = d;
  t.year = d.year;
  w.add(std::move(t));
  model::ResearchReport r;
  r.id = k.id("r");
  r.title = fmt::format("关于{}情况的调研报告", topic);
  r.topic = k.id("t");
  r.author = a.id;
  r.date = d;
  r.situation = fmt::format("{}工作总体平稳，群众反映较好。", topic);
  r.analysis = "资金投入不足，基层力量薄弱。";
  r.suggestions = "加大投入，健全机制。";
  model::Recommendation rec;
  rec.text = "设立专项资金";
  rec.adoption = model::Adoption::kAdopted;
  r.recommendations.push_back(rec);
  w.add(std::move(r));
  model::FieldStay s;
  s.id = k.id("s");
  s.member = a.id;
  s.unit_name = unit[0];
  s.unit_kind = *model::parse_term<model::UnitKind>(unit[1]);
  s.start = d;
  s.end = d2;
  s.findings = "掌握了第一手情况。";
  w.add(std::move(s));
  model::AgendaItem ag;
  ag.id = k.id("ag");
  ag.title = fmt::format("{}工作方案", topic);
  ag.proposer = a.id;
  ag.meeting = k.id("mt");
  ag.needs_research = true;
  ag.research = {k.id("r")};
  ag.options = {"方案一", "方案二"};
  w.add(std::move(ag));
}

/// A consultation, the decision it prepared, its supervision to a result and the resolution.
void decision(CommitteeWriter& w, const Group& k, const Person& a, const char* topic, Date d, Date d2, Date d3) {
  model::Consultation c;
  c.id = k.id("c");
  c.subject = fmt::format("{}论证", topic);
  c.decision = k.id("d");
  c.organiser = a.id;
  c.forms = {model::ConsultForm::kExpertPanel};
  c.report_date = c.finished = d;
  c.conclusion = model::ConsultConclusion::kAffirm;
  c.process_recorded = c.archived = true;
  c.participants.push_back({model::ParticipantKind::kExpert, "刘教授", ""});
  w.add(std::move(c));
  model::Decision x;
  x.id = k.id("d");
  x.title = fmt::format("关于{}的决定", topic);
  x.category = model::DecisionCategory::kEconomy;
  x.date = x.submitted = d2;
  x.meeting = k.id("mt");
  x.consultations = {k.id("c")};
  x.responsible = a.id;
  x.deadline = d3;
  w.add(std::move(x));
  model::SupervisionItem sv;
  sv.id = k.id("sv");
  sv.title = fmt::format("{}决定落实", topic);
  sv.source = model::SupervisionSource::kDecision;
  sv.decision = k.id("d");
  sv.responsible = a.id;
  sv.deadline = sv.result_date = d3;
  model::SupervisionActivity act;
  act.date = d2;
  act.methods = {model::SupervisionMethod::kOnSite, model::SupervisionMethod::kHearReports};
  sv.activities.push_back(act);
  sv.result = "已按期完成。";
  sv.feedback = model::SupervisionFeedback{d3, "落实责任", "效果明显", "群众满意", "资金紧张", "持续推进", {}};
  w.add(std::move(sv));
  model::Resolution res;
  res.id = k.id("res");
  res.title = fmt::format("关于{}的决定", topic);
  res.passed_by = model::PassingBody::kStanding;
  res.meeting = k.id("mt");
  res.date = d2;
  res.publications.push_back({model::PublicationChannel::kInternal, d3});
  w.add(std::move(res));
}

/// A member's year: leave, duty report, evaluation, inquiry, key work.
void member_year(CommitteeWriter& w, const Group& k, const Person& a, const Person& b, const Person& secretary, bool city,
                 const char* topic, Date d, Date d2, Date d3) {
  model::TravelLeave tl;
  tl.id = k.id("tl");
  tl.person = b.id;
  tl.kind = model::TravelKind::kPrivateLeave;
  tl.start = tl.end = d2;
  tl.reported = d;
  tl.unified_form = true;
  tl.reason = "探亲";
  tl.approvals.push_back(
      {secretary.id, city ? model::ApproverRole::kCityPrincipal : model::ApproverRole::kCountyPrincipal, d, "同意"});
  w.add(std::move(tl));
  model::DutyReport dr;
  dr.id = k.id("dr");
  dr.person = b.id;
  dr.date = d3;
  dr.year = d3.year;
  w.add(std::move(dr));
  model::Evaluation ev;
  ev.id = k.id("ev");
  ev.method = model::EvaluationMethod::kPoll;
  ev.date = d3;
  ev.year = d3.year;
  model::VoteCount vote;
  vote.person = b.id;
  vote.valid = 45;
  vote.competent = 40;
  vote.basically_competent = 4;
  vote.incompetent = 1;
  ev.votes.push_back(vote);
  w.add(std::move(ev));
  model::Inquiry q;
  q.id = k.id("q");
  q.person = b.id;
  q.issuer = model::SupervisoryBody::kDiscipline;
  q.date = d;
  q.deadline = q.reply_date = d3;
  q.reply_clear = true;
  w.add(std::move(q));
  model::KeyWorkItem kw;
  kw.id = k.id("k");
  kw.person = a.id;
  kw.start = d;
  kw.end = d3;
  kw.work = fmt::format("推进{}", topic);
  w.add(std::move(kw));
}

/// Reports and notices of one group: party group, notification, emergency.
void reports(CommitteeWriter& w, const Group& k, const std::string& parent, const char* topic, Date d, Date d2, Date d3) {
  model::PartyGroupReport pg;
  pg.id = k.id("pg");
  pg.group = model::PartyGroup::kGovernment;
  pg.date = d2;
  pg.meeting = k.id("mt");
  w.add(std::move(pg));
  model::Notification n;
  n.id = k.id("n");
  n.decisions = {k.id("d")};
  n.date = d3;
  n.audiences = {model::Audience::kDemocraticParties, model::Audience::kCommerce};
  w.add(std::move(n));
  model::Emergency e;
  e.id = k.id("e");
  e.title = fmt::format("{}突发事件", topic);
  e.occurred = core::DateTime{d, 9, 0};
  e.reported = core::DateTime{d, 10, 30};
  e.reported_to = parent.empty() ? "省委" : parent;
  w.add(std::move(e));
}

/// The committee, its 15 members (书记, two 副书记, eight 常委, four 委员), then groups of 17
/// related records until `budget` is reached.
void generate_committee(CommitteeWriter& w, Rng& rng, const std::string& cid, const std::string& parent,
                        const std::string& name, const std::string& agency, bool city, int year,
                        std::size_t budget) {
  model::Committee com;
  com.id = com.committee = cid;
  com.level = city ? model::CommitteeLevel::kCity : model::CommitteeLevel::kCounty;
  com.parent = parent;
  com.name = name;
  com.agency_code = agency;
  com.year = year;
  w.add(std::move(com));
  std::vector<Person> people;
  for (int i = 0; i < 15; ++i) {
    Person p{fmt::format("{}-p{:02}", cid, i + 1),
             std::string(kSurnames[rng.below(kSurnames.size())]) + kGiven[rng.below(kGiven.size())]};
    model::Member m;
    m.id = m.person = p.id;
    m.name = p.name;
    m.role = i == 0 ? model::MemberRole::kSecretary : i < 3 ? model::MemberRole::kDeputySecretary
             : i < 11 ? model::MemberRole::kStanding : model::MemberRole::kMember;
    m.principal = i == 0;
    m.portfolio = {kTopics[static_cast<std::size_t>(i) % kTopics.size()]};
    w.add(std::move(m));
    people.push_back(std::move(p));
  }
  auto someone = [&]() -> const Person& { return people[1 + rng.below(10)]; };
  const Person& secretary = people[0];
  std::size_t written = 16;
  for (std::size_t g = 1; written < budget; ++g) {
    // Group g starts on day 3g of the year, wrapped early enough that its last date (day + 20)
    // stays in the same year: a stay or decision never ends before it starts.
    const std::size_t day = (g * 3) % 330;
    const Date d = date_of(year, day), d2 = date_of(year, day + 5), d3 = date_of(year, day + 20);
    const Person& a = someone();
    const Person& b = someone();
    const char* topic = kTopics[rng.below(kTopics.size())];
    const Group k{cid, g};
    // A meeting and what hangs on it.
    model::Meeting mt;
    mt.id = k.id("mt");
    mt.kind = model::MeetingKind::kRegular;
    mt.date = d2;
    mt.title = fmt::format("第{}次常委会议", g);
    mt.attendees = {secretary.id, a.id, b.id};
    mt.agenda = {k.id("ag")};
    mt.hears_work_reports = true;
    mt.observers.push_back({"", "孙立", model::ObserverOrg::kCongress, ""});
    w.add(std::move(mt));
    research(w, k, a, topic, kUnits[rng.below(kUnits.size())], d, d2);
    decision(w, k, a, topic, d, d2, d3);
    member_year(w, k, a, b, secretary, city, topic, d, d2, d3);
    reports(w, k, parent, topic, d, d2, d3);
    written += 17;
  }
  w.flush();
}

}  // namespace

SyntheticYear write_synthetic_year(const std::filesystem::path& dir, const SyntheticOptions& options) {
  SyntheticYear out;
  std::filesystem::create_directories(dir);
  Rng rng(options.seed);
  std::size_t counties = options.counties ? options.counties : std::max<std::size_t>(6, options.records / 20'000);
  const std::size_t budget = std::max<std::size_t>(options.records / (counties + 1), 17);
  const std::size_t per_file = std::max<std::size_t>(options.records_per_file, 20);

  CommitteeWriter city(dir, "zhangye", options.year, per_file, out);
  generate_committee(city, rng, "zhangye", "", "中共张掖市委员会", "市委发", true, options.year, budget);
  for (std::size_t i = 0; i < counties; ++i) {
    std::string id, name, agency;
    if (i < kCounties.size()) {
      id = kCounties[i][0];
      name = fmt::format("中共张掖市{}委员会", kCounties[i][1]);
      agency = kCounties[i][2];
    } else {
      id = fmt::format("county{:03}", i + 1);
      name = fmt::format("中共第{}县委员会", i + 1);
      agency = fmt::format("{}县委发", i + 1);
    }
    CommitteeWriter w(dir, id, options.year, per_file, out);
    generate_committee(w, rng, id, "zhangye", name, agency, false, options.year, budget);
  }
  return out;
}

}  // namespace wenshu::ingest

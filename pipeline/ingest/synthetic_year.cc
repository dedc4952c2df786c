// Synthetic records: groups of related records (a meeting with its agenda item, decision,
// consultation, supervision and resolution; a research topic with its report and 蹲点; a
// member's trip, leave, evaluation …) repeated over the year until the size is reached. Every
// reference points at a record generated before it in the same committee, so the set resolves.
#include "ingest/synthetic_year.h"

#include <array>

#include <fmt/format.h>

#include "core/date.h"
#include "core/file_io.h"

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

/// Writes one committee's records into files of `per_file` records.
class CommitteeWriter {
 public:
  CommitteeWriter(const std::filesystem::path& dir, std::string id, int year, std::size_t per_file,
                  SyntheticYear& out)
      : dir_(dir), id_(std::move(id)), year_(year), per_file_(per_file), out_(out) {}

  /// Appends one record element (already formatted) and rolls over to the next file when full.
  void add(const std::string& element) {
    if (buf_.empty()) start_file();
    buf_ += "  ";
    buf_ += element;
    buf_ += '\n';
    ++in_file_;
    ++out_.records;
    if (in_file_ >= per_file_) flush();
  }
  void flush() {
    if (buf_.empty()) return;
    buf_ += "</records>\n";
    const auto path = dir_ / fmt::format("{}-{:03}.xml", id_, file_no_++);
    core::write_file_atomic(path, buf_);
    out_.files.push_back(path);
    out_.bytes += buf_.size();
    buf_.clear();
    in_file_ = 0;
  }

 private:
  void start_file() {
    buf_ = fmt::format(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<records xmlns=\"urn:wenshu:records:1\" version=\"1\" committee=\"{}\" year=\"{}\">\n",
        id_, year_);
  }
  std::filesystem::path dir_;
  std::string id_;
  int year_;
  std::size_t per_file_;
  SyntheticYear& out_;
  std::string buf_;
  std::size_t in_file_ = 0;
  int file_no_ = 1;
};

std::string date_of(int year, std::size_t day_of_year) {
  return core::format_date(core::add_days(core::Date{year, 1, 1}, static_cast<std::int64_t>(day_of_year % 365)));
}

void generate_committee(CommitteeWriter& w, Rng& rng, const std::string& cid, const std::string& parent,
                        const std::string& name, const std::string& agency, bool city, int year,
                        std::size_t budget) {
  w.add(fmt::format("<committee id=\"{}\" level=\"{}\"{} name=\"{}\" agency-code=\"{}\"/>", cid,
                    city ? "市委" : "县区委", parent.empty() ? "" : " parent=\"" + parent + "\"", name, agency));
  std::vector<Person> people;
  for (int i = 0; i < 15; ++i) {
    Person p{fmt::format("{}-p{:02}", cid, i + 1),
             std::string(kSurnames[rng.below(kSurnames.size())]) + kGiven[rng.below(kGiven.size())]};
    const char* role = i == 0 ? "书记" : i < 3 ? "副书记" : i < 11 ? "常委" : "委员";
    w.add(fmt::format("<member id=\"{}\" name=\"{}\" role=\"{}\"{}><portfolio>{}</portfolio></member>", p.id, p.name,
                      role, i == 0 ? " principal=\"true\"" : "", kTopics[static_cast<std::size_t>(i) % kTopics.size()]));
    people.push_back(std::move(p));
  }
  auto someone = [&]() -> const Person& { return people[1 + rng.below(10)]; };
  const Person& secretary = people[0];
  std::size_t written = 16;
  for (std::size_t g = 1; written < budget; ++g) {
    const std::size_t day = g * 3;
    const std::string d = date_of(year, day), d2 = date_of(year, day + 5), d3 = date_of(year, day + 20);
    const Person& a = someone();
    const Person& b = someone();
    const char* topic = kTopics[rng.below(kTopics.size())];
    // A meeting and what hangs on it.
    w.add(fmt::format("<meeting id=\"{0}-mt{1}\" kind=\"常委会例会\" date=\"{2}\" title=\"第{1}次常委会议\" "
                      "attendees=\"{3} {4} {5}\" agenda=\"{0}-ag{1}\" hears-work-reports=\"true\">"
                      "<observer name=\"孙立\" organisation=\"人大\"/></meeting>",
                      cid, g, d2, secretary.id, a.id, b.id));
    w.add(fmt::format("<research-topic id=\"{0}-t{1}\" title=\"关于{2}的调研\" owner=\"{3}\" set-by=\"{3}\" date=\"{4}\"/>",
                      cid, g, topic, a.id, d));
    w.add(fmt::format("<research-report id=\"{0}-r{1}\" title=\"关于{2}情况的调研报告\" topic=\"{0}-t{1}\" author=\"{3}\" "
                      "date=\"{4}\"><situation>{2}工作总体平稳，群众反映较好。</situation><analysis>资金投入不足，"
                      "基层力量薄弱。</analysis><suggestions>加大投入，健全机制。</suggestions>"
                      "<recommendation adoption=\"采纳\">设立专项资金</recommendation></research-report>",
                      cid, g, topic, a.id, d));
    const auto& unit = kUnits[rng.below(kUnits.size())];
    w.add(fmt::format("<field-stay id=\"{0}-s{1}\" member=\"{2}\" unit-name=\"{3}\" unit-kind=\"{4}\" start=\"{5}\" "
                      "end=\"{6}\"><findings>掌握了第一手情况。</findings></field-stay>",
                      cid, g, a.id, unit[0], unit[1], d, d2));
    w.add(fmt::format("<agenda-item id=\"{0}-ag{1}\" title=\"{2}工作方案\" proposer=\"{3}\" meeting=\"{0}-mt{1}\" "
                      "needs-research=\"true\" research=\"{0}-r{1}\"><option>方案一</option><option>方案二</option>"
                      "</agenda-item>",
                      cid, g, topic, a.id));
    w.add(fmt::format("<consultation id=\"{0}-c{1}\" subject=\"{2}论证\" decision=\"{0}-d{1}\" organiser=\"{3}\" "
                      "forms=\"专家咨询论证会\" report-date=\"{4}\" conclusion=\"肯定\" process-recorded=\"true\" "
                      "archived=\"true\" finished=\"{4}\"><participant kind=\"专家\" name=\"刘教授\"/></consultation>",
                      cid, g, topic, a.id, d));
    w.add(fmt::format("<decision id=\"{0}-d{1}\" title=\"关于{2}的决定\" category=\"经济\" date=\"{3}\" "
                      "meeting=\"{0}-mt{1}\" consultations=\"{0}-c{1}\" submitted=\"{3}\" responsible=\"{4}\" "
                      "deadline=\"{5}\"/>",
                      cid, g, topic, d2, a.id, d3));
    w.add(fmt::format("<supervision-item id=\"{0}-sv{1}\" title=\"{2}决定落实\" source=\"常委会决定\" decision=\"{0}-d{1}\" "
                      "responsible=\"{3}\" deadline=\"{4}\" result-date=\"{4}\"><activity date=\"{5}\" "
                      "methods=\"现场检查 听取汇报\"/><result>已按期完成。</result><feedback date=\"{4}\"><measures>"
                      "落实责任</measures><experience>效果明显</experience><reactions>群众满意</reactions><obstacles>"
                      "资金紧张</obstacles><suggestions>持续推进</suggestions></feedback></supervision-item>",
                      cid, g, topic, a.id, d3, d2));
    w.add(fmt::format("<resolution id=\"{0}-res{1}\" title=\"关于{2}的决定\" passed-by=\"常委会\" meeting=\"{0}-mt{1}\" "
                      "date=\"{3}\"><publication channel=\"党内通报\" date=\"{4}\"/></resolution>",
                      cid, g, topic, d2, d3));
    // A member's year: leave, duty report, evaluation, inquiry, key work.
    w.add(fmt::format("<travel-leave id=\"{0}-tl{1}\" person=\"{2}\" kind=\"因私请假\" start=\"{3}\" end=\"{3}\" "
                      "reported=\"{4}\" unified-form=\"true\"><reason>探亲</reason><approval approver=\"{5}\" "
                      "role=\"{6}\" date=\"{4}\" comment=\"同意\"/></travel-leave>",
                      cid, g, b.id, d2, d, secretary.id,
                      city ? "市委主要负责同志" : "县区委主要负责同志"));
    w.add(fmt::format("<duty-report id=\"{0}-dr{1}\" person=\"{2}\" date=\"{3}\"/>", cid, g, b.id, d3));
    w.add(fmt::format("<evaluation id=\"{0}-ev{1}\" method=\"民主测评\" date=\"{2}\"><vote person=\"{3}\" valid=\"45\" "
                      "competent=\"40\" basically-competent=\"4\" incompetent=\"1\"/></evaluation>",
                      cid, g, d3, b.id));
    w.add(fmt::format("<inquiry id=\"{0}-q{1}\" person=\"{2}\" issuer=\"纪检机关\" date=\"{3}\" deadline=\"{4}\" "
                      "reply-date=\"{4}\" reply-clear=\"true\"/>",
                      cid, g, b.id, d, d3));
    w.add(fmt::format("<key-work-item id=\"{0}-k{1}\" person=\"{2}\" start=\"{3}\" end=\"{4}\"><work>推进{5}</work>"
                      "</key-work-item>",
                      cid, g, a.id, d, d3, topic));
    w.add(fmt::format("<party-group-report id=\"{0}-pg{1}\" group=\"政府党组\" date=\"{2}\" meeting=\"{0}-mt{1}\"/>",
                      cid, g, d2));
    w.add(fmt::format("<notification id=\"{0}-n{1}\" decisions=\"{0}-d{1}\" date=\"{2}\" audiences=\"民主党派 工商联\"/>",
                      cid, g, d3));
    w.add(fmt::format("<emergency id=\"{0}-e{1}\" title=\"{2}突发事件\" occurred=\"{3}T09:00\" reported=\"{3}T10:30\" "
                      "reported-to=\"{4}\"/>",
                      cid, g, topic, d, parent.empty() ? "省委" : parent));
    written += 17;
  }
  w.flush();
  (void)rng;
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

// Archive profile: defaults and loading (see profile.h; reasoning in docs/archive-format.md).
#include "archive/profile.h"

#include <algorithm>
#include <limits>

#include "core/data_dir.h"
#include "ingest/profile_file.h"

namespace wenshu::archive {

const ProblemClass* ArchiveProfile::class_for(const std::string& regulation) const {
  for (const auto& c : classes)
    if (c.regulation == regulation) return &c;
  return nullptr;
}

std::string ArchiveProfile::retention_for(const std::string& kind) const {
  const auto it = retention_by_kind.find(kind);
  return it == retention_by_kind.end() ? default_retention : it->second;
}

const std::vector<std::string>& retention_codes() {
  static const std::vector<std::string> codes{"Y", "D30", "D10"};
  return codes;
}

std::string retention_name(const std::string& code) {
  if (code == "Y") return "永久";
  if (code == "D30") return "定期30年";
  if (code == "D10") return "定期10年";
  return {};
}

ArchiveProfile builtin_profile() {
  ArchiveProfile p;
  // 问题 classes = the seven regulations of 市委发〔2009〕32号 plus 综合 (archive.md §15);
  // codes are pinyin initials of the regulation's name (DA/T 22 §5.4: 3 capitals).
  p.classes = {
      {"DY", "DCY", "调查研究"}, {"ZX", "JCZ", "决策咨询"}, {"BG", "DQB", "定期报告"},
      {"TG", "TBG", "通报沟通"}, {"JD", "JDU", "监督"},     {"DB", "DCD", "督查督办"},
      {"ZZ", "ZRZ", "责任追究"}, {"ZH", "ZHL", "综合"},
  };
  // 保管期限 per 文种, after 国家档案局令第8号 (2006) 第八条–第十条: the organ's decisions,
  // important meetings, consultation files, reports on emergencies and annual reports are
  // permanent; research, evaluations and supervision of a year's work 30 years; routine
  // notices and personal leave forms 10 years. See docs/archive-format.md.
  const char* permanent[] = {"决定", "决议", "决策", "纪要", "会议纪要", "常委会会议纪要", "咨询论证报告",
                             "咨询档案", "突发事件报告", "专题报告", "年度报告", "工作报告", "年终报告",
                             "责任追究决定", "处理决定", "规定", "意见", "民主生活会报告", "年度统计"};
  const char* thirty[] = {"调研报告", "调研课题", "蹲点报告", "述职述廉报告", "民主测评", "测评结果",
                          "督查通知", "督查反馈报告", "督办通知", "督办单", "通报", "函询函", "函询回复",
                          "诫勉谈话记录", "半年报告", "中期报告", "外出情况汇总", "工作要点表", "请示",
                          "批复", "报告",
                          // forms and tables wenshu itself makes from the records (templates/)
                          "党组工作报告报送单", "民主测评结果", "督办通知单", "重点工作和重大活动安排表"};
  const char* ten[] = {"请假条", "请假审批表", "出国（境）审批表", "外出报备", "通知", "函", "会议通知", "外出报告单"};
  for (const char* k : permanent) p.retention_by_kind[k] = "Y";
  for (const char* k : thirty) p.retention_by_kind[k] = "D30";
  for (const char* k : ten) p.retention_by_kind[k] = "D10";
  return p;
}

namespace {

using Field = ingest::ProfileField<ArchiveProfile>;

std::optional<std::uint64_t> to_u64(const std::string& s) {
  const auto v = ingest::parse_profile_int(s, 1, std::numeric_limits<long long>::max());
  return v ? std::optional<std::uint64_t>(static_cast<std::uint64_t>(*v)) : std::nullopt;
}

bool is_retention(const std::string& code) {
  const auto& codes = retention_codes();
  return std::find(codes.begin(), codes.end(), code) != codes.end();
}

// Every element of an archive profile file, by its name: a container (classes, retention)
// starts its list afresh, so a file's list replaces the built-in one instead of adding to it.
const std::vector<Field>& fields() {
  static const std::vector<Field> kFields{
      {"name", [](ArchiveProfile& p, const ingest::ProfileEntry& e) { return !e.text.empty() && (p.name = e.text, true); },
       [](const ArchiveProfile& p) { return p.name; }, "a name"},
      {"category", [](ArchiveProfile& p, const ingest::ProfileEntry& e) { return !e.text.empty() && (p.category = e.text, true); },
       [](const ArchiveProfile& p) { return p.category; }, "two capitals (WS)"},
      {"code-style",
       [](ArchiveProfile& p, const ingest::ProfileEntry& e) {
         if (e.text != "DA/T 22-2015" && e.text != "DA/T 13-2022") return false;
         p.code_style = e.text == "DA/T 13-2022" ? CodeStyle::kDaT13 : CodeStyle::kDaT22;
         return true;
       },
       {}, "DA/T 22-2015 or DA/T 13-2022"},
      {"scheme",
       [](ArchiveProfile& p, const ingest::ProfileEntry& e) {
         if (e.text == "年度-保管期限-问题") p.scheme = Scheme::kYearRetentionClass;
         else if (e.text == "年度-问题-保管期限") p.scheme = Scheme::kYearClassRetention;
         else if (e.text == "年度-保管期限") p.scheme = Scheme::kYearRetention;
         else return false;
         return true;
       },
       {}, "年度-保管期限-问题, 年度-问题-保管期限 or 年度-保管期限"},
      {"classes", [](ArchiveProfile& p, const ingest::ProfileEntry&) { return p.classes.clear(), true; }, {}, ""},
      {"class",
       [](ArchiveProfile& p, const ingest::ProfileEntry& e) {
         p.classes.push_back({e.attr_or("regulation"), e.attr_or("code"), e.text});
         return true;
       },
       {}, ""},
      {"retention",
       [](ArchiveProfile& p, const ingest::ProfileEntry& e) {
         p.retention_by_kind.clear();
         p.default_retention = e.attr_or("default");
         return is_retention(p.default_retention);
       },
       {}, "Y, D30 or D10"},
      {"kind",
       [](ArchiveProfile& p, const ingest::ProfileEntry& e) {
         const std::string period = e.attr_or("period");
         return is_retention(period) && (p.retention_by_kind[e.text] = period, true);
       },
       {}, "a 文种 with period Y, D30 or D10"},
      {"split",
       [](ArchiveProfile& p, const ingest::ProfileEntry& e) {
         const auto bytes = to_u64(e.attr_or("max-bytes", std::to_string(p.split_bytes)));
         const auto entries = to_u64(e.attr_or("max-entries", std::to_string(p.split_entries)));
         if (!bytes || !entries) return false;
         p.split_bytes = *bytes;
         p.split_entries = *entries;
         p.always_split = e.attr_or("always") == "true";
         return true;
       },
       {}, "positive whole numbers"},
  };
  return kFields;
}

}  // namespace

std::optional<ArchiveProfile> load_profile(const std::filesystem::path& path, core::DiagnosticSink& sink) {
  static const ingest::ProfileKind kind{"schemas/archive-profile.xsd", "urn:wenshu:archive-profile:1",
                                        "archive-profile", "ARCHIVE-PROFILE", "ARCHIVE-PROFILE", "归档",
                                        "archive profile"};
  const auto file = ingest::read_profile_file(path, kind, sink);
  if (!file) return std::nullopt;
  ArchiveProfile p = builtin_profile();
  if (!ingest::apply_profile_fields(*file, fields(), kind, p, sink)) return std::nullopt;
  return p;
}

std::optional<ArchiveProfile> default_profile(core::DiagnosticSink& sink) {
  const auto path = core::data_path("profiles/archive-default.xml");
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return builtin_profile();
  return load_profile(path, sink);
}

}  // namespace wenshu::archive

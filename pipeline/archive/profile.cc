// Archive profile: defaults and loading (see profile.h; reasoning in docs/archive-format.md).
#include "archive/profile.h"

#include <charconv>

#include "archive/xml_tree.h"
#include "core/data_dir.h"
#include "core/file_io.h"

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
                          "批复", "报告"};
  const char* ten[] = {"请假条", "请假审批表", "出国（境）审批表", "外出报备", "通知", "函", "会议通知"};
  for (const char* k : permanent) p.retention_by_kind[k] = "Y";
  for (const char* k : thirty) p.retention_by_kind[k] = "D30";
  for (const char* k : ten) p.retention_by_kind[k] = "D10";
  return p;
}

static std::uint64_t to_u64(const std::string& s, std::uint64_t fallback) {
  std::uint64_t v = fallback;
  const auto r = std::from_chars(s.data(), s.data() + s.size(), v);
  return (r.ec == std::errc() && r.ptr == s.data() + s.size()) ? v : fallback;
}

std::optional<ArchiveProfile> load_profile(const std::filesystem::path& path, core::DiagnosticSink& sink) {
  std::string bytes;
  try {
    bytes = core::read_file(path, std::size_t(4) << 20);
  } catch (const std::exception& e) {
    sink.push({.rule = "XML-IO", .location = {path.string()}, .message = std::string("无法读取归档配置 / ") + e.what()});
    return std::nullopt;
  }
  auto tree = parse_xml_tree(bytes, path.string(), core::data_path("schemas/archive-profile.xsd"), sink);
  if (!tree) return std::nullopt;
  ArchiveProfile p;
  p.name = tree->attr("name");
  p.category = tree->child_text("category");
  const std::string style = tree->child_text("code-style");
  p.code_style = style == "DA/T 13-2022" ? CodeStyle::kDaT13 : CodeStyle::kDaT22;
  const std::string scheme = tree->child_text("scheme");
  p.scheme = scheme == "年度-问题-保管期限"   ? Scheme::kYearClassRetention
             : scheme == "年度-保管期限" ? Scheme::kYearRetention
                                         : Scheme::kYearRetentionClass;
  if (const XmlNode* cs = tree->child("classes"))
    for (const XmlNode* c : cs->all("class")) p.classes.push_back({c->attr("regulation"), c->attr("code"), c->text});
  if (const XmlNode* rs = tree->child("retention")) {
    p.default_retention = rs->attr("default");
    for (const XmlNode* k : rs->all("kind")) p.retention_by_kind[k->text] = k->attr("period");
  }
  if (const XmlNode* s = tree->child("split")) {
    p.split_bytes = to_u64(s->attr("max-bytes"), p.split_bytes);
    p.split_entries = to_u64(s->attr("max-entries"), p.split_entries);
    p.always_split = s->attr("always") == "true";
  }
  return p;
}

std::optional<ArchiveProfile> default_profile(core::DiagnosticSink& sink) {
  const auto path = core::data_path("profiles/archive-default.xml");
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return builtin_profile();
  return load_profile(path, sink);
}

}  // namespace wenshu::archive

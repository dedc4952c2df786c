// Pass 5 of verify (verify_passes.h): each 件's metadata (电子档案/<档号>/<档号>.xml, DA/T 46)
// against its files: mandatory elements (DA-1), 档号 form, uniqueness and 件号 continuity
// (DA-2), 保管期限 codes (DA-3), page counts (DA-4), sizes and digests (DA-5), and the PDFs
// themselves (DA-6, words shared with pack: pdf_problems). A file already reported as changed
// (pass 4) or unreadable (pass 3) is not reported again through its metadata.
#include <algorithm>

#include <fmt/format.h>

#include "archive/arrange.h"
#include "archive/dossier.h"
#include "archive/pdf_problems.h"
#include "archive/verify_passes.h"
#include "core/data_dir.h"
#include "ingest/xml_tree.h"

namespace wenshu::archive {

using ingest::parse_xml_tree;
using ingest::XmlNode;

namespace {

using Numbers = std::map<std::string, std::vector<int>>;  // lowest class (ASCII key form) → 件号

bool all_digits(const std::string& s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

/// Items whose metadata entry is unreadable still exist: they count as present in the
/// continuity, catalogue and register checks instead of raising a finding each.
void note_damaged_items(Observed& obs, Numbers& numbers) {
  for (const auto& rel : obs.unreadable) {
    if (rel.rfind(kRecordsDir, 0) != 0) continue;
    const std::string dir = rel.substr(0, rel.rfind('/'));
    const std::string key = dir.substr(dir.rfind('/') + 1);
    if (rel != dir + "/" + key + ".xml" || key.size() < 6) continue;
    obs.damaged_items.insert(key);
    if (const std::string number = key.substr(key.size() - 4); all_digits(number))
      numbers[key.substr(0, key.size() - 5)].push_back(std::stoi(number));
  }
}

/// The documents (文件数据/文档) of one item against the files: DA-1 (missing), DA-4 (pages),
/// DA-5 (size, digests). Returns the sum of the declared page counts; sets `has_main`.
int check_documents(const XmlNode& ent, const std::string& dir, const std::string& rel, const std::string& archival,
                    Observed& obs, Findings& f, bool& has_main) {
  int pages = 0;
  const XmlNode* data = ent.child("文件数据");
  for (const XmlNode* docn : data ? data->all("文档") : std::vector<const XmlNode*>{}) {
    if (docn->child_text("文档主从声明") == "主文档") has_main = true;
    // Every 编码 of the 文档 (a PDF and its OFD rendition); the 文档's pages counted once.
    const XmlNode* doc_data = docn->child("文档数据");
    bool first = true;
    for (const XmlNode* enc : doc_data ? doc_data->all("编码") : std::vector<const XmlNode*>{}) {
      const bool counts = first;
      first = false;
      const XmlNode* attrs = enc->child("电子属性");
      const XmlNode* blob = enc->child("编码数据");
      const std::string file = dir + "/" + (blob ? blob->attr("路径") : "");
      const int declared = std::atoi(enc->child_text("页数").c_str());
      const auto it = obs.actual.find(file);
      if (blob && obs.unreadable.count(file)) {  // damaged entry: its ZIP-CRC finding says it all
        obs.pdfs_claimed.insert(file);
        if (counts) pages += declared;
        continue;
      }
      if (!blob || it == obs.actual.end()) {
        f.error("DA-1", obs.root + rel, archival, "元数据指向的文件不存在：" + file);
        continue;
      }
      obs.pdfs_claimed.insert(file);
      if (counts) pages += declared;
      // A file changed after packing has its one DA-5 finding (pass 4); comparing the metadata
      // with its new bytes would only repeat it. These catch metadata that disagrees with an
      // unchanged component (or a manifest rewritten to match).
      if (obs.altered.count(file)) continue;
      if (attrs && attrs->child_text("计算机文件大小") != std::to_string(it->second.size))
        f.error("DA-5", obs.root + file, archival,
                fmt::format("计算机文件大小 {} 与实际 {} 不符", attrs->child_text("计算机文件大小"), it->second.size));
      if (blob->attr("sha256") != it->second.sha256 || blob->attr("sm3") != it->second.sm3)
        f.error("DA-5", obs.root + file, archival, "元数据记录的摘要与文件不符");
      const auto pf = obs.pdfs.find(file);
      if (pf != obs.pdfs.end() && pf->second.facts.readable && pf->second.facts.pages != declared)
        f.error("DA-4", obs.root + rel, archival,
                fmt::format("元数据页数 {} 与 PDF 实际页数 {} 不符：{}", declared, pf->second.facts.pages, file));
      if (const auto of = obs.ofds.find(file); of != obs.ofds.end() && of->second.readable && of->second.pages != declared)
        f.error("DA-4", obs.root + rel, archival,
                fmt::format("元数据页数 {} 与 OFD 实际页数 {} 不符：{}", declared, of->second.pages, file));
    }
  }
  return pages;
}

/// The identification of one item: DA-1 mandatory elements, DA-3 保管期限, DA-2 档号.
void check_identity(const ArchiveProfile& profile, const XmlNode& ent, const std::string& rel, const std::string& key,
                    const std::string& archival, Observed& obs, Findings& f, Numbers& numbers) {
  const XmlNode* code = ent.child("档号");
  const XmlNode* desc = ent.child("内容描述");
  auto need = [&](const std::string& value, const char* what) {
    if (value.empty()) f.error("DA-1", obs.root + rel, archival.empty() ? key : archival, std::string("必备元数据为空：") + what);
  };
  need(ent.child("来源") ? ent.child("来源")->child_text("立档单位名称") : "", "立档单位名称");
  need(ent.child_text("电子文件号"), "电子文件号");
  need(archival, "档号");
  need(desc ? desc->child_text("题名") : "", "题名");
  need(desc ? desc->child_text("责任者") : "", "责任者");
  need(desc ? desc->child_text("文种") : "", "文种");
  const std::string retention = code ? code->child_text("保管期限") : "";
  const auto& codes = retention_codes();
  if (std::find(codes.begin(), codes.end(), retention) == codes.end())
    f.error("DA-3", obs.root + rel, archival, "保管期限“" + retention + "”不是允许的代码");
  if (!archival_code_well_formed(profile, archival)) {
    f.error("DA-2", obs.root + rel, archival, "档号格式错误（应为 " + make_archival_code(profile, "Z109", 2024, "Y", "DCY", 1) + " 样式）");
    return;
  }
  if (archival_key(archival) != key) f.error("DA-2", obs.root + rel, archival, "档号与文件夹名 " + key + " 不符");
  if (obs.item_pages.count(archival)) f.error("DA-2", obs.root + rel, archival, "档号重复");
  const std::string number = archival.substr(archival.size() - 4);
  if (code && code->child_text("室编件号") != number) f.error("DA-2", obs.root + rel, archival, "室编件号与档号末段不符");
  numbers[archival_key(archival.substr(0, archival.size() - 5))].push_back(std::stoi(number));
}

void check_item(const ArchiveProfile& profile, const std::string& rel, const std::string& bytes, Observed& obs,
                Findings& f, Numbers& numbers, VerifyStats& stats) {
  const std::string dir = rel.substr(0, rel.rfind('/'));
  const std::string key = dir.substr(dir.rfind('/') + 1);
  if (rel != dir + "/" + key + ".xml") {
    f.error("BAG-EXTRA", obs.root + rel, "", "电子档案/ 下的 XML 不是某件的元数据文件（<档号>/<档号>.xml）");
    return;
  }
  ++stats.items;
  auto tree = parse_xml_tree(bytes, obs.root + rel, core::data_path("schemas/archive") / kItemSchema, f.sink);
  const XmlNode* ent = tree && tree->child("文件实体块") ? tree->child("文件实体块")->child("文件实体") : nullptr;
  if (!ent) return;
  const XmlNode* code = ent->child("档号");
  const std::string archival = code ? code->attr("值") : "";
  check_identity(profile, *ent, rel, key, archival, obs, f, numbers);
  bool has_main = false;
  const int pages = check_documents(*ent, dir, rel, archival, obs, f, has_main);
  if (!has_main) f.error("DA-1", obs.root + rel, archival, "没有主文档");
  const std::string total_pages = ent->child("形式特征") ? ent->child("形式特征")->child_text("页数") : "";
  if (total_pages != std::to_string(pages))
    f.error("DA-4", obs.root + rel, archival, fmt::format("件的页数 {} 与各文档页数之和 {} 不符", total_pages, pages));
  if (!archival.empty()) obs.item_pages[archival] = std::atoi(total_pages.c_str());
}

/// DA-2: 件号 0001…N without gaps or repeats inside each lowest class (DA/T 22 §5.4, DA/T 70).
void check_numbering(Numbers& numbers, const Observed& obs, Findings& f) {
  for (auto& [cls, nums] : numbers) {
    std::sort(nums.begin(), nums.end());
    for (std::size_t i = 0; i < nums.size(); ++i)
      if (nums[i] != static_cast<int>(i) + 1) {
        f.error("DA-2", obs.root + kRecordsDir, cls, fmt::format("件号不连续：第 {} 件应为 {:04d}，实为 {:04d}", i + 1, i + 1, nums[i]));
        break;
      }
  }
}

/// DA-6 on every unchanged PDF, and PDFs that no item claims.
void check_pdfs(const Observed& obs, Findings& f) {
  for (const auto& [p, seen] : obs.pdfs) {
    const std::string dir = p.substr(0, p.rfind('/'));
    if (obs.damaged_items.count(dir.substr(dir.rfind('/') + 1))) continue;  // its metadata is the ZIP-CRC finding
    const bool catalogue = p == kCataloguePdfName;
    if (!obs.altered.count(p))
      for (const auto& problem : pdf_problems(seen.facts))
        f.error("DA-6", catalogue ? obs.root + p : seen.entry, catalogue ? "" : item_of(p),
                catalogue ? "归档文件目录.pdf：" + problem.message : problem.message);
    // The printable 归档文件目录 (archive.md §12.2) belongs to the package, not to a 件.
    if (!catalogue && !obs.pdfs_claimed.count(p)) f.error("BAG-EXTRA", obs.root + p, "", "PDF 不属于任何一件的元数据");
  }
}

}  // namespace

void check_items(const ArchiveProfile& profile, Observed& obs, Findings& f, VerifyStats& stats) {
  if (obs.refused) return;
  Numbers numbers;
  note_damaged_items(obs, numbers);
  for (const auto& [rel, bytes] : obs.xml)
    if (rel.rfind(kRecordsDir, 0) == 0) check_item(profile, rel, bytes, obs, f, numbers, stats);
  check_numbering(numbers, obs, f);
  check_pdfs(obs, f);
  // EEP packages and OFD renditions as packed but unfit (a changed one is its DA-5 finding).
  for (const auto& [p, problem] : obs.eeps)
    if (!obs.altered.count(p) && !problem.empty()) f.error("EEP", obs.root + p, item_of(p), problem);
  for (const auto& [p, facts] : obs.ofds)
    if (!obs.altered.count(p))
      for (const auto& problem : pdf_problems(facts)) f.error("DA-6", obs.root + p, item_of(p), problem.message);
}

}  // namespace wenshu::archive

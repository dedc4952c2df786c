// Pass 6 of verify (verify_passes.h): the package-level files against the items (pass 5):
// 归档文件目录.xml (every 档号 with its 页数, DA-2/DA-4), 文件目录.xml (the same 档号), the
// 归档登记表 (counts of items, files and bytes), and the other fixed files, each valid against
// its schema.
#include <algorithm>

#include <fmt/format.h>

#include "archive/arrange.h"
#include "archive/dossier.h"
#include "archive/verify_passes.h"
#include "core/data_dir.h"
#include "ingest/xml_tree.h"

namespace wenshu::archive {

using ingest::parse_xml_tree;
using ingest::XmlNode;

namespace {

/// A fixed XML file of the package, parsed and validated; nullopt (with a finding) otherwise.
std::optional<XmlNode> parse_fixed(const Observed& obs, const std::string& rel, const char* schema, Findings& f) {
  if (obs.unreadable.count(rel)) return std::nullopt;  // reported once, as ZIP-CRC
  const auto it = obs.xml.find(rel);
  if (it == obs.xml.end()) {
    f.error("BAG-MISSING", obs.root + rel, "", "缺少必备文件");
    return std::nullopt;
  }
  return parse_xml_tree(it->second, obs.root + rel, core::data_path("schemas/archive") / schema, f.sink);
}

void check_catalogue(const Observed& obs, Findings& f) {
  const auto cat = parse_fixed(obs, kCatalogueName, kCatalogueSchema, f);
  if (!cat) return;
  std::set<std::string> seen;
  for (const XmlNode* vol : cat->all("卷"))
    for (const XmlNode* row : vol->all("条目")) {
      const std::string a = row->child_text("档号");
      seen.insert(a);
      const auto it = obs.item_pages.find(a);
      if (it == obs.item_pages.end() && obs.damaged_items.count(archival_key(a))) continue;
      if (it == obs.item_pages.end()) f.error("DA-2", obs.root + kCatalogueName, a, "归档文件目录中的档号没有对应的件");
      else if (row->child_text("页数") != std::to_string(it->second))
        f.error("DA-4", obs.root + kCatalogueName, a,
                "归档文件目录中的页数 " + row->child_text("页数") + " 与元数据 " + std::to_string(it->second) + " 不符");
    }
  for (const auto& [a, p] : obs.item_pages)
    if (!seen.count(a)) f.error("DA-2", obs.root + kCatalogueName, a, "件未列入归档文件目录");
}

void check_file_list(const Observed& obs, Findings& f) {
  const auto list = parse_fixed(obs, kFileListName, kFileListSchema, f);
  if (!list) return;
  std::set<std::string> seen;
  for (const XmlNode* e : list->all("文件"))
    if (!obs.damaged_items.count(archival_key(e->child_text("档号")))) seen.insert(e->child_text("档号"));
  const bool same = seen.size() == obs.item_pages.size() &&
                    std::all_of(obs.item_pages.begin(), obs.item_pages.end(), [&](const auto& kv) { return seen.count(kv.first) > 0; });
  if (!same) f.error("DA-2", obs.root + kFileListName, "", "文件目录.xml 与各件元数据不一致");
}

void check_registration(const Observed& obs, Findings& f) {
  const auto reg = parse_fixed(obs, kRegistrationName, kRegistrationSchema, f);
  if (!reg) return;
  std::uint64_t files = 0, bytes = 0;
  for (const auto& [rel, d] : obs.actual)
    if (rel.rfind(kRecordsDir, 0) == 0) ++files, bytes += d.size;
  for (const auto& [rel, size] : obs.unreadable_size)
    if (rel.rfind(kRecordsDir, 0) == 0) ++files, bytes += size;
  const std::string items = std::to_string(obs.item_pages.size() + obs.damaged_items.size());
  if (reg->child_text("件数") != items || reg->child_text("文件数") != std::to_string(files) ||
      reg->child_text("字节数") != std::to_string(bytes))
    f.error("BAG-REG", obs.root + kRegistrationName, "",
            fmt::format("归档登记表（件数 {}，文件数 {}，字节数 {}）与实际（{}，{}，{}）不符", reg->child_text("件数"),
                        reg->child_text("文件数"), reg->child_text("字节数"), items, files, bytes));
}

}  // namespace

void check_catalogues(Observed& obs, Findings& f) {
  if (obs.refused) return;
  check_catalogue(obs, f);
  check_file_list(obs, f);
  check_registration(obs, f);
  parse_fixed(obs, kNotesName, kNotesSchema, f);
  parse_fixed(obs, kSchemeName, kSchemeSchema, f);
  parse_fixed(obs, kReportName, kReportSchema, f);
  if (!obs.actual.count(kExplanationName) && !obs.unreadable.count(kExplanationName))
    f.error("BAG-MISSING", obs.root + kExplanationName, "", "缺少说明文件.txt");
}

}  // namespace wenshu::archive

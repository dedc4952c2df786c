// Pass 2 of verify (verify_passes.h): the BagIt tag files, read strictly. Only the tag files
// the format defines may stand outside data/ (RFC 8493 §2; archive.md §12.3): anything
// else there (manifest-evil.exe, a second algorithm, fetch.txt) is refused, and bag-info.txt
// is parsed line by line with each unique label at most once.
#include <algorithm>
#include <cstring>

#include <fmt/format.h>

#include "archive/bag.h"
#include "archive/sign.h"
#include "archive/verify_passes.h"

namespace wenshu::archive {

namespace {

bool is_required_tag_file(const std::string& rel) {
  return std::any_of(std::begin(kRequiredTagFiles), std::end(kRequiredTagFiles),
                     [&](const char* t) { return rel == t; });
}

/// Reads one tag file whole (at most max_tag_bytes); false (and a finding) when unreadable.
bool read_tag(EntrySource& src, const VerifyLimits& limits, Observed& obs, const std::string& rel, std::string& out,
              Findings& f) {
  const auto it = obs.index_of.find(rel);
  if (it == obs.index_of.end()) return false;
  out.clear();
  const std::string err = src.read(it->second, limits.max_tag_bytes, [&](std::string_view b) { out.append(b); });
  if (err.empty()) return true;
  f.error("ZIP-CRC", obs.root + rel, "", "读取失败：" + err);
  obs.usable[it->second] = false;
  return false;
}

}  // namespace

ManifestSeen parse_manifest(const std::string& name, const std::string& text, Findings& f) {
  ManifestSeen m;
  m.present = true;
  std::size_t pos = 0;
  for (int line_no = 1; pos < text.size(); ++line_no) {
    const std::size_t nl = std::min(text.find('\n', pos), text.size());
    std::string line = text.substr(pos, nl - pos);
    pos = nl + 1;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    const std::string where = fmt::format("{}:{}", name, line_no);
    const std::size_t sp = line.find_first_of(" \t");
    const std::size_t p = sp == std::string::npos ? std::string::npos : line.find_first_not_of(" \t", sp);
    std::string hex = line.substr(0, sp);
    const bool hex_ok = hex.size() == 64 && std::all_of(hex.begin(), hex.end(), [](char c) { return std::isxdigit(static_cast<unsigned char>(c)); });
    if (p == std::string::npos || !hex_ok) {
      f.error("BAG-MANIFEST", where, "", "清单行格式错误（应为“64 位十六进制摘要  路径”）");
      continue;
    }
    std::transform(hex.begin(), hex.end(), hex.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    const std::string path = manifest_path_decode(line.substr(p));
    std::string why;
    if (!safe_entry_name(path, why)) {
      f.error("ZIP-PATH", where, path, "清单中的路径不安全：" + why);
      continue;
    }
    if (!m.lines.emplace(path, hex).second) f.error("BAG-MANIFEST", where, path, "路径在清单中重复出现");
  }
  return m;
}

void parse_bag_info(Observed& obs, Findings& f) {
  const std::string name = obs.root + "bag-info.txt";
  const std::string& text = obs.bag_info;
  std::map<std::string, int> seen;
  std::size_t pos = 0;
  for (int line_no = 1; pos < text.size(); ++line_no) {
    const std::size_t nl = std::min(text.find('\n', pos), text.size());
    const std::string line = text.substr(pos, nl - pos);
    pos = nl + 1;
    const std::string where = fmt::format("{}:{}", name, line_no);
    if (line.empty() || line.find('\r') != std::string::npos) {
      f.error("BAG-INFO", where, "", line.empty() ? "空行（标签行之间不得有空行）" : "含 CR（本格式只用 LF 换行）");
      continue;
    }
    if (line[0] == ' ' || line[0] == '\t') {  // continuation of the previous value (RFC 8493 §2.2.2)
      if (line_no == 1) f.error("BAG-INFO", where, "", "续行之前没有标签行");
      continue;
    }
    const std::size_t colon = line.find(':');
    const bool label_ok = colon != std::string::npos && colon > 0 &&
                          std::none_of(line.begin(), line.begin() + static_cast<std::ptrdiff_t>(colon),
                                       [](unsigned char c) { return c < 0x21 || c == 0x7f; });
    if (!label_ok || colon + 1 >= line.size() || (line[colon + 1] != ' ' && line[colon + 1] != '\t')) {
      f.error("BAG-INFO", where, "", "行格式错误（应为“标签: 值”）");
      continue;
    }
    const std::string label = line.substr(0, colon);
    const bool unique = std::any_of(std::begin(kUniqueBagInfoLabels), std::end(kUniqueBagInfoLabels),
                                    [&](const char* l) { return label == l; });
    if (unique && seen.count(label)) {
      f.error("BAG-INFO", where, "", fmt::format("{} 重复出现（第 {} 行已有；RFC 8493 §2.2.2 只允许一次）", label, seen[label]));
      continue;
    }
    seen.emplace(label, line_no);
    obs.bag_info_fields.emplace(label, line.substr(colon + 2));
  }
}

void read_tag_files(EntrySource& src, const VerifyLimits& limits, Observed& obs, Findings& f) {
  if (obs.refused) return;
  for (const auto& [rel, i] : obs.index_of)
    if (rel.rfind("data/", 0) != 0 && !is_required_tag_file(rel) && rel != kSignatureFile) {
      f.error("BAG-EXTRA", obs.entries[i].name, "",
              "多余文件：根目录只能有 BagIt 标签文件与 data/（RFC 8493 §2；DA/T 70 GD-4-3）");
      obs.usable[i] = false;  // never read
    }
  if (!read_tag(src, limits, obs, "bagit.txt", obs.bagit, f)) f.error("BAG-MISSING", obs.root + "bagit.txt", "", "缺少 bagit.txt");
  else if (obs.bagit != bagit_txt())
    f.error("BAG-DECL", obs.root + "bagit.txt", "", "bagit.txt 内容应为 BagIt-Version: 1.0 与 UTF-8 两行（无 BOM，LF）");
  if (!read_tag(src, limits, obs, "bag-info.txt", obs.bag_info, f))
    f.error("BAG-MISSING", obs.root + "bag-info.txt", "", "缺少 bag-info.txt");
  else
    parse_bag_info(obs, f);
  const std::pair<const char*, ManifestSeen*> manifests[] = {{"manifest-sha256.txt", &obs.manifest_sha256},
                                                             {"manifest-sm3.txt", &obs.manifest_sm3},
                                                             {"tagmanifest-sha256.txt", &obs.tagmanifest_sha256},
                                                             {"tagmanifest-sm3.txt", &obs.tagmanifest_sm3}};
  for (const auto& [name, seen] : manifests) {
    std::string text;
    if (read_tag(src, limits, obs, name, text, f)) *seen = parse_manifest(obs.root + name, text, f);
    else f.error("BAG-MISSING", obs.root + name, "", std::string("缺少清单 ") + name);
  }
  for (const char* need : {"bagit.txt", "bag-info.txt", "manifest-sha256.txt", "manifest-sm3.txt"}) {
    if (!obs.tagmanifest_sha256.lines.count(need))
      f.error("BAG-TAG", obs.root + "tagmanifest-sha256.txt", need, std::string("标签清单未列出 ") + need);
    if (!obs.tagmanifest_sm3.lines.count(need))
      f.error("BAG-TAG", obs.root + "tagmanifest-sm3.txt", need, std::string("标签清单未列出 ") + need);
  }
}

}  // namespace wenshu::archive

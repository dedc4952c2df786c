// Dossier verification, archive.md §12.6 (see verify.h). Order: container (names, sizes, methods)
// before any byte is read, so a hostile ZIP is refused early; then one streaming pass over all
// entries (digests, XML and PDF checks on the fly); then the cross-checks between manifests,
// metadata, catalogues and the registration form.
#include "archive/verify.h"

#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>

#include "archive/arrange.h"
#include "archive/bag.h"
#include "archive/digest.h"
#include "archive/dossier.h"
#include "archive/entry_source.h"
#include "archive/xml_tree.h"
#include "core/data_dir.h"
#include "core/utf8.h"
#include "pdf/inspect.h"

namespace wenshu::archive {

namespace fs = std::filesystem;

bool safe_entry_name(const std::string& name, std::string& why) {
  if (name.empty()) return why = "empty name", false;
  if (name[0] == '/' || name[0] == '\\') return why = "absolute path", false;
  if (name.size() >= 2 && name[1] == ':') return why = "drive letter", false;
  if (name[0] == '~') return why = "home-relative path", false;
  if (!core::utf8_valid(name)) return why = "name is not valid UTF-8", false;
  std::size_t start = 0;
  const std::string body = name.back() == '/' ? name.substr(0, name.size() - 1) : name;
  while (start <= body.size()) {
    const std::size_t end = std::min(body.find('/', start), body.size());
    const std::string part = body.substr(start, end - start);
    if (part.empty()) return why = "empty path component", false;
    if (part == "." || part == "..") return why = "\"" + part + "\" component", false;
    for (unsigned char c : part) {
      if (c < 0x20 || c == 0x7f) return why = "control character", false;
      if (std::string_view("\\<>:\"|?*").find(static_cast<char>(c)) != std::string_view::npos)
        return why = fmt::format("character '{}' reserved on Windows", static_cast<char>(c)), false;
    }
    if (part.back() == '.' || part.back() == ' ') return why = "component ends with dot or space", false;
    // Windows device names, with or without extension (RFC 8493 §8 interoperability note).
    std::string stem = part.substr(0, part.find('.'));
    std::transform(stem.begin(), stem.end(), stem.begin(), [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    static const std::set<std::string> kReserved{"CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5",
                                                 "COM6", "COM7", "COM8", "COM9", "LPT1", "LPT2", "LPT3", "LPT4",
                                                 "LPT5", "LPT6", "LPT7", "LPT8", "LPT9"};
    if (kReserved.count(stem)) return why = "reserved device name " + stem, false;
    start = end + 1;
  }
  return true;
}

namespace {

/// The fixed non-ASCII path components of the format (archive.md §12.2), written NFC by us.
/// Other non-ASCII names are allowed when NFC (a receiver's own additions), with a warning.
bool allowed_non_ascii_component(const std::string& part) {
  static const std::set<std::string> kFixed{"说明文件.txt", "文件目录.xml", "归档文件目录.xml", "归档文件目录.pdf",
                                            "电子档案",     "其他",         "归档登记表.xml",   "备考表.xml",
                                            "分类方案.xml", "命名规则.txt", "检测报告.xml"};
  return kFixed.count(part) > 0;
}

bool is_ascii(const std::string& s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

struct Verifier {
  const ArchiveProfile& profile;
  core::DiagnosticSink& sink;
  VerifyStats& stats;
  const VerifyLimits& limits;
  std::string root;  // "Z109-WS-2024/"

  void error(const std::string& rule, const std::string& file, const std::string& item, const std::string& msg) {
    core::Diagnostic d;
    d.rule = rule;
    d.location.file = file;
    d.record_id = item;
    d.message = msg;
    sink.push(std::move(d));
  }
};

std::map<std::string, std::string> parse_manifest(Verifier& v, const std::string& name, const std::string& text) {
  std::map<std::string, std::string> m;
  std::size_t pos = 0;
  int line_no = 0;
  while (pos < text.size()) {
    const std::size_t nl = std::min(text.find('\n', pos), text.size());
    std::string line = text.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    const std::size_t sp = line.find_first_of(" \t");
    const std::size_t p = sp == std::string::npos ? std::string::npos : line.find_first_not_of(" \t", sp);
    if (p == std::string::npos) {
      v.error("BAG-MANIFEST", fmt::format("{}:{}", name, line_no), "", "清单行格式错误（应为“摘要  路径”）");
      continue;
    }
    std::string hex = line.substr(0, sp);
    std::transform(hex.begin(), hex.end(), hex.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    const std::string path = manifest_path_decode(line.substr(p));
    std::string why;
    if (!safe_entry_name(path, why)) {
      v.error("ZIP-PATH", fmt::format("{}:{}", name, line_no), path, "清单中的路径不安全：" + why);
      continue;
    }
    if (!m.emplace(path, hex).second)
      v.error("BAG-MANIFEST", fmt::format("{}:{}", name, line_no), path, "路径在清单中重复出现");
  }
  return m;
}

/// What the inspection of one stored PDF found; the findings are worded only after the
/// manifests are checked, so that a PDF that was altered gets one finding, not several.
struct PdfFacts {
  std::string entry;  ///< full entry name
  bool readable = false;
  int pages = 0;
  bool encrypted = false, scripts = false, fonts_ok = true;

  /// The problems as a PDF, in words (empty when none).
  std::vector<std::string> problems() const {
    std::vector<std::string> p;
    if (!readable) p.push_back("不是可读的 PDF 文件");
    if (encrypted) p.push_back("PDF 已加密");
    if (scripts) p.push_back("PDF 含脚本或动作");
    if (readable && !fonts_ok) p.push_back("PDF 有未嵌入或缺少 ToUnicode 的字体");
    return p;
  }
};

/// The 件 an entry belongs to: its folder's name (the ASCII 档号 key) under 电子档案/, else "".
std::string item_of(const std::string& rel) {
  if (rel.rfind(kRecordsDir, 0) != 0) return {};
  const std::size_t slash = rel.rfind('/');
  const std::size_t prev = rel.rfind('/', slash - 1);
  return prev == std::string::npos || slash <= std::string_view(kRecordsDir).size() ? std::string()
                                                                                    : rel.substr(prev + 1, slash - prev - 1);
}

/// Joins with "；".
std::string join(const std::vector<std::string>& parts, const char* sep = "；") {
  std::string s;
  for (const auto& p : parts) s += (s.empty() ? "" : sep) + p;
  return s;
}

}  // namespace

bool verify_dossier(const fs::path& path, const ArchiveProfile& profile, core::DiagnosticSink& sink,
                    VerifyStats& stats, const VerifyLimits& limits) {
  const std::size_t errors_before = sink.count(core::Severity::kError);
  Verifier v{profile, sink, stats, limits, ""};
  const std::string shown = path.string();
  std::error_code ec;
  std::string open_error;
  std::unique_ptr<EntrySource> src = fs::is_directory(path, ec) ? open_dir_source(path, open_error)
                                                                 : open_zip_source(path, open_error);
  if (!src) {
    v.error("ZIP-OPEN", shown, "", "无法作为归档包读取（截断或损坏的 ZIP？）：" + open_error);
    return false;
  }
  const auto& entries = src->entries();
  stats.entries = entries.size();
  if (entries.size() > limits.max_entries) {
    v.error("ZIP-BOMB", shown, "", fmt::format("条目数 {} 超过上限 {}", entries.size(), limits.max_entries));
    return false;
  }
  if (entries.empty()) {
    v.error("BAG-MISSING", shown, "", "归档包为空");
    return false;
  }

  // 1. Container checks on the declared data only.
  const std::string first = entries.front().name;
  v.root = first.substr(0, first.find('/') + 1);
  if (v.root.empty() || v.root == "/") v.root = "?/";
  if (first != v.root + "bagit.txt")
    v.error("ZIP-ORDER", shown, first, "第一个条目应为 <根目录>/bagit.txt（archive.md §12.5）");
  std::vector<bool> readable(entries.size(), false);
  std::map<std::string, std::string> folded;
  std::uint64_t total = 0;
  bool bomb = false;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const EntryInfo& e = entries[i];
    std::string why;
    if (!safe_entry_name(e.name, why)) {
      v.error("ZIP-PATH", e.name, "", "不安全的条目名：" + why);
      continue;
    }
    if (e.is_symlink) {
      v.error("ZIP-PATH", e.name, "", "符号链接（不跟随）");
      continue;
    }
    if (e.name.compare(0, v.root.size(), v.root) != 0) {
      v.error("ZIP-ROOT", e.name, "", "条目不在唯一的根目录 " + v.root + " 之下");
      continue;
    }
    if (!is_ascii(e.name) && !is_nfc(e.name)) {
      v.error("ZIP-NAME", e.name, "", "非 ASCII 文件名不是 Unicode NFC 规范形式（archive.md §12.2：名称须以 NFC 写入）");
      continue;
    }
    const std::string key = fold_name(e.name);
    if (!folded.emplace(key, e.name).second) {
      v.error("ZIP-DUP", e.name, "", "与 " + folded[key] + " 在 NFC 规范化与大小写折叠后重名（archive.md §12.6）");
      continue;
    }
    std::size_t s = 0;
    while (s < e.name.size()) {
      const std::size_t t = std::min(e.name.find('/', s), e.name.size());
      const std::string part = e.name.substr(s, t - s);
      if (!is_ascii(part) && !allowed_non_ascii_component(part)) {
        core::Diagnostic d;
        d.severity = core::Severity::kWarning;
        d.rule = "ZIP-NAME";
        d.location.file = e.name;
        d.message = "非 ASCII 文件名不在本格式的固定名称之列（已核对 NFC 与重名；archive.md §12.2 只用 ASCII 档号名）";
        sink.push(std::move(d));
        break;
      }
      s = t + 1;
    }
    if (e.is_dir) continue;
    if (e.encrypted) {
      v.error("ZIP-ENCRYPTED", e.name, "", "条目已加密（DA/T 70 可用性：不得加密）");
      continue;
    }
    if (e.method != 0 && e.method != 8) {
      v.error("ZIP-METHOD", e.name, "", fmt::format("压缩方法 {} 不是公开的 0（存储）或 8（deflate）", e.method));
      continue;
    }
    if (e.size > limits.max_entry_bytes) {
      v.error("ZIP-BOMB", e.name, "", fmt::format("声明大小 {} 字节超过单文件上限 {}", e.size, limits.max_entry_bytes));
      bomb = true;
      continue;
    }
    if (e.method == 8 && e.size > 1024 * 1024 && e.size / std::max<std::uint64_t>(e.comp_size, 1) > limits.max_ratio) {
      v.error("ZIP-BOMB", e.name, "", fmt::format("压缩比 {}:1 超过上限 {}:1", e.size / std::max<std::uint64_t>(e.comp_size, 1), limits.max_ratio));
      bomb = true;
      continue;
    }
    total += e.size;
    readable[i] = true;
  }
  if (total > limits.max_total_bytes) {
    v.error("ZIP-BOMB", shown, "", fmt::format("声明总大小 {} 字节超过上限 {}", total, limits.max_total_bytes));
    bomb = true;
  }
  if (bomb) return false;

  // 2. Tag files.
  std::map<std::string, std::size_t> index_of;
  for (std::size_t i = 0; i < entries.size(); ++i)
    if (readable[i]) index_of[entries[i].name.substr(v.root.size())] = i;
  auto read_small = [&](const std::string& rel, std::string& out) -> bool {
    const auto it = index_of.find(rel);
    if (it == index_of.end()) return false;
    out.clear();
    const std::string err = src->read(it->second, limits.max_tag_bytes, [&](std::string_view b) { out.append(b); });
    if (!err.empty()) {
      v.error("ZIP-CRC", v.root + rel, "", "读取失败：" + err);
      readable[it->second] = false;
      return false;
    }
    return true;
  };
  std::string bagit, bag_info, m_sha, m_sm3, t_sha, t_sm3;
  if (!read_small("bagit.txt", bagit)) v.error("BAG-MISSING", v.root + "bagit.txt", "", "缺少 bagit.txt");
  else if (bagit != bagit_txt()) v.error("BAG-DECL", v.root + "bagit.txt", "", "bagit.txt 内容应为 BagIt-Version: 1.0 与 UTF-8 两行（无 BOM，LF）");
  if (!read_small("bag-info.txt", bag_info)) v.error("BAG-MISSING", v.root + "bag-info.txt", "", "缺少 bag-info.txt");
  const bool have_sha = read_small("manifest-sha256.txt", m_sha), have_sm3 = read_small("manifest-sm3.txt", m_sm3);
  if (!have_sha) v.error("BAG-MISSING", v.root + "manifest-sha256.txt", "", "缺少 SHA-256 清单");
  if (!have_sm3) v.error("BAG-MISSING", v.root + "manifest-sm3.txt", "", "缺少 SM3 清单");
  if (!read_small("tagmanifest-sha256.txt", t_sha)) v.error("BAG-MISSING", v.root + "tagmanifest-sha256.txt", "", "缺少标签清单");
  if (!read_small("tagmanifest-sm3.txt", t_sm3)) v.error("BAG-MISSING", v.root + "tagmanifest-sm3.txt", "", "缺少标签清单");
  const auto man_sha = parse_manifest(v, v.root + "manifest-sha256.txt", m_sha);
  const auto man_sm3 = parse_manifest(v, v.root + "manifest-sm3.txt", m_sm3);
  const auto tag_sha = parse_manifest(v, v.root + "tagmanifest-sha256.txt", t_sha);
  const auto tag_sm3 = parse_manifest(v, v.root + "tagmanifest-sm3.txt", t_sm3);
  for (const char* need : {"bagit.txt", "bag-info.txt", "manifest-sha256.txt", "manifest-sm3.txt"}) {
    if (!tag_sha.count(need)) v.error("BAG-TAG", v.root + "tagmanifest-sha256.txt", need, std::string("标签清单未列出 ") + need);
    if (!tag_sm3.count(need)) v.error("BAG-TAG", v.root + "tagmanifest-sm3.txt", need, std::string("标签清单未列出 ") + need);
  }

  // 3. One streaming pass: digests of everything, XML kept, PDFs inspected and dropped.
  std::map<std::string, Digests> actual;
  std::map<std::string, std::string> xml_bytes;
  std::map<std::string, PdfFacts> pdfs;
  // Entries whose bytes could not be read (CRC error, truncated): reported once, as ZIP-CRC;
  // the manifests, metadata and counts then treat them as present with their declared size,
  // so that one damaged entry does not also read as "missing", "Oxum wrong", "register wrong".
  std::set<std::string> unreadable;
  std::uint64_t unreadable_bytes = 0;
  // One isolated worker for all PDFs (not one fork per PDF). It parses PDF n while this
  // process reads and hashes the entries after it: two cores busy, results in entry order.
  pdf::PdfInspector inspector;
  std::string pending_rel, pending_entry;
  auto collect_pdf = [&] {
    if (!inspector.pending()) return;
    core::DiagnosticSink pdf_sink;  // the details; verify words its own findings from the facts
    const pdf::PdfInfo info = inspector.collect(pdf_sink);
    ++stats.pdfs;
    pdfs[pending_rel] = {pending_entry, info.readable, info.page_count, info.encrypted,
                         info.has_javascript || info.has_actions, info.all_fonts_embedded_with_unicode()};
  };
  for (std::size_t i = 0; i < entries.size(); ++i) {
    if (!readable[i] || entries[i].is_dir) continue;
    const std::string rel = entries[i].name.substr(v.root.size());
    const bool is_payload = rel.compare(0, 5, "data/") == 0;
    const bool is_xml = rel.size() > 4 && rel.compare(rel.size() - 4, 4, ".xml") == 0;
    const bool is_pdf = rel.size() > 4 && rel.compare(rel.size() - 4, 4, ".pdf") == 0;
    if (!is_payload) {
      const bool tag = rel == "bagit.txt" || rel == "bag-info.txt" || rel.rfind("manifest-", 0) == 0 ||
                       rel.rfind("tagmanifest-", 0) == 0;
      if (!tag || rel.find('/') != std::string::npos) {
        v.error("BAG-EXTRA", entries[i].name, "", "多余文件：不在 data/ 下也不是标签文件（DA/T 70 GD-4-3）");
        continue;
      }
    }
    DualHasher h;
    std::string keep;
    const bool keep_bytes = is_payload && (is_xml || is_pdf);
    const std::uint64_t cap = is_xml ? limits.max_xml_bytes : limits.max_entry_bytes;
    const std::string err = src->read(i, cap, [&](std::string_view b) {
      h.update(b);
      if (keep_bytes) keep.append(b);
    });
    if (!err.empty()) {
      v.error("ZIP-CRC", entries[i].name, item_of(rel), "读取失败（数据损坏或被截断）：" + err);
      unreadable.insert(rel);
      if (is_payload) {
        ++stats.payload_files;
        stats.payload_bytes += entries[i].size;
        if (rel.rfind(kRecordsDir, 0) == 0) unreadable_bytes += entries[i].size;
      }
      continue;
    }
    Digests d = h.finish();
    if (is_payload) {
      ++stats.payload_files;
      stats.payload_bytes += d.size;
      if (is_pdf) {
        collect_pdf();
        pending_rel = rel;
        pending_entry = entries[i].name;
        inspector.submit(std::move(keep), entries[i].name);
      } else if (is_xml) {
        xml_bytes[rel] = std::move(keep);
      }
    }
    actual[rel] = std::move(d);
  }
  collect_pdf();

  // 4. Manifests against the bytes (DA-5), missing and extra files: one finding per file, naming
  // every manifest concerned (a changed file disagrees with both SHA-256 and SM3 manifests).
  std::map<std::string, std::vector<std::string>> missing, extra, altered;  // path → manifests / algorithms
  auto check_manifest = [&](const std::map<std::string, std::string>& m, bool sm3, const std::string& mname, bool payload) {
    for (const auto& [p, hex] : m) {
      if (unreadable.count(p)) continue;  // already reported as ZIP-CRC
      const auto it = actual.find(p);
      if (it == actual.end()) {
        missing[p].push_back(mname);
        continue;
      }
      if ((sm3 ? it->second.sm3 : it->second.sha256) != hex) altered[p].push_back(sm3 ? "SM3" : "SHA-256");
    }
    if (!payload) return;
    for (const auto& [p, d] : actual)
      if (p.rfind("data/", 0) == 0 && !m.count(p)) extra[p].push_back(mname);
  };
  if (have_sha) check_manifest(man_sha, false, "manifest-sha256.txt", true);
  if (have_sm3) check_manifest(man_sm3, true, "manifest-sm3.txt", true);
  check_manifest(tag_sha, false, "tagmanifest-sha256.txt", false);
  check_manifest(tag_sm3, true, "tagmanifest-sm3.txt", false);
  for (const auto& [p, lists] : missing)
    v.error("BAG-MISSING", v.root + p, "", "清单 " + join(lists, "、") + " 列出的文件不存在");
  for (auto& [p, algs] : altered) {
    std::sort(algs.begin(), algs.end());
    algs.erase(std::unique(algs.begin(), algs.end()), algs.end());
  }
  // A payload file that disagrees with one manifest only, when that manifest itself was changed
  // (its tag-manifest digest fails), is the manifest's fault: named in the manifest's finding.
  std::map<std::string, std::vector<std::string>> blamed;  // manifest → payload paths
  for (auto it = altered.begin(); it != altered.end();) {
    const auto& [p, algs] = *it;
    const std::string manifest = algs.size() == 1 ? (algs[0] == "SM3" ? "manifest-sm3.txt" : "manifest-sha256.txt") : "";
    if (p.rfind("data/", 0) == 0 && !manifest.empty() && altered.count(manifest)) {
      blamed[manifest].push_back(p);
      it = altered.erase(it);
    } else {
      ++it;
    }
  }
  for (auto& [p, algs] : altered) {
    std::string msg = join(algs, "、") + " 摘要与清单不符：文件在打包后被改动";
    if (const auto b = blamed.find(p); b != blamed.end())
      msg += fmt::format("（其中 {} 行与文件不符，文件本身与另一清单一致：{}{}）", b->second.size(), b->second.front(),
                         b->second.size() > 1 ? " 等" : "");
    // The knock-on effects of the change on a PDF belong to this one finding.
    if (const auto pf = pdfs.find(p); pf != pdfs.end() && !pf->second.problems().empty())
      msg += "（改动后：" + join(pf->second.problems()) + "）";
    v.error("DA-5", v.root + p, item_of(p), msg);
  }
  for (const auto& [p, lists] : extra)
    v.error("BAG-EXTRA", v.root + p, "", "多余文件：未列入 " + join(lists, "、") + "（DA/T 70 GD-4-3）");
  // PDFs that are as packed but unfit to archive (the PDF itself is the finding).
  for (const auto& [p, facts] : pdfs)
    if (!altered.count(p))
      for (const auto& problem : facts.problems()) v.error("DA-6", facts.entry, item_of(p), problem);

  // Payload-Oxum (RFC 8493 §2.2.2).
  {
    const auto p = bag_info.find("Payload-Oxum: ");
    if (p == std::string::npos) {
      v.error("BAG-OXUM", v.root + "bag-info.txt", "", "bag-info.txt 缺少 Payload-Oxum");
    } else {
      const std::string value = bag_info.substr(p + 14, bag_info.find('\n', p) - p - 14);
      const std::string want = fmt::format("{}.{}", stats.payload_bytes, stats.payload_files);
      if (value != want)
        v.error("BAG-OXUM", v.root + "bag-info.txt", "", "Payload-Oxum " + value + " 与实际 " + want + " 不符");
    }
  }

  // 5. Metadata of every 件 and the catalogues.
  const fs::path schemas = core::data_path("schemas/archive");
  auto parse = [&](const std::string& rel, const char* schema) -> std::optional<XmlNode> {
    const auto it = xml_bytes.find(rel);
    if (unreadable.count(rel)) return std::nullopt;  // reported once, as ZIP-CRC
    if (it == xml_bytes.end()) {
      v.error("BAG-MISSING", v.root + rel, "", "缺少必备文件");
      return std::nullopt;
    }
    return parse_xml_tree(it->second, v.root + rel, schemas / schema, sink);
  };
  std::map<std::string, std::vector<int>> numbers;  // lowest class (ASCII key form) → 件号
  // 件 whose metadata entry is damaged (ZIP-CRC): they exist, so they count as present in the
  // continuity, catalogue and register checks instead of raising a second finding each.
  std::set<std::string> damaged_items;
  for (const auto& rel : unreadable) {
    if (rel.rfind(kRecordsDir, 0) != 0) continue;
    const std::string dir = rel.substr(0, rel.rfind('/'));
    const std::string key = dir.substr(dir.rfind('/') + 1);
    if (rel != dir + "/" + key + ".xml" || key.size() < 6) continue;
    damaged_items.insert(key);
    const std::string number = key.substr(key.size() - 4);
    if (std::all_of(number.begin(), number.end(), [](char c) { return c >= '0' && c <= '9'; }))
      numbers[key.substr(0, key.size() - 5)].push_back(std::stoi(number));
  }
  std::map<std::string, int> item_pages;            // 档号 → 页数
  std::set<std::string> pdfs_claimed;
  std::uint64_t record_files = 0, record_bytes = 0;
  for (const auto& [rel, d] : actual)
    if (rel.rfind(kRecordsDir, 0) == 0) ++record_files, record_bytes += d.size;
  for (const auto& rel : unreadable)
    if (rel.rfind(kRecordsDir, 0) == 0) ++record_files;
  record_bytes += unreadable_bytes;
  for (const auto& [rel, bytes] : xml_bytes) {
    if (rel.rfind(kRecordsDir, 0) != 0) continue;
    const std::string dir = rel.substr(0, rel.rfind('/'));
    const std::string key = dir.substr(dir.rfind('/') + 1);
    if (rel != dir + "/" + key + ".xml") {
      v.error("BAG-EXTRA", v.root + rel, "", "电子档案/ 下的 XML 不是某件的元数据文件（<档号>/<档号>.xml）");
      continue;
    }
    ++stats.items;
    auto tree = parse_xml_tree(bytes, v.root + rel, schemas / kItemSchema, sink);
    if (!tree) continue;
    const XmlNode* ent = tree->child("文件实体块") ? tree->child("文件实体块")->child("文件实体") : nullptr;
    if (!ent) continue;
    const XmlNode* code = ent->child("档号");
    const XmlNode* desc = ent->child("内容描述");
    const std::string archival = code ? code->attr("值") : "";
    auto need = [&](const std::string& value, const char* what) {
      if (value.empty()) v.error("DA-1", v.root + rel, archival.empty() ? key : archival, std::string("必备元数据为空：") + what);
    };
    need(ent->child("来源") ? ent->child("来源")->child_text("立档单位名称") : "", "立档单位名称");
    need(ent->child_text("电子文件号"), "电子文件号");
    need(archival, "档号");
    need(desc ? desc->child_text("题名") : "", "题名");
    need(desc ? desc->child_text("责任者") : "", "责任者");
    need(desc ? desc->child_text("文种") : "", "文种");
    const std::string retention = code ? code->child_text("保管期限") : "";
    const auto& codes = retention_codes();
    if (std::find(codes.begin(), codes.end(), retention) == codes.end())
      v.error("DA-3", v.root + rel, archival, "保管期限“" + retention + "”不是允许的代码");
    if (!archival_code_well_formed(profile, archival)) {
      v.error("DA-2", v.root + rel, archival, "档号格式错误（应为 " + make_archival_code(profile, "Z109", 2024, "Y", "DCY", 1) + " 样式）");
    } else {
      if (archival_key(archival) != key)
        v.error("DA-2", v.root + rel, archival, "档号与文件夹名 " + key + " 不符");
      if (item_pages.count(archival)) v.error("DA-2", v.root + rel, archival, "档号重复");
      const std::string number = archival.substr(archival.size() - 4);
      if (code && code->child_text("室编件号") != number)
        v.error("DA-2", v.root + rel, archival, "室编件号与档号末段不符");
      numbers[archival_key(archival.substr(0, archival.size() - 5))].push_back(std::stoi(number));
    }
    int pages = 0;
    bool has_main = false;
    const XmlNode* data = ent->child("文件数据");
    for (const XmlNode* docn : data ? data->all("文档") : std::vector<const XmlNode*>{}) {
      if (docn->child_text("文档主从声明") == "主文档") has_main = true;
      const XmlNode* enc = docn->child("文档数据") ? docn->child("文档数据")->child("编码") : nullptr;
      if (!enc) continue;
      const XmlNode* attrs = enc->child("电子属性");
      const XmlNode* blob = enc->child("编码数据");
      const std::string file = dir + "/" + (blob ? blob->attr("路径") : "");
      const auto it = actual.find(file);
      if (blob && unreadable.count(file)) {  // damaged entry: its ZIP-CRC finding says it all
        pdfs_claimed.insert(file);
        pages += std::atoi(enc->child_text("页数").c_str());
        continue;
      }
      if (!blob || it == actual.end()) {
        v.error("DA-1", v.root + rel, archival, "元数据指向的文件不存在：" + file);
        continue;
      }
      pdfs_claimed.insert(file);
      const int declared = std::atoi(enc->child_text("页数").c_str());
      pages += declared;
      // A file changed after packing has its one DA-5 finding above; comparing the metadata
      // with its new bytes would only repeat it. The comparisons below catch a metadata file
      // that disagrees with an unchanged component (or a manifest rewritten to match).
      if (altered.count(file)) continue;
      if (attrs && attrs->child_text("计算机文件大小") != std::to_string(it->second.size))
        v.error("DA-5", v.root + file, archival,
                fmt::format("计算机文件大小 {} 与实际 {} 不符", attrs->child_text("计算机文件大小"), it->second.size));
      if (blob->attr("sha256") != it->second.sha256 || blob->attr("sm3") != it->second.sm3)
        v.error("DA-5", v.root + file, archival, "元数据记录的摘要与文件不符");
      const auto pf = pdfs.find(file);
      if (pf != pdfs.end() && pf->second.readable && pf->second.pages != declared)
        v.error("DA-4", v.root + rel, archival, fmt::format("元数据页数 {} 与 PDF 实际页数 {} 不符：{}", declared, pf->second.pages, file));
    }
    if (!has_main) v.error("DA-1", v.root + rel, archival, "没有主文档");
    const std::string total_pages = ent->child("形式特征") ? ent->child("形式特征")->child_text("页数") : "";
    if (total_pages != std::to_string(pages))
      v.error("DA-4", v.root + rel, archival, fmt::format("件的页数 {} 与各文档页数之和 {} 不符", total_pages, pages));
    if (!archival.empty()) item_pages[archival] = std::atoi(total_pages.c_str());
  }
  for (const auto& [p, facts] : pdfs) {
    const std::string dir = p.substr(0, p.rfind('/'));
    if (damaged_items.count(dir.substr(dir.rfind('/') + 1))) continue;  // its metadata is the ZIP-CRC finding
    if (p == kCataloguePdfName) {
      // The printable 归档文件目录 (archive.md §12.2) belongs to the package, not to a 件; it
      // must still be a readable, unencrypted PDF with its fonts embedded (DA/T 70 usability).
      for (const auto& problem : facts.problems()) v.error("DA-6", v.root + p, "", "归档文件目录.pdf：" + problem);
      continue;
    }
    if (!pdfs_claimed.count(p)) v.error("BAG-EXTRA", v.root + p, "", "PDF 不属于任何一件的元数据");
  }
  // DA-2: 件号 0001…N without gaps or repeats inside each lowest class (DA/T 22 §5.4, DA/T 70).
  for (auto& [cls, nums] : numbers) {
    std::sort(nums.begin(), nums.end());
    for (std::size_t i = 0; i < nums.size(); ++i)
      if (nums[i] != static_cast<int>(i) + 1) {
        v.error("DA-2", v.root + kRecordsDir, cls, fmt::format("件号不连续：第 {} 件应为 {:04d}，实为 {:04d}", i + 1, i + 1, nums[i]));
        break;
      }
  }
  // Catalogues agree with the items.
  if (auto cat = parse(std::string(kCatalogueName).substr(0), kCatalogueSchema)) {
    std::set<std::string> seen;
    for (const XmlNode* vol : cat->all("卷"))
      for (const XmlNode* row : vol->all("条目")) {
        const std::string a = row->child_text("档号");
        seen.insert(a);
        const auto it = item_pages.find(a);
        if (it == item_pages.end() && damaged_items.count(archival_key(a))) continue;
        if (it == item_pages.end()) v.error("DA-2", v.root + kCatalogueName, a, "归档文件目录中的档号没有对应的件");
        else if (row->child_text("页数") != std::to_string(it->second))
          v.error("DA-4", v.root + kCatalogueName, a, "归档文件目录中的页数 " + row->child_text("页数") + " 与元数据 " + std::to_string(it->second) + " 不符");
      }
    for (const auto& [a, p] : item_pages)
      if (!seen.count(a)) v.error("DA-2", v.root + kCatalogueName, a, "件未列入归档文件目录");
  }
  if (auto list = parse(kFileListName, kFileListSchema)) {
    std::set<std::string> seen;
    for (const XmlNode* f : list->all("文件"))
      if (!damaged_items.count(archival_key(f->child_text("档号")))) seen.insert(f->child_text("档号"));
    if (seen.size() != item_pages.size() ||
        !std::all_of(item_pages.begin(), item_pages.end(), [&](const auto& kv) { return seen.count(kv.first) > 0; }))
      v.error("DA-2", v.root + kFileListName, "", "文件目录.xml 与各件元数据不一致");
  }
  if (auto reg = parse(kRegistrationName, kRegistrationSchema)) {
    const std::string want_items = std::to_string(item_pages.size() + damaged_items.size());
    if (reg->child_text("件数") != want_items || reg->child_text("文件数") != std::to_string(record_files) ||
        reg->child_text("字节数") != std::to_string(record_bytes))
      v.error("BAG-REG", v.root + kRegistrationName, "",
              fmt::format("归档登记表（件数 {}，文件数 {}，字节数 {}）与实际（{}，{}，{}）不符", reg->child_text("件数"),
                          reg->child_text("文件数"), reg->child_text("字节数"), want_items, record_files, record_bytes));
  }
  parse(kNotesName, kNotesSchema);
  parse(kSchemeName, kSchemeSchema);
  parse(kReportName, kReportSchema);
  if (!actual.count(kExplanationName)) v.error("BAG-MISSING", v.root + kExplanationName, "", "缺少说明文件.txt");
  return sink.count(core::Severity::kError) == errors_before;
}

}  // namespace wenshu::archive

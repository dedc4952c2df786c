// Pass 1 of verify (verify_passes.h): the container as it declares itself, before any byte of
// an entry is read. A name, kind or size that could hurt the reader refuses the entry; a bomb
// (sizes, ratio, entry count) refuses the whole container.
#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "archive/dossier.h"
#include "archive/verify_passes.h"
#include "core/utf8.h"
#include "text/unicode_names.h"

namespace wenshu::archive {

void Findings::error(const std::string& rule, const std::string& file, const std::string& item, const std::string& msg) {
  core::Diagnostic d;
  d.rule = rule;
  d.location.file = file;
  d.record_id = item;
  d.message = msg;
  sink.push(std::move(d));
}

void Findings::warning(const std::string& rule, const std::string& file, const std::string& msg) {
  core::Diagnostic d;
  d.severity = core::Severity::kWarning;
  d.rule = rule;
  d.location.file = file;
  d.message = msg;
  sink.push(std::move(d));
}

std::string item_of(const std::string& rel) {
  if (rel.rfind(kRecordsDir, 0) != 0) return {};
  const std::size_t slash = rel.rfind('/');
  const std::size_t prev = rel.rfind('/', slash - 1);
  return prev == std::string::npos || slash <= std::string_view(kRecordsDir).size() ? std::string()
                                                                                    : rel.substr(prev + 1, slash - prev - 1);
}

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
      if (c < 0x20 || c == 0x7f) return why = fmt::format("control character 0x{:02X}", c), false;
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

bool is_ascii(const std::string& s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

/// The fixed non-ASCII path components of the format (archive.md §12.2), written NFC by
/// us. Other non-ASCII names are allowed when NFC (a receiver's own additions), with a warning.
bool fixed_non_ascii_component(const std::string& part) {
  static const std::set<std::string> kFixed{"说明文件.txt", "文件目录.xml", "归档文件目录.xml", "归档文件目录.pdf",
                                            "电子档案",     "其他",         "归档登记表.xml",   "备考表.xml",
                                            "分类方案.xml", "命名规则.txt", "检测报告.xml"};
  return kFixed.count(part) > 0;
}

/// The name of one entry: safe, under the one root, NFC, unique after folding. False = refused.
bool check_name(const EntryInfo& e, Observed& obs, std::map<std::string, std::string>& folded, Findings& f) {
  std::string why;
  if (!safe_entry_name(e.name, why)) return f.error("ZIP-PATH", e.name, "", "不安全的条目名：" + why), false;
  if (e.name.compare(0, obs.root.size(), obs.root) != 0)
    return f.error("ZIP-ROOT", e.name, "", "条目不在唯一的根目录 " + obs.root + " 之下"), false;
  if (!is_ascii(e.name) && !text::is_nfc(e.name))
    return f.error("ZIP-NAME", e.name, "", "非 ASCII 文件名不是 Unicode NFC 规范形式（archive.md §12.2：名称须以 NFC 写入）"),
           false;
  const std::string key = text::fold_name(e.name);
  if (const auto [it, fresh] = folded.emplace(key, e.name); !fresh)
    return f.error("ZIP-DUP", e.name, "", "与 " + it->second + " 在 NFC 规范化与大小写折叠后重名（archive.md §12.6）"),
           false;
  for (std::size_t s = 0; s < e.name.size();) {
    const std::size_t t = std::min(e.name.find('/', s), e.name.size());
    const std::string part = e.name.substr(s, t - s);
    if (!is_ascii(part) && !fixed_non_ascii_component(part)) {
      f.warning("ZIP-NAME", e.name, "非 ASCII 文件名不在本格式的固定名称之列（已核对 NFC 与重名；archive.md §12.2 只用 ASCII 档号名）");
      break;
    }
    s = t + 1;
  }
  return true;
}

/// What the entry is and how it is stored: a plain, unencrypted file, stored or deflated, within
/// the size and ratio limits. False = refused; `bomb` set when the container must be refused.
bool check_kind(const EntryInfo& e, const VerifyLimits& limits, Findings& f, bool& bomb) {
  if (e.is_symlink) return f.error("ZIP-PATH", e.name, "", "符号链接（不跟随）"), false;
  if (e.is_dir)
    return f.error("ZIP-ENTRY", e.name, "", fmt::format("目录条目（本格式不含目录条目{}）", e.size ? "，且带有数据" : "")), false;
  if (!e.special.empty()) return f.error("ZIP-ENTRY", e.name, "", "条目不是普通文件：" + e.special), false;
  if (e.encrypted) return f.error("ZIP-ENCRYPTED", e.name, "", "条目已加密（DA/T 70 可用性：不得加密）"), false;
  if (e.method != 0 && e.method != 8)
    return f.error("ZIP-METHOD", e.name, "", fmt::format("压缩方法 {} 不是公开的 0（存储）或 8（deflate）", e.method)), false;
  if (e.size > limits.max_entry_bytes) {
    f.error("ZIP-BOMB", e.name, "", fmt::format("声明大小 {} 字节超过单文件上限 {}", e.size, limits.max_entry_bytes));
    return bomb = true, false;
  }
  const std::uint64_t ratio = e.size / std::max<std::uint64_t>(e.comp_size, 1);
  if (e.method == 8 && e.size > limits.ratio_free_bytes && ratio > limits.max_ratio) {
    f.error("ZIP-BOMB", e.name, "", fmt::format("压缩比 {}:1 超过上限 {}:1", ratio, limits.max_ratio));
    return bomb = true, false;
  }
  return true;
}

}  // namespace

void check_container(const EntrySource& src, const VerifyLimits& limits, Observed& obs, Findings& f) {
  obs.entries = src.entries();
  const auto& entries = obs.entries;
  if (entries.size() > limits.max_entries) {
    f.error("ZIP-BOMB", obs.shown, "", fmt::format("条目数 {} 超过上限 {}", entries.size(), limits.max_entries));
    obs.refused = true;
    return;
  }
  if (entries.empty()) {
    f.error("BAG-MISSING", obs.shown, "", "归档包为空");
    obs.refused = true;
    return;
  }
  const std::string& first = entries.front().name;
  obs.root = first.substr(0, first.find('/') + 1);
  if (obs.root.empty() || obs.root == "/") obs.root = "?/";
  if (first != obs.root + "bagit.txt")
    f.error("ZIP-ORDER", obs.shown, first, "第一个条目应为 <根目录>/bagit.txt（archive.md §12.5）");
  obs.usable.assign(entries.size(), false);
  std::map<std::string, std::string> folded;
  std::uint64_t total = 0;
  bool bomb = false;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    if (!check_name(entries[i], obs, folded, f) || !check_kind(entries[i], limits, f, bomb)) continue;
    total += entries[i].size;
    obs.usable[i] = true;
    obs.index_of[entries[i].name.substr(obs.root.size())] = i;
  }
  if (total > limits.max_total_bytes) {
    f.error("ZIP-BOMB", obs.shown, "", fmt::format("声明总大小 {} 字节超过上限 {}", total, limits.max_total_bytes));
    bomb = true;
  }
  obs.refused = bomb;
}

}  // namespace wenshu::archive

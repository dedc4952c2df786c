// DA/T 22-2015 arrangement (see arrange.h).
#include "archive/arrange.h"

#include <algorithm>
#include <map>
#include <tuple>

#include <fmt/format.h>

namespace wenshu::archive {

static constexpr const char* kMiddleDot = "\xC2\xB7";  // U+00B7 "·", DA/T 22 §5.4 same-level separator

std::string make_archival_code(const ArchiveProfile& p, const std::string& fonds, int year,
                               const std::string& retention, const std::string& class_code, int number) {
  const std::string num = fmt::format("{:04d}", number);
  const std::string y = fmt::format("{:04d}", year);
  std::string code = fonds + "-" + p.category + kMiddleDot + y;
  // DA/T 22-2015 joins lower levels with "-"; DA/T 13-2022 joins the 类别号 parts with "·".
  const std::string sep = p.code_style == CodeStyle::kDaT22 ? "-" : kMiddleDot;
  if (p.scheme == Scheme::kYearClassRetention) {
    code += sep + class_code + sep + retention;
  } else {
    code += sep + retention;
    if (p.scheme == Scheme::kYearRetentionClass) code += sep + class_code;
  }
  return code + "-" + num;
}

std::string archival_key(const std::string& code) {
  std::string out;
  for (std::size_t i = 0; i < code.size(); ++i) {
    if (code.compare(i, 2, kMiddleDot) == 0) {
      out += '.';
      ++i;
    } else {
      out += code[i];
    }
  }
  return out;
}

static bool all_of(const std::string& s, bool (*pred)(char)) {
  return !s.empty() && std::all_of(s.begin(), s.end(), pred);
}
static bool is_digit(char c) { return c >= '0' && c <= '9'; }
static bool is_code_char(char c) { return (c >= 'A' && c <= 'Z') || is_digit(c); }

bool archival_code_well_formed(const ArchiveProfile& p, const std::string& code) {
  // Split on "-" and "·" and check each part by position.
  std::vector<std::string> parts;
  std::vector<std::string> seps;
  std::string cur;
  for (std::size_t i = 0; i < code.size(); ++i) {
    if (code[i] == '-') {
      parts.push_back(cur), seps.push_back("-"), cur.clear();
    } else if (code.compare(i, 2, kMiddleDot) == 0) {
      parts.push_back(cur), seps.push_back("."), cur.clear();
      ++i;
    } else {
      cur += code[i];
    }
  }
  parts.push_back(cur);
  const bool has_class = p.scheme != Scheme::kYearRetention;
  const std::size_t want = has_class ? 6 : 5;
  if (parts.size() != want) return false;
  const std::string lower = p.code_style == CodeStyle::kDaT22 ? "-" : ".";
  std::vector<std::string> want_seps{"-", "."};
  for (std::size_t i = 2; i + 2 < want; ++i) want_seps.push_back(lower);
  want_seps.push_back("-");
  if (seps != want_seps) return false;
  if (parts[0].size() != 4 || !all_of(parts[0], is_code_char)) return false;
  if (parts[1] != p.category) return false;
  if (parts[2].size() != 4 || !all_of(parts[2], is_digit)) return false;
  std::string retention = parts[3], cls = has_class ? parts[4] : "";
  if (p.scheme == Scheme::kYearClassRetention) std::swap(retention, cls);
  const auto& codes = retention_codes();
  if (std::find(codes.begin(), codes.end(), retention) == codes.end()) return false;
  if (has_class && (cls.size() != 3 || !all_of(cls, is_code_char))) return false;
  const std::string& num = parts.back();
  return num.size() == 4 && all_of(num, is_digit) && num != "0000";
}

static int retention_rank(const std::string& r) {
  const auto& codes = retention_codes();
  return static_cast<int>(std::find(codes.begin(), codes.end(), r) - codes.begin());
}

void arrange(std::vector<FiledItem>& items, const ArchiveProfile& p, const std::string& fonds,
             core::DiagnosticSink& sink) {
  std::map<std::string, int> class_rank;
  for (std::size_t i = 0; i < p.classes.size(); ++i) class_rank[p.classes[i].code] = static_cast<int>(i);
  for (auto& it : items) {
    it.retention = it.doc.retention.empty() ? p.retention_for(it.doc.kind) : it.doc.retention;
    if (retention_rank(it.retention) >= static_cast<int>(retention_codes().size())) {
      sink.push({.rule = "DA-3", .location = {it.origin.string()}, .record_id = it.doc.title,
                 .message = "保管期限“" + it.retention + "”不是允许的代码（Y、D30、D10）"});
    }
    if (p.scheme != Scheme::kYearRetention) {
      const ProblemClass* c = p.class_for(it.doc.regulation);
      if (!c) {
        sink.push({.rule = "DA-2", .location = {it.origin.string()}, .record_id = it.doc.title,
                   .message = "问题类别“" + it.doc.regulation + "”在归档配置中没有代码",
                   .hints = {"regulation must be one of DY ZX BG TG JD DB ZZ ZH, or add it to the archive profile"}});
      } else {
        it.class_code = c->code;
        it.class_name = c->name;
      }
    }
  }
  // Order: the classification levels, then 时间结合事由 inside the lowest class (DA/T 22 §5.3);
  // the origin (sidecar path) breaks remaining ties so the order never depends on the scan order.
  auto level_key = [&](const FiledItem& it) {
    const int r = retention_rank(it.retention);
    const auto cr = class_rank.find(it.class_code);
    const int c = cr == class_rank.end() ? 1000 : cr->second;
    return p.scheme == Scheme::kYearClassRetention ? std::make_tuple(c, r) : std::make_tuple(r, c);
  };
  std::stable_sort(items.begin(), items.end(), [&](const FiledItem& a, const FiledItem& b) {
    return std::make_tuple(level_key(a), a.doc.date, a.doc.doc_number, a.doc.title, a.origin.string()) <
           std::make_tuple(level_key(b), b.doc.date, b.doc.doc_number, b.doc.title, b.origin.string());
  });
  std::map<std::pair<std::string, std::string>, int> counters;
  for (auto& it : items) {
    const std::string cls = p.scheme == Scheme::kYearRetention ? std::string() : it.class_code;
    it.item_number = ++counters[{it.retention, cls}];
    it.archival_code = make_archival_code(p, fonds, it.doc.year, it.retention, cls, it.item_number);
    it.key = archival_key(it.archival_code);
    const std::string y = fmt::format("{:04d}", it.doc.year);
    std::string folder = "data/电子档案/" + y + "/";
    if (p.scheme == Scheme::kYearRetentionClass) folder += it.retention + "/" + cls + "/";
    else if (p.scheme == Scheme::kYearClassRetention) folder += cls + "/" + it.retention + "/";
    else folder += it.retention + "/";
    it.folder = folder + it.key;
    // 文档序号 NN in filing order; a rendition shares the number of the file it renders
    // (<key>-01.pdf and <key>-01.ofd).
    int number = 0;
    for (auto& f : it.files) {
      if (!f.rendition || number == 0) ++number;
      f.name = fmt::format("{}-{:02d}{}", it.key, number, f.extension);
    }
  }
}

}  // namespace wenshu::archive

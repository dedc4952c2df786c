// Packing a year (see pack.h).
#include "archive/pack.h"

#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>

#include "archive/bag.h"
#include "archive/catalogue_document.h"
#include "archive/digest.h"
#include "archive/eep.h"
#include "archive/pdf_problems.h"
#include "archive/sidecar.h"
#include "archive/sidecar_filings.h"
#include "archive/zip_writer.h"
#include "core/data_dir.h"
#include "core/file_io.h"

namespace wenshu::archive {

namespace fs = std::filesystem;

static core::Diagnostic diag(const std::string& rule, const fs::path& file, const std::string& item,
                             const std::string& message, core::Severity sev = core::Severity::kError) {
  core::Diagnostic d;
  d.severity = sev;
  d.rule = rule;
  d.location.file = file.string();
  d.record_id = item;
  d.message = message;
  return d;
}

/// DA-1: the DA/T 46 §4.2 mandatory elements the sidecar must fill (the rest are assigned).
static void check_mandatory(const model::FiledDocument& d, const fs::path& sc, core::DiagnosticSink& sink,
                            std::size_t& failures) {
  auto need = [&](const std::string& value, const char* what) {
    if (!value.empty()) return;
    ++failures;
    sink.push(diag("DA-1", sc, d.title, std::string("缺少必备元数据：") + what));
  };
  need(d.committee_name, "立档单位名称 (committee)");
  need(d.title, "题名 (title)");
  need(d.author, "责任者 (author)");
  need(d.kind, "文种 (kind)");
  if (!core::is_valid(d.date)) {
    ++failures;
    sink.push(diag("DA-1", sc, d.title, "日期缺失或不是有效日期（应为 8 位 YYYYMMDD）"));
  }
  if (d.components.empty()) {
    ++failures;
    sink.push(diag("DA-1", sc, d.title, "没有组件文件：每件须有主文档（正本）"));
  }
}

namespace {

/// Counters of the pre-pack self-check, one per line of 检测报告.xml.
struct CheckCounts {
  std::size_t missing = 0, digest_bad = 0, pages_bad = 0, format_bad = 0, security_bad = 0, retention_bad = 0;
  std::size_t files = 0, recorded = 0;
};

/// DA-3 on the 保管期限 a filing asks for.
void check_retention(const model::FiledDocument& doc, const fs::path& origin, const ArchiveProfile& profile,
                     core::DiagnosticSink& sink, CheckCounts& n) {
  if (!doc.retention.empty()) {
    const auto& codes = retention_codes();
    if (std::find(codes.begin(), codes.end(), doc.retention) == codes.end()) {
      ++n.retention_bad;
      sink.push(diag("DA-3", origin, doc.title, "保管期限“" + doc.retention + "”不是允许的代码（Y、D30、D10）"));
    }
  } else if (!profile.retention_by_kind.count(doc.kind)) {
    sink.push(diag("DA-3", origin, doc.title,
                   "文种“" + doc.kind + "”不在保管期限表中，按默认 " + profile.default_retention + " 归档",
                   core::Severity::kInfo));
  }
}

/// DA-4, DA-5 and DA-6 on one component from its measured facts; the ItemFile to pack.
ItemFile check_component(const model::FiledComponent& c, model::FiledBytes& b, const model::Filing& f,
                         core::DiagnosticSink& sink, CheckCounts& n) {
  ++n.files;
  ItemFile out;
  out.source = b.file;
  out.bytes = std::move(b.bytes);
  out.extension = fs::path(c.path).extension().string();
  std::transform(out.extension.begin(), out.extension.end(), out.extension.begin(),
                 [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
  out.role = c.role.empty() ? "正本" : c.role;
  out.format = c.format.empty() ? "PDF" : c.format;
  out.rendition = c.rendition;
  const model::FileFacts& facts = b.facts;
  out.sha256 = facts.sha256, out.sm3 = facts.sm3, out.size = facts.size;
  if (facts.readable) out.page_count = facts.pages;
  if (!c.sha256.empty() || !c.sm3.empty()) ++n.recorded;
  const bool changed = (!c.sha256.empty() && c.sha256 != facts.sha256) || (!c.sm3.empty() && c.sm3 != facts.sm3);
  const fs::path file = b.file.empty() ? f.origin : b.file;
  std::vector<PdfProblem> problems = pdf_problems(facts);
  const bool pages_differ = facts.readable && c.page_count != facts.pages;
  if (changed) {
    // The root cause is the change after the PDF was produced: one finding, with what the
    // change broke folded in (not a DA-4/DA-6/PDF-READ line each).
    ++n.digest_bad;
    std::string msg = "文件摘要与形成时记录的值不一致：文件在生成后被改动";
    std::string also;
    if (pages_differ) also = fmt::format("页数 {} 与 PDF 实际页数 {} 不一致：{}", c.page_count, facts.pages, c.path);
    for (const auto& p : problems) also += (also.empty() ? "" : "；") + p.message;
    if (!also.empty()) msg += "（改动后：" + also + "）";
    sink.push(diag("DA-5", file, f.doc.title, msg));
    return out;
  }
  if (pages_differ) {
    ++n.pages_bad;  // DA-4 names the metadata that disagrees with the file
    sink.push(diag("DA-4", f.origin, f.doc.title,
                   fmt::format("页数 {} 与 PDF 实际页数 {} 不一致：{}", c.page_count, facts.pages, c.path)));
  }
  for (const auto& p : problems) {
    ++(p.kind == PdfProblem::Kind::kSecurity ? n.security_bad : n.format_bad);
    sink.push(diag("DA-6", file, f.doc.title, p.message));
  }
  return out;
}

}  // namespace

std::vector<FiledItem> check_filings(std::vector<model::Filing> filings, const ArchiveProfile& profile,
                                     core::DiagnosticSink& sink, std::vector<CheckResult>& results) {
  std::vector<FiledItem> items;
  CheckCounts n;
  for (auto& f : filings) {
    FiledItem it;
    it.origin = f.origin;
    check_mandatory(f.doc, f.origin, sink, n.missing);
    if (core::is_valid(f.doc.date) && f.doc.date.year != f.doc.year)
      sink.push(diag("DA-1", f.origin, f.doc.title,
                     fmt::format("年度 {} 与日期 {} 不一致（DA/T 22 §5.2：年度为文件形成年度）", f.doc.year,
                                 core::format_date(f.doc.date)),
                     core::Severity::kWarning));
    check_retention(f.doc, f.origin, profile, sink, n);
    for (std::size_t i = 0; i < f.doc.components.size() && i < f.files.size(); ++i)
      it.files.push_back(check_component(f.doc.components[i], f.files[i], f, sink, n));
    it.doc = std::move(f.doc);
    items.push_back(std::move(it));
  }
  auto line = [&](const char* aspect, const char* rule, std::size_t bad, std::string ok, std::string ng) {
    results.push_back({aspect, rule, "全部", bad ? "不通过" : "通过", bad ? ng : ok});
  };
  line("真实性", "DA-5", n.digest_bad,
       fmt::format("{} 个文件已计算 SHA-256 与 SM3，其中 {} 个与形成时记录一致", n.files, n.recorded),
       fmt::format("{} 个文件摘要与形成时记录不一致", n.digest_bad));
  line("真实性", "DA-4", n.pages_bad, "元数据页数与 PDF 实际页数一致", fmt::format("{} 个文件页数不一致", n.pages_bad));
  line("完整性", "DA-1", n.missing, fmt::format("{} 件必备元数据齐全，组件文件齐全", items.size()),
       fmt::format("{} 处缺少元数据或文件", n.missing));
  line("完整性", "DA-3", n.retention_bad, "保管期限代码均为 Y、D30、D10 之一", "有不允许的保管期限代码");
  line("可用性", "DA-6", n.format_bad, "均为可读 PDF，字体全部嵌入且带 ToUnicode",
       fmt::format("{} 个文件格式不符", n.format_bad));
  line("安全性", "DA-6", n.security_bad, "PDF 无加密、无脚本、无动作", fmt::format("{} 个文件含加密或动态内容", n.security_bad));
  return items;
}

std::vector<FiledItem> load_items(const std::vector<fs::path>& inputs, int year, const ArchiveProfile& profile,
                                  core::DiagnosticSink& sink, std::vector<CheckResult>& results) {
  return check_filings(read_filings(find_sidecars(inputs), year, sink), profile, sink, results);
}

namespace {

/// The DA/T 48 package of one 件 (docs/archive-signature.md), from its metadata XML and files.
std::string item_eep(const FiledItem& it, const std::string& metadata, const DossierInfo& info) {
  std::vector<std::string> held;  // bytes read back from disk for the Base64
  held.reserve(it.files.size());
  std::vector<EepFile> files;
  for (const auto& f : it.files) {
    if (!f.source.empty()) held.push_back(core::read_file(f.source));
    files.push_back({f.name, f.source.empty() ? std::string_view(f.bytes) : std::string_view(held.back())});
  }
  std::string error;
  std::string eep = build_eep(metadata, files, {core::format_date(info.filing_date), info.fonds_name}, error);
  if (eep.empty()) throw std::runtime_error(it.archival_code + ": EEP: " + error);
  return eep;
}

/// Builds and writes one bag of `items`.
PackedBag write_bag(std::vector<FiledItem>& items, const DossierInfo& info, const ArchiveProfile& profile,
                    std::vector<CheckResult> results, const PackOptions& o) {
  const fs::path& out_dir = o.out_dir;
  std::vector<BagFile> files;
  files.reserve(items.size() * 3 + 32);
  auto add_bytes = [&](std::string path, std::string bytes) {
    BagFile f;
    f.path = std::move(path);
    f.bytes = std::move(bytes);
    f.digests = digest_bytes(f.bytes);
    files.push_back(std::move(f));
  };
  std::uint64_t record_files = 0, record_bytes = 0;
  for (const auto& it : items) {
    for (const auto& f : it.files) {
      BagFile bf;
      bf.path = it.folder + "/" + f.name;
      bf.source = f.source;
      if (f.source.empty()) bf.bytes = f.bytes;
      bf.digests = {f.sha256, f.sm3, f.size};
      record_bytes += f.size;
      ++record_files;
      files.push_back(std::move(bf));
    }
    std::string metadata = item_metadata_xml(it, info, profile);
    if (o.eep) {
      add_bytes(it.folder + "/" + it.key + ".eep", item_eep(it, metadata, info));
      record_bytes += files.back().digests.size;
      ++record_files;
    }
    add_bytes(it.folder + "/" + it.key + ".xml", std::move(metadata));
    record_bytes += files.back().digests.size;
    ++record_files;
  }
  // DA-2: numbering was assigned here, so it is continuous and unique by construction; the
  // line records the fact for the report (verify re-checks it on the ZIP).
  std::set<std::string> codes;
  std::size_t bad_codes = 0;
  for (const auto& it : items)
    if (!archival_code_well_formed(profile, it.archival_code) || !codes.insert(it.archival_code).second) ++bad_codes;
  results.push_back({"真实性", "DA-2", "全部", bad_codes ? "不通过" : "通过",
                     fmt::format("{} 个档号格式正确且唯一，件号在各类目内自 0001 起连续", items.size() - bad_codes)});
  results.push_back({"安全性", "ZIP-PATH", "全部", "通过", "文件名仅用 ASCII 档号与固定中文名，无 ..、绝对路径或保留名"});

  add_bytes(kExplanationName, explanation_txt(items, info));
  add_bytes(kFileListName, file_list_xml(items, info));
  add_bytes(kCatalogueName, catalogue_xml(items, info, profile));
  const std::size_t catalogue = files.size() - 1;
  // docs/archive.md §12.2: printable, A4 landscape, set by the layout stage.
  if (o.set_catalogue) add_bytes(kCataloguePdfName, o.set_catalogue(catalogue_document(items, info)));
  add_bytes(kSchemeName, scheme_xml(profile));
  add_bytes(kIndexName, index_html(items, info, files[catalogue].bytes, files.back().bytes));
  add_bytes(kNamingName, naming_rules_txt(profile, info));
  add_bytes(kNotesName, notes_xml(items, info));
  add_bytes(kRegistrationName, registration_xml(items, info, record_files, record_bytes));
  add_bytes(kReportName, check_report_xml(results, info));
  for (const char* schema : {kItemSchema, kFileListSchema, kCatalogueSchema, kRegistrationSchema, kNotesSchema,
                             kSchemeSchema, kReportSchema})
    add_bytes(std::string(kSchemaDir) + schema, core::read_file(core::data_path(std::string("schemas/archive/") + schema)));
  if (o.eep) add_bytes(std::string(kSchemaDir) + "eep.xsd", core::read_file(core::data_path("schemas/eep/eep.xsd")));

  std::vector<const BagFile*> payload;
  std::uint64_t payload_bytes = 0;
  for (const auto& f : files) {
    payload.push_back(&f);
    payload_bytes += f.digests.size;
  }
  const std::string style = profile.code_style == CodeStyle::kDaT22 ? "DA/T 22-2015" : "DA/T 13-2022";
  const std::string scheme = profile.scheme == Scheme::kYearRetentionClass   ? "年度-保管期限-问题"
                             : profile.scheme == Scheme::kYearClassRetention ? "年度-问题-保管期限"
                                                                             : "年度-保管期限";
  std::vector<BagFile> tags(6);
  tags[0].path = "bagit.txt", tags[0].bytes = bagit_txt();
  tags[1].path = "bag-info.txt",
  tags[1].bytes = bag_info_txt(info, style, scheme, payload_bytes, payload.size(), items.size());
  tags[2].path = "manifest-sha256.txt", tags[2].bytes = manifest_txt(payload, "sha256");
  tags[3].path = "manifest-sm3.txt", tags[3].bytes = manifest_txt(payload, "sm3");
  for (int i = 0; i < 4; ++i) tags[i].digests = digest_bytes(tags[i].bytes);
  // archive.md §12.3: tag manifests list bagit.txt, bag-info.txt and both payload manifests,
  // in that order (not sorted), and never each other.
  for (int t = 0; t < 2; ++t) {
    const std::string alg = t == 0 ? "sha256" : "sm3";
    std::string s;
    for (int i = 0; i < 4; ++i) s += (alg == "sm3" ? tags[i].digests.sm3 : tags[i].digests.sha256) + "  " + tags[i].path + "\n";
    tags[4 + t].path = "tagmanifest-" + alg + ".txt";
    tags[4 + t].bytes = s;
    tags[4 + t].digests = digest_bytes(s);
  }

  std::vector<ZipEntry> entries;
  const std::string root = info.package_id + "/";
  for (const auto& t : tags) entries.push_back({root + t.path, &t.bytes, {}});
  // The SM2 signature of the tag manifests (docs/archive-signature.md): a tag file of its own,
  // after the ones it signs, dated with the filing date.
  std::string signature;
  if (o.signer) {
    signature = o.signer->sign({{kSignedTagFiles[0], tags[5].bytes}, {kSignedTagFiles[1], tags[3].bytes},
                                {kSignedTagFiles[2], tags[1].bytes}},
                               core::format_date(info.filing_date));
    entries.push_back({root + kSignatureFile, &signature, {}});
  }
  std::vector<const BagFile*> sorted = payload;
  std::sort(sorted.begin(), sorted.end(), [](const BagFile* a, const BagFile* b) { return a->path < b->path; });
  for (const BagFile* f : sorted) entries.push_back({root + f->path, f->source.empty() ? &f->bytes : nullptr, f->source});

  PackedBag bag;
  bag.zip = out_dir / (info.package_id + ".zip");
  bag.package_id = info.package_id;
  bag.items = items.size();
  bag.payload_files = payload.size();
  bag.payload_bytes = payload_bytes;
  bag.tagmanifest_sm3_sm3 = tags[5].digests.sm3;
  bag.tagmanifest_sm3_sha256 = tags[5].digests.sha256;
  if (o.signer) bag.signer = o.signer->subject();
  write_deterministic_zip(bag.zip, entries, info.filing_date);
  const Digests zip = digest_file(bag.zip);
  bag.zip_sha256 = zip.sha256, bag.zip_sm3 = zip.sm3, bag.zip_size = zip.size;
  return bag;
}

}  // namespace

std::vector<PackedBag> pack_year(const PackOptions& o, const ArchiveProfile& profile, core::DiagnosticSink& sink) {
  std::vector<model::Filing> filings = read_filings(find_sidecars(o.inputs), o.year, sink, o.accept);
  if (filings.empty() && o.accept) return {};
  if (filings.empty() && !sink.has_errors()) {
    sink.push(diag("DA-1", o.inputs.empty() ? fs::path() : o.inputs.front(), "",
                   fmt::format("没有找到 {} 年度的归档附属文件（*.pdf.xml）", o.year)));
    return {};
  }
  return pack_filings(std::move(filings), o, profile, sink);
}

std::vector<PackedBag> pack_filings(std::vector<model::Filing> filings, const PackOptions& o,
                                    const ArchiveProfile& profile, core::DiagnosticSink& sink) {
  std::vector<CheckResult> results;
  std::vector<FiledItem> items = check_filings(std::move(filings), profile, sink, results);
  if (items.empty()) {
    if (!sink.has_errors()) sink.push(diag("DA-1", fs::path(), "", fmt::format("{} 年度没有可归档的文件", o.year)));
    return {};
  }
  // One dossier per 全宗 (committee).
  std::map<std::string, std::vector<FiledItem>> by_fonds;
  std::map<std::string, std::string> names;
  std::set<std::string> committees;
  for (auto& it : items) committees.insert(it.doc.committee_id);
  for (auto& it : items) {
    // The sidecar's own 全宗号, else --fonds (one committee only), else the rule profile's.
    std::string fonds = it.doc.fonds_code;
    bool own = !fonds.empty();
    if (fonds.empty()) fonds = o.fonds;
    if (const auto p = o.fonds_by_committee.find(it.doc.committee_id); fonds.empty() && p != o.fonds_by_committee.end()) {
      fonds = p->second;
      own = true;
    }
    if (fonds.empty() || (!own && committees.size() > 1)) {
      sink.push(diag("DA-2", it.origin, it.doc.title,
                     fonds.empty() ? "没有全宗号：请用 --fonds 指定，或在记录中给出"
                                   : "输入含多个立档单位，而此件没有自己的全宗号：请分单位打包"));
      continue;
    }
    names.emplace(fonds, it.doc.committee_name);
    by_fonds[fonds].push_back(std::move(it));
  }
  for (const auto& [fonds, list] : by_fonds) {
    const bool ok = fonds.size() == 4 && std::all_of(fonds.begin(), fonds.end(), [](char c) {
      return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    });
    if (!ok) sink.push(diag("DA-2", fs::path(), fonds, "全宗号“" + fonds + "”应为 4 位数字或大写字母加数字（如 Z109）"));
  }
  std::vector<PackedBag> bags;
  if (sink.has_errors()) return bags;  // never pack a submission with errors
  for (auto& [fonds, list] : by_fonds) {
    arrange(list, profile, fonds, sink);
    if (sink.has_errors()) return {};
    DossierInfo info;
    info.fonds_code = fonds;
    info.fonds_name = names[fonds];
    info.year = o.year;
    info.filing_date = o.filing_date;
    info.group_id = fmt::format("{}-{}-{:04d}", fonds, profile.category, o.year);
    info.arranger = o.arranger;
    info.checker = o.checker;
    std::uint64_t bytes = 0, entries = 0;
    for (const auto& it : list) {
      entries += it.files.size() + 1;
      for (const auto& f : it.files) bytes += f.size;
    }
    const bool split = profile.always_split || bytes > profile.split_bytes || entries > profile.split_entries;
    if (!split) {
      info.package_id = info.group_id;
      bags.push_back(write_bag(list, info, profile, results, o));
      continue;
    }
    // archive.md §12.1: split by 保管期限, ids Z109-WS-2024-Y / -D30 / -D10.
    std::vector<std::string> parts;
    for (const auto& code : retention_codes())
      if (std::any_of(list.begin(), list.end(), [&](const FiledItem& it) { return it.retention == code; }))
        parts.push_back(code);
    int index = 0;
    for (const auto& code : parts) {
      std::vector<FiledItem> part;
      for (const auto& it : list)
        if (it.retention == code) part.push_back(it);
      DossierInfo pi = info;
      pi.package_id = info.group_id + "-" + code;
      pi.retention = code;
      pi.bag_index = ++index;
      pi.bag_count = static_cast<int>(parts.size());
      bags.push_back(write_bag(part, pi, profile, results, o));
    }
  }
  return bags;
}

}  // namespace wenshu::archive

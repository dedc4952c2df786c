// The dossier's metadata files (see dossier.h). Element names follow DA/T 46-2009 (item
// metadata, grouped as DA/T 48's 封装内容), 档发〔2012〕7号 Annex 2 (文件目录) and DA/T 22-2015
// §5.5 (归档文件目录).
#include "archive/dossier.h"

#include <map>

#include <fmt/format.h>

#include "core/data_dir.h"
#include "xml/writer.h"

namespace wenshu::archive {

static constexpr const char* kNs = "urn:wenshu:dossier:1";

static std::string num(std::uint64_t v) { return std::to_string(v); }
static std::string compact(const core::Date& d) { return core::is_valid(d) ? core::format_date_compact(d) : std::string(); }
/// archive.md §12.4: event times as ISO 8601 extended with the +08:00 offset of the records.
static std::string event_time(const core::Date& d) {
  return core::is_valid(d) ? core::format_date(d) + "T00:00:00+08:00" : std::string();
}

static std::string format_info(const ItemFile& f) {
  if (f.format.rfind("OFD", 0) == 0) return f.format + "; application/ofd";
  // M47 格式信息: flavour; MIME type; PRONOM id (archive.md §8.3; fmt/478 = PDF/A-2u).
  if (f.format.rfind("PDF/A-2u", 0) == 0) return "PDF/A-2u; application/pdf; fmt/478";
  if (f.format.rfind("PDF/A-2b", 0) == 0) return "PDF/A-2b; application/pdf; fmt/477";
  if (f.format.rfind("PDF", 0) == 0) return f.format + "; application/pdf";
  return f.format;
}

std::string item_metadata_xml(const FiledItem& it, const DossierInfo& info, const ArchiveProfile& p) {
  const auto& d = it.doc;
  xml::Writer x;
  x.open("电子文件", {{"xmlns", kNs}, {"版本", "1"}});
  x.open("文件实体块");
  x.open("文件实体");
  x.leaf("聚合层次", "件");
  x.open("来源");
  x.leaf("全宗名称", info.fonds_name);
  x.leaf("立档单位名称", d.committee_name.empty() ? info.fonds_name : d.committee_name);
  x.close();
  x.leaf("电子文件号", it.key);
  x.open("档号", {{"值", it.archival_code}});
  x.leaf("全宗号", info.fonds_code);
  x.leaf("档案门类代码", p.category);
  x.leaf("年度", fmt::format("{:04d}", d.year));
  x.leaf("保管期限", it.retention);
  x.leaf("机构或问题", it.class_code);
  x.leaf("室编件号", fmt::format("{:04d}", it.item_number));
  x.close();
  x.open("内容描述");
  x.leaf("题名", d.title);
  x.leaf("文件编号", d.doc_number);
  x.leaf("责任者", d.author);
  x.leaf("日期", compact(d.date));
  x.leaf("文种", d.kind);
  x.leaf("紧急程度", d.urgency);
  x.leaf("主送", d.main_recipients);
  x.leaf("抄送", d.cc);
  x.leaf("密级", d.secrecy);
  x.close();
  x.open("形式特征");
  x.leaf("文件组合类型", it.files.size() > 1 ? "组合文件" : "单件");
  x.leaf("件数", "1");
  x.leaf("页数", num(static_cast<std::uint64_t>(it.page_count())));
  x.leaf("语种", "汉语");
  x.close();
  x.open("存储位置");
  x.leaf("当前位置", it.folder);
  x.close();
  x.open("权限管理");
  x.leaf("控制标识", d.secrecy.empty() ? "非密" : d.secrecy);
  x.close();
  x.leaf("附注", d.note);
  x.open("文件数据");
  // One 文档 per file; a rendition (the OFD beside a PDF) is a second 编码 of the 文档 before
  // it (DA/T 48 文档数据: one 编码 per format).
  for (std::size_t i = 0, seq_no = 0; i < it.files.size(); ++i) {
    const ItemFile& f = it.files[i];
    if (!f.rendition || seq_no == 0) {
      const std::string seq = fmt::format("{:02d}", ++seq_no);
      x.open("文档", {{"文档标识符", it.key + "-" + seq}});
      x.leaf("文档序号", seq);
      x.leaf("文档主从声明", seq_no == 1 ? "主文档" : "附属文档");
      x.leaf("题名", f.role);
      x.open("文档数据");
    }
    x.open("编码");
    x.open("电子属性");
    x.leaf("格式信息", format_info(f));
    x.leaf("计算机文件名", f.name);
    x.leaf("计算机文件大小", num(f.size));
    x.leaf("文档创建程序", std::string("wenshu ") + core::version());
    x.close();
    x.leaf("页数", num(static_cast<std::uint64_t>(f.page_count)));
    // archive.md §12.4: a relative path instead of Base64, with both digests as an extension.
    x.leaf("编码数据", "", {{"路径", f.name}, {"sha256", f.sha256}, {"sm3", f.sm3}});
    x.close();  // 编码
    if (i + 1 == it.files.size() || !it.files[i + 1].rendition) {
      x.close();  // 文档数据
      x.close();  // 文档
    }
  }
  x.close();
  x.close();
  x.close();
  x.open("业务实体块");
  x.open("业务实体");
  x.leaf("业务标识符", it.key + "-B1");
  x.leaf("机构人员标识符", "A1");
  x.leaf("文件标识符", it.key);
  x.leaf("业务状态", "历史行为");
  x.leaf("业务行为", "形成");
  x.leaf("行为时间", event_time(d.date));
  x.close();
  x.open("业务实体");
  x.leaf("业务标识符", it.key + "-B2");
  x.leaf("机构人员标识符", "A1");
  x.leaf("文件标识符", it.key);
  x.leaf("业务状态", "历史行为");
  x.leaf("业务行为", "归档");
  x.leaf("行为时间", event_time(info.filing_date));
  x.leaf("行为依据", "DA/T 22-2015");
  x.close();
  x.close();
  x.open("机构人员实体块");
  x.open("机构人员实体");
  x.leaf("机构人员标识符", "A1");
  x.leaf("机构人员类型", "单位");
  x.leaf("机构人员名称", d.committee_name.empty() ? info.fonds_name : d.committee_name);
  x.close();
  x.close();
  x.open("来源记录");
  for (const auto& r : d.source_records) x.leaf("记录", r);
  x.close();
  x.close();
  return x.str();
}

std::string file_list_xml(const std::vector<FiledItem>& items, const DossierInfo&) {
  // 档发〔2012〕7号 Annex 2: root <文件目录>, one <文件> per record, elements in this order.
  xml::Writer x;
  x.open("文件目录");
  int n = 0;
  for (const auto& it : items) {
    x.open("文件");
    x.leaf("顺序号", std::to_string(++n));
    x.leaf("档号", it.archival_code);
    x.leaf("责任者", it.doc.author);
    x.leaf("题名", it.doc.title);
    x.leaf("日期", compact(it.doc.date));
    x.leaf("密级", it.doc.secrecy);
    x.leaf("电子档案名称", it.folder.substr(5) + "/" + it.key + ".xml");  // path below data/
    x.leaf("备注", it.doc.note);
    x.close();
  }
  x.close();
  return x.str();
}

CatalogueVolume catalogue_volume(const std::vector<FiledItem>& items, std::size_t first) {
  CatalogueVolume v;
  v.end = first;
  for (; v.end < items.size() && items[v.end].retention == items[first].retention; ++v.end) {
    const std::string& name = items[v.end].class_name;
    if (!name.empty() && v.classes.find(name) == std::string::npos) v.classes += (v.classes.empty() ? "" : "、") + name;
  }
  return v;
}

std::string catalogue_xml(const std::vector<FiledItem>& items, const DossierInfo& info, const ArchiveProfile& p) {
  xml::Writer x;
  x.open("归档文件目录", {{"xmlns", kNs}});
  // DA/T 22 §5.5: one bound volume per 年度 and 保管期限; its cover carries 全宗号, 全宗名称,
  // 年度, 保管期限, 机构(问题).
  std::size_t i = 0;
  int serial = 0;
  while (i < items.size()) {
    const std::string ret = items[i].retention;
    x.open("卷", {{"保管期限", ret}});
    x.open("封面");
    x.leaf("全宗号", info.fonds_code);
    x.leaf("全宗名称", info.fonds_name);
    x.leaf("年度", fmt::format("{:04d}", info.year));
    x.leaf("保管期限", retention_name(ret));
    x.leaf("机构问题", catalogue_volume(items, i).classes);
    x.close();
    for (; i < items.size() && items[i].retention == ret; ++i) {
      const auto& it = items[i];
      x.open("条目");
      x.leaf("序号", std::to_string(++serial));
      x.leaf("档号", it.archival_code);
      x.leaf("文号", it.doc.doc_number);
      x.leaf("责任者", it.doc.author);
      x.leaf("题名", it.doc.title);
      x.leaf("日期", compact(it.doc.date));
      x.leaf("密级", it.doc.secrecy);
      x.leaf("页数", std::to_string(it.page_count()));
      x.leaf("备注", it.doc.note);
      x.close();
    }
    x.close();
  }
  (void)p;
  x.close();
  return x.str();
}

std::string explanation_txt(const std::vector<FiledItem>& items, const DossierInfo& info) {
  std::map<std::string, int> per_retention;
  int pages = 0;
  for (const auto& it : items) {
    ++per_retention[it.retention];
    pages += it.page_count();
  }
  std::string s;
  s += "说明文件\n\n";
  s += "全宗号：" + info.fonds_code + "\n";
  s += "全宗名称：" + info.fonds_name + "\n";
  s += "年度：" + fmt::format("{:04d}", info.year) + "\n";
  s += "档案门类：文书档案（WS）\n";
  s += "归档日期：" + core::format_date(info.filing_date) + "\n";
  s += "包标识：" + info.package_id + "\n";
  if (info.bag_count > 1) s += fmt::format("分包：第{}包，共{}包（{}）\n", info.bag_index, info.bag_count, retention_name(info.retention));
  s += fmt::format("件数：{}；页数：{}\n", items.size(), pages);
  for (const auto& code : retention_codes())
    if (per_retention.count(code)) s += fmt::format("  {}（{}）：{}件\n", retention_name(code), code, per_retention[code]);
  s += "\n";
  s += "结构：本包为 BagIt 1.0 包（RFC 8493），根目录下 bagit.txt、bag-info.txt、manifest-sha256.txt、\n";
  s += "manifest-sm3.txt 与标签清单；data/ 下为《电子档案移交与接收办法》（档发〔2012〕7号）附件2规定的\n";
  s += "说明文件.txt、文件目录.xml、电子档案/ 与 其他/，另有 DA/T 22-2015 归档文件目录（XML）与 index.html。\n";
  s += "整理规则：DA/T 22-2015《归档文件整理规则》；元数据：DA/T 46-2009；摘要算法：SHA-256、SM3（GB/T 32905-2016）。\n";
  s += "读取：任何 ZIP 工具与 PDF 阅读器；index.html 可在不联网的浏览器中打开。\n";
  s += "生成软件：wenshu " + std::string(core::version()) + "\n";
  return s;
}

std::string registration_xml(const std::vector<FiledItem>& items, const DossierInfo& info,
                             std::uint64_t record_files, std::uint64_t record_bytes) {
  int pages = 0;
  for (const auto& it : items) pages += it.page_count();
  xml::Writer x;
  x.open("归档登记表", {{"xmlns", kNs}});
  x.leaf("单位名称", info.fonds_name);
  x.leaf("全宗号", info.fonds_code);
  x.leaf("年度", fmt::format("{:04d}", info.year));
  x.leaf("归档时间", core::format_date(info.filing_date));
  x.leaf("归档电子文件门类", "文书");
  x.leaf("件数", num(items.size()));
  x.leaf("页数", num(static_cast<std::uint64_t>(pages)));
  x.leaf("文件数", num(record_files));
  x.leaf("字节数", num(record_bytes));
  x.leaf("归档方式", "在线归档（归档包）");
  x.leaf("说明", "文件数与字节数为 data/电子档案/ 下全部文件（PDF 与元数据 XML）之和。");
  x.close();
  return x.str();
}

std::string notes_xml(const std::vector<FiledItem>& items, const DossierInfo& info) {
  xml::Writer x;
  x.open("备考表", {{"xmlns", kNs}});
  x.leaf("盒内文件情况说明",
         fmt::format("本包共{}件，件号连续，无缺损、修改、补充、移出或销毁情况。", items.size()));
  x.leaf("整理人", info.arranger);
  x.leaf("整理日期", compact(info.filing_date));
  x.leaf("检查人", info.checker);
  x.leaf("检查日期", info.checker.empty() ? std::string() : compact(info.filing_date));
  x.close();
  return x.str();
}

std::string scheme_xml(const ArchiveProfile& p) {
  xml::Writer x;
  x.open("分类方案", {{"xmlns", kNs}});
  const char* scheme = p.scheme == Scheme::kYearRetentionClass   ? "年度-保管期限-问题"
                       : p.scheme == Scheme::kYearClassRetention ? "年度-问题-保管期限"
                                                                 : "年度-保管期限";
  x.leaf("方案", scheme);
  x.leaf("档号样式", p.code_style == CodeStyle::kDaT22 ? "DA/T 22-2015" : "DA/T 13-2022");
  x.leaf("档案门类代码", p.category);
  x.open("问题类别");
  for (const auto& c : p.classes) x.leaf("类别", c.name, {{"代码", c.code}, {"制度", c.regulation}});
  x.close();
  x.open("保管期限表", {{"默认", p.default_retention}});
  for (const auto& [kind, period] : p.retention_by_kind) x.leaf("文种", kind, {{"保管期限", period}});
  x.close();
  x.close();
  return x.str();
}

std::string naming_rules_txt(const ArchiveProfile& p, const DossierInfo& info) {
  std::string s = "命名规则\n\n";
  s += "包标识与根目录：<全宗号>-" + p.category + "-<年度>，分包时加 -<保管期限>（如 " + info.package_id + "）。\n";
  s += "档号：" + std::string(p.code_style == CodeStyle::kDaT22 ? "DA/T 22-2015 样式 全宗号-WS·年度-保管期限-问题代码-件号"
                                                                 : "DA/T 13-2022 样式 全宗号-WS·年度·保管期限·问题代码-件号") + "。\n";
  s += "件号：每个最低一级类目内自 0001 起连续编号，4 位，不足补 0。\n";
  s += "文件名：档号中的“·”换成“.”作为文件主名（仅 ASCII）；件内文件为 <主名>-NN.pdf，NN 为文档序号，01 为正本（主文档）。\n";
  s += "元数据：每件一个 <主名>.xml（DA/T 46-2009 元素名），与其文件同在 <主名>/ 目录。\n";
  s += "目录层级：data/电子档案/<年度>/<保管期限>/<问题代码>/<主名>/（按分类方案）。\n";
  s += "日期：目录与元数据中的日期为 8 位 YYYYMMDD；行为时间为 ISO 8601 扩展格式带 +08:00。\n";
  return s;
}

std::string check_report_xml(const std::vector<CheckResult>& results, const DossierInfo& info) {
  xml::Writer x;
  x.open("检测报告", {{"xmlns", kNs}});
  x.leaf("包标识", info.package_id);
  x.leaf("检测日期", core::format_date(info.filing_date));
  x.leaf("检测依据", "DA/T 70-2018 四性检测（归档环节），archive.md §12.6");
  std::size_t failed = 0;
  for (const auto& r : results) failed += r.outcome != "通过";
  x.leaf("结论", failed == 0 ? "通过" : "不通过");
  x.open("检测项");
  for (const auto& r : results)
    x.leaf("项", r.detail, {{"性", r.aspect}, {"规则", r.rule}, {"对象", r.item}, {"结果", r.outcome}});
  x.close();
  x.close();
  return x.str();
}

}  // namespace wenshu::archive

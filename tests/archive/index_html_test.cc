// index.html by templates/dossier-index.xsl: one section per run of 保管期限 and class, rows
// from the catalogue, links percent-encoded by libxml2, text escaped, every scheme.
#include <catch2/catch.hpp>

#include "archive/arrange.h"
#include "archive/dossier.h"
#include "archive/profile.h"

using namespace wenshu;

namespace {

std::vector<archive::FiledItem> year(const archive::ArchiveProfile& p) {
  const char* regs[] = {"DY", "ZX", "ZH"};
  const char* kinds[] = {"调研报告", "决定", "通知"};
  std::vector<archive::FiledItem> items;
  for (int i = 0; i < 6; ++i) {
    archive::FiledItem it;
    it.doc.title = i == 0 ? "关于<a>&\"b\"的报告" : "关于第" + std::to_string(i) + "项工作的报告";
    it.doc.kind = kinds[i % 3];
    it.doc.regulation = regs[i % 3];
    it.doc.year = 2024;
    it.doc.date = core::Date{2024, 3, 1 + i};
    archive::ItemFile f;
    f.role = "正本";
    f.extension = ".pdf";
    f.page_count = 2;
    it.files.push_back(f);
    it.origin = std::to_string(i);
    items.push_back(std::move(it));
  }
  core::DiagnosticSink sink;
  archive::arrange(items, p, "Z109", sink);
  return items;
}

std::size_t count(const std::string& s, const std::string& what) {
  std::size_t n = 0;
  for (auto at = s.find(what); at != std::string::npos; at = s.find(what, at + 1)) ++n;
  return n;
}

std::string page(const archive::ArchiveProfile& p, const std::vector<archive::FiledItem>& items) {
  archive::DossierInfo info;
  info.fonds_code = "Z109";
  info.fonds_name = "中共某某县委员会";
  info.year = 2024;
  info.filing_date = core::Date{2024, 12, 31};
  info.package_id = "Z109-WS-2024";
  return archive::index_html(items, info, archive::catalogue_xml(items, info, p), archive::scheme_xml(p));
}

}  // namespace

TEST_CASE("index.html: sections by 保管期限 and class, rows from the catalogue", "[archive][index]") {
  const auto p = archive::builtin_profile();
  const auto items = year(p);
  const std::string html = page(p, items);
  CHECK(html.rfind("<!DOCTYPE html>\n<html lang=\"zh-CN\">", 0) == 0);
  CHECK(html.find("<title>中共某某县委员会 2024年度文书档案 Z109-WS-2024</title>") != std::string::npos);
  CHECK(html.find("全宗号 Z109　包标识 Z109-WS-2024　归档日期 2024-12-31　共 6 件") != std::string::npos);
  CHECK(count(html, "<tr class=\"item\"") == 6);
  // Y: 决定 (ZX); D30: 调研报告 (DY); D10: 通知 (ZH): three sections.
  CHECK(count(html, "<section class=\"class\"") == 3);
  CHECK(html.find("<h2>永久（Y） · 决策咨询（JCZ）</h2>") != std::string::npos);
  CHECK(html.find("关于&lt;a&gt;&amp;\"b\"的报告") != std::string::npos);
  // Links relative to data/, the Chinese folder name percent-encoded.
  CHECK(html.find("href=\"%E7%94%B5%E5%AD%90%E6%A1%A3%E6%A1%88/2024/") != std::string::npos);
  CHECK(count(html, ">元数据</a>") == 6);
}

TEST_CASE("index.html: the 年度-保管期限 scheme has no classes", "[archive][index]") {
  auto p = archive::builtin_profile();
  p.scheme = archive::Scheme::kYearRetention;
  const std::string html = page(p, year(p));
  CHECK(count(html, "<section class=\"class\"") == 3);
  CHECK(html.find("<h2>永久（Y）</h2>") != std::string::npos);
  CHECK(html.find("data-class=\"Y-\"") != std::string::npos);
}

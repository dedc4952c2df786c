// 归档文件目录 as a register (see catalogue_document.h): DA/T 22-2015 Annex B figs. B1/B2.
#include "archive/catalogue_document.h"

#include <array>

#include <fmt/format.h>

#include "archive/profile.h"
#include "core/date.h"

namespace wenshu::archive {
namespace {

using Align = model::TableCell::Align;

struct Column {
  const char* head;
  int weight;  ///< relative width
  Align align;
};
// docs/archive.md §1.8: 序号, 档号, 文号, 责任者, 题名, 日期, 密级, 页数, 备注.
const std::array<Column, 9> kColumns{{{"序号", 6, Align::kCenter},
                                      {"档号", 28, Align::kStart},
                                      {"文号", 15, Align::kStart},
                                      {"责任者", 14, Align::kStart},
                                      {"题名", 33, Align::kStart},
                                      {"日期", 12, Align::kCenter},
                                      {"密级", 6, Align::kCenter},
                                      {"页数", 6, Align::kCenter},
                                      {"备注", 8, Align::kStart}}};

model::TableCell cell(std::string text, Align align, const core::SourceLocation& at) {
  model::TableCell c;
  c.text.value = std::move(text);
  c.text.location = at;
  c.align = align;
  return c;
}

/// The cover lines of a volume (fig. B2).
std::vector<std::pair<std::string, std::string>> cover_fields(const DossierInfo& info, const std::string& retention,
                                                              const std::string& classes) {
  return {{"全宗号", info.fonds_code},
          {"全宗名称", info.fonds_name},
          {"年　　度", fmt::format("{:04d}", info.year)},
          {"保管期限", retention_name(retention)},
          {"机构（问题）", classes.empty() ? "—" : classes}};
}

/// The table of items [first, end), serials continuing from `serial` (fig. B1).
model::Table volume_table(const std::vector<FiledItem>& items, std::size_t first, std::size_t end, int& serial,
                          const core::SourceLocation& at) {
  model::Table t;
  t.location = at;
  t.header_rows = 1;
  std::vector<model::TableCell> head;
  for (const auto& c : kColumns) {
    t.column_weights.push_back(c.weight);
    head.push_back(cell(c.head, Align::kCenter, at));
  }
  t.rows.push_back(std::move(head));
  for (std::size_t i = first; i < end; ++i) {
    const FiledItem& it = items[i];
    const std::array<std::string, 9> text{std::to_string(++serial), it.archival_code, it.doc.doc_number, it.doc.author,
                                          it.doc.title,
                                          core::is_valid(it.doc.date) ? core::format_date_compact(it.doc.date) : "",
                                          it.doc.secrecy, std::to_string(it.page_count()), it.doc.note};
    std::vector<model::TableCell> row;
    for (std::size_t k = 0; k < kColumns.size(); ++k) row.push_back(cell(text[k], kColumns[k].align, at));
    t.rows.push_back(std::move(row));
  }
  return t;
}

}  // namespace

model::CatalogueDocument catalogue_document(const std::vector<FiledItem>& items, const DossierInfo& info) {
  model::CatalogueDocument doc;
  doc.info.title = "归档文件目录";
  doc.info.author = info.fonds_name;
  doc.info.subject = fmt::format("{} {} 年度", info.fonds_code, info.year);
  if (core::is_valid(info.filing_date)) doc.info.date = core::format_date(info.filing_date);
  const core::SourceLocation at{"归档文件目录.pdf", 0, 0};
  int serial = 0;
  // One volume per 保管期限 (items arrive grouped, as in 归档文件目录.xml).
  for (std::size_t i = 0; i < items.size();) {
    const CatalogueVolume volume = catalogue_volume(items, i);
    doc.volumes.push_back({"归档文件目录", cover_fields(info, items[i].retention, volume.classes),
                           volume_table(items, i, volume.end, serial, at)});
    i = volume.end;
  }
  if (doc.volumes.empty()) doc.volumes.push_back({"归档文件目录", cover_fields(info, "", ""), {}});
  return doc;
}

}  // namespace wenshu::archive

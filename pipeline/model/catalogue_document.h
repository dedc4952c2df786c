// A printed register as plain data: volumes, each a cover (a heading over labelled fields)
// and a table whose header rows repeat on every page. The archive stage describes its
// 归档文件目录 this way (docs/archive.md §1.8: one volume per 保管期限, A4 landscape);
// the layout stage sets it (layout/catalogue.h), the PDF writer writes it. No stage but the
// one that fills it knows what the columns mean.
#pragma once
#include <string>
#include <utility>
#include <vector>

#include "model/document.h"
#include "model/page.h"

namespace wenshu::model {

/// One volume: its cover, then its table from a new page.
struct CatalogueVolume {
  std::string heading;                                       ///< the cover's title (归档文件目录)
  std::vector<std::pair<std::string, std::string>> fields;   ///< cover lines: label, value
  Table table;                                               ///< header rows first (header_rows)
};

/// A whole register: PDF document information and its volumes in order.
struct CatalogueDocument {
  DocumentInfo info;
  std::vector<CatalogueVolume> volumes;
};

}  // namespace wenshu::model

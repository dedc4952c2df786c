// The printable 归档文件目录 (DA/T 22-2015 §5.5, docs/archive.md §1.8 and §12.2) as a
// plain register (model/catalogue_document.h): one volume per 保管期限, each with its cover
// (全宗号, 全宗名称, 年度, 保管期限, 机构(问题)) and the table of its 件 with the §1.8 columns.
// The archive stage says what is listed; the layout stage sets it (layout/catalogue.h) and the
// job stage hands the PDF bytes back to pack (PackOptions::set_catalogue).
#pragma once
#include <vector>

#include "archive/arrange.h"
#include "archive/dossier.h"
#include "model/catalogue_document.h"

namespace wenshu::archive {

/// The register of `items` (in 档号 order, grouped by 保管期限). Deterministic.
model::CatalogueDocument catalogue_document(const std::vector<FiledItem>& items, const DossierInfo& info);

}  // namespace wenshu::archive

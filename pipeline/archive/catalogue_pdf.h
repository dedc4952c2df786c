// The printable 归档文件目录 (DA/T 22-2015 §5.5, archive.md §1.8 and §12.2): an A4 landscape
// PDF set by our own paragraph setter and PDF writer, one volume per 保管期限, each with its
// cover (全宗号, 全宗名称, 年度, 保管期限, 机构(问题)) and then the table of its 件.
#pragma once
#include <string>
#include <vector>

#include "archive/arrange.h"
#include "archive/dossier.h"

namespace wenshu::archive {

/// The PDF bytes of data/归档文件目录.pdf for `items` (in 档号 order, grouped by 保管期限).
/// Deterministic. Throws std::runtime_error when the fonts cannot be loaded or the PDF cannot
/// be written (the dossier is then not written at all).
std::string catalogue_pdf(const std::vector<FiledItem>& items, const DossierInfo& info);

}  // namespace wenshu::archive

// A printed register (model/catalogue_document.h, e.g. the 归档文件目录 of a dossier) set on
// A4 landscape pages (docs/archive.md §1.8: "A4, landscape recommended"): each volume a
// cover page, then its table from a new page by the same table setter as a 公文's tables
// (table.cc: cells wrapped by the paragraph setter, header rows repeated on every page, rows
// never split); "— N —" centred below the type area on every page, counting every page.
#pragma once
#include "core/diagnostic.h"
#include "layout/layout_profile.h"
#include "model/catalogue_document.h"
#include "model/page.h"

namespace wenshu::layout {

/// The register's geometry: A4 landscape, a 250 × 170 mm type area, 五号 (10.5 pt) cell text on
/// a 14 pt pitch, thin rules; faces as the 公文 profile's.
const LayoutProfile& catalogue_profile();

/// Sets `doc`. Bad content (a row taller than a page, missing glyphs) is reported into `sink`
/// as LAYOUT-… findings; throws std::runtime_error only when a font cannot be loaded.
model::PagedDocument layout_catalogue(const model::CatalogueDocument& doc, core::DiagnosticSink& sink);

}  // namespace wenshu::layout

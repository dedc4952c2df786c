// The printable 归档文件目录 of a dossier: the archive stage describes it as a register
// (archive/catalogue_document.h), the layout stage sets it (layout/catalogue.h), the PDF writer
// writes it. `pack` and `build` hand this function to the archive stage
// (archive::PackOptions::set_catalogue), which thus never typesets.
#pragma once
#include <string>

#include "model/catalogue_document.h"

namespace wenshu::job {

/// The PDF bytes of `doc`. Deterministic. Throws std::runtime_error when the fonts cannot be
/// loaded or the register cannot be set or written (the dossier is then not written at all).
std::string catalogue_pdf(const model::CatalogueDocument& doc);

}  // namespace wenshu::job

// The adapter for stand-alone `pack` and `check`: a folder of rendered PDFs with their sidecars
// → the same plain model::Filing values `build` hands over in memory. Only here does the
// archive stage read a folder: each sidecar is read and validated, each component file is read
// once, hashed (SHA-256 + SM3) and inspected as a PDF (in an isolated worker).
#pragma once
#include <filesystem>
#include <functional>
#include <vector>

#include "core/diagnostic.h"
#include "model/filed_document.h"

namespace wenshu::archive {

/// Filings of the sidecars given (archive::find_sidecars order) whose 年度 is `year` (0: any)
/// and that `accept` accepts (when set), judged before their files are read.
/// A sidecar that cannot be read, or a component file that cannot be read, is a finding in
/// `sink` (XML-…, DA-1); the component is left out, and a sidecar left with no component is
/// left out as a whole (the missing file is the one finding).
std::vector<model::Filing> read_filings(const std::vector<std::filesystem::path>& sidecars, int year,
                                        core::DiagnosticSink& sink,
                                        const std::function<bool(const model::FiledDocument&)>& accept = {});

}  // namespace wenshu::archive

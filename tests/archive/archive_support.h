// Helpers for the archive tests: hand-written minimal PDFs and a submission folder of sidecars.
#pragma once
#include <filesystem>
#include <string>

#include "model/filed_document.h"

namespace wenshu::test {

/// A minimal valid PDF with `pages` empty A4 pages; `tag` goes into the Info title so that
/// different documents have different bytes. No fonts, no actions, exact xref offsets.
std::string minimal_pdf(int pages, const std::string& tag);

/// A FiledDocument for tests.
model::FiledDocument sample_doc(const std::string& kind, const std::string& regulation, const std::string& title,
                                int month, int day, int pages);

/// Writes `count` documents (PDF + sidecar) into `dir` for year 2024 (kinds and classes mixed).
void write_submission(const std::filesystem::path& dir, int count);

}  // namespace wenshu::test

// PagedDocument → PDF bytes. Every font is subset with hb-subset and embedded as a CID font
// (CIDFontType0 + FontFile3/CIDFontType0C for CFF, CIDFontType2 + FontFile2 for TrueType) with
// Identity-H and a ToUnicode map, so text extraction returns PlacedGlyph::text exactly.
// Output is deterministic: dates from DocumentInfo::date, /ID and subset tags from hashes.
// PoDoFo stays behind this header.
#pragma once
#include <cstddef>
#include <filesystem>
#include <string>

#include "core/diagnostic.h"
#include "model/page.h"

namespace wenshu::pdf {

/// Options for the writer.
struct WriteOptions {
  /// Write PDF/A-2 structure: XMP metadata with pdfaid (part 2, conformance U) and an sRGB
  /// output intent. On by default (archive.md §12: 正本 as PDF/A-2u).
  bool pdfa = true;
};

/// Renders `doc` to PDF bytes. Problems (a font that cannot be read, a glyph id outside the
/// font) are pushed into `sink` as PDF-… diagnostics; if any is an error the result is empty and
/// no PDF must be written.
std::string write_pdf(const model::PagedDocument& doc, core::DiagnosticSink& sink,
                      const WriteOptions& options = {});

/// Announces that the run will write `count` more documents, so that the fonts a batch subsets
/// again and again are prepared for it early (font_program.h); a single document never pays for
/// that. Output bytes do not depend on it.
void announce_documents(std::size_t count);

/// write_pdf, then core::write_file_atomic(path, bytes). Returns false (and writes nothing) when
/// write_pdf reported errors. Throws std::runtime_error on I/O failure.
bool write_pdf_file(const std::filesystem::path& path, const model::PagedDocument& doc,
                    core::DiagnosticSink& sink, const WriteOptions& options = {});

}  // namespace wenshu::pdf

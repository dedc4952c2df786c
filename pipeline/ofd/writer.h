// PagedDocument → OFD bytes (GB/T 33190-2016): the same page model the PDF writer takes, so one
// layout gives both renditions with the same glyphs at the same places. Fonts are embedded as
// subsets made by the PDF writer's subsetter (the same glyph sets, wrapped as whole OpenType
// files), images as MultiMedia resources, vector graphics as paths; DocInfo comes from the
// document's record, never the clock. Output is deterministic (docs/ofd.md).
#pragma once
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "core/diagnostic.h"
#include "model/page.h"

namespace wenshu::ofd {

/// Options for the writer.
struct WriteOptions {
  /// Mark the package as the archive profile of GB/T 42133-2022 (DocType="OFD-A"): one
  /// document, fonts embedded as subsets, no external references, no actions or scripts (the
  /// writer never writes those anyway).
  bool archive_profile = false;
  /// Named values for DocInfo/CustomDatas (the archive profile carries the DA/T 46 metadata
  /// of the item there), in the given order.
  std::vector<std::pair<std::string, std::string>> custom_data;
};

/// Renders `doc` to OFD bytes. Problems (a font that cannot be read, a glyph id outside the
/// font, an image that cannot be read) are pushed into `sink` as OFD-… diagnostics; if any is an
/// error the result is empty and no OFD must be written.
std::string write_ofd(const model::PagedDocument& doc, core::DiagnosticSink& sink, const WriteOptions& options = {});

/// write_ofd, then core::write_file_atomic(path, bytes). Returns false (and writes nothing) when
/// write_ofd reported errors. Throws std::runtime_error on I/O failure.
bool write_ofd_file(const std::filesystem::path& path, const model::PagedDocument& doc, core::DiagnosticSink& sink,
                    const WriteOptions& options = {});

}  // namespace wenshu::ofd

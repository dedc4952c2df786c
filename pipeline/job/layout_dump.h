// `layout-dump` as a library call: a 公文 document file → layout → the text layout dump
// (layout/dump.h), for reviewing pagination and positions with diff.
#pragma once
#include <filesystem>
#include <optional>
#include <string>

#include "core/diagnostic.h"

namespace wenshu::layout {
struct LayoutProfile;
}

namespace wenshu::job {

/// Options of a layout dump.
struct LayoutDumpOptions {
  bool glyph_ids = false;                          ///< print glyph ids too
  bool draft = false;                              ///< lay out as a draft (watermark)
  const layout::LayoutProfile* profile = nullptr;  ///< null: layout::default_profile()
};

/// Reads `file` (schemas/gongwen.xsd), lays it out and returns the dump. nullopt when the file
/// could not be read or validated (XML-… diagnostics in `sink`); layout findings go to `sink`.
std::optional<std::string> layout_dump_file(const std::filesystem::path& file, const LayoutDumpOptions& options,
                                            core::DiagnosticSink& sink);

}  // namespace wenshu::job

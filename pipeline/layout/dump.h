// The layout dump: a plain-text, diffable picture of a PagedDocument — one line per line box
// (page, line, baseline y, glyphs with x and advance) plus one line per rule, rectangle and
// polyline. Numbers in pt with 3 decimals, classic locale; same document, same bytes.
#pragma once
#include <string>

#include "model/page.h"

namespace wenshu::layout {

/// Options for dump_layout.
struct DumpOptions {
  bool glyph_ids = false;  ///< also print each glyph's gid (off: goldens stay font-version stable)
};

/// Renders `doc` as the layout dump text (ends with a newline).
std::string dump_layout(const model::PagedDocument& doc, const DumpOptions& options = {});

}  // namespace wenshu::layout

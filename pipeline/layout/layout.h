// The page composer: one 公文 (model::Document) → pages of positioned glyphs and rules
// (model::PagedDocument) per GB/T 9704-2012 and the profile's geometry (gbt9704.md §A, §F).
// Bad or oversized content is reported as LAYOUT-… diagnostics; layout always returns pages.
#pragma once
#include "core/diagnostic.h"
#include "layout/layout_profile.h"
#include "model/document.h"
#include "model/page.h"

namespace wenshu::layout {

/// Lays out `doc` with `profile`. Never throws on bad content (diagnostics instead); throws
/// std::runtime_error only when a font of the manifest cannot be loaded (I/O failure).
model::PagedDocument layout_document(const model::Document& doc, const LayoutProfile& profile,
                                     core::DiagnosticSink& sink);

}  // namespace wenshu::layout

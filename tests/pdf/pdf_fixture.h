// Hand-built PagedDocuments for the PDF writer tests (no layouter needed) and a helper that runs
// the poppler/qpdf command-line checkers on a file.
#pragma once
#include <filesystem>
#include <string>

#include "model/page.h"

namespace wenshu::test {

/// The font file of a manifest role ("fang", "song-bold", "fallback-serif" …) in fonts/.
model::FontFace font_face(const std::string& role);

/// A glyph run of `text` in `doc.fonts[font]`, one glyph per code point from the font's cmap,
/// starting at `x` with a fixed `pitch` (the 15.79 pt body grid, for example).
model::GlyphRun text_run(const model::PagedDocument& doc, std::uint32_t font, const std::string& text,
                         core::Sp x, core::Sp baseline, core::Sp size, core::Sp pitch);

/// An A4 portrait page (210 × 297 mm).
model::Page a4_page();

/// A one-page 公文-like document: red head in song-bold, red rule, title, body in fang with a
/// level-1 heading in hei and a level-2 heading in kai, page number in song.
model::PagedDocument sample_notice();

/// Runs a shell command; returns its stdout; `rc` gets the exit status.
std::string run_command(const std::string& command, int& rc);

}  // namespace wenshu::test

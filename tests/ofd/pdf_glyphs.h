// A test-only reading of where a PDF made by our writer puts every glyph: the content streams
// are interpreted (q/Q, cm, BT/ET, Tf, Tz, Tm, Td, TJ/Tj with /W widths, /ActualText spans) and
// each glyph's text comes from the font's ToUnicode map. This is the PDF side of the PDF/OFD
// agreement test; it is cross-checked against poppler's pdftotext -bbox there.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace wenshu::test {

struct PdfGlyph {
  std::string text;      ///< ToUnicode (or /ActualText) text; "" for a glyph that continues a cluster
  double x = 0, y = 0;   ///< glyph origin, mm from the page's top-left corner, y down
};

/// Glyphs of every page, in content order. Fails (empty result, `error` set) on a PDF it cannot
/// load.
std::vector<std::vector<PdfGlyph>> pdf_glyphs(std::string_view pdf, std::string& error);

}  // namespace wenshu::test

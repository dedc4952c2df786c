// What a PDF page shows, read back from the PDF itself for the document checks (page_check.h,
// wording_check.h): every glyph with its text, position, size, horizontal scale, advance and
// colour; every stroked rule; every image. The content streams are interpreted as a viewer
// does (graphics state stack with q/Q, cm, text state Tf Tz Tc Tw Ts TL, Tm Td TD T*, Tj TJ '
// ", path operators, Do), so a state that leaks from one run into the next (a Tz never reset)
// shows here exactly as it shows on paper. Test code: PoDoFo stays behind this header.
#pragma once
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace wenshu::doccheck {

/// One glyph as drawn. Lengths in points; page coordinates have y down from the top edge.
struct Glyph {
  std::string text;      ///< ToUnicode or /ActualText text ("" for the rest of a cluster)
  double x = 0, y = 0;   ///< origin on the baseline, page coordinates
  double size = 0;       ///< em size on the page (font size × text and current matrices)
  double scale = 1;      ///< horizontal scale as drawn (Tz / 100 × any matrix squeeze)
  double advance = 0;    ///< nominal advance: font width × size
  double drawn = 0;      ///< advance as drawn: (width × size + Tc + Tw) × Tz
  double char_spacing = 0, word_spacing = 0;  ///< Tc, Tw in effect
  /// Direction of the baseline, degrees counter-clockwise on the page (0 upright, 90 a
  /// landscape page turned into the portrait sheet); other angles are kept as they are.
  int direction = 0;
  std::string font;      ///< /BaseFont without its subset tag
  double r = 0, g = 0, b = 0;  ///< fill colour as RGB 0..1 (gray and CMYK converted)
};

/// A stroked straight segment (or a thin filled rectangle), page coordinates.
struct Rule {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  double width = 0;
};

/// The page box of an image (seal), page coordinates.
struct ImageBox {
  double x = 0, y = 0, w = 0, h = 0;
};

struct PageContent {
  double width = 0, height = 0;  ///< MediaBox
  std::vector<Glyph> glyphs;     ///< in content order
  std::vector<Rule> rules;
  std::vector<ImageBox> images;
};

/// A font resource as the interpreter needs it.
struct FontData {
  std::string base_font;                   ///< without the subset tag
  std::map<unsigned, double> widths;       ///< code -> width in 1/1000 em (/W)
  double default_width = 1000;             ///< /DW
  std::map<unsigned, std::string> text;    ///< code -> UTF-8 (ToUnicode)
  int code_bytes = 2;                      ///< 2 for Type0 Identity-H, 1 for simple fonts
};

/// Interprets one page's content stream (uncompressed bytes) with its font resources.
/// Unknown resources and operators are skipped. Throws std::runtime_error on bytes that do
/// not tokenize.
PageContent read_content(std::string_view content, const std::map<std::string, FontData>& fonts, double width,
                         double height);

/// Every page of a PDF. On a file PoDoFo cannot load, returns no pages and sets `error`.
/// `edit`, when given, rewrites each page's uncompressed content stream before it is read (the
/// tests use it to plant a defect, e.g. drop the `100 Tz` that ends a narrowed run).
std::vector<PageContent> read_pdf(std::string_view bytes, std::string& error,
                                  const std::function<std::string(std::string)>& edit = {});

/// The ToUnicode bfchar/bfrange entries of a CMap into `out` (code -> UTF-8).
void read_to_unicode(std::string_view cmap, std::map<unsigned, std::string>& out);

}  // namespace wenshu::doccheck

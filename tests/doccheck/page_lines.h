// Lines of text as a reader sees them on the pages of a PDF (from pdf_page.h's glyphs and
// rules, nothing else): glyphs on one baseline, split where a table rule or a wide gap
// separates them; each line's box (the type area, or a table cell between two rules); and the
// line that continues its paragraph (the next line of the same box that starts flush at the
// box's left edge, on the same page or at the top of the next).
#pragma once
#include <cstddef>
#include <string>
#include <vector>

#include "doccheck/pdf_page.h"

namespace wenshu::doccheck {

/// The page geometry the checks hold pages to (GB/T 9704-2012 5.2.1, 5.2.3; the house table
/// padding of the default layout profile). Points.
struct Geometry {
  double type_left = 28 * 72 / 25.4;
  double type_top = 37 * 72 / 25.4;
  double type_width = 156 * 72 / 25.4;
  double type_height = 225 * 72 / 25.4;
  double cell = 156 * 72 / 25.4 / 28;   ///< one 字 of the body grid
  int indent_cells = 2;                 ///< 7.3.3: paragraphs 空二字
  double table_padding = 3;             ///< cell text inset from the rule
  double em_ascent = 0.88;              ///< em box above the baseline (Adobe-GB1: 880/1000)
};

/// A point in a line's reading frame: u along the baseline, v across it (down the text).
struct FramePoint {
  double u = 0, v = 0;
};
/// Maps page coordinates (y down) into the reading frame of text running at `direction`
/// degrees counter-clockwise.
FramePoint to_frame(double x, double y, double page_height, int direction);

/// The type area in the reading frame of `direction` on a page of `height`.
struct Box {
  double left = 0, right = 0, top = 0, bottom = 0;
};
Box type_area_in_frame(const Geometry& g, double page_height, int direction);

struct Line {
  int page = 0;                    ///< 0-based
  int number = 0;                  ///< 1-based, counted from the top of the page in reading order
  int direction = 0;
  double u0 = 0, u1 = 0;           ///< start and end of the visible glyphs along the baseline
  /// End where a closing or pause mark's ink ends (its glyph sits in the left half): a line-end
  /// mark set ½ em (GB/T 15834) ends here, flush.
  double u1_ink = 0;
  double v = 0;                    ///< baseline
  double size = 0;                 ///< largest em size on the line
  std::string font;                ///< the font of most glyphs
  std::vector<std::size_t> glyphs; ///< indexes into the page's glyphs, along the baseline
  std::string text;
  Box box;                         ///< the type area (in frame) or the table cell
  bool in_cell = false;
  bool red = false;                ///< every glyph red (版头 parts)
  bool watermark = false;          ///< not upright nor turned by a quarter (the 草稿 mark)
  bool page_number = false;        ///< `— N —` below the type area (7.5)
  int next = -1;                   ///< index (in the document's lines) of the paragraph's next line
  int prev = -1;
};

/// The lines of a whole document, page by page, in reading order.
std::vector<Line> assemble_lines(const std::vector<PageContent>& pages, const Geometry& g);

/// The first code point of `s` as UTF-8 (empty for an empty string), and the last.
std::string first_char(const std::string& s);
std::string last_char(const std::string& s);

}  // namespace wenshu::doccheck

// Line adjustment (gbt9704.md §C5, clreq #line_adjustment): compress first, in the clreq order,
// then expand; the difference is distributed in integer sp with the remainder handed out left
// to right, so a justified line ends EXACTLY on the measure, deterministically.
#pragma once
#include <span>
#include <vector>

#include "layout/compress.h"

namespace wenshu::layout {

/// The final geometry of one atom of a line.
struct AtomPlacement {
  Sp box_x;      ///< left edge of the (compressed) box, from the line's left edge
  Sp box_width;  ///< width of the box (a space: its final width)
  Sp glyph_x;    ///< glyph origin, from the line's left edge
};

/// What to do with a line.
struct LineRequest {
  Sp measure;
  bool justify = false;             ///< fill the measure exactly (else natural unless too wide)
  bool compress_start_open = false; ///< clreq: opening bracket at line start loses ½ em
  /// Justify only within FlexLimits::stretch_max between characters (else leave the line
  /// ragged, LineResult::underfull). Off for a last line filled on purpose (justify_last).
  bool cap_stretch = true;
  FlexLimits limits;
};

/// Result of setting one line.
struct LineResult {
  Sp natural;            ///< width before shrink / stretch
  Sp width;              ///< final width
  bool squeezed = false;
  bool stretched = false;
  bool ends_compressed = false;  ///< the line-end mark was set ½ em
  bool overfull = false;         ///< wider than the measure after every compression
  /// Asked to justify, but filling the measure would spread more than FlexLimits::stretch_max
  /// between characters: left at its natural width (ragged) rather than visibly loose.
  bool underfull = false;
};

/// Natural width and total shrink of `line` as it would be set (line-start gap dropped,
/// tightening included): the greedy breaker's feasibility test uses exactly these numbers.
struct LineExtent {
  Sp natural;
  Sp shrink;
};
LineExtent line_extent(std::span<const Atom> line, const LineRequest& req);

/// Sets `line` (no leading or trailing droppable atoms): fills `out` (one per atom).
LineResult set_line(std::span<const Atom> line, const LineRequest& req, std::vector<AtomPlacement>& out);

}  // namespace wenshu::layout

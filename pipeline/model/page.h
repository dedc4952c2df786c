// The boundary between layout and the PDF writer: pages of positioned glyphs and vector
// graphics, in fixed-point units, origin at the TOP-LEFT corner of the page, y growing DOWN.
// A test of the PDF writer builds one of these by hand; it never needs the layouter.
#pragma once
#include <cstdint>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "core/units.h"

namespace wenshu::model {

using core::Sp;

/// A colour. GB/T 9704 needs black and red; charts need a few more. Components 0..1000.
struct Color {
  enum class Space : std::uint8_t { kGray, kRgb, kCmyk };
  Space space = Space::kGray;
  std::uint16_t c[4] = {0, 0, 0, 0};  ///< gray: c[0] (0 = black); rgb: c[0..2]; cmyk: c[0..3]
  static Color black() { return {}; }
  static Color gray(std::uint16_t level) { return {Space::kGray, {level, 0, 0, 0}}; }
  static Color rgb(std::uint16_t r, std::uint16_t g, std::uint16_t b) { return {Space::kRgb, {r, g, b, 0}}; }
  static Color cmyk(std::uint16_t c, std::uint16_t m, std::uint16_t y, std::uint16_t k) { return {Space::kCmyk, {c, m, y, k}}; }
  bool operator==(const Color&) const = default;
};

/// A font face the document uses: a file in fonts/ and the face index inside a collection.
struct FontFace {
  std::string path;           ///< absolute or data-relative path of the OTF/TTF/TTC
  std::uint32_t face_index = 0;
  std::string role;           ///< manifest role (fang, hei, kai, song, song-bold, fallback-…)
  bool operator==(const FontFace&) const = default;
};

/// One glyph, placed. `gid` is the glyph id in the ORIGINAL font file (the PDF writer subsets
/// and maps it); `text` is the UTF-8 text this glyph stands for, so the PDF can map it back
/// (ToUnicode) and pdftotext returns the exact source text. A ligature carries all its
/// characters; a glyph that continues a cluster carries "".
struct PlacedGlyph {
  std::uint32_t gid = 0;
  Sp x;             ///< pen position of the glyph origin, from the page's left edge
  Sp advance;       ///< the glyph's nominal advance at this size (for dumps and checks)
  std::string text;
};

/// Glyphs of one font, size and colour on one baseline (typically one line box or part of it).
struct GlyphRun {
  std::uint32_t font = 0;     ///< index into PagedDocument::fonts
  Sp size;                    ///< font size (em)
  Sp baseline;                ///< baseline y from the page's top edge
  Color color;
  std::uint16_t horizontal_scale = 100;  ///< percent; <100 condenses (red heads)
  std::int16_t rotation_deg = 0;         ///< counter-clockwise about the first glyph's origin (watermarks, landscape)
  std::vector<PlacedGlyph> glyphs;
};

/// A straight stroked line (rules, table borders, chart axes).
struct Line {
  Sp x0, y0, x1, y1;
  Sp width;
  Color color;
};

/// A rectangle, filled and/or stroked (chart bars, grid cells, seal area).
struct Rect {
  Sp x, y, w, h;              ///< top-left corner, width, height
  bool fill = true;
  Color fill_color;
  bool stroke = false;
  Color stroke_color;
  Sp stroke_width;
};

/// An open or closed polyline (chart trend lines, the five-pointed star on party red rules).
struct Polyline {
  std::vector<std::pair<Sp, Sp>> points;
  bool closed = false;
  bool fill = false;
  Color color;
  Sp width;
};

/// A raster image (a seal, GB/T 9704-2012 7.3.5.1) scaled into the box (x, y, w, h). `path` is
/// the PNG/JPEG file (the PDF writer embeds it); `multiply` paints it with the Multiply blend
/// mode so its white background does not hide the text under a seal; `location` is where the
/// document names the file, for diagnostics.
struct Image {
  Sp x, y, w, h;              ///< top-left corner, width, height
  std::string path;
  bool multiply = true;
  std::string source_file;    ///< the document that names the image
  int source_line = 0;
};

/// One drawing item; items are painted in order (later ones on top).
using Item = std::variant<GlyphRun, Line, Rect, Polyline, Image>;

/// A rotation and shift applied to a run of a page's items: items [first, first + count) are
/// drawn in their own frame (x right, y down), turned `quarter_turns` × 90° counter-clockwise
/// about that frame's origin, then moved by (dx, dy) in page coordinates. Landscape table
/// pages of a 公文 (GB/T 9704-2012 §8, gbt9704.md A7) keep the A4 portrait MediaBox and
/// rotate only the table, so the page number stays where it is on every page.
struct ItemTransform {
  std::size_t first = 0;
  std::size_t count = 0;
  int quarter_turns = 1;      ///< 1 = 90° counter-clockwise (table head toward the left edge)
  Sp dx, dy;
};

/// One physical page (side).
struct Page {
  Sp width, height;           ///< A4 portrait by default; landscape pages swap them
  std::vector<Item> items;
  /// The printed page number (for dumps and the archive), 0 when the page carries none.
  int number = 0;
  /// Transformed item ranges (non-overlapping, in item order); empty on ordinary pages.
  std::vector<ItemTransform> transforms = {};
};

/// Maps a point (x, y) of a transform's own frame to page coordinates.
inline std::pair<Sp, Sp> transform_point(const ItemTransform& t, Sp x, Sp y) {
  // y-down coordinates: a counter-clockwise quarter turn maps (x, y) to (y, -x).
  switch (((t.quarter_turns % 4) + 4) % 4) {
    case 1: return {y + t.dx, Sp() - x + t.dy};
    case 2: return {Sp() - x + t.dx, Sp() - y + t.dy};
    case 3: return {Sp() - y + t.dx, x + t.dy};
    default: return {x + t.dx, y + t.dy};
  }
}

/// Document information written into the PDF Info dictionary and XMP (never the clock).
struct DocumentInfo {
  std::string title;
  std::string author;         ///< the issuing organ
  std::string subject;
  std::string keywords;
  std::string date;           ///< YYYY-MM-DD from 成文日期 (CreationDate and ModDate)
  std::string producer = "wenshu";
  bool draft = false;         ///< rendered with --force despite rule errors (草稿 watermark)
};

/// A laid-out document: what the PDF writer turns into bytes.
struct PagedDocument {
  DocumentInfo info;
  std::vector<FontFace> fonts;
  std::vector<Page> pages;
};

}  // namespace wenshu::model

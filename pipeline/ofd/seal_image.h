// Seal images for the OFD writer (docs/ofd.md §4): the PDF paints a seal with the Multiply blend
// mode, so its white ground does not hide the 署名 and date under it (GB/T 9704-2012 7.3.5.1:
// the seal presses on them); OFD 2016 has no blend modes. The OFD writer therefore embeds the
// seal as a PNG whose alpha comes from the luminance of each pixel over white paper: white is
// transparent, dark ink is nearly opaque, and the text under the seal shows through its ink.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace wenshu::ofd {

/// An 8-bit RGBA raster (not premultiplied), rows top to bottom, 4 bytes a pixel.
struct Rgba {
  unsigned width = 0, height = 0;
  std::string pixels;
};

/// Decodes a PNG (any colour type, through libpng) or a baseline/progressive JPEG (libjpeg) to
/// RGBA. Nothing, with `why` set (bilingual), for a damaged file or one larger than
/// core::kMaxImagePixels.
std::optional<Rgba> decode_image(std::string_view bytes, std::string& why);

/// Replaces each pixel P (its own alpha first composited over white paper, which is what the
/// Multiply blend shows there) by colour C with alpha A: A = 255 − Y(P), Y the Rec. 601 luma,
/// and C the colour that gives P again over white (A·C + (255 − A)·white = P, clamped to 0-255).
/// White becomes transparent, black stays opaque black, red seal ink (230, 0, 18) keeps 72 %.
void alpha_from_luminance(Rgba& image);

/// The image as a PNG file (RGBA, 8 bits; libpng's simplified writer: same pixels, same bytes).
/// Throws std::runtime_error if libpng fails.
std::string encode_png(const Rgba& image);

/// decode_image → alpha_from_luminance → encode_png: the seal file as the OFD embeds it.
std::optional<std::string> transparent_seal(std::string_view bytes, std::string& why);

}  // namespace wenshu::ofd

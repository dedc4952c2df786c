// The kind and pixel size of a raster image file (PNG or JPEG), read from its header only:
// enough to place a seal image with its aspect ratio and to reject a file that is not an
// image before the PDF stage embeds it. No decoding (the PDF writer's PoDoFo does that).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace wenshu::core {

/// What the header of an image file says.
struct ImageInfo {
  enum class Format { kPng, kJpeg } format = Format::kPng;
  std::uint32_t width = 0;   ///< pixels
  std::uint32_t height = 0;  ///< pixels
};

/// The largest image accepted, in pixels (width × height), checked on the header before any
/// decoding (docs/limits.md): a seal 45 mm across needs about 1100 × 1100 pixels at 600 dpi;
/// 16 megapixels leave room for scans, while a 20000 × 20000 "seal" (1.6 GB once decoded) is
/// refused at once.
inline constexpr std::uint64_t kMaxImagePixels = std::uint64_t(16) << 20;

/// Reads the PNG IHDR (ISO/IEC 15948 11.2.2) or the JPEG SOFn marker (ITU-T T.81 B.2.2) of
/// `bytes`. Returns nothing and sets `error` (bilingual) for anything else, a truncated
/// header, a zero size, or more than kMaxImagePixels pixels.
std::optional<ImageInfo> probe_image(std::string_view bytes, std::string& error);

/// probe_image on the file at `path` (reads at most the first 1 MiB). Never throws.
std::optional<ImageInfo> probe_image_file(const std::string& path, std::string& error);

}  // namespace wenshu::core

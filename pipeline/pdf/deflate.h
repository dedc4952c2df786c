// FlateDecode compression (zlib format, RFC 1950/1951) for PDF streams, with libdeflate: whole
// buffers at once, several times faster than zlib at the same ratio. Internal to pdf/.
#pragma once
#include <string>
#include <string_view>

namespace wenshu::pdf {

/// Compression levels, chosen by measurement on our own streams (docs/performance.md):
/// page content, ToUnicode maps and the ICC profile shrink to about a quarter, where level 6
/// is 2 % smaller than level 1 for little time. CFF outlines barely compress (to 81 %, and no
/// level or strategy does better than 80 %), yet compressing them even at level 1 was a
/// quarter of the CPU time of a one-page notice: they are stored (level 0, stored blocks
/// under the same FlateDecode filter), which makes a notice about 17 % larger.
inline constexpr int kTextLevel = 6;
inline constexpr int kFontLevel = 0;

/// `data` as a zlib stream at `level` (0 = stored blocks, 1–12). Thread-safe (one compressor
/// per thread and level).
std::string deflate_zlib(std::string_view data, int level);

}  // namespace wenshu::pdf

// A tiny seal image for tests, generated in code: an RGBA PNG (red ring and star-like centre on
// a transparent ground) written with stored (uncompressed) deflate blocks, so no image library
// is needed to make it. ISO/IEC 15948: signature, IHDR, IDAT (zlib, RFC 1950/1951), IEND.
#pragma once
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

namespace wenshu::test {

inline std::uint32_t png_crc32(const std::string& bytes) {
  std::uint32_t c = 0xFFFFFFFFu;
  for (unsigned char b : bytes) {
    c ^= b;
    for (int k = 0; k < 8; ++k) c = (c >> 1) ^ (0xEDB88320u & (0u - (c & 1u)));
  }
  return c ^ 0xFFFFFFFFu;
}

inline void png_put32(std::string& out, std::uint32_t v) {
  for (int s = 24; s >= 0; s -= 8) out.push_back(static_cast<char>((v >> s) & 0xFF));
}

inline void png_chunk(std::string& out, const char* type, const std::string& data) {
  png_put32(out, static_cast<std::uint32_t>(data.size()));
  const std::string body = std::string(type, 4) + data;
  out += body;
  png_put32(out, png_crc32(body));
}

/// An RGBA PNG of `size` × `size` pixels: a red ring (the seal's rim) and a red dot, alpha 0
/// elsewhere; with `opaque_white` the ground is opaque white instead (a scanned seal).
inline std::string seal_png(int size = 48, bool opaque_white = false) {
  std::string raw;
  const double c = (size - 1) / 2.0;
  for (int y = 0; y < size; ++y) {
    raw.push_back('\0');  // filter type None
    for (int x = 0; x < size; ++x) {
      const double dx = x - c, dy = y - c;
      const double d2 = dx * dx + dy * dy;
      const double r = size / 2.0;
      const bool ink = (d2 < r * r && d2 > (r * 0.8) * (r * 0.8)) || d2 < (r * 0.2) * (r * 0.2);
      if (ink) raw += std::string("\xE6\x00\x12\xFF", 4);
      else if (opaque_white) raw += std::string("\xFF\xFF\xFF\xFF", 4);
      else raw += std::string("\xFF\xFF\xFF\x00", 4);
    }
  }
  // zlib stream of stored blocks (at most 65535 bytes each) and the Adler-32 of `raw`.
  std::string z("\x78\x01", 2);
  for (std::size_t at = 0; at < raw.size() || at == 0;) {
    const std::size_t n = std::min<std::size_t>(65535, raw.size() - at);
    const bool last = at + n >= raw.size();
    z.push_back(last ? '\x01' : '\x00');
    z.push_back(static_cast<char>(n & 0xFF));
    z.push_back(static_cast<char>(n >> 8));
    z.push_back(static_cast<char>(~n & 0xFF));
    z.push_back(static_cast<char>((~n >> 8) & 0xFF));
    z += raw.substr(at, n);
    at += n;
    if (last) break;
  }
  std::uint32_t a = 1, b = 0;
  for (unsigned char ch : raw) {
    a = (a + ch) % 65521;
    b = (b + a) % 65521;
  }
  png_put32(z, (b << 16) | a);

  std::string png("\x89PNG\r\n\x1a\n", 8);
  std::string ihdr;
  png_put32(ihdr, static_cast<std::uint32_t>(size));
  png_put32(ihdr, static_cast<std::uint32_t>(size));
  ihdr += std::string("\x08\x06\x00\x00\x00", 5);  // 8 bits, RGBA, deflate, filter 0, no interlace
  png_chunk(png, "IHDR", ihdr);
  png_chunk(png, "IDAT", z);
  png_chunk(png, "IEND", "");
  return png;
}

/// Writes seal_png() to `path`.
inline void write_seal_png(const std::filesystem::path& path, int size = 48, bool opaque_white = false) {
  std::ofstream(path, std::ios::binary) << seal_png(size, opaque_white);
}

}  // namespace wenshu::test

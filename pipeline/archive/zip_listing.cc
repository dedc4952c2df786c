// Central-directory listing (see zip_listing.h); APPNOTE 6.3 §4.3.12, §4.3.16.
#include "archive/zip_listing.h"

#include <fmt/format.h>

#include "core/file_io.h"

namespace wenshu::archive {

static unsigned u16(const std::string& b, std::size_t p) {
  return static_cast<unsigned char>(b[p]) | (static_cast<unsigned char>(b[p + 1]) << 8);
}
static unsigned long u32(const std::string& b, std::size_t p) { return u16(b, p) | (static_cast<unsigned long>(u16(b, p + 2)) << 16); }

std::string zip_listing(const std::filesystem::path& zip) {
  std::string b;
  try {
    b = core::read_file(zip);
  } catch (const std::exception& e) {
    return std::string("error: ") + e.what() + "\n";
  }
  if (b.size() < 22) return "error: too short\n";
  std::size_t eocd = std::string::npos;
  for (std::size_t p = b.size() - 22 + 1; p-- > 0 && b.size() - p <= 22 + 65535;)
    if (u32(b, p) == 0x06054b50UL) {
      eocd = p;
      break;
    }
  if (eocd == std::string::npos) return "error: no end of central directory\n";
  const unsigned count = u16(b, eocd + 10);
  std::size_t p = u32(b, eocd + 16);
  std::string out = fmt::format("entries {} comment {}\n", count, u16(b, eocd + 20));
  for (unsigned i = 0; i < count; ++i) {
    if (p + 46 > b.size() || u32(b, p) != 0x02014b50UL) return out + "error: bad central directory\n";
    const unsigned name_len = u16(b, p + 28), extra_len = u16(b, p + 30), comment_len = u16(b, p + 32);
    if (p + 46 + name_len > b.size()) return out + "error: bad central directory\n";
    const unsigned long offset = u32(b, p + 42);
    unsigned local_extra = 0, local_flags = 0;
    if (offset + 30 <= b.size() && u32(b, offset) == 0x04034b50UL) {
      local_flags = u16(b, offset + 6);
      local_extra = u16(b, offset + 28);
    }
    out += fmt::format("{} size={} csize={} method={} flags={:04x}/{:04x} crc={:08x} dos={:04x}:{:04x} made={:04x} "
                       "need={} ext={:08x} extra={}/{} comment={}\n",
                       b.substr(p + 46, name_len), u32(b, p + 24), u32(b, p + 20), u16(b, p + 10), u16(b, p + 8),
                       local_flags, u32(b, p + 16), u16(b, p + 14), u16(b, p + 12), u16(b, p + 4), u16(b, p + 6),
                       u32(b, p + 38), extra_len, local_extra, comment_len);
    p += 46 + name_len + extra_len + comment_len;
  }
  return out;
}

}  // namespace wenshu::archive

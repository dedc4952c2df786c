#include "pdf/deflate.h"

#include <libdeflate.h>

#include <array>
#include <memory>
#include <new>
#include <stdexcept>

namespace wenshu::pdf {

namespace {

struct CompressorDeleter {
  void operator()(libdeflate_compressor* c) const { libdeflate_free_compressor(c); }
};

/// The calling thread's compressor for `level`, made on first use and kept: allocating one costs
/// more than compressing a page.
libdeflate_compressor* compressor(int level) {
  thread_local std::array<std::unique_ptr<libdeflate_compressor, CompressorDeleter>, 13> compressors;
  if (level < 0 || level > 12) throw std::invalid_argument("deflate level out of range");
  auto& c = compressors[static_cast<std::size_t>(level)];
  if (!c) c.reset(libdeflate_alloc_compressor(level));
  if (!c) throw std::bad_alloc();
  return c.get();
}

}  // namespace

std::string deflate_zlib(std::string_view data, int level) {
  libdeflate_compressor* c = compressor(level);
  std::string out(libdeflate_zlib_compress_bound(c, data.size()), '\0');
  const std::size_t n = libdeflate_zlib_compress(c, data.data(), data.size(), out.data(), out.size());
  if (n == 0) throw std::runtime_error("deflate: output larger than its bound");
  out.resize(n);
  return out;
}

}  // namespace wenshu::pdf

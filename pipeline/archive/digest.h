// SHA-256 and SM3 (GB/T 32905-2016) of files and byte streams through OpenSSL 3 EVP, computed in
// one pass so each payload byte is read once (archive.md §7: every file gets both digests).
#pragma once
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

namespace wenshu::archive {

/// Both digests of some bytes, lowercase hex, plus the byte count.
struct Digests {
  std::string sha256;
  std::string sm3;
  std::uint64_t size = 0;
};

/// Incremental SHA-256 + SM3.
class DualHasher {
 public:
  DualHasher();
  ~DualHasher();
  DualHasher(const DualHasher&) = delete;
  DualHasher& operator=(const DualHasher&) = delete;
  void update(std::string_view bytes);
  /// Finishes and returns the digests; the hasher must not be used afterwards.
  Digests finish();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// Digests of a byte string.
Digests digest_bytes(std::string_view bytes);
/// SHA-256 alone of a byte string, lowercase hex (keys and identities, not archival fixity).
std::string sha256_hex(std::string_view bytes);
/// Digests of a regular file of at most `max_bytes`, streamed in 1 MiB blocks (a FIFO or device
/// is refused before a byte is read: core::InputFile). Throws std::runtime_error naming the file.
Digests digest_file(const std::filesystem::path& path, std::uint64_t max_bytes = std::uint64_t(1) << 40);

}  // namespace wenshu::archive

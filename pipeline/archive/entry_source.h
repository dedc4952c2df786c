// Read access to the entries of a dossier, whether a ZIP (libzip, read in place, nothing
// extracted) or an unpacked folder (symlinks and special files are reported, never followed
// or opened). Every entry is described as the container declares it, raw, so that verify can
// refuse what a dossier must not hold (directory entries, links, special modes, control
// characters in names) before a byte of it is read.
#pragma once
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace wenshu::archive {

/// One entry as the container declares it.
struct EntryInfo {
  std::string name;             ///< full name incl. root folder, "/" separated, raw bytes (not re-encoded)
  std::uint64_t size = 0;       ///< declared uncompressed size
  std::uint64_t comp_size = 0;  ///< declared compressed size
  int method = 0;               ///< ZIP compression method (0 stored, 8 deflate)
  bool encrypted = false;
  bool is_dir = false;          ///< a directory entry (name ends in "/", or a folder's folder)
  bool is_symlink = false;      ///< a symbolic link (ZIP: Unix mode; folder: never followed)
  /// What else the entry declares itself to be when it is not a plain file, in words ("FIFO",
  /// "setuid 位", …); "" for a plain file.
  std::string special;
};

/// A container of entries.
class EntrySource {
 public:
  virtual ~EntrySource() = default;
  virtual const std::vector<EntryInfo>& entries() const = 0;
  /// Streams entry `index` to `sink` in chunks. Reading stops with an error as soon as the data
  /// goes past the entry's declared size (a ZIP entry that lies about its size is never
  /// inflated further) or past `max_bytes`. Returns "" on success, else the error text (CRC
  /// error, truncated data, longer than declared …).
  virtual std::string read(std::size_t index, std::uint64_t max_bytes,
                           const std::function<void(std::string_view)>& sink) = 0;
};

/// Opens a ZIP (consistency-checked). On failure returns nullptr and sets `error`.
std::unique_ptr<EntrySource> open_zip_source(const std::filesystem::path& path, std::string& error);
/// Lists a folder (the bag root or the folder holding it); names are "<root>/<relative>".
std::unique_ptr<EntrySource> open_dir_source(const std::filesystem::path& path, std::string& error);

/// Reads the chunks `next` yields (each call fills `buf` and returns the byte count, 0 at the
/// end, -1 on error) into `sink`, stopping as soon as the total passes `declared` or
/// `max_bytes`. Returns "" or the error. Shared by the ZIP and folder sources (and their tests).
std::string read_declared(std::uint64_t declared, std::uint64_t max_bytes, std::vector<char>& buf,
                          const std::function<long long(char*, std::size_t)>& next,
                          const std::function<void(std::string_view)>& sink);

}  // namespace wenshu::archive

// Read access to the entries of a dossier, whether a ZIP (libzip, read in place, nothing
// extracted) or an unpacked folder (symlinks are reported, never followed).
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
  std::string name;            ///< full name incl. root folder, "/" separated
  std::uint64_t size = 0;      ///< declared uncompressed size
  std::uint64_t comp_size = 0; ///< declared compressed size
  int method = 0;              ///< ZIP compression method (0 stored, 8 deflate)
  bool encrypted = false;
  bool is_dir = false;
  bool is_symlink = false;     ///< folder source: a symlink (never followed)
};

/// A container of entries.
class EntrySource {
 public:
  virtual ~EntrySource() = default;
  virtual const std::vector<EntryInfo>& entries() const = 0;
  /// Streams entry `index` to `sink` in chunks; stops with an error once more than `max_bytes`
  /// were produced. Returns "" on success, else the error text (CRC error, truncated data …).
  virtual std::string read(std::size_t index, std::uint64_t max_bytes,
                           const std::function<void(std::string_view)>& sink) = 0;
};

/// Opens a ZIP (consistency-checked). On failure returns nullptr and sets `error`.
std::unique_ptr<EntrySource> open_zip_source(const std::filesystem::path& path, std::string& error);
/// Lists a folder (the bag root or the folder holding it); names are "<root>/<relative>".
std::unique_ptr<EntrySource> open_dir_source(const std::filesystem::path& path, std::string& error);

}  // namespace wenshu::archive

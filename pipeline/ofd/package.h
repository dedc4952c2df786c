// OFD packages as ZIP containers (GB/T 33190-2016 §7.2): written deterministically in memory
// (fixed entry order, one DOS time, no extra fields) and read back safely: entry names checked
// (no "..", no absolute paths, no backslashes, no duplicates), declared and actual sizes
// bounded, nothing extracted to disk. libzip stays behind this header.
#pragma once
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"

namespace wenshu::ofd {

/// One part to write.
struct PackageEntry {
  std::string name;      ///< "/"-separated path from the package root
  std::string bytes;
  bool compress = true;  ///< deflate (XML, fonts); images are stored as they are
};

/// The ZIP bytes of `entries` in the given order. Every entry gets the DOS time 00:00 of
/// `date` (1980-01-01 when invalid), Unix external attributes 0100644, no extra fields.
/// Throws std::runtime_error if libzip fails.
std::string write_package(const std::vector<PackageEntry>& entries, const core::Date& date);

/// Limits for reading a package (docs/ofd.md §5).
struct PackageLimits {
  std::size_t max_entries = 20000;
  std::uint64_t max_entry_bytes = std::uint64_t(256) << 20;   ///< one part, uncompressed
  std::uint64_t max_total_bytes = std::uint64_t(1) << 30;     ///< all parts, uncompressed
  std::uint64_t max_ratio = 1000;                             ///< uncompressed / compressed per entry
};

/// A package opened for reading. Entry names are checked when it is opened.
class Package {
 public:
  ~Package();
  Package(const Package&) = delete;
  Package& operator=(const Package&) = delete;

  /// Opens `bytes` (which must outlive the Package). On failure returns null and sets `error`
  /// to one sentence naming the problem.
  static std::unique_ptr<Package> open(std::string_view bytes, const PackageLimits& limits, std::string& error);

  /// True if the package has a file entry `name`.
  bool has(const std::string& name) const { return index_.count(name) != 0; }
  /// Every file entry name, in ZIP order.
  const std::vector<std::string>& names() const { return names_; }
  /// Declared uncompressed size of `name` (0 when absent).
  std::uint64_t size(const std::string& name) const;
  /// Reads entry `name` whole. False with `error` set when it is absent, damaged, or larger
  /// than the limits allow (counted on the bytes actually inflated, not the declared size).
  bool read(const std::string& name, std::string& out, std::string& error);

 private:
  Package() = default;
  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::vector<std::string> names_;
  std::map<std::string, std::uint64_t> index_;
  std::map<std::string, std::uint64_t> sizes_;
  PackageLimits limits_;
  std::uint64_t total_read_ = 0;
};

/// The folder of a part name ("Doc_0/Pages/Page_0" for "Doc_0/Pages/Page_0/Content.xml"; ""
/// for a part at the root).
std::string folder_of(const std::string& part);
/// Resolves an ST_Loc `loc` against the folder `base` (§7.3: relative to the folder of the part
/// that names it, or from the package root when it starts with "/"). "." and ".." segments are
/// resolved; false when the result would leave the package (".." above the root, a scheme such
/// as http: or file:, a backslash, an empty name).
bool resolve_location(const std::string& base, const std::string& loc, std::string& out);
/// True when `name` is an acceptable entry name: relative, "/"-separated, no "." or ".."
/// segments, no empty segments, no backslash or control characters, valid UTF-8.
bool safe_entry_name(std::string_view name);

}  // namespace wenshu::ofd

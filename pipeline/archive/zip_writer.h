// Deterministic ZIP writing with libzip (archive.md §10.4, §12.5): entries in the given order,
// all stored (method 0), one fixed DOS time from the filing date (set as DOS time, never through
// time_t and the time zone), Unix host with external attributes 0100644, no extra fields, no
// comments, no directory entries; bit 11 on non-ASCII names (libzip sets it for valid UTF-8).
// Written under a temporary name and renamed, so the final name never holds a half-written ZIP.
#pragma once
#include <filesystem>
#include <string>
#include <vector>

#include "core/date.h"

namespace wenshu::archive {

/// One entry: bytes in memory (`bytes` non-null) or a file streamed from disk at write time.
struct ZipEntry {
  std::string name;
  const std::string* bytes = nullptr;
  std::filesystem::path source;
};

/// DOS date and time words for 00:00:00 of `d` (clamped to 1980-01-01 … 2107-12-31).
std::pair<unsigned, unsigned> dos_date_time(const core::Date& d);

/// Writes the ZIP. Throws std::runtime_error naming the file on failure (nothing is left under
/// `path` then, and the temporary file is removed).
void write_deterministic_zip(const std::filesystem::path& path, const std::vector<ZipEntry>& entries,
                             const core::Date& date);

}  // namespace wenshu::archive

// File access used by every stage. Outputs are written to a temporary name beside the target
// and renamed into place, so a crash or an error never leaves a half-written file under the
// final name (the rename is atomic on POSIX file systems).
#pragma once
#include <filesystem>
#include <string>
#include <string_view>

namespace wenshu::core {

/// Reads a whole file. Throws std::runtime_error naming the file if it cannot be read or is
/// larger than `max_bytes`.
std::string read_file(const std::filesystem::path& path, std::size_t max_bytes = std::size_t(1) << 32);

/// Writes `bytes` to `path` atomically: `path`.tmp-<pid> first, fsync, then rename. Creates
/// missing parent folders. Throws std::runtime_error naming the file on failure, after
/// removing the temporary file.
void write_file_atomic(const std::filesystem::path& path, std::string_view bytes);

}  // namespace wenshu::core

// File access used by every stage. Outputs are written to a temporary name beside the target
// and renamed into place, so a crash or an error never leaves a half-written file under the
// final name (the rename is atomic on POSIX file systems). Inputs are opened so that nothing
// can block or flood the program: a FIFO, device, socket or directory is refused before a byte
// is read, and a file is refused by its size before it is read (docs/limits.md).
#pragma once
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace wenshu::core {

/// An input file open for reading. The constructor opens with O_NONBLOCK (opening a FIFO
/// without a writer would otherwise wait forever), checks with fstat that it is a regular file
/// of at most `max_bytes`, and only then reads. Throws std::runtime_error naming the file and
/// saying what it is ("FIFO", "目录", …) or why it cannot be read.
class InputFile {
 public:
  InputFile(const std::filesystem::path& path, std::uint64_t max_bytes);
  ~InputFile();
  InputFile(const InputFile&) = delete;
  InputFile& operator=(const InputFile&) = delete;

  int fd() const { return fd_; }
  /// Size at opening (the file may still grow: reads stop at max_bytes + 1 and throw).
  std::uint64_t size() const { return size_; }
  /// The whole file (at most max_bytes; a file that grew past it throws).
  std::string read_all();
  /// At most the first `n` bytes.
  std::string read_head(std::size_t n);

 private:
  std::filesystem::path path_;
  std::uint64_t max_bytes_;
  int fd_ = -1;
  std::uint64_t size_ = 0;
};

/// Reads a whole regular file (see InputFile). Throws std::runtime_error naming the file if it
/// is not a regular file, cannot be read or is larger than `max_bytes`.
std::string read_file(const std::filesystem::path& path, std::size_t max_bytes = std::size_t(1) << 32);

/// The first `n` bytes of a regular file, to tell its kind without reading it all (sniffing).
/// Throws like read_file.
std::string read_head(const std::filesystem::path& path, std::size_t n = 4096);

/// What a non-regular file is, in words for a message ("目录 / a directory", "FIFO（命名管道）
/// / a FIFO (named pipe)", …); "" for a regular file or one that cannot be examined.
std::string special_file_kind(const std::filesystem::path& path);

/// Why `path` cannot be taken as an input of a command: "" for a regular file or a folder that
/// holds at least one file; else the reason in words (does not exist, a FIFO, a device, an empty
/// folder). An input that is nothing to work on is a usage error (exit 2), not a finding.
std::string input_path_problem(const std::filesystem::path& path);

/// A path named inside an input (a sidecar's component, a manifest line, a catalogue entry):
/// `relative` is resolved against `folder`, must not be absolute, must stay inside `folder`
/// after resolving ".." and symbolic links, and must name an existing regular file of at most
/// `max_bytes`. Returns the resolved path, or nullopt with `why` set (bilingual).
std::optional<std::filesystem::path> resolve_inside(const std::filesystem::path& folder, std::string_view relative,
                                                    std::uint64_t max_bytes, std::string& why);

/// Writes `bytes` to `path` atomically: `path`.tmp-<pid> first, fsync, then rename. Creates
/// missing parent folders. Throws std::runtime_error naming the file on failure, after
/// removing the temporary file. The first write into a folder removes what killed runs left
/// there (remove_stale_temporaries).
void write_file_atomic(const std::filesystem::path& path, std::string_view bytes);

/// The first half of write_file_atomic: writes `bytes` to `path`.tmp-<pid> (creating missing
/// parent folders), fsync'd only when `flush`, and returns that name; the caller renames it into
/// place (see OutputBatch). Throws std::runtime_error naming `path` on failure, after removing
/// the temporary file.
std::filesystem::path write_temporary(const std::filesystem::path& path, std::string_view bytes, bool flush);

/// True for the name of a temporary file of ours: "<name>.tmp-<pid>", "<name>.partial-<pid>" or
/// "<name>.partial-<pid>.<suffix>" (libzip's own temporary beside a ZIP being written); `pid`
/// receives the process id it names.
bool is_temporary_name(std::string_view filename, long& pid);

/// Removes from `folder` (not below it) the temporary files of runs that were killed before
/// they could rename or remove them: those whose process is gone. A run still writing keeps
/// its files. Done once per folder per process (later calls return at once); never throws.
/// Returns how many files were removed.
std::size_t remove_stale_temporaries(const std::filesystem::path& folder);

}  // namespace wenshu::core

// Output files flushed once per batch (see output_batch.h).
#include "core/output_batch.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <set>
#include <stdexcept>
#include <unistd.h>

#include "core/file_io.h"

namespace wenshu::core {

namespace {

/// fsync of a folder (its entries: the renames) or syncfs of the file system holding it.
void flush_folder(const std::filesystem::path& dir, bool whole_file_system) {
  const int fd = ::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  const int rc = whole_file_system ? ::syncfs(fd) : ::fsync(fd);
  ::close(fd);
  if (rc != 0) throw std::runtime_error(dir.string() + ": cannot flush to disk: " + std::strerror(errno));
}

/// fsync of one written file.
void flush_file(const std::filesystem::path& tmp, const std::filesystem::path& target) {
  const int fd = ::open(tmp.c_str(), O_RDONLY | O_CLOEXEC);
  const bool ok = fd >= 0 && ::fsync(fd) == 0;
  if (fd >= 0) ::close(fd);
  if (!ok) throw std::runtime_error(target.string() + ": cannot flush to disk: " + std::strerror(errno));
}

/// From this many files on, one syncfs is cheaper than an fsync each (measured here: an fsync
/// costs 2–5 ms, a syncfs 20–30 ms while other jobs write to the same disk).
constexpr std::size_t kSyncfsFrom = 8;

}  // namespace

OutputBatch::~OutputBatch() {
  for (const auto& [tmp, target] : pending_) ::unlink(tmp.c_str());
}

void OutputBatch::write(const std::filesystem::path& path, std::string_view bytes) {
  const std::filesystem::path tmp = write_temporary(path, bytes, false);
  std::lock_guard lock(mutex_);
  // Written again before the commit: the temporary (same name) already holds the new bytes.
  for (const auto& entry : pending_)
    if (entry.second == path) return;
  pending_.emplace_back(tmp, path);
  if (commit_every_ > 0 && pending_.size() >= commit_every_) commit_locked();
}

void OutputBatch::commit() {
  std::lock_guard lock(mutex_);
  commit_locked();
}

void OutputBatch::commit_locked() {
  if (pending_.empty()) return;
  std::set<std::filesystem::path> folders;
  for (const auto& [tmp, target] : pending_) folders.insert(target.parent_path());
  if (pending_.size() < kSyncfsFrom) {
    // A few files: flush each. syncfs would also flush everything else the machine has
    // written to that file system, which can take far longer than our own bytes.
    for (const auto& [tmp, target] : pending_) flush_file(tmp, target);
  } else {
    // One syncfs per file system would do; one per folder is as cheap once the first has run.
    for (const auto& dir : folders) flush_folder(dir, true);
  }
  while (!pending_.empty()) {
    const auto [tmp, target] = pending_.back();
    if (std::rename(tmp.c_str(), target.c_str()) != 0) {
      const std::string why = std::strerror(errno);
      throw std::runtime_error(target.string() + ": cannot rename into place: " + why);
    }
    pending_.pop_back();
  }
  for (const auto& dir : folders) flush_folder(dir, false);
}

}  // namespace wenshu::core

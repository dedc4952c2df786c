// Output files flushed once per batch (see output_batch.h).
#include "core/output_batch.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <vector>
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

/// Flushes `entries` (their temporaries) and renames each into place, taking each off the
/// list once it is in place; then flushes their folders.
void put_in_place(std::vector<std::pair<std::filesystem::path, std::filesystem::path>>& entries) {
  std::set<std::filesystem::path> folders;
  for (const auto& [tmp, target] : entries) folders.insert(target.parent_path());
  if (entries.size() < kSyncfsFrom) {
    // A few files: flush each. syncfs would also flush everything else the machine has
    // written to that file system, which can take far longer than our own bytes.
    for (const auto& [tmp, target] : entries) flush_file(tmp, target);
  } else {
    // One syncfs per file system would do; one per folder is as cheap once the first has run.
    for (const auto& dir : folders) flush_folder(dir, true);
  }
  while (!entries.empty()) {
    const auto [tmp, target] = entries.back();
    if (std::rename(tmp.c_str(), target.c_str()) != 0) {
      const std::string why = std::strerror(errno);
      throw std::runtime_error(target.string() + ": cannot rename into place: " + why);
    }
    entries.pop_back();
  }
  for (const auto& dir : folders) flush_folder(dir, false);
}

}  // namespace

OutputBatch::~OutputBatch() {
  for (const auto& [tmp, target] : pending_) ::unlink(tmp.c_str());
}

void OutputBatch::write(const std::filesystem::path& path, std::string_view bytes) {
  {
    // A target has one temporary name: a file written again waits for a commit that is putting
    // its earlier bytes in place, and leaves the pending list until its new bytes are written
    // (so no commit renames a temporary while it is being rewritten).
    std::unique_lock lock(mutex_);
    committed_.wait(lock, [&] { return !committing_.count(path); });
    std::erase_if(pending_, [&](const Entry& e) { return e.second == path; });
  }
  const std::filesystem::path tmp = write_temporary(path, bytes, false);
  std::vector<Entry> ready;
  {
    std::lock_guard lock(mutex_);
    pending_.emplace_back(tmp, path);
    if (commit_every_ > 0 && pending_.size() >= commit_every_) take_pending(ready);
  }
  // Outside the lock: the flush waits for the disk, and the other threads go on writing.
  if (!ready.empty()) commit_entries(ready);
}

void OutputBatch::commit() {
  std::vector<Entry> ready;
  {
    std::lock_guard lock(mutex_);
    take_pending(ready);
  }
  commit_entries(ready);  // also waits for a commit another thread is running
}

void OutputBatch::take_pending(std::vector<Entry>& ready) {
  ready.swap(pending_);
  for (const auto& e : ready) committing_.insert(e.second);
}

void OutputBatch::commit_entries(std::vector<Entry>& ready) {
  std::vector<std::filesystem::path> targets;
  for (const auto& e : ready) targets.push_back(e.second);
  auto done = [&] {
    std::lock_guard lock(mutex_);
    // What a failed commit did not put in place goes back to the pending list: a later
    // commit retries it, and the destructor removes its temporary.
    for (auto& e : ready) pending_.push_back(std::move(e));
    for (const auto& t : targets) committing_.erase(t);
    committed_.notify_all();
  };
  try {
    std::lock_guard one_at_a_time(commit_mutex_);
    put_in_place(ready);
  } catch (...) {
    done();
    throw;
  }
  done();
}

}  // namespace wenshu::core

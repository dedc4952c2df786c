// Many output files written together and flushed to disk once, not once per file (a flush
// costs milliseconds; a batch of documents needs only one). Each file goes to a temporary name
// beside its target, complete but unflushed; commit() flushes the file systems once (syncfs;
// an fsync each for a handful of files), then renames every file into place and flushes the
// folders. No final name is touched before
// its bytes are on disk, so an interrupted run, even by a power cut, leaves no half-written
// file under a final name; at worst the temporaries of the last uncommitted files.
#pragma once
#include <condition_variable>
#include <cstddef>
#include <filesystem>
#include <mutex>
#include <set>
#include <string_view>
#include <utility>
#include <vector>

namespace wenshu::core {

class OutputBatch {
 public:
  /// `commit_every`: commit by itself once that many files wait (0: only when commit() is
  /// called), which bounds what an interruption loses.
  explicit OutputBatch(std::size_t commit_every = 64) : commit_every_(commit_every) {}
  ~OutputBatch();  ///< removes the temporaries of files not committed
  OutputBatch(const OutputBatch&) = delete;
  OutputBatch& operator=(const OutputBatch&) = delete;

  /// Writes `bytes` for `path` (thread-safe). Throws std::runtime_error naming `path` on failure.
  void write(const std::filesystem::path& path, std::string_view bytes);
  /// Puts every file written so far in place: one flush, the renames, the folders flushed.
  /// Throws std::runtime_error naming the file that could not be put in place.
  void commit();

 private:
  using Entry = std::pair<std::filesystem::path, std::filesystem::path>;  ///< temporary, target
  /// Moves the pending files to `ready` and marks them as being committed (mutex_ held).
  void take_pending(std::vector<Entry>& ready);
  /// Puts `ready` in place, one commit at a time, without holding mutex_.
  void commit_entries(std::vector<Entry>& ready);
  std::size_t commit_every_;
  std::mutex mutex_;         ///< guards pending_ and committing_
  std::mutex commit_mutex_;  ///< one commit at a time
  std::condition_variable committed_;
  std::vector<Entry> pending_;
  std::set<std::filesystem::path> committing_;  ///< targets of the commit running now
};

}  // namespace wenshu::core

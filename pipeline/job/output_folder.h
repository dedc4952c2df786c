// The output folder of a build, and how a build's outputs reach it all at once.
//
// Lock: OUT/.wenshu/lock, held with flock(2) for the whole build, so a second build into the
// same folder waits or is refused naming the first (its pid, host, start and command are in
// the file). The kernel drops the lock when its holder dies, however it dies; a lock file that
// still names a holder but is not locked is the trace of a build that crashed, and is cleared.
//
// Commit (manifest-driven, with a redo journal): a build writes every new file under
// OUT/.wenshu/staging/ (same relative paths), leaving OUT untouched. When all is written, it
// flushes the file system and writes OUT/.wenshu/journal — the list of staged files to move
// into place and of files of the build before to delete, the new build record last. Writing
// the journal is the commit point. Applying it is renames and unlinks only. A build killed
// before the journal exists leaves OUT as it was (the next build throws the staging away); a
// build killed while applying it leaves a journal that the next build (or pack) applies
// first, which completes the new build exactly: every step can be repeated.
#pragma once
#include <filesystem>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

namespace wenshu::job {

/// Another build holds the folder's lock.
struct FolderLocked : std::runtime_error {
  using std::runtime_error::runtime_error;
};

/// The journal was written but could not be applied in full: the folder is a mix until the next
/// build (or pack) applies it.
struct CommitIncomplete : std::runtime_error {
  using std::runtime_error::runtime_error;
};

/// The folder of a build's private files, below the output folder.
inline constexpr const char* kPrivateDir = ".wenshu";

/// An output folder held by this process for one build.
class OutputFolder {
 public:
  /// Creates OUT (and OUT/.wenshu) if needed, takes the lock — waiting for it when `wait`, else
  /// throwing FolderLocked naming the holder — then finishes what a build that died left behind:
  /// applies a journal (roll forward) or throws away a staging area (roll back). `note` hears
  /// what was found and done (may be empty). Throws std::runtime_error naming the folder when
  /// it cannot be created, written or locked.
  OutputFolder(std::filesystem::path out, bool wait, std::function<void(const std::string&)> note = {});
  /// Releases the lock; throws a staging area that was not committed away.
  ~OutputFolder();
  OutputFolder(const OutputFolder&) = delete;
  OutputFolder& operator=(const OutputFolder&) = delete;

  const std::filesystem::path& root() const { return root_; }
  /// Where this build writes its new files: OUT/.wenshu/staging/ (created empty).
  const std::filesystem::path& staging() const { return staging_; }

  /// Makes the staged files (paths relative to the staging folder, the build record among
  /// them, moved last) the folder's content and deletes `remove` (paths relative to OUT), all
  /// or nothing across a crash (see above). Throws std::runtime_error on I/O failure before the
  /// commit point (OUT is as it was), CommitIncomplete after it (the next build completes it).
  void commit(const std::vector<std::string>& staged, const std::vector<std::string>& remove);

 private:
  std::filesystem::path root_, private_, staging_;
  int lock_fd_ = -1;
  bool committed_ = false;
};

/// Test hook for the fault tests (tests/e2e/build_faults.sh); does nothing unless set. At the
/// named point of a build — "rendered" (all new files staged, before the inputs are checked
/// again), "staged" (record written, before the journal), "journal" (journal written, nothing
/// moved), "move:N" (after N moves) — WENSHU_TEST_KILL_AT=<point> kills the process with
/// SIGKILL, as a power cut or `kill -9` would, and WENSHU_TEST_STOP_AT=<point> stops it
/// (SIGSTOP) until it is continued.
void test_point(const std::string& point);

/// Applies the journal of OUT if there is one (what the constructor does after locking);
/// true when there was one. For readers of a build folder (stand-alone pack): they take the
/// lock for the time it takes. Throws like the constructor.
bool finish_interrupted_commit(const std::filesystem::path& out);

}  // namespace wenshu::job

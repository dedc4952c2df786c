// Lock, staging and journal of an output folder (see output_folder.h).
#include "job/output_folder.h"

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <fmt/format.h>

#include "core/file_io.h"

namespace wenshu::job {
namespace fs = std::filesystem;

void test_point(const std::string& point) {
  if (const char* at = std::getenv("WENSHU_TEST_KILL_AT"); at != nullptr && point == at) std::raise(SIGKILL);
  if (const char* at = std::getenv("WENSHU_TEST_STOP_AT"); at != nullptr && point == at) std::raise(SIGSTOP);
}

namespace {

constexpr const char* kLockName = "lock";
constexpr const char* kJournalName = "journal";
constexpr const char* kStagingName = "staging";
constexpr const char* kJournalHead = "wenshu-journal 1";

std::runtime_error io_error(const fs::path& p, const std::string& what) {
  return std::runtime_error(fmt::format("{}: {}: {}", p.string(), what, std::strerror(errno)));
}

void kill_point(const std::string& point) { test_point(point); }

/// Journal lines name paths relative to OUT; "%" and line ends are %-escaped.
std::string escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '%') out += "%25";
    else if (c == '\n') out += "%0A";
    else if (c == '\r') out += "%0D";
    else out += c;
  }
  return out;
}

std::string unescape(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size()) {
      const std::string hex = s.substr(i + 1, 2);
      out += static_cast<char>(std::strtol(hex.c_str(), nullptr, 16));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

/// A relative path from a journal must stay below its folder.
bool safe_relative(const std::string& rel) {
  const fs::path p(rel);
  if (rel.empty() || p.is_absolute()) return false;
  for (const auto& part : p)
    if (part == ".." || part == ".") return false;
  return true;
}

void flush_file_system(const fs::path& dir) {
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  ::syncfs(fd);
  ::close(fd);
}

/// Removes the folders left empty by deleting `rel`, up to (not including) `root`.
void prune_empty_parents(const fs::path& root, fs::path rel) {
  std::error_code ec;
  for (rel = rel.parent_path(); !rel.empty(); rel = rel.parent_path())
    if (!fs::remove(root / rel, ec)) break;  // not empty (or gone): stop
}

/// Applies a journal: moves, deletions, then the journal goes. Every step can be repeated.
void apply_journal(const fs::path& root, const fs::path& private_dir) {
  const fs::path journal = private_dir / kJournalName;
  const std::string text = core::read_file(journal);
  const fs::path staging = private_dir / kStagingName;
  std::size_t pos = 0, moves = 0;
  bool head = true;
  while (pos < text.size()) {
    std::size_t nl = text.find('\n', pos);
    if (nl == std::string::npos) nl = text.size();
    const std::string line = text.substr(pos, nl - pos);
    pos = nl + 1;
    if (head) {
      if (line != kJournalHead) throw std::runtime_error(journal.string() + ": not a wenshu journal");
      head = false;
      continue;
    }
    if (line.size() < 3 || line[1] != ' ') continue;
    const std::string rel = unescape(line.substr(2));
    if (!safe_relative(rel)) throw std::runtime_error(journal.string() + ": unsafe path " + rel);
    std::error_code ec;
    if (line[0] == 'M') {
      const fs::path from = staging / rel, to = root / rel;
      if (fs::exists(fs::symlink_status(from, ec))) {
        fs::create_directories(to.parent_path(), ec);
        if (std::rename(from.c_str(), to.c_str()) != 0) throw io_error(to, "cannot move into place");
      }
      kill_point(fmt::format("move:{}", ++moves));
    } else if (line[0] == 'D') {
      if (fs::remove(root / rel, ec)) prune_empty_parents(root, rel);
    }
  }
  flush_file_system(root);
  fs::remove(journal);
  std::error_code ec;
  fs::remove_all(staging, ec);
}

std::string holder_text() {
  char host[256] = {};
  ::gethostname(host, sizeof host - 1);
  const std::time_t now = std::time(nullptr);
  char when[64] = {};
  std::strftime(when, sizeof when, "%Y-%m-%d %H:%M:%S", std::localtime(&now));
  std::string cmd;
  if (std::FILE* f = std::fopen("/proc/self/cmdline", "rb")) {
    char buf[1024];
    const std::size_t n = std::fread(buf, 1, sizeof buf, f);
    std::fclose(f);
    for (std::size_t i = 0; i < n; ++i) cmd += buf[i] == '\0' ? ' ' : buf[i];
    while (!cmd.empty() && cmd.back() == ' ') cmd.pop_back();
  }
  return fmt::format("进程 {}，主机 {}，开始于 {}：{}", ::getpid(), host, when, cmd);
}

std::string read_holder(int fd) {
  std::string s;
  char buf[1024];
  ::lseek(fd, 0, SEEK_SET);
  for (ssize_t n; (n = ::read(fd, buf, sizeof buf)) > 0;) s.append(buf, static_cast<std::size_t>(n));
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  return s;
}

/// Opens and locks OUT/.wenshu/lock; returns the descriptor.
int take_lock(const fs::path& private_dir, bool wait, const std::function<void(const std::string&)>& note) {
  const fs::path path = private_dir / kLockName;
  const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) throw io_error(path, "cannot create the lock file");
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    if (errno != EWOULDBLOCK) {
      ::close(fd);
      throw io_error(path, "cannot lock (does the file system support locks?)");
    }
    const std::string holder = read_holder(fd);
    if (!wait) {
      ::close(fd);
      throw FolderLocked(fmt::format("输出文件夹 {} 正由另一次构建使用（{}）/ another build is using the folder; "
                                     "wait for it or use --wait",
                                     private_dir.parent_path().string(), holder.empty() ? "?" : holder));
    }
    if (note) note("等待另一次构建结束 / waiting for another build: " + holder);
    while (::flock(fd, LOCK_EX) != 0)
      if (errno != EINTR) {
        ::close(fd);
        throw io_error(path, "cannot lock");
      }
  }
  // Locked. A holder still named in the file is a build that died without releasing it.
  const std::string stale = read_holder(fd);
  if (!stale.empty() && note) note("上一次构建未正常结束，已清除其锁 / cleared the lock of a build that did not finish: " + stale);
  const std::string mine = holder_text() + "\n";
  if (::ftruncate(fd, 0) != 0 || ::pwrite(fd, mine.data(), mine.size(), 0) < 0) {
    ::close(fd);
    throw io_error(path, "cannot write the lock file");
  }
  return fd;
}

/// After the lock: roll a journal forward, or a staging area back.
void recover(const fs::path& root, const fs::path& private_dir, const std::function<void(const std::string&)>& note) {
  std::error_code ec;
  if (fs::exists(private_dir / kJournalName, ec)) {
    apply_journal(root, private_dir);
    if (note) note("已完成上一次构建中断的提交 / finished the commit of a build that was interrupted");
  }
  if (fs::exists(private_dir / kStagingName, ec)) {
    fs::remove_all(private_dir / kStagingName, ec);
    if (ec) throw std::runtime_error((private_dir / kStagingName).string() + ": cannot remove: " + ec.message());
    if (note) note("已丢弃上一次未完成构建的临时文件 / threw away the files of a build that did not finish");
  }
}

}  // namespace

OutputFolder::OutputFolder(fs::path out, bool wait, std::function<void(const std::string&)> note)
    : root_(std::move(out)), private_(root_ / kPrivateDir), staging_(private_ / kStagingName) {
  std::error_code ec;
  fs::create_directories(private_, ec);
  if (ec) throw std::runtime_error(fmt::format("{}: 无法创建输出文件夹 / cannot create the output folder: {}",
                                               root_.string(), ec.message()));
  lock_fd_ = take_lock(private_, wait, note);
  try {
    recover(root_, private_, note);
    fs::create_directories(staging_);
  } catch (...) {
    ::close(lock_fd_);
    throw;
  }
}

OutputFolder::~OutputFolder() {
  std::error_code ec;
  if (!committed_) fs::remove_all(staging_, ec);
  if (lock_fd_ >= 0) {
    // An empty lock file says "no build running"; the lock itself goes with the descriptor.
    if (::ftruncate(lock_fd_, 0) != 0) { /* the kernel still drops the lock */ }
    ::close(lock_fd_);
  }
}

void OutputFolder::commit(const std::vector<std::string>& staged, const std::vector<std::string>& remove) {
  kill_point("staged");
  std::string journal = std::string(kJournalHead) + "\n";
  for (const auto& rel : staged) journal += "M " + escape(rel) + "\n";
  for (const auto& rel : remove) journal += "D " + escape(rel) + "\n";
  flush_file_system(root_);  // the staged bytes are on disk before the journal names them
  core::write_file_atomic(private_ / kJournalName, journal);
  committed_ = true;  // from here on the journal decides: never throw the staging away
  kill_point("journal");
  try {
    apply_journal(root_, private_);
  } catch (const std::exception& e) {
    throw CommitIncomplete(fmt::format("{}：提交未完成，下一次构建会先完成它 / the commit did not finish; the next "
                                       "build finishes it first ({})",
                                       root_.string(), e.what()));
  }
}

bool finish_interrupted_commit(const fs::path& out) {
  std::error_code ec;
  const fs::path private_dir = out / kPrivateDir;
  if (!fs::exists(private_dir / kJournalName, ec)) return false;
  const int fd = take_lock(private_dir, true, {});
  try {
    if (fs::exists(private_dir / kJournalName, ec)) apply_journal(out, private_dir);
  } catch (...) {
    ::close(fd);
    throw;
  }
  if (::ftruncate(fd, 0) != 0) { /* lock goes with the descriptor */ }
  ::close(fd);
  return true;
}

}  // namespace wenshu::job

#include "core/file_io.h"

#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <mutex>
#include <set>
#include <stdexcept>

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

namespace wenshu::core {

namespace fs = std::filesystem;

namespace {

/// What a stat mode that is not a regular file is, in words.
std::string mode_kind(mode_t mode) {
  if (S_ISDIR(mode)) return "目录 / a directory";
  if (S_ISFIFO(mode)) return "FIFO（命名管道） / a FIFO (named pipe)";
  if (S_ISCHR(mode) || S_ISBLK(mode)) return "设备文件 / a device";
  if (S_ISSOCK(mode)) return "套接字 / a socket";
  if (S_ISLNK(mode)) return "符号链接 / a symbolic link";
  if (!S_ISREG(mode)) return "特殊文件 / a special file";
  return {};
}

std::string size_text(std::uint64_t max_bytes) {
  return "超过上限 " + std::to_string(max_bytes) + " 字节 / larger than " + std::to_string(max_bytes) + " bytes";
}

}  // namespace

InputFile::InputFile(const fs::path& path, std::uint64_t max_bytes) : path_(path), max_bytes_(max_bytes) {
  // O_NONBLOCK: opening a FIFO that has no writer must not wait; it is refused just below.
  fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
  if (fd_ < 0) {
    const int err = errno;
    throw std::runtime_error(path.string() + ": 无法打开 / cannot open: " +
                             (err == ENOENT ? std::string("文件不存在 / no such file") : std::strerror(err)));
  }
  struct stat st {};
  const bool stat_ok = ::fstat(fd_, &st) == 0;
  if (!stat_ok || !S_ISREG(st.st_mode)) {
    const std::string kind = stat_ok ? mode_kind(st.st_mode) : std::string(std::strerror(errno));
    ::close(fd_);
    throw std::runtime_error(path.string() + ": 不是普通文件，而是" + kind + " / not a regular file");
  }
  size_ = static_cast<std::uint64_t>(st.st_size);
  if (size_ > max_bytes_) {
    ::close(fd_);
    throw std::runtime_error(path.string() + ": 文件大小 " + std::to_string(size_) + " 字节，" + size_text(max_bytes_));
  }
  const int flags = ::fcntl(fd_, F_GETFL);
  if (flags >= 0) ::fcntl(fd_, F_SETFL, flags & ~O_NONBLOCK);
}

InputFile::~InputFile() {
  if (fd_ >= 0) ::close(fd_);
}

std::string InputFile::read_head(std::size_t n) {
  std::string out;
  out.resize(std::min<std::uint64_t>(n, max_bytes_ + 1));
  std::size_t got = 0;
  while (got < out.size()) {
    const ssize_t r = ::read(fd_, out.data() + got, out.size() - got);
    if (r < 0) {
      if (errno == EINTR) continue;
      throw std::runtime_error(path_.string() + ": 读取失败 / read error: " + std::strerror(errno));
    }
    if (r == 0) break;
    got += static_cast<std::size_t>(r);
  }
  out.resize(got);
  if (got > max_bytes_)
    throw std::runtime_error(path_.string() + ": 文件在读取时变大，" + size_text(max_bytes_));
  return out;
}

std::string InputFile::read_all() {
  // The size known at opening is a hint (the file may change); reading stops one byte past the
  // limit so a growing file is refused without reading it all.
  std::string out;
  out.reserve(static_cast<std::size_t>(std::min<std::uint64_t>(size_, max_bytes_)));
  char buf[1 << 16];
  for (;;) {
    const ssize_t r = ::read(fd_, buf, sizeof buf);
    if (r < 0) {
      if (errno == EINTR) continue;
      throw std::runtime_error(path_.string() + ": 读取失败 / read error: " + std::strerror(errno));
    }
    if (r == 0) break;
    if (out.size() + static_cast<std::size_t>(r) > max_bytes_)
      throw std::runtime_error(path_.string() + ": 文件在读取时变大，" + size_text(max_bytes_));
    out.append(buf, static_cast<std::size_t>(r));
  }
  return out;
}

std::string read_file(const fs::path& path, std::size_t max_bytes) { return InputFile(path, max_bytes).read_all(); }

std::string read_head(const fs::path& path, std::size_t n) {
  return InputFile(path, std::numeric_limits<std::uint64_t>::max() - 1).read_head(n);
}

std::string special_file_kind(const fs::path& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return {};
  return mode_kind(st.st_mode);
}

std::string input_path_problem(const fs::path& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0)
    return errno == ENOENT ? "不存在 / no such file or folder" : std::string("无法读取 / cannot read: ") + std::strerror(errno);
  if (S_ISREG(st.st_mode)) return {};
  if (!S_ISDIR(st.st_mode)) return "不是普通文件或文件夹，而是" + mode_kind(st.st_mode);
  std::error_code ec;
  for (fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, ec), end;
       !ec && it != end; it.increment(ec))
    if (it->is_regular_file(ec)) return {};
  if (ec) return "文件夹无法读取 / cannot read the folder: " + ec.message();
  return "文件夹是空的，没有可处理的文件 / the folder is empty: nothing to work on";
}

std::optional<fs::path> resolve_inside(const fs::path& folder, std::string_view relative, std::uint64_t max_bytes,
                                       std::string& why) {
  if (relative.empty()) return why = "路径为空 / empty path", std::nullopt;
  if (relative.find('\0') != std::string_view::npos) return why = "路径含 NUL 字符 / NUL in path", std::nullopt;
  const fs::path rel(relative);
  if (rel.is_absolute() || rel.has_root_name() || rel.has_root_directory())
    return why = "绝对路径不允许，须相对于所在文件夹 / absolute paths are not allowed", std::nullopt;
  char buf[PATH_MAX];
  if (!::realpath(folder.c_str(), buf)) return why = "所在文件夹无法解析 / cannot resolve the folder", std::nullopt;
  const fs::path base(buf);
  const fs::path joined = base / rel;
  if (!::realpath(joined.c_str(), buf)) {
    const int err = errno;
    return why = err == ENOENT ? "文件不存在 / no such file" : std::string("无法解析 / cannot resolve: ") + std::strerror(err),
           std::nullopt;
  }
  const fs::path target(buf);
  // Inside means: below the folder after every ".." and symbolic link has been resolved.
  const fs::path inside = target.lexically_relative(base);
  if (inside.empty() || inside == "." || *inside.begin() == "..")
    return why = "路径（解析 .. 与符号链接后）指向所在文件夹之外 / the path leads outside its folder", std::nullopt;
  struct stat st {};
  if (::stat(target.c_str(), &st) != 0) return why = std::string("无法读取 / cannot stat: ") + std::strerror(errno), std::nullopt;
  if (!S_ISREG(st.st_mode)) return why = "不是普通文件，而是" + mode_kind(st.st_mode) + " / not a regular file", std::nullopt;
  if (static_cast<std::uint64_t>(st.st_size) > max_bytes)
    return why = "文件大小 " + std::to_string(st.st_size) + " 字节，" + size_text(max_bytes), std::nullopt;
  return target;
}

bool is_temporary_name(std::string_view name, long& pid) {
  for (std::string_view mark : {std::string_view(".tmp-"), std::string_view(".partial-")}) {
    const std::size_t at = name.rfind(mark);
    if (at == std::string_view::npos || at == 0) continue;
    std::size_t i = at + mark.size(), digits = 0;
    long value = 0;
    for (; i < name.size() && name[i] >= '0' && name[i] <= '9' && digits < 9; ++i, ++digits) value = value * 10 + (name[i] - '0');
    if (digits == 0) continue;
    const bool tail_ok = i == name.size() || (mark == ".partial-" && name[i] == '.' && i + 1 < name.size());
    if (!tail_ok) continue;
    pid = value;
    return true;
  }
  return false;
}

std::size_t remove_stale_temporaries(const fs::path& folder) {
  static std::mutex mutex;
  static std::set<std::string> swept;
  {
    std::lock_guard lock(mutex);
    if (!swept.insert(fs::absolute(folder).lexically_normal().string()).second) return 0;
  }
  std::size_t removed = 0;
  std::error_code ec;
  for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
    long pid = 0;
    if (!is_temporary_name(it->path().filename().string(), pid) || !it->is_regular_file(ec)) continue;
    // Ours (another thread may be writing it), or a process still running: keep.
    if (pid == ::getpid() || pid <= 0 || ::kill(static_cast<pid_t>(pid), 0) == 0 || errno != ESRCH) continue;
    std::error_code rm;
    if (fs::remove(it->path(), rm)) ++removed;
  }
  return removed;
}

std::filesystem::path write_temporary(const std::filesystem::path& path, std::string_view bytes, bool flush) {
  if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path());
  remove_stale_temporaries(path.has_parent_path() ? path.parent_path() : fs::path("."));
  const std::filesystem::path tmp = path.string() + ".tmp-" + std::to_string(::getpid());
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) throw std::runtime_error(path.string() + ": cannot create: " + std::strerror(errno));
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t w = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (w < 0) {
      if (errno == EINTR) continue;
      const std::string why = std::strerror(errno);
      ::close(fd);
      ::unlink(tmp.c_str());
      throw std::runtime_error(path.string() + ": write failed: " + why);
    }
    done += static_cast<std::size_t>(w);
  }
  if ((flush && ::fsync(fd) != 0) || ::close(fd) != 0) {
    ::unlink(tmp.c_str());
    throw std::runtime_error(path.string() + ": cannot flush to disk");
  }
  return tmp;
}

void write_file_atomic(const std::filesystem::path& path, std::string_view bytes) {
  const std::filesystem::path tmp = write_temporary(path, bytes, true);
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    const std::string why = std::strerror(errno);
    ::unlink(tmp.c_str());
    throw std::runtime_error(path.string() + ": cannot rename into place: " + why);
  }
}

}  // namespace wenshu::core

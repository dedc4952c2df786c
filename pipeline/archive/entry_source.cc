// ZIP and folder entry sources (see entry_source.h).
#include "archive/entry_source.h"

#include <zip.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <system_error>

#include <sys/stat.h>
#include <unistd.h>

#include "core/file_io.h"

namespace wenshu::archive {

namespace fs = std::filesystem;

std::string read_declared(std::uint64_t declared, std::uint64_t max_bytes, std::vector<char>& buf,
                          const std::function<long long(char*, std::size_t)>& next,
                          const std::function<void(std::string_view)>& sink) {
  const std::uint64_t cap = std::min(declared, max_bytes);
  std::uint64_t total = 0;
  for (;;) {
    // Ask for at most one byte more than may come: a longer entry is caught without reading on.
    const std::size_t want = static_cast<std::size_t>(std::min<std::uint64_t>(buf.size(), cap - total + 1));
    const long long n = next(buf.data(), want);
    if (n < 0) return "read error";
    if (n == 0) break;
    total += static_cast<std::uint64_t>(n);
    if (total > cap)
      return total > declared ? "数据超过声明的大小 " + std::to_string(declared) + " 字节（停止读取） / more data than declared"
                              : "数据超过上限 " + std::to_string(max_bytes) + " 字节 / more data than the size limit";
    sink(std::string_view(buf.data(), static_cast<std::size_t>(n)));
  }
  if (total != declared) return "actual size differs from the declared size";
  return {};
}

namespace {

/// The special kind a Unix mode declares ("" for a plain file, or for no mode at all).
std::string unix_mode_problem(std::uint32_t mode) {
  const std::uint32_t type = mode & S_IFMT;
  if (type == S_IFLNK) return "符号链接 / a symbolic link";
  if (type == S_IFDIR) return "目录 / a directory";
  if (type != 0 && type != S_IFREG) return "特殊文件（设备、FIFO 或套接字） / a special file";
  if (mode & (S_ISUID | S_ISGID | S_ISVTX)) return "带 setuid/setgid/sticky 位 / setuid, setgid or sticky bit set";
  return {};
}

class ZipSource : public EntrySource {
 public:
  explicit ZipSource(zip_t* za) : za_(za) {
    const zip_int64_t n = zip_get_num_entries(za_, 0);
    for (zip_int64_t i = 0; i < n; ++i) entries_.push_back(describe(static_cast<zip_uint64_t>(i)));
  }
  ~ZipSource() override { zip_discard(za_); }
  const std::vector<EntryInfo>& entries() const override { return entries_; }
  std::string read(std::size_t index, std::uint64_t max_bytes,
                   const std::function<void(std::string_view)>& sink) override {
    const EntryInfo& e = entries_[index];
    if (e.encrypted) return "entry is encrypted";
    if (e.method != ZIP_CM_STORE && e.method != ZIP_CM_DEFLATE) return "unsupported compression method";
    zip_file_t* f = zip_fopen_index(za_, index, 0);
    if (!f) return zip_strerror(za_);
    std::string lib_error;
    const std::string err = read_declared(e.size, max_bytes, buffer_, [&](char* p, std::size_t n) -> long long {
      const zip_int64_t got = zip_fread(f, p, n);
      if (got < 0) lib_error = zip_file_strerror(f);
      return got;
    }, sink);
    zip_fclose(f);
    return lib_error.empty() ? err : lib_error;
  }

 private:
  EntryInfo describe(zip_uint64_t i) {
    EntryInfo e;
    zip_stat_t st;
    zip_stat_init(&st);
    // Raw names: a name without the UTF-8 flag is not re-encoded from CP437, so a control
    // character stays a control character (and invalid UTF-8 stays invalid) for verify to see.
    if (zip_stat_index(za_, i, ZIP_FL_ENC_RAW, &st) != 0) return e;
    e.name = st.name ? st.name : "";
    e.size = (st.valid & ZIP_STAT_SIZE) ? st.size : 0;
    e.comp_size = (st.valid & ZIP_STAT_COMP_SIZE) ? st.comp_size : 0;
    e.method = (st.valid & ZIP_STAT_COMP_METHOD) ? st.comp_method : 0;
    e.encrypted = (st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE;
    e.is_dir = !e.name.empty() && e.name.back() == '/';
    zip_uint8_t opsys = 0;
    zip_uint32_t attributes = 0;
    if (zip_file_get_external_attributes(za_, i, 0, &opsys, &attributes) == 0 && opsys == ZIP_OPSYS_UNIX) {
      const std::uint32_t mode = attributes >> 16;
      e.is_symlink = (mode & S_IFMT) == S_IFLNK;
      e.is_dir = e.is_dir || (mode & S_IFMT) == S_IFDIR;
      e.special = unix_mode_problem(mode);
    }
    return e;
  }

  zip_t* za_;
  std::vector<EntryInfo> entries_;
  std::vector<char> buffer_ = std::vector<char>(std::size_t(1) << 20);  // reused: not 1 MB zeroed per entry
};

class DirSource : public EntrySource {
 public:
  DirSource(std::vector<EntryInfo> entries, std::vector<fs::path> paths)
      : entries_(std::move(entries)), paths_(std::move(paths)) {}
  const std::vector<EntryInfo>& entries() const override { return entries_; }
  std::string read(std::size_t index, std::uint64_t max_bytes,
                   const std::function<void(std::string_view)>& sink) override {
    const EntryInfo& e = entries_[index];
    if (e.is_symlink) return "symbolic link (not followed)";
    if (!e.special.empty()) return "not a plain file: " + e.special;
    try {
      core::InputFile in(paths_[index], max_bytes);  // a regular file only, never blocks
      return read_declared(e.size, max_bytes, buffer_, [&](char* p, std::size_t n) -> long long {
        for (;;) {
          const ssize_t got = ::read(in.fd(), p, n);
          if (got >= 0 || errno != EINTR) return got;
        }
      }, sink);
    } catch (const std::exception& ex) {
      return ex.what();
    }
  }

 private:
  std::vector<EntryInfo> entries_;
  std::vector<fs::path> paths_;
  std::vector<char> buffer_ = std::vector<char>(std::size_t(1) << 20);  // reused: not 1 MB zeroed per entry
};

/// The folder that holds bagit.txt: `path` itself, or its single subfolder.
fs::path bag_root(const fs::path& path, std::string& error) {
  std::error_code ec;
  if (fs::exists(path / "bagit.txt", ec)) return path;
  std::vector<fs::path> subs;
  for (const auto& d : fs::directory_iterator(path, ec))
    if (d.is_directory(ec) && !d.is_symlink(ec)) subs.push_back(d.path());
  if (subs.size() != 1) {
    error = "no bagit.txt in the folder or in a single subfolder";
    return {};
  }
  return subs.front();
}

/// One folder entry as lstat sees it (links and special files are described, never opened).
EntryInfo describe_file(const fs::directory_entry& d, const std::string& name) {
  EntryInfo e;
  e.name = name;
  struct stat st {};
  if (::lstat(d.path().c_str(), &st) != 0) {
    e.special = std::string("无法读取 / cannot stat: ") + std::strerror(errno);
    return e;
  }
  e.is_symlink = S_ISLNK(st.st_mode);
  e.special = S_ISREG(st.st_mode) ? unix_mode_problem(st.st_mode & (S_ISUID | S_ISGID | S_ISVTX))
                                  : unix_mode_problem(st.st_mode);
  if (S_ISREG(st.st_mode)) e.size = e.comp_size = static_cast<std::uint64_t>(st.st_size);
  return e;
}

}  // namespace

std::unique_ptr<EntrySource> open_zip_source(const fs::path& path, std::string& error) {
  try {
    core::InputFile check(path, std::uint64_t(1) << 62);  // a regular file: never a FIFO or device
  } catch (const std::exception& e) {
    error = e.what();
    return nullptr;
  }
  int err = 0;
  zip_t* za = zip_open(path.c_str(), ZIP_RDONLY | ZIP_CHECKCONS, &err);
  if (!za) {
    zip_error_t ze;
    zip_error_init_with_code(&ze, err);
    error = zip_error_strerror(&ze);
    zip_error_fini(&ze);
    return nullptr;
  }
  return std::make_unique<ZipSource>(za);
}

std::unique_ptr<EntrySource> open_dir_source(const fs::path& path, std::string& error) {
  std::error_code ec;
  const fs::path root = bag_root(path, error);
  if (root.empty()) return nullptr;
  const std::string root_name = root.filename().string();
  std::vector<std::pair<std::string, std::pair<EntryInfo, fs::path>>> found;
  fs::recursive_directory_iterator it(root, fs::directory_options::none, ec), end;
  if (ec) {
    error = ec.message();
    return nullptr;
  }
  for (; it != end; it.increment(ec)) {
    if (ec) break;
    const std::string name = root_name + "/" + fs::relative(it->path(), root, ec).generic_string();
    if (!it->is_symlink(ec) && it->is_directory(ec)) continue;  // folders are implied by their files
    if (it->is_symlink(ec) && it->is_directory(ec)) it.disable_recursion_pending();
    found.push_back({name, {describe_file(*it, name), it->path()}});
  }
  if (ec) {
    error = ec.message();
    return nullptr;
  }
  std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  // bagit.txt first, like the ZIP, so both sources are read in the same order.
  std::stable_partition(found.begin(), found.end(), [&](const auto& f) { return f.first == root_name + "/bagit.txt"; });
  std::vector<EntryInfo> entries;
  std::vector<fs::path> paths;
  for (auto& f : found) {
    entries.push_back(f.second.first);
    paths.push_back(f.second.second);
  }
  return std::make_unique<DirSource>(std::move(entries), std::move(paths));
}

}  // namespace wenshu::archive

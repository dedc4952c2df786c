// ZIP and folder entry sources (see entry_source.h).
#include "archive/entry_source.h"

#include <zip.h>

#include <algorithm>
#include <cstdio>
#include <system_error>

namespace wenshu::archive {

namespace fs = std::filesystem;

namespace {

class ZipSource : public EntrySource {
 public:
  explicit ZipSource(zip_t* za) : za_(za) {
    const zip_int64_t n = zip_get_num_entries(za_, 0);
    for (zip_int64_t i = 0; i < n; ++i) {
      zip_stat_t st;
      zip_stat_init(&st);
      EntryInfo e;
      if (zip_stat_index(za_, static_cast<zip_uint64_t>(i), ZIP_FL_ENC_GUESS, &st) == 0) {
        e.name = st.name ? st.name : "";
        e.size = (st.valid & ZIP_STAT_SIZE) ? st.size : 0;
        e.comp_size = (st.valid & ZIP_STAT_COMP_SIZE) ? st.comp_size : 0;
        e.method = (st.valid & ZIP_STAT_COMP_METHOD) ? st.comp_method : 0;
        e.encrypted = (st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE;
        e.is_dir = !e.name.empty() && e.name.back() == '/';
      }
      entries_.push_back(std::move(e));
    }
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
    std::vector<char>& buf = buffer_;
    std::uint64_t total = 0;
    std::string err;
    for (;;) {
      const zip_int64_t n = zip_fread(f, buf.data(), buf.size());
      if (n < 0) {
        err = zip_file_strerror(f);
        break;
      }
      if (n == 0) break;
      total += static_cast<std::uint64_t>(n);
      if (total > max_bytes) {
        err = "more data than the size limit";
        break;
      }
      sink(std::string_view(buf.data(), static_cast<std::size_t>(n)));
    }
    zip_fclose(f);
    if (err.empty() && total != e.size) err = "actual size differs from the declared size";
    return err;
  }

 private:
  zip_t* za_;
  std::vector<EntryInfo> entries_;
  std::vector<char> buffer_ = std::vector<char>(std::size_t(1) << 20);  // reused: not 1 MB zeroed per entry
};

class DirSource : public EntrySource {
 public:
  DirSource(fs::path base, std::vector<EntryInfo> entries, std::vector<fs::path> paths)
      : base_(std::move(base)), entries_(std::move(entries)), paths_(std::move(paths)) {}
  const std::vector<EntryInfo>& entries() const override { return entries_; }
  std::string read(std::size_t index, std::uint64_t max_bytes,
                   const std::function<void(std::string_view)>& sink) override {
    if (entries_[index].is_symlink) return "symbolic link (not followed)";
    std::FILE* f = std::fopen(paths_[index].c_str(), "rb");
    if (!f) return "cannot open";
    std::vector<char>& buf = buffer_;
    std::uint64_t total = 0;
    std::string err;
    for (;;) {
      const std::size_t n = std::fread(buf.data(), 1, buf.size(), f);
      if (n == 0) {
        if (std::ferror(f)) err = "read error";
        break;
      }
      total += n;
      if (total > max_bytes) {
        err = "more data than the size limit";
        break;
      }
      sink(std::string_view(buf.data(), n));
    }
    std::fclose(f);
    return err;
  }

 private:
  fs::path base_;
  std::vector<EntryInfo> entries_;
  std::vector<fs::path> paths_;
  std::vector<char> buffer_ = std::vector<char>(std::size_t(1) << 20);  // reused: not 1 MB zeroed per entry
};

}  // namespace

std::unique_ptr<EntrySource> open_zip_source(const fs::path& path, std::string& error) {
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
  fs::path root = path;
  if (!fs::exists(root / "bagit.txt", ec)) {
    // The folder holding the bag: take its single subfolder.
    std::vector<fs::path> subs;
    for (const auto& d : fs::directory_iterator(path, ec))
      if (d.is_directory(ec) && !d.is_symlink(ec)) subs.push_back(d.path());
    if (subs.size() != 1) {
      error = "no bagit.txt in the folder or in a single subfolder";
      return nullptr;
    }
    root = subs.front();
  }
  const std::string root_name = root.filename().string();
  std::vector<std::pair<std::string, std::pair<EntryInfo, fs::path>>> found;
  fs::recursive_directory_iterator it(root, fs::directory_options::none, ec), end;
  if (ec) {
    error = ec.message();
    return nullptr;
  }
  for (; it != end; it.increment(ec)) {
    if (ec) break;
    EntryInfo e;
    e.name = root_name + "/" + fs::relative(it->path(), root, ec).generic_string();
    if (it->is_symlink(ec)) {
      e.is_symlink = true;
      if (it->is_directory(ec)) it.disable_recursion_pending();
    } else if (it->is_directory(ec)) {
      continue;  // folders are implied by their files (the ZIP has no directory entries)
    } else {
      e.size = it->file_size(ec);
      e.comp_size = e.size;
    }
    found.push_back({e.name, {e, it->path()}});
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
  return std::make_unique<DirSource>(root, std::move(entries), std::move(paths));
}

}  // namespace wenshu::archive

// OFD packages as ZIP containers (see package.h).
#include "ofd/package.h"

#include <zip.h>

#include <stdexcept>

#include "core/utf8.h"

namespace wenshu::ofd {

namespace {

std::pair<zip_uint16_t, zip_uint16_t> dos_date_time(const core::Date& d) {
  // date = (year-1980)<<9 | month<<5 | day, time 00:00:00 = 0 (archive-format.md, ZIP timestamps).
  if (!core::is_valid(d) || d.year < 1980 || d.year > 2107) return {0x0021, 0};
  return {static_cast<zip_uint16_t>(((d.year - 1980) << 9) | (d.month << 5) | d.day), 0};
}

std::string zip_error_text(int code) {
  zip_error_t ze;
  zip_error_init_with_code(&ze, code);
  std::string s = zip_error_strerror(&ze);
  zip_error_fini(&ze);
  return s;
}

}  // namespace

std::string write_package(const std::vector<PackageEntry>& entries, const core::Date& date) {
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &err);
  if (!buffer) throw std::runtime_error("libzip: cannot create a memory buffer");
  zip_source_keep(buffer);
  zip_t* za = zip_open_from_source(buffer, ZIP_TRUNCATE, &err);
  if (!za) {
    zip_source_free(buffer);
    throw std::runtime_error("libzip: cannot open a memory archive: " + std::string(zip_error_strerror(&err)));
  }
  const auto [dos_date, dos_time] = dos_date_time(date);
  auto fail = [&](const std::string& what) {
    const std::string msg = "libzip: " + what + ": " + zip_strerror(za);
    zip_discard(za);
    zip_source_free(buffer);
    throw std::runtime_error(msg);
  };
  for (const auto& e : entries) {
    zip_source_t* src = zip_source_buffer(za, e.bytes.data(), e.bytes.size(), 0);
    if (!src) fail("cannot add " + e.name);
    const zip_int64_t idx = zip_file_add(za, e.name.c_str(), src, ZIP_FL_ENC_UTF_8);
    if (idx < 0) {
      zip_source_free(src);
      fail("cannot add " + e.name);
    }
    const auto i = static_cast<zip_uint64_t>(idx);
    if (zip_set_file_compression(za, i, e.compress ? ZIP_CM_DEFLATE : ZIP_CM_STORE, e.compress ? 9 : 0) != 0 ||
        zip_file_set_dostime(za, i, dos_time, dos_date, 0) != 0 ||
        zip_file_set_external_attributes(za, i, 0, ZIP_OPSYS_UNIX, 0100644u << 16) != 0)
      fail("cannot set the attributes of " + e.name);
  }
  if (zip_close(za) != 0) fail("cannot finish the package");
  std::string out;
  if (zip_source_open(buffer) != 0) {
    zip_source_free(buffer);
    throw std::runtime_error("libzip: cannot read the package back");
  }
  char chunk[65536];
  for (zip_int64_t n; (n = zip_source_read(buffer, chunk, sizeof chunk)) > 0;) out.append(chunk, static_cast<std::size_t>(n));
  zip_source_close(buffer);
  zip_source_free(buffer);
  return out;
}

struct Package::Impl {
  zip_t* za = nullptr;
  ~Impl() {
    if (za) zip_discard(za);
  }
};

Package::~Package() = default;

bool safe_entry_name(std::string_view name) {
  if (name.empty() || name.size() > 1024 || name.front() == '/' || !core::utf8_valid(name)) return false;
  std::size_t start = 0;
  while (true) {
    const std::size_t slash = name.find('/', start);
    const std::string_view seg = name.substr(start, slash == std::string_view::npos ? std::string_view::npos : slash - start);
    if (seg.empty() || seg == "." || seg == "..") return false;
    for (char c : seg)
      if (static_cast<unsigned char>(c) < 0x20 || c == '\\' || c == 0x7f) return false;
    if (slash == std::string_view::npos) return true;
    start = slash + 1;
  }
}

std::unique_ptr<Package> Package::open(std::string_view bytes, const PackageLimits& limits, std::string& error) {
  // libzip opens an empty buffer as an empty archive; a ZIP has at least its 22-byte end record.
  if (bytes.size() < 22) {
    error = "不是 ZIP 包（" + std::to_string(bytes.size()) + " 字节）/ not a ZIP container (too short)";
    return nullptr;
  }
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &err);
  if (!src) {
    error = "不是 ZIP 包 / not a ZIP container";
    return nullptr;
  }
  zip_t* za = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &err);
  if (!za) {
    zip_source_free(src);
    error = "不是完好的 ZIP 包 / not a readable ZIP container: " + zip_error_text(zip_error_code_zip(&err));
    return nullptr;
  }
  std::unique_ptr<Package> p(new Package());
  p->impl_ = std::make_unique<Impl>();
  p->impl_->za = za;
  p->limits_ = limits;
  const zip_int64_t n = zip_get_num_entries(za, 0);
  if (n < 0 || static_cast<std::uint64_t>(n) > limits.max_entries) {
    error = "条目过多 / too many entries (" + std::to_string(n) + ", limit " + std::to_string(limits.max_entries) + ")";
    return nullptr;
  }
  std::uint64_t total = 0;
  for (zip_int64_t i = 0; i < n; ++i) {
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(za, static_cast<zip_uint64_t>(i), ZIP_FL_ENC_RAW, &st) != 0 || !st.name) {
      error = "条目 " + std::to_string(i) + " 无法读取 / entry cannot be read";
      return nullptr;
    }
    const std::string name = st.name;
    if (!name.empty() && name.back() == '/') continue;  // a folder entry: implied by its files
    if (!safe_entry_name(name)) {
      error = "条目名不安全 / unsafe entry name \"" + name + "\" (absolute, \"..\", backslash or control characters)";
      return nullptr;
    }
    if (p->index_.count(name)) {
      error = "条目名重复 / duplicate entry name \"" + name + "\"";
      return nullptr;
    }
    if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE) {
      error = "条目已加密 / encrypted entry \"" + name + "\"";
      return nullptr;
    }
    const std::uint64_t size = (st.valid & ZIP_STAT_SIZE) ? st.size : 0;
    const std::uint64_t comp = (st.valid & ZIP_STAT_COMP_SIZE) ? st.comp_size : 0;
    if (size > limits.max_entry_bytes || (comp > 0 && size / comp > limits.max_ratio) || (comp == 0 && size > 0)) {
      error = "条目 \"" + name + "\" 声明的大小超出限制 / declared size " + std::to_string(size) + " bytes exceeds the limits";
      return nullptr;
    }
    total += size;
    if (total > limits.max_total_bytes) {
      error = "包内文件总大小超出限制 / declared total size exceeds " + std::to_string(limits.max_total_bytes) + " bytes";
      return nullptr;
    }
    p->index_[name] = static_cast<std::uint64_t>(i);
    p->sizes_[name] = size;
    p->names_.push_back(name);
  }
  return p;
}

std::uint64_t Package::size(const std::string& name) const {
  const auto it = sizes_.find(name);
  return it == sizes_.end() ? 0 : it->second;
}

bool Package::read(const std::string& name, std::string& out, std::string& error) {
  const auto it = index_.find(name);
  if (it == index_.end()) {
    error = "缺少 " + name + " / missing part";
    return false;
  }
  zip_file_t* f = zip_fopen_index(impl_->za, it->second, 0);
  if (!f) {
    error = name + ": " + zip_strerror(impl_->za);
    return false;
  }
  out.clear();
  const std::uint64_t declared = sizes_[name];
  char chunk[65536];
  bool ok = true;
  for (;;) {
    const zip_int64_t n = zip_fread(f, chunk, sizeof chunk);
    if (n < 0) {
      error = name + ": " + zip_file_strerror(f);
      ok = false;
      break;
    }
    if (n == 0) break;
    out.append(chunk, static_cast<std::size_t>(n));
    total_read_ += static_cast<std::uint64_t>(n);
    if (out.size() > declared || out.size() > limits_.max_entry_bytes || total_read_ > limits_.max_total_bytes) {
      error = name + ": 数据多于声明或限制 / more data than declared or allowed";
      ok = false;
      break;
    }
  }
  zip_fclose(f);
  if (ok && out.size() != declared) {
    error = name + ": 数据不完整 / actual size differs from the declared size";
    ok = false;
  }
  if (!ok) out.clear();
  return ok;
}

std::string folder_of(const std::string& part) {
  const std::size_t slash = part.rfind('/');
  return slash == std::string::npos ? std::string() : part.substr(0, slash);
}

bool resolve_location(const std::string& base, const std::string& loc, std::string& out) {
  if (loc.empty() || loc.find('\\') != std::string::npos) return false;
  // A scheme ("http:", "file:", "C:") names something outside the package.
  if (const std::size_t colon = loc.find(':'); colon != std::string::npos && loc.find('/') > colon) return false;
  std::vector<std::string> segs;
  auto push_path = [&](std::string_view path) {
    std::size_t start = 0;
    while (start <= path.size()) {
      const std::size_t slash = path.find('/', start);
      const std::string_view seg = path.substr(start, slash == std::string_view::npos ? std::string_view::npos : slash - start);
      if (seg == "..") {
        if (segs.empty()) return false;
        segs.pop_back();
      } else if (!seg.empty() && seg != ".") {
        segs.emplace_back(seg);
      }
      if (slash == std::string_view::npos) break;
      start = slash + 1;
    }
    return true;
  };
  if (loc.front() != '/' && !push_path(base)) return false;
  if (!push_path(loc) || segs.empty()) return false;
  out.clear();
  for (const auto& s : segs) out += (out.empty() ? "" : "/") + s;
  return safe_entry_name(out);
}

}  // namespace wenshu::ofd

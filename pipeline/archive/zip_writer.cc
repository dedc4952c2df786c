// Deterministic ZIP writing (see zip_writer.h).
#include "archive/zip_writer.h"

#include <unistd.h>
#include <zip.h>

#include <stdexcept>
#include <system_error>

#include "core/file_io.h"

namespace wenshu::archive {

namespace fs = std::filesystem;

std::pair<unsigned, unsigned> dos_date_time(const core::Date& d) {
  // archive.md §10.3: date = (year-1980)<<9 | month<<5 | day; time 00:00:00 = 0.
  if (!core::is_valid(d) || d.year < 1980) return {0x0021, 0};
  if (d.year > 2107) return {(127u << 9) | (12u << 5) | 31u, 0};
  return {(static_cast<unsigned>(d.year - 1980) << 9) | (static_cast<unsigned>(d.month) << 5) |
              static_cast<unsigned>(d.day),
          0};
}

namespace {
struct ZipCloser {
  zip_t* za = nullptr;
  ~ZipCloser() {
    if (za) zip_discard(za);
  }
};
}  // namespace

void write_deterministic_zip(const fs::path& path, const std::vector<ZipEntry>& entries, const core::Date& date) {
  std::error_code ec;
  if (path.has_parent_path()) fs::create_directories(path.parent_path(), ec);
  core::remove_stale_temporaries(path.has_parent_path() ? path.parent_path() : fs::path("."));  // killed runs
  const fs::path tmp = path.string() + ".partial-" + std::to_string(::getpid());
  fs::remove(tmp, ec);
  int err = 0;
  ZipCloser z;
  z.za = zip_open(tmp.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
  if (!z.za) {
    zip_error_t ze;
    zip_error_init_with_code(&ze, err);
    const std::string msg = "cannot create " + tmp.string() + ": " + zip_error_strerror(&ze);
    zip_error_fini(&ze);
    throw std::runtime_error(msg);
  }
  auto fail = [&](const std::string& what) {
    const std::string msg = what + ": " + zip_strerror(z.za);
    zip_discard(z.za);
    z.za = nullptr;
    fs::remove(tmp, ec);
    throw std::runtime_error(msg);
  };
  const auto [dos_date, dos_time] = dos_date_time(date);
  for (const ZipEntry& e : entries) {
    zip_source_t* src = e.bytes ? zip_source_buffer(z.za, e.bytes->data(), e.bytes->size(), 0)
                                : zip_source_file(z.za, e.source.c_str(), 0, -1);
    if (!src) fail("cannot read " + (e.bytes ? e.name : e.source.string()));
    const zip_int64_t idx = zip_file_add(z.za, e.name.c_str(), src, ZIP_FL_ENC_UTF_8);
    if (idx < 0) {
      zip_source_free(src);
      fail("cannot add " + e.name);
    }
    const auto i = static_cast<zip_uint64_t>(idx);
    if (zip_set_file_compression(z.za, i, ZIP_CM_STORE, 0) != 0 ||
        zip_file_set_dostime(z.za, i, static_cast<zip_uint16_t>(dos_time), static_cast<zip_uint16_t>(dos_date), 0) != 0 ||
        zip_file_set_external_attributes(z.za, i, 0, ZIP_OPSYS_UNIX, 0100644u << 16) != 0)
      fail("cannot set attributes of " + e.name);
  }
  if (zip_close(z.za) != 0) fail("cannot write " + tmp.string());
  z.za = nullptr;
  fs::rename(tmp, path, ec);
  if (ec) {
    fs::remove(tmp, ec);
    throw std::runtime_error("cannot rename to " + path.string());
  }
}

}  // namespace wenshu::archive

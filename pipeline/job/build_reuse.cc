// Reusing the outputs of the build before (see build_reuse.h).
#include "job/build_reuse.h"

#include <sys/stat.h>

#include <fmt/format.h>

#include "archive/digest.h"
#include "core/file_io.h"
#include "job/output_folder.h"

namespace wenshu::job {
namespace fs = std::filesystem;

namespace {

constexpr const char* kStatCacheName = "stat-cache";

std::map<std::string, std::string> read_stat_cache(const fs::path& out) {
  std::map<std::string, std::string> m;
  std::string text;
  try {
    text = core::read_file(out / kPrivateDir / kStatCacheName, std::size_t(256) << 20);
  } catch (const std::exception&) {
    return m;  // no cache: every file is hashed
  }
  // One line per file: "<stat line> <sha256>\t<path>".
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t nl = text.find('\n', pos);
    if (nl == std::string::npos) nl = text.size();
    const std::string line = text.substr(pos, nl - pos);
    pos = nl + 1;
    const std::size_t tab = line.find('\t');
    if (tab != std::string::npos) m[line.substr(tab + 1)] = line.substr(0, tab);
  }
  return m;
}

}  // namespace

std::string stat_line(const fs::path& file) {
  struct stat st {};
  if (::stat(file.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return {};
  return fmt::format("{} {}.{:09d} {}.{:09d} {}", static_cast<long long>(st.st_size),
                     static_cast<long long>(st.st_mtim.tv_sec), st.st_mtim.tv_nsec,
                     static_cast<long long>(st.st_ctim.tv_sec), st.st_ctim.tv_nsec,
                     static_cast<unsigned long long>(st.st_ino));
}

void write_stat_cache(const fs::path& out, const BuildRecord& record) {
  std::string text;
  for (const RecordedFile* f : record.outputs()) {
    const std::string st = stat_line(out / f->path);
    if (!st.empty()) text += st + " " + f->sha256 + "\t" + f->path + "\n";
  }
  try {
    core::write_file_atomic(out / kPrivateDir / kStatCacheName, text);
  } catch (const std::exception&) {
    // Only a shortcut: without it the next build hashes the files again.
  }
}

PreviousBuild::PreviousBuild(fs::path out, const BuildRecord* record) : out_(std::move(out)), record_(record) {
  if (record_ == nullptr) return;
  for (const auto& d : record_->documents)
    if (d.state == OutputState::kRendered || d.state == OutputState::kReused) documents_[d.id] = &d;
  stats_ = read_stat_cache(out_);
}

const RecordedDocument* PreviousBuild::document(const std::string& id, const std::string& key) const {
  const auto it = documents_.find(id);
  return it == documents_.end() || it->second->key != key ? nullptr : it->second;
}

bool PreviousBuild::intact(const RecordedFile& f) const {
  const fs::path file = out_ / f.path;
  const std::string st = stat_line(file);
  if (st.empty()) return false;
  if (const auto it = stats_.find(f.path); it != stats_.end() && it->second == st + " " + f.sha256) return true;
  try {
    const auto d = archive::digest_file(file);
    return d.sha256 == f.sha256 && d.size == f.size && (f.sm3.empty() || d.sm3 == f.sm3);
  } catch (const std::exception&) {
    return false;
  }
}

bool PreviousBuild::intact(const std::vector<RecordedFile>& files) const {
  for (const auto& f : files)
    if (!intact(f)) return false;
  return !files.empty();
}

bool PreviousBuild::reuse(RecordsRenderResult& r) const {
  const RecordedDocument* d = document(r.document_id, r.key);
  if (d == nullptr || d->files.size() != r.files.size()) return false;
  for (std::size_t i = 0; i < r.files.size(); ++i)
    if (d->files[i].path != r.files[i].path) return false;
  if (!intact(d->files)) return false;
  r.files = d->files;
  r.pages = d->pages;
  r.diagnostics = d->diagnostics;
  if (r.filing) {
    model::FiledBytes fb;
    fb.file = out_ / d->files[0].path;
    fb.facts.size = d->files[0].size, fb.facts.sha256 = d->files[0].sha256, fb.facts.sm3 = d->files[0].sm3;
    fb.facts.pages = d->pages;
    auto& main = r.filing->doc.components.front();
    main.page_count = d->pages, main.sha256 = d->files[0].sha256, main.sm3 = d->files[0].sm3;
    r.filing->files = {std::move(fb)};
  }
  return true;
}

bool PreviousBuild::reuse(RenderResult& r) const {
  // A 公文 file's renditions are OUT/documents/<name>; `r` names them relative to OUT/documents.
  const std::string dir = std::string(kDocumentsDir) + "/";
  const RecordedDocument* d = document(dir + r.files.front().path, r.key);
  if (d == nullptr || d->files.size() != r.files.size()) return false;
  for (std::size_t i = 0; i < r.files.size(); ++i)
    if (d->files[i].path != dir + r.files[i].path) return false;
  if (!intact(d->files)) return false;
  r.bytes = 0;
  for (std::size_t i = 0; i < r.files.size(); ++i) {
    r.files[i] = d->files[i];
    r.files[i].path = d->files[i].path.substr(dir.size());
    r.bytes += d->files[i].size;
  }
  r.pages = d->pages;
  r.diagnostics = d->diagnostics;
  return true;
}

const RecordedDossier* PreviousBuild::dossier(const std::string& key) const {
  if (record_ == nullptr) return nullptr;
  for (const auto& d : record_->dossiers)
    if (d.key == key && (d.state == OutputState::kRendered || d.state == OutputState::kReused) && intact(d.files))
      return &d;
  return nullptr;
}

}  // namespace wenshu::job

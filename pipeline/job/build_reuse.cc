// Reusing the outputs of the build before (see build_reuse.h).
#include "job/build_reuse.h"

#include <sys/stat.h>

#include <algorithm>
#include <stdexcept>

#include <fmt/format.h>

#include "archive/digest.h"
#include "core/file_io.h"
#include "job/output_folder.h"

namespace wenshu::job {
namespace fs = std::filesystem;

namespace {

/// Committees are composed per committee × year of records (records_set.h): the key of one.
std::string committee_year(const std::string& committee, int records_year) {
  return committee + "/" + std::to_string(records_year);
}

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

void fill_filed_bytes(model::Filing& filing, const fs::path& out, const std::vector<RecordedFile>& files, int pages) {
  filing.files.clear();
  const fs::path dir = fs::path(files.front().path).parent_path();
  for (auto& c : filing.doc.components) {
    const std::string rel = (dir / c.path).generic_string();
    const auto f = std::find_if(files.begin(), files.end(), [&](const RecordedFile& x) { return x.path == rel; });
    if (f == files.end()) throw std::runtime_error(rel + ": a filed component the build record does not list");
    model::FiledBytes fb;
    fb.file = out / f->path;
    fb.facts.size = f->size, fb.facts.sha256 = f->sha256, fb.facts.sm3 = f->sm3, fb.facts.pages = pages;
    c.page_count = pages, c.sha256 = f->sha256, c.sm3 = f->sm3;
    filing.files.push_back(std::move(fb));
  }
}

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
  for (const auto& c : record_->committees) committees_[committee_year(c.id, c.records_year)] = &c;
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
  if (r.filing) fill_filed_bytes(*r.filing, out_, d->files, d->pages);
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

bool PreviousBuild::reuse(CommitteeRun& run, std::vector<RecordsRenderResult>& results,
                          const std::function<bool(const std::string&, int)>& in_shard) const {
  const auto it = committees_.find(committee_year(run.committee, run.records_year));
  if (it == committees_.end() || it->second->key != run.key) return false;
  std::vector<RecordsRenderResult> out;
  for (const auto& d : record_->documents) {
    if (d.committee != run.committee || d.records_year != run.records_year) continue;
    RecordsRenderResult r;
    r.document_id = d.id, r.kind = d.kind, r.committee = d.committee, r.year = d.year, r.key = d.key;
    r.records_year = d.records_year;
    r.draft = d.draft;
    if (in_shard && !in_shard(d.committee, d.year)) {
      r.elsewhere = true;
    } else if (d.state == OutputState::kRefused) {
      r.refused = true;
      r.diagnostics = d.diagnostics;  // the GW findings that refused it (render's check)
    } else if (d.state == OutputState::kRendered || d.state == OutputState::kReused) {
      if (!intact(d.files)) return false;
      r.written = r.reused = true;
      r.pages = d.pages, r.files = d.files, r.diagnostics = d.diagnostics;
      r.output = out_ / d.files.front().path;
    } else if (d.state != OutputState::kFailed) {
      return false;  // made by another shard before: it must be made here now
    } else {
      r.diagnostics = d.diagnostics;
    }
    out.push_back(std::move(r));
  }
  run.diagnostics = it->second->diagnostics;
  results = std::move(out);
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

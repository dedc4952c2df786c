// Reading a build's folder after the build (see build_folder.h).
#include "job/build_folder.h"

#include <map>
#include <set>

#include <fmt/format.h>

#include "archive/digest.h"
#include "archive/sidecar.h"
#include "core/file_io.h"
#include "job/build_record.h"
#include "job/output_folder.h"

namespace wenshu::job {
namespace fs = std::filesystem;

namespace {

fs::path normal(const fs::path& p) {
  std::error_code ec;
  const fs::path a = fs::absolute(p, ec);
  return (ec ? p : a).lexically_normal();
}

/// A build folder met while reading: its record (if readable) and what it lists.
struct Folder {
  bool readable = false;
  std::set<fs::path> sidecars;  ///< absolute
  std::vector<std::string> strays;
};

Folder open_folder(const fs::path& dir, core::DiagnosticSink& sink) {
  Folder f;
  finish_interrupted_commit(dir);
  const auto record = read_build_record(dir / kBuildRecordName, sink);
  if (!record) return f;
  f.readable = true;
  for (const auto& d : record->documents)
    for (const auto& file : d.files)
      if (file.path.size() > 8 && file.path.compare(file.path.size() - 8, 8, ".pdf.xml") == 0)
        f.sidecars.insert(normal(dir / file.path));
  return f;
}

}  // namespace

std::vector<fs::path> recorded_sidecars(const std::vector<fs::path>& inputs, core::DiagnosticSink& sink) {
  std::map<fs::path, Folder> folders;  // build folder → what its record says
  std::vector<fs::path> out;
  for (const fs::path& sc : archive::find_sidecars(inputs)) {
    const fs::path record = find_build_record(sc);
    if (record.empty()) {
      out.push_back(sc);
      continue;
    }
    const fs::path dir = normal(record.parent_path());
    auto it = folders.find(dir);
    if (it == folders.end()) it = folders.emplace(dir, open_folder(dir, sink)).first;
    Folder& f = it->second;
    if (!f.readable) continue;
    if (f.sidecars.count(normal(sc))) out.push_back(sc);
    else f.strays.push_back(normal(sc).lexically_relative(dir).generic_string());
  }
  for (const auto& [dir, f] : folders) {
    if (f.strays.empty()) continue;
    core::Diagnostic d;
    d.severity = core::Severity::kWarning;
    d.rule = "BUILD-STRAY";
    d.location.file = (dir / kBuildRecordName).string();
    d.message = fmt::format("{} 个归档附属文件不是该文件夹的构建生成的，未打包 / {} sidecar(s) the build of this folder did "
                            "not make: not packed",
                            f.strays.size(), f.strays.size());
    for (std::size_t i = 0; i < f.strays.size() && i < 10; ++i) d.hints.push_back(f.strays[i]);
    if (f.strays.size() > 10) d.hints.push_back(fmt::format("…（另有 {} 个）", f.strays.size() - 10));
    sink.push(std::move(d));
  }
  return out;
}

std::string Provenance::text() const {
  return listed ? fmt::format("构建 {}（{}，wenshu {}）/ made by build {}", build_id.substr(0, 12), record.string(),
                              program_version, build_id.substr(0, 12))
                : fmt::format("构建记录 {} 未列出此档案包 / not listed in the build record", record.string());
}

std::optional<Provenance> dossier_provenance(const fs::path& dossier, const std::optional<fs::path>& record_file,
                                             core::DiagnosticSink& sink) {
  const fs::path record_path = record_file ? *record_file : find_build_record(dossier);
  if (record_path.empty()) return std::nullopt;
  if (!record_file) finish_interrupted_commit(record_path.parent_path());
  const auto record = read_build_record(record_path, sink);
  if (!record) return std::nullopt;
  Provenance p{record_path, record->id, record->program_version};
  // The bytes that identify the dossier: the ZIP's, or an unpacked bag's tag manifest.
  std::error_code ec;
  const bool zip = fs::is_regular_file(dossier, ec);
  std::string digest;
  try {
    digest = zip ? archive::digest_file(dossier).sha256 : archive::digest_file(dossier / "tagmanifest-sm3.txt").sha256;
  } catch (const std::exception&) {
    return p;  // verify reports the unreadable dossier
  }
  const fs::path rel = normal(dossier).lexically_relative(normal(record_path.parent_path()));
  bool place_listed = false;
  for (const auto& d : record->dossiers)
    for (std::size_t i = 0; i < d.files.size(); ++i) {
      const std::string tag = i < d.tagmanifests.size() ? d.tagmanifests[i] : std::string();
      if ((zip && d.files[i].sha256 == digest) || (!zip && tag == digest)) p.listed = true;
      if (zip && d.files[i].path == rel.generic_string()) place_listed = true;
    }
  if (!p.listed && place_listed) {
    core::Diagnostic d;
    d.rule = "BUILD-RECORD";
    d.location.file = dossier.string();
    d.message = "档案包与构建记录 " + record_path.string() +
                " 所列的不同：在构建之后被替换或改动 / not the dossier the build recorded: replaced or changed after the build";
    d.hints.push_back("重新构建，或找回构建时的档案包 / build again, or restore the dossier the build made");
    sink.push(std::move(d));
  }
  return p;
}

}  // namespace wenshu::job

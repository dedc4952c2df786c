// Dossier verification (verify.h): the passes of verify_passes.h in order, over one Observed.
#include "archive/verify.h"

#include <system_error>

#include "archive/digest.h"
#include "archive/entry_source.h"
#include "archive/verify_passes.h"
#include "archive/verify_signature.h"

namespace wenshu::archive {

namespace fs = std::filesystem;

bool verify_dossier(const fs::path& path, const ArchiveProfile& profile, core::DiagnosticSink& sink,
                    VerifyStats& stats, const VerifyLimits& limits, const std::string& expect,
                    const std::vector<std::string>& trusted) {
  const std::size_t errors_before = sink.count(core::Severity::kError);
  core::DiagnosticSink findings;  // the signature decides which of them it explains (last step)
  Findings f{findings};
  Observed obs;
  obs.shown = path.string();
  obs.expect = expect;
  std::error_code ec;
  const bool folder = fs::is_directory(path, ec);
  std::string open_error;
  std::unique_ptr<EntrySource> src = folder ? open_dir_source(path, open_error) : open_zip_source(path, open_error);
  if (!src) {
    f.error("ZIP-OPEN", obs.shown, "", "无法作为归档包读取（截断或损坏的 ZIP？）：" + open_error);
    sink.merge(std::move(findings));
    return false;
  }
  if (!expect.empty() && !folder) obs.container_sha256 = digest_file(path).sha256;
  check_container(*src, limits, obs, f);
  stats.entries = obs.entries.size();
  read_tag_files(*src, limits, obs, f);
  read_payload(*src, limits, obs, f, stats);
  stats.payload_files = obs.payload_files;
  stats.payload_bytes = obs.payload_bytes;
  check_manifests(obs, f);
  check_items(profile, obs, f, stats);
  check_catalogues(obs, f);
  // The SM2 signature (docs/archive-signature.md), when the dossier carries one.
  std::optional<SignatureCheck> signature;
  if (!obs.refused && !obs.root.empty()) signature = check_dossier_signature(*src, obs.root, trusted);
  report_signature(signature, obs.root, std::move(findings), sink);
  return sink.count(core::Severity::kError) == errors_before;
}

}  // namespace wenshu::archive

// `verify` as a library call: the 四性 checks of a dossier ZIP or folder (archive/verify.h), and
// the build it came from when a build record tells (job/build_folder.h).
#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "archive/verify.h"
#include "core/diagnostic.h"
#include "job/exit_code.h"
#include "job/parallel.h"
#include "job/shard.h"

namespace wenshu::job {

/// How to verify.
struct VerifyOptions {
  archive::VerifyLimits limits;
  /// A digest published by pack that every dossier given must match (archive::verify_dossier);
  /// "" = none.
  std::string expect;
  /// Name the build each dossier came from (from `build_record`, else the record of the
  /// folder the dossier lies in).
  bool name_build = true;
  std::optional<std::filesystem::path> build_record;
  Shard shard;  ///< only the dossiers of this part (a dossier's unit is its file name)
  /// Certificates (PEM text) one of which must have signed each signed dossier (--trust); empty:
  /// any signer, reported.
  std::vector<std::string> trusted;
  Progress progress;  ///< told as each dossier is verified (job/parallel.h)
};

/// Result of verifying one or more dossiers.
struct VerifyRunResult : RunStatus {
  core::DiagnosticSink sink;
  std::vector<std::pair<std::filesystem::path, archive::VerifyStats>> checked;
  std::vector<std::string> builds;  ///< for each checked dossier: the build it came from, or ""
  int exit_code() const { return exit_code_of(could_not_run, sink.has_errors()); }
};

/// Verifies each path (a .zip or an unpacked dossier folder).
VerifyRunResult verify(const std::vector<std::filesystem::path>& paths, const VerifyOptions& options = {});

}  // namespace wenshu::job

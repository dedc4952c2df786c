// `verify` as a library call: the 四性 checks of a dossier ZIP or folder (archive/verify.h).
#pragma once
#include <filesystem>
#include <string>
#include <vector>

#include "archive/verify.h"
#include "core/diagnostic.h"

namespace wenshu::job {

/// Result of verifying one or more dossiers.
struct VerifyRunResult {
  core::DiagnosticSink sink;
  std::vector<std::pair<std::filesystem::path, archive::VerifyStats>> checked;
  std::string fatal;
  int exit_code() const { return !fatal.empty() ? 2 : sink.has_errors() ? 1 : 0; }
};

/// Verifies each path (a .zip or an unpacked dossier folder). `expect`: a digest published by
/// pack that every dossier given must match (archive::verify_dossier); "" = none.
VerifyRunResult verify(const std::vector<std::filesystem::path>& paths, const archive::VerifyLimits& limits = {},
                       const std::string& expect = {});
/// One line per finding, then a summary line per dossier.
std::string format_verify_report(const VerifyRunResult& r);

}  // namespace wenshu::job

// `pack` as a library call: sidecars of rendered PDFs → annual archive dossier ZIP(s)
// (archive/pack.h), with the report lines the CLI prints.
#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "archive/pack.h"
#include "core/diagnostic.h"
#include "job/exit_code.h"
#include "job/shard.h"

namespace wenshu::job {

/// Result of a pack run; it could not run on an I/O failure or a bad profile.
struct PackRunResult : RunStatus {
  core::DiagnosticSink sink;
  std::vector<archive::PackedBag> bags;
  /// 0 written, 1 errors in the input (nothing written), 2 could not run.
  int exit_code() const { return exit_code_of(could_not_run, sink.has_errors()); }
};

/// Packs with the default archive profile (profiles/archive-default.xml). Below a folder a build
/// wrote, only the documents its build record lists are packed (job/build_folder.h). With a
/// shard, only the committee × 年度 units of that part (job/shard.h).
/// The 全宗号 of each committee come from the rule profile (`rules_profile` over the shipped
/// one: da.fonds.<committee>), as in `build`, unless options.fonds_by_committee is given.
PackRunResult pack(const archive::PackOptions& options, const Shard& shard = {},
                   const std::optional<std::filesystem::path>& rules_profile = std::nullopt);

}  // namespace wenshu::job

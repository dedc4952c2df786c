// `build` as a library call: a whole tree in one run — read and check the records (validate),
// render every document they call for (render_records) and the hand-written 公文 files found
// in the tree (render), ready for `pack`. Packing and verifying join here when the archive
// stage's job/pack.h and job/verify.h exist (not yet wired: see docs/templates.md).
#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "job/render.h"
#include "job/render_records.h"

namespace wenshu::job {

/// What to build.
struct BuildOptions {
  std::vector<std::filesystem::path> inputs;     ///< files and folders
  std::optional<std::filesystem::path> profile;  ///< rule profile over the shipped one
  RenderRecordsOptions render;                   ///< output folder, force, threads …
};

/// The outcome of a build.
struct BuildResult {
  RecordsRunResult records;                       ///< documents made from the records
  std::vector<RenderResult> documents;            ///< hand-written 公文 files rendered
  std::size_t document_files = 0;
  /// 0 nothing wrong, 1 errors in the input, 2 could not run.
  int exit_code(const core::DiagnosticSink& sink) const;
};

/// Runs the build; diagnostics into `sink`. Throws std::runtime_error only on I/O failure.
BuildResult build(const BuildOptions& options, core::DiagnosticSink& sink);

}  // namespace wenshu::job

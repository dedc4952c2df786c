// The steps of one `build` (job/build.h), shared by build.cc (inputs, rendering, the order of
// steps), build_pack.cc (dossiers) and build_commit.cc (the record and the commit). Internal to
// the job stage.
#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "job/build.h"
#include "job/build_record.h"
#include "job/build_reuse.h"
#include "job/output_folder.h"

namespace wenshu::job {

/// The state of one build while it runs.
struct BuildRun {
  const BuildOptions& options;
  core::DiagnosticSink& sink;
  BuildResult& result;
  OutputFolder& folder;
  BuildRecord record;                  ///< being filled in
  std::vector<std::filesystem::path> input_files;  ///< what was digested (checked again at the end)
  std::optional<BuildRecord> previous; ///< the record of the build before, if readable
  PreviousBuild reuse;                 ///< empty when nothing may be reused

  void say(const std::string& line) const {
    if (options.progress) options.progress(line);
  }
  const std::filesystem::path& out() const { return folder.root(); }
  /// A path under the staging folder, spelled as the file will be under OUT (for messages).
  std::filesystem::path final_path(const std::filesystem::path& staged) const;
};

/// Packs and verifies every committee × 年度 whose documents this build has (build_pack.cc).
void pack_units(BuildRun& run);

/// Adds the documents and dossiers to the record, checks the inputs did not change, writes the
/// record and commits (build_commit.cc). Throws std::runtime_error when it must not commit.
void commit_build(BuildRun& run);

/// A BUILD-… finding.
core::Diagnostic build_diagnostic(const std::string& rule, const std::filesystem::path& file, const std::string& message,
                                  core::Severity severity = core::Severity::kError);

}  // namespace wenshu::job

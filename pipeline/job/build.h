// `build` as a library call: a whole tree in one run — read and check the records (validate),
// render every document they call for (render_records) and the hand-written 公文 files found
// in the tree (render), then pack one archive dossier per committee × year (job/pack.h) and
// verify each (job/verify.h).
#pragma once
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/diagnostic.h"
#include "job/render.h"
#include "job/render_records.h"

namespace wenshu::job {

/// What to build.
struct BuildOptions {
  std::vector<std::filesystem::path> inputs;     ///< files and folders
  std::optional<std::filesystem::path> profile;  ///< rule profile over the shipped one
  RenderRecordsOptions render;                   ///< output folder, force, threads …
  bool pack = true;                              ///< pack + verify after rendering (--no-pack: false)
  std::optional<core::Date> filing_date;         ///< 归档日期; none: 31 December of the year packed (as `pack`)
  int year = 0;                                  ///< 年度 to pack; 0: every year rendered
  /// Progress lines ("pack: …", "verify: …") as the job goes; may be empty.
  std::function<void(const std::string&)> progress;
};

/// One committee × year packed (or not) into OUT/dossiers/.
struct BuildDossier {
  std::string committee;
  int year = 0;
  std::string fonds;                              ///< 全宗号 (profile da.fonds.<committee>)
  std::vector<std::filesystem::path> zips;
  int pack_exit = 0;                              ///< job::pack exit code
  int verify_exit = 0;                            ///< job::verify exit code
};

/// The outcome of a build.
struct BuildResult {
  RecordsRunResult records;                       ///< documents made from the records
  std::vector<RenderResult> documents;            ///< hand-written 公文 files rendered
  std::size_t document_files = 0;
  std::vector<BuildDossier> dossiers;             ///< one per committee × year rendered
  bool pack_skipped = false;                      ///< --no-pack (or the records could not be read)
  /// 0 nothing wrong, 1 errors in the input, 2 could not run.
  int exit_code(const core::DiagnosticSink& sink) const;
};

/// Runs the build; diagnostics into `sink`. Throws std::runtime_error only on I/O failure.
BuildResult build(const BuildOptions& options, core::DiagnosticSink& sink);

}  // namespace wenshu::job

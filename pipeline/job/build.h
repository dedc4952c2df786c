// `build` as a library call: a whole tree in one run — read and check the records (validate),
// render every document they call for (render_records) and the hand-written 公文 files found
// in the tree (render), then pack one archive dossier per committee × 年度 from the filings
// render handed over in memory (archive::pack_filings) and verify each (job/verify.h).
//
// A build owns its output folder (docs/batch.md): it locks it (output_folder.h), reuses what
// the build before made when nothing it depends on changed (build_reuse.h), writes everything
// new into a staging area and commits it with the build record (build_record.h) all at once.
// Afterwards the folder holds exactly this build's outputs: what the build before made and
// this one did not is deleted; other files are left alone, named, and never packed.
#pragma once
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/diagnostic.h"
#include "job/exit_code.h"
#include "job/render.h"
#include "job/render_records.h"
#include "job/shard.h"

namespace wenshu::archive {
class Signer;
}

namespace wenshu::job {

/// What to build.
struct BuildOptions {
  std::vector<std::filesystem::path> inputs;     ///< files and folders
  std::optional<std::filesystem::path> profile;  ///< rule profile over the shipped one
  RenderRecordsOptions render;                   ///< output folder, force (drafts), threads …
  /// The --layout file behind render.layout_profile (its digest keys the documents). A layout
  /// profile given without its file cannot be keyed: nothing is then reused.
  std::optional<std::filesystem::path> layout_file;
  bool pack = true;                              ///< pack + verify after rendering (--no-pack: false)
  std::optional<core::Date> filing_date;         ///< 归档日期; none: 31 December of the year packed (as `pack`)
  int year = 0;                                  ///< 年度 to pack; 0: every year rendered
  bool rebuild = false;                          ///< --force: reuse nothing from the build before
  bool wait = false;                             ///< --wait: wait for another build of the folder to end
  Shard shard;                                   ///< --shard I/N: only this part of the units
  bool eep = false;                              ///< --eep: a DA/T 48 EEP per 件 in the dossiers
  const archive::Signer* signer = nullptr;       ///< --sign/--cert: SM2-sign the dossiers (not owned)
  /// Progress lines ("pack: …", "verify: …") as the job goes; may be empty.
  std::function<void(const std::string&)> progress;
};

/// One committee × year packed (or not) into OUT/dossiers/.
struct BuildDossier {
  std::string committee;
  int year = 0;
  std::string fonds;                              ///< 全宗号 (profile da.fonds.<committee>)
  std::vector<std::filesystem::path> zips;
  bool reused = false;                            ///< taken over from the build before
  int pack_exit = 0;                              ///< job::pack exit code
  int verify_exit = 0;                            ///< job::verify exit code
};

/// The outcome of a build; it could not run when the folder or the inputs could not be used.
struct BuildResult : RunStatus {
  RecordsRunResult records;                       ///< documents made from the records
  std::vector<RenderResult> documents;            ///< hand-written 公文 files rendered
  std::size_t document_files = 0;
  std::vector<BuildDossier> dossiers;             ///< one per committee × year rendered
  bool pack_skipped = false;                      ///< --no-pack (or the records could not be read)
  std::string build_id;                           ///< the record's id (empty when nothing was committed)
  std::filesystem::path record;                   ///< OUT/build-record.xml once committed
  /// 0 nothing wrong, 1 errors in the input, 2 could not run.
  int exit_code(const core::DiagnosticSink& sink) const;
};

/// Runs the build; diagnostics into `sink`. Never throws for bad input or I/O failure: those are
/// BUILD-… diagnostics with could_not_run set, and the output folder is then as it was.
BuildResult build(const BuildOptions& options, core::DiagnosticSink& sink);

}  // namespace wenshu::job

// `render` for RECORDS as a library call: every document the records call for (compose
// catalogue) → template → 公文 model → layout → PDF in out/<committee>/<year>/<kind>/, with the
// archive sidecar next to each PDF, and for `build` the plain model::Filing of each (what pack
// takes). Documents whose source records break an error rule are refused (COMPOSE-REFUSED)
// unless forced, then marked as drafts (草稿 watermark).
#pragma once
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/diagnostic.h"
#include "job/exit_code.h"
#include "job/parallel.h"
#include "job/build_record.h"
#include "job/renditions.h"
#include "model/filed_document.h"
#include "model/records.h"

namespace wenshu::layout {
struct LayoutProfile;
}

namespace wenshu::job {

struct RecordsRenderResult;
struct CommitteeRun;

/// Options of a records render.
struct RenderRecordsOptions {
  std::filesystem::path output_dir = "out";
  bool force = false;                      ///< render refused documents as drafts
  bool pdfa = true;                        ///< PDF/A-2 structure
  Renditions as;                           ///< PDF and/or OFD (X.pdf, X.ofd side by side; the sidecar needs the PDF)
  bool layout_dump = false;                ///< also write <pdf>.layout.txt (layout dump, for review/goldens)
  bool keep_xml = false;                   ///< also write <pdf>.gongwen.xml (the template's output)
  std::filesystem::path template_dir;      ///< empty: core::data_path("templates")
  std::vector<std::string> only_kinds;     ///< catalogue kind ids (empty: all)
  std::vector<std::string> committees;     ///< committee ids (empty: all)
  /// The date the records are judged as of (validate --as-of); none: the latest date each
  /// year's records state. Matters due later are pending, not errors, and refuse nothing.
  std::optional<core::Date> as_of;
  unsigned threads = 0;                    ///< 0: the machine's cores
  const layout::LayoutProfile* layout_profile = nullptr;  ///< null: layout::default_profile() (--layout)
  /// What names the layout profile in documents' keys (the digest of the --layout file); ""
  /// for the built-in one.
  std::string layout_profile_id;
  /// Where new files are written (build: its staging folder); empty: output_dir. Results
  /// always name the paths under output_dir, where the files end up.
  std::filesystem::path write_dir;
  /// When set, only documents filed under a committee × 年度 it accepts are rendered (build
  /// --shard); the others are planned, keyed and marked `elsewhere`.
  std::function<bool(const std::string& committee, int year)> in_shard;
  /// When set, offered each document before it is rendered (its key, files and filing filled
  /// in); returning true means it filled in a reused output instead (build's reuse).
  std::function<bool(RecordsRenderResult& result)> reuse;
  Progress progress;  ///< told as documents are done, and as build's dossiers are (job/parallel.h)
  /// What names the program's data (templates, fonts manifest, profiles) in committee keys; ""
  /// keys no committee.
  std::string data_id;
  /// When set (with data_id), offered each committee before it is composed, with the key of
  /// everything its documents depend on; returning true means it filled in every document of
  /// the committee (plan order) and compose's findings about it, from the build before, and
  /// the committee is not composed at all (build's reuse).
  std::function<bool(CommitteeRun& committee, std::vector<RecordsRenderResult>& results)> reuse_committee;
};

/// One committee's documents as a whole.
struct CommitteeRun {
  std::string committee;
  int records_year = 0;                    ///< the year of records it was composed from (committee × year)
  std::string key;                         ///< digest of everything its documents depend on ("" unkeyed)
  bool reused = false;                     ///< not composed: every document taken from the build before
  std::vector<core::Diagnostic> diagnostics;  ///< compose's findings about it (also in the sink)
};

/// What happened to one planned document.
struct RecordsRenderResult {
  std::string document_id;                 ///< committee/year/kind/record-or-period
  std::string kind;                        ///< catalogue kind name (调研报告 …)
  std::string committee;                   ///< committee id
  int year = 0;                            ///< 年度 it is filed under (its date's year)
  int records_year = 0;                    ///< the year of records it was composed from
  std::filesystem::path output;            ///< PDF path, or the OFD's with --as ofd (empty when composing failed or refused)
  bool written = false;                    ///< its PDF exists (rendered now or reused)
  bool refused = false;
  bool draft = false;
  bool reused = false;                     ///< taken over from the build before
  bool elsewhere = false;                  ///< another shard's document (not rendered here)
  int pages = 0;
  std::string key;                         ///< digest of everything its output depends on (build_keys.h)
  /// Its files relative to output_dir with digests: the PDF, the sidecar, then the layout
  /// dump and document XML when asked for. Planned names (no digests) until written.
  std::vector<RecordedFile> files;
  std::vector<core::Diagnostic> diagnostics;  ///< its layout and PDF findings (also in the sink)
  /// When rendered now: what the archive stage packs. Empty for a document taken over with its
  /// whole committee: its sidecar (files[1]) then holds the metadata.
  std::optional<model::Filing> filing;
};

/// Renders the documents of `records` given the validator's `findings` (rules::check_records).
/// Results are in catalogue order per committee, committees in input order, whatever the
/// number of threads. Throws std::runtime_error only on I/O failure.
std::vector<RecordsRenderResult> render_records(const model::Records& records,
                                                const std::vector<core::Diagnostic>& findings,
                                                const RenderRecordsOptions& options, core::DiagnosticSink& sink,
                                                std::vector<CommitteeRun>* committees = nullptr);

/// The outcome of rendering records files; it could not run when the profile is unusable or
/// there is no input.
struct RecordsRunResult : RunStatus {
  std::vector<RecordsRenderResult> documents;
  std::vector<CommitteeRun> committees;    ///< in input order
  std::size_t record_files = 0;
  std::size_t records = 0;
  /// 0 nothing wrong, 1 errors in the input (rule errors, refused or failed documents), 2 could not run.
  int exit_code(const core::DiagnosticSink& sink) const;
};

/// Reads records files and folders (ingest::read_records), checks them (rules::check_records with
/// the shipped profile overridden by `profile`), and renders what they call for. Reader and rule
/// diagnostics go into `sink` as well as the render's.
RecordsRunResult render_records_files(const std::vector<std::filesystem::path>& inputs,
                                      const std::optional<std::filesystem::path>& profile,
                                      const RenderRecordsOptions& options, core::DiagnosticSink& sink);

}  // namespace wenshu::job

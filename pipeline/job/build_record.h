// The build record: what one `build` read and what it wrote, kept as OUT/build-record.xml
// (schemas/build-record.xsd) next to the outputs. It names the inputs and the program's data
// with their digests, the options that change output, the program (version and identity), and
// every output file with its digests, saying for each document and dossier whether this build
// made it or reused it from the build before (and why it could). The next build reads it to
// reuse what did not change; stand-alone `pack` reads it to pack exactly what the build made;
// `verify` and `check` read it to name the build a dossier came from. Deterministic: the same
// build gives the same bytes (no clock, no host name, paths relative to OUT).
#pragma once
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostic.h"

namespace wenshu::job {

/// The file name of the record in the output folder.
inline constexpr const char* kBuildRecordName = "build-record.xml";
/// Where a build puts the PDFs of the 公文 files of its tree, and its dossiers (below OUT).
inline constexpr const char* kDocumentsDir = "documents";
inline constexpr const char* kDossiersDir = "dossiers";

/// One file with its digests. `path` is relative to the output folder with "/" separators
/// (outputs), or as the build was given it (inputs, data files).
struct RecordedFile {
  std::string path;
  std::string sha256;
  std::string sm3;  ///< outputs only
  std::uint64_t size = 0;
};

/// What a build did with one planned output.
enum class OutputState {
  kRendered,  ///< made by this build
  kReused,    ///< taken over from the build before: same key, bytes checked
  kRefused,   ///< not made: its records break an error rule (COMPOSE-REFUSED)
  kFailed,    ///< not made: layout or the writer reported errors
  kElsewhere, ///< belongs to another shard (--shard): planned here, made there
};
const char* state_name(OutputState s);

/// One planned document: a document the records call for, or a 公文 file of the tree.
struct RecordedDocument {
  std::string id;          ///< committee/year/kind/record-or-period, or documents/<file> for a 公文 file
  std::string committee;   ///< committee id ("" for a 公文 file)
  int year = 0;            ///< 年度 it is filed under (0 for a 公文 file)
  int records_year = 0;    ///< the year of records it was composed from (0 for a 公文 file)
  std::string kind;        ///< catalogue kind name (调研报告 …)
  std::string key;         ///< digest of everything the output depends on (build_keys.h); "" when none was made
  OutputState state = OutputState::kRendered;
  bool draft = false;
  int pages = 0;
  std::vector<RecordedFile> files;  ///< [0] the PDF, then its sidecar, layout dump, document XML
  /// Findings of its layout and PDF writing, repeated when it is reused (so a rebuild reports
  /// what a fresh build would).
  std::vector<core::Diagnostic> diagnostics;
};

/// One committee's documents as a whole: what they depended on, and compose's findings.
struct RecordedCommittee {
  std::string id;
  int records_year = 0;                       ///< committee × year: the year of records
  std::string key;                            ///< digest of everything its documents depend on
  std::vector<core::Diagnostic> diagnostics;  ///< compose's findings (refusals …), repeated on reuse
};

/// One committee × year packed (or not).
struct RecordedDossier {
  std::string committee;
  int year = 0;
  std::string fonds;
  std::string key;          ///< digest of everything the dossier depends on
  OutputState state = OutputState::kRendered;
  std::vector<RecordedFile> files;  ///< the ZIPs (one, or one per 保管期限 when split)
  /// SHA-256 of each ZIP's tagmanifest-sm3.txt, in the order of `files` (the fingerprint a
  /// transfer form records, archive-format.md; it identifies the bag whether zipped or not).
  std::vector<std::string> tagmanifests;
  std::vector<core::Diagnostic> diagnostics;  ///< of packing and verifying, repeated on reuse
};

/// A whole record.
struct BuildRecord {
  std::string id;                  ///< build id: digest of inputs, data, options and program
  std::string program_version;     ///< core::version()
  std::string program_identity;    ///< the executable's build id (build_keys.h)
  std::string shard;               ///< "I/N" of --shard, "" for a whole build
  /// Options that change output, as name=value in a fixed order.
  std::vector<std::pair<std::string, std::string>> options;
  std::vector<RecordedFile> inputs;  ///< records and 公文 files, rule and layout profiles
  std::vector<RecordedFile> data;    ///< templates, fonts manifest, profiles and schemas used
  std::vector<RecordedCommittee> committees;
  std::vector<RecordedDocument> documents;
  std::vector<RecordedDossier> dossiers;

  /// Every output file listed (documents' files, then dossiers'), in record order.
  std::vector<const RecordedFile*> outputs() const;
};

/// The record as XML text (deterministic).
std::string build_record_xml(const BuildRecord& record);

/// Reads a record; nullopt (with a BUILD-RECORD diagnostic) when it cannot be read or is not
/// a valid record.
std::optional<BuildRecord> read_build_record(const std::filesystem::path& path, core::DiagnosticSink& sink);

/// The record governing `path`: OUT/build-record.xml of the nearest folder at or above `path`
/// (a file's own folder first) that has one, or whose commit was interrupted (the record
/// appears once the commit is finished, output_folder.h); empty when none.
std::filesystem::path find_build_record(const std::filesystem::path& path);

}  // namespace wenshu::job

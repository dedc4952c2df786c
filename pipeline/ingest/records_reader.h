// Reading records (schemas/records.xsd) from any number of files and folders into
// model::Records, one per year. Each file is loaded securely (xml_loader.h), validated against
// the schema, turned into records with their source locations and freed at once, several files
// at a time. A file holds the records of one year (its `year`), so records are kept by
// committee × year: each year's records are one model::Records, and ids are resolved inside it
// (a reference not found there may name a record of another year read in the same run):
// duplicate ids (XML-DUPLICATE) and references to records that do not exist (XML-REF) are
// errors naming file:line, and the run goes on.
#pragma once
#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "core/diagnostic.h"
#include "ingest/xml_loader.h"
#include "model/records.h"

namespace wenshu::ingest {

/// The namespace of the records format, version 1.
inline constexpr const char* kRecordsNamespace = "urn:wenshu:records:1";

/// How to read.
struct RecordsReadOptions {
  XmlLimits limits;              ///< per-file limits of the loader
  unsigned threads = 0;          ///< files read in parallel; 0 = min(hardware threads, 4)
  bool validate_schema = true;   ///< check every file against schemas/records.xsd
  /// The year of files that state none (validate --year); 0: told from the committees.
  int year = 0;
};

/// What was read (for summaries and benchmarks).
struct RecordsReadStats {
  std::size_t files_read = 0;     ///< records files loaded
  std::size_t files_skipped = 0;  ///< XML files in the folders that are not records files
  std::size_t files_failed = 0;   ///< files that could not be loaded (errors reported)
  std::size_t records = 0;        ///< records kept
  std::size_t records_skipped = 0;  ///< records left out because they broke the schema
};

/// A record left out because it broke the schema, with what could still be read of it: enough
/// to tell which later findings may follow from its absence (validate's cascade control).
struct DroppedRecord {
  std::string kind;                   ///< element name (field-stay …)
  std::string id;
  std::string committee;
  int year = 0;
  core::SourceLocation location;      ///< the record element
  int last_line = 0;                  ///< the record's last line (its schema errors lie in between)
  std::vector<std::string> mentions;  ///< person and record ids it refers to
};

/// A records file that could not be read at all (not well-formed, wrong encoding, too large).
struct UnreadFile {
  std::filesystem::path path;
  std::string committee;  ///< as far as the other files of its folder tell; may be empty
  int year = 0;           ///< likewise; 0 when unknown
};

/// Everything read from a set of files.
struct RecordsRead {
  std::vector<model::Records> years;  ///< one per year (ascending), `year` set, index built
  std::vector<DroppedRecord> dropped;
  std::vector<UnreadFile> unread;
  RecordsReadStats stats;
  /// The records of `year`, or nullptr.
  const model::Records* find_year(int year) const;
};

/// Lists the records files of `inputs`: a file is taken as given; a folder is walked
/// recursively for *.xml files. Sorted by path (byte order), duplicates removed. A missing
/// input is an XML-IO error.
std::vector<std::filesystem::path> list_record_files(const std::vector<std::filesystem::path>& inputs,
                                                     core::DiagnosticSink& sink);

/// Reads every records file of `inputs` (files and folders), one model::Records per year.
/// XML files found in folders whose root is not <records> of kRecordsNamespace are skipped
/// (they may be 公文 files); a file named explicitly must be a records file. Records that
/// break the schema are reported and left out; the rest of their file is kept. A file's year
/// is its `year` attribute, else that of the committee records in it, else options.year, else
/// the one year its committee (or the whole run) has; a file whose year cannot be told is an
/// XML-YEAR error and its records are left out. Every diagnostic carries the committee and
/// year of its file.
RecordsRead read_record_years(const std::vector<std::filesystem::path>& inputs, core::DiagnosticSink& sink,
                              const RecordsReadOptions& options = {});

/// Reads records expected to be of one year: read_record_years() with the years merged into
/// one Records (use read_record_years() for inputs of several years).
model::Records read_records(const std::vector<std::filesystem::path>& inputs, core::DiagnosticSink& sink,
                            const RecordsReadOptions& options = {}, RecordsReadStats* stats = nullptr);

/// Reads one records document held in memory (`name` is used in locations), then resolves its
/// references as if it were the whole set.
model::Records read_records_memory(std::string_view xml, const std::string& name, core::DiagnosticSink& sink,
                                   const RecordsReadOptions& options = {});

/// Checks ids over one year's records: duplicates inside a kind (XML-DUPLICATE), references to
/// persons, committees, meetings, decisions … that do not exist there or in any of `other_years`
/// (XML-REF), records without a committee, members whose terms overlap. References to ids in
/// `tolerated` (records left out for schema errors, already reported) are not reported again.
void resolve_references(const model::Records& records, core::DiagnosticSink& sink,
                        const std::unordered_set<std::string>& tolerated = {},
                        const std::vector<const model::Records*>& other_years = {});

}  // namespace wenshu::ingest

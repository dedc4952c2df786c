// Reading a year of records (schemas/records.xsd) from any number of files and folders into
// model::Records. Each file is loaded securely (xml_loader.h), validated against the schema,
// turned into records with their source locations and freed at once, several files at a time;
// then ids are resolved over the whole set: duplicate ids (XML-DUPLICATE) and references to
// records that do not exist (XML-REF) are errors naming file:line, and the run goes on.
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
};

/// What was read (for summaries and benchmarks).
struct RecordsReadStats {
  std::size_t files_read = 0;     ///< records files loaded
  std::size_t files_skipped = 0;  ///< XML files in the folders that are not records files
  std::size_t files_failed = 0;   ///< files that could not be loaded (errors reported)
  std::size_t records = 0;        ///< records kept
  std::size_t records_skipped = 0;  ///< records left out because they broke the schema
};

/// Lists the records files of `inputs`: a file is taken as given; a folder is walked
/// recursively for *.xml files. Sorted by path (byte order), duplicates removed. A missing
/// input is an XML-IO error.
std::vector<std::filesystem::path> list_record_files(const std::vector<std::filesystem::path>& inputs,
                                                     core::DiagnosticSink& sink);

/// Reads every records file of `inputs` (files and folders) into one Records, index built.
/// XML files found in folders whose root is not <records> of kRecordsNamespace are skipped
/// (they may be 公文 files); a file named explicitly must be a records file. Records that
/// break the schema are reported and left out; the rest of their file is kept.
model::Records read_records(const std::vector<std::filesystem::path>& inputs, core::DiagnosticSink& sink,
                            const RecordsReadOptions& options = {}, RecordsReadStats* stats = nullptr);

/// Reads one records document held in memory (`name` is used in locations), then resolves its
/// references as if it were the whole set.
model::Records read_records_memory(std::string_view xml, const std::string& name, core::DiagnosticSink& sink,
                                   const RecordsReadOptions& options = {});

/// Checks ids over a whole set: duplicates inside a kind (XML-DUPLICATE), references to
/// persons, committees, meetings, decisions … that do not exist (XML-REF), records without a
/// committee. References to ids in `tolerated` (records left out for schema errors, already
/// reported) are not reported again.
void resolve_references(const model::Records& records, core::DiagnosticSink& sink,
                        const std::unordered_set<std::string>& tolerated = {});

}  // namespace wenshu::ingest

// Reading one records file (internal to the records reader): load, validate against the schema,
// extract the records; what each file contributes is then put into its year by
// records_years.cc.
#pragma once
#include <exception>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"
#include "ingest/records_reader.h"
#include "model/records.h"

namespace wenshu::ingest {

/// One file to read.
struct RecordsInput {
  std::filesystem::path path;
  bool explicit_file = false;  ///< named on the command line (must be a records file)
};

/// Everything one file contributes.
struct FileResult {
  enum class Status { kRecords, kNotRecords, kFailed } status = Status::kFailed;
  model::Records records;
  std::string name;                    ///< the file's name, as in locations
  core::DiagnosticSink sink;           ///< at most XmlLimits::max_diagnostics kept (the rest counted)
  std::vector<DroppedRecord> dropped;  ///< records left out for schema errors
  int year = 0;                        ///< its <records year>, else that of its committee records
  std::string committee;               ///< its <records committee>, else its first committee record
  std::exception_ptr error;            ///< an I/O failure or bug, rethrown by the caller
};

/// The files of `inputs` (folders walked for *.xml), sorted by path, duplicates removed.
std::vector<RecordsInput> list_records_inputs(const std::vector<std::filesystem::path>& inputs,
                                              core::DiagnosticSink& sink);
/// Loads, validates and extracts one file into `out` (never throws: errors go into out.error).
void read_records_file(const RecordsInput& in, const RecordsReadOptions& options, FileResult& out);
/// The same for bytes in memory, read as a file named explicitly.
void read_records_bytes(std::string_view xml, const std::string& name, const RecordsReadOptions& options,
                        FileResult& out);

/// Moves one file's diagnostics into `sink`, with a note on how many more the file had than its
/// limit let it keep (a file that is wrong throughout is refused in its first findings).
void merge_file_diagnostics(FileResult& r, const XmlLimits& limits, core::DiagnosticSink& sink);

/// Pushes one diagnostic.
void push_diagnostic(core::DiagnosticSink& sink, const char* rule, core::SourceLocation where, std::string message,
                     std::vector<std::string> hints = {});

}  // namespace wenshu::ingest

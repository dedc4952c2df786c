// `validate` as a library call: records files and 公文 document files → diagnostics of the
// rules (rules.md DY…ZZ for records, GW for documents) plus a summary per committee and per
// regulation. The CLI only parses arguments and prints what this returns.
#pragma once
#include <cstddef>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "model/profile.h"
#include "rules/check.h"

namespace wenshu::job {

/// What to validate.
struct ValidateOptions {
  std::vector<std::filesystem::path> inputs;    ///< files and folders (folders: *.xml, recursively)
  std::optional<std::filesystem::path> profile; ///< user profile over the shipped one
  int year = 0;                                 ///< year under check; 0 = the committees' own year
};

/// Error and warning counts.
struct Counts {
  std::size_t errors = 0, warnings = 0, infos = 0;
};

/// Counts of one committee (or of the inputs that belong to none: key "").
struct CommitteeSummary {
  std::string name;                             ///< short name when known
  Counts total;
  std::map<std::string, Counts> by_regulation;  ///< DY, ZX, …, GW, XML
  std::vector<rules::Statistic> stats;
};

/// The outcome of a validation run.
struct ValidateResult {
  core::DiagnosticSink diagnostics;             ///< sorted by file, line, column, rule
  std::vector<rules::Statistic> stats;
  model::Profile profile;                       ///< in force (empty when it could not be loaded)
  bool could_not_run = false;                   ///< profile or inputs unusable: exit 2
  std::size_t record_files = 0, document_files = 0;
  std::map<std::string, CommitteeSummary> committees;  ///< by committee id
  std::map<std::string, Counts> regulations;    ///< totals by regulation code
  /// 0 no errors, 1 errors in the input, 2 could not run.
  int exit_code() const;
};

/// Lists the XML inputs: files as given, folders walked for *.xml; sorted, duplicates removed.
/// A missing path is an XML-IO error.
std::vector<std::filesystem::path> list_inputs(const std::vector<std::filesystem::path>& inputs,
                                               core::DiagnosticSink& sink);

/// Runs the validation. Never throws for bad input; I/O failures become diagnostics.
ValidateResult validate(const ValidateOptions& options);

/// The regulation code of a rule or stage id: "JD-1b" → "JD", "XML-REF" → "XML".
std::string regulation_of(const std::string& rule);

}  // namespace wenshu::job

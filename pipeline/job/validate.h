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

#include "core/date.h"
#include "core/diagnostic.h"
#include "job/exit_code.h"
#include "model/profile.h"
#include "rules/check.h"

namespace wenshu::job {

/// What to validate.
struct ValidateOptions {
  std::vector<std::filesystem::path> inputs;    ///< files and folders (folders: *.xml, recursively)
  std::optional<std::filesystem::path> profile; ///< user profile over the shipped one
  /// The year under check; 0: every year the records hold. Files that state no year are taken
  /// to be of this year; records of other years are read (references may name them) but not
  /// checked. A year without records is an XML-YEAR error (exit 2).
  int year = 0;
  /// The date the records are judged as of: matters due later are pending, not violations.
  /// None: 31 December of `year` when given, else the latest date each year's records state.
  /// A date before the year under check begins is an XML-YEAR error (exit 2).
  std::optional<core::Date> as_of;
};

/// Error and warning counts.
struct Counts {
  std::size_t errors = 0, warnings = 0, infos = 0;
  std::size_t pending = 0;    ///< notes of matters not yet due (Diagnostic::due)
  std::size_t follow_ons = 0; ///< notes that may follow from another finding (Diagnostic::caused_by)
};

/// Counts of one committee-year (or of the inputs that belong to none: key {"", 0}).
struct CommitteeSummary {
  std::string name;                             ///< short name when known
  Counts total;
  std::map<std::string, Counts> by_regulation;  ///< DY, ZX, …, GW, XML
  std::vector<rules::Statistic> stats;
  std::vector<std::size_t> pending;             ///< its matters not yet due (indexes into diagnostics)
};

/// A committee and the year of its records.
using CommitteeYear = std::pair<std::string, int>;

/// The outcome of a validation run; it could not run when the profile or the inputs are unusable.
struct ValidateResult : RunStatus {
  core::DiagnosticSink diagnostics;             ///< sorted by file, line, column, rule
  std::vector<rules::Statistic> stats;
  model::Profile profile;                       ///< in force (empty when it could not be loaded)
  std::size_t record_files = 0, document_files = 0;
  std::map<CommitteeYear, CommitteeSummary> committees;  ///< by committee id and year
  std::map<int, core::Date> as_of;              ///< the date each year checked was judged as of
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

/// Text of a validate run as a library caller reads it: one line per diagnostic (follow-ons
/// indented under their cause), then the summary per committee and year with the pending
/// matters and the rules not checked. The command line prints through cli/output.h instead.
std::string format_text_report(const ValidateResult& r);

}  // namespace wenshu::job

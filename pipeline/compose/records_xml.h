// The templates' input: the records of ONE committee-year written as one XML document
// (no namespace, root <compose-input>; vocabulary in docs/templates.md). It is built from the
// merged model::Records rather than from the record files, so cross-file references are already
// resolved: every person reference carries the person's name and title next to the id, every
// date comes as ISO (`date`) and as written in 公文 (`date-cn`, GB/T 9704-2012 7.3.5.4), and the
// validator's findings and the annual statistics are included for the annual report.
#pragma once
#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "model/records.h"

namespace wenshu::compose {

/// What to write besides the committee's own records.
struct ComposeInputOptions {
  /// Findings of the validator for this committee (rule id, clause, record, message); they go
  /// into <findings> for the annual report (rules.md ids and clauses cited as given).
  std::vector<core::Diagnostic> findings;
  /// For the city-wide report: also write a <committee-summary> per other committee.
  bool city_wide = false;
};

/// The input document and what was found while writing it.
struct ComposeInput {
  std::string xml;  ///< UTF-8 bytes
  /// Record id → person ids it references that no member record names (the document made from
  /// that record cannot be rendered faithfully: COMPOSE-REF).
  std::map<std::string, std::set<std::string>> missing_people;
};

/// Writes the compose input of `committee` (an id of records.committees) for `records`.
ComposeInput build_compose_input(const model::Records& records, const std::string& committee,
                                 const ComposeInputOptions& options = {});

}  // namespace wenshu::compose

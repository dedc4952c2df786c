// Cascade control for validate: one mistake, one error. A record left out for a schema error,
// a file that could not be read, a reference that does not resolve or a parent committee not
// given makes later rules fire on what is missing. Those findings are linked to their cause:
// each becomes a note saying "可能因 … 所致" (Diagnostic::caused_by) and is listed right after
// the cause, which stays the one error to fix.
#pragma once
#include <vector>

#include "core/diagnostic.h"
#include "ingest/records_reader.h"

namespace wenshu::job {

/// Links the follow-on findings of `diagnostics` (sorted) to their causes among them, using what
/// the reader kept of the records left out and the files not read; reorders so that each cause
/// is followed by its follow-ons.
void link_follow_ons(const ingest::RecordsRead& read, core::DiagnosticSink& diagnostics);

}  // namespace wenshu::job

// Process-wide PoDoFo settings shared by the writer and the inspector. Internal to pdf/.
#pragma once

namespace wenshu::pdf {

/// Turns off PoDoFo's own logging to stderr/stdout (once per process, thread-safe): diagnostics
/// are ours to report, and a hostile PDF must not flood the terminal.
void podofo_quiet();

}  // namespace wenshu::pdf

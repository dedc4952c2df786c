// The exit codes of a run, one rule for every job (and so for every command: cli/command.h
// takes its constants from here). A run that could not happen is 2 whatever it found; a run
// that found errors in its input (or left an output it was asked for unwritten) is 1.
#pragma once
#include <string>
#include <utility>

namespace wenshu::job {

enum ExitCode : int {
  kExitOk = 0,         ///< ran; no errors found (warnings allowed)
  kExitFindings = 1,   ///< ran; errors found in the input (rule errors, failed checks)
  kExitCannotRun = 2,  ///< could not run: bad usage, missing or unreadable input, I/O failure
};

/// The exit code of a run from what it knows: whether it could run, and whether it found errors.
constexpr int exit_code_of(bool could_not_run, bool found_errors) {
  return could_not_run ? kExitCannotRun : found_errors ? kExitFindings : kExitOk;
}

/// Whether a run could happen, said the same way in every job's result (each derives from it).
/// When the cause is a finding in the run's diagnostics (an unusable profile, a missing input),
/// `reason` stays empty; otherwise (an I/O failure) it holds the message the CLI prints.
struct RunStatus {
  bool could_not_run = false;
  std::string reason;
  void cannot_run(std::string why) {
    could_not_run = true;
    reason = std::move(why);
  }
};

}  // namespace wenshu::job

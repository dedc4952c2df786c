// The CLI is argv and printing only: each subcommand lives in its own cmd_<name>.cc, registers
// itself here, and calls one job:: function that does the work (testable without a process).
#pragma once
#include <functional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "job/exit_code.h"

namespace wenshu::cli {

/// Exit codes, the same for every command (documented in README.md and `wenshu --help`): the
/// jobs' own (job/exit_code.h), so a command returns what its job says.
using job::kExitCannotRun;
using job::kExitFindings;
using job::kExitOk;

/// A subcommand: `setup` adds it to the app and wires its callback, which stores the exit code.
struct Command {
  std::string name;
  int order;  ///< position in `wenshu --help`
  std::function<void(CLI::App& app, int& exit_code)> setup;
};

/// All commands registered so far.
std::vector<Command>& commands();

/// Registers a command at static-initialisation time:
///   static const CommandRegistrar reg{"validate", 10, [](CLI::App& app, int& rc) { … }};
struct CommandRegistrar {
  CommandRegistrar(std::string name, int order, std::function<void(CLI::App&, int&)> setup);
};

}  // namespace wenshu::cli

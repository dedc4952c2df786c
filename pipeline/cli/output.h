// One way every command prints (docs/json.md, README "Command-line contract"):
// - diagnostics go to stderr: errors, warnings and notes (few: who signed a dossier …); info findings are counted in the summary and
//   shown with `--show info` or `-v`; at most kFindingsPerFile per input file and kFindingsShown
//   in all, the rest counted by rule (`--show all` lists everything);
// - results (what was written, summaries) go to stdout; `-q` keeps only the last summary line;
// - `--format json` prints one JSON document on stdout instead ({"schema": "wenshu/1", …}) with
//   every diagnostic of every severity, and nothing else (progress included);
// - on a terminal, long commands keep one progress line on stderr (not with -q or JSON).
#pragma once
#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "core/diagnostic.h"
#include "job/parallel.h"

namespace wenshu::cli {

/// The output options every command takes.
struct OutputArgs {
  std::string format = "text";     ///< --format text|json
  bool quiet = false;              ///< -q: only the summary line
  bool verbose = false;            ///< -v: info findings and the per-document lines
  std::string show;                ///< --show info|all
  std::string lang = "both";       ///< --lang zh|en|both
};

/// Adds --format, -q, -v, --show and --lang to `cmd`.
void add_output_options(CLI::App* cmd, OutputArgs& args);

/// Findings printed per input file and in all before the rest is only counted (text, without
/// --show all).
inline constexpr std::size_t kFindingsPerFile = 10;
inline constexpr std::size_t kFindingsShown = 40;

/// Text valid as UTF-8 for JSON: bytes that are not part of a UTF-8 sequence (a file name in
/// another encoding) become the six characters \xHH.
std::string json_text(std::string_view s);
/// One diagnostic as a JSON object (docs/json.md "diagnostic").
nlohmann::json diagnostic_json(const core::Diagnostic& d);

/// The printer of one command run.
class Printer {
 public:
  Printer(std::string command, const OutputArgs& args);
  ~Printer();

  bool json() const { return json_; }
  bool quiet() const { return quiet_; }
  /// -v or --show info/all: per-document lines and info findings are printed.
  bool verbose() const { return verbose_; }
  core::Lang lang() const { return lang_; }
  /// "中文 / English", or one of them with --lang.
  std::string tr(std::string_view zh, std::string_view en) const;

  /// "；" (or "; " in English) between the parts of a summary line.
  std::string separator() const;
  /// "3 个错误，1 个警告 / 3 error(s), 1 warning(s)" in the chosen language.
  std::string counts_text(std::size_t errors, std::size_t warnings) const;

  /// Prints (text) or keeps (JSON) the findings of `sink`; call once per sink, in order.
  void diagnostics(const core::DiagnosticSink& sink);
  /// A line of the result, printed on stdout with -v only (one per document written …).
  void detail(const std::string& line);
  /// A line of the result, printed on stdout unless -q.
  void result(const std::string& line);
  /// A step as it happens ("pack: …", "verify: …"): a line on stderr with -v; otherwise the
  /// progress line on a terminal shows it until the next one.
  void status(const std::string& line);
  /// Something the user must know while the command runs (it waits for another build …): a line
  /// on stderr unless -q or JSON.
  void notice(const std::string& line);
  /// The command could not run: the reason on stderr (text) or in "fatal" (JSON).
  void fatal(const std::string& why);
  /// Ends a run that could not happen: `why` (when no diagnostic already says it) as fatal(),
  /// then the summary "<command>: 无法运行 / could not run"; returns 2 (job/exit_code.h).
  int could_not_run(const std::string& why = {});
  /// The command's result for JSON ("result": {…}).
  nlohmann::json& data() { return data_; }

  /// One updating line on stderr when it is a terminal (text, not -q): done/total, rate, time left.
  void progress(std::size_t done, std::size_t total, std::string_view what);
  /// progress() as the jobs' callback (job/parallel.h); the printer must outlive the job.
  job::Progress progress_callback();

  /// Ends the run: the summary line (text: stdout, always; it carries the counts of the findings
  /// and a note of what was not shown) or the JSON document; returns `exit_code`.
  int finish(int exit_code, const std::string& summary);

 private:
  void print_text(const core::Diagnostic& d);
  void end_progress();

  std::string command_;
  bool json_ = false, quiet_ = false, verbose_ = false, show_all_ = false, tty_ = false;
  core::Lang lang_ = core::Lang::kBoth;
  std::size_t counts_[4] = {0, 0, 0, 0};
  std::size_t dropped_ = 0, shown_ = 0, hidden_ = 0;
  std::vector<std::pair<std::string, std::size_t>> hidden_by_rule_;
  std::vector<std::string> hints_seen_;
  nlohmann::json diagnostics_ = nlohmann::json::array();
  nlohmann::json data_ = nlohmann::json::object();
  std::string fatal_;
  bool progress_shown_ = false;
  std::string progress_what_;  ///< what the progress line counts; the rate restarts when it changes
  std::chrono::steady_clock::time_point start_, last_progress_;
};

}  // namespace wenshu::cli

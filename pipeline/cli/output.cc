#include "cli/output.h"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <map>

#include <fmt/format.h>

#include "job/exit_code.h"

namespace wenshu::cli {

namespace {

core::Lang parse_lang(const std::string& s) {
  return s == "zh" ? core::Lang::kZh : s == "en" ? core::Lang::kEn : core::Lang::kBoth;
}

/// Length of the UTF-8 sequence starting at s[i], or 0 when the bytes there are not one.
std::size_t utf8_sequence(std::string_view s, std::size_t i) {
  const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = b(i);
  std::size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
  if (n == 0 || i + n > s.size()) return 0;
  for (std::size_t k = 1; k < n; ++k)
    if ((b(i + k) & 0xC0) != 0x80) return 0;
  const std::uint32_t cp = n == 1 ? c
                           : n == 2 ? ((c & 0x1Fu) << 6) | (b(i + 1) & 0x3Fu)
                           : n == 3 ? ((c & 0x0Fu) << 12) | ((b(i + 1) & 0x3Fu) << 6) | (b(i + 2) & 0x3Fu)
                                    : ((c & 0x07u) << 18) | ((b(i + 1) & 0x3Fu) << 12) | ((b(i + 2) & 0x3Fu) << 6) |
                                          (b(i + 3) & 0x3Fu);
  const bool overlong = (n == 2 && cp < 0x80) || (n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000);
  if (overlong || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return n;
}

std::string clock_text(double seconds) {
  const long s = static_cast<long>(seconds + 0.5);
  return s >= 3600 ? fmt::format("{}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60) : fmt::format("{}:{:02}", s / 60, s % 60);
}

}  // namespace

void add_output_options(CLI::App* cmd, OutputArgs& args) {
  cmd->add_option("--format", args.format,
                  "输出格式 text（默认）或 json（标准输出上一个 JSON 文档，docs/json.md）/ output format")
      ->check(CLI::IsMember({"text", "json"}));
  cmd->add_flag("-q,--quiet", args.quiet, "只打印汇总行 / print only the summary line");
  cmd->add_flag("-v,--verbose", args.verbose, "也打印提示（info）和每份文书一行 / also info findings and one line per document");
  cmd->add_option("--show", args.show,
                  "info：也打印提示；all：打印全部问题，不截断 / info: also info findings; all: every finding, none held back")
      ->check(CLI::IsMember({"info", "all"}));
  cmd->add_option("--lang", args.lang, "诊断语言 zh、en 或 both（默认）/ language of the messages")
      ->check(CLI::IsMember({"zh", "en", "both"}));
}

std::string json_text(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    if (const std::size_t n = utf8_sequence(s, i)) {
      out.append(s.substr(i, n));
      i += n;
    } else {
      out += fmt::format("\\x{:02X}", static_cast<unsigned char>(s[i]));
      ++i;
    }
  }
  return out;
}

nlohmann::json diagnostic_json(const core::Diagnostic& d) {
  using nlohmann::json;
  json j = {{"severity", core::severity_name(d.severity)},
            {"rule", json_text(d.rule)},
            {"clause", json_text(d.clause)},
            {"file", json_text(d.location.file)},
            {"line", d.location.line},
            {"column", d.location.column},
            {"record", json_text(d.record_id)},
            {"committee", json_text(d.committee)},
            {"message", json_text(core::message_zh(d))},
            {"message_en", json_text(core::message_en(d))}};
  json hints = json::array();
  for (const auto& h : d.hints) hints.push_back(json_text(h));
  j["hints"] = std::move(hints);
  if (d.has_range) {
    j["range"] = {d.range.begin, d.range.end};
    j["fix"] = json_text(d.fix);
  }
  if (!d.template_location.file.empty())
    j["template"] = {{"file", json_text(d.template_location.file)},
                     {"line", d.template_location.line},
                     {"column", d.template_location.column}};
  return j;
}

Printer::Printer(std::string command, const OutputArgs& args)
    : command_(std::move(command)),
      json_(args.format == "json"),
      quiet_(args.quiet),
      verbose_(args.verbose || !args.show.empty()),
      show_all_(args.show == "all"),
      tty_(isatty(STDERR_FILENO) == 1),
      lang_(parse_lang(args.lang)),
      start_(std::chrono::steady_clock::now()) {}

Printer::~Printer() { end_progress(); }

std::string Printer::separator() const { return lang_ == core::Lang::kEn ? "; " : "；"; }

std::string Printer::counts_text(std::size_t errors, std::size_t warnings) const {
  return tr(fmt::format("{} 个错误，{} 个警告", errors, warnings), fmt::format("{} error(s), {} warning(s)", errors, warnings));
}

std::string Printer::tr(std::string_view zh, std::string_view en) const {
  switch (lang_) {
    case core::Lang::kZh: return std::string(zh);
    case core::Lang::kEn: return std::string(en);
    case core::Lang::kBoth: break;
  }
  return fmt::format("{} / {}", zh, en);
}

void Printer::print_text(const core::Diagnostic& d) {
  core::Diagnostic shown = d;
  // The same advice under many findings is printed once; the character-level fix only with -v.
  std::erase_if(shown.hints, [&](const std::string& h) {
    const bool seen = std::find(hints_seen_.begin(), hints_seen_.end(), h) != hints_seen_.end();
    if (!seen) hints_seen_.push_back(h);
    return seen && !show_all_;
  });
  if (!verbose_) shown.fix.clear();
  const std::string text = core::format_text(shown, {.lang = lang_});
  std::fprintf(stderr, "%s\n", text.c_str());
}

void Printer::diagnostics(const core::DiagnosticSink& sink) {
  end_progress();
  for (int s = 0; s < 4; ++s) counts_[s] += sink.count(static_cast<core::Severity>(s));
  dropped_ += sink.dropped();
  if (json_) {
    for (const auto& d : sink.items()) diagnostics_.push_back(diagnostic_json(d));
    return;
  }
  if (quiet_) return;
  std::map<std::string, std::size_t> per_file;
  for (const auto& d : sink.items()) {
    if (d.severity == core::Severity::kInfo && !verbose_) continue;
    const std::size_t in_file = ++per_file[d.location.file];
    if (!show_all_ && (in_file > kFindingsPerFile || shown_ >= kFindingsShown)) {
      ++hidden_;
      auto it = std::find_if(hidden_by_rule_.begin(), hidden_by_rule_.end(), [&](const auto& p) { return p.first == d.rule; });
      if (it == hidden_by_rule_.end()) hidden_by_rule_.emplace_back(d.rule, 1);
      else ++it->second;
      continue;
    }
    ++shown_;
    print_text(d);
  }
  std::fflush(stderr);
}

void Printer::detail(const std::string& line) {
  if (json_ || quiet_ || !verbose_) return;
  end_progress();
  std::printf("%s\n", line.c_str());
}

void Printer::result(const std::string& line) {
  if (json_ || quiet_) return;
  end_progress();
  std::printf("%s\n", line.c_str());
}

void Printer::status(const std::string& line) {
  if (json_ || quiet_) return;
  if (verbose_) {
    end_progress();
    std::fprintf(stderr, "%s\n", line.c_str());
  } else if (tty_) {
    std::fprintf(stderr, "\r%s\033[K", line.c_str());
    std::fflush(stderr);
    progress_shown_ = true;
  }
}

void Printer::notice(const std::string& line) {
  if (json_ || quiet_) return;
  end_progress();
  std::fprintf(stderr, "%s\n", line.c_str());
}

void Printer::fatal(const std::string& why) {
  fatal_ = why;
  if (json_) return;
  end_progress();
  std::fprintf(stderr, "wenshu %s: %s\n", command_.c_str(), why.c_str());
}

int Printer::could_not_run(const std::string& why) {
  if (!why.empty()) fatal(why);
  return finish(job::kExitCannotRun, tr(command_ + ": 无法运行", command_ + ": could not run"));
}

void Printer::progress(std::size_t done, std::size_t total, std::string_view what) {
  if (json_ || quiet_ || !tty_) return;
  const auto now = std::chrono::steady_clock::now();
  if (what != progress_what_) {
    progress_what_ = what;
    start_ = now;
  }
  if (progress_shown_ && done < total && now - last_progress_ < std::chrono::milliseconds(100)) return;
  last_progress_ = now;
  const double elapsed = std::chrono::duration<double>(now - start_).count();
  const double rate = elapsed > 0 ? static_cast<double>(done) / elapsed : 0;
  std::string line = fmt::format("{} {}/{}", what, done, total);
  if (rate > 0) line += fmt::format("  {:.1f}/s", rate);
  if (rate > 0 && total > done) line += fmt::format("  {} {}", tr("剩余", "left"), clock_text((total - done) / rate));
  std::fprintf(stderr, "\r%s\033[K", line.c_str());
  std::fflush(stderr);
  progress_shown_ = true;
}

job::Progress Printer::progress_callback() {
  if (json_ || quiet_ || !tty_) return {};
  return [this](std::string_view what, std::size_t done, std::size_t total) { progress(done, total, what); };
}

void Printer::end_progress() {
  if (!progress_shown_) return;
  std::fprintf(stderr, "\r\033[K");
  std::fflush(stderr);
  progress_shown_ = false;
}

int Printer::finish(int exit_code, const std::string& summary) {
  end_progress();
  if (json_) {
    nlohmann::json doc = {{"schema", "wenshu/1"},
                          {"command", command_},
                          {"exit_code", exit_code},
                          {"counts",
                           {{"errors", counts_[0]}, {"warnings", counts_[1]}, {"info", counts_[2]}, {"notes", counts_[3]},
                            {"dropped", dropped_}}},
                          {"diagnostics", std::move(diagnostics_)},
                          {"result", std::move(data_)}};
    if (!fatal_.empty()) doc["fatal"] = json_text(fatal_);
    const std::string out = doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
    std::fwrite(out.data(), 1, out.size(), stdout);
    return exit_code;
  }
  if (summary.empty() && hidden_ == 0) return exit_code;  // a listing command (rules, layout-dump)
  std::string tail;
  if (hidden_ > 0) {
    auto by_count = hidden_by_rule_;
    std::stable_sort(by_count.begin(), by_count.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    std::string rules;
    for (std::size_t i = 0; i < by_count.size() && i < 4; ++i)
      rules += fmt::format("{}{} {}", i ? ", " : "", by_count[i].first, by_count[i].second);
    if (by_count.size() > 4) rules += ", …";
    tail += fmt::format("{}{}", separator(), tr(fmt::format("另有 {} 条问题未列出（{}；--show all 全部列出）", hidden_, rules),
                                  fmt::format("{} more not listed ({}; --show all lists them)", hidden_, rules)));
  }
  const std::size_t minor = counts_[2];
  if (minor > 0 && (!verbose_ || quiet_) && !summary.empty())
    tail += fmt::format("{}{}", separator(), tr(fmt::format("{} 条提示（--show info 查看）", minor), fmt::format("{} info (--show info)", minor)));
  std::printf("%s%s\n", summary.c_str(), tail.c_str());
  std::fflush(stdout);
  return exit_code;
}

}  // namespace wenshu::cli

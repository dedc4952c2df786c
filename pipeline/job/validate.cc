// The validate run: list inputs, split records files from 公文 files by their root namespace,
// read, check, summarise.
#include "job/validate.h"

#include <algorithm>
#include <fstream>
#include <set>
#include <system_error>

#include <fmt/format.h>

#include "core/file_io.h"
#include "ingest/document_reader.h"
#include "ingest/profile_reader.h"
#include "ingest/records_reader.h"
#include "ingest/xml_sniff.h"
#include "rules/catalogue.h"
#include "rules/gw.h"

namespace wenshu::job {
namespace {

namespace fs = std::filesystem;

void io_error(core::DiagnosticSink& sink, const fs::path& p, std::string message) {
  core::Diagnostic d;
  d.rule = "XML-IO";
  d.location.file = p.string();
  d.message = std::move(message);
  sink.push(std::move(d));
}

/// The first bytes of a file (enough to see its root element); "" when it is not a readable
/// regular file (the records reader then says why).
std::string head_of(const fs::path& p) {
  try {
    return core::read_head(p, ingest::kSniffBytes);
  } catch (const std::exception&) {
    return {};
  }
}

void add(Counts& c, core::Severity s) {
  if (s == core::Severity::kError) ++c.errors;
  else if (s == core::Severity::kWarning) ++c.warnings;
  else ++c.infos;
}

void summarise(ValidateResult& r, const model::Records& records) {
  for (const auto& c : records.committees) {
    auto& s = r.committees[c.id];
    s.name = c.short_name.empty() ? c.name : c.short_name;
  }
  for (const auto& d : r.diagnostics.items()) {
    auto& s = r.committees[d.committee];
    add(s.total, d.severity);
    add(s.by_regulation[regulation_of(d.rule)], d.severity);
    add(r.regulations[regulation_of(d.rule)], d.severity);
  }
  for (const auto& st : r.stats) r.committees[st.committee].stats.push_back(st);
}

std::string counts_json(const Counts& c) {
  return fmt::format("{{\"errors\": {}, \"warnings\": {}, \"infos\": {}}}", c.errors, c.warnings, c.infos);
}

}  // namespace

int ValidateResult::exit_code() const {
  if (could_not_run) return 2;
  return diagnostics.has_errors() ? 1 : 0;
}

std::string regulation_of(const std::string& rule) {
  const auto dash = rule.find('-');
  return dash == std::string::npos ? rule : rule.substr(0, dash);
}

std::vector<fs::path> list_inputs(const std::vector<fs::path>& inputs, core::DiagnosticSink& sink) {
  std::vector<fs::path> out;
  for (const auto& in : inputs) {
    std::error_code ec;
    if (const std::string problem = core::input_path_problem(in); !problem.empty()) {
      io_error(sink, in, problem);  // missing, a FIFO or device, an empty folder: usage error
    } else if (fs::is_directory(in, ec)) {
      fs::recursive_directory_iterator it(in, fs::directory_options::skip_permission_denied, ec), end;
      if (ec) {
        io_error(sink, in, "无法读取文件夹 / cannot read folder: " + ec.message());
        continue;
      }
      for (; it != end; it.increment(ec)) {
        if (ec) {
          io_error(sink, in, "无法遍历文件夹 / cannot walk folder: " + ec.message());
          break;
        }
        if (it->is_regular_file(ec) && it->path().extension() == ".xml") out.push_back(it->path());
      }
    } else {
      out.push_back(in);
    }
  }
  // Byte order of the path strings: the same order on every machine and locale.
  std::sort(out.begin(), out.end(), [](const fs::path& a, const fs::path& b) { return a.string() < b.string(); });
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

ValidateResult validate(const ValidateOptions& options) {
  ValidateResult r;
  auto profile = ingest::load_profile(options.profile, r.diagnostics);
  if (!profile) {
    r.could_not_run = true;
    r.diagnostics.sort();
    return r;
  }
  r.profile = std::move(*profile);

  const std::size_t before = r.diagnostics.count(core::Severity::kError);
  const auto files = list_inputs(options.inputs, r.diagnostics);
  if (r.diagnostics.count(core::Severity::kError) > before || files.empty()) {
    if (files.empty() && r.diagnostics.count(core::Severity::kError) == before) {
      core::Diagnostic d;
      d.rule = "XML-IO";
      d.message = "没有可检查的 XML 文件 / no XML input files";
      r.diagnostics.push(std::move(d));
    }
    r.could_not_run = true;
    r.diagnostics.sort();
    return r;
  }

  // Dispatch by the root element's namespace: 公文 files to the document reader + GW checks,
  // everything else to the records reader (which reports a file that is neither).
  std::vector<fs::path> record_files, document_files;
  for (const auto& f : files) (ingest::is_document_xml(head_of(f)) ? document_files : record_files).push_back(f);
  r.record_files = record_files.size();
  r.document_files = document_files.size();

  model::Records records;
  if (!record_files.empty()) {
    records = ingest::read_records(record_files, r.diagnostics);
    if (options.year != 0) {
      records.year = options.year;
      for (auto& c : records.committees) c.year = options.year;  // --year overrides the files
    }
    rules::check_records(records, r.profile, r.diagnostics, r.stats);
  }
  for (const auto& f : document_files) {
    core::DiagnosticSink doc_sink;
    if (auto doc = ingest::read_document(f, doc_sink)) rules::check_document(*doc, doc_sink);
    r.diagnostics.merge(std::move(doc_sink));
  }
  r.diagnostics.sort();
  summarise(r, records);
  return r;
}

std::string format_text_report(const ValidateResult& r) {
  std::string out;
  for (const auto& d : r.diagnostics.items()) out += core::format_text(d) + "\n";
  if (r.diagnostics.dropped() > 0)
    out += fmt::format("（另有 {} 条诊断未列出 / {} more diagnostics not kept）\n", r.diagnostics.dropped(),
                       r.diagnostics.dropped());
  if (r.could_not_run) {
    out += "validate: 无法运行 / could not run\n";
    return out;
  }
  out += fmt::format("\n== 汇总 / summary ==  规则配置 / profile: {}\n", r.profile.name);
  for (const auto& [id, s] : r.committees) {
    out += fmt::format("{} {}: {} 错误 / errors, {} 警告 / warnings\n", id.empty() ? "（其他 / other）" : id, s.name,
                       s.total.errors, s.total.warnings);
    for (const auto& [reg, c] : s.by_regulation)
      if (c.errors + c.warnings > 0) out += fmt::format("  {:<4} {} 错误, {} 警告\n", reg, c.errors, c.warnings);
    for (const auto& st : s.stats)
      out += fmt::format("  [{}] {}: {}\n", st.rule, st.label, rules::format_statistic(st));
  }
  out += "按制度 / by regulation:\n";
  for (const auto& [reg, c] : r.regulations) {
    std::string name = reg;
    for (const auto& rule : rules::catalogue())
      if (rules::regulation_code(rule.regulation) == reg) {
        name = fmt::format("{} {}", reg, rules::regulation_name(rule.regulation));
        break;
      }
    out += fmt::format("  {}: {} 错误, {} 警告\n", name, c.errors, c.warnings);
  }
  out += fmt::format("合计 / total: {} 错误 / errors, {} 警告 / warnings; {} 个记录文件, {} 个公文文件\n",
                     r.diagnostics.count(core::Severity::kError), r.diagnostics.count(core::Severity::kWarning),
                     r.record_files, r.document_files);
  return out;
}

std::string format_json_report(const ValidateResult& r) {
  std::string out = "{\n  \"diagnostics\": [";
  bool first = true;
  for (const auto& d : r.diagnostics.items()) {
    out += first ? "\n    " : ",\n    ";
    out += core::format_json(d);
    first = false;
  }
  out += first ? "],\n" : "\n  ],\n";
  out += "  \"summary\": {\n";
  out += fmt::format("    \"could_not_run\": {},\n", r.could_not_run ? "true" : "false");
  out += fmt::format("    \"exit_code\": {},\n", r.exit_code());
  out += fmt::format("    \"profile\": {},\n", core::json_quote(r.profile.name));
  out += fmt::format("    \"record_files\": {},\n    \"document_files\": {},\n", r.record_files, r.document_files);
  out += fmt::format("    \"errors\": {},\n    \"warnings\": {},\n    \"dropped\": {},\n",
                     r.diagnostics.count(core::Severity::kError), r.diagnostics.count(core::Severity::kWarning),
                     r.diagnostics.dropped());
  out += "    \"committees\": [";
  first = true;
  for (const auto& [id, s] : r.committees) {
    out += first ? "\n      " : ",\n      ";
    first = false;
    out += fmt::format("{{\"id\": {}, \"name\": {}, \"counts\": {}, \"by_regulation\": {{", core::json_quote(id),
                       core::json_quote(s.name), counts_json(s.total));
    bool f2 = true;
    for (const auto& [reg, c] : s.by_regulation) {
      out += fmt::format("{}{}: {}", f2 ? "" : ", ", core::json_quote(reg), counts_json(c));
      f2 = false;
    }
    out += "}, \"statistics\": [";
    f2 = true;
    for (const auto& st : s.stats) {
      out += fmt::format("{}{{\"rule\": {}, \"label\": {}, \"count\": {}, \"total\": {}, \"text\": {}}}",
                         f2 ? "" : ", ", core::json_quote(st.rule), core::json_quote(st.label), st.count,
                         st.total < 0 ? std::string("null") : std::to_string(st.total),
                         core::json_quote(rules::format_statistic(st)));
      f2 = false;
    }
    out += "]}";
  }
  out += first ? "],\n" : "\n    ],\n";
  out += "    \"regulations\": {";
  first = true;
  for (const auto& [reg, c] : r.regulations) {
    out += fmt::format("{}{}: {}", first ? "" : ", ", core::json_quote(reg), counts_json(c));
    first = false;
  }
  out += "}\n  }\n}\n";
  return out;
}

}  // namespace wenshu::job

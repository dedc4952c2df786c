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

}  // namespace wenshu::job

// The validate run: list inputs, split records files from 公文 files by their root namespace,
// read the records by year, check each year as of its date, link follow-on findings to their
// causes, summarise per committee and year (the output is formatted in validate_report.cc).
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
#include "job/validate_cascade.h"
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

void add(Counts& c, const core::Diagnostic& d) {
  if (!d.due.empty()) ++c.pending;
  else if (!d.caused_by.empty()) ++c.follow_ons;
  else if (d.severity == core::Severity::kError) ++c.errors;
  else if (d.severity == core::Severity::kWarning) ++c.warnings;
  else if (d.severity == core::Severity::kInfo) ++c.infos;
}

void summarise(ValidateResult& r, const ingest::RecordsRead& read) {
  for (const auto& year : read.years)
    for (const auto& c : year.committees) {
      if (!r.as_of.count(year.year)) continue;  // a year read but not checked
      r.committees[{c.id, year.year}].name = c.short_name.empty() ? c.name : c.short_name;
    }
  const auto& items = r.diagnostics.items();
  for (std::size_t i = 0; i < items.size(); ++i) {
    const auto& d = items[i];
    auto& s = r.committees[{d.committee, d.year}];
    add(s.total, d);
    add(s.by_regulation[regulation_of(d.rule)], d);
    add(r.regulations[regulation_of(d.rule)], d);
    if (!d.due.empty()) s.pending.push_back(i);
  }
  for (const auto& st : r.stats) r.committees[{st.committee, st.year}].stats.push_back(st);
}

void year_error(ValidateResult& r, const ValidateOptions& options, std::string message, std::string hint) {
  core::Diagnostic d;
  d.rule = "XML-YEAR";
  if (!options.inputs.empty()) d.location.file = options.inputs.front().string();
  d.message = std::move(message);
  d.hints.push_back(std::move(hint));
  r.diagnostics.push(std::move(d));
  r.could_not_run = true;
}

std::string years_text(const ingest::RecordsRead& read) {
  std::string out;
  for (const auto& y : read.years) out += (out.empty() ? "" : "、") + std::to_string(y.year);
  return out.empty() ? "（无）" : out;
}

/// Checks every year of `read` (or only options.year), each as of its own date.
void check_years(const ValidateOptions& options, const ingest::RecordsRead& read, ValidateResult& r) {
  if (options.year != 0 && read.find_year(options.year) == nullptr && !read.years.empty()) {
    year_error(r, options,
               fmt::format("没有 {} 年的记录：读入的记录属于 {} 年 / no records of the year asked for", options.year,
                           years_text(read)),
               "检查 --year 是否写错，或是否漏给了该年度的文件或文件夹");
    return;
  }
  for (const auto& year : read.years) {
    if (options.year != 0 && year.year != options.year) continue;
    rules::CheckOptions co;
    co.as_of = options.as_of;
    if (!co.as_of && options.year != 0) co.as_of = core::Date{options.year, 12, 31};
    const core::Date as_of = rules::as_of_date(year, co);
    if (year.year != 0 && as_of < core::Date{year.year, 1, 1}) {
      year_error(r, options,
                 fmt::format("判定日期 {} 早于 {} 年的开始，该年度的记录未检查 / --as-of is before the year begins",
                             core::format_date(as_of), year.year),
                 "--as-of 应不早于所检查年度的1月1日（默认：有 --year 时为该年12月31日，否则为记录中最晚的日期）");
      continue;
    }
    r.as_of[year.year] = as_of;
    co.as_of = as_of;
    rules::check_records(year, r.profile, co, r.diagnostics, r.stats);
  }
}

/// Leaves out what the reader found in years not under check (--year): a year alone gives the
/// same findings as that year among others.
void keep_year(core::DiagnosticSink& sink, int year) {
  if (year == 0) return;
  std::vector<core::Diagnostic> kept;
  for (const auto& d : sink.items())
    if (d.year == 0 || d.year == year) kept.push_back(d);
  sink.replace(std::move(kept));
}

}  // namespace

int ValidateResult::exit_code() const {
  return exit_code_of(could_not_run, diagnostics.has_errors());
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

  ingest::RecordsRead read;
  if (!record_files.empty()) {
    ingest::RecordsReadOptions ro;
    ro.year = options.year;
    read = ingest::read_record_years(record_files, r.diagnostics, ro);
    keep_year(r.diagnostics, options.year);
    check_years(options, read, r);
  }
  for (const auto& f : document_files) {
    core::DiagnosticSink doc_sink;
    if (auto doc = ingest::read_document(f, doc_sink)) rules::check_document(*doc, doc_sink);
    r.diagnostics.merge(std::move(doc_sink));
  }
  r.diagnostics.sort();
  link_follow_ons(read, r.diagnostics);
  summarise(r, read);
  return r;
}

}  // namespace wenshu::job

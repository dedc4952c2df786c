// Reading a set of records files into one model::Records per year: read the files (several at
// a time), tell each file's year, stamp every diagnostic with its file's committee and year,
// merge the files of each year in file order (so results and diagnostics never depend on thread
// timing), then resolve ids inside each year.
#include <algorithm>
#include <atomic>
#include <iterator>
#include <map>
#include <set>
#include <thread>
#include <unordered_set>

#include <fmt/format.h>

#include "ingest/records_file.h"

namespace wenshu::ingest {

namespace {

/// Reads every file, `options.threads` at a time; each result lands in its own slot.
std::vector<FileResult> read_all(const std::vector<RecordsInput>& files, const RecordsReadOptions& options) {
  std::vector<FileResult> results(files.size());
  unsigned threads = options.threads;
  if (threads == 0) threads = std::clamp(std::thread::hardware_concurrency(), 1u, 4u);
  threads = std::min<unsigned>(threads, static_cast<unsigned>(std::max<std::size_t>(files.size(), 1)));
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t i; (i = next.fetch_add(1)) < files.size();) read_records_file(files[i], options, results[i]);
  };
  if (threads <= 1) {
    work();
  } else {
    std::vector<std::thread> pool;
    for (unsigned t = 0; t < threads; ++t) pool.emplace_back(work);
    for (auto& t : pool) t.join();
  }
  for (auto& r : results)
    if (r.error) std::rethrow_exception(r.error);
  return results;
}

template <class T>
void append(std::vector<T>& into, std::vector<T>& from) {
  if (into.capacity() == 0) {  // nothing reserved (read_records' merge of years): take the storage
    into = std::move(from);
    return;
  }
  into.insert(into.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
  from.clear();
}

/// Moves every record of `from` to the end of `into`; returns how many.
std::size_t merge(model::Records& into, model::Records& from) {
  std::size_t n = 0;
  model::for_each_kind([&]<class R>(std::type_identity<R>) {
    n += model::all_of<R>(from).size();
    append(model::all_of<R>(into), model::all_of<R>(from));
  });
  return n;
}

/// Tells the year of the files that state none, and the committee and year of unreadable files
/// from the other files of their folder.
class YearOf {
 public:
  YearOf(const std::vector<RecordsInput>& files, const std::vector<FileResult>& results, int given)
      : given_(given) {
    for (std::size_t i = 0; i < results.size(); ++i) {
      const auto& r = results[i];
      if (r.status != FileResult::Status::kRecords) continue;
      folder_[files[i].path.parent_path()].insert({r.committee, r.year});
      if (r.year == 0) continue;
      years_.insert(r.year);
      if (!r.committee.empty()) by_committee_[r.committee].insert(r.year);
    }
  }
  /// The year of a records file (0 with `known` false when it cannot be told).
  int of(const FileResult& r, bool& known) const {
    known = true;
    if (r.year != 0) return r.year;
    if (given_ != 0) return given_;
    if (auto it = by_committee_.find(r.committee); it != by_committee_.end() && it->second.size() == 1)
      return *it->second.begin();
    if (years_.size() <= 1) return years_.empty() ? 0 : *years_.begin();
    known = false;
    return 0;
  }
  /// Committee and year of an unreadable file: those of its folder, when they agree.
  UnreadFile unread(const std::filesystem::path& path) const {
    UnreadFile u{path, "", 0};
    if (auto it = folder_.find(path.parent_path()); it != folder_.end()) {
      std::set<std::string> committees;
      std::set<int> years;
      for (const auto& [c, y] : it->second) committees.insert(c), years.insert(y);
      if (committees.size() == 1) u.committee = *committees.begin();
      if (years.size() == 1) u.year = *years.begin();
    }
    if (u.year == 0) u.year = given_ != 0 ? given_ : years_.size() == 1 ? *years_.begin() : 0;
    return u;
  }
  const std::set<int>& years() const { return years_; }

 private:
  int given_;
  std::set<int> years_;
  std::map<std::string, std::set<int>> by_committee_;
  std::map<std::filesystem::path, std::set<std::pair<std::string, int>>> folder_;
};

/// Every diagnostic of one file gets the file's committee and year (XML errors are summarised
/// under their committee, not under "other").
void stamp(core::DiagnosticSink& sink, const std::string& committee, int year) {
  std::vector<core::Diagnostic> items = sink.items();
  for (auto& d : items) {
    if (d.committee.empty()) d.committee = committee;
    if (d.year == 0) d.year = year;
  }
  sink.replace(std::move(items));
}

void report_year_unknown(core::DiagnosticSink& sink, const std::string& file, const std::set<int>& years) {
  std::string list;
  for (int y : years) list += (list.empty() ? "" : "、") + std::to_string(y);
  push_diagnostic(sink, "XML-YEAR", {file, 0, 0},
                  fmt::format("无法确定本文件记录所属的年度（读入的记录涉及 {} 年），其记录未读入 / cannot tell the "
                              "year of this file: its records were left out",
                              list),
                  {"在根元素上写明年度，如 <records … year=\"2009\">，或用 --year 指定"});
}

/// Gives each year's vectors room for exactly the records its files hold, before they are
/// moved in: one allocation per kind and year, no reallocation chains and no slack (growing
/// them file by file left up to half of a 1M-record run's record storage unused).
void reserve_years(const std::vector<FileResult>& results, const YearOf& year_of, std::map<int, model::Records>& years) {
  std::map<int, std::vector<std::size_t>> counts;  // year → records per kind, in for_each_kind order
  for (const auto& r : results) {
    bool known = true;
    if (r.status != FileResult::Status::kRecords) continue;
    const int year = year_of.of(r, known);
    if (!known) continue;
    auto& c = counts[year];
    std::size_t k = 0;
    model::for_each_kind([&]<class R>(std::type_identity<R>) {
      if (c.size() <= k) c.push_back(0);
      c[k++] += model::all_of<R>(r.records).size();
    });
  }
  // Not a structured binding: clang 14 (the fuzz build) cannot capture one in a lambda.
  for (const auto& entry : counts) {
    model::Records& records = years[entry.first];
    const std::vector<std::size_t>& c = entry.second;
    std::size_t k = 0;
    model::for_each_kind([&]<class R>(std::type_identity<R>) { model::all_of<R>(records).reserve(c[k++]); });
  }
}

/// Puts each file's records into its year; fills stats, dropped and unread.
std::map<int, model::Records> by_year(const std::vector<RecordsInput>& files, std::vector<FileResult>& results,
                                      const RecordsReadOptions& options, core::DiagnosticSink& sink, RecordsRead& out) {
  const YearOf year_of(files, results, options.year);
  std::map<int, model::Records> years;
  reserve_years(results, year_of, years);
  for (std::size_t i = 0; i < results.size(); ++i) {
    auto& r = results[i];
    const std::string file = files[i].path.string();
    bool known = true;
    const int year = r.status == FileResult::Status::kRecords ? year_of.of(r, known) : 0;
    if (r.status == FileResult::Status::kFailed) {
      out.unread.push_back(year_of.unread(files[i].path));
      stamp(r.sink, out.unread.back().committee, out.unread.back().year);
      ++out.stats.files_failed;
    } else {
      stamp(r.sink, r.committee, year);
      r.status == FileResult::Status::kRecords ? ++out.stats.files_read : ++out.stats.files_skipped;
    }
    if (!known) report_year_unknown(r.sink, file, year_of.years());
    merge_file_diagnostics(r, options.limits, sink);
    for (auto& d : r.dropped) {
      d.year = year;
      out.dropped.push_back(std::move(d));
    }
    out.stats.records_skipped += r.dropped.size();
    if (r.status == FileResult::Status::kRecords && known) {
      for (auto& c : r.records.committees)
        if (c.year == 0) c.year = year;
      out.stats.records += merge(years[year], r.records);
    }
    r = FileResult();  // free this file's leftovers now
  }
  return years;
}

void report_nothing_read(const std::vector<std::filesystem::path>& inputs, std::size_t files,
                         const RecordsReadStats& st, core::DiagnosticSink& sink) {
  if (files == 0 && !inputs.empty() && !sink.has_errors())
    push_diagnostic(sink, "XML-IO", {inputs.front().string(), 0, 0}, "没有找到任何 .xml 记录文件 / no records files found");
  else if (st.files_read == 0 && st.files_failed == 0 && files != 0)
    push_diagnostic(sink, "XML-IO", {inputs.front().string(), 0, 0},
                    fmt::format("找到 {} 个 XML 文件，但没有记录文件（根元素 <records>）/ no records files found", files));
}

/// A committee id that names different committees in different years: said once per pair.
void compare_names(const std::vector<model::Records>& years, core::DiagnosticSink& sink) {
  std::map<std::string, const model::Committee*> first;
  for (const auto& y : years)
    for (const auto& c : y.committees) {
      auto [it, fresh] = first.try_emplace(c.id, &c);
      if (fresh || it->second->name == c.name) continue;
      core::Diagnostic d;
      d.severity = core::Severity::kWarning;
      d.rule = "XML-DUPLICATE";
      d.location = c.location;
      d.record_id = d.committee = c.id;
      d.year = y.year;
      d.message = fmt::format("委员会编号 '{}' 在{}年为“{}”，在{}年为“{}” / one committee id, two names", c.id,
                              it->second->year, it->second->name, c.year, c.name);
      d.hints.push_back("同一委员会更名的可以忽略；不同的委员会请使用不同的编号");
      sink.push(std::move(d));
      it->second = &c;
    }
}

/// Resolves each year's references (the other years as fallback), with the ids of the records
/// left out tolerated; then builds the indexes.
void resolve_years(std::vector<model::Records>& years, const std::vector<DroppedRecord>& dropped,
                   core::DiagnosticSink& sink) {
  std::unordered_set<std::string> tolerated;
  for (const auto& d : dropped)
    if (!d.id.empty()) tolerated.insert(d.id);
  for (auto& y : years) y.build_index();
  for (std::size_t i = 0; i < years.size(); ++i) {
    std::vector<const model::Records*> others;
    for (std::size_t j = 0; j < years.size(); ++j)
      if (j != i) others.push_back(&years[j]);
    core::DiagnosticSink found;
    resolve_references(years[i], found, tolerated, others);
    stamp(found, "", years[i].year);
    sink.merge(std::move(found));
  }
}

}  // namespace

const model::Records* RecordsRead::find_year(int year) const {
  for (const auto& y : years)
    if (y.year == year) return &y;
  return nullptr;
}

std::vector<std::filesystem::path> list_record_files(const std::vector<std::filesystem::path>& inputs,
                                                     core::DiagnosticSink& sink) {
  std::vector<std::filesystem::path> out;
  for (auto& in : list_records_inputs(inputs, sink)) out.push_back(std::move(in.path));
  return out;
}

RecordsRead read_record_years(const std::vector<std::filesystem::path>& inputs, core::DiagnosticSink& sink,
                              const RecordsReadOptions& options) {
  RecordsRead out;
  const std::vector<RecordsInput> files = list_records_inputs(inputs, sink);
  std::vector<FileResult> results = read_all(files, options);
  std::map<int, model::Records> years = by_year(files, results, options, sink, out);
  report_nothing_read(inputs, files.size(), out.stats, sink);
  for (auto& [year, records] : years) {
    records.year = year;
    out.years.push_back(std::move(records));
  }
  resolve_years(out.years, out.dropped, sink);
  compare_names(out.years, sink);
  return out;
}

model::Records read_records(const std::vector<std::filesystem::path>& inputs, core::DiagnosticSink& sink,
                            const RecordsReadOptions& options, RecordsReadStats* stats) {
  RecordsRead read = read_record_years(inputs, sink, options);
  if (stats) *stats = read.stats;
  if (read.years.size() == 1) return std::move(read.years.front());
  model::Records all;
  for (auto& y : read.years) merge(all, y);
  all.build_index();
  return all;
}

model::Records read_records_memory(std::string_view xml, const std::string& name, core::DiagnosticSink& sink,
                                   const RecordsReadOptions& options) {
  FileResult r;
  read_records_bytes(xml, name, options, r);
  if (r.error) std::rethrow_exception(r.error);
  if (r.year == 0) r.year = options.year;
  for (auto& c : r.records.committees)
    if (c.year == 0) c.year = r.year;
  stamp(r.sink, r.committee, r.year);
  merge_file_diagnostics(r, options.limits, sink);
  std::unordered_set<std::string> tolerated;
  for (const auto& d : r.dropped)
    if (!d.id.empty()) tolerated.insert(d.id);
  r.records.year = r.year;
  r.records.build_index();
  core::DiagnosticSink found;
  resolve_references(r.records, found, tolerated);
  stamp(found, "", r.year);
  sink.merge(std::move(found));
  return std::move(r.records);
}

}  // namespace wenshu::ingest

// Reading records files: list the files, load + validate + extract each (several at a time,
// each document freed as soon as its records are out), merge in file order so the result and
// the diagnostics never depend on thread timing, then resolve ids over the whole set.
#include "ingest/records_reader.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <iterator>
#include <thread>
#include <unordered_set>

#include <fmt/format.h>
#include <libxml/tree.h>

#include "core/data_dir.h"
#include "ingest/records_extract.h"
#include "ingest/xml_node.h"

namespace wenshu::ingest {

namespace {

struct Input {
  std::filesystem::path path;
  bool explicit_file = false;  ///< named on the command line (must be a records file)
};

/// Everything one file contributes; merged in file order.
struct FileResult {
  enum class Status { kRecords, kNotRecords, kFailed } status = Status::kFailed;
  model::Records records;
  std::string name;
  core::DiagnosticSink sink;  ///< at most XmlLimits::max_diagnostics kept (the rest counted)
  std::vector<std::string> skipped_ids;
  std::size_t skipped_records = 0;
  std::exception_ptr error;  ///< an I/O failure or bug, rethrown by the caller
};

bool is_xml_file(const std::filesystem::path& p) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext == ".xml";
}

void push(core::DiagnosticSink& sink, const char* rule, core::SourceLocation where, std::string message,
          std::vector<std::string> hints = {}) {
  core::Diagnostic d;
  d.rule = rule;
  d.location = std::move(where);
  d.message = std::move(message);
  d.hints = std::move(hints);
  sink.push(std::move(d));
}

std::vector<Input> list_inputs(const std::vector<std::filesystem::path>& inputs, core::DiagnosticSink& sink) {
  std::vector<Input> out;
  for (const auto& in : inputs) {
    std::error_code ec;
    const auto status = std::filesystem::status(in, ec);
    if (ec || !std::filesystem::exists(status)) {
      push(sink, "XML-IO", {in.string(), 0, 0}, "输入的文件或文件夹不存在 / input does not exist");
      continue;
    }
    if (std::filesystem::is_regular_file(status)) {
      out.push_back({in, true});
      continue;
    }
    if (!std::filesystem::is_directory(status)) {
      push(sink, "XML-IO", {in.string(), 0, 0}, "不是普通文件或文件夹 / not a file or folder");
      continue;
    }
    std::filesystem::recursive_directory_iterator it(
        in, std::filesystem::directory_options::skip_permission_denied, ec);
    for (; !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
      const auto name = it->path().filename().string();
      if (!name.empty() && name[0] == '.') {  // .git, editor backups: never records
        if (it->is_directory(ec)) it.disable_recursion_pending();
        continue;
      }
      if (it->is_regular_file(ec) && is_xml_file(it->path())) out.push_back({it->path(), false});
    }
    if (ec) push(sink, "XML-IO", {in.string(), 0, 0}, fmt::format("无法读取文件夹：{} / cannot list folder", ec.message()));
  }
  std::sort(out.begin(), out.end(), [](const Input& a, const Input& b) { return a.path.native() < b.path.native(); });
  out.erase(std::unique(out.begin(), out.end(), [](const Input& a, const Input& b) { return a.path == b.path; }),
            out.end());
  return out;
}

/// The record element (child of the root) that `node` lies in; the root itself for the root.
const xmlNode* record_of(const xmlNode* node, const xmlNode* root) {
  while (node && node->parent && node->parent != root && node != root) node = node->parent;
  return node;
}

/// Reads the records of one document (already loaded).
void extract_document(xmlDoc* doc, const std::string& name, bool explicit_file, const RecordsReadOptions& options,
                      FileResult& out) {
  const xmlNode* root = root_element(doc);
  if (!is_element(root, kRecordsNamespace) || local_name(root) != "records") {
    if (!explicit_file) {
      out.status = FileResult::Status::kNotRecords;
      return;
    }
    push(out.sink, "XML-SCHEMA", node_location(root, name),
         fmt::format("不是记录文件：根元素应为 <records xmlns=\"{}\"> / not a records file", kRecordsNamespace));
    return;
  }
  const std::string version = attribute_or(root, "version");
  if (version != "1") {
    push(out.sink, "XML-SCHEMA", node_location(root, name),
         fmt::format("记录格式版本 '{}' 不受支持，本程序读取版本 1 / unsupported records version", version),
         {"在根元素上写明 version=\"1\""});
    return;
  }
  std::unordered_set<const xmlNode*> invalid;
  if (options.validate_schema) {
    std::vector<const _xmlNode*> nodes;
    validate_xml(doc, core::data_path("schemas/records.xsd"), name, out.sink, &nodes);
    for (const _xmlNode* n : nodes) invalid.insert(record_of(n, root));
    if (invalid.count(root)) return;  // the file's own attributes are wrong: nothing is reliable
  }
  out.status = FileResult::Status::kRecords;
  const std::string year_text = attribute_or(root, "year");
  int year = 0;
  if (!year_text.empty()) year = std::atoi(year_text.c_str());
  Fields fields(name, out.sink, attribute_or(root, "committee"), year);
  for (const xmlNode* n = first_element(root); n; n = next_element(n)) {
    if (invalid.count(n)) {
      ++out.skipped_records;
      if (auto id = attribute(n, "id")) out.skipped_ids.push_back(*id);
      continue;
    }
    if (!extract_record(fields, n, out.records))
      push(out.sink, "XML-SCHEMA", node_location(n, name),
           fmt::format("未知的记录类型 <{}> / unknown record kind", local_name(n)));
  }
}

/// Moves one file's diagnostics into `sink`, with a note on how many more the file had than its
/// limit let it keep (a file that is wrong throughout is refused in its first findings).
void merge_diagnostics(FileResult& r, const XmlLimits& limits, core::DiagnosticSink& sink) {
  const std::size_t more = r.sink.dropped();
  sink.merge(std::move(r.sink));
  if (more == 0) return;
  core::Diagnostic d;
  d.severity = core::Severity::kNote;
  d.rule = "XML-LIMIT";
  d.location = {r.name, 0, 0};
  d.message = fmt::format("本文件另有 {} 条诊断未列出（每个文件最多列出 {} 条） / {} more findings in this file not shown "
                          "(at most {} per file)",
                          more, limits.max_diagnostics, more, limits.max_diagnostics);
  sink.push(std::move(d));
}

void read_file(const Input& in, const RecordsReadOptions& options, FileResult& out) {
  out.sink = core::DiagnosticSink(options.limits.max_diagnostics);
  out.name = in.path.string();
  try {
    const std::string name = in.path.string();
    XmlDocPtr doc = load_xml(in.path, out.sink, options.limits);
    if (!doc) return;
    extract_document(doc.get(), name, in.explicit_file, options, out);
  } catch (...) {
    out.error = std::current_exception();
  }
}

template <class T>
void append(std::vector<T>& into, std::vector<T>& from) {
  if (into.empty()) {
    into = std::move(from);
    return;
  }
  // No exact reserve here: reserving size+n on every file defeats the vector's geometric
  // growth, so a year of many files reallocated (and moved) every record once per file.
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

}  // namespace

std::vector<std::filesystem::path> list_record_files(const std::vector<std::filesystem::path>& inputs,
                                                     core::DiagnosticSink& sink) {
  std::vector<std::filesystem::path> out;
  for (auto& in : list_inputs(inputs, sink)) out.push_back(std::move(in.path));
  return out;
}

model::Records read_records(const std::vector<std::filesystem::path>& inputs, core::DiagnosticSink& sink,
                            const RecordsReadOptions& options, RecordsReadStats* stats) {
  const std::vector<Input> files = list_inputs(inputs, sink);
  std::vector<FileResult> results(files.size());
  unsigned threads = options.threads;
  if (threads == 0) threads = std::clamp(std::thread::hardware_concurrency(), 1u, 4u);
  threads = std::min<unsigned>(threads, static_cast<unsigned>(std::max<std::size_t>(files.size(), 1)));

  // Workers take the next file index; each result lands in its own slot.
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t i; (i = next.fetch_add(1)) < files.size();) read_file(files[i], options, results[i]);
  };
  if (threads <= 1) {
    work();
  } else {
    std::vector<std::thread> pool;
    for (unsigned t = 0; t < threads; ++t) pool.emplace_back(work);
    for (auto& t : pool) t.join();
  }

  model::Records records;
  RecordsReadStats st;
  std::unordered_set<std::string> tolerated;
  for (auto& r : results) {
    if (r.error) std::rethrow_exception(r.error);
    merge_diagnostics(r, options.limits, sink);
    switch (r.status) {
      case FileResult::Status::kRecords: ++st.files_read; break;
      case FileResult::Status::kNotRecords: ++st.files_skipped; break;
      case FileResult::Status::kFailed: ++st.files_failed; break;
    }
    st.records += merge(records, r.records);
    st.records_skipped += r.skipped_records;
    for (auto& id : r.skipped_ids) tolerated.insert(std::move(id));
    r = FileResult();  // free this file's leftovers now
  }
  if (files.empty() && !inputs.empty() && !sink.has_errors())
    push(sink, "XML-IO", {inputs.front().string(), 0, 0}, "没有找到任何 .xml 记录文件 / no records files found");
  else if (st.files_read == 0 && st.files_failed == 0 && !files.empty())
    push(sink, "XML-IO", {inputs.front().string(), 0, 0},
         fmt::format("找到 {} 个 XML 文件，但没有记录文件（根元素 <records>）/ no records files found", files.size()));
  resolve_references(records, sink, tolerated);
  records.build_index();
  if (stats) *stats = st;
  return records;
}

model::Records read_records_memory(std::string_view xml, const std::string& name, core::DiagnosticSink& sink,
                                   const RecordsReadOptions& options) {
  FileResult r;
  r.sink = core::DiagnosticSink(options.limits.max_diagnostics);
  r.name = name;
  XmlDocPtr doc = load_xml_memory(xml, name, r.sink, options.limits);
  if (doc) extract_document(doc.get(), name, true, options, r);
  merge_diagnostics(r, options.limits, sink);
  std::unordered_set<std::string> tolerated(r.skipped_ids.begin(), r.skipped_ids.end());
  resolve_references(r.records, sink, tolerated);
  r.records.build_index();
  return std::move(r.records);
}

}  // namespace wenshu::ingest

// Reading one records file: list the files, load + validate + extract each (the caller runs
// several at a time; each document is freed as soon as its records are out). Records that break
// the schema are left out, with what can still be read of them kept for cascade control.
#include "ingest/records_file.h"

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

using Input = RecordsInput;

bool is_xml_file(const std::filesystem::path& p) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext == ".xml";
}

void push(core::DiagnosticSink& sink, const char* rule, core::SourceLocation where, std::string message,
          std::vector<std::string> hints = {}) {
  push_diagnostic(sink, rule, std::move(where), std::move(message), std::move(hints));
}

}  // namespace

void push_diagnostic(core::DiagnosticSink& sink, const char* rule, core::SourceLocation where, std::string message,
                     std::vector<std::string> hints) {
  core::Diagnostic d;
  d.rule = rule;
  d.location = std::move(where);
  d.message = std::move(message);
  d.hints = std::move(hints);
  sink.push(std::move(d));
}

std::vector<Input> list_records_inputs(const std::vector<std::filesystem::path>& inputs, core::DiagnosticSink& sink) {
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

namespace {

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
  out.year = year_text.empty() ? 0 : std::atoi(year_text.c_str());
  out.committee = attribute_or(root, "committee");
  Fields fields(name, out.sink, out.committee, out.year);
  for (const xmlNode* n = first_element(root); n; n = next_element(n)) {
    if (invalid.count(n)) {
      out.dropped.push_back(salvage(fields, n));
      continue;
    }
    if (!extract_record(fields, n, out.records))
      push(out.sink, "XML-SCHEMA", node_location(n, name),
           fmt::format("未知的记录类型 <{}> / unknown record kind", local_name(n)));
  }
  // Every file's records stay in memory until they are moved into their year's vectors: keep
  // no growth slack meanwhile (a 1M-record run held about a quarter more than it needed).
  model::for_each_kind([&]<class R>(std::type_identity<R>) { model::all_of<R>(out.records).shrink_to_fit(); });
  // A file without <records year> or committee takes them from its committee records.
  for (const auto& c : out.records.committees) {
    if (out.year == 0) out.year = c.year;
    if (out.committee.empty()) out.committee = c.id;
  }
}

}  // namespace

void read_records_file(const RecordsInput& in, const RecordsReadOptions& options, FileResult& out) {
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

void read_records_bytes(std::string_view xml, const std::string& name, const RecordsReadOptions& options,
                        FileResult& out) {
  out.sink = core::DiagnosticSink(options.limits.max_diagnostics);
  out.name = name;
  try {
    XmlDocPtr doc = load_xml_memory(xml, name, out.sink, options.limits);
    if (doc) extract_document(doc.get(), name, true, options, out);
  } catch (...) {
    out.error = std::current_exception();
  }
}

void merge_file_diagnostics(FileResult& r, const XmlLimits& limits, core::DiagnosticSink& sink) {
  const std::size_t more = r.sink.dropped();
  sink.merge(std::move(r.sink));
  if (more == 0) return;
  core::Diagnostic d;
  d.severity = core::Severity::kNote;
  d.rule = "XML-LIMIT";
  d.location = {r.name, 0, 0};
  d.committee = r.committee;
  d.year = r.year;
  d.message = fmt::format("本文件另有 {} 条诊断未列出（每个文件最多列出 {} 条） / {} more findings in this file not shown "
                          "(at most {} per file)",
                          more, limits.max_diagnostics, more, limits.max_diagnostics);
  sink.push(std::move(d));
}

}  // namespace wenshu::ingest

// The build record as XML (see build_record.h). Written with the one XML writer (xml/writer.h)
// and read back through ingest's secure, schema-checked tree reader (ingest/xml_tree.h).
#include "job/build_record.h"

#include <charconv>

#include "core/data_dir.h"
#include "core/file_io.h"
#include "ingest/xml_tree.h"
#include "job/output_folder.h"
#include "xml/writer.h"

namespace wenshu::job {
namespace fs = std::filesystem;

namespace {

constexpr const char* kNs = "urn:wenshu:build-record:1";
using Attrs = std::vector<std::pair<std::string, std::string>>;

const OutputState kStates[] = {OutputState::kRendered, OutputState::kReused, OutputState::kRefused,
                               OutputState::kFailed, OutputState::kElsewhere};

std::optional<OutputState> parse_state(const std::string& s) {
  for (auto st : kStates)
    if (s == state_name(st)) return st;
  return std::nullopt;
}

std::string num(std::uint64_t v) { return std::to_string(v); }

std::uint64_t to_u64(const std::string& s) {
  std::uint64_t v = 0;
  std::from_chars(s.data(), s.data() + s.size(), v);
  return v;
}

int to_int(const std::string& s) {
  int v = 0;
  std::from_chars(s.data(), s.data() + s.size(), v);
  return v;
}

/// One file as `element` ("file" for outputs, "input" and "data-file" for what was read): one
/// line each, path then sha256, so that shell tools can check them (deploy/check-union.sh).
void write_file(xml::Writer& x, const RecordedFile& f, const std::string& tagmanifest = {},
                const char* element = "file") {
  Attrs a{{"path", f.path}, {"sha256", f.sha256}};
  if (!f.sm3.empty()) a.emplace_back("sm3", f.sm3);
  a.emplace_back("size", num(f.size));
  if (!tagmanifest.empty()) a.emplace_back("tagmanifest-sha256", tagmanifest);
  x.leaf(element, "", a);
}

RecordedFile read_file_node(const ingest::XmlNode& n) {
  return {n.attr("path"), n.attr("sha256"), n.attr("sm3"), to_u64(n.attr("size"))};
}

void write_diagnostic(xml::Writer& x, const core::Diagnostic& d) {
  Attrs a{{"severity", core::severity_name(d.severity)}, {"rule", d.rule}};
  if (!d.clause.empty()) a.emplace_back("clause", d.clause);
  if (!d.location.file.empty()) a.emplace_back("file", d.location.file);
  if (d.location.line > 0) a.emplace_back("line", std::to_string(d.location.line));
  if (d.location.column > 0) a.emplace_back("column", std::to_string(d.location.column));
  if (!d.record_id.empty()) a.emplace_back("record", d.record_id);
  if (!d.committee.empty()) a.emplace_back("committee", d.committee);
  if (d.has_range) {
    a.emplace_back("range-begin", num(d.range.begin));
    a.emplace_back("range-end", num(d.range.end));
  }
  x.open("diagnostic", a);
  x.leaf("message", d.message);
  for (const auto& h : d.hints) x.leaf("hint", h);
  if (d.has_range && !d.fix.empty()) x.leaf("fix", d.fix);
  x.close();
}

core::Diagnostic read_diagnostic(const ingest::XmlNode& n) {
  core::Diagnostic d;
  const std::string sev = n.attr("severity");
  for (auto s : {core::Severity::kError, core::Severity::kWarning, core::Severity::kInfo, core::Severity::kNote})
    if (sev == core::severity_name(s)) d.severity = s;
  d.rule = n.attr("rule");
  d.clause = n.attr("clause");
  d.location = {n.attr("file"), to_int(n.attr("line")), to_int(n.attr("column"))};
  d.record_id = n.attr("record");
  d.committee = n.attr("committee");
  d.message = n.child_text("message");
  for (const auto* h : n.all("hint")) d.hints.push_back(h->text);
  if (!n.attr("range-begin").empty()) {
    d.has_range = true;
    d.range = {to_u64(n.attr("range-begin")), to_u64(n.attr("range-end"))};
    d.fix = n.child_text("fix");
  }
  return d;
}

void write_committees(xml::Writer& x, const std::vector<RecordedCommittee>& committees) {
  x.open("committees");
  for (const auto& c : committees) {
    x.open("committee", {{"id", c.id}});
    if (c.records_year != 0) x.attr("records-year", std::to_string(c.records_year));
    if (!c.key.empty()) x.attr("key", c.key);
    for (const auto& g : c.diagnostics) write_diagnostic(x, g);
    x.close();
  }
  x.close();
}

void write_documents(xml::Writer& x, const std::vector<RecordedDocument>& docs) {
  x.open("documents");
  for (const auto& d : docs) {
    Attrs a{{"id", d.id}};
    if (!d.committee.empty()) a.emplace_back("committee", d.committee);
    if (d.year != 0) a.emplace_back("year", std::to_string(d.year));
    if (d.records_year != 0) a.emplace_back("records-year", std::to_string(d.records_year));
    if (!d.kind.empty()) a.emplace_back("kind", d.kind);
    if (!d.key.empty()) a.emplace_back("key", d.key);
    a.emplace_back("state", state_name(d.state));
    if (d.draft) a.emplace_back("draft", "true");
    if (d.pages != 0) a.emplace_back("pages", std::to_string(d.pages));
    x.open("document", a);
    for (const auto& f : d.files) write_file(x, f);
    for (const auto& g : d.diagnostics) write_diagnostic(x, g);
    x.close();
  }
  x.close();
}

void write_dossiers(xml::Writer& x, const std::vector<RecordedDossier>& dossiers) {
  x.open("dossiers");
  for (const auto& d : dossiers) {
    x.open("dossier", {{"committee", d.committee},
                       {"year", std::to_string(d.year)},
                       {"fonds", d.fonds},
                       {"key", d.key},
                       {"state", state_name(d.state)}});
    for (std::size_t i = 0; i < d.files.size(); ++i)
      write_file(x, d.files[i], i < d.tagmanifests.size() ? d.tagmanifests[i] : std::string());
    for (const auto& g : d.diagnostics) write_diagnostic(x, g);
    x.close();
  }
  x.close();
}

/// The record's elements into `r`; false when something required is missing.
bool read_body(const ingest::XmlNode& root, BuildRecord& r) {
  r.id = root.attr("id");
  r.shard = root.attr("shard");
  if (const auto* p = root.child("program")) {
    r.program_version = p->attr("version");
    r.program_identity = p->attr("identity");
  }
  if (const auto* o = root.child("options"))
    for (const auto* n : o->all("option")) r.options.emplace_back(n->attr("name"), n->attr("value"));
  if (const auto* n = root.child("inputs"))
    for (const auto* f : n->all("input")) r.inputs.push_back(read_file_node(*f));
  if (const auto* n = root.child("data"))
    for (const auto* f : n->all("data-file")) r.data.push_back(read_file_node(*f));
  if (const auto* n = root.child("committees")) {
    for (const auto* e : n->all("committee")) {
      RecordedCommittee c{e->attr("id"), to_int(e->attr("records-year")), e->attr("key"), {}};
      for (const auto* g : e->all("diagnostic")) c.diagnostics.push_back(read_diagnostic(*g));
      r.committees.push_back(std::move(c));
    }
  }
  if (const auto* n = root.child("documents")) {
    for (const auto* e : n->all("document")) {
      RecordedDocument d;
      d.id = e->attr("id");
      d.committee = e->attr("committee");
      d.year = to_int(e->attr("year"));
      d.records_year = to_int(e->attr("records-year"));
      d.kind = e->attr("kind");
      d.key = e->attr("key");
      const auto st = parse_state(e->attr("state"));
      if (!st) return false;
      d.state = *st;
      d.draft = e->attr("draft") == "true";
      d.pages = to_int(e->attr("pages"));
      for (const auto* f : e->all("file")) d.files.push_back(read_file_node(*f));
      for (const auto* g : e->all("diagnostic")) d.diagnostics.push_back(read_diagnostic(*g));
      r.documents.push_back(std::move(d));
    }
  }
  if (const auto* n = root.child("dossiers")) {
    for (const auto* e : n->all("dossier")) {
      RecordedDossier d;
      d.committee = e->attr("committee");
      d.year = to_int(e->attr("year"));
      d.fonds = e->attr("fonds");
      d.key = e->attr("key");
      const auto st = parse_state(e->attr("state"));
      if (!st) return false;
      d.state = *st;
      for (const auto* f : e->all("file")) {
        d.files.push_back(read_file_node(*f));
        d.tagmanifests.push_back(f->attr("tagmanifest-sha256"));
      }
      for (const auto* g : e->all("diagnostic")) d.diagnostics.push_back(read_diagnostic(*g));
      r.dossiers.push_back(std::move(d));
    }
  }
  return !r.id.empty();
}

}  // namespace

const char* state_name(OutputState s) {
  switch (s) {
    case OutputState::kRendered: return "rendered";
    case OutputState::kReused: return "reused";
    case OutputState::kRefused: return "refused";
    case OutputState::kFailed: return "failed";
    case OutputState::kElsewhere: return "elsewhere";
  }
  return "rendered";
}

std::vector<const RecordedFile*> BuildRecord::outputs() const {
  std::vector<const RecordedFile*> out;
  for (const auto& d : documents)
    for (const auto& f : d.files) out.push_back(&f);
  for (const auto& d : dossiers)
    for (const auto& f : d.files) out.push_back(&f);
  return out;
}

std::string build_record_xml(const BuildRecord& r) {
  xml::Writer x;
  Attrs root{{"xmlns", kNs}, {"version", "1"}, {"id", r.id}};
  if (!r.shard.empty()) root.emplace_back("shard", r.shard);
  x.open("build-record", root);
  x.leaf("program", "", {{"name", "wenshu"}, {"version", r.program_version}, {"identity", r.program_identity}});
  x.open("options");
  for (const auto& [k, v] : r.options) x.leaf("option", "", {{"name", k}, {"value", v}});
  x.close();
  x.open("inputs");
  for (const auto& f : r.inputs) write_file(x, f, {}, "input");
  x.close();
  x.open("data");
  for (const auto& f : r.data) write_file(x, f, {}, "data-file");
  x.close();
  write_committees(x, r.committees);
  write_documents(x, r.documents);
  write_dossiers(x, r.dossiers);
  x.close();
  return x.str();
}

std::optional<BuildRecord> read_build_record(const fs::path& path, core::DiagnosticSink& sink) {
  std::string bytes;
  try {
    bytes = core::read_file(path, std::size_t(1) << 30);
  } catch (const std::exception& e) {
    sink.push({.rule = "BUILD-RECORD", .location = {path.string()},
               .message = std::string("无法读取构建记录 / cannot read the build record: ") + e.what()});
    return std::nullopt;
  }
  core::DiagnosticSink parse_sink;
  auto tree = ingest::parse_xml_tree(bytes, path.string(), core::data_path("schemas/build-record.xsd"), parse_sink);
  BuildRecord r;
  if (!tree || !read_body(*tree, r)) {
    core::Diagnostic d{.rule = "BUILD-RECORD", .location = {path.string()},
                       .message = "构建记录无效 / not a valid build record"};
    for (const auto& p : parse_sink.items()) d.hints.push_back(core::format_text(p));
    sink.push(std::move(d));
    return std::nullopt;
  }
  return r;
}

fs::path find_build_record(const fs::path& path) {
  std::error_code ec;
  fs::path dir = fs::absolute(path, ec).lexically_normal();
  if (ec) return {};
  if (!fs::is_directory(dir, ec)) dir = dir.parent_path();
  for (;;) {
    const fs::path candidate = dir / kBuildRecordName;
    // A folder whose first build was cut short while committing has its journal before its record.
    if (fs::is_regular_file(candidate, ec) || fs::is_regular_file(dir / kPrivateDir / "journal", ec)) return candidate;
    if (dir == dir.root_path() || dir.parent_path() == dir) return {};
    dir = dir.parent_path();
  }
}

}  // namespace wenshu::job

// Sidecar read/write (see sidecar.h). Element names are ASCII (an internal hand-over format);
// the dossier's own metadata uses DA/T 46's Chinese names.
#include "archive/sidecar.h"

#include <algorithm>
#include <charconv>
#include <system_error>

#include "core/data_dir.h"
#include "core/file_io.h"
#include "ingest/xml_tree.h"
#include "xml/writer.h"

namespace wenshu::archive {

using ingest::parse_xml_tree;
using ingest::XmlNode;

namespace fs = std::filesystem;

static constexpr const char* kSidecarNs = "urn:wenshu:filed-document:1";

fs::path sidecar_path_for(const fs::path& pdf) { return fs::path(pdf.string() + kSidecarSuffix); }

std::string sidecar_xml(const model::FiledDocument& d) {
  xml::Writer x;
  x.open("filed-document", {{"xmlns", kSidecarNs}, {"version", "1"}});
  x.leaf("committee", d.committee_name, {{"id", d.committee_id}, {"fonds", d.fonds_code}});
  x.leaf("year", std::to_string(d.year));
  x.leaf("regulation", d.regulation);
  x.leaf("retention", d.retention);
  x.leaf("kind", d.kind);
  x.leaf("title", d.title);
  x.leaf("doc-number", d.doc_number);
  x.leaf("author", d.author);
  x.leaf("date", core::is_valid(d.date) ? core::format_date(d.date) : std::string());
  x.leaf("secrecy", d.secrecy);
  x.leaf("urgency", d.urgency);
  x.leaf("main-recipients", d.main_recipients);
  x.leaf("cc", d.cc);
  x.leaf("note", d.note);
  x.open("components");
  for (const auto& c : d.components) {
    std::vector<std::pair<std::string, std::string>> attrs{
        {"role", c.role}, {"pages", std::to_string(c.page_count)}, {"format", c.format}, {"sha256", c.sha256}, {"sm3", c.sm3}};
    if (c.rendition) attrs.emplace_back("rendition", "true");
    x.leaf("component", c.path, attrs);
  }
  x.close();
  x.open("source-records");
  for (const auto& r : d.source_records) x.leaf("record", r);
  x.close();
  x.close();
  return x.str();
}

void write_sidecar(const model::FiledDocument& doc, const fs::path& path) {
  core::write_file_atomic(path, sidecar_xml(doc));
}

static int to_int(const std::string& s, int fallback) {
  int v = fallback;
  const auto r = std::from_chars(s.data(), s.data() + s.size(), v);
  if (r.ec != std::errc() || r.ptr != s.data() + s.size()) return fallback;
  return v;
}

std::optional<model::FiledDocument> read_sidecar(const fs::path& path, core::DiagnosticSink& sink) {
  std::string bytes;
  try {
    bytes = core::read_file(path, std::size_t(16) << 20);
  } catch (const std::exception& e) {
    sink.push({.rule = "XML-IO", .location = {path.string()}, .message = std::string("无法读取归档附属文件 / ") + e.what()});
    return std::nullopt;
  }
  auto tree = parse_xml_tree(bytes, path.string(), core::data_path("schemas/filed-document.xsd"), sink);
  if (!tree) return std::nullopt;
  model::FiledDocument d;
  if (const XmlNode* c = tree->child("committee")) {
    d.committee_name = c->text;
    d.committee_id = c->attr("id");
    d.fonds_code = c->attr("fonds");
  }
  d.year = to_int(tree->child_text("year"), 0);
  d.regulation = tree->child_text("regulation");
  d.retention = tree->child_text("retention");
  d.kind = tree->child_text("kind");
  d.title = tree->child_text("title");
  d.doc_number = tree->child_text("doc-number");
  d.author = tree->child_text("author");
  if (auto date = core::parse_date(tree->child_text("date"))) d.date = *date;
  d.secrecy = tree->child_text("secrecy");
  d.urgency = tree->child_text("urgency");
  d.main_recipients = tree->child_text("main-recipients");
  d.cc = tree->child_text("cc");
  d.note = tree->child_text("note");
  if (const XmlNode* cs = tree->child("components")) {
    for (const XmlNode* c : cs->all("component")) {
      model::FiledComponent fc;
      fc.path = c->text;
      fc.role = c->attr("role");
      fc.page_count = to_int(c->attr("pages"), -1);
      fc.format = c->attr("format");
      fc.sha256 = c->attr("sha256");
      fc.sm3 = c->attr("sm3");
      fc.rendition = c->attr("rendition") == "true";
      d.components.push_back(std::move(fc));
    }
  }
  if (const XmlNode* rs = tree->child("source-records"))
    for (const XmlNode* r : rs->all("record")) d.source_records.push_back(r->text);
  return d;
}

std::optional<fs::path> resolve_component(const fs::path& sidecar, const model::FiledComponent& component,
                                          std::uint64_t max_bytes, std::string& why) {
  const fs::path folder = sidecar.has_parent_path() ? sidecar.parent_path() : fs::path(".");
  return core::resolve_inside(folder, component.path, max_bytes, why);
}

static bool is_sidecar_name(const fs::path& p) {
  const std::string n = p.filename().string();
  return n.size() > 8 && n.compare(n.size() - 8, 8, ".pdf.xml") == 0;
}

std::vector<fs::path> find_sidecars(const std::vector<fs::path>& roots) {
  std::vector<fs::path> out;
  for (const auto& root : roots) {
    std::error_code ec;
    if (fs::is_regular_file(fs::symlink_status(root, ec))) {
      if (is_sidecar_name(root)) out.push_back(root);
      continue;
    }
    if (!fs::is_directory(fs::symlink_status(root, ec))) continue;
    fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec), end;
    for (; !ec && it != end; it.increment(ec)) {
      if (it->is_symlink(ec)) {
        if (it->is_directory(ec)) it.disable_recursion_pending();
        continue;
      }
      if (it->is_regular_file(ec) && is_sidecar_name(it->path())) out.push_back(it->path());
    }
  }
  std::sort(out.begin(), out.end(), [](const fs::path& a, const fs::path& b) { return a.string() < b.string(); });
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace wenshu::archive

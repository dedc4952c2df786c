// The one profile reader (see profile_file.h): secure load, root check, schema validation, then
// every element below the root as a plain ProfileEntry.
#include "ingest/profile_file.h"

#include <charconv>

#include <libxml/tree.h>

#include "core/data_dir.h"
#include "ingest/xml_loader.h"
#include "ingest/xml_node.h"

namespace wenshu::ingest {
namespace {

std::string trim_ascii(std::string s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return {};
  const auto e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

ProfileEntry entry_of(const xmlNode* n, std::string_view parent, const std::string& file) {
  ProfileEntry e;
  e.element = std::string(local_name(n));
  e.parent = std::string(parent);
  for (const xmlAttr* a = n->properties; a != nullptr; a = a->next)
    if (a->ns == nullptr) e.attributes.emplace_back(reinterpret_cast<const char*>(a->name), attribute_or(n, reinterpret_cast<const char*>(a->name)));
  e.text = trim_ascii(text_content(n));
  e.location = node_location(n, file);
  return e;
}

// Every element below `n`, depth first in document order.
void collect(const xmlNode* n, const std::string& file, std::vector<ProfileEntry>& out) {
  for (const xmlNode* c = first_element(n); c != nullptr; c = next_element(c)) {
    out.push_back(entry_of(c, local_name(n), file));
    collect(c, file, out);
  }
}

}  // namespace

std::optional<std::string> ProfileEntry::attr(std::string_view name) const {
  for (const auto& [k, v] : attributes)
    if (k == name) return v;
  return std::nullopt;
}

std::string ProfileEntry::attr_or(std::string_view name, std::string fallback) const {
  auto v = attr(name);
  return v ? std::move(*v) : std::move(fallback);
}

std::string ProfileEntry::key() const { return attr_or("name", element); }

void profile_error(core::DiagnosticSink& sink, const ProfileKind& kind, const core::SourceLocation& at,
                   std::string message) {
  core::Diagnostic d;
  d.severity = core::Severity::kError;
  d.rule = kind.rule;
  d.location = at;
  d.message = std::move(message);
  sink.push(std::move(d));
}

void unknown_profile_key(core::DiagnosticSink& sink, const ProfileKind& kind, const ProfileEntry& e) {
  const std::string key = e.key();
  profile_error(sink, kind, e.location,
                "未知的" + kind.what_zh + "参数 " + key + " / unknown " + kind.what_en + " value \"" + key + "\"");
}

void bad_profile_value(core::DiagnosticSink& sink, const ProfileKind& kind, const ProfileEntry& e,
                       const char* expect) {
  const std::string key = e.key();
  const std::string value = e.attr_or("value", e.text);
  profile_error(sink, kind, e.location,
                kind.what_zh + "参数 " + key + " 的值 \"" + value + "\" 无效，应为 " + expect + " / bad value for " + key +
                    ": expected " + expect);
}

std::optional<ProfileFile> read_profile_file(const std::filesystem::path& path, const ProfileKind& kind,
                                             core::DiagnosticSink& sink) {
  const std::string file = path.string();
  XmlDocPtr doc = load_xml(path, sink);
  if (!doc) return std::nullopt;
  const xmlNode* root = root_element(doc.get());
  if (root == nullptr || !is_element(root, kind.ns.c_str()) || local_name(root) != kind.root) {
    core::Diagnostic d;
    d.rule = kind.root_rule;
    d.location = root ? node_location(root, file) : core::SourceLocation{file, 0, 0};
    d.message = "不是" + kind.what_zh + "配置文件：根元素应为 " + kind.ns + " 的 <" + kind.root + "> / not a " +
                kind.what_en;
    sink.push(std::move(d));
    return std::nullopt;
  }
  if (!validate_xml(doc.get(), core::data_path(kind.schema), file, sink)) return std::nullopt;
  ProfileFile out;
  out.path = file;
  out.root = entry_of(root, "", file);
  collect(root, file, out.entries);
  return out;
}

std::optional<long long> parse_profile_int(std::string_view s, long long min, long long max) {
  long long v = 0;
  if (s.empty() || s[0] == '+' || (s[0] == '-' && min >= 0)) return std::nullopt;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size() || v < min || v > max) return std::nullopt;
  return v;
}

}  // namespace wenshu::ingest

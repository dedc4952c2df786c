// The one reader of profile files: the rule profile (profiles/zhangye-2009.xml), the layout
// profile (profiles/layout-default.xml) and the archive profile (profiles/archive-default.xml)
// are all read here — a secure load (xml_loader.h), validation against the profile's schema,
// then every element as plain data (ProfileEntry). What an entry means belongs to the profile's
// owner, who describes each value once in a table of ProfileField (key, how to set it, how to
// write it back) and applies the file with apply_profile_fields(). No libxml2 type crosses
// this header.
#pragma once
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/diagnostic.h"

namespace wenshu::ingest {

/// One element of a profile file, as written.
struct ProfileEntry {
  std::string element;  ///< local name (`param`, `length`, `class`, …)
  std::string parent;   ///< local name of the parent element
  std::vector<std::pair<std::string, std::string>> attributes;  ///< unqualified, in file order
  std::string text;     ///< the text content, ASCII white space trimmed at both ends
  core::SourceLocation location;

  /// The value of attribute `name`, or nullopt when absent.
  std::optional<std::string> attr(std::string_view name) const;
  /// The value of attribute `name`, or `fallback` when absent.
  std::string attr_or(std::string_view name, std::string fallback = {}) const;
  /// How a field table finds this entry: the `name` attribute when there is one (flat files of
  /// `<length name=… value=…/>`), else the element's local name (structured files).
  std::string key() const;
};

/// A profile file: its root element and every element below it, in document order.
struct ProfileFile {
  std::string path;
  ProfileEntry root;
  std::vector<ProfileEntry> entries;
};

/// What a profile file must be: its schema (relative to the data folder), the namespace and
/// local name of its root, and the rule ids of its problems.
struct ProfileKind {
  std::string schema;     ///< e.g. "schemas/layout-profile.xsd"
  std::string ns;         ///< e.g. "urn:wenshu:layout-profile:1"
  std::string root;       ///< e.g. "layout-profile"
  std::string rule;       ///< rule id of unknown keys and bad values (LAYOUT-PROFILE, …)
  std::string root_rule;  ///< rule id of a file whose root is not `root` (PROFILE-ROOT, …)
  std::string what_zh;    ///< name for messages: 规则, 版式, 归档 (…参数, …配置文件)
  std::string what_en;    ///< the same in English: rule profile, layout profile, archive profile
};

/// Loads and validates the profile file at `path`. Problems (unreadable, not well-formed, wrong
/// root, not schema-valid) are pushed as XML-… or `<kind.rule>` errors naming file:line:col;
/// nullopt on any of them.
std::optional<ProfileFile> read_profile_file(const std::filesystem::path& path, const ProfileKind& kind,
                                             core::DiagnosticSink& sink);

/// One value of a profile of type T: its key in the file, how to set it from an entry (false
/// when the entry's value is not valid), how to write it as the file does (may be empty), and
/// what a valid value looks like (for the error message).
template <class T>
struct ProfileField {
  const char* key;
  std::function<bool(T&, const ProfileEntry&)> set;
  std::function<std::string(const T&)> get;
  const char* expect;
};

/// The field of `fields` with key `key`, or nullptr.
template <class T>
const ProfileField<T>* find_profile_field(const std::vector<ProfileField<T>>& fields, std::string_view key) {
  for (const auto& f : fields)
    if (key == f.key) return &f;
  return nullptr;
}

/// Pushes a `kind.rule` error at `at`.
void profile_error(core::DiagnosticSink& sink, const ProfileKind& kind, const core::SourceLocation& at,
                   std::string message);
/// The errors of an entry no field knows, and of a field that refused the entry's value.
void unknown_profile_key(core::DiagnosticSink& sink, const ProfileKind& kind, const ProfileEntry& e);
void bad_profile_value(core::DiagnosticSink& sink, const ProfileKind& kind, const ProfileEntry& e,
                       const char* expect);

/// Applies every entry of `file` to `target` through `fields` (the root's own attributes are
/// applied first, as an entry of key = the attribute's name, when a field has that key).
/// Unknown keys and refused values are `kind.rule` errors at the entry's line; every entry is
/// tried, so one run reports every problem. Returns false if any entry failed.
template <class T>
bool apply_profile_fields(const ProfileFile& file, const std::vector<ProfileField<T>>& fields, const ProfileKind& kind,
                          T& target, core::DiagnosticSink& sink) {
  bool ok = true;
  for (const auto& [name, value] : file.root.attributes) {
    const auto* f = find_profile_field(fields, name);
    if (f == nullptr) continue;  // xmlns and the like: the schema has vetted the root
    ProfileEntry as_entry{name, file.root.element, {{"value", value}}, value, file.root.location};
    if (!f->set(target, as_entry)) {
      bad_profile_value(sink, kind, as_entry, f->expect);
      ok = false;
    }
  }
  for (const auto& e : file.entries) {
    const auto* f = find_profile_field(fields, e.key());
    if (f == nullptr) {
      unknown_profile_key(sink, kind, e);
      ok = false;
    } else if (!f->set(target, e)) {
      bad_profile_value(sink, kind, e, f->expect);
      ok = false;
    }
  }
  return ok;
}

/// A whole number in [min, max], written in plain ASCII digits (a leading '-' only when min < 0).
std::optional<long long> parse_profile_int(std::string_view s, long long min, long long max);

}  // namespace wenshu::ingest

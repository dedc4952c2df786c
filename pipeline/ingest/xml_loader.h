// Secure XML loading for every XML input of wenshu (records, 公文 files, profiles, templates'
// output): libxml2 with no network, no DTD loading, no external entities and no entity
// expansion, under size limits, with errors reported as diagnostics carrying file:line:col.
// libxml2 types do not leave the ingest stage (and compose, which needs libxslt).
#pragma once
#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"

struct _xmlDoc;   // libxml2's xmlDoc, opaque outside ingest
struct _xmlNode;  // libxml2's xmlNode

namespace wenshu::ingest {

/// Limits applied while loading one XML file (docs/limits.md gives each with its reason). A
/// file over a limit is refused as soon as the limit is passed, with one diagnostic naming the
/// limit and the value; reading stops there.
struct XmlLimits {
  std::size_t max_file_bytes = std::size_t(256) << 20;  ///< larger files are refused (XML-SIZE)
  /// One text node (XML-SIZE). libxml2 itself refuses text nodes above 10 MB
  /// (XML_MAX_TEXT_LENGTH, also reported as XML-SIZE), so larger values act as 10 MB.
  std::size_t max_text_node_bytes = std::size_t(8) << 20;
  /// One attribute value (XML-SIZE): attributes hold one-line values (ids, dates, titles,
  /// lists of ids), never prose.
  std::size_t max_attribute_bytes = std::size_t(64) << 10;
  /// Elements in one file (XML-SIZE): a year of a committee is a few tens of thousands; the
  /// tree of a million elements takes about 150 MB.
  std::size_t max_elements = 1'000'000;
  /// Element nesting (XML-DEPTH). libxml2 itself stops at 256 (also reported as XML-DEPTH).
  int max_depth = 256;
  /// Diagnostics kept per file by the readers (the rest are counted in one closing note): a
  /// file that is wrong throughout says so in its first findings.
  std::size_t max_diagnostics = 100;
};

/// Frees an xmlDoc.
struct XmlDocDeleter {
  void operator()(_xmlDoc* doc) const;
};
using XmlDocPtr = std::unique_ptr<_xmlDoc, XmlDocDeleter>;

/// Parses `path` (UTF-8 only; any DOCTYPE is refused, so no entity can be defined or loaded).
/// The file is streamed in chunks: memory stays bounded by the document built, and a bad file
/// is refused at its first bad byte. Elements carry their full line and column (read them with
/// node_location() of ingest/xml_node.h; libxml2's own xmlGetLineNo() is limited to 65535).
/// On failure pushes diagnostics (rule ids XML-PARSE, XML-ENCODING, XML-DTD, XML-SIZE,
/// XML-DEPTH, XML-IO) and returns nullptr.
XmlDocPtr load_xml(const std::filesystem::path& path, core::DiagnosticSink& sink,
                   const XmlLimits& limits = {});
/// The same for bytes already in memory; `name` is used in diagnostics.
XmlDocPtr load_xml_memory(std::string_view bytes, const std::string& name, core::DiagnosticSink& sink,
                          const XmlLimits& limits = {});

/// Validates `doc` against the XSD at `schema_path` (schemas are cached per path). Each
/// violation becomes an XML-SCHEMA error at file:line:col with a plain message (at most 200
/// per document, then a note). Returns true when valid. With `invalid_elements`, also lists
/// the elements the violations were found on, so a reader can skip just those records. A
/// schema that cannot be loaded throws std::runtime_error (an installation problem).
bool validate_xml(_xmlDoc* doc, const std::filesystem::path& schema_path, const std::string& name,
                  core::DiagnosticSink& sink, std::vector<const _xmlNode*>* invalid_elements = nullptr);

}  // namespace wenshu::ingest

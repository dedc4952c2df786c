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

#include "core/diagnostic.h"

struct _xmlDoc;  // libxml2's xmlDoc, opaque outside ingest

namespace wenshu::ingest {

/// Limits applied while loading one XML file.
struct XmlLimits {
  std::size_t max_file_bytes = std::size_t(256) << 20;  ///< larger files are refused (XML-SIZE)
  std::size_t max_text_node_bytes = std::size_t(16) << 20;  ///< one text node (XML-SIZE)
  int max_depth = 256;                                   ///< element nesting (XML-DEPTH)
};

/// Frees an xmlDoc.
struct XmlDocDeleter {
  void operator()(_xmlDoc* doc) const;
};
using XmlDocPtr = std::unique_ptr<_xmlDoc, XmlDocDeleter>;

/// Parses `path` (UTF-8 only; any DOCTYPE is refused, so no entity can be defined or loaded).
/// On failure pushes diagnostics (rule ids XML-PARSE, XML-ENCODING, XML-DTD, XML-SIZE,
/// XML-DEPTH, XML-IO) and returns nullptr.
XmlDocPtr load_xml(const std::filesystem::path& path, core::DiagnosticSink& sink,
                   const XmlLimits& limits = {});
/// The same for bytes already in memory; `name` is used in diagnostics.
XmlDocPtr load_xml_memory(std::string_view bytes, const std::string& name, core::DiagnosticSink& sink,
                          const XmlLimits& limits = {});

/// Validates `doc` against the XSD at `schema_path` (schemas are cached per path). Each
/// violation becomes an XML-SCHEMA error at file:line:col with a plain message. Returns true
/// when valid.
bool validate_xml(_xmlDoc* doc, const std::filesystem::path& schema_path, const std::string& name,
                  core::DiagnosticSink& sink);

}  // namespace wenshu::ingest

// A read-only element tree copied out of libxml2 after ingest's secure load (xml_loader.h) and,
// when asked, XSD validation: plain data, so a stage that reads small XML files (the archive
// stage's sidecars, dossier metadata and EEP packages; job's build records) needs neither
// libxml2 nor its types. Reading XML stays in ingest (docs/architecture.md).
#pragma once
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"

namespace wenshu::ingest {

/// One element: local name (namespace dropped), attributes, direct text, children, line.
struct XmlNode {
  std::string name;
  std::vector<std::pair<std::string, std::string>> attrs;
  std::string text;  ///< concatenated direct text children, trimmed of surrounding whitespace
  std::vector<XmlNode> children;
  int line = 0;

  /// First child element with this name, or nullptr.
  const XmlNode* child(std::string_view n) const;
  /// Text of the first child with this name ("" when absent).
  std::string child_text(std::string_view n) const;
  /// All children with this name.
  std::vector<const XmlNode*> all(std::string_view n) const;
  /// Attribute value ("" when absent).
  std::string attr(std::string_view n) const;
};

/// Parses XML bytes securely (load_xml_memory); if `schema` is non-empty also validates
/// against it (XML-SCHEMA diagnostics). Returns nullopt, with the loader's XML-… errors in `sink`,
/// when the bytes do not parse, have no root element or are invalid.
std::optional<XmlNode> parse_xml_tree(std::string_view bytes, const std::string& name,
                                      const std::filesystem::path& schema, core::DiagnosticSink& sink);

}  // namespace wenshu::ingest

// Small helpers to write the dossier's XML and text files byte-for-byte deterministically (UTF-8,
// LF, no BOM, two-space indentation, fixed element order) and to read elements back through
// libxml2 without letting libxml2 types out of the archive stage's .cc files.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace wenshu::archive {

/// Escapes & < > " for element text and attribute values; drops characters XML 1.0 forbids
/// (C0 controls except TAB/LF/CR), so any input string yields well-formed XML.
std::string xml_escape(std::string_view s);

/// Builds an indented XML document in a string. Elements are opened and closed explicitly;
/// `leaf` writes <name>text</name> (or <name/> when text is empty).
class XmlBuilder {
 public:
  XmlBuilder();  ///< starts with the XML declaration
  /// Opens <name attrs…>; attrs are (name, value) pairs written in the given order.
  void open(std::string_view name, const std::vector<std::pair<std::string, std::string>>& attrs = {});
  void close();
  void leaf(std::string_view name, std::string_view text,
            const std::vector<std::pair<std::string, std::string>>& attrs = {});
  /// The finished text (every element must be closed).
  const std::string& str() const { return out_; }

 private:
  void indent();
  std::string out_;
  std::vector<std::string> stack_;
};

}  // namespace wenshu::archive

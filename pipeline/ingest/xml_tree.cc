// Copies a libxml2 document into an XmlNode tree (see xml_tree.h).
#include "ingest/xml_tree.h"

#include <libxml/tree.h>

#include "ingest/xml_loader.h"

namespace wenshu::ingest {

const XmlNode* XmlNode::child(std::string_view n) const {
  for (const auto& c : children)
    if (c.name == n) return &c;
  return nullptr;
}

std::string XmlNode::child_text(std::string_view n) const {
  const XmlNode* c = child(n);
  return c ? c->text : std::string();
}

std::vector<const XmlNode*> XmlNode::all(std::string_view n) const {
  std::vector<const XmlNode*> out;
  for (const auto& c : children)
    if (c.name == n) out.push_back(&c);
  return out;
}

std::string XmlNode::attr(std::string_view n) const {
  for (const auto& [k, v] : attrs)
    if (k == n) return v;
  return {};
}

static std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return {};
  const auto e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

static void copy_node(xmlNode* in, XmlNode& out) {
  out.name = reinterpret_cast<const char*>(in->name);
  out.line = static_cast<int>(xmlGetLineNo(in));
  for (xmlAttr* a = in->properties; a; a = a->next) {
    xmlChar* v = xmlNodeListGetString(in->doc, a->children, 1);
    out.attrs.emplace_back(reinterpret_cast<const char*>(a->name), v ? reinterpret_cast<const char*>(v) : "");
    if (v) xmlFree(v);
  }
  std::string text;
  for (xmlNode* c = in->children; c; c = c->next) {
    if (c->type == XML_ELEMENT_NODE) {
      out.children.emplace_back();
      copy_node(c, out.children.back());
    } else if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content) {
      text += reinterpret_cast<const char*>(c->content);
    }
  }
  out.text = trim(text);
}

std::optional<XmlNode> parse_xml_tree(std::string_view bytes, const std::string& name,
                                      const std::filesystem::path& schema, core::DiagnosticSink& sink) {
  XmlDocPtr doc = load_xml_memory(bytes, name, sink);
  if (!doc) return std::nullopt;
  if (!schema.empty() && !validate_xml(doc.get(), schema, name, sink)) return std::nullopt;
  xmlNode* root = xmlDocGetRootElement(doc.get());
  if (!root) return std::nullopt;
  XmlNode tree;
  copy_node(root, tree);
  return tree;
}

}  // namespace wenshu::ingest

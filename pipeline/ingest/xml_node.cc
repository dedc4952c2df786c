#include "ingest/xml_node.h"

#include <cstdint>

#include <libxml/tree.h>

namespace wenshu::ingest {

const xmlNode* root_element(const xmlDoc* doc) {
  return doc ? xmlDocGetRootElement(doc) : nullptr;
}

std::string_view local_name(const xmlNode* node) {
  return node && node->name ? std::string_view(reinterpret_cast<const char*>(node->name)) : std::string_view();
}

std::pair<int, int> node_line_col(const xmlNode* node) {
  if (!node) return {0, 0};
  if (node->type == XML_ELEMENT_NODE && node->_private) {
    // Packed by the loader (xml_loader.cc, on_start_element): line << 24 | column.
    const auto packed = reinterpret_cast<std::uintptr_t>(node->_private);
    return {static_cast<int>(packed >> 24), static_cast<int>(packed & 0xFFFFFF)};
  }
  const long line = xmlGetLineNo(node);
  return {line > 0 ? static_cast<int>(line) : 0, 0};
}

core::SourceLocation node_location(const xmlNode* node, const std::string& file) {
  const auto [line, col] = node_line_col(node);
  return core::SourceLocation{file, line, col};
}

bool is_element(const xmlNode* node, const char* ns) {
  if (!node || node->type != XML_ELEMENT_NODE) return false;
  if (!ns) return true;
  return node->ns && node->ns->href && xmlStrEqual(node->ns->href, reinterpret_cast<const xmlChar*>(ns));
}

std::optional<std::string> attribute(const xmlNode* node, const char* name) {
  if (!node || node->type != XML_ELEMENT_NODE) return std::nullopt;
  for (const xmlAttr* a = node->properties; a; a = a->next) {
    if (a->ns || !xmlStrEqual(a->name, reinterpret_cast<const xmlChar*>(name))) continue;
    std::string out;
    for (const xmlNode* t = a->children; t; t = t->next)
      if (t->content) out += reinterpret_cast<const char*>(t->content);
    return out;
  }
  return std::nullopt;
}

std::string attribute_or(const xmlNode* node, const char* name, std::string fallback) {
  auto v = attribute(node, name);
  return v ? std::move(*v) : std::move(fallback);
}

namespace {
void append_text(const xmlNode* node, std::string& out) {
  for (const xmlNode* c = node->children; c; c = c->next) {
    if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
      if (c->content) out += reinterpret_cast<const char*>(c->content);
    } else if (c->type == XML_ELEMENT_NODE) {
      append_text(c, out);
    }
  }
}
}  // namespace

std::string text_content(const xmlNode* node) {
  std::string out;
  if (node) append_text(node, out);
  return out;
}

const xmlNode* first_element(const xmlNode* node) {
  if (!node) return nullptr;
  for (const xmlNode* c = node->children; c; c = c->next)
    if (c->type == XML_ELEMENT_NODE) return c;
  return nullptr;
}

const xmlNode* next_element(const xmlNode* node) {
  if (!node) return nullptr;
  for (const xmlNode* c = node->next; c; c = c->next)
    if (c->type == XML_ELEMENT_NODE) return c;
  return nullptr;
}

}  // namespace wenshu::ingest

// Small helpers for readers that walk a libxml2 tree built by load_xml(): element locations
// (full line numbers and columns, which libxml2's 16-bit xmlNode::line cannot hold), attribute
// and text access, child iteration. The node type stays opaque here, so tests can use these
// without libxml2 headers.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "core/diagnostic.h"

struct _xmlNode;  // libxml2's xmlNode
struct _xmlDoc;   // libxml2's xmlDoc

namespace wenshu::ingest {

/// Where an element of a document loaded by load_xml() starts ('<'), as file:line:col. The
/// loader stores line and column in the element's _private field; for nodes of other
/// documents it falls back to xmlGetLineNo() with column 0.
core::SourceLocation node_location(const _xmlNode* node, const std::string& file);

/// The (1-based) line and column stored by the loader; {0, 0} when unknown.
std::pair<int, int> node_line_col(const _xmlNode* node);

/// The root element of a document (nullptr if none).
const _xmlNode* root_element(const _xmlDoc* doc);

/// The local name of an element ("member" for <r:member>).
std::string_view local_name(const _xmlNode* node);

/// True if `node` is an element in namespace `ns` (nullptr: any namespace).
bool is_element(const _xmlNode* node, const char* ns = nullptr);

/// The value of an unqualified attribute, or nullopt when absent.
std::optional<std::string> attribute(const _xmlNode* node, const char* name);

/// The value of an unqualified attribute, or `fallback` when absent.
std::string attribute_or(const _xmlNode* node, const char* name, std::string fallback = {});

/// The concatenated text content of an element (all descendant text, as written).
std::string text_content(const _xmlNode* node);

/// The first element child, and the next element sibling (nullptr at the end).
const _xmlNode* first_element(const _xmlNode* node);
const _xmlNode* next_element(const _xmlNode* node);

}  // namespace wenshu::ingest

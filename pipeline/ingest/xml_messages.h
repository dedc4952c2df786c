// Turning libxml2's error messages into the plain one-line messages of wenshu diagnostics:
// which stage rule id an error belongs to, and a Chinese message without libxml2's noise
// ("Element '{urn:wenshu:records:1}member', attribute 'role': [facet 'enumeration'] …" becomes
// "元素 member 的属性 role: 取值 '主任' 不在允许的取值之中（书记、副书记、常委、委员）").
// Internal to ingest (and its tests); no libxml2 types here.
#pragma once
#include <string>
#include <string_view>

namespace wenshu::ingest {

/// The stage rule id for a libxml2 parser error: XML-SIZE for libxml2's own size limits,
/// XML-DEPTH for its depth limit, XML-ENCODING for encoding errors, else XML-PARSE.
std::string parser_error_rule(int domain, int code, std::string_view message);

/// A one-line message for a libxml2 parser error: a Chinese summary for the common error
/// codes, then " / " and libxml2's own English text (trimmed).
std::string parser_error_message(int code, std::string_view message);

/// A one-line Chinese message for an XSD validation error of libxml2: namespace URIs and
/// quoting noise removed, the common phrases translated, anything else kept in English.
std::string schema_error_message(std::string_view message);

/// Removes trailing newlines and spaces and folds inner newlines into spaces.
std::string trim_message(std::string_view message);

}  // namespace wenshu::ingest

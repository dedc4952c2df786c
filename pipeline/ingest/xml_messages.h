// Turning libxml2's errors into the plain one-line messages of wenshu diagnostics. Everything is
// taken from the structured fields of libxml2's xmlError (domain, code, the node, str1..str3);
// its English message text is read only for the few facts libxml2 puts nowhere else (which
// attribute, which type, which child elements were expected), by bounded scans of fixed
// phrases, never by regular expressions: a value the input controls may be megabytes long.
// Values are quoted only up to a bounded prefix. Internal to ingest (and its tests); no libxml2
// types here.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/xml_vocabulary.h"

namespace wenshu::ingest {

/// The stage rule id for a libxml2 parser error: XML-SIZE for libxml2's own size limits,
/// XML-DEPTH for its depth limit, XML-ENCODING for encoding errors, else XML-PARSE.
/// `at_depth_limit`: the parser stood at the loader's depth limit when the error came.
std::string parser_error_rule(int code, std::string_view message, bool at_depth_limit);

/// A one-line message for a libxml2 parser error: a Chinese summary for the error code, then
/// " / " and libxml2's own English text (trimmed, at most a few hundred bytes).
std::string parser_error_message(int code, std::string_view message);

/// The facts of one libxml2 XSD validity error (domain XML_FROM_SCHEMASV), copied out of its
/// xmlError so that the wording can be tested without libxml2.
struct SchemaError {
  int code = 0;             ///< xmlParserErrors (XML_SCHEMAV_…)
  std::string element;      ///< local name of the element the error is on ("" if unknown)
  std::string message;      ///< libxml2's English message (read for facts only, never shown whole)
  std::string str1, str2, str3;  ///< libxml2's extra fields (value, facet, set …; see the .cc)
  std::string text;         ///< the element's text, for errors on an element's own value
};

/// A one-line message (Chinese, " / ", English) for a schema validity error: the element and
/// attribute named in Chinese where the schema documents them, the expected form of a value
/// (YYYY-MM-DD …), patterns printed whole, the nearest allowed value of an enumeration.
std::string schema_error_message(const SchemaError& error, const SchemaVocabulary& vocabulary);

/// `value` quoted for a message: at most `max_chars` characters, then "…" and the full length;
/// line breaks and tabs shown as spaces.
std::string quote_value(std::string_view value, std::size_t max_chars = 40);

/// Levenshtein distance between two strings, counted in Unicode code points.
std::size_t edit_distance(std::string_view a, std::string_view b);

/// The allowed values nearest to `value` by edit distance, when near enough to be a slip
/// (at most one edit in three characters): "因私请价" → {"因私请假"}. Empty when none is close.
std::vector<std::string> nearest_values(std::string_view value, const std::vector<std::string>& allowed);

/// Removes trailing newlines and spaces, folds inner newlines into spaces, and cuts the result
/// to at most `max_bytes` (on a UTF-8 boundary, "…" appended).
std::string trim_message(std::string_view message, std::size_t max_bytes = 400);

}  // namespace wenshu::ingest

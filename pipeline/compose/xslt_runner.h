// The compose engine: runs an XSLT 1.0 template (libxslt) over the merged records of one
// committee-year and returns the 公文 document-model XML it produces. Templates are data that IT
// staff edit without a compiler, so the engine treats them as untrusted: no file writes, no
// directories, no network, document() only inside the templates folder, bounded recursion, and
// every template error reported as a diagnostic at the template's file:line.
#pragma once
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/diagnostic.h"

struct _xmlDoc;  // libxml2's xmlDoc; libxml2/libxslt types stay inside compose and ingest

namespace wenshu::compose {

/// String parameters passed to a template (xsl:param), in order; values are plain strings
/// (quoted for XPath by the engine, so a record id with quotes cannot inject an expression).
using XsltParams = std::vector<std::pair<std::string, std::string>>;

/// Documents handed to a transformation in memory, by name: a template reads one with
/// document('input:NAME'). No file is read for them (and no other URI scheme is allowed).
using InputDocuments = std::map<std::string, std::string_view>;

/// Stage rule ids of the compose engine.
inline constexpr const char* kRuleTemplate = "COMPOSE-TEMPLATE";   ///< template does not compile
inline constexpr const char* kRuleTransform = "COMPOSE-XSLT";      ///< runtime error / xsl:message terminate
inline constexpr const char* kRuleMessage = "COMPOSE-MESSAGE";     ///< xsl:message without terminate
inline constexpr const char* kRuleSecurity = "COMPOSE-SECURITY";   ///< forbidden file / network access

/// Compiles templates once (cached per path) and applies them. Thread-safe: compilation is
/// serialised, transformations of different inputs may run concurrently.
class XsltRunner {
 public:
  /// `template_root`: the only folder from which templates may read other files (xsl:import,
  /// document()). Usually core::data_path("templates").
  explicit XsltRunner(std::filesystem::path template_root);
  ~XsltRunner();
  XsltRunner(const XsltRunner&) = delete;
  XsltRunner& operator=(const XsltRunner&) = delete;

  /// Applies the template at `xsl` to `input`. `what` names the input in diagnostics (e.g. the
  /// record id). Returns the output serialised as the template's xsl:output says (UTF-8), or
  /// nullopt after pushing diagnostics located at the template's file:line. `documents`, when
  /// given, are what document('input:NAME') reads.
  std::optional<std::string> transform(const std::filesystem::path& xsl, _xmlDoc* input,
                                       const XsltParams& params, const std::string& what,
                                       core::DiagnosticSink& sink, const InputDocuments* documents = nullptr);

  /// Compiles (or fetches from the cache) the template; false after pushing diagnostics.
  /// Useful to check every template once before a run.
  bool check(const std::filesystem::path& xsl, core::DiagnosticSink& sink);

  /// Template recursion limit (xsl:call-template / apply-templates depth).
  void set_max_depth(int depth) { max_depth_ = depth; }

 private:
  struct Compiled;
  const Compiled* compiled(const std::filesystem::path& xsl, core::DiagnosticSink& sink);

  std::filesystem::path root_;
  int max_depth_ = 500;
  std::mutex mutex_;
  std::map<std::string, std::unique_ptr<Compiled>> cache_;
};

/// Frees an xmlDoc (libxml2 stays out of the header).
struct XmlDocFree {
  void operator()(_xmlDoc* doc) const;
};
/// An owned libxml2 document (a template's input).
using XmlDoc = std::unique_ptr<_xmlDoc, XmlDocFree>;

/// Parses XML bytes with network, DTD and entity loading off (for inputs built in memory and
/// for tests); nullptr after pushing an XML-PARSE diagnostic naming `name`.
XmlDoc parse_xml(std::string_view bytes, const std::string& name, core::DiagnosticSink& sink);

/// Quotes `value` as an XPath 1.0 string literal ('…', "…", or concat() when it holds both).
std::string xpath_quote(const std::string& value);

}  // namespace wenshu::compose

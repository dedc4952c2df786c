// libxslt behind a small, defensive interface (see xslt_runner.h for the why).
#include "compose/xslt_runner.h"

#include <cstdarg>
#include <cstdio>
#include <cstring>
#include <regex>
#include <sstream>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxslt/documents.h>
#include <libxslt/security.h>
#include <libxslt/transform.h>
#include <libxslt/variables.h>
#include <libxslt/xslt.h>
#include <libxslt/xsltInternals.h>
#include <libxslt/xsltutils.h>

namespace wenshu::compose {
namespace fs = std::filesystem;

namespace {

/// Collects the text libxslt and libxml2 emit through their error callbacks, then turns it into
/// diagnostics. libxslt writes a context line ("runtime error: file F line N element E") and
/// then the message, in several printf-style chunks.
struct ErrorCollector {
  std::string text;
  std::vector<core::Diagnostic> structured;  // libxml2 parse errors of template files
  bool security_violation = false;
};

// The collector of the current thread's compile or transform (libxml2's structured handler is
// per thread; libxslt's generic handler is global, so compilation is serialised by the mutex).
thread_local ErrorCollector* t_collector = nullptr;
// The template root of the current thread's compile or transform, for the document loader.
thread_local const fs::path* t_root = nullptr;

void collect_generic(void* ctx, const char* fmt, ...) {
  auto* c = static_cast<ErrorCollector*>(ctx);
  if (c == nullptr) c = t_collector;
  if (c == nullptr) return;
  char buf[2048];
  va_list ap;
  va_start(ap, fmt);
  const int n = std::vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  if (n > 0) c->text.append(buf, std::min<std::size_t>(static_cast<std::size_t>(n), sizeof buf - 1));
}

void collect_structured(void* ctx, xmlErrorPtr err) {
  auto* c = static_cast<ErrorCollector*>(ctx);
  if (c == nullptr || err == nullptr) return;
  if (err->domain == XML_FROM_XPATH || err->domain == XML_FROM_XSLT) {
    // An XPath error inside a template: libxslt follows it with a context line naming the
    // template file and line, so keep it as text for flush() to attach to that context.
    std::string msg = err->message ? err->message : "XPath error";
    while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' ')) msg.pop_back();
    c->text += "XPath: " + msg + (err->str1 ? std::string(" 「") + err->str1 + "」" : "") + "\n";
    return;
  }
  core::Diagnostic d;
  d.severity = err->level == XML_ERR_WARNING ? core::Severity::kWarning : core::Severity::kError;
  d.rule = kRuleTemplate;
  d.location.file = err->file ? err->file : "";
  d.location.line = err->line;
  d.location.column = err->int2;
  std::string msg = err->message ? err->message : "XML error";
  while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' ')) msg.pop_back();
  d.message = "模板不是格式正确的 XML / template is not well-formed XML: " + msg;
  c->structured.push_back(std::move(d));
}

/// True when `path` lies inside `root` (both made absolute and normalised; no symlink games:
/// templates are read from the data folder, which the user controls anyway).
bool inside(const fs::path& root, const fs::path& path) {
  const fs::path r = fs::absolute(root).lexically_normal();
  const fs::path p = fs::absolute(path).lexically_normal();
  auto ri = r.begin();
  auto pi = p.begin();
  for (; ri != r.end(); ++ri, ++pi) {
    if (ri->empty()) continue;  // trailing separator
    if (pi == p.end() || *ri != *pi) return false;
  }
  return true;
}

/// A URI from libxslt as a local path, or empty when it is not a local file.
fs::path local_path(const char* uri) {
  std::string s = uri ? uri : "";
  if (s.rfind("file://", 0) == 0) s = s.substr(7);
  if (s.find("://") != std::string::npos) return {};
  return fs::path(s);
}

xsltDocLoaderFunc g_default_loader = nullptr;

// The document loader for templates and document(): only local files under the template root,
// parsed without network, DTD loading or entity substitution (libxslt's default options would
// substitute entities), and any DOCTYPE refused.
xmlDocPtr safe_loader(const xmlChar* uri, xmlDictPtr dict, int options, void* ctxt, xsltLoadType type) {
  const fs::path path = local_path(reinterpret_cast<const char*>(uri));
  const bool allowed = t_root != nullptr && !path.empty() && inside(*t_root, path);
  if (!allowed) {
    if (t_collector) {
      t_collector->security_violation = true;
      t_collector->text += std::string("security error: reading ") + (uri ? reinterpret_cast<const char*>(uri) : "") +
                           " is not allowed: templates may only read files inside the templates folder\n";
    }
    return nullptr;
  }
  options &= ~(XML_PARSE_NOENT | XML_PARSE_DTDLOAD | XML_PARSE_DTDATTR | XML_PARSE_DTDVALID | XML_PARSE_XINCLUDE);
  options |= XML_PARSE_NONET;
  xmlDocPtr doc = g_default_loader(uri, dict, options, ctxt, type);
  if (doc != nullptr && doc->intSubset != nullptr) {
    if (t_collector)
      t_collector->text += std::string("security error: ") + reinterpret_cast<const char*>(uri) +
                           " has a DOCTYPE; templates may not declare DTDs or entities\n";
    xmlFreeDoc(doc);
    return nullptr;
  }
  return doc;
}

int forbid(xsltSecurityPrefsPtr, xsltTransformContextPtr, const char* value) {
  if (t_collector) {
    t_collector->security_violation = true;
    t_collector->text += std::string("security error: forbidden access to ") + (value ? value : "") + "\n";
  }
  return 0;
}

int read_check(xsltSecurityPrefsPtr, xsltTransformContextPtr, const char* value) {
  const fs::path path = local_path(value);
  if (t_root != nullptr && !path.empty() && inside(*t_root, path)) return 1;
  if (t_collector) {
    t_collector->security_violation = true;
    t_collector->text += std::string("security error: reading ") + (value ? value : "") +
                         " is not allowed: templates may only read files inside the templates folder\n";
  }
  return 0;
}

void init_once() {
  static std::once_flag once;
  std::call_once(once, [] {
    xmlInitParser();
    g_default_loader = xsltDocDefaultLoader;
    xsltSetLoaderFunc(safe_loader);
    // libxslt's generic error channel is one global: route it to the collector of the calling
    // thread (stack dumps and compile errors would otherwise go to stderr).
    xsltSetGenericErrorFunc(nullptr, collect_generic);
  });
}

/// Security preferences shared by every transformation (immutable once built).
xsltSecurityPrefsPtr security_prefs() {
  static xsltSecurityPrefsPtr prefs = [] {
    xsltSecurityPrefsPtr p = xsltNewSecurityPrefs();
    xsltSetSecurityPrefs(p, XSLT_SECPREF_READ_FILE, read_check);
    xsltSetSecurityPrefs(p, XSLT_SECPREF_WRITE_FILE, forbid);
    xsltSetSecurityPrefs(p, XSLT_SECPREF_CREATE_DIRECTORY, forbid);
    xsltSetSecurityPrefs(p, XSLT_SECPREF_READ_NETWORK, forbid);
    xsltSetSecurityPrefs(p, XSLT_SECPREF_WRITE_NETWORK, forbid);
    return p;
  }();
  return prefs;
}

/// Turns collected libxslt text into diagnostics. A context line sets file:line for the
/// messages after it; lines without context get the template file.
void flush(ErrorCollector& c, const std::string& rule, const fs::path& xsl, const std::string& what,
           core::DiagnosticSink& sink) {
  for (auto& d : c.structured) {
    if (d.location.file.empty()) d.location.file = xsl.string();
    d.record_id = what;
    sink.push(std::move(d));
  }
  c.structured.clear();
  static const std::regex context(R"(^(compilation|runtime) error: file (.*) line (\d+) element (\S+)\s*$)");
  static const std::regex context_noelem(R"(^(compilation|runtime) error: file (.*) line (\d+)\s*$)");
  std::istringstream in(c.text);
  std::string line;
  core::SourceLocation loc{xsl.string(), 0, 0};
  std::string element;
  bool have_context = false;
  std::vector<std::string> pending;
  auto emit = [&] {
    if (pending.empty() && !have_context) return;
    core::Diagnostic d;
    d.rule = rule;
    d.location = loc;
    d.record_id = what;
    std::string msg;
    for (const auto& p : pending) msg += (msg.empty() ? "" : "; ") + p;
    if (msg.empty()) msg = "error";
    const bool security = msg.find("security error") != std::string::npos;
    if (security) d.rule = kRuleSecurity;
    const char* prefix = rule == kRuleTemplate  ? "模板编译失败 / template error"
                         : rule == kRuleMessage ? "模板提示 / template message"
                                                : "模板执行失败 / transform error";
    d.message = std::string(prefix) +
                (element.empty() ? "" : " in xsl:" + element) + ": " + msg;
    d.hints.push_back("模板 " + xsl.filename().string() + (what.empty() ? "" : "，记录 " + what));
    sink.push(std::move(d));
    pending.clear();
    have_context = false;
    element.clear();
    loc = {xsl.string(), 0, 0};
  };
  while (std::getline(in, line)) {
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
    if (line.empty()) continue;
    std::smatch m;
    if (std::regex_match(line, m, context) || std::regex_match(line, m, context_noelem)) {
      // Lines before the first context (XPath errors) belong to the context that follows.
      if (have_context) emit();
      have_context = true;
      loc.file = m[2].str();
      loc.line = std::stoi(m[3].str());
      element = m.size() > 4 ? m[4].str() : "";
      if (element.rfind("xsl:", 0) == 0) element = element.substr(4);
      continue;
    }
    pending.push_back(line);
  }
  emit();
  c.text.clear();
}

}  // namespace

struct XsltRunner::Compiled {
  xsltStylesheetPtr style = nullptr;
  bool ok = false;
  std::vector<core::Diagnostic> errors;  // replayed on every use of a broken template
  ~Compiled() {
    if (style) xsltFreeStylesheet(style);
  }
};

XsltRunner::XsltRunner(fs::path template_root) : root_(std::move(template_root)) { init_once(); }

XsltRunner::~XsltRunner() = default;

const XsltRunner::Compiled* XsltRunner::compiled(const fs::path& xsl, core::DiagnosticSink& sink) {
  const std::string key = fs::absolute(xsl).lexically_normal().string();
  std::lock_guard lock(mutex_);
  auto it = cache_.find(key);
  if (it == cache_.end()) {
    auto c = std::make_unique<Compiled>();
    ErrorCollector collector;
    t_collector = &collector;
    t_root = &root_;
    xmlSetStructuredErrorFunc(&collector, collect_structured);
    core::DiagnosticSink local;
    if (!inside(root_, key)) {
      core::Diagnostic d;
      d.rule = kRuleSecurity;
      d.location.file = key;
      d.message = "模板不在模板目录内 / template is outside the templates folder " + root_.string();
      local.push(std::move(d));
    } else if (!fs::is_regular_file(key)) {
      core::Diagnostic d;
      d.rule = kRuleTemplate;
      d.location.file = key;
      d.message = "找不到模板 / template not found";
      local.push(std::move(d));
    } else {
      c->style = xsltParseStylesheetFile(reinterpret_cast<const xmlChar*>(key.c_str()));
      if (c->style != nullptr && c->style->errors > 0) {
        xsltFreeStylesheet(c->style);
        c->style = nullptr;
      }
      flush(collector, kRuleTemplate, key, "", local);
      if (c->style == nullptr && !local.has_errors()) {
        core::Diagnostic d;
        d.rule = kRuleTemplate;
        d.location.file = key;
        d.message = "模板编译失败 / template could not be compiled";
        local.push(std::move(d));
      }
    }
    xmlSetStructuredErrorFunc(nullptr, nullptr);
    t_collector = nullptr;
    t_root = nullptr;
    c->ok = c->style != nullptr;
    c->errors = local.items();
    it = cache_.emplace(key, std::move(c)).first;
  }
  for (const auto& d : it->second->errors) sink.push(d);
  return it->second->ok ? it->second.get() : nullptr;
}

bool XsltRunner::check(const fs::path& xsl, core::DiagnosticSink& sink) { return compiled(xsl, sink) != nullptr; }

std::optional<std::string> XsltRunner::transform(const fs::path& xsl, _xmlDoc* input, const XsltParams& params,
                                                 const std::string& what, core::DiagnosticSink& sink) {
  const Compiled* c = compiled(xsl, sink);
  if (c == nullptr) return std::nullopt;
  const std::string key = fs::absolute(xsl).lexically_normal().string();

  ErrorCollector collector;
  t_collector = &collector;
  t_root = &root_;
  xmlSetStructuredErrorFunc(&collector, collect_structured);
  xsltTransformContextPtr ctxt = xsltNewTransformContext(c->style, input);
  std::optional<std::string> out;
  if (ctxt != nullptr) {
    xsltSetTransformErrorFunc(ctxt, &collector, collect_generic);
    xsltSetCtxtSecurityPrefs(security_prefs(), ctxt);
    ctxt->maxTemplateDepth = max_depth_;
    // Parameters are passed as literal strings, never as XPath expressions.
    std::vector<std::string> storage;
    storage.reserve(params.size() * 2);
    for (const auto& [name, value] : params) {
      storage.push_back(name);
      storage.push_back(value);
    }
    std::vector<const char*> argv;
    for (const auto& s : storage) argv.push_back(s.c_str());
    argv.push_back(nullptr);
    xsltQuoteUserParams(ctxt, argv.data());
    xmlDocPtr result = xsltApplyStylesheetUser(c->style, input, nullptr, nullptr, nullptr, ctxt);
    const bool failed = result == nullptr || ctxt->state != XSLT_STATE_OK || collector.security_violation;
    if (!failed) {
      xmlChar* buf = nullptr;
      int len = 0;
      if (xsltSaveResultToString(&buf, &len, result, c->style) == 0 && buf != nullptr) {
        out.emplace(reinterpret_cast<const char*>(buf), static_cast<std::size_t>(len));
      }
      xmlFree(buf);
    }
    if (result) xmlFreeDoc(result);
    // Anything printed without a failure is an xsl:message from the template: a warning.
    core::DiagnosticSink local;
    flush(collector, failed ? kRuleTransform : kRuleMessage, key, what, local);
    for (auto d : local.items()) {
      if (!failed) d.severity = core::Severity::kWarning;
      sink.push(std::move(d));
    }
    if (failed && !local.has_errors()) {
      core::Diagnostic d;
      d.rule = kRuleTransform;
      d.location.file = key;
      d.record_id = what;
      d.message = "模板执行失败 / transform failed (xsl:message terminate or runtime error)";
      sink.push(std::move(d));
    }
    if (failed) out.reset();
    xsltFreeTransformContext(ctxt);
  }
  xmlSetStructuredErrorFunc(nullptr, nullptr);
  t_collector = nullptr;
  t_root = nullptr;
  return out;
}

void XmlDocFree::operator()(_xmlDoc* doc) const {
  if (doc) xmlFreeDoc(doc);
}

XmlDoc parse_xml(std::string_view bytes, const std::string& name, core::DiagnosticSink& sink) {
  init_once();
  ErrorCollector collector;
  xmlSetStructuredErrorFunc(&collector, collect_structured);
  xmlDocPtr doc = xmlReadMemory(bytes.data(), static_cast<int>(bytes.size()), name.c_str(), "UTF-8",
                                XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_HUGE);
  xmlSetStructuredErrorFunc(nullptr, nullptr);
  if (doc != nullptr && doc->intSubset != nullptr) {
    xmlFreeDoc(doc);
    doc = nullptr;
    core::Diagnostic d;
    d.rule = "XML-DTD";
    d.location.file = name;
    d.message = "不接受 DOCTYPE / DOCTYPE not accepted";
    sink.push(std::move(d));
  }
  for (auto& d : collector.structured) {
    d.rule = "XML-PARSE";
    if (d.location.file.empty()) d.location.file = name;
    d.message = "XML 格式错误 / not well-formed: " + d.message.substr(d.message.find(": ") + 2);
    sink.push(std::move(d));
  }
  return XmlDoc(doc);
}

std::string xpath_quote(const std::string& value) {
  if (value.find('\'') == std::string::npos) return "'" + value + "'";
  if (value.find('"') == std::string::npos) return "\"" + value + "\"";
  std::string out = "concat(";
  std::string part;
  bool first = true;
  for (char ch : value) {
    if (ch == '\'') {
      out += (first ? "" : ",") + std::string("'") + part + "',\"'\"";
      part.clear();
      first = false;
    } else {
      part += ch;
    }
  }
  out += (first ? "" : ",") + std::string("'") + part + "')";
  return out;
}

}  // namespace wenshu::compose

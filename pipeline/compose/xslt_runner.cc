// libxslt behind a small, defensive interface (see xslt_runner.h for the why).
#include "compose/xslt_runner.h"

#include <cstdarg>
#include <cstdio>
#include <cstring>

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

/// One thing libxslt or libxml2 reported: a context (libxslt's "runtime error: file F line N
/// element E", passed to us as separate printf arguments) or a line of message text.
struct ErrorEvent {
  bool context = false;
  std::string file;
  int line = 0;
  std::string element;
  std::string text;
};

/// Collects what libxslt and libxml2 report during one compile or transform, as events. The
/// context lines are read from their printf arguments (libxslt's xsltPrintErrorContext always
/// uses the same few format strings), never by parsing text: a message may quote input of any
/// length, and is only ever cut, never scanned with a pattern.
struct ErrorCollector {
  std::vector<ErrorEvent> events;
  std::string partial;                        // message text not yet ended by a newline
  std::vector<core::Diagnostic> structured;   // libxml2 parse errors of template files
  bool security_violation = false;
  xsltTransformContextPtr transform = nullptr;  // while transforming: where xsl:message stands

  void add_text(std::string_view chunk) {
    for (char c : chunk) {
      if (c == '\n') {
        end_line();
      } else if (partial.size() < kMaxMessageBytes) {
        partial += c;
      }
    }
  }
  void end_line() {
    while (!partial.empty() && (partial.back() == '\r' || partial.back() == ' ')) partial.pop_back();
    if (!partial.empty() && events.size() < kMaxEvents) {
      ErrorEvent e;
      e.text = cut_utf8(partial);
      // The instruction being executed (an xsl:message prints no context of its own).
      if (transform && transform->inst && transform->inst->type == XML_ELEMENT_NODE) {
        e.line = static_cast<int>(xmlGetLineNo(transform->inst));
        if (transform->inst->doc && transform->inst->doc->URL)
          e.file = reinterpret_cast<const char*>(transform->inst->doc->URL);
      }
      events.push_back(std::move(e));
    }
    partial.clear();
  }
  void add_context(const char* file, int line, const char* element) {
    end_line();
    if (events.size() >= kMaxEvents) return;
    ErrorEvent e;
    e.context = true;
    e.file = file ? file : "";
    e.line = line;
    e.element = element ? element : "";
    if (e.element.rfind("xsl:", 0) == 0) e.element.erase(0, 4);
    events.push_back(std::move(e));
  }

  static constexpr std::size_t kMaxMessageBytes = 600;  // one message line, as kept
  static constexpr std::size_t kMaxEvents = 1000;       // a template printing in a loop
  /// `s` without a UTF-8 sequence cut at its end (text is cut at kMaxMessageBytes).
  static std::string cut_utf8(const std::string& s) {
    std::size_t n = s.size();
    std::size_t back = n;
    while (back > 0 && (static_cast<unsigned char>(s[back - 1]) & 0xC0) == 0x80) --back;
    if (back > 0) {
      const unsigned char lead = static_cast<unsigned char>(s[back - 1]);
      const std::size_t need = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
      if (n - (back - 1) < need) n = back - 1;
    }
    return s.substr(0, n);
  }
};

// The collector of the current thread's compile or transform (libxml2's structured handler is
// per thread; libxslt's generic handler is global, so compilation is serialised by the mutex).
thread_local ErrorCollector* t_collector = nullptr;
// The template root of the current thread's compile or transform, for the document loader.
thread_local const fs::path* t_root = nullptr;
// The in-memory documents of the current thread's transform (document('input:NAME')).
thread_local const InputDocuments* t_documents = nullptr;
constexpr std::string_view kInputScheme = "input:";

/// The in-memory document a URI names, or nullptr when it names none.
const std::string_view* input_document(const char* uri) {
  const std::string_view s = uri ? uri : "";
  if (t_documents == nullptr || s.substr(0, kInputScheme.size()) != kInputScheme) return nullptr;
  const auto it = t_documents->find(std::string(s.substr(kInputScheme.size())));
  return it == t_documents->end() ? nullptr : &it->second;
}

bool is_error_kind(const char* s) {
  return s && (std::strcmp(s, "runtime error") == 0 || std::strcmp(s, "compilation error") == 0 ||
               std::strcmp(s, "compilation warning") == 0 || std::strcmp(s, "error") == 0);
}

void collect_generic(void* ctx, const char* fmt, ...) {
  auto* c = static_cast<ErrorCollector*>(ctx);
  if (c == nullptr) c = t_collector;
  if (c == nullptr || fmt == nullptr) return;
  va_list ap;
  va_start(ap, fmt);
  // The context formats of libxslt's xsltPrintErrorContext (xsltutils.c), argument by argument.
  if (std::strcmp(fmt, "%s: file %s line %d element %s\n") == 0) {
    va_arg(ap, const char*);
    const char* file = va_arg(ap, const char*);
    const int line = va_arg(ap, int);
    c->add_context(file, line, va_arg(ap, const char*));
  } else if (std::strcmp(fmt, "%s: file %s element %s\n") == 0) {
    va_arg(ap, const char*);
    const char* file = va_arg(ap, const char*);
    c->add_context(file, 0, va_arg(ap, const char*));
  } else if (std::strcmp(fmt, "%s: file %s line %d\n") == 0) {
    va_arg(ap, const char*);
    const char* file = va_arg(ap, const char*);
    c->add_context(file, va_arg(ap, int), nullptr);
  } else if (std::strcmp(fmt, "%s: file %s\n") == 0) {
    va_arg(ap, const char*);
    c->add_context(va_arg(ap, const char*), 0, nullptr);
  } else if (std::strcmp(fmt, "%s: element %s\n") == 0) {
    va_arg(ap, const char*);
    c->add_context(nullptr, 0, va_arg(ap, const char*));
  } else {
    va_list copy;
    va_copy(copy, ap);
    const char* first = std::strcmp(fmt, "%s\n") == 0 ? va_arg(copy, const char*) : nullptr;
    va_end(copy);
    if (is_error_kind(first)) {
      c->add_context(nullptr, 0, nullptr);
    } else {
      char buf[2048];
      const int n = std::vsnprintf(buf, sizeof buf, fmt, ap);
      if (n > 0) c->add_text(std::string_view(buf, std::min<std::size_t>(static_cast<std::size_t>(n), sizeof buf - 1)));
    }
  }
  va_end(ap);
}

void collect_structured(void* ctx, xmlErrorPtr err) {
  auto* c = static_cast<ErrorCollector*>(ctx);
  if (c == nullptr || err == nullptr) return;
  if (err->domain == XML_FROM_XPATH || err->domain == XML_FROM_XSLT) {
    // An XPath error inside a template: libxslt follows it with a context line naming the
    // template file and line, so it is kept as text for flush() to attach to that context.
    c->add_text("XPath: ");
    c->add_text(err->message ? err->message : "XPath error");
    c->end_line();
    return;
  }
  core::Diagnostic d;
  d.severity = err->level == XML_ERR_WARNING ? core::Severity::kWarning : core::Severity::kError;
  d.rule = kRuleTemplate;
  d.location.file = err->file ? err->file : "";
  d.location.line = err->line;
  d.location.column = err->int2;
  std::string msg = ErrorCollector::cut_utf8(std::string(err->message ? err->message : "XML error").substr(0, 600));
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
  options &= ~(XML_PARSE_NOENT | XML_PARSE_DTDLOAD | XML_PARSE_DTDATTR | XML_PARSE_DTDVALID | XML_PARSE_XINCLUDE);
  options |= XML_PARSE_NONET;
  if (const auto* bytes = input_document(reinterpret_cast<const char*>(uri)); bytes && type == XSLT_LOAD_DOCUMENT) {
    xmlDocPtr doc = xmlReadMemory(bytes->data(), static_cast<int>(bytes->size()), reinterpret_cast<const char*>(uri),
                                  nullptr, options);
    if (doc != nullptr && doc->intSubset != nullptr) {
      xmlFreeDoc(doc);
      return nullptr;
    }
    return doc;
  }
  const fs::path path = local_path(reinterpret_cast<const char*>(uri));
  const bool allowed = t_root != nullptr && !path.empty() && inside(*t_root, path);
  if (!allowed) {
    if (t_collector) {
      t_collector->security_violation = true;
      t_collector->add_text(std::string("security error: reading ") + (uri ? reinterpret_cast<const char*>(uri) : "") +
                            " is not allowed: templates may only read files inside the templates folder\n");
    }
    return nullptr;
  }
  xmlDocPtr doc = g_default_loader(uri, dict, options, ctxt, type);
  if (doc != nullptr && doc->intSubset != nullptr) {
    if (t_collector)
      t_collector->add_text(std::string("security error: ") + reinterpret_cast<const char*>(uri) +
                            " has a DOCTYPE; templates may not declare DTDs or entities\n");
    xmlFreeDoc(doc);
    return nullptr;
  }
  return doc;
}

int forbid(xsltSecurityPrefsPtr, xsltTransformContextPtr, const char* value) {
  if (t_collector) {
    t_collector->security_violation = true;
    t_collector->add_text(std::string("security error: forbidden access to ") + (value ? value : "") + "\n");
  }
  return 0;
}

// document('input:NAME') has a URI scheme, so libxslt asks the network check: allowed only for
// the documents handed to this transform.
int network_check(xsltSecurityPrefsPtr sec, xsltTransformContextPtr ctxt, const char* value) {
  if (input_document(value) != nullptr) return 1;
  return forbid(sec, ctxt, value);
}

int read_check(xsltSecurityPrefsPtr, xsltTransformContextPtr, const char* value) {
  const fs::path path = local_path(value);
  if (t_root != nullptr && !path.empty() && inside(*t_root, path)) return 1;
  if (t_collector) {
    t_collector->security_violation = true;
    t_collector->add_text(std::string("security error: reading ") + (value ? value : "") +
                          " is not allowed: templates may only read files inside the templates folder\n");
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
    xsltSetSecurityPrefs(p, XSLT_SECPREF_READ_NETWORK, network_check);
    xsltSetSecurityPrefs(p, XSLT_SECPREF_WRITE_NETWORK, forbid);
    return p;
  }();
  return prefs;
}

/// Turns the collected events into diagnostics. A context sets file:line for the messages after
/// it (libxslt prints an XPath error before its context, so lines before the first context
/// belong to the context that follows); messages without a context get the template file.
void flush(ErrorCollector& c, const std::string& rule, const fs::path& xsl, const std::string& what,
           core::DiagnosticSink& sink) {
  for (auto& d : c.structured) {
    if (d.location.file.empty()) d.location.file = xsl.string();
    d.record_id = what;
    sink.push(std::move(d));
  }
  c.structured.clear();
  c.end_line();
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
    if (msg.find("security error") != std::string::npos) d.rule = kRuleSecurity;
    const char* prefix = rule == kRuleTemplate  ? "模板编译失败 / template error"
                         : rule == kRuleMessage ? "模板提示 / template message"
                                                : "模板执行失败 / transform error";
    d.message = std::string(prefix) + (element.empty() ? "" : " in xsl:" + element) + ": " + msg;
    d.hints.push_back("模板 " + xsl.filename().string() + (what.empty() ? "" : "，记录 " + what));
    sink.push(std::move(d));
    pending.clear();
    have_context = false;
    element.clear();
    loc = {xsl.string(), 0, 0};
  };
  for (auto& e : c.events) {
    if (e.context) {
      if (have_context) emit();
      have_context = true;
      if (!e.file.empty()) loc.file = e.file;
      loc.line = e.line;
      element = e.element;
    } else if (pending.size() < 20) {
      // Messages of different instructions (two xsl:message) are two findings.
      if (!have_context && !pending.empty() && e.line > 0 && (e.line != loc.line || e.file != loc.file)) emit();
      if (!have_context && pending.empty() && e.line > 0) {  // located by its own instruction
        if (!e.file.empty()) loc.file = e.file;
        loc.line = e.line;
      }
      pending.push_back(std::move(e.text));
    }
  }
  emit();
  c.events.clear();
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
                                                 const std::string& what, core::DiagnosticSink& sink,
                                                 const InputDocuments* documents) {
  const Compiled* c = compiled(xsl, sink);
  if (c == nullptr) return std::nullopt;
  const std::string key = fs::absolute(xsl).lexically_normal().string();

  ErrorCollector collector;
  t_collector = &collector;
  t_root = &root_;
  t_documents = documents;
  xmlSetStructuredErrorFunc(&collector, collect_structured);
  xsltTransformContextPtr ctxt = xsltNewTransformContext(c->style, input);
  std::optional<std::string> out;
  if (ctxt != nullptr) {
    xsltSetTransformErrorFunc(ctxt, &collector, collect_generic);
    collector.transform = ctxt;
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
    collector.transform = nullptr;
    xsltFreeTransformContext(ctxt);
  }
  xmlSetStructuredErrorFunc(nullptr, nullptr);
  t_collector = nullptr;
  t_root = nullptr;
  t_documents = nullptr;
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

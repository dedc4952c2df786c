// XSD validation with compiled schemas cached per path. A compiled xmlSchema is read-only while
// validating, so one cached schema serves every thread; each validation has its own context
// and its own error handler (no shared mutable state).
#include <map>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <libxml/tree.h>
#include <libxml/xmlschemas.h>

#include "ingest/xml_loader.h"
#include "ingest/xml_messages.h"
#include "ingest/xml_node.h"
#include "ingest/xml_support.h"
#include "ingest/xml_vocabulary.h"

namespace wenshu::ingest {

namespace {

/// At most this many schema errors are worded per document (docs/limits.md); a file that is
/// wrong throughout would otherwise bury the useful first findings. The rest are counted.
constexpr int kMaxSchemaErrorsPerDocument = 100;
/// At most this much of an element's text is copied for a message (which quotes less).
constexpr std::size_t kMaxTextForMessage = 256;

struct SchemaDeleter {
  void operator()(xmlSchema* s) const { xmlSchemaFree(s); }
};
/// A compiled schema with the vocabulary read from the same XSD (for messages).
struct CompiledSchema {
  std::unique_ptr<xmlSchema, SchemaDeleter> schema;
  SchemaVocabulary vocabulary;
};
using SchemaPtr = std::shared_ptr<const CompiledSchema>;

void collect_message(void* data, xmlErrorPtr err) {
  auto* out = static_cast<std::vector<std::string>*>(data);
  if (err && err->level != XML_ERR_WARNING && out->size() < 20)
    out->push_back(fmt::format("{}:{}: {}", err->file ? err->file : "", err->line,
                               trim_message(err->message ? err->message : "", 400)));
}

/// Compiles (once) and returns the schema at `path`. A schema that cannot be loaded is an
/// installation problem, not bad input: it throws (exit code 2).
SchemaPtr compiled_schema(const std::filesystem::path& path) {
  static std::mutex mutex;
  static std::map<std::string, SchemaPtr> cache;
  const std::string key = path.lexically_normal().string();
  std::lock_guard lock(mutex);
  if (auto it = cache.find(key); it != cache.end()) return it->second;
  std::vector<std::string> errors;
  ThreadErrorScope scope(&errors, &collect_message);
  xmlSchemaParserCtxtPtr pctxt = xmlSchemaNewParserCtxt(key.c_str());
  if (!pctxt) throw std::runtime_error(key + ": cannot create schema parser");
  xmlSchemaSetParserStructuredErrors(pctxt, &collect_message, &errors);
  xmlSchema* raw = xmlSchemaParse(pctxt);
  xmlSchemaFreeParserCtxt(pctxt);
  if (!raw) {
    std::string why;
    for (const auto& e : errors) why += "\n  " + e;
    throw std::runtime_error(key + ": cannot load XML schema" + (why.empty() ? std::string(" (missing?)") : why));
  }
  auto compiled = std::make_shared<CompiledSchema>();
  compiled->schema.reset(raw);
  compiled->vocabulary = SchemaVocabulary::from_xsd(key);
  SchemaPtr schema = compiled;
  cache.emplace(key, schema);
  return schema;
}

struct ValidationState {
  const std::string* name;
  const SchemaVocabulary* vocabulary;
  core::DiagnosticSink* sink;
  std::vector<const xmlNode*>* invalid_elements;
  int errors = 0;
  bool valid = true;
};

/// The first bytes of an element's own text (for a message about its value).
std::string text_prefix(const xmlNode* node) {
  std::string out;
  for (const xmlNode* c = node ? node->children : nullptr; c && out.size() < kMaxTextForMessage; c = c->next)
    if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content)
      out += std::string_view(reinterpret_cast<const char*>(c->content)).substr(0, kMaxTextForMessage);
  return out;
}

/// The structured fields of a libxml2 validity error, copied for the wording.
SchemaError schema_error_facts(const xmlError* err) {
  SchemaError e;
  e.code = err->code;
  auto* node = static_cast<const xmlNode*>(err->node);
  if (node && node->type == XML_ATTRIBUTE_NODE) node = node->parent;
  if (node && node->type == XML_ELEMENT_NODE) {
    e.element = std::string(local_name(node));
    e.text = text_prefix(node);
  }
  e.message = err->message ? err->message : "";
  e.str1 = err->str1 ? err->str1 : "";
  e.str2 = err->str2 ? err->str2 : "";
  e.str3 = err->str3 ? err->str3 : "";
  if (e.element.empty() && !e.str1.empty() && err->code == XML_SCHEMAV_CVC_IDC && !e.str3.empty())
    e.element = std::string(type_local_name(e.str1));  // a keyref error names its element in str1
  return e;
}

void on_validation_error(void* data, xmlErrorPtr err) {
  auto* st = static_cast<ValidationState*>(data);
  if (!err) return;
  if (err->level != XML_ERR_WARNING) st->valid = false;
  core::Diagnostic d;
  d.severity = err->level == XML_ERR_WARNING ? core::Severity::kWarning : core::Severity::kError;
  d.rule = "XML-SCHEMA";
  auto* node = static_cast<const xmlNode*>(err->node);
  if (node && node->type == XML_ATTRIBUTE_NODE) node = node->parent;
  if (st->invalid_elements && node && node->type == XML_ELEMENT_NODE && err->level != XML_ERR_WARNING)
    st->invalid_elements->push_back(node);
  if (++st->errors > kMaxSchemaErrorsPerDocument) return;
  if (node && node->type == XML_ELEMENT_NODE) {
    d.location = node_location(node, *st->name);
    if (auto id = attribute(node, "id")) d.record_id = *id;
  } else {
    d.location = {*st->name, err->line, 0};
  }
  d.message = schema_error_message(schema_error_facts(err), *st->vocabulary);
  st->sink->push(std::move(d));
}

}  // namespace

bool validate_xml(_xmlDoc* doc, const std::filesystem::path& schema_path, const std::string& name,
                  core::DiagnosticSink& sink, std::vector<const _xmlNode*>* invalid_elements) {
  init_libxml();
  if (!doc) return false;
  SchemaPtr schema = compiled_schema(schema_path);
  ValidationState state{&name, &schema->vocabulary, &sink, invalid_elements};
  ThreadErrorScope scope(&state, &on_validation_error);
  xmlSchemaValidCtxtPtr vctxt = xmlSchemaNewValidCtxt(schema->schema.get());
  if (!vctxt) throw std::bad_alloc();
  xmlSchemaSetValidStructuredErrors(vctxt, &on_validation_error, &state);
  const int rc = xmlSchemaValidateDoc(vctxt, doc);
  xmlSchemaFreeValidCtxt(vctxt);
  if (state.errors > kMaxSchemaErrorsPerDocument) {
    core::Diagnostic d;
    d.severity = core::Severity::kNote;
    d.rule = "XML-SCHEMA";
    d.location = {name, 0, 0};
    d.message = fmt::format("另有 {} 处模式错误未列出 / {} more schema errors not shown",
                            state.errors - kMaxSchemaErrorsPerDocument, state.errors - kMaxSchemaErrorsPerDocument);
    sink.push(std::move(d));
  }
  if (rc != 0 && state.valid) {
    // libxml2 failed without telling why (internal error): never report such a file as valid.
    core::Diagnostic d;
    d.rule = "XML-SCHEMA";
    d.location = {name, 0, 0};
    d.message = fmt::format("模式校验未能完成（libxml2 返回 {}）/ schema validation did not complete", rc);
    sink.push(std::move(d));
    return false;
  }
  return rc == 0 && state.valid;
}

}  // namespace wenshu::ingest

#include "ingest/xml_vocabulary.h"

#include "core/diagnostic.h"
#include "ingest/xml_loader.h"
#include "ingest/xml_node.h"

namespace wenshu::ingest {

namespace {

constexpr const char* kXsdNamespace = "http://www.w3.org/2001/XMLSchema";
constexpr const char* kLabelsNamespace = "urn:wenshu:labels:1";

/// Forms of the XSD built-in types our schemas use (XML Schema Part 2, §3.2 and §3.3).
ValueForm builtin_form(std::string_view local) {
  if (local == "date") return {"YYYY-MM-DD（如 2009-03-09）", "YYYY-MM-DD (e.g. 2009-03-09)"};
  if (local == "dateTime") return {"YYYY-MM-DDThh:mm:ss（如 2009-03-09T09:30:00）", "YYYY-MM-DDThh:mm:ss (e.g. 2009-03-09T09:30:00)"};
  if (local == "time") return {"hh:mm:ss（如 09:30:00）", "hh:mm:ss (e.g. 09:30:00)"};
  if (local == "gYear") return {"YYYY（如 2009）", "YYYY (e.g. 2009)"};
  if (local == "boolean") return {"true 或 false", "true or false"};
  if (local == "integer" || local == "int" || local == "long" || local == "short") return {"整数（如 12）", "a whole number (e.g. 12)"};
  if (local == "nonNegativeInteger" || local == "unsignedInt" || local == "unsignedLong")
    return {"不小于 0 的整数", "a whole number, 0 or more"};
  if (local == "positiveInteger") return {"正整数（1、2、3…）", "a whole number, 1 or more"};
  if (local == "decimal" || local == "double" || local == "float") return {"数字（如 3.5）", "a number (e.g. 3.5)"};
  return {};
}

void read_labels(const _xmlNode* labels, SchemaVocabulary& v) {
  for (const _xmlNode* n = first_element(labels); n; n = next_element(n)) {
    if (!is_element(n, kLabelsNamespace)) continue;
    const std::string name = attribute_or(n, "name");
    if (name.empty()) continue;
    const std::string_view kind = local_name(n);
    if (kind == "element") v.add_element(name, attribute_or(n, "zh"));
    else if (kind == "attribute") v.add_attribute(attribute_or(n, "element"), name, attribute_or(n, "zh"));
    else if (kind == "type") {
      const std::string form = attribute_or(n, "form");
      v.add_type_form(name, attribute_or(n, "zh", form), attribute_or(n, "en", form), attribute_or(n, "example"));
    }
  }
}

void read_simple_type(const _xmlNode* type, SchemaVocabulary& v) {
  const std::string name = attribute_or(type, "name");
  if (name.empty()) return;
  for (const _xmlNode* r = first_element(type); r; r = next_element(r)) {
    if (!is_element(r, kXsdNamespace) || local_name(r) != "restriction") continue;
    if (auto base = attribute(r, "base")) v.add_base(name, *base);
    for (const _xmlNode* f = first_element(r); f; f = next_element(f))
      if (is_element(f, kXsdNamespace) && local_name(f) == "pattern") v.add_pattern(attribute_or(f, "value"), name);
  }
}

}  // namespace

std::string_view type_local_name(std::string_view type) {
  if (const std::size_t brace = type.rfind('}'); brace != std::string_view::npos) return type.substr(brace + 1);
  if (const std::size_t colon = type.rfind(':'); colon != std::string_view::npos) return type.substr(colon + 1);
  return type;
}

SchemaVocabulary SchemaVocabulary::from_xsd(const std::filesystem::path& path) {
  SchemaVocabulary v;
  core::DiagnosticSink ignored;  // the schema's own errors are reported when it is compiled
  XmlDocPtr doc = load_xml(path, ignored);
  if (!doc) return v;
  const _xmlNode* root = root_element(doc.get());
  for (const _xmlNode* n = first_element(root); n; n = next_element(n)) {
    if (!is_element(n, kXsdNamespace)) continue;
    if (local_name(n) == "simpleType") {
      read_simple_type(n, v);
    } else if (local_name(n) == "annotation") {
      for (const _xmlNode* info = first_element(n); info; info = next_element(info))
        if (is_element(info, kXsdNamespace) && local_name(info) == "appinfo")
          for (const _xmlNode* labels = first_element(info); labels; labels = next_element(labels))
            if (is_element(labels, kLabelsNamespace) && local_name(labels) == "labels") read_labels(labels, v);
    }
  }
  return v;
}

std::string SchemaVocabulary::element_label(std::string_view element) const {
  const auto it = elements_.find(element);
  if (it == elements_.end() || it->second.empty()) return std::string(element);
  return it->second + "（" + std::string(element) + "）";
}

std::string SchemaVocabulary::attribute_label(std::string_view element, std::string_view attribute) const {
  auto it = attributes_.find(std::pair<std::string, std::string>(element, attribute));
  if (it == attributes_.end()) it = attributes_.find(std::pair<std::string, std::string>("", attribute));
  if (it == attributes_.end() || it->second.empty()) return std::string(attribute);
  return it->second + "（" + std::string(attribute) + "）";
}

ValueForm SchemaVocabulary::type_form(std::string_view type) const {
  std::string_view local = type_local_name(type);
  // A schema type without a form of its own is written like its base (Date → xs:date); the
  // bound only guards against a cycle in a broken schema.
  for (int depth = 0; depth < 16; ++depth) {
    if (const auto f = forms_.find(local); f != forms_.end()) return f->second;
    const auto b = bases_.find(local);
    if (b == bases_.end()) break;
    local = type_local_name(b->second);
  }
  return builtin_form(local);
}

ValueForm SchemaVocabulary::pattern_form(std::string_view pattern) const {
  const auto it = patterns_.find(pattern);
  return it == patterns_.end() ? ValueForm{} : type_form(it->second);
}

void SchemaVocabulary::add_element(std::string name, std::string zh) { elements_[std::move(name)] = std::move(zh); }

void SchemaVocabulary::add_attribute(std::string element, std::string name, std::string zh) {
  attributes_[{std::move(element), std::move(name)}] = std::move(zh);
}

void SchemaVocabulary::add_type_form(const std::string& type, const std::string& zh, const std::string& en,
                                     const std::string& example) {
  if (zh.empty()) return;
  ValueForm f{zh, en.empty() ? zh : en};
  if (!example.empty()) {
    f.zh += "（如 " + example + "）";
    f.en += " (e.g. " + example + ")";
  }
  forms_[type] = std::move(f);
}

void SchemaVocabulary::add_pattern(std::string pattern, std::string type) {
  patterns_.emplace(std::move(pattern), std::move(type));
}

void SchemaVocabulary::add_base(std::string type, std::string base) { bases_[std::move(type)] = std::move(base); }

}  // namespace wenshu::ingest

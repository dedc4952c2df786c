// What a schema tells a reader about its own vocabulary, for messages a clerk can act on: the
// Chinese names of elements and attributes, and the written form of a value type (YYYY-MM-DD
// for a date). Read once per XSD from a table in the schema's top-level annotation:
//
//   <xs:annotation><xs:appinfo>
//     <labels xmlns="urn:wenshu:labels:1">
//       <element name="leave" zh="请假"/>
//       <attribute name="reason" zh="事由"/>                  (any element)
//       <attribute element="leave" name="days" zh="请假天数"/>  (this element only)
//       <type name="Date" form="YYYY-MM-DD" example="2009-03-09"/>
//       <type name="Id" zh="字母、数字组成的编号" en="letters and digits" example="gz-01"/>
//     </labels>
//   </xs:appinfo></xs:annotation>
//
// plus, from the schema's own declarations, which named simple type each xs:pattern belongs to
// and what each named type restricts (a type without a form of its own takes its base's).
// Names and forms that the schema does not document are shown as they are.
#pragma once
#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <utility>

namespace wenshu::ingest {

/// How a value of a type is written, in both languages ("YYYY-MM-DD（如 2009-03-09）" and
/// "YYYY-MM-DD (e.g. 2009-03-09)"); both empty when not known.
struct ValueForm {
  std::string zh, en;
  bool empty() const { return zh.empty(); }
  /// True when the form is a date written YYYY-MM-DD (then a well-shaped value is a bad day).
  bool is_date() const { return zh.rfind("YYYY-MM-DD", 0) == 0; }
};

class SchemaVocabulary {
 public:
  /// Reads the tables of the XSD at `path` (a missing or unreadable table leaves it empty; the
  /// schema itself is compiled and checked elsewhere).
  static SchemaVocabulary from_xsd(const std::filesystem::path& path);

  /// "请假（leave）" when documented, else "leave".
  std::string element_label(std::string_view element) const;
  /// "事由（reason）" when documented (for this element, or for any), else "reason".
  std::string attribute_label(std::string_view element, std::string_view attribute) const;
  /// How a value of the schema or built-in type `type` ("Date", "xs:date", "{urn:…}Date") is
  /// written; empty when not known.
  ValueForm type_form(std::string_view type) const;
  /// The form of the named type that declares `pattern`; empty when not known.
  ValueForm pattern_form(std::string_view pattern) const;

  // Building (the reader and tests).
  void add_element(std::string name, std::string zh);
  void add_attribute(std::string element, std::string name, std::string zh);  ///< element "" = any
  /// `zh` and `en` describe the form in words; `form` is a picture used in both (YYYY-MM-DD).
  void add_type_form(const std::string& type, const std::string& zh, const std::string& en, const std::string& example);
  void add_pattern(std::string pattern, std::string type);
  void add_base(std::string type, std::string base);

 private:
  std::map<std::string, std::string, std::less<>> elements_;
  std::map<std::pair<std::string, std::string>, std::string, std::less<>> attributes_;
  std::map<std::string, ValueForm, std::less<>> forms_;       // type → form (with example)
  std::map<std::string, std::string, std::less<>> patterns_;  // pattern → type
  std::map<std::string, std::string, std::less<>> bases_;     // type → base type
};

/// The local part of a QName as libxml2 prints it: "{urn:x}Date" → "Date", "xs:date" → "date".
std::string_view type_local_name(std::string_view type);

}  // namespace wenshu::ingest

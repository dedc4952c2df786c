// Wording of libxml2 errors from their structured fields (ingest/xml_messages.h): expected forms,
// patterns whole, did-you-mean, Chinese names, bounded quoting, and no regex anywhere (a value of
// any length is handled in linear time).
#include <catch2/catch.hpp>

#include <string>

#include <libxml/xmlerror.h>

#include "core/data_dir.h"
#include "core/diagnostic.h"
#include "core/utf8.h"
#include "ingest/xml_loader.h"
#include "ingest/xml_messages.h"
#include "ingest/xml_vocabulary.h"

using namespace wenshu;
using ingest::SchemaError;

namespace {

ingest::SchemaVocabulary vocab() {
  ingest::SchemaVocabulary v;
  v.add_element("leave", "请假");
  v.add_attribute("", "reason", "事由");
  v.add_attribute("leave", "days", "请假天数");
  v.add_type_form("DateTime", "YYYY-MM-DDThh:mm", "YYYY-MM-DDThh:mm", "2009-03-09T09:30");
  v.add_base("Date", "xs:date");
  v.add_pattern("[0-9]{4}-(0[1-9]|1[0-2])T[0-9]{2}:[0-9]{2}", "DateTime");
  return v;
}

bool has(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("messages: enumeration with did-you-mean and Chinese names") {
  SchemaError e;
  e.code = XML_SCHEMAV_CVC_ENUMERATION_VALID;
  e.element = "leave";
  e.message = "Element '{urn:wenshu:records:1}leave', attribute 'reason': [facet 'enumeration'] The value '因私请价' "
              "is not an element of the set {'因公请假', '因私请假', '病假'}.\n";
  e.str1 = "因私请价";
  e.str2 = "'因公请假', '因私请假', '病假'";
  const std::string m = ingest::schema_error_message(e, vocab());
  CHECK(m == "元素 请假（leave） 的属性 事由（reason）：取值“因私请价”不在允许的取值之中（因公请假、因私请假、病假）；"
             "是否应为“因私请假”？ / value '因私请价' is not one of the allowed values; did you mean '因私请假'?");
}

TEST_CASE("messages: nearest values are slips only") {
  CHECK(ingest::edit_distance("因私请价", "因私请假") == 1);
  CHECK(ingest::edit_distance("", "abc") == 3);
  CHECK(ingest::edit_distance("kitten", "sitting") == 3);
  CHECK(ingest::nearest_values("因私请价", {"因公请假", "因私请假"}) == std::vector<std::string>{"因私请假"});
  CHECK(ingest::nearest_values("主任", {"书记", "常委"}).empty());            // two edits in two: no slip
  CHECK(ingest::nearest_values("书纪", {"书记", "副书记"}) == std::vector<std::string>{"书记"});
  CHECK(ingest::nearest_values("采纳 ", {"采纳", "未采纳"}) == std::vector<std::string>{"采纳"});
  CHECK(ingest::nearest_values("书", {"书记", "书面"}).size() == 2);  // ties are all offered
  CHECK(ingest::nearest_values(std::string(100, 'a'), {"a"}).empty());        // not a slip
}

TEST_CASE("messages: a pattern is printed whole, with the form of its type") {
  SchemaError e;
  e.code = XML_SCHEMAV_CVC_PATTERN_VALID;
  e.element = "meeting";
  e.message = "Element 'meeting', attribute 'at': [facet 'pattern'] The value '2009-03 10:00' is not accepted by the "
              "pattern '[0-9]{4}-(0[1-9]|1[0-2])T[0-9]{2}:[0-9]{2}'.\n";
  e.str1 = "2009-03 10:00";
  e.str2 = "[0-9]{4}-(0[1-9]|1[0-2])T[0-9]{2}:[0-9]{2}";
  const std::string m = ingest::schema_error_message(e, vocab());
  CHECK(has(m, "元素 meeting 的属性 at："));
  CHECK(has(m, "应写作 YYYY-MM-DDThh:mm（如 2009-03-09T09:30）"));
  CHECK(has(m, "[0-9]{4}-(0[1-9]|1[0-2])T[0-9]{2}:[0-9]{2}"));  // {4} kept
  e.str2 = "[A-Z]{3}";
  CHECK(has(ingest::schema_error_message(e, vocab()), "不符合格式（模式 [A-Z]{3}）"));
}

TEST_CASE("messages: datatype failures name the form") {
  SchemaError e;
  e.code = XML_SCHEMAV_CVC_DATATYPE_VALID_1_2_1;
  e.element = "leave";
  e.message = "Element '{urn:x}leave', attribute 'start': '2009/3/9' is not a valid value of the atomic type "
              "'{urn:x}Date'.\n";
  e.str1 = "2009/3/9";
  CHECK(has(ingest::schema_error_message(e, vocab()), "取值“2009/3/9”无效，应写作 YYYY-MM-DD（如 2009-03-09）"));
  e.str1 = "2009-02-29";
  e.message = "Element '{urn:x}leave', attribute 'start': '2009-02-29' is not a valid value of the atomic type "
              "'{urn:x}Date'.\n";
  CHECK(has(ingest::schema_error_message(e, vocab()), "不是实际存在的日期"));
  // A value that itself contains " type '" cannot fake the type name.
  e.str1 = "x type 'xs:boolean' y";
  e.message = "Element 'leave', attribute 'start': 'x type 'xs:boolean' y' is not a valid value of the atomic type "
              "'xs:integer'.\n";
  CHECK(has(ingest::schema_error_message(e, vocab()), "整数"));
  // Element text: libxml2 gives no value, the element's text is used.
  e = SchemaError{};
  e.code = XML_SCHEMAV_CVC_DATATYPE_VALID_1_2_1;
  e.element = "days";
  e.text = "三";
  e.message = "Element 'days': The character content is not a valid value of the atomic type 'xs:integer'.\n";
  CHECK(has(ingest::schema_error_message(e, vocab()), "取值“三”无效，应写作 整数"));
}

TEST_CASE("messages: content, attributes, lengths, keys") {
  SchemaError e;
  e.code = XML_SCHEMAV_ELEMENT_CONTENT;
  e.element = "x";
  e.message = "Element '{urn:t}x': This element is not expected. Expected is one of ( {urn:t}leave, {urn:t}trip ).\n";
  CHECK(ingest::schema_error_message(e, vocab()) ==
        "元素 x：此处不应出现该元素，此处可出现以下之一：请假（leave）、trip / element not expected here; expected leave, trip");
  e.message = "Element '{urn:t}leave': Missing child element(s). Expected is ( {urn:t}reason ).\n";
  e.element = "leave";
  CHECK(has(ingest::schema_error_message(e, vocab()), "缺少子元素，应有：reason"));

  e = SchemaError{};
  e.code = XML_SCHEMAV_CVC_COMPLEX_TYPE_4;
  e.element = "leave";
  e.message = "Element 'leave': The attribute 'days' is required but missing.\n";
  e.str1 = "days";
  CHECK(has(ingest::schema_error_message(e, vocab()), "缺少必需的属性 请假天数（days）"));

  e = SchemaError{};
  e.code = XML_SCHEMAV_CVC_MINLENGTH_VALID;
  e.element = "leave";
  e.message = "Element 'leave', attribute 'reason': [facet 'minLength'] The value '' has a length of '0'; …\n";
  e.str2 = "0";
  e.str3 = "1";
  CHECK(has(ingest::schema_error_message(e, vocab()), "事由（reason）：取值不能为空"));

  e = SchemaError{};
  e.code = XML_SCHEMAV_CVC_IDC;
  e.element = "param";
  e.message = "Element '{urn:p}param': Duplicate key-sequence ['jd.days'] in unique identity-constraint '{urn:p}one'.\n";
  e.str1 = "['jd.days']";
  e.str2 = "unique identity-constraint '{urn:p}one'";
  CHECK(has(ingest::schema_error_message(e, vocab()), "编号“jd.days”重复（约束 one）"));
}

TEST_CASE("messages: values are quoted only up to a bounded prefix") {
  const std::string long_value(30000, 'x');
  CHECK(ingest::quote_value("短") == "短");
  const std::string q = ingest::quote_value(long_value);
  CHECK(q.size() < 80);
  CHECK(has(q, "共 30000 字"));
  CHECK(ingest::quote_value("a\nb") == "a b");
  const std::string han = ingest::quote_value(std::string(100, 'a') + "请假", 101);  // cut inside no sequence
  CHECK(core::utf8_valid(han));
  CHECK(ingest::trim_message(std::string(1000, 'y') + "\n", 10) == std::string(10, 'y') + "…");
}

TEST_CASE("messages: a record with a 60 000-character value is refused with a short message") {
  // Finding 1 of issue 16: the regex-based wording crashed on such values (stack overflow);
  // 30 000 characters were enough. (Longer values pass the attribute limit: XML-SIZE.)
  const std::string value(60000, 'v');
  const std::string xml = "<records xmlns=\"urn:wenshu:records:1\" version=\"1\" committee=\"c\" year=\"2009\">\n"
                          "  <meeting id=\"m1\" kind=\"" + value + "\" date=\"" + value + "\" title=\"t\"/>\n"
                          "</records>\n";
  core::DiagnosticSink sink;
  auto doc = ingest::load_xml_memory(xml, "long.xml", sink);
  REQUIRE(doc);
  CHECK_FALSE(ingest::validate_xml(doc.get(), core::data_path("schemas/records.xsd"), "long.xml", sink));
  REQUIRE(sink.has_errors());
  for (const auto& d : sink.items()) CHECK(d.message.size() < 1000);
}

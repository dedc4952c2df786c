#include "ingest/xml_messages.h"

#include <algorithm>
#include <utility>

#include <fmt/format.h>
#include <libxml/xmlerror.h>

#include "core/utf8.h"

namespace wenshu::ingest {

namespace {

constexpr std::size_t kMaxListed = 12;        // allowed values or child names listed in one message
constexpr std::size_t kMaxSuggestInput = 64;  // longer values get no did-you-mean (not a slip)

bool contains(std::string_view haystack, std::string_view needle) {
  return haystack.find(needle) != std::string_view::npos;
}

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

/// Cuts `s` to at most `max_bytes` without splitting a UTF-8 sequence.
std::string_view cut_utf8(std::string_view s, std::size_t max_bytes) {
  if (s.size() <= max_bytes) return s;
  std::size_t n = max_bytes;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  return s.substr(0, n);
}

/// "{urn:x}name" or "p:name" → "name" (element, attribute and type names as libxml2 prints them).
std::string local_of(std::string_view qname) { return std::string(type_local_name(qname)); }

/// Where the body of a libxml2 schema message starts, after "Element 'QNAME'[, attribute 'A']: ",
/// and the attribute's local name if there is one. Names cannot contain quotes, so each scan
/// stops at the first quote; the scan never reaches the (input-controlled) value that follows.
std::size_t split_prefix(std::string_view message, std::string& attribute) {
  constexpr std::string_view kElement = "Element '", kAttribute = "', attribute '";
  if (!starts_with(message, kElement)) return 0;
  const std::size_t qname_end = message.find('\'', kElement.size());
  if (qname_end == std::string_view::npos) return 0;
  std::size_t pos = qname_end + 1;
  if (message.substr(qname_end, kAttribute.size()) == kAttribute) {
    const std::size_t start = qname_end + kAttribute.size();
    const std::size_t end = message.find('\'', start);
    if (end == std::string_view::npos) return 0;
    attribute = local_of(message.substr(start, end - start));
    pos = end + 1;
  }
  return message.substr(pos, 2) == ": " ? pos + 2 : 0;
}

/// The schema type named at the end of a datatype error ("… of the atomic type '{urn:x}Date'."),
/// read from the part after the quoted value so that the value cannot fake it.
std::string type_of(std::string_view body, const std::string& value) {
  std::string_view rest = body;
  if (!value.empty() && rest.size() > value.size() + 1 && rest[0] == '\'' && rest.substr(1, value.size()) == value)
    rest = rest.substr(value.size() + 2);
  const std::size_t at = rest.find(" type '");
  if (at == std::string_view::npos) return {};
  const std::size_t end = rest.find('\'', at + 7);
  return end == std::string_view::npos ? std::string() : std::string(rest.substr(at + 7, end - at - 7));
}

/// The element names of "Expected is ( a, {ns}b )" / "Expected is one of ( … )".
std::vector<std::string> expected_names(std::string_view body) {
  std::vector<std::string> out;
  std::size_t start = body.find("Expected is ");
  if (start == std::string_view::npos) return out;
  start = body.find("( ", start);
  const std::size_t end = body.rfind(" )");
  if (start == std::string_view::npos || end == std::string_view::npos || end < start + 2) return out;
  std::string_view list = body.substr(start + 2, end - start - 2);
  while (!list.empty()) {
    const std::size_t comma = std::min(list.find(", "), list.size());
    out.push_back(local_of(list.substr(0, comma)));
    list = comma < list.size() ? list.substr(comma + 2) : std::string_view();
  }
  return out;
}

/// libxml2's enumeration set "'a', 'b', 'c'" (values of the schema's enumeration facets, as
/// libxml2 read them from the schema) as a list.
std::vector<std::string> enumeration_values(std::string_view set) {
  std::vector<std::string> out;
  if (set.size() < 2 || set.front() != '\'' || set.back() != '\'') return out;
  set = set.substr(1, set.size() - 2);
  while (true) {
    const std::size_t sep = set.find("', '");
    out.emplace_back(set.substr(0, sep));
    if (sep == std::string_view::npos) break;
    set = set.substr(sep + 4);
  }
  return out;
}

/// "a、b、c" with at most kMaxListed items ("… 等 N 个").
std::string list_zh(const std::vector<std::string>& items) {
  std::string s;
  for (std::size_t i = 0; i < items.size() && i < kMaxListed; ++i) s += (i ? "、" : "") + items[i];
  if (items.size() > kMaxListed) s += fmt::format(" 等 {} 个", items.size());
  return s;
}

std::string list_en(const std::vector<std::string>& items) {
  std::string s;
  for (std::size_t i = 0; i < items.size() && i < kMaxListed; ++i) s += (i ? ", " : "") + items[i];
  if (items.size() > kMaxListed) s += fmt::format(" … ({} in all)", items.size());
  return s;
}

/// True when `value` has the shape YYYY-MM-DD…, i.e. is written in the right form but names a
/// day that does not exist (2009-02-29).
bool looks_like_date(std::string_view value) {
  if (value.size() < 10) return false;
  for (std::size_t i = 0; i < 10; ++i) {
    const bool dash = i == 4 || i == 7;
    if (dash ? value[i] != '-' : (value[i] < '0' || value[i] > '9')) return false;
  }
  return true;
}

/// The message body for a value that the schema does not accept: enumeration, pattern, type
/// and range failures. `value` is the offending value (attribute or element text).
std::string value_message(const SchemaError& e, const std::string& value, const std::string& body,
                          const SchemaVocabulary& vocab) {
  const std::string q = quote_value(value);
  switch (e.code) {
    case XML_SCHEMAV_CVC_ENUMERATION_VALID: {
      const std::vector<std::string> allowed = enumeration_values(e.str2);
      std::string zh = fmt::format("取值“{}”不在允许的取值之中（{}）", q, list_zh(allowed));
      std::string en = fmt::format("value '{}' is not one of the allowed values", q);
      if (const auto near = nearest_values(value, allowed); !near.empty()) {
        zh += fmt::format("；是否应为“{}”？", fmt::join(near, "”或“"));
        en += fmt::format("; did you mean '{}'?", fmt::join(near, "' or '"));
      }
      return zh + " / " + en;
    }
    case XML_SCHEMAV_CVC_PATTERN_VALID: {
      const ValueForm form = vocab.pattern_form(e.str2);
      if (form.empty())
        return fmt::format("取值“{}”不符合格式（模式 {}） / value '{}' does not match the pattern {}", q, e.str2, q, e.str2);
      return fmt::format("取值“{}”不符合格式，应写作 {}（模式 {}） / value '{}' is not written as {} (pattern {})", q,
                         form.zh, e.str2, q, form.en, e.str2);
    }
    case XML_SCHEMAV_CVC_MININCLUSIVE_VALID:
    case XML_SCHEMAV_CVC_MINEXCLUSIVE_VALID:
      return fmt::format("取值 {} 小于允许的最小值 {} / value {} is below the minimum {}", q, e.str2, q, e.str2);
    case XML_SCHEMAV_CVC_MAXINCLUSIVE_VALID:
    case XML_SCHEMAV_CVC_MAXEXCLUSIVE_VALID:
      return fmt::format("取值 {} 大于允许的最大值 {} / value {} is above the maximum {}", q, e.str2, q, e.str2);
    default: break;
  }
  // A datatype failure: the value is not of the type at all (2009/3/9 for a date).
  const std::string type = type_of(body, value);
  const ValueForm form = vocab.type_form(type);
  if (form.empty()) {
    const std::string shown = type.empty() ? std::string("该类型") : "类型 " + local_of(type);
    return fmt::format("取值“{}”不是{}的有效取值 / value '{}' is not a valid {}", q, shown, q,
                       type.empty() ? std::string("value") : local_of(type));
  }
  if (form.is_date() && looks_like_date(value))
    return fmt::format("取值“{}”不是实际存在的日期（应写作 {}） / '{}' is not a real date (written {})", q, form.zh, q,
                       form.en);
  return fmt::format("取值“{}”无效，应写作 {} / value '{}' is not valid: write it as {}", q, form.zh, q, form.en);
}

/// Lengths: libxml2 gives (value, actual, allowed) for an attribute, (actual, allowed) for text.
std::string length_message(const SchemaError& e, bool on_attribute) {
  const std::string& actual = on_attribute ? e.str2 : e.str1;
  const std::string& allowed = on_attribute ? e.str3 : e.str2;
  if (e.code == XML_SCHEMAV_CVC_MINLENGTH_VALID && actual == "0")
    return "取值不能为空 / the value must not be empty";
  if (e.code == XML_SCHEMAV_CVC_MINLENGTH_VALID)
    return fmt::format("取值长度 {} 小于允许的最小长度 {} / length {} is below the minimum {}", actual, allowed, actual, allowed);
  if (e.code == XML_SCHEMAV_CVC_MAXLENGTH_VALID)
    return fmt::format("取值长度 {} 超过允许的最大长度 {} / length {} is above the maximum {}", actual, allowed, actual, allowed);
  return fmt::format("取值长度 {} 不等于规定的长度 {} / length {} differs from the required {}", actual, allowed, actual, allowed);
}

/// "['a']" → "a" (a one-field key sequence of an identity constraint).
std::string key_sequence(std::string_view keys) {
  if (keys.size() >= 4 && starts_with(keys, "['") && keys.substr(keys.size() - 2) == "']" &&
      !contains(keys.substr(2, keys.size() - 4), "', '"))
    return quote_value(keys.substr(2, keys.size() - 4));
  return quote_value(keys);
}

/// Identity constraints (xs:unique, xs:key, xs:keyref).
std::string identity_message(const SchemaError& e, const std::string& body) {
  if (starts_with(body, "Duplicate key-sequence")) {
    const std::size_t q = e.str2.find('\'');
    const std::string name = q == std::string::npos ? std::string() : local_of(std::string_view(e.str2).substr(q + 1, e.str2.size() - q - 2));
    return fmt::format("编号“{}”重复（约束 {}） / duplicate key '{}' ({})", key_sequence(e.str1), name,
                       key_sequence(e.str1), name);
  }
  if (starts_with(body, "No match found for key-sequence"))
    return fmt::format("引用的编号“{}”不存在（约束 {}） / no key '{}' for reference {}", key_sequence(e.str2),
                       local_of(e.str3), key_sequence(e.str2), local_of(e.str3));
  return "编号约束不满足 / identity constraint not satisfied: " + trim_message(body, 200);
}

/// Content-model failures: an element where none may stand, or missing children.
std::string content_message(const std::string& body, const SchemaVocabulary& vocab) {
  std::vector<std::string> names = expected_names(body);
  std::vector<std::string> labels;
  for (const auto& n : names) labels.push_back(vocab.element_label(n));
  if (starts_with(body, "Missing child")) {
    if (labels.empty()) return "缺少子元素 / missing child elements";
    return fmt::format("缺少子元素，应有{}：{} / missing child element; expected {}", names.size() > 1 ? "以下之一" : "",
                       list_zh(labels), list_en(names));
  }
  if (labels.empty()) return "此处不应出现该元素 / element not expected here";
  return fmt::format("此处不应出现该元素，此处可出现{}：{} / element not expected here; expected {}",
                     names.size() > 1 ? "以下之一" : "", list_zh(labels), list_en(names));
}

}  // namespace

std::string trim_message(std::string_view message, std::size_t max_bytes) {
  const std::string_view cut = cut_utf8(message, max_bytes);
  std::string out;
  out.reserve(cut.size() + 3);
  for (char c : cut) out += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
  while (!out.empty() && out.back() == ' ') out.pop_back();
  std::size_t start = 0;
  while (start < out.size() && out[start] == ' ') ++start;
  out.erase(0, start);
  if (cut.size() < message.size()) out += "…";
  return out;
}

std::string quote_value(std::string_view value, std::size_t max_chars) {
  std::string out;
  std::size_t chars = 0, i = 0;
  while (i < value.size() && chars < max_chars) {
    const unsigned char c = static_cast<unsigned char>(value[i]);
    std::size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    len = std::min(len, value.size() - i);
    if (c == '\n' || c == '\r' || c == '\t') out += ' ';
    else out.append(value.substr(i, len));
    i += len;
    ++chars;
  }
  if (i < value.size()) out += fmt::format("…（共 {} 字）", core::utf8_length(value));
  return out;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  const std::u32string x = core::utf8_decode(a), y = core::utf8_decode(b);
  std::vector<std::size_t> row(y.size() + 1);
  for (std::size_t j = 0; j <= y.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= x.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= y.size(); ++j) {
      const std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (x[i - 1] == y[j - 1] ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[y.size()];
}

std::vector<std::string> nearest_values(std::string_view value, const std::vector<std::string>& allowed) {
  std::vector<std::string> out;
  const std::size_t len = core::utf8_length(value);
  if (len == 0 || len > kMaxSuggestInput) return out;
  std::size_t best = static_cast<std::size_t>(-1);
  for (const auto& candidate : allowed) {
    const std::size_t d = edit_distance(value, candidate);
    // A slip is at most one edit in three characters (因私请价 → 因私请假: 1 in 4).
    const std::size_t longest = std::max(len, core::utf8_length(candidate));
    if (d == 0 || d > std::max<std::size_t>(1, longest / 3)) continue;
    if (d < best) best = d, out.clear();
    if (d == best && out.size() < 3) out.push_back(candidate);
  }
  return out;
}

std::string parser_error_rule(int code, std::string_view message, bool at_depth_limit) {
  if (code == XML_ERR_NAME_TOO_LONG) return "XML-SIZE";
  if (code == XML_ERR_INVALID_ENCODING || code == XML_ERR_UNSUPPORTED_ENCODING || code == XML_ERR_UNKNOWN_ENCODING)
    return "XML-ENCODING";
  // libxml2 2.9 reports its own limits (10 MB text and attribute values, depth 256) with
  // generic codes; the code with the parser's state, or libxml2's fixed wording, tells them.
  if (code == XML_ERR_INTERNAL_ERROR && (at_depth_limit || contains(message, "Excessive depth"))) return "XML-DEPTH";
  if (code == XML_ERR_NO_MEMORY || contains(message, "huge text node") || contains(message, "length too long") ||
      contains(message, "too large"))
    return "XML-SIZE";
  return "XML-PARSE";
}

std::string parser_error_message(int code, std::string_view message) {
  const char* zh = nullptr;
  switch (code) {
    case XML_ERR_DOCUMENT_START: zh = "文件开头不是 XML 内容"; break;
    case XML_ERR_DOCUMENT_EMPTY: zh = "文件为空，没有根元素"; break;
    case XML_ERR_DOCUMENT_END: zh = "根元素结束之后还有内容"; break;
    case XML_ERR_EXTRA_CONTENT: zh = "根元素结束之后还有内容"; break;
    case XML_ERR_INVALID_DEC_CHARREF:
    case XML_ERR_INVALID_CHARREF: zh = "字符引用无效"; break;
    case XML_ERR_ENTITYREF_SEMICOL_MISSING: zh = "实体引用缺少分号（单独的 & 应写作 &amp;）"; break;
    case XML_ERR_UNDECLARED_ENTITY: zh = "未定义的实体引用（单独的 & 应写作 &amp;）"; break;
    case XML_ERR_STRING_NOT_CLOSED: zh = "字符串缺少结束引号"; break;
    case XML_ERR_LT_IN_ATTRIBUTE: zh = "属性值中不能出现 <"; break;
    case XML_ERR_ATTRIBUTE_NOT_STARTED:
    case XML_ERR_ATTRIBUTE_NOT_FINISHED:
    case XML_ERR_ATTRIBUTE_WITHOUT_VALUE: zh = "属性值缺少引号或没有值"; break;
    case XML_ERR_ATTRIBUTE_REDEFINED: zh = "同一元素上属性重复"; break;
    case XML_ERR_COMMENT_NOT_FINISHED: zh = "注释没有结束"; break;
    case XML_ERR_HYPHEN_IN_COMMENT: zh = "注释中不能出现 --"; break;
    case XML_ERR_MISPLACED_CDATA_END: zh = "正文中不能出现 ]]>"; break;
    case XML_ERR_SPACE_REQUIRED: zh = "此处需要空格"; break;
    case XML_ERR_NAME_REQUIRED: zh = "此处需要元素名或属性名"; break;
    case XML_ERR_NAME_TOO_LONG: zh = "元素名或属性名过长"; break;
    case XML_ERR_LT_REQUIRED:
    case XML_ERR_GT_REQUIRED: zh = "标签没有正确结束"; break;
    case XML_ERR_LTSLASH_REQUIRED:
    case XML_ERR_TAG_NOT_FINISHED: zh = "元素没有结束标签"; break;
    case XML_ERR_TAG_NAME_MISMATCH: zh = "开始标签与结束标签不匹配"; break;
    case XML_ERR_INVALID_CHAR: zh = "XML 中不允许的字符"; break;
    case XML_ERR_INVALID_ENCODING:
    case XML_ERR_UNSUPPORTED_ENCODING:
    case XML_ERR_UNKNOWN_ENCODING: zh = "文件编码不是 UTF-8"; break;
    case XML_NS_ERR_UNDEFINED_NAMESPACE: zh = "使用了未声明的命名空间前缀"; break;
    default: zh = "XML 语法错误"; break;
  }
  const std::string rule = parser_error_rule(code, message, false);
  if (rule == "XML-DEPTH") zh = "元素嵌套层数超过上限";
  else if (rule == "XML-SIZE" && code != XML_ERR_NAME_TOO_LONG) zh = "文本或属性值超过大小上限";
  return std::string(zh) + " / " + trim_message(message, 300);
}

std::string schema_error_message(const SchemaError& e, const SchemaVocabulary& vocab) {
  std::string attribute;
  const std::size_t body_at = split_prefix(e.message, attribute);
  const std::string body = std::string(std::string_view(e.message).substr(body_at));
  std::string where = "元素 " + vocab.element_label(e.element);
  if (!attribute.empty()) where += " 的属性 " + vocab.attribute_label(e.element, attribute);
  where += "：";
  switch (e.code) {
    case XML_SCHEMAV_CVC_ENUMERATION_VALID:
    case XML_SCHEMAV_CVC_PATTERN_VALID:
    case XML_SCHEMAV_CVC_MININCLUSIVE_VALID:
    case XML_SCHEMAV_CVC_MINEXCLUSIVE_VALID:
    case XML_SCHEMAV_CVC_MAXINCLUSIVE_VALID:
    case XML_SCHEMAV_CVC_MAXEXCLUSIVE_VALID:
    case XML_SCHEMAV_CVC_DATATYPE_VALID_1_2_1:
    case XML_SCHEMAV_CVC_DATATYPE_VALID_1_2_2:
    case XML_SCHEMAV_CVC_DATATYPE_VALID_1_2_3:
      // str1 is the value for attributes and for element values libxml2 displays; else the text.
      return where + value_message(e, e.str1.empty() && attribute.empty() ? e.text : e.str1, body, vocab);
    case XML_SCHEMAV_CVC_LENGTH_VALID:
    case XML_SCHEMAV_CVC_MINLENGTH_VALID:
    case XML_SCHEMAV_CVC_MAXLENGTH_VALID: return where + length_message(e, !attribute.empty());
    case XML_SCHEMAV_CVC_COMPLEX_TYPE_4: {
      const std::string name = local_of(e.str1);
      return where + fmt::format("缺少必需的属性 {} / required attribute {} is missing",
                                 vocab.attribute_label(e.element, name), name);
    }
    case XML_SCHEMAV_CVC_COMPLEX_TYPE_3_2_1:
    case XML_SCHEMAV_CVC_COMPLEX_TYPE_3_2_2: {
      const std::string name = attribute.empty() ? local_of(e.str1) : attribute;
      return "元素 " + vocab.element_label(e.element) +
             fmt::format("：不允许有属性 {} / attribute {} is not allowed", name, name);
    }
    case XML_SCHEMAV_ELEMENT_CONTENT: return where + content_message(body, vocab);
    case XML_SCHEMAV_CVC_COMPLEX_TYPE_2_1: return where + "该元素应为空，不能包含内容 / the element must be empty";
    case XML_SCHEMAV_CVC_COMPLEX_TYPE_2_2:
    case XML_SCHEMAV_CVC_TYPE_3_1_2:
      return where + "该元素只能包含文本，不能包含子元素 / only text is allowed here, no child elements";
    case XML_SCHEMAV_CVC_COMPLEX_TYPE_2_3:
      return where + "该元素只能包含子元素，不能直接包含文本 / only child elements are allowed here, no text";
    case XML_SCHEMAV_CVC_IDC: return where + identity_message(e, body);
    case XML_SCHEMAV_CVC_ELT_1:
      return where + "根元素不是该模式定义的元素（命名空间或元素名不对） / the root element is not declared by the schema";
    default: return where + "不符合模式 / schema violation: " + trim_message(body, 300);
  }
}

}  // namespace wenshu::ingest

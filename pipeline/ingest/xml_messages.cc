#include "ingest/xml_messages.h"

#include <regex>
#include <utility>
#include <vector>

#include <libxml/xmlerror.h>

namespace wenshu::ingest {

namespace {

bool contains(std::string_view haystack, std::string_view needle) {
  return haystack.find(needle) != std::string_view::npos;
}

void replace_all(std::string& s, std::string_view from, std::string_view to) {
  if (from.empty()) return;
  std::size_t pos = 0;
  while ((pos = s.find(from, pos)) != std::string::npos) {
    s.replace(pos, from.size(), to);
    pos += to.size();
  }
}

/// "{urn:wenshu:records:1}member" → "member": users never write the namespace URI, it only
/// makes the message long.
std::string strip_namespaces(std::string s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '{') {
      const std::size_t close = s.find('}', i);
      // Only strip something that looks like a namespace URI ({urn:…} or {http…}), not the
      // braces of an enumeration set such as {'书记', '副书记'}.
      if (close != std::string::npos && close > i + 1 && s[i + 1] != '\'' &&
          s.find_first_of(" ,'", i) > close) {
        i = close;
        continue;
      }
    }
    out += s[i];
  }
  return out;
}

}  // namespace

std::string trim_message(std::string_view message) {
  std::string out;
  out.reserve(message.size());
  for (char c : message) out += (c == '\n' || c == '\r') ? ' ' : c;
  while (!out.empty() && (out.back() == ' ' || out.back() == '\t')) out.pop_back();
  std::size_t start = 0;
  while (start < out.size() && out[start] == ' ') ++start;
  return out.substr(start);
}

std::string parser_error_rule(int domain, int code, std::string_view message) {
  (void)domain;
  // libxml2 2.9 reports its own limits (XML_MAX_TEXT_LENGTH, XML_MAX_NAME_LENGTH, depth 256)
  // as memory or internal errors; the message is the only reliable sign.
  if (contains(message, "Excessive depth")) return "XML-DEPTH";
  if (contains(message, "huge text node") || contains(message, "too long") || contains(message, "too large") ||
      code == XML_ERR_NAME_TOO_LONG)
    return "XML-SIZE";
  if (code == XML_ERR_INVALID_ENCODING || code == XML_ERR_UNSUPPORTED_ENCODING || code == XML_ERR_UNKNOWN_ENCODING)
    return "XML-ENCODING";
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
  if (contains(message, "Excessive depth")) zh = "元素嵌套层数超过上限";
  if (contains(message, "huge text node")) zh = "单个文本节点过大";
  return std::string(zh) + " / " + trim_message(message);
}

std::string schema_error_message(std::string_view message) {
  std::string s = strip_namespaces(trim_message(message));
  static const std::regex kElemAttr(R"(^Element '([^']*)', attribute '([^']*)': )");
  static const std::regex kElem(R"(^Element '([^']*)': )");
  std::smatch m;
  std::string prefix;
  if (std::regex_search(s, m, kElemAttr)) {
    prefix = "元素 " + m[1].str() + " 的属性 " + m[2].str() + ": ";
    s = m.suffix();
  } else if (std::regex_search(s, m, kElem)) {
    prefix = "元素 " + m[1].str() + ": ";
    s = m.suffix();
  }
  // Phrase table, most specific first. Each entry turns one English sentence of libxml2's
  // xmlschemas.c into Chinese; anything not covered stays in English rather than guessed.
  struct Phrase {
    std::regex pattern;
    const char* replacement;
  };
  static const std::vector<Phrase> kPhrases = [] {
    std::vector<Phrase> v;
    auto add = [&](const char* re, const char* rep) { v.push_back({std::regex(re), rep}); };
    add(R"(This element is not expected\. Expected is one of \( ([^)]*) \)\.)", "此处不应出现该元素，应为以下之一：$1。");
    add(R"(This element is not expected\. Expected is \( ([^)]*) \)\.)", "此处不应出现该元素，应为 $1。");
    add(R"(This element is not expected\.)", "此处不应出现该元素。");
    add(R"(Missing child element\(s\)\. Expected is one of \( ([^)]*) \)\.)", "缺少子元素，应有以下之一：$1。");
    add(R"(Missing child element\(s\)\. Expected is \( ([^)]*) \)\.)", "缺少子元素 $1。");
    add(R"(Missing child element\(s\)\.)", "缺少子元素。");
    add(R"(The attribute '([^']*)' is required but missing\.)", "缺少必需的属性 $1。");
    add(R"(The attribute '([^']*)' is not allowed\.)", "不允许有属性 $1。");
    add(R"(The attribute is not allowed\.)", "不允许有该属性。");
    add(R"(\[facet 'enumeration'\] The value '([^']*)' is not an element of the set \{([^}]*)\}\.)",
        "取值 '$1' 不在允许的取值之中（$2）。");
    add(R"(\[facet 'pattern'\] The value '([^']*)' is not accepted by the pattern '([^']*)'\.)",
        "取值 '$1' 不符合格式 $2。");
    add(R"(\[facet 'minLength'\] The value has a length of '([^']*)'; this underruns the allowed minimum length of '([^']*)'\.)",
        "取值长度 $1 小于允许的最小长度 $2。");
    add(R"(\[facet 'maxLength'\] The value has a length of '([^']*)'; this exceeds the allowed maximum length of '([^']*)'\.)",
        "取值长度 $1 超过允许的最大长度 $2。");
    add(R"(\[facet 'minInclusive'\] The value '([^']*)' is less than the minimum value allowed \('([^']*)'\)\.)",
        "取值 $1 小于允许的最小值 $2。");
    add(R"(\[facet 'maxInclusive'\] The value '([^']*)' is greater than the maximum value allowed \('([^']*)'\)\.)",
        "取值 $1 大于允许的最大值 $2。");
    add(R"('([^']*)' is not a valid value of the atomic type 'xs:date'\.)", "'$1' 不是有效日期（应为 YYYY-MM-DD）。");
    add(R"('([^']*)' is not a valid value of the atomic type 'xs:dateTime'\.)",
        "'$1' 不是有效的日期时间（应为 YYYY-MM-DDThh:mm:ss）。");
    add(R"('([^']*)' is not a valid value of the atomic type 'xs:boolean'\.)", "'$1' 不是有效的布尔值（应为 true 或 false）。");
    add(R"('([^']*)' is not a valid value of the atomic type 'xs:(integer|int|positiveInteger|nonNegativeInteger)'\.)",
        "'$1' 不是有效的整数。");
    add(R"('([^']*)' is not a valid value of the atomic type '([^']*)'\.)", "'$1' 不是类型 $2 的有效取值。");
    add(R"('([^']*)' is not a valid value of the local atomic type\.)", "'$1' 不是允许的取值。");
    add(R"('([^']*)' is not a valid value of the list type '([^']*)'\.)", "'$1' 不是列表类型 $2 的有效取值。");
    add(R"(Element content is not allowed, because the content type is a simple type definition\.)",
        "该元素只能包含文本，不能包含子元素。");
    add(R"(Element content is not allowed, because the type definition is simple\.)",
        "该元素只能包含文本，不能包含子元素。");
    add(R"(Character content other than whitespace is not allowed because the content type is 'element-only'\.)",
        "该元素只能包含子元素，不能直接包含文本。");
    add(R"(Character content is not allowed, because the content type is empty\.)", "该元素应为空，不能包含文本。");
    add(R"(Duplicate key-sequence \['([^']*)'\] in unique identity-constraint '([^']*)'\.)", "编号 '$1' 重复（$2）。");
    add(R"(Duplicate key-sequence \['([^']*)'\] in key identity-constraint '([^']*)'\.)", "编号 '$1' 重复（$2）。");
    add(R"(No match found for key-sequence \['([^']*)'\] of keyref '([^']*)'\.)", "引用的编号 '$1' 不存在（$2）。");
    add(R"(No matching global declaration available for the validation root\.)", "根元素不是该模式定义的元素（命名空间或元素名不对）。");
    return v;
  }();
  for (const auto& p : kPhrases) {
    if (std::regex_search(s, p.pattern)) {
      s = std::regex_replace(s, p.pattern, p.replacement, std::regex_constants::format_first_only);
      break;
    }
  }
  replace_all(s, "', '", "、");
  replace_all(s, "（'", "（");
  replace_all(s, "'）", "）");
  return prefix + s;
}

}  // namespace wenshu::ingest

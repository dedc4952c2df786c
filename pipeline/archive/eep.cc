// DA/T 48-2009 EEP writing and checking (see eep.h).
#include "archive/eep.h"

#include <map>
#include <set>

#include "archive/base64.h"
#include "archive/digest.h"
#include "core/data_dir.h"
#include "core/diagnostic.h"
#include "ingest/xml_tree.h"
#include "xml/writer.h"

namespace wenshu::archive {

using ingest::parse_xml_tree;
using ingest::XmlNode;

namespace {

constexpr const char* kEepNs = "http://www.saac.gov.cn/standards/ERM/encapsulation";
constexpr const char* kFormatText = "本EEP根据中华人民共和国档案行业标准DA/T 48-2009《基于XML的电子文件封装规范》生成";
constexpr const char* kOriginalText = "本封装包包含电子文件数据及其元数据，原始封装，未经修改";
constexpr const char* kEncodingText =
    "本封装包中“编码数据”元素存储的是计算机文件二进制流的Base64编码，有关Base64编码规则参见IETF RFC 2045"
    "多用途邮件扩展（MIME）第一部分：因特网信息体格式。当提取和显现封装在编码数据元素中的计算机文件时，应对"
    "Base64编码进行反编码，并依据封装包中“反编码关键字”元素中记录的值还原计算机文件的扩展名";

/// Item-metadata elements that are wenshu's own, not DA/T 46: left out of the EEP.
const std::set<std::string> kNotDaT46 = {"档案门类代码", "来源记录"};

std::filesystem::path eep_schema() { return core::data_path("schemas/eep/eep.xsd"); }

std::string extension_of(const std::string& name) {
  const std::size_t dot = name.rfind('.');
  return dot == std::string::npos ? std::string("bin") : name.substr(dot + 1);
}

/// One 编码 of a component: DA/T 48's electronic attributes, the Base64 data, and the digests.
void write_encoding(xml::Writer& x, const XmlNode& encoding, const std::string& id, const std::map<std::string, std::string_view>& files,
                    std::string& error) {
  const XmlNode* attrs = encoding.child("电子属性");
  const std::string name = attrs ? attrs->child_text("计算机文件名") : std::string();
  const auto file = files.find(name);
  if (!attrs || file == files.end()) {
    error = "件的组成文件 " + name + " 未提供 / component not given";
    return;
  }
  const Digests d = digest_bytes(file->second);
  x.open("编码", {{"编码ID", "E-" + id}});
  x.open("电子属性");
  for (const auto& c : attrs->children)
    if (!c.text.empty()) x.leaf(c.name, c.text);
  x.leaf("校验码", d.sm3, {{"算法", "SM3"}});
  x.leaf("校验码", d.sha256, {{"算法", "SHA-256"}});
  x.close();
  x.leaf("编码描述", kEncodingText);
  x.leaf("反编码关键字", "base64-" + extension_of(name));
  x.leaf("编码数据", base64_encode(file->second, 76));
  x.close();
}

/// Copies an element of the item metadata into the EEP: DA/T 46 elements only, empty optional
/// leaves dropped, 文档 reshaped (its identifier as an element, its data encapsulated).
void copy(xml::Writer& x, const XmlNode& n, const std::map<std::string, std::string_view>& files, std::string& error) {
  if (kNotDaT46.count(n.name) || !error.empty()) return;
  if (n.children.empty()) {
    // DA/T 46 M38 密级 is mandatory: an unclassified 件 says 非密 (as its 控制标识 does).
    if (n.name == "密级" && n.text.empty()) x.leaf(n.name, "非密");
    else if (!n.text.empty()) x.leaf(n.name, n.text);
    return;
  }
  x.open(n.name);
  if (n.name == "文档") {
    const std::string id = n.attr("文档标识符");
    x.leaf("文档标识符", id);
    for (const auto& c : n.children) {
      if (c.name != "文档数据") {
        copy(x, c, files, error);
        continue;
      }
      x.open("文档数据", {{"文档数据ID", "D-" + id}});
      int n = 0;  // one 编码 per format (a PDF and its OFD rendition): E-<文档>-1, -2 …
      for (const auto& e : c.all("编码")) write_encoding(x, *e, id + "-" + std::to_string(++n), files, error);
      x.close();
    }
  } else {
    for (const auto& c : n.children) copy(x, c, files, error);
  }
  x.close();
}

std::optional<XmlNode> parse(std::string_view bytes, const std::string& name, const std::filesystem::path& schema,
                             std::string& error) {
  core::DiagnosticSink sink;
  auto tree = parse_xml_tree(bytes, name, schema, sink);
  if (!tree) {
    std::string why = "unreadable";
    for (const auto& d : sink.items())
      if (d.severity == core::Severity::kError) {
        why = "line " + std::to_string(d.location.line) + ": " + d.message;
        break;
      }
    error = why;
  }
  return tree;
}

}  // namespace

std::string build_eep(std::string_view item_xml, const std::vector<EepFile>& files, const EepOptions& options,
                      std::string& error) {
  const auto item = parse(item_xml, "item metadata", {}, error);
  if (!item) return {};
  std::map<std::string, std::string_view> by_name;
  for (const auto& f : files) by_name[f.name] = f.bytes;
  xml::Writer x;
  x.open("电子文件封装包", {{"xmlns", kEepNs}});
  x.leaf("封装包格式描述", kFormatText);
  x.leaf("版本", "2009");
  x.open("被签名对象", {{"eep版本", "2009"}});
  x.leaf("封装包类型", "原始型");
  x.leaf("封装包类型描述", kOriginalText);
  x.leaf("封装包创建时间", options.filing_date + "T00:00:00+08:00");
  x.leaf("封装包创建单位", options.creator_unit);
  x.open("封装内容");
  for (const auto& block : item->children) copy(x, block, by_name, error);
  if (!error.empty()) return {};
  x.close();
  x.close();
  x.close();
  std::string out = x.str();
  // What we write must be a valid EEP: an item lacking a mandatory element is reported here.
  std::string why;
  if (!parse(out, "EEP", eep_schema(), why)) {
    error = "EEP 不符合 DA/T 48 模式 / the EEP does not match the DA/T 48 schema: " + why;
    return {};
  }
  return out;
}

std::string check_eep(std::string_view eep, std::string_view item_xml, const std::string& name) {
  std::string why;
  const auto pkg = parse(eep, name, eep_schema(), why);
  if (!pkg) return "EEP 不符合 DA/T 48 模式 / does not match the DA/T 48 schema: " + why;
  const auto item = parse(item_xml, name + " (item metadata)", {}, why);
  if (!item) return "件的元数据无法读取 / the item metadata cannot be read: " + why;
  const XmlNode* content = pkg->child("被签名对象") ? pkg->child("被签名对象")->child("封装内容") : nullptr;
  const XmlNode* entity = content && content->child("文件实体块") ? content->child("文件实体块")->child("文件实体") : nullptr;
  const XmlNode* item_entity = item->child("文件实体块") ? item->child("文件实体块")->child("文件实体") : nullptr;
  if (!entity || !item_entity) return "EEP 缺少文件实体 / no record entity";
  if (entity->child_text("电子文件号") != item_entity->child_text("电子文件号"))
    return "EEP 的电子文件号与件不符 / the EEP names another record (" + entity->child_text("电子文件号") + ")";
  // Every encoding of the EEP, by file name.
  std::map<std::string, const XmlNode*> encodings;
  for (const XmlNode* doc : entity->child("文件数据")->all("文档"))
    for (const XmlNode* data : doc->all("文档数据"))
      for (const XmlNode* e : data->all("编码")) encodings[e->child("电子属性")->child_text("计算机文件名")] = e;
  const XmlNode* item_data = item_entity->child("文件数据");
  if (!item_data) return "件的元数据缺少文件数据 / the item metadata lists no files";
  std::vector<const XmlNode*> item_encodings;
  for (const XmlNode* doc : item_data->all("文档"))
    for (const XmlNode* data : doc->all("文档数据"))
      for (const XmlNode* e : data->all("编码")) item_encodings.push_back(e);
  for (const XmlNode* e : item_encodings) {
    const XmlNode* ref = e->child("编码数据");
    if (!ref) return "件的元数据缺少编码数据 / the item metadata lacks 编码数据";
    const std::string file = ref->attr("路径");
    const auto it = encodings.find(file);
    if (it == encodings.end()) return "EEP 未封装 " + file + " / the EEP does not encapsulate " + file;
    const auto bytes = base64_decode(it->second->child_text("编码数据"));
    if (!bytes) return file + " 的编码数据不是 Base64 / the encoded data of " + file + " is not Base64";
    const Digests d = digest_bytes(*bytes);
    if (d.sha256 != ref->attr("sha256") || d.sm3 != ref->attr("sm3"))
      return "EEP 中 " + file + " 的摘要与件的元数据不符 / " + file + " in the EEP differs from the item's digests";
    for (const XmlNode* c : it->second->child("电子属性")->all("校验码"))
      if (c->text != (c->attr("算法") == "SM3" ? d.sm3 : d.sha256))
        return "EEP 中 " + file + " 的校验码不符 / the EEP's own digest of " + file + " differs";
    if (it->second->child("电子属性")->child_text("计算机文件大小") != std::to_string(bytes->size()))
      return "EEP 中 " + file + " 的大小不符 / the recorded size of " + file + " differs";
  }
  return {};
}

}  // namespace wenshu::archive

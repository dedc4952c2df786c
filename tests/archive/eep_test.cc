// DA/T 48-2009 EEP (archive/eep.h): built from an item's metadata XML and its files, valid
// against schemas/eep/eep.xsd, and checked against the item's digests: one flipped byte in the
// encoded data, a swapped file or a schema violation each give one problem.
#include <catch2/catch.hpp>

#include "archive/base64.h"
#include "archive/digest.h"
#include "archive/eep.h"

namespace wenshu {

namespace {

/// Item metadata in the form of schemas/archive/item.xsd for one 件 with two components.
std::string item_xml(const std::string& main, const std::string& annex, const std::string& secrecy = "") {
  const archive::Digests a = archive::digest_bytes(main), b = archive::digest_bytes(annex);
  auto doc = [](const std::string& seq, const char* role, const char* kind, const std::string& name, const archive::Digests& d,
                std::size_t size) {
    return "<文档 文档标识符=\"Z109-WS.2009-Y-DCY-0001-" + seq + "\"><文档序号>" + seq + "</文档序号><文档主从声明>" + kind +
           "</文档主从声明><题名>" + role + "</题名><文档数据><编码><电子属性><格式信息>PDF/A-2u; application/pdf; fmt/478"
           "</格式信息><计算机文件名>" + name + "</计算机文件名><计算机文件大小>" + std::to_string(size) +
           "</计算机文件大小><文档创建程序>wenshu 0.1.0</文档创建程序></电子属性><页数>1</页数><编码数据 路径=\"" + name +
           "\" sha256=\"" + d.sha256 + "\" sm3=\"" + d.sm3 + "\"/></编码></文档数据></文档>";
  };
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<电子文件 xmlns=\"urn:wenshu:dossier:1\" 版本=\"1\"><文件实体块><文件实体>"
         "<聚合层次>件</聚合层次><来源><全宗名称>中共某某市委</全宗名称><立档单位名称>中共某某市委</立档单位名称></来源>"
         "<电子文件号>Z109-WS.2009-Y-DCY-0001</电子文件号><档号 值=\"Z109-WS·2009-Y-DCY-0001\"><全宗号>Z109</全宗号>"
         "<档案门类代码>WS</档案门类代码><年度>2009</年度><保管期限>Y</保管期限><机构或问题>DCY</机构或问题><室编件号>0001"
         "</室编件号></档号><内容描述><题名>关于某某问题的调研报告</题名><文件编号></文件编号><责任者>中共某某市委</责任者>"
         "<日期>20090902</日期><文种>调研报告</文种><紧急程度></紧急程度><主送></主送><抄送></抄送><密级>" + secrecy +
         "</密级></内容描述><形式特征><文件组合类型>组合文件</文件组合类型><件数>1</件数><页数>2</页数><语种>汉语</语种>"
         "</形式特征><存储位置><当前位置>data/电子档案/2009/Y/DCY/Z109-WS.2009-Y-DCY-0001</当前位置></存储位置><权限管理>"
         "<控制标识>非密</控制标识></权限管理><附注></附注><文件数据>" +
         doc("01", "正本", "主文档", "Z109-WS.2009-Y-DCY-0001-01.pdf", a, main.size()) +
         doc("02", "附件", "附属文档", "Z109-WS.2009-Y-DCY-0001-02.pdf", b, annex.size()) +
         "</文件数据></文件实体></文件实体块><业务实体块><业务实体><业务标识符>B1</业务标识符><机构人员标识符>A1</机构人员标识符>"
         "<文件标识符>Z109-WS.2009-Y-DCY-0001</文件标识符><业务状态>历史行为</业务状态><业务行为>形成</业务行为>"
         "<行为时间>2009-09-02T00:00:00+08:00</行为时间></业务实体></业务实体块><机构人员实体块><机构人员实体>"
         "<机构人员标识符>A1</机构人员标识符><机构人员类型>单位</机构人员类型><机构人员名称>中共某某市委</机构人员名称>"
         "</机构人员实体></机构人员实体块><来源记录><记录>dy-0001</记录></来源记录></电子文件>\n";
}

const std::string kMain = "%PDF-1.7 main document bytes\n" + std::string(300, 'x');
const std::string kAnnex = "%PDF-1.7 attachment bytes\n" + std::string(120, 'y');

std::string eep_of(const std::string& item) {
  std::string error;
  const std::string eep = archive::build_eep(item, {{"Z109-WS.2009-Y-DCY-0001-01.pdf", kMain}, {"Z109-WS.2009-Y-DCY-0001-02.pdf", kAnnex}},
                                             {"2009-12-31", "中共某某市委"}, error);
  INFO(error);
  REQUIRE_FALSE(eep.empty());
  return eep;
}

}  // namespace

TEST_CASE("EEP: DA/T 48 structure from the item metadata, files as Base64 with digests", "[archive][eep]") {
  const std::string item = item_xml(kMain, kAnnex);
  const std::string eep = eep_of(item);
  CHECK(eep.find("<电子文件封装包 xmlns=\"http://www.saac.gov.cn/standards/ERM/encapsulation\">") != std::string::npos);
  CHECK(eep.find("<封装包格式描述>本EEP根据中华人民共和国档案行业标准DA/T 48-2009《基于XML的电子文件封装规范》生成</封装包格式描述>") !=
        std::string::npos);
  CHECK(eep.find("<被签名对象 eep版本=\"2009\">") != std::string::npos);
  CHECK(eep.find("<封装包创建时间>2009-12-31T00:00:00+08:00</封装包创建时间>") != std::string::npos);
  CHECK(eep.find("<文档标识符>Z109-WS.2009-Y-DCY-0001-01</文档标识符>") != std::string::npos);
  CHECK(eep.find("<反编码关键字>base64-pdf</反编码关键字>") != std::string::npos);
  CHECK(eep.find("<密级>非密</密级>") != std::string::npos);             // DA/T 46 M38 is mandatory
  CHECK(eep.find("档案门类代码") == std::string::npos);                   // wenshu's own, not DA/T 46
  CHECK(eep.find("来源记录") == std::string::npos);
  CHECK(eep.find(archive::base64_encode(kMain, 76)) != std::string::npos);
  CHECK(eep.find("<校验码 算法=\"SM3\">" + archive::digest_bytes(kMain).sm3 + "</校验码>") != std::string::npos);
  CHECK(archive::check_eep(eep, item, "x.eep") == "");
  // Same input, same bytes.
  CHECK(eep_of(item) == eep);
}

TEST_CASE("EEP check: damaged data, a swapped file, a schema violation, another record", "[archive][eep]") {
  const std::string item = item_xml(kMain, kAnnex);
  const std::string eep = eep_of(item);
  // One byte of the encoded data changed (a different Base64 letter).
  std::string flipped = eep;
  const std::size_t at = flipped.find("<编码数据>") + std::string("<编码数据>").size() + 10;
  flipped[at] = flipped[at] == 'A' ? 'B' : 'A';
  CHECK(archive::check_eep(flipped, item, "x.eep").find("differs from the item's digests") != std::string::npos);
  // The item's metadata records other bytes for the annex.
  CHECK_FALSE(archive::check_eep(eep, item_xml(kMain, kAnnex + "!"), "x.eep").empty());
  // A schema violation: the fixed format description changed.
  std::string bad = eep;
  bad.replace(bad.find("DA/T 48-2009"), 12, "DA/T 48-2019");
  CHECK(archive::check_eep(bad, item, "x.eep").find("schema") != std::string::npos);
  // Not XML at all; cut in half.
  CHECK_FALSE(archive::check_eep("garbage", item, "x.eep").empty());
  CHECK_FALSE(archive::check_eep(eep.substr(0, eep.size() / 2), item, "x.eep").empty());
  // Another record's EEP.
  std::string other = eep;
  other.replace(other.find("<电子文件号>Z109-WS.2009-Y-DCY-0001"), std::string("<电子文件号>Z109-WS.2009-Y-DCY-0001").size(),
                "<电子文件号>Z109-WS.2009-Y-DCY-0002");
  CHECK(archive::check_eep(other, item, "x.eep").find("another record") != std::string::npos);
}

TEST_CASE("EEP build: a missing component or a metadata gap is an error, not a bad package", "[archive][eep]") {
  std::string error;
  CHECK(archive::build_eep(item_xml(kMain, kAnnex), {{"Z109-WS.2009-Y-DCY-0001-01.pdf", kMain}}, {"2009-12-31", "x"}, error).empty());
  CHECK(error.find("Z109-WS.2009-Y-DCY-0001-02.pdf") != std::string::npos);
  std::string item = item_xml(kMain, kAnnex);
  item.replace(item.find("<责任者>中共某某市委</责任者>"), std::string("<责任者>中共某某市委</责任者>").size(), "<责任者></责任者>");
  error.clear();
  CHECK(archive::build_eep(item, {{"Z109-WS.2009-Y-DCY-0001-01.pdf", kMain}, {"Z109-WS.2009-Y-DCY-0001-02.pdf", kAnnex}},
                           {"2009-12-31", "x"}, error).empty());
  CHECK(error.find("schema") != std::string::npos);
}

TEST_CASE("Base64 round trip", "[archive][eep]") {
  for (const std::string& s : std::vector<std::string>{"", "a", "ab", "abc", "abcd", std::string("\0\xff\x10", 3)}) {
    CHECK(archive::base64_decode(archive::base64_encode(s)) == s);
    CHECK(archive::base64_decode(archive::base64_encode(s, 4)) == s);
  }
  CHECK_FALSE(archive::base64_decode("abc"));
  CHECK_FALSE(archive::base64_decode("a$c="));
}

}  // namespace wenshu

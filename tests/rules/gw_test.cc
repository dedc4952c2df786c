// GW rules (rules.md 公文格式): each rule both ways, with its boundaries, on documents built by
// hand; then the seed samples: as written it fires exactly GW-1, GW-2, GW-3, GW-5 and GW-6,
// corrected it is clean.
#include <algorithm>
#include <map>
#include <set>

#include <catch2/catch.hpp>

#include "core/date.h"
#include "core/utf8.h"
#include "ingest/document_reader.h"
#include "rules/gw.h"
#include "support/test_support.h"

using namespace wenshu;

namespace {

model::Text text(std::string v, int line = 10, int column = 5) {
  model::Text t;
  t.value = std::move(v);
  t.location = {"doc.xml", line, column};
  return t;
}

model::Document base() {
  model::Document d;
  d.id = "t";
  d.kind = "通知";
  d.title = text("关于开展调查研究工作的通知", 3);
  d.date.text = text("2013年5月6日", 40);
  d.date.value = core::Date{2013, 5, 6};
  return d;
}

std::vector<core::Diagnostic> run(void (*check)(const model::Document&, core::DiagnosticSink&),
                                  const model::Document& d) {
  core::DiagnosticSink sink;
  check(d, sink);
  return sink.items();
}

// Applies the fix of `d` to `value` (ranges are code points).
std::string apply_fix(const std::string& value, const core::Diagnostic& d) {
  std::u32string s = core::utf8_decode(value);
  s.replace(d.range.begin, d.range.end - d.range.begin, core::utf8_decode(d.fix));
  return core::utf8_encode(s);
}

// Applies every fix of a single-field rule, right to left.
std::string apply_all(const std::string& value, std::vector<core::Diagnostic> ds) {
  std::sort(ds.begin(), ds.end(), [](const core::Diagnostic& a, const core::Diagnostic& b) { return a.range.begin > b.range.begin; });
  std::string out = value;
  for (const auto& d : ds)
    if (d.has_range && !d.fix.empty()) out = apply_fix(out, d);
  return out;
}

}  // namespace

TEST_CASE("GW-1 accepts a well-formed document number", "[gw][gw1]") {
  auto d = base();
  for (const char* ok : {"市委发〔2009〕32号", "国办发〔2012〕1号", "张办字〔2013〕100号"}) {
    d.doc_number = text(ok);
    CHECK(run(rules::check_gw1_doc_number, d).empty());
  }
}

TEST_CASE("GW-1 fixes the seed's 市委发[2009] 32号", "[gw][gw1]") {
  auto d = base();
  d.doc_number = text("市委发[2009] 32号", 7, 17);
  const auto ds = run(rules::check_gw1_doc_number, d);
  REQUIRE(ds.size() == 2);  // the brackets, the space
  for (const auto& x : ds) {
    CHECK(x.rule == "GW-1");
    CHECK(x.severity == core::Severity::kError);
    CHECK(x.has_range);
    CHECK(x.record_id == "t");
  }
  const auto brackets = std::find_if(ds.begin(), ds.end(), [](const core::Diagnostic& x) { return x.fix == "〔2009〕"; });
  REQUIRE(brackets != ds.end());
  CHECK(brackets->range.begin == 3);
  CHECK(brackets->range.end == 9);
  CHECK(brackets->location.line == 7);
  CHECK(brackets->location.column == 20);  // advanced to the "["
  CHECK(apply_all(d.doc_number.value, ds) == "市委发〔2009〕32号");
}

TEST_CASE("GW-1 leading zeros, 第, missing 号, short year, missing year", "[gw][gw1]") {
  auto d = base();
  d.date.value = core::Date{2009, 9, 2};
  d.doc_number = text("市委发〔2009〕032号");
  auto ds = run(rules::check_gw1_doc_number, d);
  REQUIRE(ds.size() == 1);
  CHECK(apply_fix(d.doc_number.value, ds[0]) == "市委发〔2009〕32号");

  d.doc_number = text("市委发〔2009〕第32号");
  ds = run(rules::check_gw1_doc_number, d);
  REQUIRE(ds.size() == 1);
  CHECK(apply_fix(d.doc_number.value, ds[0]) == "市委发〔2009〕32号");

  d.doc_number = text("市委发〔2009〕32");
  ds = run(rules::check_gw1_doc_number, d);
  REQUIRE(ds.size() == 1);
  CHECK(apply_fix(d.doc_number.value, ds[0]) == "市委发〔2009〕32号");

  d.doc_number = text("市委发〔09〕32号");  // century taken from the 成文日期
  ds = run(rules::check_gw1_doc_number, d);
  REQUIRE(ds.size() == 1);
  CHECK(apply_fix(d.doc_number.value, ds[0]) == "市委发〔2009〕32号");

  d.doc_number = text("市委发2009年32号");
  ds = run(rules::check_gw1_doc_number, d);
  REQUIRE(ds.size() == 1);
  CHECK(ds[0].fix.empty());

  d.doc_number = text("市委发（2009）10号");  // 10: the 0 is no leading zero
  ds = run(rules::check_gw1_doc_number, d);
  REQUIRE(ds.size() == 1);
  CHECK(apply_fix(d.doc_number.value, ds[0]) == "市委发〔2009〕10号");
}

TEST_CASE("GW-2 numerals switch on 2012-07-01", "[gw][gw2]") {
  auto d = base();
  SECTION("2012-06-30 is written in Chinese numerals") {
    d.date.text = text("二〇一二年六月三十日");
    d.date.value = core::Date{2012, 6, 30};
    CHECK(run(rules::check_gw2_date, d).empty());
    d.date.text = text("2012年6月30日");
    const auto ds = run(rules::check_gw2_date, d);
    REQUIRE(ds.size() == 1);
    CHECK(ds[0].fix == "二〇一二年六月三十日");
  }
  SECTION("2012-07-01 is written in Arabic numerals") {
    d.date.text = text("2012年7月1日");
    d.date.value = core::Date{2012, 7, 1};
    CHECK(run(rules::check_gw2_date, d).empty());
    d.date.text = text("二〇一二年七月一日");
    const auto ds = run(rules::check_gw2_date, d);
    REQUIRE(ds.size() == 1);
    CHECK(ds[0].fix == "2012年7月1日");
  }
}

TEST_CASE("GW-2 the seed's 二OO九年九月二 日", "[gw][gw2]") {
  auto d = base();
  d.date.text = text("二OO九年九月二 日", 9, 27);
  d.date.value = core::Date{2009, 9, 2};
  const auto ds = run(rules::check_gw2_date, d);
  REQUIRE(ds.size() == 2);  // Latin O for 〇; the space
  const auto zero = std::find_if(ds.begin(), ds.end(), [](const core::Diagnostic& x) { return x.fix == "〇〇"; });
  REQUIRE(zero != ds.end());
  CHECK(zero->range.begin == 1);
  CHECK(zero->range.end == 3);
  CHECK(zero->location.column == 28);
  CHECK(apply_all(d.date.text.value, ds) == "二〇〇九年九月二日");
}

TEST_CASE("GW-2 zero padding, impossible dates, text and value disagreeing", "[gw][gw2]") {
  auto d = base();
  d.date.text = text("2013年05月06日");
  auto ds = run(rules::check_gw2_date, d);
  REQUIRE(ds.size() == 2);
  CHECK(apply_all(d.date.text.value, ds) == "2013年5月6日");

  d.date.text = text("2013年2月30日");
  d.date.value.reset();
  ds = run(rules::check_gw2_date, d);
  REQUIRE(ds.size() == 1);
  CHECK(ds[0].rule == "GW-2");

  d.date.text = text("2013年5月7日");
  d.date.value = core::Date{2013, 5, 6};
  ds = run(rules::check_gw2_date, d);
  REQUIRE(ds.size() == 1);

  d.date.text = text("");
  ds = run(rules::check_gw2_date, d);
  REQUIRE(ds.size() == 1);
  CHECK_FALSE(ds[0].has_range);
  d.format = model::DocFormat::kMinutes;  // minutes may carry no 成文日期
  CHECK(run(rules::check_gw2_date, d).empty());
}

TEST_CASE("GW-3 lost characters", "[gw][gw3]") {
  auto d = base();
  d.body.push_back(model::Paragraph{text("民主生活会严格按照?级有关要求", 20, 9)});
  auto ds = run(rules::check_gw3_characters, d);
  REQUIRE(ds.size() == 1);
  CHECK(ds[0].range.begin == 9);
  CHECK(ds[0].range.end == 10);
  CHECK(ds[0].fix.empty());  // which character was lost cannot be known
  CHECK(ds[0].location.column == 18);

  d.body = {model::Paragraph{text("请研究是否可行吗?请回复")}};  // a question, typed half-width
  ds = run(rules::check_gw3_characters, d);
  REQUIRE(ds.size() == 1);
  CHECK(ds[0].fix == "？");

  d.body = {model::Paragraph{text("乱码\xEF\xBF\xBD\xEF\xBF\xBD文字")}};
  ds = run(rules::check_gw3_characters, d);
  REQUIRE(ds.size() == 1);
  CHECK(ds[0].range.end - ds[0].range.begin == 2);
}

TEST_CASE("GW-3 Latin O and digit 0 among Chinese numerals, not among digits", "[gw][gw3]") {
  auto d = base();
  d.body.push_back(model::Paragraph{text("于二OO九年印发，二0一0年修订")});
  auto ds = run(rules::check_gw3_characters, d);
  REQUIRE(ds.size() == 3);
  CHECK(apply_all(d.body.size() ? std::get<model::Paragraph>(d.body[0]).text.value : "", ds) ==
        "于二〇〇九年印发，二〇一〇年修订");
  d.body = {model::Paragraph{text("于2009年印发，共100份，含OA系统")}};
  CHECK(run(rules::check_gw3_characters, d).empty());
}

TEST_CASE("GW-3 half-width punctuation in Chinese text", "[gw][gw3]") {
  auto d = base();
  d.main_recipients = text("各县区委,市直各部门:");
  d.body.push_back(model::Paragraph{text(
      "根据《意见》(中发[2008]4号)要求,构建体制机制<确保运转。比例为3.5%,见\"通知\"。")});
  core::DiagnosticSink sink;
  rules::check_gw3_characters(d, sink);
  std::map<std::string, int> fixes;
  for (const auto& x : sink.items()) ++fixes[x.fix];
  CHECK(fixes["，"] == 4);   // 区委,市直; 要求,构建; 机制<确保; 3.5%,见
  CHECK(fixes["（"] == 1);
  CHECK(fixes["）"] == 1);
  CHECK(fixes["〔2008〕"] == 1);
  CHECK(fixes["“"] == 1);
  CHECK(fixes["”"] == 1);
  CHECK(fixes.count("：") == 0);  // the recipients' final colon belongs to GW-6
  CHECK(fixes.count("。") == 0);  // 3.5 is a number
  CHECK(sink.items().size() == 9);
  // Latin text keeps its punctuation.
  d.main_recipients = text("");
  d.body = {model::Paragraph{text("使用Word, Excel等软件")}};
  CHECK(run(rules::check_gw3_characters, d).empty());
}

TEST_CASE("GW-4 title punctuation", "[gw][gw4]") {
  auto d = base();
  d.title = text("关于印发《市、县区党委调查研究制度（试行）》的通知");
  CHECK(run(rules::check_gw4_title, d).empty());
  d.title = text("关于开展“三查三看”活动的通知。");
  const auto ds = run(rules::check_gw4_title, d);
  REQUIRE(ds.size() == 3);
  CHECK(ds[2].range.begin == 14);
  CHECK(apply_fix(d.title.value, ds[2]) == "关于开展“三查三看”活动的通知");
  d.title = text("关于印发规范和完善工作机制若干配套制度(试行)的通知");  // ( ) are GW-3's
  CHECK(run(rules::check_gw4_title, d).empty());
}

TEST_CASE("GW-5 heading numbers in order per parent", "[gw][gw5]") {
  auto d = base();
  auto h = [](int level, const char* number) {
    model::Heading x;
    x.level = level;
    x.number = text(number);
    x.text = text("标题");
    return model::Block(x);
  };
  d.body = {h(1, "一、"), h(2, "（一）"), h(3, "1."), h(4, "（1）"), h(4, "（2）"), h(3, "2."),
            h(2, "（二）"), h(3, "1."), h(1, "二、"), h(2, "（一）"), h(1, "三、"), h(3, "1.")};
  CHECK(run(rules::check_gw5_headings, d).empty());

  SECTION("a gap") {
    d.body = {h(1, "一、"), h(1, "三、"), h(1, "四、")};
    const auto ds = run(rules::check_gw5_headings, d);
    REQUIRE(ds.size() == 1);  // 四、 follows the written 三、
    CHECK(ds[0].fix == "二、");
  }
  SECTION("a repeat") {
    d.body = {h(2, "（一）"), h(2, "（二）"), h(2, "（二）"), h(2, "（四）")};
    const auto ds = run(rules::check_gw5_headings, d);
    REQUIRE(ds.size() == 1);
    CHECK(ds[0].fix == "（三）");
  }
  SECTION("a nested level restarts under each parent") {
    d.body = {h(2, "（一）"), h(3, "1."), h(3, "2."), h(2, "（二）"), h(3, "3.")};
    const auto ds = run(rules::check_gw5_headings, d);
    REQUIRE(ds.size() == 1);
    CHECK(ds[0].fix == "1.");
  }
  SECTION("wrong forms") {
    d.body = {h(2, "(一)"), h(3, "1、"), h(3, "2．"), h(1, "一."), h(4, "(1)"), h(2, "1.")};
    const auto ds = run(rules::check_gw5_headings, d);
    REQUIRE(ds.size() == 6);
    CHECK(ds[0].fix == "（一）");
    CHECK(ds[1].fix == "1.");
    CHECK(ds[2].fix == "2.");
    CHECK(ds[3].fix == "一、");
    CHECK(ds[4].fix == "（1）");
    CHECK(ds[5].fix == "（一）");  // level 2 numbered like level 3
  }
  SECTION("attachments number on their own") {
    model::Attachment a;
    a.title = text("附件标题");
    a.body = {h(1, "一、"), h(1, "二、")};
    d.body = {h(1, "一、")};
    d.attachments = {a};
    CHECK(run(rules::check_gw5_headings, d).empty());
  }
}

TEST_CASE("GW-6 主送机关 ends with a full-width colon", "[gw][gw6]") {
  auto d = base();
  d.main_recipients = text("各县区委，市直各部门：");
  CHECK(run(rules::check_gw6_recipients, d).empty());
  d.main_recipients = text("各县区委，市直各部门:");
  auto ds = run(rules::check_gw6_recipients, d);
  REQUIRE(ds.size() == 1);
  CHECK(ds[0].range.begin == 10);
  CHECK(apply_fix(d.main_recipients.value, ds[0]) == "各县区委，市直各部门：");
  d.main_recipients = text("各县区委，市直各部门");
  ds = run(rules::check_gw6_recipients, d);
  REQUIRE(ds.size() == 1);
  CHECK(apply_fix(d.main_recipients.value, ds[0]) == "各县区委，市直各部门：");
}

TEST_CASE("GW-7 paired marks", "[gw][gw7]") {
  auto d = base();
  d.body = {model::Paragraph{text("根据《中国共产党章程》（试行）和“解剖麻雀”〔2009〕（Xi’an）")}};
  CHECK(run(rules::check_gw7_brackets, d).empty());
  d.body = {model::Paragraph{text("根据《中国共产党章程（试行）要求")}};
  auto ds = run(rules::check_gw7_brackets, d);
  REQUIRE(ds.size() == 1);
  CHECK(ds[0].range.begin == 2);
  d.body = {model::Paragraph{text("坚持“不唯上“的原则")}};
  ds = run(rules::check_gw7_brackets, d);
  REQUIRE(ds.size() == 1);
  CHECK(ds[0].fix == "”");
  d.body = {model::Paragraph{text("多余的后括号）在这里")}};
  ds = run(rules::check_gw7_brackets, d);
  REQUIRE(ds.size() == 1);
  CHECK(ds[0].range.begin == 6);
  d.body = {model::Paragraph{text("半角与全角(试行）成对")}};
  CHECK(run(rules::check_gw7_brackets, d).empty());
}

TEST_CASE("GW-8 附件说明 and attachments both ways", "[gw][gw8]") {
  auto d = base();
  auto att = [](const char* number, const char* title) {
    model::Attachment a;
    a.number = text(number);
    a.title = text(title, 50);
    return a;
  };
  d.attachment_notes = {text("调研课题表"), text("蹲点安排表")};
  d.attachments = {att("1", "调研课题表"), att("2", "蹲点安排表")};
  CHECK(run(rules::check_gw8_attachments, d).empty());

  SECTION("a missing attachment") {
    d.attachments.pop_back();
    const auto ds = run(rules::check_gw8_attachments, d);
    REQUIRE(ds.size() == 1);  // 蹲点安排表 has no attachment ("附件1" for a single one is tolerated)
    CHECK(ds[0].message.find("蹲点安排表") != std::string::npos);
  }
  SECTION("an extra attachment") {
    d.attachments.push_back(att("3", "请假条"));
    const auto ds = run(rules::check_gw8_attachments, d);
    REQUIRE(ds.size() == 1);
    CHECK(ds[0].location.line == 50);
  }
  SECTION("names differ") {
    d.attachment_notes[1] = text("蹲点工作安排表");
    const auto ds = run(rules::check_gw8_attachments, d);
    REQUIRE(ds.size() == 1);
    CHECK(apply_fix(d.attachment_notes[1].value, ds[0]) == "蹲点安排表");
  }
  SECTION("numbering and punctuation") {
    d.attachments[1].number = text("3");
    d.attachment_notes[0] = text("1.调研课题表。");
    const auto ds = run(rules::check_gw8_attachments, d);
    REQUIRE(ds.size() == 4);  // "1." written in; final 。; the name then differs; number 3
    CHECK(std::any_of(ds.begin(), ds.end(), [](const core::Diagnostic& x) { return x.fix == "2"; }));
  }
  SECTION("issued documents are not attachments") {
    d.attachment_notes.clear();
    for (auto& a : d.attachments) a.issued = true;
    CHECK(run(rules::check_gw8_attachments, d).empty());
  }
}

TEST_CASE("the seed as written fires GW-1, GW-2, GW-3, GW-5 and GW-6", "[gw][samples]") {
  core::DiagnosticSink read;
  const auto doc = ingest::read_document(test::source_dir() / "samples/documents/seed-as-written.xml", read);
  REQUIRE(doc);
  REQUIRE(read.items().empty());
  core::DiagnosticSink sink;
  rules::check_document(*doc, sink);
  std::set<std::string> fired;
  for (const auto& x : sink.items()) fired.insert(x.rule);
  CHECK(fired == std::set<std::string>{"GW-1", "GW-2", "GW-3", "GW-5", "GW-6"});
  for (const auto& x : sink.items()) {
    CHECK(x.severity == core::Severity::kError);
    CHECK(x.has_range);
    CHECK(x.location.line > 0);
    CHECK(x.location.column > 0);
  }
  // The lost character of 按照?级 is pointed at exactly.
  const auto lost = std::find_if(sink.items().begin(), sink.items().end(),
                                 [](const core::Diagnostic& x) { return x.rule == "GW-3" && x.fix.empty() && x.message.find("?") != std::string::npos; });
  REQUIRE(lost != sink.items().end());
  const std::string file = test::read_file(test::source_dir() / "samples/documents/seed-as-written.xml");
  std::vector<std::string> lines{""};
  for (char c : file) {
    if (c == '\n') lines.emplace_back();
    else lines.back().push_back(c);
  }
  const std::u32string line = core::utf8_decode(lines.at(static_cast<std::size_t>(lost->location.line - 1)));
  INFO(lost->location.line << ":" << lost->location.column);
  CHECK(line.at(static_cast<std::size_t>(lost->location.column - 1)) == U'?');
}

TEST_CASE("the corrected seed and every other sample are GW-clean", "[gw][samples]") {
  for (const auto& entry : std::filesystem::directory_iterator(test::source_dir() / "samples/documents")) {
    if (entry.path().extension() != ".xml" || entry.path().filename() == "seed-as-written.xml") continue;
    INFO(entry.path().filename().string());
    core::DiagnosticSink sink;
    const auto doc = ingest::read_document(entry.path(), sink);
    REQUIRE(doc);
    rules::check_document(*doc, sink);
    for (const auto& x : sink.items()) UNSCOPED_INFO(core::format_text(x));
    CHECK(sink.items().empty());
  }
}

TEST_CASE("GW-1 leaves 令号 and 期号 alone", "[gw][gw1]") {
  auto d = base();
  d.doc_number = text("第5期");
  d.format = model::DocFormat::kMinutes;
  CHECK(run(rules::check_gw1_doc_number, d).empty());
  d.format = model::DocFormat::kOrder;
  d.doc_number = text("第1号");
  CHECK(run(rules::check_gw1_doc_number, d).empty());
  d.format = model::DocFormat::kLetter;
  CHECK(run(rules::check_gw1_doc_number, d).size() == 1);
}

TEST_CASE("GW diagnostics point at the character through line breaks", "[gw]") {
  auto d = base();
  model::Text t = text("第一行第二行,", 6, 7);
  t.jumps.push_back({3, 7, 7});  // 第二行 starts on the next source line
  d.body.push_back(model::Paragraph{t});
  const auto ds = run(rules::check_gw3_characters, d);
  REQUIRE(ds.size() == 1);
  CHECK(ds[0].location.line == 7);
  CHECK(ds[0].location.column == 10);
}

// Golden layout dumps of documents built in code (tests/golden/layout/*.dump). Review changes
// with diff; accept them with WENSHU_UPDATE_GOLDEN=1.
#include <catch2/catch.hpp>

#include "layout/dump.h"
#include "layout/layout.h"
#include "layout/page_docs.h"
#include "support/test_support.h"

using namespace wenshu;
using namespace wenshu::layout;
using test::txt;

namespace {

std::string dump_of(const model::Document& d) {
  core::DiagnosticSink sink;
  const auto paged = layout_document(d, default_profile(), sink);
  std::string out = dump_layout(paged);
  sink.sort();
  for (const auto& x : sink.items()) out += "# " + core::format_text(x) + "\n";
  return out;
}

model::Document letter_doc() {
  model::Document d;
  d.id = "letter";
  d.location = {"letter.xml", 1, 1};
  d.format = model::DocFormat::kLetter;
  d.copy_number = txt("000021");
  d.issuers = {txt("中共××市委办公室")};
  d.doc_number = txt("市委办函〔2009〕15号");
  d.title = txt("关于报送2009年度党建工作总结的函");
  d.main_recipients = txt("各县区委办公室：");
  d.body.push_back(model::Paragraph{txt("根据市委工作安排，请各县区委于2009年12月20日前将本年度党建工作总结"
                                        "报送市委办公室，电子文档同时发送至指定邮箱。")});
  d.signatures = {txt("中共××市委办公室")};
  d.date.text = txt("2009年12月1日");
  d.date.value = core::Date{2009, 12, 1};
  d.cc = txt("市委组织部。");
  return d;
}

model::Document upward_doc() {
  model::Document d;
  d.id = "upward";
  d.location = {"upward.xml", 1, 1};
  d.issuers = {txt("中共××市委员会"), txt("××市人民政府")};
  d.doc_number = txt("市委发〔2009〕40号");
  d.signers = {txt("张三"), txt("李四"), txt("王五")};
  d.title = txt("关于2009年度党风廉政建设责任制落实情况的报告");
  d.main_recipients = txt("省委：");
  d.body.push_back(model::Paragraph{txt("现将我市2009年度党风廉政建设责任制落实情况报告如下。")});
  model::Table t;
  t.caption = txt("表1　责任制考核结果");
  t.column_weights = {1, 3, 2};
  t.rows = {{{txt("序号")}, {txt("单位")}, {txt("结果")}},
            {{txt("1")}, {txt("市委办公室")}, {txt("优秀")}},
            {{txt("2")}, {txt("市政府办公室")}, {txt("良好")}}};
  d.body.push_back(t);
  d.body.push_back(model::Heading{3, txt("1."), txt("加强监督。"), txt("各级纪检监察机关要加强日常监督检查。")});
  d.signatures = {txt("中共××市委员会")};
  d.date.text = txt("2009年12月28日");
  d.date.value = core::Date{2009, 12, 28};
  d.seal.kind = model::Seal::Kind::kReserved;
  d.draft = true;
  return d;
}

model::Document order_doc() {
  model::Document d;
  d.id = "order";
  d.location = {"order.xml", 1, 1};
  d.format = model::DocFormat::kOrder;
  d.issuers = {txt("××市人民政府")};
  d.doc_number = txt("第1号");
  d.body.push_back(model::Paragraph{txt("《××市档案管理办法》已经市政府常务会议通过，现予公布，自2010年1月1日起施行。")});
  d.signer_title = txt("市长");
  d.signer_name = txt("赵六");
  d.date.text = txt("2009年12月10日");
  return d;
}

model::Document minutes_doc() {
  model::Document d;
  d.id = "minutes";
  d.location = {"minutes.xml", 1, 1};
  d.format = model::DocFormat::kMinutes;
  d.issuers = {txt("中共××市委常委会议")};
  d.doc_number = txt("第12期");
  d.title = txt("市委常委会议纪要");
  d.body.push_back(model::Paragraph{txt("2009年8月27日，市委书记主持召开市委常委会议，讨论通过了七项配套制度。")});
  d.attendance.present = {txt("张三"), txt("李四"), txt("王五"), txt("赵六"), txt("孙七"), txt("周八"), txt("吴九"),
                          txt("郑十"), txt("钱十一"), txt("陈十二"), txt("冯十三"), txt("褚十四")};
  d.attendance.absent = {txt("卫十五")};
  d.attendance.attending = {txt("市委办公室主任蒋十六")};
  return d;
}

}  // namespace

TEST_CASE("golden: 纪要 format with attendance blocks") {
  const auto diff = test::compare_golden("layout/minutes.dump", dump_of(minutes_doc()));
  CHECK(diff.empty());
  if (!diff.empty()) WARN(diff);
}

TEST_CASE("golden: standard 公文 with attachment and 版记") {
  const auto diff = test::compare_golden("layout/standard.dump", dump_of(test::standard_doc()));
  CHECK(diff.empty());
  if (!diff.empty()) WARN(diff);
}

TEST_CASE("golden: 信函 format") {
  const auto diff = test::compare_golden("layout/letter.dump", dump_of(letter_doc()));
  CHECK(diff.empty());
  if (!diff.empty()) WARN(diff);
}

TEST_CASE("golden: upward joint issue with 签发人, table, reserved seal, draft") {
  const auto diff = test::compare_golden("layout/upward.dump", dump_of(upward_doc()));
  CHECK(diff.empty());
  if (!diff.empty()) WARN(diff);
}

TEST_CASE("golden: 命令 format") {
  const auto diff = test::compare_golden("layout/order.dump", dump_of(order_doc()));
  CHECK(diff.empty());
  if (!diff.empty()) WARN(diff);
}

TEST_CASE("golden: layout is deterministic") {
  CHECK(dump_of(upward_doc()) == dump_of(upward_doc()));
  CHECK(dump_of(test::standard_doc()) == dump_of(test::standard_doc()));
}

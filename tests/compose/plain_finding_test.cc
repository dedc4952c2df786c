// Validator findings as 公文 sentences: ids resolved against the records, dates written in the
// document's style, ranges with 至, no spaces or half-width punctuation in Chinese text.
#include <catch2/catch.hpp>

#include "compose/plain_finding.h"
#include "fixture.h"

using namespace wenshu;

namespace {

std::string plain(const std::string& message, core::DateNumerals n = core::DateNumerals::kChinese) {
  static const model::Records records = test::sample_records();
  core::Diagnostic d;
  d.rule = "DY-1a";
  d.message = message;
  return compose::plain_finding_text(d, records, n);
}

}  // namespace

TEST_CASE("a person's id after the name becomes 同志", "[compose][plain]") {
  CHECK(plain("常委 孙志强（p-gz-org） 2009年确定调研专题0个，应为1-2个 / 1-2 topics a year") ==
        "常委孙志强同志2009年确定调研专题0个，应为1至2个");
  CHECK(plain("由 王建国（p-gz-sec）代拟") == "由王建国同志代拟");
}

TEST_CASE("a record's id becomes its title, a body's id its name", "[compose][plain]") {
  CHECK(plain("调研报告 dy-r1 缺少“分析”部分（应有情况、有分析、有建议）。") ==
        "调研报告《关于甘州区城乡一体化发展的调研报告》缺少“分析”部分（应有情况、有分析、有建议）");
  CHECK(plain("ganzhou 下半月碰头会0次") == "甘州区委下半月碰头会0次");
  // An id the records do not know stays as written (the wording check then names it).
  CHECK(plain("记录 unknown-9 有误") == "记录unknown-9有误");
}

TEST_CASE("dates in the document's style; months; half-width punctuation", "[compose][plain]") {
  CHECK(plain("决策日期 2009-05-10 之前") == "决策日期二〇〇九年五月十日之前");
  CHECK(plain("决策日期 2013-05-10 之前", core::DateNumerals::kArabic) == "决策日期2013年5月10日之前");
  CHECK(plain("甘州区委 2009-08 下半月（16-31日）") == "甘州区委二〇〇九年八月下半月（16至31日）");
  CHECK(plain("蹲点单位不是乡(镇)、村") == "蹲点单位不是乡（镇）、村");
  CHECK(plain("使用 Word 2019 编辑") == "使用Word 2019编辑");
}

TEST_CASE("written_date: ISO dates and months, nothing else", "[compose][plain]") {
  CHECK(compose::written_date("2009-12-31", core::DateNumerals::kChinese) == "二〇〇九年十二月三十一日");
  CHECK(compose::written_date("2009-07", core::DateNumerals::kArabic) == "2009年7月");
  CHECK(compose::written_date("2009-13-01", core::DateNumerals::kArabic).empty());
  CHECK(compose::written_date("20090701", core::DateNumerals::kArabic).empty());
}

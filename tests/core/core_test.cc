#include <catch2/catch.hpp>

#include "core/date.h"
#include "core/diagnostic.h"
#include "core/file_io.h"
#include "core/units.h"
#include "core/utf8.h"
#include "support/test_support.h"

using namespace wenshu::core;

TEST_CASE("dates: leap years and month lengths") {
  CHECK(parse_date("2008-02-29").has_value());
  CHECK_FALSE(parse_date("2009-02-29").has_value());
  CHECK_FALSE(parse_date("1900-02-29").has_value());
  CHECK(parse_date("2000-02-29").has_value());
  CHECK_FALSE(parse_date("2009-13-01").has_value());
  CHECK_FALSE(parse_date("2009-9-2").has_value());
  CHECK(days_between(*parse_date("2008-02-28"), *parse_date("2008-03-01")) == 2);
  CHECK(format_date(from_days(to_days(Date{2009, 12, 31}) + 1)) == "2010-01-01");
  CHECK(format_date_chinese(Date{2009, 9, 2}) == "2009年9月2日");
  CHECK(quarter_of(Date{2009, 3, 31}) == 1);
  CHECK(quarter_of(Date{2009, 4, 1}) == 2);
  CHECK(half_of(Date{2009, 6, 30}) == 1);
  CHECK(half_of(Date{2009, 7, 1}) == 2);
}

TEST_CASE("datetimes: minutes across midnight") {
  auto a = parse_datetime("2009-05-01T23:30");
  auto b = parse_datetime("2009-05-02T01:30");
  REQUIRE(a);
  REQUIRE(b);
  CHECK(to_minutes(*b) - to_minutes(*a) == 120);
  CHECK_FALSE(parse_datetime("2009-05-01T24:00"));
  CHECK(format_datetime(*a) == "2009-05-01T23:30");
}

TEST_CASE("utf8: round trip, validity, han") {
  const std::string s = "市委发〔2009〕32号𠮷";
  CHECK(utf8_encode(utf8_decode(s)) == s);
  CHECK(utf8_length(s) == 13);
  CHECK(utf8_valid(s));
  CHECK_FALSE(utf8_valid("\xC0\xAF"));
  CHECK_FALSE(utf8_valid("\xED\xA0\x80"));
  CHECK(is_han(U'市'));
  CHECK(is_han(U'〇'));
  CHECK_FALSE(is_han(U'O'));
}

TEST_CASE("units: fixed point") {
  CHECK(pt(1).v == 65536);
  CHECK(mm(25.4).v == pt(72).v);
  CHECK(to_pt(pt(15.79)) == Approx(15.79).epsilon(1e-6));
}

TEST_CASE("diagnostics: text format") {
  Diagnostic d;
  d.severity = Severity::kError;
  d.rule = "JD-1b";
  d.location = {"a.xml", 12, 3};
  d.message = "不称职票超过有效票三分之一 \"x\"";
  CHECK(format_text(d) == "a.xml:12:3: error[JD-1b]: 不称职票超过有效票三分之一 \"x\"");
  d.clause = "监督制度 第（一）条";
  CHECK(format_text(d, {.clause = true}) == "a.xml:12:3: error[JD-1b 监督制度 第（一）条]: 不称职票超过有效票三分之一 \"x\"");
  DiagnosticSink sink(1);
  sink.push(d);
  sink.push(d);
  CHECK(sink.items().size() == 1);
  CHECK(sink.count(Severity::kError) == 2);
  CHECK(sink.dropped() == 1);
}

TEST_CASE("diagnostics: helpers keep Chinese and English apart; --lang chooses") {
  const Diagnostic d = error("DA-1", {"p.xml", 3, 0}, "没有全宗号", "no fonds code").in_committee("gz").about("r1").hint("加上");
  CHECK(d.severity == Severity::kError);
  CHECK(d.rule == "DA-1");
  CHECK(d.committee == "gz");
  CHECK(d.record_id == "r1");
  CHECK(d.hints == std::vector<std::string>{"加上"});
  CHECK(message_text(d) == "没有全宗号 / no fonds code");
  CHECK(message_text(d, Lang::kZh) == "没有全宗号");
  CHECK(message_text(d, Lang::kEn) == "no fonds code");
  CHECK(format_text(d, {.lang = Lang::kEn}) == "p.xml:3: error[DA-1]: no fonds code (r1)\n  = 加上");
  CHECK(warning("X", {}, "只有中文").severity == Severity::kWarning);
  CHECK(message_text(info("X", {}, "只有中文"), Lang::kEn) == "只有中文");  // no English: the Chinese
  CHECK(message_text(info("X", {}, "", "English only"), Lang::kZh) == "English only");
}

TEST_CASE("diagnostics: a message written as '中文 / English' in one field still splits") {
  Diagnostic d;
  d.message = "无法读取文件 / cannot read the file: a / b.xml";
  CHECK(message_zh(d) == "无法读取文件");
  CHECK(message_en(d) == "cannot read the file: a / b.xml");
  CHECK(message_text(d) == d.message);
  d.message = "模式校验未能完成（libxml2 返回 3）/ schema validation did not complete";
  CHECK(message_zh(d) == "模式校验未能完成（libxml2 返回 3）");
  CHECK(message_en(d) == "schema validation did not complete");
  d.message = "a / b 中文";  // no Chinese before the slash: not a bilingual pair
  CHECK(message_zh(d) == "a / b 中文");
  CHECK(message_en(d).empty());
  d.message = "只有中文，没有英文";
  CHECK(message_text(d, Lang::kEn) == "只有中文，没有英文");
}

TEST_CASE("file_io: atomic write replaces and leaves no temporary") {
  wenshu::test::TempDir dir("io");
  const auto p = dir.path() / "sub" / "x.txt";
  write_file_atomic(p, "one");
  write_file_atomic(p, "two");
  CHECK(read_file(p) == "two");
  int files = 0;
  for (auto& e : std::filesystem::directory_iterator(p.parent_path())) { (void)e; ++files; }
  CHECK(files == 1);
  write_file_atomic(dir.path() / "plain", "f");
  CHECK_THROWS(write_file_atomic(dir.path() / "plain" / "cannot", "z"));
  CHECK_THROWS_WITH(read_file(dir.path() / "missing"), Catch::Contains("missing"));
}

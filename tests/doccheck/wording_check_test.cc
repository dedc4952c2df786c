// The wording check on paragraphs as they come out of a PDF.
#include <catch2/catch.hpp>

#include <algorithm>

#include "doccheck/wording_check.h"

namespace dc = wenshu::doccheck;

namespace {

std::vector<std::string> checks(const std::string& text) {
  std::vector<std::string> out;
  for (const auto& [check, message] : dc::wording_problems(text)) out.push_back(check);
  return out;
}

}  // namespace

TEST_CASE("plain 公文 Chinese has no wording finding", "[doccheck][wording]") {
  CHECK(checks("常委侯亚军同志2009年确定调研专题0个，不符合调查研究制度第（一）条每人每年1至2个的规定。").empty());
  CHECK(checks("依照GB/T 9704-2012和DA/T 22-2015的规定整理归档。").empty());
  CHECK(checks("（联系人：马晓东，电话：0936-8212001）").empty());
  CHECK(checks("二〇〇九年四月十四日至二〇〇九年四月二十日，共7天。").empty());
}

TEST_CASE("record, rule and committee ids, English words", "[doccheck][wording]") {
  CHECK(checks("常委 侯亚军（ganzhou-07） 2009年") == std::vector<std::string>{"latin"});
  CHECK(checks("（DY-1b，调查研究制度 第（一）条）") == std::vector<std::string>{"latin"});
  CHECK(checks("zhangye：") == std::vector<std::string>{"latin"});
  CHECK(checks("按要求 submit 材料") == std::vector<std::string>{"latin"});
  CHECK(checks("ＡＢＣ") == std::vector<std::string>{"latin"});
}

TEST_CASE("ISO and zero-padded dates, hyphen ranges, program symbols, placeholders", "[doccheck][wording]") {
  CHECK(checks("决策日期2009-05-10之前") == std::vector<std::string>{"date"});
  CHECK(checks("于2009/5/10召开") == std::vector<std::string>{"date"});
  CHECK(checks("2009年05月10日") == std::vector<std::string>{"date"});
  CHECK(checks("应为1-2个") == std::vector<std::string>{"range"});
  CHECK(checks("a<b") == std::vector<std::string>{"latin", "symbol", "latin"});
  CHECK(checks("（记录未填写此部分。）") == std::vector<std::string>{"filler", "filler"});
  const auto msgs = dc::wording_problems("应为1-2个");
  REQUIRE(msgs.size() == 1);
  CHECK(msgs[0].second.find("1-2") != std::string::npos);
}

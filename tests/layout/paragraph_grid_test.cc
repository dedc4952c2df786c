// Paragraph setter: the 28-cell grid, indents, insets, justification to the exact measure,
// alignment, empty input, glyph runs, long paragraphs.
#include <catch2/catch.hpp>

#include <thread>

#include "paragraph_helpers.h"

using namespace wenshu;
using core::Sp;
using test::han;
using test::ParaFixture;

namespace {
const Sp kCell = core::mm(156) / 28;
layout::ParagraphStyle no_indent() {
  layout::ParagraphStyle s;
  s.first_indent_cells = 0;
  return s;
}
}  // namespace

TEST_CASE("a pure-Han line holds exactly 28 characters on 156 mm; the 29th wraps", "[paragraph]") {
  ParaFixture f;
  auto style = no_indent();
  auto lines = f.set(han(28), style);
  REQUIRE(lines.size() == 1);
  CHECK(lines[0].glyphs.size() == 28);
  CHECK(lines[0].natural_width == kCell * 28);
  // Each 16 pt glyph centred in its 15.79 pt cell.
  for (std::size_t k = 0; k < 28; ++k) {
    CHECK(lines[0].glyphs[k].x == kCell * static_cast<std::int64_t>(k) + (kCell - core::pt(16)) / 2);
    CHECK(lines[0].glyphs[k].advance == core::pt(16));
  }
  style.avoid_orphans = false;
  lines = f.set(han(29), style);
  REQUIRE(lines.size() == 2);
  CHECK(lines[0].glyphs.size() == 28);
  CHECK(lines[1].glyphs.size() == 1);
  CHECK(lines[0].width == lines[0].measure);
  CHECK(f.sink.items().empty());
}

TEST_CASE("a one-character last line pulls a character from the line above (孤字)", "[paragraph]") {
  ParaFixture f;
  auto lines = f.set(han(29), no_indent());
  REQUIRE(lines.size() == 2);
  CHECK(lines[0].glyphs.size() == 27);
  CHECK(lines[1].glyphs.size() == 2);
  // The shortened line is justified anew: it still ends exactly on the measure.
  CHECK(lines[0].justified);
  CHECK(lines[0].width == lines[0].measure);
  CHECK(lines[1].last_line);
  // One character + punctuation is an orphan too.
  lines = f.set(han(28) + "国。", no_indent());
  REQUIRE(lines.size() == 2);
  CHECK(test::line_cps(lines[1]).size() >= 3);
}

TEST_CASE("first-line indent 2 cells, continuation lines flush left, insets", "[paragraph]") {
  ParaFixture f;
  auto lines = f.set(han(26 + 28 + 10));
  REQUIRE(lines.size() == 3);
  CHECK(lines[0].left == kCell * 2);
  CHECK(lines[0].glyphs.size() == 26);
  CHECK(lines[0].glyphs[0].x == kCell * 2 + (kCell - core::pt(16)) / 2);
  CHECK(lines[1].left == Sp(0));
  CHECK(lines[1].glyphs.size() == 28);
  CHECK(lines[2].glyphs.size() == 10);
  CHECK(lines[2].last_line);
  CHECK_FALSE(lines[2].justified);

  layout::ParagraphStyle inset = no_indent();
  inset.left_inset_cells = 1;
  inset.right_inset_cells = 1;  // 版记 rows: 26 cells
  lines = f.set(han(40), inset);
  REQUIRE(lines.size() == 2);
  CHECK(lines[0].glyphs.size() == 26);
  CHECK(lines[0].left == kCell);
  CHECK(lines[0].measure == kCell * 26 + (core::mm(156) - kCell * 28));
  CHECK(lines[0].width == lines[0].measure);
  CHECK(lines[0].glyphs.back().x < kCell * 27);

  layout::ParagraphStyle hanging = no_indent();
  hanging.rest_indent = kCell * 3;  // 抄送：wrapped lines after the colon
  lines = f.set(han(40), hanging);
  REQUIRE(lines.size() == 2);
  CHECK(lines[1].left == kCell * 3);
  CHECK(lines[1].glyphs.front().x == kCell * 3 + (kCell - core::pt(16)) / 2);
}

TEST_CASE("justified lines end exactly on the measure (integer sp), mixed text", "[paragraph]") {
  ParaFixture f;
  const std::string text =
      "为贯彻落实《中共中央办公厅关于加强公文处理工作的通知》（中办发〔2012〕14号）精神，"
      "现就2024年度PDF/A归档、OFD版式文件和XML数据交换等工作通知如下：一、各单位要在12月31日前完成"
      "“三重一大”事项的整理——包括会议纪要、请示报告……等材料；二、使用Word 2019或WPS Office编辑的文件，"
      "须转换为PDF格式后归档。联系人：张三，电话：0123-4567890。";
  for (Sp available : {core::mm(156), core::mm(120), core::mm(80), core::mm(47)}) {
    auto lines = f.set(text, {}, available);
    REQUIRE(lines.size() > 1);
    for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
      INFO("width " << core::to_mm(available) << " line " << i << ": " << test::line_text(lines[i]));
      CHECK(test::filled_or_rightly_ragged(lines[i]));
      CHECK_FALSE(lines[i].overfull);
      // Glyphs in order, inside the line.
      for (std::size_t k = 1; k < lines[i].glyphs.size(); ++k) CHECK(lines[i].glyphs[k - 1].x < lines[i].glyphs[k].x);
    }
    CHECK(lines.back().width <= lines.back().measure);
  }
  CHECK(f.sink.items().empty());
}

TEST_CASE("justify_last fills the last line; left, centre and right alignment", "[paragraph]") {
  ParaFixture f;
  auto style = no_indent();
  style.justify_last = true;
  auto lines = f.set(han(20) + "A股", style);
  REQUIRE(lines.size() == 1);
  CHECK(lines[0].width == lines[0].measure);

  style = no_indent();
  style.align = layout::Align::kCenter;
  lines = f.set(han(10), style);
  REQUIRE(lines.size() == 1);
  CHECK(lines[0].glyphs[0].x == (core::mm(156) - kCell * 10) / 2 + (kCell - core::pt(16)) / 2);
  style.align = layout::Align::kRight;
  lines = f.set(han(10), style);
  CHECK(lines[0].glyphs.back().x == core::mm(156) - kCell + (kCell - core::pt(16)) / 2);
  style.align = layout::Align::kLeft;
  lines = f.set(han(40), style);
  REQUIRE(lines.size() == 2);
  CHECK(lines[0].glyphs.size() == 28);  // left-aligned lines are still filled by the grid
}

TEST_CASE("empty and blank paragraphs give no lines", "[paragraph]") {
  ParaFixture f;
  CHECK(f.set("").empty());
  CHECK(f.set("   ").empty());
  CHECK(f.set("\t \u200B").empty());
  CHECK(f.sink.items().empty());
}

TEST_CASE("explicit line breaks end a line without justifying it", "[paragraph]") {
  ParaFixture f;
  auto lines = f.set(han(5) + "\n" + han(5) + "\n\n" + han(3), no_indent());
  REQUIRE(lines.size() == 4);
  CHECK(lines[0].glyphs.size() == 5);
  CHECK_FALSE(lines[0].justified);
  CHECK(lines[2].glyphs.empty());
  CHECK(lines[3].glyphs.size() == 3);
}

TEST_CASE("mixed-font spans: a 黑体 label followed by 仿宋 text", "[paragraph]") {
  ParaFixture f;
  std::vector<layout::TextSpan> spans{{"出席：", {"a.xml", 3, 1}, "hei"}, {han(40), {"a.xml", 3, 20}, ""}};
  auto lines = layout::set_paragraph(spans, no_indent(), core::mm(156), f.doc, f.sink);
  REQUIRE(lines.size() == 2);
  REQUIRE(f.fonts.size() == 2);
  CHECK(f.fonts[lines[0].glyphs[0].font].role == "hei");
  CHECK(f.fonts[lines[0].glyphs[3].font].role == "fang");
  const auto runs = layout::to_glyph_runs(lines[0], core::mm(28), core::mm(50));
  REQUIRE(runs.size() == 2);
  CHECK(runs[0].glyphs.size() == 3);
  CHECK(runs[0].glyphs[0].x == core::mm(28) + lines[0].glyphs[0].x);
  CHECK(runs[0].baseline == core::mm(50));
  CHECK(runs[1].size == core::pt(16));
  CHECK(runs[1].glyphs[0].text == lines[0].glyphs[3].text);
}

TEST_CASE("measure_text gives natural widths", "[paragraph]") {
  ParaFixture f;
  CHECK(layout::measure_text(han(4), {}, f.doc, f.sink) == kCell * 4);
  CHECK(layout::measure_text("抄送：", {}, f.doc, f.sink) == kCell * 3);
  CHECK(layout::measure_text("", {}, f.doc, f.sink) == Sp(0));
  const Sp latin = layout::measure_text("PDF", {}, f.doc, f.sink);
  CHECK(latin > Sp(0));
  CHECK(latin < kCell * 3);
}

TEST_CASE("output is deterministic", "[paragraph]") {
  ParaFixture a, b;
  const std::string text = han(300) + "，“测试”。Word 2019（第3版）……" + han(100);
  const auto la = a.set(text), lb = b.set(text);
  REQUIRE(la.size() == lb.size());
  for (std::size_t i = 0; i < la.size(); ++i) {
    REQUIRE(la[i].glyphs.size() == lb[i].glyphs.size());
    for (std::size_t k = 0; k < la[i].glyphs.size(); ++k) {
      CHECK(la[i].glyphs[k].x == lb[i].glyphs[k].x);
      CHECK(la[i].glyphs[k].gid == lb[i].glyphs[k].gid);
    }
  }
}

// Speed is measured by bench_render_bench (layout ms/doc), never by a timed unit test; this
// checks that a long paragraph sets completely and the same way every time.
TEST_CASE("a 2,000-character paragraph sets into 70+ full lines, the same each time", "[paragraph]") {
  ParaFixture f;
  std::string text;
  for (int i = 0; i < 50; ++i) text += han(36, static_cast<std::size_t>(i)) + "，“重点”工作（2024年）。";
  REQUIRE(core::utf8_length(text) >= 2000);
  const auto first = f.set(text);
  CHECK(first.size() >= 70);
  const auto again = f.set(text);
  REQUIRE(again.size() == first.size());
  for (std::size_t i = 0; i < first.size(); ++i) CHECK(again[i].natural_width == first[i].natural_width);
}

TEST_CASE("`——` and `……` take 2 em; an opening bracket at line start may lose ½ em", "[paragraph]") {
  ParaFixture f;
  CHECK(layout::measure_text("——", {}, f.doc, f.sink) == kCell * 2);
  CHECK(layout::measure_text("……", {}, f.doc, f.sink) == kCell * 2);
  auto style = no_indent();
  style.align = layout::Align::kLeft;
  auto lines = f.set("（一）" + han(3), style);
  CHECK(lines[0].natural_width == kCell * 6);  // default: （ keeps its cell (headings on the grid)
  style.compress_line_start_open = true;
  lines = f.set("（一）" + han(3), style);
  CHECK(lines[0].natural_width == kCell * 6 - kCell / 2);
  CHECK(lines[0].glyphs[0].x == -(kCell / 2) + (kCell - core::pt(16)) / 2);
}

TEST_CASE("a pulled orphan never leaves the line above loose", "[paragraph]") {
  ParaFixture f;
  // The only earlier break is before a long Latin word: keep the orphan instead.
  const std::string text = han(8) + "Internationalization" + han(2) + "，" + "国";
  auto lines = f.set(text, no_indent(), core::mm(80));
  REQUIRE(lines.size() >= 2);
  for (std::size_t i = 0; i + 1 < lines.size(); ++i) CHECK(test::filled_or_rightly_ragged(lines[i]));
}

TEST_CASE("a hand-made indent of ideographic spaces is not doubled", "[paragraph]") {
  ParaFixture f;
  auto lines = f.set("\u3000\u3000" + han(10));
  REQUIRE(lines.size() == 1);
  CHECK(lines[0].glyphs.size() == 10);
  CHECK(lines[0].glyphs[0].x == kCell * 2 + (kCell - core::pt(16)) / 2);
  REQUIRE(f.sink.items().size() == 1);
  CHECK(f.sink.items()[0].rule == "LAYOUT-MANUAL-INDENT");
  CHECK(f.sink.items()[0].severity == core::Severity::kInfo);
  // Without a style indent the spaces are the author's and stay.
  ParaFixture g;
  lines = g.set("\u3000\u3000" + han(10), no_indent());
  CHECK(lines[0].glyphs[0].text == "\u3000");
  CHECK(g.sink.items().empty());
}

TEST_CASE("paragraphs set on two threads at once give the same lines", "[paragraph][threads]") {
  const std::string text = han(500) + "，“测试”（2024年）——完。";
  ParaFixture ref;
  const auto expected = ref.set(text);
  std::vector<std::vector<layout::LineBox>> got(2);
  std::vector<std::thread> threads;
  for (int t = 0; t < 2; ++t)
    threads.emplace_back([&, t] {
      for (int r = 0; r < 20; ++r) {
        ParaFixture f;
        got[static_cast<std::size_t>(t)] = f.set(text);
      }
    });
  for (auto& th : threads) th.join();
  for (const auto& lines : got) {
    REQUIRE(lines.size() == expected.size());
    for (std::size_t i = 0; i < lines.size(); ++i) {
      REQUIRE(lines[i].glyphs.size() == expected[i].glyphs.size());
      for (std::size_t k = 0; k < lines[i].glyphs.size(); ++k) CHECK(lines[i].glyphs[k].x == expected[i].glyphs[k].x);
    }
  }
}

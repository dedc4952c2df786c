// Paragraph setter: line-start / line-end prohibitions (避头尾), unbreakable units, punctuation
// compression, squeeze-then-push, Han–Latin spacing, fallback and missing-glyph reporting,
// over-long words, titles.
#include <catch2/catch.hpp>

#include "layout/linebreak.h"
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

// Every invariant a clerk can see: no forbidden mark at a line start or end, justified lines
// exactly on the measure, the text of all lines = the input without line-edge spaces.
void check_invariants(const std::vector<layout::LineBox>& lines, const std::string& text) {
  std::u32string all;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const auto cps = test::line_cps(lines[i]);
    INFO("line " << i << ": " << test::line_text(lines[i]));
    REQUIRE_FALSE(cps.empty());
    CHECK_FALSE(layout::forbidden_at_line_start(cps.front()));
    CHECK_FALSE(layout::forbidden_at_line_end(cps.back()));
    CHECK_FALSE(lines[i].overfull);
    CHECK_FALSE(lines[i].forced_break);
    if (i + 1 < lines.size()) {
      CHECK(test::filled_or_rightly_ragged(lines[i]));
    } else {
      CHECK(lines[i].width <= lines[i].measure);
    }
    // Neither `——` nor `……` is split between lines.
    if (i + 1 < lines.size()) {
      const auto next = test::line_cps(lines[i + 1]);
      const bool dash_split = cps.back() == U'—' && next.front() == U'—';
      const bool dots_split = cps.back() == U'…' && next.front() == U'…';
      CHECK_FALSE(dash_split);
      CHECK_FALSE(dots_split);
    }
    all += cps;
  }
  CHECK(core::utf8_encode(all) == text);
}
}  // namespace

TEST_CASE("a paragraph full of punctuation keeps every prohibition", "[paragraph][kinsoku]") {
  ParaFixture f;
  const std::string text =
      "他说：“这是‘重要’的。”（见《条例》第三条）、【注】〔2009〕，“好！”“是吗？”——对，……《关于〈规定〉的说明》；"
      "爱新觉罗·溥仪、“一”“二”“三”，（甲）（乙）（丙）。“。”！？；：、，“《（【〔〈「『";
  std::string body;
  for (int i = 0; i < 8; ++i) body += han(static_cast<std::size_t>(3 + i)) + text.substr(0, text.size());
  body += "完。";
  // Opening marks at the very end of the text would have to end the paragraph: drop that tail.
  const std::string tail = "“《（【〔〈「『";
  std::string cleaned;
  {
    std::string t = body;
    std::size_t p;
    while ((p = t.find(tail)) != std::string::npos) t.erase(p, tail.size());
    cleaned = t;
  }
  for (Sp available : {core::mm(156), core::mm(100), core::mm(61)}) {
    auto lines = f.set(cleaned, no_indent(), available);
    check_invariants(lines, cleaned);
  }
  CHECK(f.sink.count(core::Severity::kError) == 0);
}

TEST_CASE("fuzz: random Han + punctuation texts keep the invariants", "[paragraph][kinsoku]") {
  static const std::u32string hanzi = U"国家发展改革委员会关于加强公文处理工作的通知各级党委政府部门要认真贯彻落实";
  static const std::u32string punct = U"，。、；：？！“”‘’（）《》〔〕【】·";
  test::Lcg rng(20090032);
  int lines_checked = 0;
  for (int round = 0; round < 300; ++round) {
    std::u32string t;
    const std::uint32_t len = 20 + rng.below(300);
    for (std::uint32_t i = 0; i < len; ++i) {
      const std::uint32_t r = rng.below(100);
      if (r < 70) t += hanzi[rng.below(static_cast<std::uint32_t>(hanzi.size()))];
      else if (r < 75) t += U"——";
      else if (r < 78) t += U"……";
      else if (r < 80) t += U"2024";
      else t += punct[rng.below(static_cast<std::uint32_t>(punct.size()))];
    }
    // The paragraph may not end with an opening mark (there would be no line for it to stay on
    // with text), nor begin with a mark that cannot start a line.
    while (!t.empty() && layout::forbidden_at_line_end(t.back())) t.pop_back();
    while (!t.empty() && layout::forbidden_at_line_start(t.front())) t.erase(t.begin());
    if (t.empty()) continue;
    ParaFixture f;
    const std::string text = core::utf8_encode(t);
    layout::ParagraphStyle style;
    style.first_indent_cells = static_cast<int>(rng.below(3));
    style.tighten_permille = static_cast<int>(rng.below(2)) * 20;
    const Sp available = core::mm(156) - kCell * static_cast<std::int64_t>(rng.below(12));
    INFO("round " << round << " text " << text);
    auto lines = f.set(text, style, available);
    check_invariants(lines, text);
    lines_checked += static_cast<int>(lines.size());
  }
  CHECK(lines_checked > 300);
}

TEST_CASE("ICU gaps: no break around ·, ‘’ break like “”, solidus not at line end", "[paragraph][kinsoku]") {
  std::vector<layout::Break> b;
  const std::u32string dot = U"爱新觉罗·溥仪";
  layout::find_line_breaks(dot, false, b);
  CHECK(b[3] == layout::Break::kNone);
  CHECK(b[4] == layout::Break::kNone);
  const std::u32string quote = U"号‘与’中";
  layout::find_line_breaks(quote, false, b);
  CHECK(b[0] == layout::Break::kAllowed);  // before ‘ (like before “)
  CHECK(b[1] == layout::Break::kNone);     // not after an opening mark
  CHECK(b[3] == layout::Break::kAllowed);  // after ’
  const std::u32string slash = U"甲/乙";
  layout::find_line_breaks(slash, false, b);
  CHECK(b[0] == layout::Break::kNone);
  CHECK(b[1] == layout::Break::kNone);
  const std::u32string num = U"市委发〔2009〕32号文件2012年";
  layout::find_line_breaks(num, false, b);
  for (std::size_t i = 2; i < 11; ++i) CHECK(b[i] == layout::Break::kNone);
  CHECK(b[11] == layout::Break::kAllowed);  // 号|文
  CHECK(b[15] == layout::Break::kNone);     // 2012年 together
  const std::u32string dash = U"甲——乙……丙";
  layout::find_line_breaks(dash, false, b);
  CHECK(b[1] == layout::Break::kNone);
  CHECK(b[4] == layout::Break::kNone);
  CHECK(b[2] == layout::Break::kAllowed);   // ——|乙
  CHECK(b[3] == layout::Break::kNone);      // …… may not start a line
  layout::find_line_breaks(dash, true, b);  // strict: —— not at line start
  CHECK(b[0] == layout::Break::kNone);
}

TEST_CASE("文号, years and Latin words are never split", "[paragraph][kinsoku]") {
  for (std::size_t k = 15; k < 32; ++k) {
    ParaFixture f;
    const std::string text = han(k) + "市委发〔2009〕32号" + han(10) + "Information" + han(20);
    auto lines = f.set(text, no_indent());
    bool found_num = false, found_word = false;
    for (const auto& l : lines) {
      const std::string s = test::line_text(l);
      found_num |= s.find("〔2009〕32号") != std::string::npos;
      found_word |= s.find("Information") != std::string::npos;
      CHECK(l.width <= l.measure);
    }
    INFO("offset " << k);
    CHECK(found_num);
    CHECK(found_word);
  }
}

TEST_CASE("adjacent marks take 1.5 em: ”， and 。” and （“", "[paragraph][compress]") {
  ParaFixture f;
  auto style = no_indent();
  style.align = layout::Align::kLeft;
  auto lines = f.set("说“好”，走。”（“", style);
  // Not a valid paragraph end, but checks the pair widths on one left-aligned line.
  REQUIRE(lines.size() == 1);
  const auto& g = lines[0].glyphs;
  REQUIRE(g.size() == 10);
  // ” (idx 3) lost its right blank: ， follows ½ cell after it.
  CHECK((g[4].x - g[3].x).v == (kCell - kCell / 2).v);
  // 。” : 。 (idx 6) lost its right blank.
  CHECK((g[7].x - g[6].x).v == (kCell - kCell / 2).v);
  // ”（ : ” lost its right blank; （“ : “ lost its left blank, so “ sits right after （.
  CHECK((g[8].x - g[7].x).v == (kCell - kCell / 2).v);
  CHECK((g[9].x - g[8].x).v == (kCell - kCell / 2).v);
  // 说“ : a single mark keeps its full cell.
  CHECK(g[1].x - g[0].x == kCell);
  CHECK(lines[0].natural_width == kCell * 10 - kCell / 2 * 4);
}

TEST_CASE("squeeze first: a line-end 。 is set ½ em to stay on the line", "[paragraph][compress]") {
  ParaFixture f;
  auto lines = f.set(han(28) + "。" + han(20), no_indent());
  REQUIRE(lines.size() == 2);
  const auto cps = test::line_cps(lines[0]);
  CHECK(cps.size() == 29);
  CHECK(cps.back() == U'。');
  CHECK(lines[0].squeezed);
  CHECK(lines[0].ends_compressed_punct);
  CHECK(lines[0].width == lines[0].measure);
  // The 。 glyph keeps its lower-left position; its box is the left half of a cell, so its
  // glyph origin lies half a glyph-cell before the measure's end.
  const auto& last = lines[0].glyphs.back();
  CHECK((last.x + (core::pt(16) - kCell) / 2 + (kCell - kCell / 2)).v == lines[0].measure.v);
}

TEST_CASE("then push: without tightening the last character goes down with the mark", "[paragraph][compress]") {
  ParaFixture f;
  auto style = no_indent();
  style.tighten_permille = 0;
  auto lines = f.set(han(28) + "。" + han(20), style);
  REQUIRE(lines.size() == 2);
  CHECK(test::line_cps(lines[0]).size() == 27);
  CHECK(lines[0].width == lines[0].measure);  // stretched to fill
  const auto next = test::line_cps(lines[1]);
  CHECK(next[1] == U'。');
  // 29.5 cells: the line-end 。 (½ em), the outer side of “ (½ em) and tightening squeeze it in.
  lines = f.set(han(26) + "“" + han(1) + "”。" + han(10), no_indent());
  REQUIRE(lines.size() == 2);
  CHECK(test::line_cps(lines[0]).back() == U'。');
  CHECK(lines[0].width == lines[0].measure);
}

TEST_CASE("Han–Latin spacing ¼ em, none at line start or next to CJK punctuation", "[paragraph][spacing]") {
  ParaFixture f;
  auto style = no_indent();
  style.align = layout::Align::kLeft;
  auto lines = f.set("使用PDF格式", style);
  REQUIRE(lines.size() == 1);
  const auto& g = lines[0].glyphs;
  REQUIRE(g.size() == 7);
  const Sp dx = (kCell - core::pt(16)) / 2;
  const Sp han_end = g[1].x - dx + kCell;
  CHECK(g[2].x - han_end == core::pt(4));  // ¼ of 16 pt
  const Sp f_end = g[4].x + g[4].advance;
  CHECK(g[5].x - dx - f_end == core::pt(4));
  // Next to CJK punctuation: no gap.
  lines = f.set("（PDF）", style);
  REQUIRE(lines[0].glyphs.size() == 5);
  CHECK(lines[0].glyphs[1].x == kCell);
  // At line start: none.
  lines = f.set("PDF文件", style);
  CHECK(lines[0].glyphs[0].x == Sp(0));
}

TEST_CASE("ambiguous marks: full width in Chinese, proportional inside Latin", "[paragraph][spacing]") {
  ParaFixture f;
  auto style = no_indent();
  style.align = layout::Align::kLeft;
  auto zh = f.set("说“好”", style);
  REQUIRE(zh[0].glyphs.size() == 4);
  CHECK(zh[0].natural_width == kCell * 4);
  auto en = f.set("don’t", style);
  REQUIRE(en[0].glyphs.size() == 5);
  // ’ occupies half a cell between n and t.
  const Sp n_end = en[0].glyphs[2].x + en[0].glyphs[2].advance;
  CHECK((en[0].glyphs[4].x - n_end).v == (kCell - kCell / 2).v);
}

TEST_CASE("fallback faces are used and reported: 镕 and 𠮷", "[paragraph][fonts]") {
  ParaFixture f;
  auto lines = f.set("朱镕基和𠮷野家、朱镕基", no_indent());
  REQUIRE(lines.size() == 1);
  const auto& g = lines[0].glyphs;
  REQUIRE(g.size() == 11);
  CHECK(f.fonts[g[0].font].role == "fang");
  CHECK(f.fonts[g[1].font].role == "fallback-serif");
  CHECK(g[1].text == "镕");
  CHECK(f.fonts[g[4].font].role == "fallback-serif");
  CHECK(g[4].text == "𠮷");
  CHECK(g[4].gid != 0);
  // The fallback glyph sits in its cell like any other.
  CHECK(g[2].x - g[1].x == kCell);
  REQUIRE(f.sink.items().size() == 2);  // one per character, with the count
  const auto& d = f.sink.items()[0];
  CHECK(d.rule == "LAYOUT-FALLBACK");
  CHECK(d.severity == core::Severity::kWarning);
  CHECK(d.message.find("U+9555") != std::string::npos);
  CHECK(d.message.find("2") != std::string::npos);
  CHECK(d.location.file == "doc.xml");
  CHECK(d.location.line == 12);
  CHECK(d.has_range);
  CHECK(d.range.begin == 1);
  CHECK(f.sink.items()[1].message.find("U+20BB7") != std::string::npos);
  CHECK(f.sink.items()[1].range.begin == 4);
  CHECK_FALSE(f.sink.has_errors());
}

TEST_CASE("a character in no font is an error, never dropped", "[paragraph][fonts]") {
  ParaFixture f;
  auto lines = f.set("甲\U0010FFFD乙", no_indent());
  REQUIRE(lines.size() == 1);
  REQUIRE(lines[0].glyphs.size() == 3);
  CHECK(lines[0].glyphs[1].gid == 0);
  CHECK(lines[0].glyphs[1].text == "\U0010FFFD");
  REQUIRE(f.sink.has_errors());
  CHECK(f.sink.items()[0].rule == "LAYOUT-MISSING-GLYPH");
  CHECK(f.sink.items()[0].message.find("U+10FFFD") != std::string::npos);
}

TEST_CASE("Kangxi radicals are set (and extracted) as unified ideographs", "[paragraph][fonts]") {
  ParaFixture f;
  auto lines = f.set("\u2F0A\u2F42", no_indent());  // ⼊⽂
  REQUIRE(lines[0].glyphs.size() == 2);
  CHECK(test::line_text(lines[0]) == "入文");
  CHECK(f.sink.items().empty());
}

TEST_CASE("control characters are dropped with a warning", "[paragraph]") {
  ParaFixture f;
  auto lines = f.set(std::string("甲\x01乙"), no_indent());
  CHECK(test::line_text(lines[0]) == "甲乙");
  REQUIRE(f.sink.items().size() == 1);
  CHECK(f.sink.items()[0].rule == "LAYOUT-CONTROL-CHAR");
  CHECK(f.sink.items()[0].range.begin == 1);
}

TEST_CASE("a Latin word longer than the line is broken by force, with a diagnostic", "[paragraph]") {
  ParaFixture f;
  const std::string word(120, 'W');
  auto lines = f.set(han(5) + word + han(5), no_indent(), core::mm(100));
  REQUIRE(lines.size() >= 3);
  std::string all;
  bool forced = false;
  for (const auto& l : lines) {
    all += test::line_text(l);
    forced |= l.forced_break;
    CHECK(l.width <= l.measure);
  }
  CHECK(forced);
  CHECK(all == han(5) + word + han(5));
  REQUIRE(f.sink.items().size() >= 1);
  CHECK(f.sink.items()[0].rule == "LAYOUT-OVERFULL");
  CHECK(f.sink.items()[0].severity == core::Severity::kWarning);
  // A measure narrower than one character still terminates: one character per line.
  ParaFixture g;
  lines = g.set(han(5), no_indent(), core::pt(5));
  CHECK(lines.size() == 5);
  for (const auto& l : lines) CHECK(l.overfull);
  // Insets wider than the box: no crash, no hang.
  layout::ParagraphStyle wide = no_indent();
  wide.left_inset_cells = 40;
  lines = g.set(han(3), wide);
  CHECK(lines.size() == 3);
}

TEST_CASE("titles are balanced at word ends in a trapezoid", "[paragraph][title]") {
  ParaFixture f;
  layout::ParagraphStyle title;
  title.font_role = "song-bold";
  title.size = core::pt(22);
  title.cell = core::pt(22);
  const std::string text = "中共某某市委办公室关于进一步加强和改进新形势下机关公文处理工作的实施意见";
  auto lines = layout::balance_lines(text, f.loc, title, core::mm(156), f.doc, f.sink);
  REQUIRE(lines.size() == 2);
  const auto a = test::line_cps(lines[0]).size(), b = test::line_cps(lines[1]).size();
  CHECK(a + b == core::utf8_length(text));
  CHECK(a <= b);                        // 正梯形: top line not longer
  CHECK(b - a <= 4);                    // balanced, not 20 + 16
  for (const auto& l : lines) {
    CHECK(l.glyphs.front().x - (l.measure - l.width) / 2 >= Sp(0));  // centred
    CHECK(l.width <= l.measure);
  }
  // The break is a word end per ICU's dictionary.
  std::vector<bool> ends;
  layout::find_word_ends(core::utf8_decode(text), ends);
  CHECK(ends[a - 1]);
  // Inverted trapezoid puts the longer line on top.
  lines = layout::balance_lines(text, f.loc, title, core::mm(156), f.doc, f.sink, layout::TitleShape::kInvertedTrapezoid);
  REQUIRE(lines.size() == 2);
  CHECK(test::line_cps(lines[0]).size() >= test::line_cps(lines[1]).size());
  // A short title stays on one line, centred.
  lines = layout::balance_lines("关于召开会议的通知", f.loc, title, core::mm(156), f.doc, f.sink);
  REQUIRE(lines.size() == 1);
  CHECK(lines[0].glyphs[0].x == (core::mm(156) - core::pt(22) * 9) / 2);
  // Three lines: a diamond has its longest line in the middle.
  const std::string longer = text + "和有关事项的补充通知以及执行中若干具体问题的解释";
  lines = layout::balance_lines(longer, f.loc, title, core::mm(156), f.doc, f.sink, layout::TitleShape::kDiamond);
  REQUIRE(lines.size() == 3);
  CHECK(lines[1].width >= lines[0].width);
  CHECK(lines[1].width >= lines[2].width);
  CHECK(f.sink.items().empty());
}

TEST_CASE("a closing mark at a line end gets back the blank it gave to the mark after it", "[paragraph][compress]") {
  ParaFixture f;
  // ） lands on cell 28 and （ may start the next line: the ）（ pair was set 1.5 em, but
  // at the break ） is a line-end mark again, full width.
  auto lines = f.set(han(25) + "（甲）（乙）" + han(10), no_indent());
  REQUIRE(lines.size() == 2);
  CHECK(test::line_text(lines[0]) == han(25) + "（甲）");
  CHECK(lines[0].natural_width == kCell * 28);  // ） full width again, no stretching needed
  CHECK(lines[0].width == lines[0].measure);
  // 28 cells fall 7 sp short of 156 mm (cell rounding): the line is justified by those 7 sp.
  CHECK(lines[0].glyphs.back().x == lines[0].measure - kCell + (kCell - core::pt(16)) / 2);
}

// Paragraph setter golden dump: one line per line box (flags, widths, text) and one per glyph
// run of positions, reviewable with diff. WENSHU_UPDATE_GOLDEN=1 accepts new output.
#include <catch2/catch.hpp>

#include <fmt/format.h>

#include "paragraph_helpers.h"

using namespace wenshu;
using test::ParaFixture;

namespace {

std::string pt3(core::Sp s) { return fmt::format("{:.3f}", core::to_pt(s)); }

std::string dump(const std::string& name, const std::vector<layout::LineBox>& lines,
                 const std::vector<model::FontFace>& fonts) {
  std::string out = fmt::format("== {}\n", name);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const auto& l = lines[i];
    std::string flags;
    if (l.first_line) flags += 'F';
    if (l.last_line) flags += 'L';
    if (l.justified) flags += 'J';
    if (l.squeezed) flags += 'S';
    if (l.ends_compressed_punct) flags += 'P';
    if (l.overfull) flags += 'O';
    if (l.forced_break) flags += 'X';
    out += fmt::format("line {} [{}] left={} measure={} natural={} width={} chars={}-{} | {}\n", i + 1, flags,
                       pt3(l.left), pt3(l.measure), pt3(l.natural_width), pt3(l.width), l.char_begin, l.char_end,
                       test::line_text(l));
    std::string xs;
    std::uint32_t font = UINT32_MAX;
    for (const auto& g : l.glyphs) {
      if (g.font != font) {
        font = g.font;
        xs += fmt::format(" <{}>", fonts[font].role);
      }
      xs += " " + pt3(g.x);
    }
    out += "  x:" + xs + "\n";
  }
  return out;
}

}  // namespace

TEST_CASE("golden: body paragraphs, punctuation, mixed text, titles", "[paragraph][golden]") {
  ParaFixture f;
  std::string out;
  out += dump("body (letter-hanxun.xml)",
              f.set("近期，我委收到群众来信，反映林泽县城区供水管网改造项目在招标过程中存在程序不规范的问题。"
                    "根据《中国共产党党内监督条例（试行）》和市委《市、县区党委监督制度》第（三）条的规定，现对你进行函询。"),
              f.fonts);
  out += dump("dates and numbers",
              f.set("请于2013年10月25日前将书面说明（本人签名）报送市纪委信访室。对函询问题未讲清楚的，将再次函询或者采取其他方式了解。"
                    "依据市委发〔2009〕32号文件，共有1,234.5万元。"),
              f.fonts);
  out += dump("mixed Latin",
              f.set("使用Word 2019或WPS Office编辑的文件，须转换为PDF/A格式（ISO 19005-2）后归档，“don’t”不译。"),
              f.fonts);
  out += dump("quotes and dashes",
              f.set("他说：“这是‘重要’的。”——这一点，……必须坚持！“三重一大”事项（包括《规定》〈试行〉）要集体决策。"),
              f.fonts);
  layout::ParagraphStyle imprint;
  imprint.font_role = "fang";
  imprint.size = core::pt(14);
  imprint.cell = core::pt(14);
  imprint.first_indent_cells = 0;
  imprint.left_inset_cells = 1;
  imprint.right_inset_cells = 1;
  imprint.rest_indent = core::pt(14) * 3;
  out += dump("imprint 4号 with hanging indent",
              f.set("抄送：市委各部委，市直各单位党组（党委），各人民团体党组，市中级法院党组，市检察院党组，各县区委。", imprint),
              f.fonts);
  layout::ParagraphStyle title;
  title.font_role = "song-bold";
  title.size = core::pt(22);
  title.cell = core::pt(22);
  out += dump("title",
              layout::balance_lines("中共某某市委办公室关于进一步加强和改进新形势下机关公文处理工作的实施意见", f.loc, title,
                                    core::mm(156), f.doc, f.sink),
              f.fonts);
  out += "== diagnostics\n";
  for (const auto& d : f.sink.items()) out += core::format_text(d) + "\n";
  const std::string diff = test::compare_golden("layout/paragraph_basic.txt", out);
  INFO(diff);
  CHECK(diff.empty());
}

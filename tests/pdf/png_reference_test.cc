// Reference images: what a dump cannot show (glyph shapes, positions, colours, rotation). The
// writer's output is rasterised with pdftoppm at low resolution and compared with
// tests/golden/png/ per channel with a tolerance (WENSHU_UPDATE_GOLDEN=1 accepts new images).
#include <catch2/catch.hpp>

#include "core/file_io.h"
#include "pdf/pdf_fixture.h"
#include "pdf/writer.h"
#include "support/test_support.h"

using namespace wenshu;

namespace {

/// Rasterises page 1 of `doc` and compares it with tests/golden/png/<name>.png.
void check_reference(const model::PagedDocument& doc, const std::string& name) {
  core::DiagnosticSink sink;
  const std::string bytes = pdf::write_pdf(doc, sink);
  REQUIRE_FALSE(sink.has_errors());
  test::TempDir dir("pdfpng");
  const auto pdf = dir.path() / (name + ".pdf");
  core::write_file_atomic(pdf, bytes);
  int rc = 0;
  test::run_command("pdftoppm -r 40 -png -f 1 -l 1 -singlefile '" + pdf.string() + "' '" +
                        (dir.path() / name).string() + "' 2>&1",
                    rc);
  REQUIRE(rc == 0);
  const auto helper = test::source_dir() / "tests" / "e2e" / "render_png_compare.py";
  const auto reference = test::golden_path("png/" + name + ".png");
  const std::string report = test::run_command("python3 '" + helper.string() + "' '" +
                                                   (dir.path() / (name + ".png")).string() + "' '" +
                                                   reference.string() + "' 2>&1",
                                               rc);
  INFO(report);
  CHECK(rc == 0);
}

}  // namespace

TEST_CASE("reference image: hand-built notice page", "[pdf][png]") {
  check_reference(test::sample_notice(), "pdf_notice");
}

TEST_CASE("reference image: rotated, condensed and vector items", "[pdf][png]") {
  model::PagedDocument doc;
  doc.fonts = {test::font_face("hei"), test::font_face("fallback-serif")};
  model::Page page = test::a4_page();
  auto mark = test::text_run(doc, 0, "草稿", core::mm(50), core::mm(200), core::pt(96), core::pt(96));
  mark.rotation_deg = 30;
  mark.color = model::Color::gray(850);
  page.items.push_back(mark);
  auto condensed = test::text_run(doc, 0, "中共某某市委文件", core::mm(30), core::mm(50), core::pt(40), core::pt(32));
  condensed.horizontal_scale = 80;
  condensed.color = model::Color::rgb(1000, 0, 0);
  page.items.push_back(condensed);
  page.items.push_back(test::text_run(doc, 1, "𠮷镕堃喆", core::mm(30), core::mm(80), core::pt(24), core::pt(24)));
  page.items.push_back(model::Line{core::mm(26), core::mm(60), core::mm(184), core::mm(60), core::mm(0.5),
                                   model::Color::rgb(1000, 0, 0)});
  model::Rect r;
  r.x = core::mm(30), r.y = core::mm(100), r.w = core::mm(40), r.h = core::mm(20);
  r.fill_color = model::Color::rgb(0, 400, 1000);
  r.stroke = true;
  r.stroke_width = core::pt(2);
  page.items.push_back(r);
  model::Polyline star;
  // Five-pointed star (the party red-rule star), closed and filled.
  star.points = {{core::mm(120), core::mm(100)}, {core::mm(126), core::mm(118)}, {core::mm(108), core::mm(107)},
                 {core::mm(132), core::mm(107)}, {core::mm(114), core::mm(118)}};
  star.closed = true;
  star.fill = true;
  star.color = model::Color::rgb(1000, 0, 0);
  page.items.push_back(star);
  doc.pages.push_back(page);
  check_reference(doc, "pdf_graphics");
}

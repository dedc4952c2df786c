// The printable 归档文件目录: described by the archive stage (archive/catalogue_document.h), set
// by the layout stage's table setter (layout/catalogue.h), packed by `pack` (job/catalogue_pdf.h).
#include <catch2/catch.hpp>

#include <cstdlib>

#include "archive/archive_support.h"
#include "core/file_io.h"
#include "job/catalogue_pdf.h"
#include "job/pack.h"
#include "layout/catalogue.h"
#include "support/test_support.h"

using namespace wenshu;
namespace fs = std::filesystem;

namespace {

int count(const std::string& s, const std::string& needle) {
  int n = 0;
  for (auto p = s.find(needle); p != std::string::npos; p = s.find(needle, p + needle.size())) ++n;
  return n;
}

std::string run(const std::string& command, const fs::path& out) {
  REQUIRE(std::system((command + " > '" + out.string() + "'").c_str()) == 0);
  return core::read_file(out);
}

/// A register of one volume with `rows` rows, every third with a 题名 long enough to wrap.
model::CatalogueDocument register_of(int rows) {
  model::CatalogueDocument doc;
  doc.info.title = "归档文件目录";
  model::CatalogueVolume v;
  v.heading = "归档文件目录";
  v.fields = {{"全宗号", "Z109"}, {"保管期限", "永久"}};
  v.table.column_weights = {6, 28, 33, 6};
  v.table.rows.push_back({});
  for (const char* head : {"序号", "档号", "题名", "页数"}) v.table.rows.back().push_back({{head, {}, {}}});
  for (int i = 1; i <= rows; ++i) {
    const std::string title = i % 3 == 0 ? "关于进一步加强和改进新形势下县级党委议事决策、督促检查与责任追究工作的实施意见"
                                         : "关于印发工作要点的通知";
    v.table.rows.push_back({{{std::to_string(i), {}, {}}},
                            {{"Z109-WS·2024-Y-BGS-" + std::to_string(1000 + i), {}, {}}},
                            {{title, {}, {}}},
                            {{"3", {}, {}}}});
  }
  doc.volumes.push_back(std::move(v));
  return doc;
}

}  // namespace

TEST_CASE("layout_catalogue: landscape pages, the header row on every table page, rows within the type area",
          "[job][catalogue]") {
  core::DiagnosticSink sink;
  const model::PagedDocument paged = layout::layout_catalogue(register_of(80), sink);
  INFO((sink.items().empty() ? std::string() : sink.items().front().message));
  CHECK(!sink.has_errors());
  REQUIRE(paged.pages.size() >= 4);  // the cover and at least three table pages
  const auto& p = layout::catalogue_profile();
  for (std::size_t k = 0; k < paged.pages.size(); ++k) {
    const model::Page& page = paged.pages[k];
    INFO("page " << k + 1);
    CHECK(page.width == core::mm(297));
    CHECK(page.height == core::mm(210));
    CHECK(page.number == static_cast<int>(k + 1));
    std::string text;
    for (const auto& item : page.items) {
      if (const auto* run = std::get_if<model::GlyphRun>(&item)) {
        for (const auto& g : run->glyphs) {
          text += g.text;
          // Every glyph inside the type area's width (cells wrap; nothing runs out of its table).
          CHECK(g.x >= p.margin_binding);
          CHECK(g.x + g.advance <= p.margin_binding + p.type_width);
        }
        if (k > 0) CHECK(run->baseline <= core::mm(201));  // rows end above the page number
      } else if (const auto* line = std::get_if<model::Line>(&item)) {
        CHECK(std::max(line->y0, line->y1) <= p.margin_top + p.type_height);  // borders within the type area
      }
    }
    if (k == 0) CHECK(text.find("全宗号：Z109") != std::string::npos);
    else CHECK(text.rfind("序号档号题名页数", 0) == 0);  // the header row first on every table page
    std::erase(text, ' ');
    CHECK(text.find("—" + std::to_string(k + 1) + "—") != std::string::npos);
  }
  // Every row once, in order, across the pages.
  std::string all;
  for (const auto& page : paged.pages)
    for (const auto& item : page.items)
      if (const auto* run = std::get_if<model::GlyphRun>(&item))
        for (const auto& g : run->glyphs) all += g.text;
  for (int i = 1; i <= 80; ++i) CHECK(count(all, "Z109-WS·2024-Y-BGS-" + std::to_string(1000 + i)) == 1);
  CHECK(job::catalogue_pdf(register_of(80)) == job::catalogue_pdf(register_of(80)));  // deterministic
}

TEST_CASE("pack: 归档文件目录.pdf is A4 landscape, one cover per 保管期限, every 档号 listed", "[job][catalogue]") {
  test::TempDir tmp("catalogue");
  test::write_submission(tmp.path() / "in", 14);
  archive::PackOptions o;
  o.inputs = {tmp.path() / "in"};
  o.year = 2024;
  o.fonds = "Z109";
  o.filing_date = {2025, 1, 15};
  o.out_dir = tmp.path() / "out";
  const auto packed = job::pack(o);
  REQUIRE(packed.exit_code() == 0);
  REQUIRE(packed.bags.size() == 1);
  const fs::path dir = tmp.path() / "x";
  fs::create_directories(dir);
  REQUIRE(std::system(("unzip -q '" + packed.bags[0].zip.string() + "' -d '" + dir.string() + "'").c_str()) == 0);
  const fs::path data = dir / "Z109-WS-2024" / "data";
  const fs::path pdf = data / "归档文件目录.pdf";
  REQUIRE(fs::exists(pdf));
  // docs/archive.md §1.8: A4, landscape (842 × 595 pt), every page.
  const std::string info = run("pdfinfo -l 1000 '" + pdf.string() + "'", tmp.path() / "info.txt");
  CHECK(count(info, " rot: ") == count(info, "size:  841.89 x 595.276 pts (A4)"));
  const std::string text = run("pdftotext -layout -enc UTF-8 '" + pdf.string() + "' -", tmp.path() / "text.txt");
  const std::string xml = core::read_file(data / "归档文件目录.xml");
  // One cover per volume (保管期限) of the XML catalogue, with the cover fields.
  const int volumes = count(xml, "<卷 ");
  CHECK(volumes == 3);
  CHECK(count(text, "全宗号：Z109") == volumes);
  CHECK(count(text, "保管期限：") == volumes);
  // Every 档号 of the XML catalogue is a row of the printed one, once.
  int codes = 0;
  for (auto p = xml.find("<档号>"); p != std::string::npos; p = xml.find("<档号>", p + 1)) {
    const auto e = xml.find("</档号>", p);
    const std::string code = xml.substr(p + std::string("<档号>").size(), e - p - std::string("<档号>").size());
    INFO(code);
    CHECK(count(text, code) == 1);
    ++codes;
  }
  CHECK(codes == 14);
  CHECK(count(text, "题名") == volumes);  // one table page per volume here, each with its header
  // Every word on the page inside the type area's width (25 mm from either edge).
  const std::string bbox = run("pdftotext -bbox -enc UTF-8 '" + pdf.string() + "' -", tmp.path() / "bbox.txt");
  int words = 0;
  for (auto p = bbox.find("<word xMin=\""); p != std::string::npos; p = bbox.find("<word xMin=\"", p + 1)) {
    const double x0 = std::atof(bbox.c_str() + p + 12);
    const auto q = bbox.find("xMax=\"", p);
    const double x1 = std::atof(bbox.c_str() + q + 6);
    CHECK(x0 >= 70.8);
    CHECK(x1 <= 779.6);
    ++words;
  }
  CHECK(words > 14 * 5);
}

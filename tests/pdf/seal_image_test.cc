// Seal images in the PDF (GB/T 9704-2012 7.3.5.1): embedded once as an image XObject with the
// PNG's alpha as /SMask, painted with the Multiply blend mode over the text, deterministic,
// and a broken image reported with the document line that named it.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "core/image_info.h"
#include "layout/seal_png.h"
#include "pdf/content.h"
#include "pdf/pdf_fixture.h"
#include "pdf/writer.h"
#include "support/test_support.h"

using namespace wenshu;
using core::Sp;

namespace {

// The sample notice with the seal image `png` drawn at (x, y) mm, 42 mm wide, after the text.
model::PagedDocument sealed_notice(const std::string& png, double x_mm = 120, double y_mm = 150) {
  auto doc = test::sample_notice();
  model::Image im;
  im.x = core::mm(x_mm);
  im.y = core::mm(y_mm);
  im.w = im.h = core::mm(42);
  im.path = png;
  im.source_file = "notice.xml";
  im.source_line = 42;
  doc.pages.front().items.push_back(im);
  return doc;
}

// RGB of the pixel at (x, y) mm of a P6 PPM rendered at `dpi`.
std::array<int, 3> pixel(const std::string& ppm, int dpi, double x_mm, double y_mm) {
  std::istringstream in(ppm);
  std::string magic;
  int w = 0, h = 0, maxv = 0;
  in >> magic >> w >> h >> maxv;
  in.get();
  const int px = static_cast<int>(x_mm / 25.4 * dpi), py = static_cast<int>(y_mm / 25.4 * dpi);
  const std::size_t header = static_cast<std::size_t>(in.tellg());
  const std::size_t at = header + (static_cast<std::size_t>(py) * w + px) * 3;
  if (magic != "P6" || at + 2 >= ppm.size()) return {-1, -1, -1};
  return {static_cast<unsigned char>(ppm[at]), static_cast<unsigned char>(ppm[at + 1]),
          static_cast<unsigned char>(ppm[at + 2])};
}

}  // namespace

TEST_CASE("image probe reads PNG and JPEG sizes and rejects other files", "[pdf][image]") {
  std::string err;
  const auto png = core::probe_image(test::seal_png(40), err);
  REQUIRE(png);
  CHECK(png->format == core::ImageInfo::Format::kPng);
  CHECK(png->width == 40);
  CHECK(png->height == 40);
  // A minimal JPEG header: SOI, APP0 (length 4), SOF0 with height 30, width 50.
  const std::string jpeg("\xFF\xD8\xFF\xE0\x00\x04\x00\x00\xFF\xC0\x00\x0B\x08\x00\x1E\x00\x32\x01\x01\x11\x00", 21);
  const auto j = core::probe_image(jpeg, err);
  REQUIRE(j);
  CHECK(j->format == core::ImageInfo::Format::kJpeg);
  CHECK(j->width == 50);
  CHECK(j->height == 30);
  CHECK_FALSE(core::probe_image("GIF89a", err));
  CHECK_FALSE(err.empty());
  CHECK_FALSE(core::probe_image(std::string("\x89PNG\r\n\x1a\n", 8), err));  // truncated
}

TEST_CASE("content stream: an image item is scaled into its box with the Multiply state", "[pdf][image]") {
  model::Page page = test::a4_page();
  model::Image im;
  im.x = core::pt(100);
  im.y = core::pt(200);
  im.w = im.h = core::pt(119);
  im.path = "/x/seal.png";
  page.items.push_back(im);
  const std::string s = pdf::build_page_content(page, {}, {{"/x/seal.png", "Im7"}});
  CHECK(s == "q\n/GSmul gs\n119 0 0 119 100 522.89 cm\n/Im7 Do\nQ\n");
  CHECK(pdf::build_page_content(page, {}).empty());  // no resource: nothing drawn
}

TEST_CASE("a seal PNG with alpha is embedded with an SMask, passes qpdf and renders red", "[pdf][image][tools]") {
  test::TempDir dir("sealpdf");
  const auto png = dir.path() / "seal.png";
  test::write_seal_png(png, 64);
  const auto doc = sealed_notice(png.string());
  core::DiagnosticSink sink;
  const std::string bytes = pdf::write_pdf(doc, sink);
  REQUIRE_FALSE(sink.has_errors());
  CHECK(bytes.find("/SMask") != std::string::npos);
  CHECK(bytes.find("/BM/Multiply") != std::string::npos);
  CHECK(bytes.find("/S/Transparency") != std::string::npos);
  CHECK(bytes == pdf::write_pdf(doc, sink));  // deterministic

  const auto file = dir.path() / "sealed.pdf";
  std::ofstream(file, std::ios::binary) << bytes;
  int rc = 0;
  const std::string check = test::run_command("qpdf --check '" + file.string() + "' 2>&1", rc);
  INFO(check);
  CHECK(rc == 0);
  const std::string images = test::run_command("pdfimages -list '" + file.string() + "' 2>&1", rc);
  INFO(images);
  CHECK(images.find("smask") != std::string::npos);
  // Rendered: the rim (left edge of the ring, 2 mm in from the seal's left) is red, the middle
  // of the ring's transparent ground shows the white page.
  const std::string ppm = test::run_command("pdftoppm -r 72 '" + file.string() + "' 2>/dev/null", rc);
  REQUIRE(rc == 0);
  const auto rim = pixel(ppm, 72, 120 + 1.5, 150 + 21);
  CHECK(rim[0] > 180);
  CHECK(rim[1] < 80);
  const auto inside = pixel(ppm, 72, 120 + 11, 150 + 11);
  CHECK(inside[0] > 200);
  CHECK(inside[1] > 200);
}

TEST_CASE("an opaque-white seal is multiplied onto the page: text under it stays visible", "[pdf][image]") {
  test::TempDir dir("sealpdf");
  const auto png = dir.path() / "seal.png";
  test::write_seal_png(png, 64, true);
  const auto doc = sealed_notice(png.string());
  core::DiagnosticSink sink;
  const std::string bytes = pdf::write_pdf(doc, sink);
  REQUIRE_FALSE(sink.has_errors());
  CHECK(bytes.find("/GSmul gs") == std::string::npos);  // content is compressed; check resources
  CHECK(bytes.find("/GSmul") != std::string::npos);
}

TEST_CASE("the same image used twice is embedded once", "[pdf][image]") {
  test::TempDir dir("sealpdf");
  const auto png = dir.path() / "seal.png";
  test::write_seal_png(png, 32);
  auto doc = sealed_notice(png.string());
  model::Image second = std::get<model::Image>(doc.pages.front().items.back());
  second.x = core::mm(60);
  doc.pages.front().items.push_back(second);
  core::DiagnosticSink sink;
  const std::string bytes = pdf::write_pdf(doc, sink);
  REQUIRE_FALSE(sink.has_errors());
  std::size_t count = 0;
  for (std::size_t at = bytes.find("/Subtype/Image"); at != std::string::npos; at = bytes.find("/Subtype/Image", at + 1))
    ++count;
  CHECK(count == 2);  // the image and its SMask
}

TEST_CASE("a broken seal image is an error at the document line, and no PDF", "[pdf][image][errors]") {
  test::TempDir dir("sealpdf");
  const auto png = dir.path() / "seal.png";
  std::string bytes = test::seal_png(32);
  bytes.resize(60);  // header intact, image data cut off
  std::ofstream(png, std::ios::binary) << bytes;
  core::DiagnosticSink sink;
  CHECK(pdf::write_pdf(sealed_notice(png.string()), sink).empty());
  REQUIRE(sink.has_errors());
  const auto& d = sink.items().front();
  CHECK(d.rule == "PDF-IMAGE");
  CHECK(d.location.file == "notice.xml");
  CHECK(d.location.line == 42);

  core::DiagnosticSink missing;
  CHECK(pdf::write_pdf(sealed_notice((dir.path() / "gone.png").string()), missing).empty());
  CHECK(missing.has_errors());
}

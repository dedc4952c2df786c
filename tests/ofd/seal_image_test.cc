// The OFD seal image (ofd/seal_image.h): OFD has no Multiply blend, so the seal goes in as a PNG
// whose alpha comes from its luminance. The pixel rule at its boundaries; a seal with an opaque
// white ground (PNG and JPEG) embedded with a transparent one; and the page as an OFD viewer
// paints it (the seal image composited at its box over the page's text, rendered by poppler from
// the PDF of the same page without the seal): every text pixel under the seal stays visible.
#include <catch2/catch.hpp>

#include <cctype>
#include <cstdlib>
#include <fstream>

#include "core/file_io.h"
#include "core/units.h"
#include "layout/seal_png.h"
#include "ofd/package.h"
#include "ofd/seal_image.h"
#include "ofd/writer.h"
#include "pdf/pdf_fixture.h"
#include "pdf/writer.h"
#include "support/test_support.h"

namespace wenshu {

namespace {

using core::mm;

ofd::Rgba one_pixel(int r, int g, int b, int a) {
  ofd::Rgba im{1, 1, std::string(4, '\0')};
  im.pixels = {static_cast<char>(r), static_cast<char>(g), static_cast<char>(b), static_cast<char>(a)};
  return im;
}

int channel(const ofd::Rgba& im, std::size_t x, std::size_t y, int c) {
  return static_cast<unsigned char>(im.pixels[(y * im.width + x) * 4 + static_cast<std::size_t>(c)]);
}

/// The one image file an OFD package embeds, decoded.
ofd::Rgba embedded_image(const std::string& ofd_bytes) {
  std::string error, bytes;
  auto pkg = ofd::Package::open(ofd_bytes, {}, error);
  REQUIRE(pkg);
  std::string name;
  for (const auto& n : pkg->names())
    if (n.rfind("Doc_0/Res/image_", 0) == 0) name = n;
  INFO(error);
  REQUIRE(name.size() > 4);
  CHECK(name.substr(name.size() - 4) == ".png");
  REQUIRE(pkg->read(name, bytes, error));
  const auto image = ofd::decode_image(bytes, error);
  INFO(error);
  REQUIRE(image);
  return *image;
}

/// A P6 PPM: width, height, RGB bytes.
struct Ppm {
  int width = 0, height = 0;
  std::string rgb;
};

Ppm read_ppm(const std::string& bytes) {
  Ppm p;
  std::size_t at = 0;
  auto token = [&]() {
    while (at < bytes.size() && std::isspace(static_cast<unsigned char>(bytes[at]))) ++at;
    const std::size_t start = at;
    while (at < bytes.size() && !std::isspace(static_cast<unsigned char>(bytes[at]))) ++at;
    return bytes.substr(start, at - start);
  };
  REQUIRE(token() == "P6");
  p.width = std::stoi(token());
  p.height = std::stoi(token());
  REQUIRE(token() == "255");
  p.rgb = bytes.substr(at + 1);
  REQUIRE(p.rgb.size() == static_cast<std::size_t>(p.width) * p.height * 3);
  return p;
}

int luma(int r, int g, int b) { return (299 * r + 587 * g + 114 * b) / 1000; }

}  // namespace

TEST_CASE("seal alpha from luminance: white clear, black opaque, ink keeps its colour over white", "[ofd][seal]") {
  auto white = one_pixel(255, 255, 255, 255);
  ofd::alpha_from_luminance(white);
  CHECK(channel(white, 0, 0, 3) == 0);
  auto black = one_pixel(0, 0, 0, 255);
  ofd::alpha_from_luminance(black);
  CHECK(channel(black, 0, 0, 3) == 255);
  CHECK(channel(black, 0, 0, 0) == 0);
  auto clear = one_pixel(230, 0, 18, 0);  // already transparent: paper
  ofd::alpha_from_luminance(clear);
  CHECK(channel(clear, 0, 0, 3) == 0);
  auto gray = one_pixel(128, 128, 128, 255);  // a gray: exact over white
  ofd::alpha_from_luminance(gray);
  CHECK(channel(gray, 0, 0, 3) == 127);
  CHECK(channel(gray, 0, 0, 0) == 0);
  // Seal red: 72 % opaque; over white it keeps its red channel (the others lighten: the cost of
  // letting text show through without a blend mode).
  auto ink = one_pixel(230, 0, 18, 255);
  ofd::alpha_from_luminance(ink);
  const int a = channel(ink, 0, 0, 3);
  CHECK(a == 184);
  CHECK(std::abs((a * channel(ink, 0, 0, 0) + (255 - a) * 255) / 255 - 230) <= 1);
  // Half-transparent ink counts as the lighter colour it prints.
  auto half = one_pixel(0, 0, 0, 128);
  ofd::alpha_from_luminance(half);
  CHECK(channel(half, 0, 0, 3) == 128);
}

TEST_CASE("OFD seal: an opaque white ground is embedded transparent (PNG and JPEG)", "[ofd][seal]") {
  test::TempDir dir("ofdsealalpha");
  const auto png = dir.path() / "seal.png";
  test::write_seal_png(png, 48, true);
  model::PagedDocument doc = test::sample_notice();
  doc.pages.front().items.push_back(model::Image{mm(120), mm(150), mm(42), mm(42), png.string(), true, "doc.xml", 3});
  core::DiagnosticSink sink;
  const std::string bytes = ofd::write_ofd(doc, sink);
  REQUIRE_FALSE(sink.has_errors());
  CHECK(bytes == ofd::write_ofd(doc, sink));  // deterministic
  const ofd::Rgba seal = embedded_image(bytes);
  REQUIRE(seal.width == 48);
  CHECK(channel(seal, 0, 0, 3) == 0);     // the white corner: transparent
  CHECK(channel(seal, 24, 1, 3) == 184);  // the ring's ink
  CHECK(channel(seal, 24, 24, 3) == 184);  // the centre dot
  CHECK(channel(seal, 24, 12, 3) == 0);   // white between ring and dot

  // A JPEG seal (no alpha at all) likewise; pdftoppm makes one from a page with a red disc.
  int rc = 0;
  model::PagedDocument disc;
  disc.pages.push_back(test::a4_page());
  disc.pages.front().items.push_back(model::Rect{mm(0), mm(0), mm(105), mm(297), true, model::Color::rgb(900, 0, 70), false,
                                                 model::Color::black(), core::pt(0)});
  const auto pdf_file = dir.path() / "disc.pdf";
  core::write_file_atomic(pdf_file, pdf::write_pdf(disc, sink));
  test::run_command("pdftoppm -r 10 -jpeg -singlefile '" + pdf_file.string() + "' '" + (dir.path() / "seal").string() + "'", rc);
  REQUIRE(rc == 0);
  doc.pages.front().items.back() = model::Image{mm(120), mm(150), mm(42), mm(42), (dir.path() / "seal.jpg").string(), true,
                                                "doc.xml", 3};
  const ofd::Rgba from_jpeg = embedded_image(ofd::write_ofd(doc, sink));
  REQUIRE_FALSE(sink.has_errors());
  CHECK(channel(from_jpeg, from_jpeg.width - 2, 5, 3) <= 2);  // the white half
  CHECK(channel(from_jpeg, 2, 5, 3) > 150);                   // the red half: ink
  CHECK(channel(from_jpeg, 2, 5, 3) < 230);
  // A JPEG whose header reads but whose Huffman table is bogus: libjpeg's error, no exit.
  std::string jpeg = test::read_file(dir.path() / "seal.jpg");
  const std::size_t dht = jpeg.find("\xFF\xC4");
  REQUIRE(dht != std::string::npos);
  for (std::size_t i = dht + 5; i < dht + 21; ++i) jpeg[i] = '\xFF';  // 16 code counts of 255
  std::string why;
  CHECK_FALSE(ofd::decode_image(jpeg, why));
  CHECK(why.rfind("JPEG: ", 0) == 0);

  // A damaged seal file is an OFD-IMAGE error naming the document.
  core::write_file_atomic(png, test::seal_png(48).substr(0, 60));
  doc.pages.front().items.back() = model::Image{mm(120), mm(150), mm(42), mm(42), png.string(), true, "doc.xml", 3};
  core::DiagnosticSink bad;
  CHECK(ofd::write_ofd(doc, bad).empty());
  REQUIRE(bad.has_errors());
  CHECK(bad.items().front().rule == "OFD-IMAGE");
  CHECK(bad.items().front().location.file == "doc.xml");
}

TEST_CASE("OFD seal over text: every text pixel under the seal stays visible", "[ofd][seal][tools]") {
  test::TempDir dir("ofdsealpage");
  const auto png = dir.path() / "seal.png";
  test::write_seal_png(png, 200, true);  // ring and centre dot on an opaque white ground
  // A seal over the body text: its ring crosses the title and body lines.
  const double sx = 40, sy = 40, size = 100;
  model::PagedDocument doc = test::sample_notice();
  const model::PagedDocument text_only = doc;
  doc.pages.front().items.push_back(model::Image{mm(sx), mm(sy), mm(size), mm(size), png.string(), true, "doc.xml", 3});
  core::DiagnosticSink sink;
  const ofd::Rgba seal = embedded_image(ofd::write_ofd(doc, sink));
  REQUIRE_FALSE(sink.has_errors());
  // The text as poppler paints it (same glyph positions as the OFD: tests/ofd/agreement_test.cc).
  const auto pdf_file = dir.path() / "text.pdf";
  core::write_file_atomic(pdf_file, pdf::write_pdf(text_only, sink));
  int rc = 0;
  const int dpi = 150;
  test::run_command("pdftoppm -r " + std::to_string(dpi) + " -singlefile '" + pdf_file.string() + "' '" +
                        (dir.path() / "text").string() + "'",
                    rc);
  REQUIRE(rc == 0);
  const Ppm page = read_ppm(test::read_file(dir.path() / "text.ppm"));
  // The seal composited at its box (nearest pixel), as an OFD viewer paints an ImageObject.
  Ppm shown = page;
  int text_under_ink = 0, hidden = 0;
  const int x0 = static_cast<int>(sx / 25.4 * dpi), y0 = static_cast<int>(sy / 25.4 * dpi), n = static_cast<int>(size / 25.4 * dpi);
  for (int y = y0; y < y0 + n && y < page.height; ++y) {
    for (int x = x0; x < x0 + n && x < page.width; ++x) {
      const auto sxp = static_cast<std::size_t>((x - x0) * static_cast<int>(seal.width) / n);
      const auto syp = static_cast<std::size_t>((y - y0) * static_cast<int>(seal.height) / n);
      const int a = channel(seal, sxp, syp, 3);
      auto* px = reinterpret_cast<unsigned char*>(shown.rgb.data() + (static_cast<std::size_t>(y) * page.width + x) * 3);
      const int under = luma(px[0], px[1], px[2]);
      int over_paper[3];
      for (int c = 0; c < 3; ++c) {
        over_paper[c] = (a * channel(seal, sxp, syp, c) + (255 - a) * 255) / 255;
        px[c] = static_cast<unsigned char>((a * channel(seal, sxp, syp, c) + (255 - a) * px[c]) / 255);
      }
      if (under > 96 || a == 0) continue;  // not text, or no ink here
      ++text_under_ink;
      // Visible: the text pixel is clearly darker than the seal's ink over paper beside it.
      if (luma(over_paper[0], over_paper[1], over_paper[2]) - luma(px[0], px[1], px[2]) < 40) ++hidden;
    }
  }
  CHECK(text_under_ink > 200);
  CHECK(hidden == 0);
  if (const char* keep = std::getenv("WENSHU_KEEP_SEAL_PAGE")) {  // to look at the page
    ofd::Rgba out{static_cast<unsigned>(shown.width), static_cast<unsigned>(shown.height), {}};
    for (std::size_t i = 0; i < shown.rgb.size(); i += 3) out.pixels += shown.rgb.substr(i, 3) + '\xff';
    std::ofstream(keep, std::ios::binary) << ofd::encode_png(out);
  }
}

}  // namespace wenshu

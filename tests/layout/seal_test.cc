// Seals (GB/T 9704-2012 7.3.5.1): a seal image placed over the 署名 and the date, joint-issue
// seals in rows, and bad seal images reported with the document's file and line.
#include <catch2/catch.hpp>

#include <algorithm>

#include "layout/geometry.h"
#include "layout/layout.h"
#include "layout/page_docs.h"
#include "layout/seal_png.h"
#include "support/test_support.h"

using namespace wenshu;
using namespace wenshu::layout;
using core::Sp;
using test::txt;

namespace {

struct Found {
  const model::GlyphRun* run = nullptr;
  std::size_t index = 0;
};

// The glyph run whose text is exactly `text` on `page`.
Found run_with_text(const model::Page& page, const std::string& text) {
  for (std::size_t k = 0; k < page.items.size(); ++k) {
    const auto* r = std::get_if<model::GlyphRun>(&page.items[k]);
    if (!r) continue;
    std::string s;
    for (const auto& g : r->glyphs) s += g.text;
    if (s == text) return {r, k};
  }
  return {};
}

Sp run_left(const model::GlyphRun& r) { return r.glyphs.front().x; }
Sp run_right(const model::GlyphRun& r) { return r.glyphs.back().x + r.glyphs.back().advance; }
Sp run_centre(const model::GlyphRun& r) { return (run_left(r) + run_right(r)) / 2; }

std::vector<std::pair<std::size_t, const model::Image*>> images_of(const model::Page& page) {
  std::vector<std::pair<std::size_t, const model::Image*>> out;
  for (std::size_t k = 0; k < page.items.size(); ++k)
    if (const auto* im = std::get_if<model::Image>(&page.items[k])) out.emplace_back(k, im);
  return out;
}

// A one-page document with `issuers` 署名 and one seal of `kind` per 署名 (image: `png`).
model::Document sealed_doc(int issuers, model::Seal::Kind kind, const std::string& png, int seals = -1) {
  auto d = test::simple_doc(2, 40);
  static const char* const kNames[] = {"中共××市委员会", "××市人民政府", "中共××市纪委", "××军分区党委", "××市总工会"};
  d.signatures.clear();
  for (int k = 0; k < issuers; ++k) d.signatures.push_back(txt(kNames[k], 30 + k));
  d.date.text = txt("2009年9月2日", 40);
  d.date.value = core::Date{2009, 9, 2};
  if (seals < 0) seals = issuers;
  for (int k = 0; k < seals; ++k) {
    model::Seal s;
    s.kind = kind;
    s.image_path = png;
    s.location = {"doc.xml", 50 + k, 3};
    d.seals.push_back(s);
  }
  if (!d.seals.empty()) d.seal = d.seals.front();
  return d;
}

constexpr std::int64_t kTolerance = core::kSpPerPt / 2;  // half a point: rounding of centred text

}  // namespace

TEST_CASE("seal image: centred over the 署名 and the date, top within one line of the text", "[layout][seal]") {
  test::TempDir tmp("seal");
  const auto png = tmp.path() / "seal.png";
  test::write_seal_png(png, 40);
  core::DiagnosticSink sink;
  const auto doc = sealed_doc(1, model::Seal::Kind::kImage, png.string());
  const auto paged = layout_document(doc, default_profile(), sink);
  REQUIRE_FALSE(sink.has_errors());
  const LayoutProfile& p = default_profile();
  const auto& page = paged.pages.back();
  const auto images = images_of(page);
  REQUIRE(images.size() == 1);
  const model::Image& im = *images[0].second;
  CHECK(im.w == p.seal_diameter);
  CHECK(im.h == p.seal_diameter);  // square image
  CHECK(im.path == png.string());
  CHECK(im.source_line == 50);

  const Found name = run_with_text(page, "中共××市委员会");
  const Found date = run_with_text(page, "2009年9月2日");
  REQUIRE(name.run);
  REQUIRE(date.run);
  const Sp cx = im.x + im.w / 2, cy = im.y + im.h / 2;
  // 署名 centred over the date; the seal centred over both (端正、居中).
  CHECK(std::abs((run_centre(*name.run) - run_centre(*date.run)).v) <= kTolerance);
  CHECK(std::abs((cx - run_centre(*date.run)).v) <= kTolerance);
  // The date is right-inset 4.
  const TypeArea area = type_area(p, static_cast<int>(paged.pages.size()));
  CHECK(std::abs((area.right() - p.cell() * 4 - run_right(*date.run)).v) <= kTolerance);
  // 署名 and date in the lower half of the seal (居印章中心偏下): the 署名's em top below the
  // centre, the date's baseline above the seal's bottom.
  const Sp em_top = name.run->baseline - name.run->size * p.em_ascent_permille / 1000;
  CHECK(em_top >= cy - Sp(kTolerance));
  CHECK(date.run->baseline < im.y + im.h);
  // Top of the seal within one line below the last body line (and not over it).
  Sp last_body = Sp();
  for (const auto& item : page.items)
    if (const auto* r = std::get_if<model::GlyphRun>(&item))
      if (r->baseline < name.run->baseline && r->baseline > area.top) last_body = std::max(last_body, r->baseline);
  CHECK(im.y > last_body);
  CHECK(im.y - last_body <= p.line_pitch() + p.line_pitch() / 2);
  // Painted over the text: after the 署名 and the date.
  CHECK(images[0].first > name.index);
  CHECK(images[0].first > date.index);
}

TEST_CASE("seal image: non-square images keep their aspect ratio", "[layout][seal]") {
  test::TempDir tmp("seal");
  const auto png = tmp.path() / "seal.png";
  // 48 × 48 PNG rewritten as 48 wide, 24 high: IHDR height field patched (CRC not checked by
  // the layout, which reads the header only).
  std::string bytes = test::seal_png(48);
  bytes[23] = 24;
  std::ofstream(png, std::ios::binary) << bytes;
  core::DiagnosticSink sink;
  const auto paged = layout_document(sealed_doc(1, model::Seal::Kind::kImage, png.string()), default_profile(), sink);
  const auto images = images_of(paged.pages.back());
  REQUIRE(images.size() == 1);
  CHECK(images[0].second->w == default_profile().seal_diameter);
  CHECK(images[0].second->h == default_profile().seal_diameter / 2);
}

TEST_CASE("seal image: a file that is not a PNG or JPEG is an error at the <seal> line", "[layout][seal][errors]") {
  test::TempDir tmp("seal");
  const auto bad = tmp.path() / "seal.png";
  std::ofstream(bad, std::ios::binary) << "GIF89a not a seal";
  core::DiagnosticSink sink;
  layout_document(sealed_doc(1, model::Seal::Kind::kImage, bad.string()), default_profile(), sink);
  REQUIRE(sink.has_errors());
  bool found = false;
  for (const auto& d : sink.items())
    if (d.rule == "LAYOUT-SEAL" && d.severity == core::Severity::kError) {
      found = true;
      CHECK(d.location.file == "doc.xml");
      CHECK(d.location.line == 50);
      CHECK(d.message.find("PNG") != std::string::npos);
    }
  CHECK(found);

  core::DiagnosticSink missing;
  layout_document(sealed_doc(1, model::Seal::Kind::kImage, (tmp.path() / "none.png").string()), default_profile(),
                  missing);
  CHECK(missing.has_errors());
}

TEST_CASE("joint seals: two issuers side by side, evenly spaced, names and date under them", "[layout][seal]") {
  test::TempDir tmp("seal");
  const auto png = tmp.path() / "seal.png";
  test::write_seal_png(png, 40);
  core::DiagnosticSink sink;
  const auto paged = layout_document(sealed_doc(2, model::Seal::Kind::kImage, png.string()), default_profile(), sink);
  REQUIRE_FALSE(sink.has_errors());
  const LayoutProfile& p = default_profile();
  const auto& page = paged.pages.back();
  const TypeArea area = type_area(p, static_cast<int>(paged.pages.size()));
  auto images = images_of(page);
  REQUIRE(images.size() == 2);
  const model::Image& a = *images[0].second;
  const model::Image& b = *images[1].second;
  CHECK(a.y == b.y);                              // one row, aligned
  CHECK(b.x - (a.x + a.w) >= p.seal_gap);         // not touching
  CHECK(a.x >= area.left);
  CHECK(b.x + b.w <= area.right());
  const Found n1 = run_with_text(page, "中共××市委员会");
  const Found n2 = run_with_text(page, "××市人民政府");
  const Found date = run_with_text(page, "2009年9月2日");
  REQUIRE((n1.run && n2.run && date.run));
  CHECK(n1.run->baseline == n2.run->baseline);    // names in issuing order on one line
  CHECK(std::abs((run_centre(*n1.run) - (a.x + a.w / 2)).v) <= kTolerance);
  CHECK(std::abs((run_centre(*n2.run) - (b.x + b.w / 2)).v) <= kTolerance);
  // The last seal covers the last 署名 and the date; the date right-inset 4.
  CHECK(std::abs((run_centre(*date.run) - (b.x + b.w / 2)).v) <= kTolerance);
  CHECK(std::abs((area.right() - p.cell() * 4 - run_right(*date.run)).v) <= kTolerance);
  CHECK(date.run->baseline > n1.run->baseline);
  // Names do not collide.
  CHECK(run_right(*n1.run) < run_left(*n2.run));
}

TEST_CASE("joint seals: four issuers make a row of three and a centred last row", "[layout][seal]") {
  test::TempDir tmp("seal");
  const auto png = tmp.path() / "seal.png";
  test::write_seal_png(png, 40);
  core::DiagnosticSink sink;
  const auto paged = layout_document(sealed_doc(4, model::Seal::Kind::kImage, png.string()), default_profile(), sink);
  REQUIRE_FALSE(sink.has_errors());
  const LayoutProfile& p = default_profile();
  const auto& page = paged.pages.back();
  const TypeArea area = type_area(p, static_cast<int>(paged.pages.size()));
  auto images = images_of(page);
  REQUIRE(images.size() == 4);
  std::vector<const model::Image*> im;
  for (auto& [k, i] : images) im.push_back(i);
  std::sort(im.begin(), im.end(), [](auto* x, auto* y) { return std::make_pair(x->y, x->x) < std::make_pair(y->y, y->x); });
  // First row: three seals, evenly spaced, not touching, inside the type area.
  CHECK(im[0]->y == im[1]->y);
  CHECK(im[1]->y == im[2]->y);
  CHECK(im[1]->x - im[0]->x == im[2]->x - im[1]->x);
  CHECK(im[1]->x - (im[0]->x + im[0]->w) >= p.seal_gap);
  CHECK(im[0]->x >= area.left);
  CHECK(im[2]->x + im[2]->w <= area.right());
  // Second row: one seal, centred under the row above, not touching it.
  CHECK(im[3]->y >= im[0]->y + im[0]->h + p.seal_gap);
  CHECK(std::abs((im[3]->x - im[1]->x).v) <= 1);
  // Every 署名 centred under its own seal, in issuing order; the date under the last seal.
  const char* const names[] = {"中共××市委员会", "××市人民政府", "中共××市纪委", "××军分区党委"};
  for (int k = 0; k < 4; ++k) {
    const Found n = run_with_text(page, names[k]);
    REQUIRE(n.run);
    CHECK(std::abs((run_centre(*n.run) - (im[k]->x + im[k]->w / 2)).v) <= kTolerance);
    CHECK(n.run->baseline > im[k]->y + im[k]->h / 2);
    CHECK(n.run->baseline < im[k]->y + im[k]->h);
  }
  const Found date = run_with_text(page, "2009年9月2日");
  REQUIRE(date.run);
  CHECK(std::abs((run_centre(*date.run) - (im[3]->x + im[3]->w / 2)).v) <= kTolerance);
  CHECK(date.run->baseline < im[3]->y + im[3]->h);
}

TEST_CASE("joint seals: reserved areas spread the names the same way, no image drawn", "[layout][seal]") {
  core::DiagnosticSink sink;
  const auto paged = layout_document(sealed_doc(2, model::Seal::Kind::kReserved, ""), default_profile(), sink);
  REQUIRE_FALSE(sink.has_errors());
  const auto& page = paged.pages.back();
  CHECK(images_of(page).empty());
  const Found n1 = run_with_text(page, "中共××市委员会");
  const Found n2 = run_with_text(page, "××市人民政府");
  REQUIRE((n1.run && n2.run));
  CHECK(n1.run->baseline == n2.run->baseline);
  CHECK(run_centre(*n2.run) - run_centre(*n1.run) >= default_profile().seal_diameter + default_profile().seal_gap);
}

TEST_CASE("joint seals: one seal image for two issuers is an error, not a forged second seal", "[layout][seal][errors]") {
  test::TempDir tmp("seal");
  const auto png = tmp.path() / "seal.png";
  test::write_seal_png(png, 40);
  core::DiagnosticSink sink;
  const auto paged =
      layout_document(sealed_doc(2, model::Seal::Kind::kImage, png.string(), 1), default_profile(), sink);
  CHECK(sink.has_errors());
  bool found = false;
  for (const auto& d : sink.items()) found = found || (d.rule == "LAYOUT-SEAL" && d.location.line == 50);
  CHECK(found);
  for (const auto& page : paged.pages) CHECK(images_of(page).empty());
}

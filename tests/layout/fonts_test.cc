// Font registry: manifest parsing, face loading (OTF and TTC face index), cmap / advances,
// fallback chains, document font indices, ideograph normalisation.
#include <catch2/catch.hpp>

#include <thread>

#include "layout/fonts.h"
#include "support/test_support.h"

using namespace wenshu;
using layout::FontRegistry;

namespace {
FontRegistry& registry() {
  static FontRegistry r(test::source_dir() / "fonts" / "manifest.tsv");
  return r;
}
}  // namespace

TEST_CASE("manifest parsing skips comments and reports bad lines", "[fonts]") {
  core::DiagnosticSink sink;
  const auto entries = layout::parse_font_manifest(
      "# comment\n\nfang\tFandolFang-Regular.otf\t0\tabc\n"
      "bad line without tabs\n"
      "serif\tNoto.ttc\t2\n"
      "evil\t../../etc/passwd\t0\n"
      "x\tfile.otf\tnot-a-number\n",
      "manifest.tsv", sink);
  REQUIRE(entries.size() == 2);
  CHECK(entries[0].role == "fang");
  CHECK(entries[0].face_index == 0);
  CHECK(entries[0].sha256 == "abc");
  CHECK(entries[1].face_index == 2);
  REQUIRE(sink.count(core::Severity::kError) == 3);
  CHECK(sink.items()[0].rule == "LAYOUT-FONT-MANIFEST");
  CHECK(sink.items()[0].location.line == 4);
  CHECK(sink.items()[1].location.line == 6);
  CHECK(sink.items()[2].location.line == 7);
}

TEST_CASE("the shipped manifest loads every role", "[fonts]") {
  CHECK(registry().manifest_problems().empty());
  const auto roles = registry().roles();
  for (const char* r : {"song", "song-bold", "fang", "hei", "hei-bold", "kai", "fallback-serif",
                        "fallback-serif-bold", "fallback-sans"}) {
    CHECK(std::find(roles.begin(), roles.end(), r) != roles.end());
  }
}

TEST_CASE("Fandol faces: GB2312 coverage, 1000-unit em, missing rare name characters", "[fonts]") {
  core::DiagnosticSink sink;
  const layout::Face* fang = registry().face("fang", &sink);
  REQUIRE(fang != nullptr);
  CHECK(sink.items().empty());
  CHECK(fang->units_per_em() == 1000);
  for (char32_t c : {U'国', U'〔', U'〕', U'“', U'”', U'《', U'—', U'，', U'。'}) {
    INFO(layout::codepoint_name(c));
    REQUIRE(fang->has(c));
    CHECK(fang->advance_units(fang->glyph_of(c)) == 1000);
  }
  // pdf-font-probe.md §1: not in any Fandol face.
  CHECK_FALSE(fang->has(U'镕'));
  CHECK_FALSE(fang->has(U'\U00020BB7'));
  CHECK_FALSE(fang->has(0x2015));
  // Advance at 16 pt: exactly 16 pt for a 1000-unit glyph.
  CHECK(fang->advance(fang->glyph_of(U'国'), core::pt(16)) == core::pt(16));
  // Same role twice: the same cached object.
  CHECK(registry().face("fang") == fang);
}

TEST_CASE("TTC face index: Noto Serif CJK SC (face 2) has the rare characters", "[fonts]") {
  const layout::Face* serif = registry().face("fallback-serif");
  REQUIRE(serif != nullptr);
  CHECK(serif->face_index() == 2);
  CHECK(serif->has(U'镕'));
  CHECK(serif->has(U'\U00020BB7'));  // 𠮷, supplementary plane
  CHECK(serif->glyph_count() > 60000);
  const auto mf = serif->model_face();
  CHECK(mf.face_index == 2);
  CHECK(mf.role == "fallback-serif");
  CHECK(mf.path.find("NotoSerifCJK-Regular.ttc") != std::string::npos);
}

TEST_CASE("unknown roles are reported, not crashed on", "[fonts]") {
  core::DiagnosticSink sink;
  CHECK(registry().face("no-such-role", &sink) == nullptr);
  REQUIRE(sink.items().size() == 1);
  CHECK(sink.items()[0].rule == "LAYOUT-FONT");
  FontRegistry missing("/nonexistent/manifest.tsv");
  core::DiagnosticSink sink2;
  CHECK(missing.face("fang", &sink2) == nullptr);
  CHECK_FALSE(missing.manifest_problems().empty());
}

TEST_CASE("fallback chains follow the style of the primary face", "[fonts]") {
  using V = std::vector<std::string>;
  CHECK(registry().fallback_chain("fang") == V{"fallback-serif", "fallback-sans", "fallback-serif-bold"});
  CHECK(registry().fallback_chain("song-bold") == V{"fallback-serif-bold", "fallback-serif", "fallback-sans"});
  CHECK(registry().fallback_chain("hei").front() == "fallback-sans");
  core::DiagnosticSink sink;
  const auto chain = layout::resolve_chain(registry(), "fang", {}, sink);
  REQUIRE(chain.primary != nullptr);
  CHECK(chain.face_for(U'国') == chain.primary);
  REQUIRE(chain.face_for(U'镕') != nullptr);
  CHECK(chain.face_for(U'镕')->role() == "fallback-serif");
  CHECK(chain.face_for(0x10FFFD) == nullptr);  // private use: nowhere
}

TEST_CASE("document font indices are assigned once per face", "[fonts]") {
  std::vector<model::FontFace> fonts;
  layout::DocumentFonts doc(fonts, registry());
  const layout::Face* fang = registry().face("fang");
  const layout::Face* hei = registry().face("hei");
  CHECK(doc.index_of(*fang) == 0);
  CHECK(doc.index_of(*hei) == 1);
  CHECK(doc.index_of(*fang) == 0);
  REQUIRE(fonts.size() == 2);
  CHECK(fonts[1].role == "hei");
  CHECK(doc.face_at(1) == hei);
  // A font list that already names the face (added elsewhere) is reused.
  std::vector<model::FontFace> fonts2{hei->model_face()};
  layout::DocumentFonts doc2(fonts2, registry());
  CHECK(doc2.index_of(*hei) == 0);
  CHECK(fonts2.size() == 1);
}

TEST_CASE("Kangxi radicals and compatibility ideographs normalise to unified ideographs", "[fonts]") {
  CHECK(layout::normalize_ideograph(0x2F0A) == U'入');  // ⼊
  CHECK(layout::normalize_ideograph(0x2F42) == U'文');  // ⽂
  CHECK(layout::normalize_ideograph(0x2F00) == U'一');  // ⼀
  CHECK(layout::normalize_ideograph(0xF900) == 0x8C48);  // 豈 compatibility → 豈
  CHECK(layout::normalize_ideograph(U'国') == U'国');
  CHECK(layout::normalize_ideograph(U'A') == U'A');
  CHECK(layout::codepoint_name(0x20BB7) == "U+20BB7");
  CHECK(layout::codepoint_name(0x4E00) == "U+4E00");
}

TEST_CASE("faces load safely from several threads", "[fonts]") {
  FontRegistry reg(test::source_dir() / "fonts" / "manifest.tsv");
  std::vector<const layout::Face*> got(4, nullptr);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) threads.emplace_back([&, t] { got[t] = reg.face(t % 2 ? "kai" : "hei"); });
  for (auto& th : threads) th.join();
  CHECK(got[0] == got[2]);
  CHECK(got[1] == got[3]);
  REQUIRE(got[0] != nullptr);
  CHECK(got[0]->has(U'黑'));
}

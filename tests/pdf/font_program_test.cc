// The subsetter's three paths (plain face, prepared face, cache) give the same bytes, and the
// rule that chooses between plain and prepared (pdf/subset_policy.h).
#include <catch2/catch.hpp>

#include "pdf/font_program.h"
#include "pdf/pdf_fixture.h"
#include "pdf/subset_policy.h"

using namespace wenshu;
using Tuning = pdf::FontProgram::Tuning;
using Format = pdf::FontProgram::SubsetFormat;

namespace {

/// Glyph sets of a few sizes, spread over the face (as CJK text is).
std::vector<std::set<std::uint32_t>> glyph_sets(unsigned glyph_count) {
  std::vector<std::set<std::uint32_t>> sets;
  for (unsigned n : {1u, 40u, 400u}) {
    std::set<std::uint32_t> s;
    for (unsigned i = 0; i < n; ++i) s.insert(1 + (i * 7919u + n) % (glyph_count - 1));
    sets.push_back(s);
  }
  return sets;
}

void check_same(const pdf::FontProgram::Subset& a, const pdf::FontProgram::Subset& b) {
  CHECK(a.program == b.program);
  CHECK(a.deflated == b.deflated);
  CHECK(a.code_of == b.code_of);
  CHECK(a.new_gid_of == b.new_gid_of);
}

}  // namespace

TEST_CASE("plain, prepared and cached subsets are the same bytes", "[pdf][subset]") {
  std::string err;
  // The smallest face to prepare (about 80 MiB while it is held).
  const auto face = test::font_face("hei-bold");
  const auto fp = pdf::FontProgram::get(face.path, face.face_index, err);
  REQUIRE(fp);
  const auto sets = glyph_sets(fp->glyph_count());
  for (const Format format : {Format::kPdfProgram, Format::kOpenTypeFile}) {
    std::vector<std::shared_ptr<const pdf::FontProgram::Subset>> plain;
    pdf::FontProgram::set_tuning({Tuning::Prepare::kNever, false});
    for (const auto& s : sets) plain.push_back(fp->make_subset(s, err, format));
    for (const auto& p : plain) REQUIRE(p);
    if (!fp->prepared()) CHECK(plain.front()->program.size() > 0);

    pdf::FontProgram::set_tuning({Tuning::Prepare::kAlways, false});
    for (std::size_t i = 0; i < sets.size(); ++i) {
      const auto prepared = fp->make_subset(sets[i], err, format);
      REQUIRE(prepared);
      check_same(*plain[i], *prepared);
    }
    CHECK(fp->prepared());

    pdf::FontProgram::set_tuning({Tuning::Prepare::kAuto, true});
    for (std::size_t i = 0; i < sets.size(); ++i) {
      const auto first = fp->make_subset(sets[i], err, format);
      const auto again = fp->make_subset(sets[i], err, format);
      REQUIRE(first);
      CHECK(first == again);  // from the cache
      check_same(*plain[i], *again);
    }
  }
  CHECK(fp->make_subset(sets[1], err, Format::kPdfProgram)->deflated.size() > 0);
  CHECK(fp->make_subset(sets[1], err, Format::kOpenTypeFile)->deflated.empty());
  pdf::FontProgram::set_tuning({});
}

TEST_CASE("the cache stays within its bound", "[pdf][subset]") {
  std::string err;
  const auto face = test::font_face("song");
  const auto fp = pdf::FontProgram::get(face.path, face.face_index, err);
  REQUIRE(fp);
  Tuning t;
  t.cache_bytes = 20'000;  // room for a handful of small subsets
  pdf::FontProgram::set_tuning(t);
  const std::set<std::uint32_t> first{10, 11, 12};
  const auto kept = fp->make_subset(first, err);
  REQUIRE(kept);
  CHECK(fp->make_subset(first, err) == kept);
  for (std::uint32_t g = 100; g < 160; ++g) REQUIRE(fp->make_subset({g, g + 1000, g + 2000}, err));
  const auto later = fp->make_subset(first, err);  // evicted long since: made anew, same bytes
  REQUIRE(later);
  CHECK(later != kept);
  check_same(*kept, *later);
  pdf::FontProgram::set_tuning({});
}

TEST_CASE("a face is prepared only when the subsetting it will see pays for it", "[pdf][subset]") {
  pdf::SubsetHistory h;
  h.face_glyphs = 10'000;
  // The first subset of a face is plain, even in a run that announced many documents.
  h.expected = 1000;
  CHECK_FALSE(pdf::worth_preparing(h, 600));
  // Second document of a 1000-document run that subset 600 glyphs on the first: prepare.
  h.requests = 1, h.misses = 1, h.plain_work = 645;
  CHECK(pdf::worth_preparing(h, 600));
  // The same with only 10 documents announced: 9 × 645 < 10 000, plain.
  h.expected = 10;
  CHECK_FALSE(pdf::worth_preparing(h, 600));
  // Nothing announced: plain until the plain work reaches the cost of preparing.
  h.expected = 0;
  h.requests = 15, h.misses = 15, h.plain_work = 15 * 645;
  CHECK_FALSE(pdf::worth_preparing(h, 0));
  CHECK(pdf::worth_preparing(h, 600));
  // Mostly cache hits: the work per request is small, so the announced documents do not pay.
  h.expected = 1000;
  h.requests = 100, h.misses = 2, h.plain_work = 2 * 145;
  CHECK_FALSE(pdf::worth_preparing(h, 100));
}

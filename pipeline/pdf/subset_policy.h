// When to prepare a face for repeated subsetting (font_program.cc). Pure arithmetic, so that
// the rule is testable on its own. Work is counted in glyph units, measured with callgrind on
// Fandol (docs/performance.md): a plain subset of n glyphs costs about n + kPlainFixedUnits
// units (165 k instructions per glyph, 7 M fixed), a prepared one about a thirtieth of that,
// and preparing a face (hb_subset_preprocess) about one unit per glyph of the face.
#pragma once
#include <cstddef>

namespace wenshu::pdf {

inline constexpr std::size_t kPlainFixedUnits = 45;

/// What is known about one face when a subset of it is not in the cache.
struct SubsetHistory {
  std::size_t requests = 0;    ///< subsets asked for before this one (cache hits included)
  std::size_t misses = 0;      ///< subsets made before this one
  std::size_t plain_work = 0;  ///< estimated units of the plain subsets made so far
  std::size_t face_glyphs = 0; ///< glyphs of the face: the cost of preparing it
  std::size_t expected = 0;    ///< documents the run announced (0: unknown)
};

/// Whether to prepare the face before making a subset of `glyphs` glyphs: when the plain
/// subsets made so far plus this one cost as much as preparing (so never more than twice the
/// best choice made in hindsight), or when the announced documents still to come, at the work
/// per request seen so far, will. The first subset of a face is always plain: a run of one
/// document never pays for preparing.
inline bool worth_preparing(const SubsetHistory& h, std::size_t glyphs) {
  if (h.misses == 0 || h.requests == 0) return false;
  if (h.plain_work + glyphs + kPlainFixedUnits >= h.face_glyphs) return true;
  if (h.expected <= h.requests) return false;
  const double per_request = static_cast<double>(h.plain_work) / static_cast<double>(h.requests);
  return per_request * static_cast<double>(h.expected - h.requests) >= static_cast<double>(h.face_glyphs);
}

}  // namespace wenshu::pdf

// Page content streams (ISO 32000-1 §8–9): the display list of one page as PDF operators.
// Pure string building, no PoDoFo: testable on its own and deterministic (integer-rounded
// numbers, classic formatting, no locale).
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "model/page.h"

namespace wenshu::pdf {

/// How the content stream refers to one document font after subsetting.
struct ContentFont {
  std::string resource;                              ///< resource name without '/', e.g. "F1"
  const std::map<std::uint32_t, std::uint16_t>* code_of = nullptr;   ///< original gid -> code
  const std::map<std::uint16_t, std::int64_t>* width_milli = nullptr;///< code -> /W width × 1000
  const std::map<std::uint16_t, std::string>* unicode_of = nullptr;  ///< code -> ToUnicode text
};

/// Formats `milli` / 1000 with up to three decimals and no trailing zeros ("15.79", "-2", "0").
std::string format_milli(std::int64_t milli);
/// A length in points with three decimals at most.
std::string format_pt(core::Sp s);

/// The name of the ExtGState resource with /BM /Multiply that image items with `multiply` use.
inline constexpr const char* kMultiplyState = "GSmul";

/// The (uncompressed) content stream of `page`. `fonts[i]` describes PagedDocument::fonts[i];
/// glyphs whose gid has no code are skipped (the writer has already reported them). `images`
/// maps an image item's path to its XObject resource name (without '/'); images without one
/// are skipped.
std::string build_page_content(const model::Page& page, const std::vector<ContentFont>& fonts,
                               const std::map<std::string, std::string>& images = {});

}  // namespace wenshu::pdf

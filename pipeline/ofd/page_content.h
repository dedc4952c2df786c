// One page of the page model as an OFD page description (Content.xml, GB/T 33190-2016 §7.7):
// glyph runs become TextObjects whose TextCode carries the Unicode text with every character's
// position, lines, rectangles and polylines become PathObjects, images ImageObjects
// (docs/ofd.md has the whole mapping). Pure string building: testable on its own and
// deterministic (integer micrometres, fixed attribute order).
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "model/page.h"

namespace wenshu::pdf {
class FontProgram;
}

namespace wenshu::ofd {

/// How the page refers to one font of the document after subsetting.
struct ContentFont {
  std::uint32_t id = 0;  ///< the Font resource's ID; 0 = not embedded (its runs are skipped)
  const pdf::FontProgram* program = nullptr;
  const std::map<std::uint32_t, std::uint32_t>* new_gid_of = nullptr;  ///< original gid -> subset glyph index
};

/// The document resources a page can use.
struct ContentResources {
  std::vector<ContentFont> fonts;                ///< by PagedDocument::fonts index
  std::map<std::string, std::uint32_t> images;   ///< image path -> MultiMedia ID
  std::uint32_t gray_space = 0;                  ///< ColorSpace ID of Type GRAY (0 = none declared)
  std::uint32_t cmyk_space = 0;                  ///< ColorSpace ID of Type CMYK
};

/// The Content.xml of `page`. Object identifiers are taken from `next_id` on (it is advanced
/// past the last one used). With `own_area` the page names its own Area (its size differs from
/// the document's PageArea).
std::string build_page_content(const model::Page& page, const ContentResources& resources, std::uint32_t& next_id,
                               bool own_area);

}  // namespace wenshu::ofd

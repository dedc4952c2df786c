// The wording check of a generated 公文, over the text extracted from the PDF (pdf_page.h,
// page_lines.h): what a clerk would strike out because only the program should see it.
//   latin     English words, record ids (ganzhou-07), rule ids (DY-1b), committee ids
//             (zhangye) — any Latin letters except a standard's designation (GB/T 9704-2012);
//   date      ISO or slashed dates (2009-05-10), dates with zero-padded months or days;
//   range     numbers joined by a hyphen (1-2个) outside a standard's designation;
//   symbol    program symbols in running text (_ { } < > = | \ @ # $ ^ ` ~);
//   filler    placeholder text where a record held no narrative (记录未填写 …);
//   recipient a 主送 naming a body by its short name or id where the records give its full
//             name (the line after the title that ends with a full-width colon).
// Paragraphs are read whole (their lines joined), so a pattern split over a line end is found.
#pragma once
#include <string>
#include <vector>

#include "doccheck/page_check.h"

namespace wenshu::doccheck {

/// A body of the records: its full name and the short name a 主送 must not use alone.
struct BodyName {
  std::string full;
  std::string short_name;
};

struct WordingOptions {
  Geometry geometry;
  std::vector<BodyName> bodies;  ///< from the records (empty: the recipient check only looks for ids)
};

std::vector<Finding> check_wording(const std::vector<PageContent>& pages, const std::string& file,
                                   const WordingOptions& options);

/// The findings of one paragraph's text (for the tests): `check` and message per finding.
std::vector<std::pair<std::string, std::string>> wording_problems(const std::string& text);

}  // namespace wenshu::doccheck

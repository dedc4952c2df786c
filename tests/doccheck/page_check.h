// The page-level check of a typeset 公文, from the PDF alone (pdf_page.h, page_lines.h): what
// a clerk holding the printed pages would send back.
//   flush      a paragraph line other than its last ends short of (or past) its box's right
//              edge by more than 1.6 pt (type area, or table cell);
//   start      a paragraph line or heading starts off the grid (not at the box edge or 空二字);
//   advance    a glyph drawn narrower or wider than its nominal advance (Tz, Tc, Tw), except
//              the red 版头 parts set that way on purpose (7.2.4);
//   kinsoku    a line starts with a closing mark or ends with an opening one (避头尾);
//   measure    a number at a line end whose measure word or unit starts the next line;
//   alone      a page whose only content is the 署名, the 成文日期 or a seal (7.3.5);
//   outside    text outside the type area other than the page number and the red 版头;
//   rule       text whose em box touches a rule (a heading set on a table's border).
#pragma once
#include <string>
#include <vector>

#include "doccheck/page_lines.h"

namespace wenshu::doccheck {

struct Finding {
  std::string file;
  int page = 0;          ///< 1-based
  int line = 0;          ///< 1-based on its page; 0 for the page as a whole
  std::string check;     ///< flush, start, advance, kinsoku, measure, alone, outside, rule
  std::string message;
};

/// "file:page N:line M: [check] message".
std::string format_finding(const Finding& f);

struct PageCheckOptions {
  Geometry geometry;
  double flush_tolerance = 1.6;            ///< pt
  std::vector<std::string> measure_words;  ///< units that stay with their number (layout profile)
};

/// Every finding on the pages of one document.
std::vector<Finding> check_pages(const std::vector<PageContent>& pages, const std::string& file,
                                 const PageCheckOptions& options);

}  // namespace wenshu::doccheck

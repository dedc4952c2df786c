#include "layout/layout_profile.h"

#include <fmt/format.h>

namespace wenshu::layout {

const LayoutProfile& default_profile() {
  static const LayoutProfile kDefault{};
  return kDefault;
}

namespace {
// Lengths in the profile listing: mm with 3 decimals and pt with 3 decimals (fmt is
// locale-independent, so the decimal point is always '.').
std::string len(Sp s) { return fmt::format("{:.3f}mm ({:.3f}pt)", core::to_mm(s), core::to_pt(s)); }
}  // namespace

std::string describe_profile(const LayoutProfile& p) {
  std::string out;
  auto add = [&](const char* key, const std::string& value) { out += fmt::format("{} = {}\n", key, value); };
  add("name", p.name);
  add("paper", len(p.paper_width) + " x " + len(p.paper_height));
  add("margin_top", len(p.margin_top));
  add("margin_binding", len(p.margin_binding));
  add("type_area", len(p.type_width) + " x " + len(p.type_height));
  add("mirror_margins", p.mirror_margins ? "yes" : "no");
  add("grid", fmt::format("{} lines x {} cells", p.lines_per_page, p.chars_per_line));
  add("line_pitch", len(p.line_pitch()));
  add("cell", len(p.cell()));
  add("body_size", len(p.body_size));
  add("title", len(p.title_size) + " pitch " + len(p.title_pitch));
  add("imprint", len(p.imprint_size) + " pitch " + len(p.imprint_pitch));
  add("page_number_size", len(p.page_number_size));
  add("mark", len(p.mark_size) + " max width " + len(p.mark_max_width) + " top " + len(p.mark_top));
  add("red_rule", len(p.red_rule_width) + " gap " + len(p.red_rule_gap));
  add("seal", len(p.seal_diameter) + " gap " + len(p.seal_gap) + fmt::format(" per row {}", p.seals_per_row));
  add("min_tightened_pitch", len(p.min_tightened_pitch));
  add("imprint_rules", len(p.imprint_thick) + " / " + len(p.imprint_thin));
  add("page_number_drop", len(p.page_number_drop));
  add("fonts", fmt::format("body={} h1={} h2={} h34={} title={} mark={} label={} signer={} page={}",
                           p.roles.body, p.roles.heading1, p.roles.heading2, p.roles.heading34,
                           p.roles.title, p.roles.mark, p.roles.label, p.roles.signer_name,
                           p.roles.page_number));
  std::string words;
  for (const auto& w : p.measure_words.words()) words += (words.empty() ? "" : " ") + w;
  add("measure_words", words);
  return out;
}

}  // namespace wenshu::layout

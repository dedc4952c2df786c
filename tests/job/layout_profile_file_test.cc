// Layout profiles as data files (gbt9704.md §F): the shipped XML equals the built-in defaults
// field by field, a user file changes the layout, and bad files are reported at file:line.
#include <catch2/catch.hpp>

#include <fstream>

#include "job/layout_profile_file.h"
#include "layout/geometry.h"
#include "layout/layout.h"
#include "layout/page_docs.h"
#include "support/test_support.h"

using namespace wenshu;

namespace {

std::filesystem::path write_profile(const test::TempDir& dir, const std::string& body) {
  const auto path = dir.path() / "layout.xml";
  std::ofstream(path) << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                         "<layout-profile xmlns=\"urn:wenshu:layout-profile:1\" name=\"house\">\n"
                      << body << "</layout-profile>\n";
  return path;
}

bool has(const core::DiagnosticSink& sink, const std::string& rule, int line) {
  for (const auto& d : sink.items())
    if (d.rule == rule && d.location.line == line) return true;
  return false;
}

}  // namespace

TEST_CASE("profiles/layout-default.xml equals the built-in defaults, field by field", "[job][layout-profile]") {
  core::DiagnosticSink sink;
  const auto loaded = job::read_layout_profile(job::default_layout_profile_path(), sink);
  INFO((sink.items().empty() ? std::string() : sink.items().front().message));
  REQUIRE(loaded);
  const layout::LayoutProfile& d = layout::default_profile();
  const layout::LayoutProfile& p = *loaded;
  // Every member, exactly (lengths in Sp, not rounded).
#define SAME(m) CHECK(p.m == d.m)
  SAME(name); SAME(paper_width); SAME(paper_height); SAME(margin_top); SAME(margin_binding);
  SAME(type_width); SAME(type_height); SAME(mirror_margins); SAME(lines_per_page); SAME(chars_per_line);
  SAME(body_size); SAME(title_size); SAME(title_pitch); SAME(imprint_size); SAME(imprint_pitch);
  SAME(page_number_size); SAME(em_ascent_permille); SAME(mark_size); SAME(mark_max_width); SAME(mark_min_scale);
  SAME(mark_top); SAME(joint_mark_gap); SAME(mark_blank_lines); SAME(red_rule_gap); SAME(red_rule_width);
  SAME(red); SAME(title_blank_lines); SAME(indent_cells); SAME(seal_diameter); SAME(seal_gap); SAME(seals_per_row);
  SAME(min_tightened_pitch); SAME(imprint_thick); SAME(imprint_thin); SAME(imprint_inset_cells);
  SAME(page_number_drop); SAME(page_number_inset_cells); SAME(letter_mark_top); SAME(letter_rule_length);
  SAME(letter_rule_thick); SAME(letter_rule_thin); SAME(letter_rule_gap); SAME(letter_rule_below_mark);
  SAME(letter_bottom_rule); SAME(order_mark_top); SAME(table_size); SAME(table_pitch); SAME(table_padding);
  SAME(table_rule); SAME(roles.body); SAME(roles.heading1); SAME(roles.heading2); SAME(roles.heading34);
  SAME(roles.title); SAME(roles.mark); SAME(roles.label); SAME(roles.signer_name); SAME(roles.page_number);
  SAME(roles.copy_number); SAME(measure_words.words());
#undef SAME
  // The file lists every value the reader knows (no value silently left to the built-ins).
  const std::string text = test::read_file(job::default_layout_profile_path());
  for (const auto& name : job::layout_profile_names()) {
    if (name == "name") continue;  // the root's attribute
    INFO(name);
    CHECK(text.find("name=\"" + name + "\" value=\"" + job::layout_profile_value(d, name) + "\"") != std::string::npos);
  }
}

TEST_CASE("the measure-word table of a profile is what the line breaker keeps with a number", "[job][layout-profile]") {
  test::TempDir dir("lprof");
  core::DiagnosticSink sink;
  const auto p = job::read_layout_profile(write_profile(dir, "  <words name=\"measure-words\" value=\"个 公顷\"/>\n"), sink);
  REQUIRE(p);
  CHECK(p->measure_words.words() == std::vector<std::string>{"个", "公顷"});
  std::vector<layout::Break> b;
  const std::u32string text = U"共7项12公顷";
  layout::find_line_breaks(text, false, b, &p->measure_words);
  CHECK(b[1] == layout::Break::kAllowed);  // 7|项: 项 is not in this table
  CHECK(b[4] == layout::Break::kNone);     // 12|公顷 kept
  CHECK(b[5] == layout::Break::kNone);     // 公|顷: the word is not broken inside
  layout::find_line_breaks(text, false, b);  // the built-in table has 项
  CHECK(b[1] == layout::Break::kNone);
  core::DiagnosticSink bad;
  CHECK_FALSE(job::read_layout_profile(write_profile(dir, "  <words name=\"measure-words\" value=\"\"/>\n"), bad));
}

TEST_CASE("a profile with mirrored margins moves the even pages' text", "[job][layout-profile]") {
  test::TempDir dir("lprof");
  core::DiagnosticSink sink;
  const auto p = job::read_layout_profile(write_profile(dir, "  <switch name=\"mirror-margins\" value=\"true\"/>\n"), sink);
  REQUIRE(p);
  CHECK(p->mirror_margins);
  CHECK(p->name == "house");
  CHECK(p->margin_top == layout::default_profile().margin_top);  // the rest stays default
  const auto doc = test::simple_doc(40, 26);
  core::DiagnosticSink s1, s2;
  const auto plain = layout::layout_document(doc, layout::default_profile(), s1);
  const auto mirrored = layout::layout_document(doc, *p, s2);
  REQUIRE(plain.pages.size() >= 2);
  REQUIRE(mirrored.pages.size() == plain.pages.size());
  auto first_body_x = [](const model::Page& page) {
    core::Sp x = core::mm(1000);
    for (const auto& item : page.items)
      if (const auto* r = std::get_if<model::GlyphRun>(&item))
        if (!r->glyphs.empty() && r->baseline < core::mm(250)) x = std::min(x, r->glyphs.front().x);
    return x;
  };
  // Odd page 1 unchanged; even page 2 two millimetres left (28 mm → 26 mm outside margin).
  CHECK(first_body_x(mirrored.pages[0]) == first_body_x(plain.pages[0]));
  CHECK(first_body_x(plain.pages[1]) - first_body_x(mirrored.pages[1]) == core::mm(28) - core::mm(26));
}

TEST_CASE("bad layout profiles are errors at file:line, and no profile", "[job][layout-profile][errors]") {
  test::TempDir dir("lprof");
  {
    core::DiagnosticSink sink;
    const auto path = write_profile(dir, "  <number name=\"lines-per-page\" value=\"22\"/>\n"
                                         "  <number name=\"chars-per-line\" value=\"many\"/>\n"
                                         "  <length name=\"margin-top\" value=\"37mm\"/>\n"
                                         "  <font name=\"font-bodyy\" value=\"fang\"/>\n");
    CHECK_FALSE(job::read_layout_profile(path, sink));
    CHECK(has(sink, "LAYOUT-PROFILE", 4));  // bad number
    CHECK(has(sink, "LAYOUT-PROFILE", 6));  // unknown name
    for (const auto& d : sink.items()) CHECK(d.location.file == path.string());
  }
  {
    core::DiagnosticSink sink;  // a length without its unit: the schema refuses it
    CHECK_FALSE(job::read_layout_profile(write_profile(dir, "  <length name=\"margin-top\" value=\"37\"/>\n"), sink));
    CHECK(has(sink, "XML-SCHEMA", 3));
  }
  {
    core::DiagnosticSink sink;  // values that do not fit together
    CHECK_FALSE(job::read_layout_profile(write_profile(dir, "  <length name=\"type-width\" value=\"200mm\"/>\n"), sink));
    CHECK(has(sink, "LAYOUT-PROFILE", 2));
  }
}

#include "job/layout_profile_file.h"

#include <charconv>
#include <cmath>
#include <functional>

#include <fmt/format.h>

#include "core/data_dir.h"
#include "ingest/profile_file.h"

namespace wenshu::job {

namespace {

using layout::LayoutProfile;
using core::Sp;

constexpr const char* kNamespace = "urn:wenshu:layout-profile:1";

// Parses a decimal number (classic locale: '.' only, no exponent, no sign unless allowed).
std::optional<double> parse_number(std::string_view s) {
  if (s.empty()) return std::nullopt;
  for (char ch : s)
    if (!(ch >= '0' && ch <= '9') && ch != '.') return std::nullopt;
  double v = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

// "37mm", "16pt", "1.5pt", "0.5mm": a length with its unit (no unit is refused: a bare number
// has no meaning the reader could check).
std::optional<Sp> parse_length(const std::string& s) {
  if (s.size() < 3) return std::nullopt;
  const std::string unit = s.substr(s.size() - 2);
  const auto v = parse_number(std::string_view(s).substr(0, s.size() - 2));
  if (!v) return std::nullopt;
  if (unit == "mm") return core::mm(*v);
  if (unit == "pt") return core::pt(*v);
  if (unit == "cm") return core::mm(*v * 10);
  return std::nullopt;
}

std::optional<int> parse_int(const std::string& s) {
  int v = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size() || s.empty() || s[0] == '+') return std::nullopt;
  return v;
}

// "gray(0)", "rgb(1000,0,0)", "cmyk(0,1000,1000,0)": components 0..1000 (model::Color).
std::optional<model::Color> parse_color(const std::string& s) {
  const auto open = s.find('('), close = s.find(')');
  if (open == std::string::npos || close != s.size() - 1) return std::nullopt;
  const std::string space = s.substr(0, open);
  std::vector<std::uint16_t> comps;
  std::string_view body(s.data() + open + 1, close - open - 1);
  while (true) {
    const auto comma = body.find(',');
    const std::string part(body.substr(0, comma));
    const auto v = parse_int(part);
    if (!v || *v < 0 || *v > 1000) return std::nullopt;
    comps.push_back(static_cast<std::uint16_t>(*v));
    if (comma == std::string_view::npos) break;
    body.remove_prefix(comma + 1);
  }
  if (space == "gray" && comps.size() == 1) return model::Color::gray(comps[0]);
  if (space == "rgb" && comps.size() == 3) return model::Color::rgb(comps[0], comps[1], comps[2]);
  if (space == "cmyk" && comps.size() == 4) return model::Color::cmyk(comps[0], comps[1], comps[2], comps[3]);
  return std::nullopt;
}

std::string format_length(Sp s, bool in_pt) {
  const double v = in_pt ? core::to_pt(s) : core::to_mm(s);
  std::string out = fmt::format("{:.4f}", v);
  while (out.back() == '0') out.pop_back();
  if (out.back() == '.') out.pop_back();
  return out + (in_pt ? "pt" : "mm");
}

std::string format_color(const model::Color& c) {
  switch (c.space) {
    case model::Color::Space::kGray: return fmt::format("gray({})", c.c[0]);
    case model::Color::Space::kRgb: return fmt::format("rgb({},{},{})", c.c[0], c.c[1], c.c[2]);
    case model::Color::Space::kCmyk: return fmt::format("cmyk({},{},{},{})", c.c[0], c.c[1], c.c[2], c.c[3]);
  }
  return {};
}

// One value of the profile: its name in the file, and how to read and write it.
struct Field {
  const char* name;
  // Sets the value from the text; false when the text is not a valid value.
  std::function<bool(LayoutProfile&, const std::string&)> set;
  std::function<std::string(const LayoutProfile&)> get;
  const char* expect;  // for the error message
};

Field length(const char* name, Sp LayoutProfile::*m, bool in_pt) {
  return {name,
          [m](LayoutProfile& p, const std::string& v) {
            const auto l = parse_length(v);
            if (!l || l->v < 0) return false;
            p.*m = *l;
            return true;
          },
          [m, in_pt](const LayoutProfile& p) { return format_length(p.*m, in_pt); }, "a length such as 37mm or 16pt"};
}

Field integer(const char* name, int LayoutProfile::*m, int min, int max) {
  return {name,
          [m, min, max](LayoutProfile& p, const std::string& v) {
            const auto i = parse_int(v);
            if (!i || *i < min || *i > max) return false;
            p.*m = *i;
            return true;
          },
          [m](const LayoutProfile& p) { return std::to_string(p.*m); }, "a whole number in range"};
}

Field role(const char* name, std::string layout::FontRoles::*m) {
  return {name,
          [m](LayoutProfile& p, const std::string& v) {
            if (v.empty()) return false;
            p.roles.*m = v;
            return true;
          },
          [m](const LayoutProfile& p) { return p.roles.*m; }, "a font role of fonts/manifest.tsv"};
}

const std::vector<Field>& fields() {
  static const std::vector<Field> kFields = [] {
    std::vector<Field> f;
    f.push_back({"name", [](LayoutProfile& p, const std::string& v) { return !v.empty() && (p.name = v, true); },
                 [](const LayoutProfile& p) { return p.name; }, "a name"});
    f.push_back(length("paper-width", &LayoutProfile::paper_width, false));
    f.push_back(length("paper-height", &LayoutProfile::paper_height, false));
    f.push_back(length("margin-top", &LayoutProfile::margin_top, false));
    f.push_back(length("margin-binding", &LayoutProfile::margin_binding, false));
    f.push_back(length("type-width", &LayoutProfile::type_width, false));
    f.push_back(length("type-height", &LayoutProfile::type_height, false));
    f.push_back({"mirror-margins",
                 [](LayoutProfile& p, const std::string& v) {
                   if (v != "true" && v != "false") return false;
                   p.mirror_margins = v == "true";
                   return true;
                 },
                 [](const LayoutProfile& p) { return std::string(p.mirror_margins ? "true" : "false"); },
                 "true or false"});
    f.push_back(integer("lines-per-page", &LayoutProfile::lines_per_page, 1, 200));
    f.push_back(integer("chars-per-line", &LayoutProfile::chars_per_line, 1, 200));
    f.push_back(length("body-size", &LayoutProfile::body_size, true));
    f.push_back(length("title-size", &LayoutProfile::title_size, true));
    f.push_back(length("title-pitch", &LayoutProfile::title_pitch, true));
    f.push_back(length("imprint-size", &LayoutProfile::imprint_size, true));
    f.push_back(length("imprint-pitch", &LayoutProfile::imprint_pitch, true));
    f.push_back(length("page-number-size", &LayoutProfile::page_number_size, true));
    f.push_back(integer("em-ascent-permille", &LayoutProfile::em_ascent_permille, 0, 1000));
    f.push_back(length("mark-size", &LayoutProfile::mark_size, true));
    f.push_back(length("mark-max-width", &LayoutProfile::mark_max_width, false));
    f.push_back(integer("mark-min-scale", &LayoutProfile::mark_min_scale, 1, 100));
    f.push_back(length("mark-top", &LayoutProfile::mark_top, false));
    f.push_back(length("joint-mark-gap", &LayoutProfile::joint_mark_gap, true));
    f.push_back(integer("mark-blank-lines", &LayoutProfile::mark_blank_lines, 0, 20));
    f.push_back(length("red-rule-gap", &LayoutProfile::red_rule_gap, false));
    f.push_back(length("red-rule-width", &LayoutProfile::red_rule_width, false));
    f.push_back({"red",
                 [](LayoutProfile& p, const std::string& v) {
                   const auto c = parse_color(v);
                   return c && (p.red = *c, true);
                 },
                 [](const LayoutProfile& p) { return format_color(p.red); }, "gray(n), rgb(r,g,b) or cmyk(c,m,y,k), 0..1000"});
    f.push_back(integer("title-blank-lines", &LayoutProfile::title_blank_lines, 0, 20));
    f.push_back(integer("indent-cells", &LayoutProfile::indent_cells, 0, 20));
    f.push_back(length("seal-diameter", &LayoutProfile::seal_diameter, false));
    f.push_back(length("seal-gap", &LayoutProfile::seal_gap, false));
    f.push_back(integer("seals-per-row", &LayoutProfile::seals_per_row, 1, 10));
    f.push_back(length("min-tightened-pitch", &LayoutProfile::min_tightened_pitch, true));
    f.push_back(length("imprint-thick", &LayoutProfile::imprint_thick, false));
    f.push_back(length("imprint-thin", &LayoutProfile::imprint_thin, false));
    f.push_back(integer("imprint-inset-cells", &LayoutProfile::imprint_inset_cells, 0, 20));
    f.push_back(length("page-number-drop", &LayoutProfile::page_number_drop, false));
    f.push_back(integer("page-number-inset-cells", &LayoutProfile::page_number_inset_cells, 0, 20));
    f.push_back(length("letter-mark-top", &LayoutProfile::letter_mark_top, false));
    f.push_back(length("letter-rule-length", &LayoutProfile::letter_rule_length, false));
    f.push_back(length("letter-rule-thick", &LayoutProfile::letter_rule_thick, true));
    f.push_back(length("letter-rule-thin", &LayoutProfile::letter_rule_thin, true));
    f.push_back(length("letter-rule-gap", &LayoutProfile::letter_rule_gap, false));
    f.push_back(length("letter-rule-below-mark", &LayoutProfile::letter_rule_below_mark, false));
    f.push_back(length("letter-bottom-rule", &LayoutProfile::letter_bottom_rule, false));
    f.push_back(length("order-mark-top", &LayoutProfile::order_mark_top, false));
    f.push_back(length("table-size", &LayoutProfile::table_size, true));
    f.push_back(length("table-pitch", &LayoutProfile::table_pitch, true));
    f.push_back(length("table-padding", &LayoutProfile::table_padding, true));
    f.push_back(length("table-rule", &LayoutProfile::table_rule, true));
    f.push_back(role("font-body", &layout::FontRoles::body));
    f.push_back(role("font-heading1", &layout::FontRoles::heading1));
    f.push_back(role("font-heading2", &layout::FontRoles::heading2));
    f.push_back(role("font-heading34", &layout::FontRoles::heading34));
    f.push_back(role("font-title", &layout::FontRoles::title));
    f.push_back(role("font-mark", &layout::FontRoles::mark));
    f.push_back(role("font-label", &layout::FontRoles::label));
    f.push_back(role("font-signer-name", &layout::FontRoles::signer_name));
    f.push_back(role("font-page-number", &layout::FontRoles::page_number));
    f.push_back(role("font-copy-number", &layout::FontRoles::copy_number));
    f.push_back({"measure-words",
                 [](LayoutProfile& p, const std::string& v) {
                   std::vector<std::string> words;
                   std::size_t pos = 0;
                   while (pos < v.size()) {
                     const std::size_t end = std::min(v.find(' ', pos), v.size());
                     if (end > pos) words.push_back(v.substr(pos, end - pos));
                     pos = end + 1;
                   }
                   if (words.empty()) return false;
                   p.measure_words = layout::MeasureWords(std::move(words));
                   return true;
                 },
                 [](const LayoutProfile& p) {
                   std::string out;
                   for (const auto& w : p.measure_words.words()) out += (out.empty() ? "" : " ") + w;
                   return out;
                 },
                 "words separated by single spaces"});
    return f;
  }();
  return kFields;
}

const ingest::ProfileKind& layout_profile_kind() {
  static const ingest::ProfileKind kind{"schemas/layout-profile.xsd", kNamespace, "layout-profile", "LAYOUT-PROFILE",
                                        "LAYOUT-PROFILE", "版式", "layout profile"};
  return kind;
}

// The table above as the profile reader's fields: every value is the element's value attribute.
const std::vector<ingest::ProfileField<LayoutProfile>>& profile_fields() {
  static const auto kProfileFields = [] {
    std::vector<ingest::ProfileField<LayoutProfile>> out;
    for (const Field& f : fields())
      out.push_back({f.name,
                     [set = f.set](LayoutProfile& p, const ingest::ProfileEntry& e) { return set(p, e.attr_or("value")); },
                     f.get, f.expect});
    return out;
  }();
  return kProfileFields;
}

}  // namespace

std::filesystem::path default_layout_profile_path() { return core::data_path("profiles/layout-default.xml"); }

std::vector<std::string> layout_profile_names() {
  std::vector<std::string> out;
  for (const auto& f : fields()) out.push_back(f.name);
  return out;
}

std::string layout_profile_value(const LayoutProfile& p, const std::string& name) {
  const auto* f = ingest::find_profile_field(profile_fields(), name);
  return f ? f->get(p) : std::string();
}

std::optional<LayoutProfile> read_layout_profile(const std::filesystem::path& path, core::DiagnosticSink& sink) {
  const auto& kind = layout_profile_kind();
  const auto file = ingest::read_profile_file(path, kind, sink);
  if (!file) return std::nullopt;
  LayoutProfile p = layout::default_profile();
  bool ok = ingest::apply_profile_fields(*file, profile_fields(), kind, p, sink);
  // Values that only make sense together.
  const core::SourceLocation& root_at = file->root.location;
  if (p.type_width.v <= 0 || p.type_height.v <= 0 || p.margin_binding + p.type_width > p.paper_width ||
      p.margin_top + p.type_height > p.paper_height) {
    ingest::profile_error(sink, kind, root_at, "版心超出纸张 / the type area does not fit on the paper");
    ok = false;
  }
  if (p.min_tightened_pitch > p.line_pitch()) {
    ingest::profile_error(sink, kind, root_at, "min-tightened-pitch 大于正文行距 / min-tightened-pitch exceeds the line pitch");
    ok = false;
  }
  if (!ok) return std::nullopt;
  return p;
}

}  // namespace wenshu::job

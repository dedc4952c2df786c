// Page descriptions → text with positions, references checked (see reader_content.h).
#include "ofd/reader_content.h"

#include <libxml/tree.h>

#include "core/utf8.h"
#include "ingest/xml_node.h"
#include "ofd/geometry.h"

namespace wenshu::ofd::detail {

namespace {

/// Page blocks nest; deeper than this is refused (libxml2 stops at 256 levels anyway).
constexpr int kMaxBlockDepth = 64;

struct Walk {
  const std::string& part;
  Resources& res;
  PartLoader& loader;
  PageText& out;
  ContentFacts& facts;
};

std::vector<double> numbers_of(const _xmlNode* node, const char* attr, const std::string& part) {
  std::vector<double> v;
  if (!parse_numbers(ingest::attribute_or(node, attr), v))
    throw ReadFailure("OFD-SCHEMA", part, std::string(attr) + " 不是数字列表 / is not a list of numbers");
  return v;
}

/// DeltaX/DeltaY values with "g N v" expanded; at most `limit` values (more are never used).
std::vector<double> deltas(const std::string& text, std::size_t limit, const std::string& part) {
  std::vector<double> out;
  std::vector<std::string> tokens;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
    std::size_t j = i;
    while (j < text.size() && !std::isspace(static_cast<unsigned char>(text[j]))) ++j;
    if (j > i) tokens.emplace_back(text.substr(i, j - i));
    i = j;
  }
  auto number = [&](const std::string& t) {
    std::vector<double> v;
    if (!parse_numbers(t, v) || v.size() != 1) throw ReadFailure("OFD-SCHEMA", part, "DeltaX/DeltaY 中有非数字 \"" + t + "\" / not a number");
    return v[0];
  };
  for (std::size_t k = 0; k < tokens.size() && out.size() < limit; ++k) {
    if (tokens[k] == "g") {
      if (k + 2 >= tokens.size()) throw ReadFailure("OFD-SCHEMA", part, "DeltaX/DeltaY 的 g 缩写不完整 / incomplete \"g\" abbreviation");
      const double n = number(tokens[k + 1]), v = number(tokens[k + 2]);
      for (double r = 0; r < n && out.size() < limit; ++r) out.push_back(v);
      k += 2;
    } else {
      out.push_back(number(tokens[k]));
    }
  }
  return out;
}

void check_color(const _xmlNode* color, Walk& w) {
  if (auto cs = ingest::attribute(color, "ColorSpace"); cs && !w.res.color_spaces.count(parse_id(*cs)))
    throw ReadFailure("OFD-REF", w.part, "颜色空间 " + *cs + " 未定义 / undefined colour space");
}

void check_common(const _xmlNode* obj, Walk& w) {
  if (auto dp = ingest::attribute(obj, "DrawParam"); dp && !w.res.draw_params.count(parse_id(*dp)))
    throw ReadFailure("OFD-REF", w.part, "绘制参数 " + *dp + " 未定义 / undefined DrawParam");
  for (const _xmlNode* c = ingest::first_element(obj); c; c = ingest::next_element(c)) {
    const std::string_view n = ingest::local_name(c);
    if (n == "FillColor" || n == "StrokeColor") check_color(c, w);
    if (n == "Actions" && !only_goto_actions(c)) w.facts.actions = true;
  }
}

FontResource& font_of(const _xmlNode* obj, Walk& w) {
  const std::string ref = ingest::attribute_or(obj, "Font");
  const auto it = w.res.fonts.find(parse_id(ref));
  if (it == w.res.fonts.end()) throw ReadFailure("OFD-REF", w.part, "字体 " + ref + " 未定义 / undefined font");
  FontResource& f = it->second;
  if (!f.metrics && !f.file.empty()) f.metrics = std::make_shared<FontMetricsSource>(w.loader.read_bytes(f.file));
  return f;
}

/// The advance (mm) from character `i` of a TextCode to the next when DeltaX gives none: the
/// glyph a CGTransform names, else the font's own glyph for the character; a full em for a
/// font the reader cannot use (no program embedded).
double advance_of(const FontResource& font, char32_t cp, const std::vector<std::uint32_t>* glyphs, double size) {
  std::optional<double> a;
  if (font.metrics && font.metrics->ok()) {
    if (glyphs && !glyphs->empty()) {
      double sum = 0;
      for (auto g : *glyphs) sum += font.metrics->glyph_advance(g).value_or(0);
      a = sum;
    } else {
      a = font.metrics->advance(cp);
    }
  }
  return a.value_or(cp < 0x80 ? 0.5 : 1.0) * size;
}

void read_text(const _xmlNode* obj, Walk& w) {
  const std::vector<double> box = numbers_of(obj, "Boundary", w.part);
  Affine ctm;
  if (ingest::attribute(obj, "CTM")) {
    const std::vector<double> m = numbers_of(obj, "CTM", w.part);
    if (m.size() != 6) throw ReadFailure("OFD-SCHEMA", w.part, "CTM 需要 6 个数 / CTM needs six numbers");
    ctm = {m[0], m[1], m[2], m[3], m[4], m[5]};
  }
  const Affine to_page = ctm.then(Affine::translate(box[0], box[1]));
  FontResource& font = font_of(obj, w);
  const double size = numbers_of(obj, "Size", w.part).at(0);
  double px = 0, py = 0;  // pen in object space, for a TextCode without X/Y
  std::map<std::size_t, std::vector<std::uint32_t>> glyphs_at;  // CGTransform of the next TextCode
  for (const _xmlNode* c = ingest::first_element(obj); c; c = ingest::next_element(c)) {
    const std::string_view n = ingest::local_name(c);
    if (n == "CGTransform") {
      const _xmlNode* g = ingest::first_element(c);
      std::vector<double> ids;
      if (g && !parse_numbers(ingest::text_content(g), ids)) throw ReadFailure("OFD-SCHEMA", w.part, "Glyphs 不是数字列表 / not numbers");
      std::vector<std::uint32_t>& slot = glyphs_at[static_cast<std::size_t>(std::max(0L, std::atol(ingest::attribute_or(c, "CodePosition").c_str())))];
      for (double id : ids) slot.push_back(static_cast<std::uint32_t>(id));
      continue;
    }
    if (n != "TextCode") continue;
    const std::u32string cps = core::utf8_decode(ingest::text_content(c));
    if (auto x = ingest::attribute(c, "X")) px = numbers_of(c, "X", w.part).at(0);
    if (auto y = ingest::attribute(c, "Y")) py = numbers_of(c, "Y", w.part).at(0);
    const std::vector<double> dx = deltas(ingest::attribute_or(c, "DeltaX"), cps.size(), w.part);
    const std::vector<double> dy = deltas(ingest::attribute_or(c, "DeltaY"), cps.size(), w.part);
    for (std::size_t i = 0; i < cps.size(); ++i) {
      const auto [x, y] = to_page.apply(px, py);
      w.out.chars.push_back({core::utf8_encode(std::u32string(1, cps[i])), x, y, size});
      const auto g = glyphs_at.find(i);
      px += i < dx.size() ? dx[i] : advance_of(font, cps[i], g == glyphs_at.end() ? nullptr : &g->second, size);
      py += i < dy.size() ? dy[i] : 0.0;
    }
    glyphs_at.clear();
  }
  ++w.out.text_objects;
}

void read_block(const _xmlNode* block, Walk& w, int depth) {
  if (depth > kMaxBlockDepth) throw ReadFailure("OFD-SCHEMA", w.part, "页块嵌套过深 / page blocks nested too deeply");
  for (const _xmlNode* obj = ingest::first_element(block); obj; obj = ingest::next_element(obj)) {
    const std::string_view n = ingest::local_name(obj);
    w.loader.claim_id(ingest::attribute_or(obj, "ID"), w.part);
    check_common(obj, w);
    if (n == "TextObject") {
      read_text(obj, w);
    } else if (n == "PathObject") {
      ++w.out.path_objects;
    } else if (n == "ImageObject") {
      for (const char* attr : {"ResourceID", "Substitution", "ImageMask"}) {
        const auto ref = ingest::attribute(obj, attr);
        if (!ref) continue;
        const auto it = w.res.media.find(parse_id(*ref));
        if (it == w.res.media.end() || it->second.type != "Image")
          throw ReadFailure("OFD-REF", w.part, std::string(attr) + " " + *ref + " 不是已定义的图像 / is not a defined image resource");
      }
      ++w.out.image_objects;
    } else if (n == "CompositeObject") {
      const std::string ref = ingest::attribute_or(obj, "ResourceID");
      if (!w.res.composites.count(parse_id(ref)))
        throw ReadFailure("OFD-REF", w.part, "复合对象 " + ref + " 未定义 / undefined composite graphic unit");
    } else if (n == "PageBlock") {
      read_block(obj, w, depth + 1);
    }
  }
}

}  // namespace

bool only_goto_actions(const _xmlNode* actions) {
  for (const _xmlNode* a = ingest::first_element(actions); a; a = ingest::next_element(a))
    for (const _xmlNode* kind = ingest::first_element(a); kind; kind = ingest::next_element(kind)) {
      const std::string_view n = ingest::local_name(kind);
      if (n != "Goto" && n != "Region") return false;
    }
  return true;
}

void read_page_content(const _xmlNode* page_root, const std::string& part, Resources& res, PartLoader& loader,
                       PageText& out, ContentFacts& facts) {
  Walk w{part, res, loader, out, facts};
  for (const _xmlNode* c = ingest::first_element(page_root); c; c = ingest::next_element(c)) {
    const std::string_view n = ingest::local_name(c);
    if (n == "Actions" && !only_goto_actions(c)) facts.actions = true;
    if (n != "Content") continue;
    for (const _xmlNode* layer = ingest::first_element(c); layer; layer = ingest::next_element(layer)) {
      loader.claim_id(ingest::attribute_or(layer, "ID"), part);
      if (auto dp = ingest::attribute(layer, "DrawParam"); dp && !res.draw_params.count(parse_id(*dp)))
        throw ReadFailure("OFD-REF", part, "绘制参数 " + *dp + " 未定义 / undefined DrawParam");
      read_block(layer, w, 0);
    }
  }
}

}  // namespace wenshu::ofd::detail

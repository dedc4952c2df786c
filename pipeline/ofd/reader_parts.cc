// Loading and checking OFD parts and resources (see reader_parts.h).
#include "ofd/reader_parts.h"

#include <hb.h>
#include <libxml/tree.h>

#include <cstdlib>

#include "core/data_dir.h"
#include "ingest/xml_node.h"

namespace wenshu::ofd::detail {

namespace {
constexpr const char* kOfdNs = "http://www.ofdspec.org/2016";
}

struct FontMetricsSource::HbFont {
  hb_blob_t* blob = nullptr;
  hb_face_t* face = nullptr;
  hb_font_t* font = nullptr;
  unsigned upem = 1000;
};

FontMetricsSource::FontMetricsSource(std::string bytes) : bytes_(std::move(bytes)) {
  hb_blob_t* blob = hb_blob_create_or_fail(bytes_.data(), static_cast<unsigned>(bytes_.size()), HB_MEMORY_MODE_READONLY,
                                           nullptr, nullptr);
  if (!blob) return;
  hb_face_t* face = hb_face_create(blob, 0);
  if (hb_face_get_glyph_count(face) == 0) {
    hb_face_destroy(face);
    hb_blob_destroy(blob);
    return;
  }
  font_ = new HbFont{blob, face, hb_font_create(face), hb_face_get_upem(face)};
  if (font_->upem == 0) font_->upem = 1000;
}

FontMetricsSource::~FontMetricsSource() {
  if (!font_) return;
  hb_font_destroy(font_->font);
  hb_face_destroy(font_->face);
  hb_blob_destroy(font_->blob);
  delete font_;
}

std::optional<double> FontMetricsSource::glyph_advance(std::uint32_t glyph) const {
  if (!font_ || glyph >= hb_face_get_glyph_count(font_->face)) return std::nullopt;
  return static_cast<double>(hb_font_get_glyph_h_advance(font_->font, glyph)) / font_->upem;
}

std::optional<double> FontMetricsSource::advance(char32_t cp) const {
  hb_codepoint_t g = 0;
  if (!font_ || !hb_font_get_nominal_glyph(font_->font, cp, &g)) return std::nullopt;
  return glyph_advance(g);
}

std::uint32_t parse_id(const std::string& s) {
  if (s.empty() || s.size() > 10) return 0;
  std::uint64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return 0;
    v = v * 10 + static_cast<std::uint64_t>(c - '0');
  }
  return v > 0xffffffffu ? 0 : static_cast<std::uint32_t>(v);
}

bool parse_numbers(const std::string& s, std::vector<double>& out) {
  out.clear();
  const char* p = s.c_str();
  while (*p) {
    while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') ++p;
    if (!*p) break;
    char* end = nullptr;
    const double v = std::strtod(p, &end);
    if (end == p) return false;
    out.push_back(v);
    p = end;
  }
  return true;
}

ingest::XmlDocPtr PartLoader::load(const std::string& entry, const char* schema) {
  std::string bytes, error;
  if (!package_.read(entry, bytes, error)) throw ReadFailure(package_.has(entry) ? "OFD-PACKAGE" : "OFD-MISSING", entry, error);
  core::DiagnosticSink local;
  ingest::XmlDocPtr doc = ingest::load_xml_memory(bytes, name_ + ":" + entry, local);
  if (!doc) {
    const std::string why = local.items().empty() ? std::string("unreadable") : local.items().front().message;
    throw ReadFailure("OFD-XML", entry, entry + " 不是合格的 XML / is not acceptable XML: " + why);
  }
  const _xmlNode* root = ingest::root_element(doc.get());
  if (!root || !ingest::is_element(root, kOfdNs))
    throw ReadFailure("OFD-SCHEMA", entry, entry + " 的根元素不在 OFD 命名空间 / root element is not in the OFD namespace");
  core::DiagnosticSink schema_sink;
  if (!ingest::validate_xml(doc.get(), core::data_path(std::string("schemas/ofd/") + schema), name_ + ":" + entry, schema_sink)) {
    std::string why = "invalid";
    for (const auto& d : schema_sink.items())
      if (d.severity == core::Severity::kError) {
        why = "line " + std::to_string(d.location.line) + ": " + d.message;
        break;
      }
    throw ReadFailure("OFD-SCHEMA", entry, entry + " 不符合 OFD 模式 " + schema + " / does not match the OFD schema: " + why);
  }
  ++validated_;
  return doc;
}

std::string PartLoader::resolve(const std::string& base, const std::string& loc, const std::string& part, const char* what) {
  std::string out;
  if (!resolve_location(base, loc, out))
    throw ReadFailure("OFD-REF", part, std::string(what) + " \"" + loc + "\" 指向包外 / points outside the package");
  return out;
}

std::string PartLoader::resolve_existing(const std::string& base, const std::string& loc, const std::string& part,
                                         const char* what) {
  std::string out = resolve(base, loc, part, what);
  if (!package_.has(out))
    throw ReadFailure("OFD-MISSING", part, std::string(what) + " \"" + loc + "\" 在包中不存在 / is not in the package");
  return out;
}

void PartLoader::claim_id(const std::string& value, const std::string& part) {
  const std::uint32_t id = parse_id(value);
  if (!id) throw ReadFailure("OFD-REF", part, "标识 \"" + value + "\" 无效 / invalid object identifier");
  if (!ids_.insert(id).second)
    throw ReadFailure("OFD-REF", part, "标识 " + value + " 重复 / object identifier used twice in the document");
}

std::string PartLoader::read_bytes(const std::string& entry) {
  std::string bytes, error;
  if (!package_.read(entry, bytes, error)) throw ReadFailure("OFD-PACKAGE", entry, error);
  return bytes;
}

void PartLoader::load_resources(const std::string& entry, Resources& res) {
  const ingest::XmlDocPtr doc = load(entry, "Res.xsd");
  const _xmlNode* root = ingest::root_element(doc.get());
  // Resource files are located relative to BaseLoc, itself relative to this part (§7.9).
  const std::string base = resolve(folder_of(entry), ingest::attribute_or(root, "BaseLoc", "."), entry, "BaseLoc");
  for (const _xmlNode* group = ingest::first_element(root); group; group = ingest::next_element(group)) {
    const std::string_view kind = ingest::local_name(group);
    for (const _xmlNode* r = ingest::first_element(group); r; r = ingest::next_element(r)) {
      const std::string id_text = ingest::attribute_or(r, "ID");
      claim_id(id_text, entry);
      const std::uint32_t id = parse_id(id_text);
      if (kind == "Fonts") {
        FontResource f{ingest::attribute_or(r, "FontName"), {}, nullptr};
        if (const _xmlNode* file = ingest::first_element(r))
          f.file = resolve_existing(base, ingest::text_content(file), entry, "FontFile");
        res.fonts.emplace(id, std::move(f));
      } else if (kind == "MultiMedias") {
        const _xmlNode* file = ingest::first_element(r);
        MediaResource m{ingest::attribute_or(r, "Type"), ingest::attribute_or(r, "Format"),
                        resolve_existing(base, file ? ingest::text_content(file) : std::string(), entry, "MediaFile")};
        res.media.emplace(id, std::move(m));
      } else if (kind == "ColorSpaces") {
        res.color_spaces.insert(id);
      } else if (kind == "DrawParams") {
        res.draw_params.insert(id);
      } else if (kind == "CompositeGraphicUnits") {
        res.composites.insert(id);
      }
    }
  }
}

}  // namespace wenshu::ofd::detail

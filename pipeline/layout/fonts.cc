#include "layout/fonts.h"

#include <hb.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <charconv>
#include <fmt/format.h>

#include "core/data_dir.h"
#include "core/file_io.h"

namespace wenshu::layout {

namespace {

// Splits one line at tabs (manifest columns).
std::vector<std::string_view> split_tabs(std::string_view line) {
  std::vector<std::string_view> cols;
  std::size_t start = 0;
  for (;;) {
    const std::size_t tab = line.find('\t', start);
    cols.push_back(line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start));
    if (tab == std::string_view::npos) break;
    start = tab + 1;
  }
  return cols;
}

core::Diagnostic font_diag(core::Severity sev, std::string rule, core::SourceLocation loc, std::string message) {
  core::Diagnostic d;
  d.severity = sev;
  d.rule = std::move(rule);
  d.location = std::move(loc);
  d.message = std::move(message);
  return d;
}

// Owns the HarfBuzz objects for the duration of loading only; the Face keeps flat tables.
struct HbHolder {
  hb_blob_t* blob = nullptr;
  hb_face_t* face = nullptr;
  hb_font_t* font = nullptr;
  ~HbHolder() {
    if (font) hb_font_destroy(font);
    if (face) hb_face_destroy(face);
    if (blob) hb_blob_destroy(blob);
  }
};

}  // namespace

std::vector<FontManifestEntry> parse_font_manifest(std::string_view text, const std::string& file_name,
                                                   core::DiagnosticSink& sink) {
  std::vector<FontManifestEntry> out;
  int line_no = 0;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') {
      if (nl == text.size()) break;
      continue;
    }
    const auto cols = split_tabs(line);
    std::uint32_t index = 0;
    bool ok = cols.size() >= 3 && !cols[0].empty() && !cols[1].empty();
    if (ok) {
      const auto r = std::from_chars(cols[2].data(), cols[2].data() + cols[2].size(), index);
      ok = r.ec == std::errc() && r.ptr == cols[2].data() + cols[2].size();
    }
    // A file name may not climb out of the fonts folder: wenshu reads only its own fonts.
    if (ok && (cols[1].find("..") != std::string_view::npos || cols[1].front() == '/')) ok = false;
    if (!ok) {
      sink.push(font_diag(core::Severity::kError, "LAYOUT-FONT-MANIFEST", {file_name, line_no, 1},
                          "字体清单行格式错误（应为 角色<TAB>文件<TAB>字面序号…） / malformed font manifest line"));
    } else {
      FontManifestEntry e;
      e.role = std::string(cols[0]);
      e.file = std::string(cols[1]);
      e.face_index = index;
      if (cols.size() >= 4) e.sha256 = std::string(cols[3]);
      out.push_back(std::move(e));
    }
    if (nl == text.size()) break;
  }
  return out;
}

Face::~Face() = default;

std::uint32_t Face::glyph_of(char32_t cp) const {
  if (cp < 0x10000) return cp < bmp_.size() ? bmp_[cp] : 0;
  const auto it = std::lower_bound(astral_.begin(), astral_.end(), cp,
                                   [](const auto& e, char32_t c) { return e.first < c; });
  return it != astral_.end() && it->first == cp ? it->second : 0;
}

Sp Face::advance(std::uint32_t gid, Sp size) const {
  // advance × size / upem, rounded to nearest sp (int64: 2^16 × 2^20 × 2^16 fits).
  const std::int64_t num = static_cast<std::int64_t>(advance_units(gid)) * size.v;
  const std::int64_t den = upem_;
  return Sp(num >= 0 ? (num + den / 2) / den : -((-num + den / 2) / den));
}

FontRegistry& FontRegistry::global() {
  static FontRegistry registry(core::data_path("fonts/manifest.tsv"));
  return registry;
}

FontRegistry::FontRegistry(std::filesystem::path manifest_path) : manifest_path_(std::move(manifest_path)) {}

FontRegistry::~FontRegistry() = default;

void FontRegistry::load_manifest_locked() {
  if (manifest_loaded_) return;
  manifest_loaded_ = true;
  std::string text;
  try {
    text = core::read_file(manifest_path_);
  } catch (const std::exception& e) {
    manifest_problems_.push_back(font_diag(core::Severity::kError, "LAYOUT-FONT-MANIFEST",
                                           {manifest_path_.string(), 0, 0},
                                           fmt::format("无法读取字体清单 / cannot read font manifest: {}", e.what())));
    return;
  }
  core::DiagnosticSink sink;
  entries_ = parse_font_manifest(text, manifest_path_.string(), sink);
  for (const auto& d : sink.items()) manifest_problems_.push_back(d);
}

std::vector<std::string> FontRegistry::roles() const {
  std::lock_guard lock(mutex_);
  const_cast<FontRegistry*>(this)->load_manifest_locked();
  std::vector<std::string> out;
  for (const auto& e : entries_) out.push_back(e.role);
  return out;
}

bool FontRegistry::knows(std::string_view role) const {
  std::lock_guard lock(mutex_);
  const_cast<FontRegistry*>(this)->load_manifest_locked();
  return std::any_of(entries_.begin(), entries_.end(), [&](const auto& e) { return e.role == role; });
}

std::vector<core::Diagnostic> FontRegistry::manifest_problems() const {
  std::lock_guard lock(mutex_);
  const_cast<FontRegistry*>(this)->load_manifest_locked();
  return manifest_problems_;
}

std::vector<std::string> FontRegistry::fallback_chain(std::string_view role) const {
  std::vector<std::string> order;
  const bool bold = role.find("bold") != std::string_view::npos;
  const bool sans = role.rfind("hei", 0) == 0 || role.find("sans") != std::string_view::npos;
  if (bold) order = {"fallback-serif-bold", "fallback-serif", "fallback-sans"};
  else if (sans) order = {"fallback-sans", "fallback-serif", "fallback-serif-bold"};
  else order = {"fallback-serif", "fallback-sans", "fallback-serif-bold"};
  const auto known = roles();
  std::vector<std::string> out;
  for (auto& r : order) {
    if (r == role) continue;
    if (std::find(known.begin(), known.end(), r) != known.end()) out.push_back(r);
  }
  return out;
}

const Face* FontRegistry::face(std::string_view role, core::DiagnosticSink* sink) {
  std::lock_guard lock(mutex_);
  load_manifest_locked();
  for (const auto& [name, face] : faces_) {
    if (name == role) {
      if (!face && sink) {
        sink->push(font_diag(core::Severity::kError, "LAYOUT-FONT", {manifest_path_.string(), 0, 0},
                             fmt::format("字体“{}”无法打开 / font role '{}' could not be opened", role, role)));
      }
      return face.get();
    }
  }
  const auto entry = std::find_if(entries_.begin(), entries_.end(), [&](const auto& e) { return e.role == role; });
  std::unique_ptr<Face> face;
  std::string problem;
  if (entry == entries_.end()) {
    problem = fmt::format("字体清单中没有角色“{}” / font role '{}' is not in the manifest", role, role);
  } else {
    const auto path = (manifest_path_.parent_path() / entry->file).lexically_normal();
    HbHolder hb;
    hb.blob = hb_blob_create_from_file_or_fail(path.c_str());
    if (!hb.blob) {
      problem = fmt::format("无法读取字体文件 / cannot read font file {}", path.string());
    } else if (entry->face_index >= hb_face_count(hb.blob)) {
      problem = fmt::format("字体文件 {} 没有第 {} 个字面 / has no face {}", path.string(), entry->face_index,
                            entry->face_index);
    } else {
      hb.face = hb_face_create(hb.blob, entry->face_index);
      hb.font = hb_font_create(hb.face);
      face.reset(new Face());
      face->role_ = std::string(role);
      face->path_ = path.string();
      face->face_index_ = entry->face_index;
      face->upem_ = hb_face_get_upem(hb.face);
      const unsigned glyphs = hb_face_get_glyph_count(hb.face);
      face->advances_.assign(glyphs, 0);
      if (glyphs > 0) {
        std::vector<hb_codepoint_t> ids(glyphs);
        for (unsigned g = 0; g < glyphs; ++g) ids[g] = g;
        std::vector<hb_position_t> adv(glyphs);
        hb_font_get_glyph_h_advances(hb.font, glyphs, ids.data(), sizeof(hb_codepoint_t), adv.data(),
                                     sizeof(hb_position_t));
        for (unsigned g = 0; g < glyphs; ++g) face->advances_[g] = adv[g];
      }
      face->bmp_.assign(0x10000, 0);
      hb_set_t* set = hb_set_create();
      hb_face_collect_unicodes(hb.face, set);
      hb_codepoint_t cp = HB_SET_VALUE_INVALID;
      while (hb_set_next(set, &cp)) {
        hb_codepoint_t gid = 0;
        if (!hb_font_get_nominal_glyph(hb.font, cp, &gid) || gid == 0 || gid > 0xFFFF) continue;
        if (cp < 0x10000) face->bmp_[cp] = static_cast<std::uint16_t>(gid);
        else face->astral_.emplace_back(static_cast<char32_t>(cp), static_cast<std::uint16_t>(gid));
      }
      hb_set_destroy(set);
      std::sort(face->astral_.begin(), face->astral_.end());
      if (glyphs == 0) {
        face.reset();
        problem = fmt::format("字体文件 {} 没有字形 / has no glyphs", path.string());
      }
    }
  }
  if (!face && sink) {
    sink->push(font_diag(core::Severity::kError, "LAYOUT-FONT", {manifest_path_.string(), 0, 0}, problem));
  }
  faces_.emplace_back(std::string(role), std::move(face));
  return faces_.back().second.get();
}

const Face* FaceChain::face_for(char32_t cp) const {
  if (primary && primary->has(cp)) return primary;
  for (std::size_t i = 0; i < fallbacks_.size() || open_next(); ++i) {
    if (const Face* f = fallbacks_[i]; f && f->has(cp)) return f;
  }
  return nullptr;
}

bool FaceChain::open_next() const {
  if (fallbacks_.size() >= roles_.size()) return false;
  fallbacks_.push_back(registry_->face(roles_[fallbacks_.size()], sink_));
  return true;
}

FaceChain resolve_chain(FontRegistry& registry, std::string_view primary_role,
                        const std::vector<std::string>& fallback_roles, core::DiagnosticSink& sink) {
  FaceChain chain;
  chain.registry_ = &registry;
  chain.sink_ = &sink;
  chain.primary = registry.face(primary_role, &sink);
  for (const auto& r : fallback_roles.empty() ? registry.fallback_chain(primary_role) : fallback_roles) {
    if (registry.knows(r)) chain.roles_.push_back(r);
    else registry.face(r, &sink);  // reports the unknown role
  }
  // Without its primary face a paragraph is still set, in the first fallback that opens, so
  // that the output shows the text and the error says why the face is wrong.
  while (!chain.primary && chain.open_next()) {
    chain.primary = chain.fallbacks_.back();
    chain.fallbacks_.back() = nullptr;  // not asked twice
  }
  return chain;
}

DocumentFonts::DocumentFonts(std::vector<model::FontFace>& fonts, FontRegistry& registry)
    : fonts_(fonts), registry_(registry) {}

std::uint32_t DocumentFonts::index_of(const Face& face) {
  for (std::size_t i = 0; i < faces_.size(); ++i) {
    if (faces_[i] == &face) return static_cast<std::uint32_t>(i);
  }
  // The document may already list fonts added by someone else (same path + index = same face).
  const model::FontFace mf = face.model_face();
  faces_.resize(fonts_.size(), nullptr);
  for (std::size_t i = 0; i < fonts_.size(); ++i) {
    if (fonts_[i].path == mf.path && fonts_[i].face_index == mf.face_index) {
      faces_[i] = &face;
      return static_cast<std::uint32_t>(i);
    }
  }
  fonts_.push_back(mf);
  faces_.push_back(&face);
  return static_cast<std::uint32_t>(fonts_.size() - 1);
}

const Face* DocumentFonts::face_at(std::uint32_t index) const {
  return index < faces_.size() ? faces_[index] : nullptr;
}

char32_t normalize_ideograph(char32_t cp) {
  const bool kangxi = cp >= 0x2F00 && cp <= 0x2FD5;
  const bool radical_supplement = cp >= 0x2E80 && cp <= 0x2EFF;
  const bool compat = (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x2F800 && cp <= 0x2FA1F);
  if (!kangxi && !radical_supplement && !compat) return cp;
  UErrorCode status = U_ZERO_ERROR;
  // NFKC raw decomposition: Kangxi radicals have a compatibility mapping to one unified
  // ideograph, compatibility ideographs a canonical singleton mapping.
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  if (U_FAILURE(status)) return cp;
  icu::UnicodeString decomposition;
  if (!nfkc->getRawDecomposition(static_cast<UChar32>(cp), decomposition)) return cp;
  if (decomposition.countChar32() != 1) return cp;
  return static_cast<char32_t>(decomposition.char32At(0));
}

std::string codepoint_name(char32_t cp) { return fmt::format("U+{:04X}", static_cast<std::uint32_t>(cp)); }

}  // namespace wenshu::layout

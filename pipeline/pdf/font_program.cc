// Font loading (once per process), per-document subsetting with hb-subset, the preparation
// policy and the subset cache (see font_program.h).
#include "pdf/font_program.h"

#include <algorithm>
#include <atomic>
#include <cstring>
#include <list>
#include <mutex>
#include <utility>

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_CID_H
#include FT_TRUETYPE_TABLES_H
#include FT_TRUETYPE_TAGS_H
#include <hb-ot.h>
#include <hb-subset.h>
#include <hb.h>

#include "pdf/deflate.h"
#include "pdf/subset_policy.h"

namespace wenshu::pdf {

struct FontProgram::Impl {
  hb_blob_t* blob = nullptr;       ///< the font file, mapped (hb_blob_create_from_file maps it)
  hb_face_t* face = nullptr;       ///< the face as in the file: plain subsetting
  hb_font_t* font = nullptr;       ///< for advances (scale = upem)
  std::atomic<hb_face_t*> prepared{nullptr};  ///< hb_subset_preprocess(face), once it pays
  std::atomic<bool> preparing{false};         ///< one thread prepares; the others go on plainly
  unsigned upem = 1000;
  std::vector<hb_tag_t> tables;   ///< table tags of the face
  std::mutex stats_mutex;
  std::size_t requests = 0;       ///< subsets asked for (cache hits included)
  std::size_t misses = 0;         ///< subsets made
  std::size_t plain_work = 0;     ///< estimated work of the plain subsets made, in glyph units
  /// One hb-subset run of `fp` from `source` (the face as in the file, or prepared).
  static bool run_subset(const FontProgram& fp, hb_face_t* source, const std::set<std::uint32_t>& gids, Subset& out,
                         std::string& error, SubsetFormat format);
  ~Impl() {
    if (hb_face_t* p = prepared.load()) hb_face_destroy(p);
    if (font) hb_font_destroy(font);
    if (face) hb_face_destroy(face);
    if (blob) hb_blob_destroy(blob);
  }
};

FontProgram::~FontProgram() = default;

namespace {

/// A PostScript name usable as a PDF name: printable ASCII without delimiters or spaces.
std::string sanitize_name(const char* raw, const std::string& fallback) {
  std::string out;
  for (const char* p = raw ? raw : ""; *p; ++p) {
    const unsigned char c = static_cast<unsigned char>(*p);
    if (c > 0x20 && c < 0x7f && !std::strchr("()<>[]{}/%#", c)) out.push_back(static_cast<char>(c));
  }
  if (out.empty()) out = fallback;
  if (out.size() > 100) out.resize(100);
  return out;
}

int scale_1000(long v, unsigned upem) {
  const long long n = static_cast<long long>(v) * 1000;
  const long long u = upem;
  return static_cast<int>(n >= 0 ? (n + u / 2) / u : -((-n + u / 2) / u));
}

/// Reads the facts FreeType knows (names, CIDs, metrics). Returns false if FreeType cannot
/// open the face.
bool read_with_freetype(const char* data, unsigned size, unsigned face_index, bool is_cff,
                        std::string& ps_name, FontMetrics& m, bool& cid_keyed, std::string& registry,
                        std::string& ordering, int& supplement, std::vector<std::uint16_t>& cid_of_gid) {
  FT_Library lib = nullptr;
  if (FT_Init_FreeType(&lib) != 0) return false;
  FT_Face face = nullptr;
  bool ok = FT_New_Memory_Face(lib, reinterpret_cast<const FT_Byte*>(data), static_cast<FT_Long>(size),
                               static_cast<FT_Long>(face_index), &face) == 0;
  if (ok) {
    const unsigned upem = face->units_per_EM ? face->units_per_EM : 1000;
    ps_name = sanitize_name(FT_Get_Postscript_Name(face), "Font");
    m.bbox[0] = scale_1000(face->bbox.xMin, upem);
    m.bbox[1] = scale_1000(face->bbox.yMin, upem);
    m.bbox[2] = scale_1000(face->bbox.xMax, upem);
    m.bbox[3] = scale_1000(face->bbox.yMax, upem);
    m.ascent = scale_1000(face->ascender, upem);
    m.descent = scale_1000(face->descender, upem);
    m.fixed_pitch = FT_IS_FIXED_WIDTH(face);
    if (auto* os2 = static_cast<TT_OS2*>(FT_Get_Sfnt_Table(face, FT_SFNT_OS2)); os2 && os2->version >= 2) {
      m.cap_height = scale_1000(os2->sCapHeight, upem);
    }
    if (auto* post = static_cast<TT_Postscript*>(FT_Get_Sfnt_Table(face, FT_SFNT_POST))) {
      m.italic_angle = static_cast<int>(post->italicAngle >> 16);
    }
    FT_Bool internal = 0;
    cid_keyed = is_cff && FT_Get_CID_Is_Internally_CID_Keyed(face, &internal) == 0 && internal;
    if (cid_keyed) {
      const char *reg = nullptr, *ord = nullptr;
      FT_Int sup = 0;
      if (FT_Get_CID_Registry_Ordering_Supplement(face, &reg, &ord, &sup) == 0) {
        registry = sanitize_name(reg, "Adobe");
        ordering = sanitize_name(ord, "Identity");
        supplement = sup;
      }
      const FT_Long n = face->num_glyphs;
      cid_of_gid.assign(static_cast<std::size_t>(n > 0 ? n : 0), 0);
      for (FT_Long g = 0; g < n; ++g) {
        FT_UInt cid = 0;
        if (FT_Get_CID_From_Glyph_Index(face, static_cast<FT_UInt>(g), &cid) == 0 && cid <= 0xffff)
          cid_of_gid[static_cast<std::size_t>(g)] = static_cast<std::uint16_t>(cid);
      }
    }
    FT_Done_Face(face);
  }
  FT_Done_FreeType(lib);
  return ok;
}

struct FaceKey {
  std::string path;
  unsigned face;
  auto operator<=>(const FaceKey&) const = default;
};

std::atomic<std::size_t> g_expected_documents{0};

struct Settings {
  std::mutex mutex;
  FontProgram::Tuning tuning;
};
Settings& settings() {
  static Settings s;
  return s;
}
FontProgram::Tuning current_tuning() {
  std::lock_guard lock(settings().mutex);
  return settings().tuning;
}

// --- Subset cache ------------------------------------------------------------------------------
// Least recently used first out, bounded by the bytes of the programs it holds. The key is the
// face, the format and the exact glyph set, so a hit returns exactly the bytes a new subset would.

struct SubsetKey {
  std::string face;
  int format;
  std::vector<std::uint32_t> gids;
  auto operator<=>(const SubsetKey&) const = default;
};

class SubsetCache {
 public:
  std::shared_ptr<const FontProgram::Subset> find(const SubsetKey& key) {
    std::lock_guard lock(mutex_);
    const auto it = index_.find(key);
    if (it == index_.end()) return nullptr;
    order_.splice(order_.begin(), order_, it->second);  // most recently used
    return it->second->second;
  }
  void insert(SubsetKey key, std::shared_ptr<const FontProgram::Subset> subset, std::size_t limit) {
    const std::size_t size = bytes_of(*subset);
    std::lock_guard lock(mutex_);
    if (size > limit / 4 || index_.count(key)) return;  // one entry never crowds out the rest
    order_.emplace_front(key, std::move(subset));
    index_.emplace(std::move(key), order_.begin());
    bytes_ += size;
    while (bytes_ > limit && !order_.empty()) {
      bytes_ -= bytes_of(*order_.back().second);
      index_.erase(order_.back().first);
      order_.pop_back();
    }
  }
  void clear() {
    std::lock_guard lock(mutex_);
    index_.clear();
    order_.clear();
    bytes_ = 0;
  }

 private:
  using Entry = std::pair<SubsetKey, std::shared_ptr<const FontProgram::Subset>>;
  static std::size_t bytes_of(const FontProgram::Subset& s) {
    return s.program.size() + s.deflated.size() + 48 * (s.code_of.size() + s.new_gid_of.size());
  }
  std::mutex mutex_;
  std::list<Entry> order_;
  std::map<SubsetKey, std::list<Entry>::iterator> index_;
  std::size_t bytes_ = 0;
};

SubsetCache& subset_cache() {
  static SubsetCache cache;
  return cache;
}

/// Tables kept in a subset: the bare 'CFF ' table for FontFile3/CIDFontType0C; for FontFile2
/// the TrueType tables ISO 32000-1 9.9 lists. Everything else (cmap, name, layout tables…) would
/// only cost subsetting time. A font file for OFD keeps everything a reader needs to map
/// TextCode characters to glyphs (cmap) and to name the font, and drops only layout and vertical
/// tables: the display list already holds final glyphs.
bool keep_table(hb_tag_t tag, OutlineKind kind, FontProgram::SubsetFormat format) {
  if (format == FontProgram::SubsetFormat::kOpenTypeFile)
    return !(tag == HB_TAG('G', 'S', 'U', 'B') || tag == HB_TAG('G', 'P', 'O', 'S') || tag == HB_TAG('G', 'D', 'E', 'F') ||
             tag == HB_TAG('B', 'A', 'S', 'E') || tag == HB_TAG('J', 'S', 'T', 'F') || tag == HB_TAG('v', 'h', 'e', 'a') ||
             tag == HB_TAG('v', 'm', 't', 'x') || tag == HB_TAG('V', 'O', 'R', 'G') || tag == HB_TAG('D', 'S', 'I', 'G'));
  if (kind != OutlineKind::kTrueType) return tag == HB_TAG('C', 'F', 'F', ' ');
  return tag == HB_TAG('g', 'l', 'y', 'f') || tag == HB_TAG('l', 'o', 'c', 'a') || tag == HB_TAG('h', 'e', 'a', 'd') ||
         tag == HB_TAG('h', 'h', 'e', 'a') || tag == HB_TAG('h', 'm', 't', 'x') || tag == HB_TAG('m', 'a', 'x', 'p') ||
         tag == HB_TAG('c', 'v', 't', ' ') || tag == HB_TAG('f', 'p', 'g', 'm') || tag == HB_TAG('p', 'r', 'e', 'p');
}

}  // namespace

std::int64_t FontProgram::advance_milli(std::uint32_t gid) const {
  const hb_position_t adv = hb_font_get_glyph_h_advance(impl_->font, gid);
  const std::int64_t n = static_cast<std::int64_t>(adv) * 1'000'000;
  const std::int64_t u = impl_->upem;
  return n >= 0 ? (n + u / 2) / u : -((-n + u / 2) / u);
}

std::uint32_t FontProgram::nominal_glyph(char32_t cp) const {
  hb_codepoint_t g = 0;
  return hb_font_get_nominal_glyph(impl_->font, cp, &g) ? g : 0;
}

bool FontProgram::prepared() const { return impl_->prepared.load(std::memory_order_acquire) != nullptr; }

void FontProgram::expect_documents(std::size_t count) { g_expected_documents += count; }

void FontProgram::set_tuning(const Tuning& tuning) {
  {
    std::lock_guard lock(settings().mutex);
    settings().tuning = tuning;
  }
  subset_cache().clear();
}

std::shared_ptr<const FontProgram> FontProgram::get(const std::string& path, unsigned face_index,
                                                    std::string& error) {
  static std::mutex mutex;
  static std::map<FaceKey, std::shared_ptr<const FontProgram>> faces;
  // One lock for the whole load: loads are rare (once per face per process) and cheap (the file
  // is mapped, not read; nothing is prepared here).
  std::lock_guard<std::mutex> lock(mutex);
  const FaceKey key{path, face_index};
  if (auto it = faces.find(key); it != faces.end()) return it->second;

  std::shared_ptr<FontProgram> fp(new FontProgram());
  fp->impl_ = std::make_unique<Impl>();
  fp->key_ = path + '#' + std::to_string(face_index);
  Impl& im = *fp->impl_;
  im.blob = hb_blob_create_from_file_or_fail(path.c_str());
  if (!im.blob) {
    error = "cannot read font file " + path;
    return nullptr;
  }
  if (face_index >= hb_face_count(im.blob)) {
    error = "font file " + path + " has no face " + std::to_string(face_index);
    return nullptr;
  }
  im.face = hb_face_create(im.blob, face_index);
  fp->glyph_count_ = hb_face_get_glyph_count(im.face);
  im.upem = hb_face_get_upem(im.face);
  auto has_table = [&](hb_tag_t tag) {
    hb_blob_t* t = hb_face_reference_table(im.face, tag);
    const bool yes = hb_blob_get_length(t) > 0;
    hb_blob_destroy(t);
    return yes;
  };
  const bool cff = has_table(HB_TAG('C', 'F', 'F', ' '));
  const bool glyf = has_table(HB_TAG('g', 'l', 'y', 'f'));
  if (fp->glyph_count_ == 0 || (!cff && !glyf)) {
    error = "font " + path + " face " + std::to_string(face_index) +
            " has no CFF or TrueType outlines (CFF2, bitmap-only and Type 1 fonts are not supported)";
    return nullptr;
  }
  unsigned blob_size = 0;
  const char* data = hb_blob_get_data(im.blob, &blob_size);
  bool cid_keyed = false;
  if (!read_with_freetype(data, blob_size, face_index, cff, fp->ps_name_, fp->metrics_, cid_keyed, fp->registry_,
                          fp->ordering_, fp->supplement_, fp->cid_of_gid_)) {
    error = "FreeType cannot open font " + path;
    return nullptr;
  }
  fp->kind_ = cff ? (cid_keyed ? OutlineKind::kCffCid : OutlineKind::kCffNamed) : OutlineKind::kTrueType;
  if (fp->kind_ != OutlineKind::kCffCid) fp->registry_ = "Adobe", fp->ordering_ = "Identity", fp->supplement_ = 0;

  unsigned count = hb_face_get_table_tags(im.face, 0, nullptr, nullptr);
  im.tables.resize(count);
  hb_face_get_table_tags(im.face, 0, &count, im.tables.data());
  im.tables.resize(count);
  hb_face_make_immutable(im.face);
  im.font = hb_font_create(im.face);
  hb_font_make_immutable(im.font);
  faces.emplace(key, fp);
  return fp;
}

std::shared_ptr<const FontProgram::Subset> FontProgram::make_subset(const std::set<std::uint32_t>& gids,
                                                                    std::string& error, SubsetFormat format) const {
  const Tuning tuning = current_tuning();
  SubsetKey key{key_, static_cast<int>(format), std::vector<std::uint32_t>(gids.begin(), gids.end())};
  Impl& im = *impl_;
  bool prepare = false;
  {
    std::lock_guard lock(im.stats_mutex);
    ++im.requests;
  }
  if (tuning.cache) {
    if (auto hit = subset_cache().find(key)) return hit;
  }
  hb_face_t* source = im.prepared.load(std::memory_order_acquire);
  if (!source) {
    std::lock_guard lock(im.stats_mutex);
    const SubsetHistory history{im.requests - 1, im.misses, im.plain_work, glyph_count_, g_expected_documents.load()};
    const bool wanted = tuning.prepare == Tuning::Prepare::kAuto ? worth_preparing(history, gids.size())
                                                                  : tuning.prepare == Tuning::Prepare::kAlways;
    prepare = wanted && !im.preparing.exchange(true);
    if (!prepare) im.plain_work += gids.size() + kPlainFixedUnits;
    ++im.misses;
  }
  if (prepare) {
    // Outside every lock: the other threads go on subsetting plainly meanwhile.
    hb_face_t* ready = hb_subset_preprocess(im.face);
    im.prepared.store(ready, std::memory_order_release);
  }
  if (!source) source = im.prepared.load(std::memory_order_acquire);
  if (!source) source = im.face;
  auto out = std::make_shared<Subset>();
  if (!Impl::run_subset(*this, source, gids, *out, error, format)) return nullptr;
  if (format == SubsetFormat::kPdfProgram) out->deflated = deflate_zlib(out->program, kFontLevel);
  if (tuning.cache) subset_cache().insert(std::move(key), out, tuning.cache_bytes);
  return out;
}

bool FontProgram::subset(const std::set<std::uint32_t>& gids, Subset& out, std::string& error,
                         SubsetFormat format) const {
  const auto made = make_subset(gids, error, format);
  if (!made) return false;
  out = *made;
  return true;
}

bool FontProgram::Impl::run_subset(const FontProgram& fp, hb_face_t* source, const std::set<std::uint32_t>& gids,
                                   Subset& out, std::string& error, SubsetFormat format) {
  hb_subset_input_t* in = hb_subset_input_create_or_fail();
  if (!in) {
    error = "out of memory creating a font subset";
    return false;
  }
  hb_set_t* glyphs = hb_subset_input_glyph_set(in);
  hb_set_add(glyphs, 0);
  for (auto g : gids) hb_set_add(glyphs, g);
  // No layout closure: the display list already holds final glyphs (pdf-font-probe.md §2b).
  hb_set_clear(hb_subset_input_set(in, HB_SUBSET_SETS_LAYOUT_FEATURE_TAG));
  hb_set_t* drop = hb_subset_input_set(in, HB_SUBSET_SETS_DROP_TABLE_TAG);
  hb_set_clear(drop);
  for (hb_tag_t tag : fp.impl_->tables)
    if (!keep_table(tag, fp.kind_, format)) hb_set_add(drop, tag);
  hb_subset_input_set_flags(in, HB_SUBSET_FLAGS_NO_HINTING);
  hb_subset_plan_t* plan = hb_subset_plan_create_or_fail(source, in);
  hb_subset_input_destroy(in);
  if (!plan) {
    error = "hb-subset could not plan a subset of " + fp.ps_name_;
    return false;
  }
  const hb_map_t* old_to_new = hb_subset_plan_old_to_new_glyph_mapping(plan);
  for (auto g : gids) {
    const hb_codepoint_t n = hb_map_get(old_to_new, g);
    if (n == HB_MAP_VALUE_INVALID) continue;
    out.new_gid_of[g] = n;
    std::uint16_t code = static_cast<std::uint16_t>(n);
    // CIDFontType0 with a CID-keyed CFF selects glyphs by CID through the CFF charset, and
    // hb-subset keeps the original CIDs (ISO 32000-1 9.7.4.2; pdf-font-probe.md §2b).
    if (fp.kind_ == OutlineKind::kCffCid) code = g < fp.cid_of_gid_.size() ? fp.cid_of_gid_[g] : 0;
    out.code_of[g] = code;
  }
  hb_face_t* result = hb_subset_plan_execute_or_fail(plan);
  hb_subset_plan_destroy(plan);
  if (!result) {
    error = "hb-subset failed for " + fp.ps_name_;
    return false;
  }
  const bool whole_file = format == SubsetFormat::kOpenTypeFile || fp.kind_ == OutlineKind::kTrueType;
  hb_blob_t* blob = whole_file ? hb_face_reference_blob(result) : hb_face_reference_table(result, HB_TAG('C', 'F', 'F', ' '));
  unsigned len = 0;
  const char* data = hb_blob_get_data(blob, &len);
  out.program.assign(data ? data : "", len);
  hb_blob_destroy(blob);
  hb_face_destroy(result);
  if (out.program.empty()) {
    error = "hb-subset produced an empty font program for " + fp.ps_name_;
    return false;
  }
  return true;
}

}  // namespace wenshu::pdf

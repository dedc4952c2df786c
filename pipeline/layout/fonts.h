// The font registry: the faces named by fonts/manifest.tsv, opened once per process (HarfBuzz
// face + a flat cmap and advance table, so per-character lookups cost an array read), the
// per-character fallback chains, and the per-document map from faces to indices of
// model::PagedDocument::fonts. Never looks at system fonts (pdf-font-probe.md §1).
#pragma once
#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/diagnostic.h"
#include "core/units.h"
#include "model/page.h"

namespace wenshu::layout {

using core::Sp;

/// One face line of fonts/manifest.tsv: role, file (relative to the manifest's folder), face
/// index inside a collection, and the expected sha256 (checked by fonts/setup.sh, not here).
struct FontManifestEntry {
  std::string role;
  std::string file;
  std::uint32_t face_index = 0;
  std::string sha256;
};

/// Parses manifest text (tab-separated, `#` comments, blank lines ignored). Malformed lines are
/// reported as LAYOUT-FONT-MANIFEST errors naming `file_name`:line and skipped.
std::vector<FontManifestEntry> parse_font_manifest(std::string_view text, const std::string& file_name,
                                                   core::DiagnosticSink& sink);

/// A face opened once and immutable afterwards (so any thread may read it): its cmap as flat
/// tables and its advances in font units. Created only by FontRegistry.
class Face {
 public:
  ~Face();
  Face(const Face&) = delete;
  Face& operator=(const Face&) = delete;

  const std::string& role() const { return role_; }
  /// Absolute path of the font file.
  const std::string& path() const { return path_; }
  std::uint32_t face_index() const { return face_index_; }
  std::uint32_t units_per_em() const { return upem_; }
  std::uint32_t glyph_count() const { return static_cast<std::uint32_t>(advances_.size()); }
  /// Nominal glyph of a code point (cmap); 0 (.notdef) when the face does not map it.
  std::uint32_t glyph_of(char32_t cp) const;
  /// True when the face maps `cp` to a real glyph.
  bool has(char32_t cp) const { return glyph_of(cp) != 0; }
  /// Horizontal advance of `gid` in font units (0 for an out-of-range gid).
  std::int32_t advance_units(std::uint32_t gid) const {
    return gid < advances_.size() ? advances_[gid] : 0;
  }
  /// Horizontal advance of `gid` at font size `size`, rounded to the nearest sp.
  Sp advance(std::uint32_t gid, Sp size) const;
  /// The model's description of this face (what the PDF writer embeds).
  model::FontFace model_face() const { return {path_, face_index_, role_}; }

 private:
  friend class FontRegistry;
  Face() = default;

  std::string role_;
  std::string path_;
  std::uint32_t face_index_ = 0;
  std::uint32_t upem_ = 1000;
  std::vector<std::uint16_t> bmp_;                              ///< BMP cmap, index = code point
  std::vector<std::pair<char32_t, std::uint16_t>> astral_;      ///< sorted, supplementary planes
  std::vector<std::int32_t> advances_;                          ///< per gid, font units
};

/// The process-wide set of faces of a manifest. Faces open lazily on first use and stay open;
/// every member is thread-safe.
class FontRegistry {
 public:
  /// The registry of core::data_path("fonts/manifest.tsv"), created on first use.
  static FontRegistry& global();
  /// A registry over another manifest (tests); font files are relative to its folder.
  explicit FontRegistry(std::filesystem::path manifest_path);
  ~FontRegistry();
  FontRegistry(const FontRegistry&) = delete;
  FontRegistry& operator=(const FontRegistry&) = delete;

  /// The face for `role`, opened on first use. nullptr when the role is not in the manifest or
  /// its file cannot be opened; then a LAYOUT-FONT error goes into `sink` (if given).
  const Face* face(std::string_view role, core::DiagnosticSink* sink = nullptr);
  /// The roles the manifest names, in manifest order.
  std::vector<std::string> roles() const;
  /// Whether the manifest names `role` (its file is not opened).
  bool knows(std::string_view role) const;
  /// Problems found while reading the manifest (copied; empty when it was fine).
  std::vector<core::Diagnostic> manifest_problems() const;
  /// The default fallback roles for a primary role: bold faces fall back to fallback-serif-bold,
  /// 黑体 to fallback-sans, everything else to fallback-serif; then the remaining fallbacks.
  std::vector<std::string> fallback_chain(std::string_view role) const;

 private:
  void load_manifest_locked();

  mutable std::mutex mutex_;
  std::filesystem::path manifest_path_;
  bool manifest_loaded_ = false;
  std::vector<FontManifestEntry> entries_;
  std::vector<core::Diagnostic> manifest_problems_;
  std::vector<std::pair<std::string, std::unique_ptr<Face>>> faces_;  ///< opened (or failed = null)
};

/// A primary face and its fallbacks, resolved once per paragraph style. A fallback face is
/// opened only when a character first needs it: the Noto CJK collections are large, and most
/// documents never leave the primary faces.
class FaceChain {
 public:
  const Face* primary = nullptr;
  /// The first face of the chain that maps `cp` (primary first); nullptr when none does. A
  /// fallback that cannot be opened is reported (LAYOUT-FONT) to the sink given to
  /// resolve_chain, once, and skipped.
  const Face* face_for(char32_t cp) const;

 private:
  friend FaceChain resolve_chain(FontRegistry&, std::string_view, const std::vector<std::string>&,
                                 core::DiagnosticSink&);
  /// Opens the next fallback role; false when none is left.
  bool open_next() const;
  FontRegistry* registry_ = nullptr;
  core::DiagnosticSink* sink_ = nullptr;
  std::vector<std::string> roles_;                ///< fallback roles the manifest names, in order
  mutable std::vector<const Face*> fallbacks_;    ///< opened so far (nullptr: could not open)
};

/// Resolves `primary_role` and its fallbacks (`fallback_roles`, or the registry's default chain
/// when empty). Roles the manifest does not name are reported to `sink` and left out; the
/// fallback faces open when first needed. `sink` must outlive the chain.
FaceChain resolve_chain(FontRegistry& registry, std::string_view primary_role,
                        const std::vector<std::string>& fallback_roles, core::DiagnosticSink& sink);

/// The fonts of one document being built: maps each Face to its index in
/// model::PagedDocument::fonts, appending a model::FontFace the first time a face is used.
/// One per document; not shared between threads.
class DocumentFonts {
 public:
  /// `fonts` is the PagedDocument's font list (must outlive this object).
  explicit DocumentFonts(std::vector<model::FontFace>& fonts, FontRegistry& registry = FontRegistry::global());
  /// Index of `face` in the document's font list, adding it on first use.
  std::uint32_t index_of(const Face& face);
  /// The face at a document index (nullptr if out of range).
  const Face* face_at(std::uint32_t index) const;
  FontRegistry& registry() { return registry_; }

 private:
  std::vector<model::FontFace>& fonts_;
  FontRegistry& registry_;
  std::vector<const Face*> faces_;  ///< parallel to fonts_ for the faces added through this object
};

/// Kangxi radicals (U+2F00–U+2FD5), CJK radicals supplement with a decomposition, and CJK
/// compatibility ideographs (U+F900–U+FAFF, U+2F800–U+2FA1F) mapped to the unified ideograph
/// they stand for (pdf-font-probe.md §3: text pasted from PDFs carries ⼊⽂⼯ for 入文工, and
/// Fandol draws both with one glyph, so search and ToUnicode would disagree). Other code
/// points are returned unchanged.
char32_t normalize_ideograph(char32_t cp);

/// "U+4E00" style name of a code point (for diagnostics).
std::string codepoint_name(char32_t cp);

}  // namespace wenshu::layout

// Font programs for the PDF and OFD writers: each font file is mapped and parsed once per
// process (thread-safe registry), then subset per document to the glyphs it uses. Start-up is in
// proportion to the document: a face is subset plainly until the run has shown (or announced,
// expect_documents) enough subsetting work on it to pay for preparing it once with
// hb_subset_preprocess, which makes each later subset of it ten to thirty times cheaper but
// costs about as much as subsetting every glyph of the face once, and holds some 130 MiB for a
// CJK face. Results are cached by exact glyph set per face (bounded in bytes). The bytes of a
// subset never depend on the path taken: plain, prepared or cached give the same program
// (tests/pdf/font_program_test.cc). Internal to pdf/ and ofd/ (no third-party types here).
#pragma once
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

namespace wenshu::pdf {

/// The outline format of a font, which decides the PDF font type (ISO 32000-1 9.7.4).
enum class OutlineKind {
  kCffCid,      ///< CID-keyed CFF: CIDFontType0, code = CID (Fandol, Noto CJK)
  kCffNamed,    ///< name-keyed CFF: CIDFontType0, code = glyph index of the subset
  kTrueType,    ///< glyf outlines: CIDFontType2 + CIDToGIDMap /Identity, code = subset gid
};

/// Font-wide facts for the FontDescriptor, in 1000-unit glyph space.
struct FontMetrics {
  int ascent = 880, descent = -120, cap_height = 700;
  int bbox[4] = {0, -120, 1000, 880};
  int italic_angle = 0;
  bool fixed_pitch = false;
  bool serif = true;
};

/// One face of one font file, parsed and ready to subset. Immutable after load; safe to share
/// between threads.
class FontProgram {
 public:
  ~FontProgram();
  FontProgram(const FontProgram&) = delete;
  FontProgram& operator=(const FontProgram&) = delete;

  const std::string& postscript_name() const { return ps_name_; }
  OutlineKind kind() const { return kind_; }
  unsigned glyph_count() const { return glyph_count_; }
  const FontMetrics& metrics() const { return metrics_; }
  /// Registry/Ordering/Supplement of a CID-keyed CFF ("Adobe", "GB1", 5), else Adobe-Identity-0.
  const std::string& registry() const { return registry_; }
  const std::string& ordering() const { return ordering_; }
  int supplement() const { return supplement_; }
  /// Advance of an original glyph in 1000-unit glyph space, times 1000 (exact integer milli-units).
  std::int64_t advance_milli(std::uint32_t gid) const;
  /// The font's own glyph for a code point (cmap), 0 if none. For tests and simple callers;
  /// the layouter shapes with HarfBuzz itself.
  std::uint32_t nominal_glyph(char32_t cp) const;

  /// Loads (once per process) face `face_index` of `path`. Returns null and sets `error` when the
  /// file cannot be read or is not a font this writer can embed.
  static std::shared_ptr<const FontProgram> get(const std::string& path, unsigned face_index,
                                                std::string& error);

  /// What a subset is wrapped as.
  enum class SubsetFormat {
    kPdfProgram,    ///< what a PDF embeds: the bare 'CFF ' table, or TrueType with the ISO 32000-1 9.9 tables
    kOpenTypeFile,  ///< a whole font file with cmap, names and metrics, for OFD's FontFile (docs/ofd.md)
  };
  /// A subset made for one document (shared, immutable: the cache may hand it to many).
  struct Subset {
    std::string program;          ///< the font program in the requested SubsetFormat
    std::string deflated;         ///< kPdfProgram only: `program` compressed for a FlateDecode stream
    std::map<std::uint32_t, std::uint16_t> code_of;  ///< original gid -> 2-byte PDF code
    std::map<std::uint32_t, std::uint32_t> new_gid_of;  ///< original gid -> glyph index in `program`
  };
  /// Subsets to `gids` (original glyph ids; .notdef is always kept). Both formats hold the same
  /// glyphs. Null with `error` set on failure. Thread-safe.
  std::shared_ptr<const Subset> make_subset(const std::set<std::uint32_t>& gids, std::string& error,
                                            SubsetFormat format = SubsetFormat::kPdfProgram) const;
  /// make_subset into `out` (a copy). False with `error` set on failure.
  bool subset(const std::set<std::uint32_t>& gids, Subset& out, std::string& error,
              SubsetFormat format = SubsetFormat::kPdfProgram) const;
  /// True once this face has been prepared for repeated subsetting.
  bool prepared() const;

  /// Announces how many documents the run will subset (render: its number of files), so that
  /// a face a batch will subset again and again is prepared on its second document instead of
  /// after it has paid for the preparation in plain subsets. Adds to the count already announced.
  static void expect_documents(std::size_t count);

  /// How subsetting may proceed; for tests and measurements (the output is the same either way).
  struct Tuning {
    enum class Prepare { kAuto, kNever, kAlways } prepare = Prepare::kAuto;
    bool cache = true;                          ///< reuse subsets of identical glyph sets
    std::size_t cache_bytes = std::size_t(16) << 20;  ///< bound of the cache (programs + deflated)
  };
  /// Sets the tuning for the whole process and empties the subset cache.
  static void set_tuning(const Tuning& tuning);

 private:
  FontProgram() = default;
  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::string ps_name_;
  OutlineKind kind_ = OutlineKind::kCffCid;
  unsigned glyph_count_ = 0;
  FontMetrics metrics_;
  std::string registry_ = "Adobe", ordering_ = "Identity";
  int supplement_ = 0;
  std::vector<std::uint16_t> cid_of_gid_;  ///< kCffCid only
  std::string key_;                        ///< path and face index: names the face in the cache
};

}  // namespace wenshu::pdf

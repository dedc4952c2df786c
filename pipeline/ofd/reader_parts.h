// Internal to the OFD reader: loading and checking the package's XML parts and resources. The
// first problem found ends the read (ReadFailure), so a bad package gets one clear finding.
#pragma once
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "ingest/xml_loader.h"
#include "ofd/package.h"

namespace wenshu::ofd::detail {

/// The first problem of a package: its rule, the part concerned and one sentence.
struct ReadFailure : std::runtime_error {
  std::string rule, part;
  ReadFailure(std::string r, std::string p, const std::string& message)
      : std::runtime_error(message), rule(std::move(r)), part(std::move(p)) {}
};

/// Glyph advances of an embedded font program, for TextCodes without DeltaX.
class FontMetricsSource {
 public:
  explicit FontMetricsSource(std::string bytes);
  ~FontMetricsSource();
  FontMetricsSource(const FontMetricsSource&) = delete;
  FontMetricsSource& operator=(const FontMetricsSource&) = delete;
  bool ok() const { return font_ != nullptr; }
  /// Advance in em units (1.0 = the font size) of the glyph the font maps `cp` to, or of glyph
  /// index `glyph` when given; nullopt when the font cannot say.
  std::optional<double> advance(char32_t cp) const;
  std::optional<double> glyph_advance(std::uint32_t glyph) const;

 private:
  std::string bytes_;
  struct HbFont;
  HbFont* font_ = nullptr;
};

struct FontResource {
  std::string name;
  std::string file;  ///< resolved entry name, "" when not embedded
  std::shared_ptr<FontMetricsSource> metrics;  ///< loaded on first need
};

struct MediaResource {
  std::string type, format, file;
};

/// Every resource of the document by ID.
struct Resources {
  std::map<std::uint32_t, FontResource> fonts;
  std::map<std::uint32_t, MediaResource> media;
  std::set<std::uint32_t> color_spaces, draw_params, composites;
};

/// Loads parts from the package: secure XML loading, schema validation, ID bookkeeping.
class PartLoader {
 public:
  PartLoader(Package& package, const std::string& package_name) : package_(package), name_(package_name) {}
  /// Loads part `entry` and validates it against schemas/ofd/<schema>; throws ReadFailure.
  ingest::XmlDocPtr load(const std::string& entry, const char* schema);
  /// Resolves `loc` against the folder `base`; `what` names the reference in the message.
  std::string resolve(const std::string& base, const std::string& loc, const std::string& part, const char* what);
  /// Resolves and checks that the entry exists in the package.
  std::string resolve_existing(const std::string& base, const std::string& loc, const std::string& part, const char* what);
  /// Records an object identifier (ST_ID); a duplicate is an OFD-REF failure.
  void claim_id(const std::string& value, const std::string& part);
  /// Reads a resource file whole (fonts).
  std::string read_bytes(const std::string& entry);
  /// Loads a resource part (Res.xsd) into `res`; `part_base` is its folder.
  void load_resources(const std::string& entry, Resources& res);
  int validated() const { return validated_; }
  Package& package() { return package_; }

 private:
  Package& package_;
  const std::string& name_;
  std::set<std::uint32_t> ids_;
  int validated_ = 0;
};

/// Parses an unsigned ID attribute value (ST_ID/ST_RefID); 0 when it is not one.
std::uint32_t parse_id(const std::string& s);
/// Parses whitespace-separated numbers; false on anything else.
bool parse_numbers(const std::string& s, std::vector<double>& out);

}  // namespace wenshu::ofd::detail

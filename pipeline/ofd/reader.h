// An OFD reader for checking (verify, check, tests): opens a package safely (package.h limits),
// validates every XML part it reads against schemas/ofd/ (GB/T 33190-2016), resolves every
// reference (parts, fonts, images, colour spaces, templates), and extracts the text of every
// page with each character's position, in reading order. A package that fails any of this gets
// one clear finding (the first problem found) and `readable == false`; bad input never crashes
// or hangs the reader (sizes, nesting and entry counts are bounded).
#pragma once
#include <filesystem>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/diagnostic.h"
#include "ofd/package.h"

namespace wenshu::ofd {

struct ReadOptions {
  PackageLimits limits;
  /// Check the archive profile of GB/T 42133-2022 (DocType="OFD-A", one document, embedded
  /// fonts, no actions, permissions, audio or video, archival image formats) even when the
  /// package does not declare it. A package that declares OFD-A is always checked.
  bool require_archive_profile = false;
};

/// One character as drawn: its text and the origin of its glyph on the page (millimetres from
/// the top-left corner, y down, baseline), and the font size (mm).
struct TextChar {
  std::string text;
  double x = 0, y = 0;
  double size = 0;
};

struct PageText {
  double width = 0, height = 0;  ///< the physical box (mm)
  std::vector<TextChar> chars;   ///< in content order (templates behind, then the layers)
  std::size_t text_objects = 0, path_objects = 0, image_objects = 0;
};

struct FontInfo {
  std::string name;        ///< FontName
  std::string file;        ///< the FontFile entry ("" when not embedded)
  std::size_t bytes = 0;
};

/// What read_ofd found. Fields are meaningful only when `readable` is true.
struct OfdInfo {
  bool readable = false;
  std::string version, doc_type;   ///< OFD.xml Version and DocType
  std::string doc_id, title, author, subject, creation_date, mod_date, creator, creator_version;
  std::vector<std::pair<std::string, std::string>> custom_data;
  std::vector<PageText> pages;
  std::vector<FontInfo> fonts;
  std::size_t images = 0;
  std::size_t parts_validated = 0;  ///< XML parts checked against the schemas
  /// Archive-profile problems (each also in the OFD-A finding); empty when the profile holds or
  /// was not checked.
  std::vector<std::string> profile_problems;

  /// The text in reading order: a line break where the baseline changes, a form feed between
  /// pages.
  std::string text() const;
};

/// Reads OFD bytes. `name` is used as the file in diagnostics (OFD-PACKAGE, OFD-MISSING,
/// OFD-XML, OFD-SCHEMA, OFD-REF, OFD-A). Never throws for bad input.
OfdInfo read_ofd(std::string_view bytes, const std::string& name, core::DiagnosticSink& sink,
                 const ReadOptions& options = {});

/// Reads and checks a file (an OFD-PACKAGE error when it cannot be read).
OfdInfo read_ofd_file(const std::filesystem::path& path, core::DiagnosticSink& sink, const ReadOptions& options = {});

}  // namespace wenshu::ofd

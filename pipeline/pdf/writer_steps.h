// The steps of write_pdf (writer.cc), one file each: fonts (writer_fonts.cc), pages and images
// (writer_pages.cc), document-level dictionaries and the file itself (writer_file.cc).
// Internal to pdf/: PoDoFo types appear here and nowhere outside the stage.
#pragma once
#include <cstdint>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <podofo/podofo.h>

#include "core/diagnostic.h"
#include "model/page.h"
#include "pdf/font_program.h"
#include "pdf/writer.h"

namespace wenshu::pdf {

/// Pushes an error diagnostic (rule, message, optional hint) into `sink`.
void writer_error(core::DiagnosticSink& sink, const std::string& rule, const std::string& message,
                  const std::string& hint = {});

/// Sets `object`'s stream to `data` compressed at `level` (FlateDecode), or stored as is when
/// `level` is 0.
void set_stream(PoDoFo::PdfObject& object, std::string_view data, int level);
/// Sets `object`'s stream to bytes already compressed as a zlib stream (FlateDecode).
void set_deflated_stream(PoDoFo::PdfObject& object, std::string_view deflated);

// --- writer_fonts.cc ---------------------------------------------------------------------------

/// One font of the document as it goes into the PDF.
struct DocFont {
  std::shared_ptr<const FontProgram> program;
  std::set<std::uint32_t> gids;                 ///< used original glyph ids
  std::map<std::uint32_t, std::string> text_of; ///< gid -> first non-empty text seen
  std::shared_ptr<const FontProgram::Subset> subset;
  std::map<std::uint16_t, std::int64_t> width_milli;
  std::map<std::uint16_t, std::string> unicode_of;
  std::string resource;                         ///< "F1", …
  PoDoFo::PdfReference ref;
};

/// The glyphs every font of `doc` draws, then each used font loaded, checked and subset.
/// False after pushing PDF-FONT / PDF-GLYPH / PDF-SUBSET errors.
bool prepare_fonts(const model::PagedDocument& doc, std::vector<DocFont>& fonts, core::DiagnosticSink& sink);

/// Embeds one subset font: Type0 → CIDFont → FontDescriptor → font file, plus ToUnicode.
void embed_font(PoDoFo::PdfMemDocument& pdf, DocFont& font);

// --- writer_pages.cc ---------------------------------------------------------------------------

/// One raster image of the document (seal images, GB/T 9704-2012 7.3.5.1) as an XObject.
struct DocImage {
  std::string resource;  ///< XObject resource name
  PoDoFo::PdfReference ref;
};

/// Embeds every image file the pages use, once each, in order of first use. False after
/// pushing a PDF-IMAGE error naming the document line that named the image.
bool embed_images(PoDoFo::PdfMemDocument& pdf, const model::PagedDocument& doc, std::map<std::string, DocImage>& out,
                  core::DiagnosticSink& sink);

/// Adds every page: its resources (only the fonts and images it uses) and its content stream.
/// Returns whether any page paints in DeviceCMYK.
bool add_pages(PoDoFo::PdfMemDocument& pdf, const model::PagedDocument& doc, const std::vector<DocFont>& fonts,
               const std::map<std::string, DocImage>& images);

// --- writer_file.cc ----------------------------------------------------------------------------

/// The Info dictionary (every value from the document, never the clock) and the catalogue's
/// /Lang; with options.pdfa the XMP packet and the sRGB output intent (a PDF-PDFA-CMYK warning
/// when `uses_cmyk`).
void add_document_info(PoDoFo::PdfMemDocument& pdf, const model::DocumentInfo& info, const WriteOptions& options,
                       bool uses_cmyk, core::DiagnosticSink& sink);

/// The whole file: header, every object, cross-reference table and trailer, whose /ID is
/// computed from the bytes before it (ISO 32000-1 14.4: same content, same identifier).
/// `size_hint` reserves the output buffer.
std::string serialize(PoDoFo::PdfMemDocument& pdf, std::size_t size_hint);

}  // namespace wenshu::pdf

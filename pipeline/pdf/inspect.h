// PDF inspection for `verify` and the tests: what a PDF contains that an archivist must check
// (page count and sizes, encryption, scripts and actions, embedded fonts, Info, PDF/A marks).
// Robust against corrupt or hostile input: it never crashes or hangs on bad bytes; problems are
// reported as PDF-… diagnostics and `PdfInfo::readable` is false when the file could not be read.
// PoDoFo stays behind this header.
#pragma once
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"
#include "core/units.h"

namespace wenshu::pdf {

/// One font resource found on the pages (each distinct font object once).
struct PdfFontInfo {
  std::string base_font;       ///< /BaseFont as written, e.g. "ABCDEF+FandolFang-Regular"
  std::string subtype;         ///< /Subtype of the font dict: Type0, TrueType, Type1, Type3, …
  std::string descendant_subtype;  ///< for Type0: CIDFontType0 or CIDFontType2; else empty
  bool embedded = false;       ///< a FontFile/FontFile2/FontFile3 stream is present (Type3: true)
  bool subset = false;         ///< the name carries a six-capital-letter subset tag "XXXXXX+"
  bool has_to_unicode = false; ///< /ToUnicode stream present
};

/// One page's size (the MediaBox, after /Rotate is NOT applied) and rotation.
struct PdfPageInfo {
  core::Sp width;              ///< MediaBox width
  core::Sp height;             ///< MediaBox height
  int rotate = 0;              ///< /Rotate (0, 90, 180, 270)
};

/// What inspect_pdf found. Fields are meaningful only when `readable` is true (except
/// `encrypted`, which is set as soon as the trailer shows an /Encrypt entry).
struct PdfInfo {
  bool readable = false;       ///< the file parsed as a PDF and its page tree could be walked
  std::string version;         ///< header version, e.g. "1.7"
  std::size_t byte_size = 0;
  int page_count = 0;          ///< number of leaf pages found in the page tree
  std::vector<PdfPageInfo> pages;

  bool encrypted = false;      ///< trailer has /Encrypt
  bool has_javascript = false; ///< /JavaScript name tree, /JS or /S /JavaScript anywhere
  bool has_actions = false;    ///< /OpenAction, /AA, or any action dict (/S …) incl. Launch
  std::vector<std::string> action_kinds;  ///< sorted, unique: "OpenAction", "AA", "Launch", "JavaScript", "URI", …

  std::vector<PdfFontInfo> fonts;  ///< sorted by base_font
  /// True when every font is embedded and has a ToUnicode map (the archive's font check).
  bool all_fonts_embedded_with_unicode() const;

  // Document Info dictionary, decoded to UTF-8 (PDFDocEncoding or UTF-16BE).
  std::string title, author, subject, keywords, creator, producer;
  std::string creation_date;   ///< raw PDF date string, e.g. "D:20090902000000+08'00'"
  std::string mod_date;

  // PDF/A-related structure (no full validation: no validator is installable here).
  bool has_xmp = false;        ///< catalog /Metadata stream present
  std::string pdfa_part;       ///< pdfaid:part from the XMP ("2"), empty if none
  std::string pdfa_conformance;///< pdfaid:conformance ("U", "B", "A")
  bool has_output_intent = false;  ///< catalog /OutputIntents with a GTS_PDFA1 entry
};

/// Inspects PDF bytes. `name` is used as the file in diagnostics (PDF-READ, PDF-ENCRYPTED, …).
/// Never throws for bad input; throws only on a bug or out of memory. Starts one isolated
/// worker process for this call; to inspect many files, use a PdfInspector.
PdfInfo inspect_pdf(std::string_view bytes, const std::string& name, core::DiagnosticSink& sink);

/// Inspects many PDFs with the same isolation as inspect_pdf, at the cost of one fork for all:
/// the parse runs in a forked worker process that is reused from file to file (PoDoFo 0.9.8 has
/// known crashes on crafted files; a crash or hang kills only the worker). When the worker dies
/// on a file, that file is parsed once more, alone, in a fresh worker (so an earlier file can
/// never be blamed) and its result is a PDF-READ error if it dies again; the next file gets a
/// fresh worker. Not thread-safe: give each thread its own inspector. Results are identical
/// to inspect_pdf's.
class PdfInspector {
 public:
  PdfInspector();
  ~PdfInspector();  ///< ends and reaps the worker
  PdfInspector(const PdfInspector&) = delete;
  PdfInspector& operator=(const PdfInspector&) = delete;

  /// Starts the worker now (it starts on first use otherwise). Call it before starting other
  /// threads: forking while another thread holds a lock is what to avoid.
  void start();
  /// Same contract as inspect_pdf.
  PdfInfo inspect(std::string_view bytes, const std::string& name, core::DiagnosticSink& sink);

  /// Starts inspecting `bytes` and returns at once, so the caller can work (hash, parse XML)
  /// while the worker parses: two cores busy without threads. At most one file in flight:
  /// collect() before the next submit() or inspect().
  void submit(std::string bytes, std::string name);
  /// True between submit() and collect().
  bool pending() const;
  /// The result of the file submitted last (same contract as inspect_pdf).
  PdfInfo collect(core::DiagnosticSink& sink);

 private:
  struct Worker;
  /// Turns a worker round trip into the result (retries once in a fresh worker if it died).
  PdfInfo finish(int outcome, std::string_view bytes, const std::string& name, std::string& reply,
                 core::DiagnosticSink& sink);
  std::unique_ptr<Worker> worker_;
};

/// The parse itself, in this process, without the worker's isolation: a PoDoFo crash or hang
/// takes the caller down. For the fuzz target (tests/fuzz/pdf_inspect.cc), which must see such
/// crashes; everything else uses inspect_pdf or a PdfInspector.
PdfInfo inspect_pdf_in_process(std::string_view bytes, const std::string& name, core::DiagnosticSink& sink);

/// Reads and inspects a file. A file that cannot be read gives a PDF-READ error diagnostic and
/// `readable == false` (no exception).
PdfInfo inspect_pdf_file(const std::filesystem::path& path, core::DiagnosticSink& sink);

}  // namespace wenshu::pdf

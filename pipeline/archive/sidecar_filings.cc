// Sidecars on disk → filings (see sidecar_filings.h).
#include "archive/sidecar_filings.h"

#include "archive/digest.h"
#include "archive/ofd_facts.h"
#include "archive/pdf_problems.h"
#include "archive/sidecar.h"
#include "core/file_io.h"
#include "pdf/inspect.h"

namespace wenshu::archive {

namespace fs = std::filesystem;

std::vector<model::Filing> read_filings(const std::vector<fs::path>& sidecars, int year, core::DiagnosticSink& sink,
                                        const std::function<bool(const model::FiledDocument&)>& accept) {
  std::vector<model::Filing> out;
  pdf::PdfInspector inspector;  // one isolated worker for all PDFs (not one fork per PDF)
  for (const fs::path& sc : sidecars) {
    auto doc = read_sidecar(sc, sink);
    if (!doc || (year != 0 && doc->year != year) || (accept && !accept(*doc))) continue;
    model::Filing filing;
    filing.origin = sc;
    std::vector<model::FiledComponent> present;
    for (const auto& c : doc->components) {
      model::FiledBytes b;
      std::string bytes, why;
      try {
        // Only files inside the sidecar's folder (core::resolve_inside): a folder handed in
        // for filing cannot make pack read, let alone file, anything elsewhere.
        const auto file = resolve_component(sc, c, kMaxComponentBytes, why);
        if (!file) throw std::runtime_error(why);
        b.file = *file;
        bytes = core::read_file(b.file, kMaxComponentBytes);
      } catch (const std::exception& e) {
        sink.push({.rule = "DA-1", .location = {sc.string()}, .record_id = doc->title,
                   .message = "组件文件“" + c.path + "”无法归档：" + (why.empty() ? e.what() : why)});
        continue;
      }
      core::DiagnosticSink pdf_sink;
      pdf::PdfInfo info;
      if (is_ofd_name(c.path)) {
        b.facts = ofd_facts(bytes, b.file.string());  // an OFD-A rendition (docs/ofd.md §6)
        info.readable = true;                          // its finding is in the facts
      } else {
        info = inspector.inspect(bytes, b.file.string(), pdf_sink);
        b.facts = pdf_facts(info);
      }
      const Digests dg = digest_bytes(bytes);
      b.facts.sha256 = dg.sha256, b.facts.sm3 = dg.sm3, b.facts.size = dg.size;
      // The reader's own words about an unreadable file (PDF-READ …) go with the DA-6 finding,
      // unless the file changed after it was produced (then DA-5 is the one finding).
      const bool changed = (!c.sha256.empty() && c.sha256 != dg.sha256) || (!c.sm3.empty() && c.sm3 != dg.sm3);
      if (!info.readable && !changed) sink.merge(std::move(pdf_sink));
      filing.files.push_back(std::move(b));
      present.push_back(c);
    }
    if (present.empty() && !doc->components.empty()) continue;  // the missing files are the findings
    doc->components = std::move(present);
    filing.doc = std::move(*doc);
    out.push_back(std::move(filing));
  }
  return out;
}

}  // namespace wenshu::archive

// PDF and OFD renditions of one page model (see renditions.h).
#include "job/renditions.h"

#include "core/file_io.h"
#include "ofd/writer.h"
#include "pdf/writer.h"

namespace wenshu::job {

std::optional<Renditions> parse_renditions(const std::string& text) {
  if (text == "pdf") return Renditions{true, false};
  if (text == "ofd") return Renditions{false, true};
  if (text == "both") return Renditions{true, true};
  return std::nullopt;
}

bool make_renditions(const model::PagedDocument& paged, const Renditions& as, bool pdfa, RenditionBytes& out,
                     core::DiagnosticSink& sink, const ofd::WriteOptions& ofd_options) {
  core::DiagnosticSink local;
  if (as.pdf) {
    pdf::WriteOptions wo;
    wo.pdfa = pdfa;
    out.pdf = pdf::write_pdf(paged, local, wo);
  }
  if (as.ofd) out.ofd = ofd::write_ofd(paged, local, ofd_options);
  const bool ok = !local.has_errors() && (!as.pdf || !out.pdf.empty()) && (!as.ofd || !out.ofd.empty());
  sink.merge(std::move(local));
  return ok;
}

std::vector<std::filesystem::path> save_renditions(const std::filesystem::path& pdf_path, const RenditionBytes& bytes,
                                                   core::OutputBatch* batch) {
  auto save = [&](const std::filesystem::path& path, const std::string& data) {
    if (batch) batch->write(path, data);
    else core::write_file_atomic(path, data);
  };
  std::vector<std::filesystem::path> written;
  if (!bytes.pdf.empty()) {
    save(pdf_path, bytes.pdf);
    written.push_back(pdf_path);
  }
  if (!bytes.ofd.empty()) {
    std::filesystem::path ofd_path = pdf_path;
    ofd_path.replace_extension(".ofd");
    save(ofd_path, bytes.ofd);
    written.push_back(ofd_path);
  }
  return written;
}

}  // namespace wenshu::job

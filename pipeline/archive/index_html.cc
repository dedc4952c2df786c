// index.html of the dossier: the stylesheet templates/dossier-index.xsl over the dossier's own
// 归档文件目录.xml, with its 分类方案.xml and a listing of each 件's folder and files (see the
// stylesheet). The HTML is written by libxslt: escaping and the percent-encoding of links are
// libxml2's.
#include <stdexcept>

#include "archive/dossier.h"
#include "compose/xslt_runner.h"
#include "core/data_dir.h"
#include "xml/writer.h"

namespace wenshu::archive {

namespace {

/// The page's sections (runs of one 保管期限 and class, in catalogue order) and each 件's folder
/// (relative to data/) and files: <files><section retention class><item code folder><file
/// name role/>…</item>…</section>…</files>.
std::string file_listing(const std::vector<FiledItem>& items) {
  xml::Writer x;
  x.open("files");
  for (std::size_t i = 0; i < items.size(); ++i) {
    const auto& it = items[i];
    if (i == 0 || it.retention != items[i - 1].retention || it.class_code != items[i - 1].class_code) {
      if (i > 0) x.close();
      x.open("section", {{"retention", it.retention}, {"class", it.class_code}});
    }
    x.open("item", {{"code", it.archival_code}, {"folder", it.folder.substr(5)}});
    for (const auto& f : it.files) x.leaf("file", "", {{"name", f.name}, {"role", f.role}});
    x.close();
  }
  if (!items.empty()) x.close();
  x.close();
  return x.take();
}

}  // namespace

std::string index_html(const std::vector<FiledItem>& items, const DossierInfo& info, std::string_view catalogue,
                       std::string_view scheme) {
  static compose::XsltRunner runner(core::data_path("templates"));
  core::DiagnosticSink sink;
  const std::string listing = file_listing(items);
  const compose::InputDocuments documents{{"files", listing}, {"scheme", scheme}};
  std::optional<std::string> html;
  if (auto input = compose::parse_xml(catalogue, kCatalogueName, sink))
    html = runner.transform(core::data_path("templates/dossier-index.xsl"), input.get(),
                            {{"package-id", info.package_id}, {"filing-date", core::format_date(info.filing_date)}},
                            "index.html", sink, &documents);
  if (!html) {
    // Our own stylesheet over our own catalogue: failing is an installation problem.
    std::string why;
    for (const auto& d : sink.items()) why += "\n" + core::format_text(d);
    throw std::runtime_error("index.html: templates/dossier-index.xsl failed" + why);
  }
  return std::move(*html);
}

}  // namespace wenshu::archive

// Archive test helpers (see archive_support.h).
#include "archive/archive_support.h"

#include <fmt/format.h>

#include "archive/digest.h"
#include "archive/sidecar.h"
#include "core/file_io.h"

namespace wenshu::test {

std::string minimal_pdf(int pages, const std::string& tag) {
  std::string out = "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n";
  std::vector<std::size_t> offsets;
  auto obj = [&](const std::string& body) {
    offsets.push_back(out.size());
    out += fmt::format("{} 0 obj\n{}\nendobj\n", offsets.size(), body);
  };
  obj("<< /Type /Catalog /Pages 2 0 R >>");
  std::string kids;
  for (int i = 0; i < pages; ++i) kids += fmt::format("{} 0 R ", 4 + i);
  obj(fmt::format("<< /Type /Pages /Kids [{}] /Count {} >>", kids, pages));
  obj("<< /Title (" + tag + ") /Producer (wenshu test) >>");
  for (int i = 0; i < pages; ++i) obj("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>");
  const std::size_t xref = out.size();
  out += fmt::format("xref\n0 {}\n0000000000 65535 f \n", offsets.size() + 1);
  for (std::size_t o : offsets) out += fmt::format("{:010d} 00000 n \n", o);
  out += fmt::format("trailer\n<< /Size {} /Root 1 0 R /Info 3 0 R >>\nstartxref\n{}\n%%EOF\n", offsets.size() + 1, xref);
  return out;
}

model::FiledDocument sample_doc(const std::string& kind, const std::string& regulation, const std::string& title,
                                int month, int day, int pages) {
  model::FiledDocument d;
  d.committee_id = "ganzhou";
  d.committee_name = "中共张掖市甘州区委员会";
  d.year = 2024;
  d.regulation = regulation;
  d.kind = kind;
  d.title = title;
  d.doc_number = fmt::format("甘区委发〔2024〕{}号", month * 10 + day);
  d.author = "中共张掖市甘州区委员会";
  d.date = {2024, month, day};
  d.main_recipients = "各乡镇党委";
  d.components.push_back({"正本", "", pages, "PDF/A-2u", "", ""});
  d.source_records = {fmt::format("rec-{}-{}", month, day)};
  return d;
}

void write_submission(const std::filesystem::path& dir, int count) {
  static const char* kinds[][2] = {{"通知", "ZH"}, {"调研报告", "DY"}, {"会议纪要", "TG"}, {"请假条", "JD"},
                                   {"督查通知", "DB"}, {"咨询论证报告", "ZX"}};
  for (int i = 0; i < count; ++i) {
    const auto& k = kinds[i % 6];
    const int pages = 1 + i % 3;
    auto d = sample_doc(k[0], k[1], fmt::format("关于第{}项工作的{}", i + 1, k[0]), 1 + i % 12, 1 + i % 28, pages);
    const std::string name = fmt::format("doc-{:05d}.pdf", i);
    const std::string pdf = minimal_pdf(pages, fmt::format("doc {}", i));
    core::write_file_atomic(dir / k[0] / name, pdf);
    const auto dg = archive::digest_bytes(pdf);
    d.components[0].path = name;
    d.components[0].sha256 = dg.sha256;
    d.components[0].sm3 = dg.sm3;
    archive::write_sidecar(d, archive::sidecar_path_for(dir / k[0] / name));
  }
}

}  // namespace wenshu::test

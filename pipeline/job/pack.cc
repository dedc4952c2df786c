// `pack` job (see pack.h).
#include "job/pack.h"

#include <fmt/format.h>

#include "archive/profile.h"
#include "core/file_io.h"
#include "job/build_folder.h"
#include "job/catalogue_pdf.h"

namespace wenshu::job {

PackRunResult pack(const archive::PackOptions& options, const Shard& shard) {
  PackRunResult r;
  try {
    auto profile = archive::default_profile(r.sink);
    if (!profile) {
      r.fatal = "archive profile could not be read";
      return r;
    }
    for (const auto& in : options.inputs)
      if (const std::string problem = core::input_path_problem(in); !problem.empty()) {
        r.fatal = in.string() + ": " + problem;
        return r;
      }
    // What a build wrote is packed as its record says, not as the folder happens to look.
    archive::PackOptions o = options;
    o.inputs = recorded_sidecars(options.inputs, r.sink);
    if (!o.set_catalogue) o.set_catalogue = catalogue_pdf;
    if (!shard.whole())
      o.accept = [shard](const model::FiledDocument& d) { return shard.has(d.committee_id + "/" + std::to_string(d.year)); };
    if (o.inputs.empty() && !o.accept && !r.sink.has_errors())
      r.sink.push({.rule = "DA-1", .location = {options.inputs.empty() ? std::string() : options.inputs.front().string()},
                   .message = fmt::format("没有找到 {} 年度的归档附属文件（*.pdf.xml）", options.year)});
    if (!r.sink.has_errors()) r.bags = archive::pack_year(o, *profile, r.sink);
  } catch (const std::exception& e) {
    r.fatal = e.what();
    r.bags.clear();
  }
  r.sink.sort();
  return r;
}

std::string format_pack_report(const PackRunResult& r) {
  std::string s;
  for (const auto& d : r.sink.items()) s += core::format_text(d) + "\n";
  if (!r.fatal.empty()) s += "wenshu pack: " + r.fatal + "\n";
  for (const auto& b : r.bags) {
    s += fmt::format("{}: {} 件, {} files, {} bytes\n", b.zip.string(), b.items, b.payload_files, b.payload_bytes);
    s += fmt::format("  SHA-256(zip)                 = {}\n", b.zip_sha256);
    s += fmt::format("  SM3(tagmanifest-sm3.txt)     = {}\n", b.tagmanifest_sm3_sm3);
    s += fmt::format("  SHA-256(tagmanifest-sm3.txt) = {}\n", b.tagmanifest_sm3_sha256);
    if (!b.signer.empty()) s += fmt::format("  SM2 签名 / signed by          {}\n", b.signer);
  }
  s += fmt::format("pack: {} dossier(s), {} error(s), {} warning(s)\n", r.bags.size(),
                   r.sink.count(core::Severity::kError), r.sink.count(core::Severity::kWarning));
  return s;
}

}  // namespace wenshu::job

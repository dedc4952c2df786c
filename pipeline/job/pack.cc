// `pack` job (see pack.h).
#include "job/pack.h"

#include <fmt/format.h>

#include "archive/profile.h"
#include "core/file_io.h"
#include "ingest/profile_reader.h"
#include "job/build_folder.h"
#include "job/catalogue_pdf.h"

namespace wenshu::job {

PackRunResult pack(const archive::PackOptions& options, const Shard& shard,
                   const std::optional<std::filesystem::path>& rules_profile) {
  PackRunResult r;
  try {
    auto profile = archive::default_profile(r.sink);
    if (!profile) {
      r.cannot_run("archive profile could not be read");
      return r;
    }
    const auto rules = ingest::load_profile(rules_profile, r.sink);
    if (!rules) {
      r.cannot_run("rule profile could not be read");
      return r;
    }
    for (const auto& in : options.inputs)
      if (const std::string problem = core::input_path_problem(in); !problem.empty()) {
        r.cannot_run(in.string() + ": " + problem);
        return r;
      }
    // What a build wrote is packed as its record says, not as the folder happens to look.
    archive::PackOptions o = options;
    if (o.fonds_by_committee.empty())
      for (const auto& p : rules->params)
        if (p.name.rfind("da.fonds.", 0) == 0 && !p.text.empty()) o.fonds_by_committee[p.name.substr(9)] = p.text;
    o.inputs = recorded_sidecars(options.inputs, r.sink);
    if (!o.set_catalogue) o.set_catalogue = catalogue_pdf;
    if (!shard.whole())
      o.accept = [shard](const model::FiledDocument& d) { return shard.has(d.committee_id + "/" + std::to_string(d.year)); };
    if (o.inputs.empty() && !o.accept && !r.sink.has_errors())
      r.sink.push({.rule = "DA-1", .location = {options.inputs.empty() ? std::string() : options.inputs.front().string()},
                   .message = fmt::format("没有找到 {} 年度的归档附属文件（*.pdf.xml）", options.year)});
    if (!r.sink.has_errors()) r.bags = archive::pack_year(o, *profile, r.sink);
  } catch (const std::exception& e) {
    r.cannot_run(e.what());
    r.bags.clear();
  }
  r.sink.sort();
  return r;
}

}  // namespace wenshu::job

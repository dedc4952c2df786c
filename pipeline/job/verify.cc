// `verify` job (see verify.h).
#include "job/verify.h"

#include <fmt/format.h>

#include "core/file_io.h"
#include "job/build_folder.h"

namespace wenshu::job {

VerifyRunResult verify(const std::vector<std::filesystem::path>& paths, const VerifyOptions& options) {
  VerifyRunResult r;
  try {
    auto profile = archive::default_profile(r.sink);
    if (!profile) {
      r.cannot_run("archive profile could not be read");
      return r;
    }
    for (const auto& p : paths) {
      if (const std::string problem = core::input_path_problem(p); !problem.empty()) {
        r.cannot_run(p.string() + ": " + problem);
        return r;
      }
      if (!options.shard.has(p.filename().string())) continue;
      archive::VerifyStats stats;
      archive::verify_dossier(p, *profile, r.sink, stats, options.limits, options.expect, options.trusted);
      r.checked.emplace_back(p, stats);
      std::optional<Provenance> from;
      if (options.name_build) from = dossier_provenance(p, options.build_record, r.sink);
      r.builds.push_back(from ? from->text() : std::string());
      if (options.progress) options.progress("检测 / verifying", r.checked.size(), paths.size());
    }
  } catch (const std::exception& e) {
    r.cannot_run(e.what());
  }
  return r;
}

}  // namespace wenshu::job

// `check` as a library call: a submission folder before packing — the DA checks of every
// sidecar and its PDFs (archive::load_items: DA-1, DA-3, DA-4, DA-5, DA-6), the arrangement
// (DA-2), and the GW rules on every 公文 document-model XML file found in the folder. A path
// that is a dossier (.zip or a folder with bagit.txt) is verified as a dossier instead; an .ofd
// file is read and checked by the OFD reader (ofd/reader.h).
#pragma once
#include <filesystem>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "job/exit_code.h"

namespace wenshu::job {

/// Result of a check run.
struct CheckRunResult : RunStatus {
  core::DiagnosticSink sink;
  std::size_t items = 0, documents = 0, dossiers = 0, ofd_files = 0;
  std::vector<std::string> builds;  ///< "<dossier>: 构建 …": the build each dossier came from, when known
  int exit_code() const { return exit_code_of(could_not_run, sink.has_errors()); }
};

/// Checks each path. `year` 0 = every year found.
CheckRunResult check(const std::vector<std::filesystem::path>& paths, int year);

}  // namespace wenshu::job

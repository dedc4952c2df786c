// `check` job (see check.h).
#include "job/check.h"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "archive/arrange.h"
#include "archive/pack.h"
#include "archive/verify.h"
#include "core/file_io.h"
#include "ingest/document_reader.h"
#include "job/build_folder.h"
#include "ofd/reader.h"
#include "rules/gw.h"

namespace wenshu::job {

namespace fs = std::filesystem;

/// True for a 公文 document-model file (root element in urn:wenshu:gongwen:1), judged from the
/// first 4 KiB so records and sidecars are not parsed twice.
static bool looks_like_document(const fs::path& p) {
  std::string head;
  try {
    head = core::read_head(p, 4096);
  } catch (const std::exception&) {
    return false;
  }
  return head.find("urn:wenshu:gongwen:1") != std::string::npos;
}

CheckRunResult check(const std::vector<fs::path>& paths, int year) {
  CheckRunResult r;
  try {
    auto profile = archive::default_profile(r.sink);
    if (!profile) {
      r.cannot_run("archive profile could not be read");
      return r;
    }
    std::vector<fs::path> folders;
    for (const auto& p : paths) {
      std::error_code ec;
      if (const std::string problem = core::input_path_problem(p); !problem.empty()) {
        r.cannot_run(p.string() + ": " + problem);
        return r;
      }
      if (fs::is_regular_file(p, ec) && p.extension() == ".ofd") {
        // An OFD rendition: package limits, schemas, references (docs/ofd.md §Checking).
        ofd::read_ofd_file(p, r.sink);
        ++r.ofd_files;
        continue;
      }
      const bool dossier = (fs::is_regular_file(p, ec) && p.extension() == ".zip") || fs::exists(p / "bagit.txt", ec);
      if (dossier) {
        archive::VerifyStats st;
        archive::verify_dossier(p, *profile, r.sink, st);
        ++r.dossiers;
        if (const auto from = dossier_provenance(p, std::nullopt, r.sink)) r.builds.push_back(p.string() + ": " + from->text());
        continue;
      }
      folders.push_back(p);
    }
    if (!folders.empty()) {
      std::vector<archive::CheckResult> results;
      // Below a folder a build wrote: what its record lists, as stand-alone pack takes it.
      auto items = archive::load_items(recorded_sidecars(folders, r.sink), year, *profile, r.sink, results);
      r.items = items.size();
      // DA-2 on the arrangement the pack would make, per committee.
      std::map<std::string, std::vector<archive::FiledItem>> by_committee;
      for (auto& it : items) by_committee[it.doc.committee_id].push_back(std::move(it));
      for (auto& [id, list] : by_committee) {
        const std::string fonds = list.front().doc.fonds_code.empty() ? "0000" : list.front().doc.fonds_code;
        archive::arrange(list, *profile, fonds, r.sink);
      }
      // GW rules on the 公文 files of the submission.
      std::vector<fs::path> docs;
      for (const auto& f : folders) {
        std::error_code ec;
        if (fs::is_regular_file(f, ec)) {
          if (f.extension() == ".xml" && looks_like_document(f)) docs.push_back(f);
          continue;
        }
        for (fs::recursive_directory_iterator it(f, ec), end; !ec && it != end; it.increment(ec))
          if (it->is_regular_file(ec) && it->path().extension() == ".xml" && looks_like_document(it->path()))
            docs.push_back(it->path());
      }
      std::sort(docs.begin(), docs.end());
      for (const auto& d : docs) {
        auto doc = ingest::read_document(d, r.sink);
        if (!doc) continue;
        ++r.documents;
        rules::check_document(*doc, r.sink);
      }
    }
  } catch (const std::exception& e) {
    r.cannot_run(e.what());
  }
  r.sink.sort();
  return r;
}

}  // namespace wenshu::job

// What a rebuild may take over from the build before it: an output whose key is unchanged and
// whose files are still the bytes that build recorded. Files are checked against the record's
// digests; a small cache of file stats (OUT/.wenshu/stat-cache: size, times, inode, as git's
// index does) spares re-reading files nobody touched. The cache is only a shortcut: a file
// whose stats differ from it is hashed again.
#pragma once
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "job/build_record.h"
#include "job/render.h"
#include "job/render_records.h"

namespace wenshu::job {

/// The build before, seen from the next one.
class PreviousBuild {
 public:
  /// Nothing to reuse.
  PreviousBuild() = default;
  /// The record of OUT and its stat cache. `record` null: nothing to reuse.
  PreviousBuild(std::filesystem::path out, const BuildRecord* record);

  /// A document of the records: when the record has it with the same key and its files are
  /// intact, fills in `r` (files with digests, pages, diagnostics, the filing's bytes) and
  /// returns true. Thread-safe.
  bool reuse(RecordsRenderResult& r) const;
  /// The same for a 公文 file of the tree.
  bool reuse(RenderResult& r) const;
  /// A whole committee: when the record has it under the same key and every one of its
  /// documents that `in_shard` keeps was made (files intact) or refused there, fills in its
  /// documents (plan order; others marked elsewhere; no filing: the sidecars hold the
  /// metadata) and compose's findings, and returns true. Thread-safe.
  bool reuse(CommitteeRun& committee, std::vector<RecordsRenderResult>& results,
             const std::function<bool(const std::string& committee, int year)>& in_shard) const;
  /// A dossier with the same key whose ZIPs are intact, or nullptr.
  const RecordedDossier* dossier(const std::string& key) const;

 private:
  const RecordedDocument* document(const std::string& id, const std::string& key) const;
  bool intact(const std::vector<RecordedFile>& files) const;
  bool intact(const RecordedFile& f) const;

  std::filesystem::path out_;
  const BuildRecord* record_ = nullptr;
  std::map<std::string, const RecordedDocument*> documents_;
  std::map<std::string, const RecordedCommittee*> committees_;
  std::map<std::string, std::string> stats_;  ///< path → "size mtime ctime inode sha256"
};

/// Fills in the bytes of every component of `filing` (the PDF, and an OFD rendition beside it)
/// from the recorded files of its document under `out`: where they are, their digests, and
/// the document's page count, in the components' metadata as in their facts.
void fill_filed_bytes(model::Filing& filing, const std::filesystem::path& out, const std::vector<RecordedFile>& files,
                      int pages);

/// The stat line of a file as the cache keeps it ("" when it does not exist).
std::string stat_line(const std::filesystem::path& file);

/// Writes OUT/.wenshu/stat-cache for the outputs of `record` (after the commit, so that the
/// times are those of the files in place). A failure only costs re-reading next time.
void write_stat_cache(const std::filesystem::path& out, const BuildRecord& record);

}  // namespace wenshu::job

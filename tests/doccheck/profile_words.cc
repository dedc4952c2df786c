// The project's data the document checks use (see profile_words.h).
#include "doccheck/profile_words.h"

#include <stdexcept>

#include "ingest/records_reader.h"
#include "job/layout_profile_file.h"

namespace wenshu::doccheck {

std::vector<std::string> measure_words_of(const std::string& path) {
  core::DiagnosticSink sink;
  const auto p = job::read_layout_profile(path.empty() ? job::default_layout_profile_path() : std::filesystem::path(path), sink);
  if (!p) throw std::runtime_error("layout profile unreadable: " + (sink.items().empty() ? path : sink.items().front().message));
  return p->measure_words.words();
}

std::vector<BodyName> body_names_of(const std::string& folder) {
  core::DiagnosticSink sink;
  const model::Records records = ingest::read_records({folder}, sink);
  std::vector<BodyName> out;
  for (const auto& c : records.committees) out.push_back({c.name, c.short_name});
  if (out.empty()) throw std::runtime_error("no committee in the records under " + folder);
  return out;
}

}  // namespace wenshu::doccheck

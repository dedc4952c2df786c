// The profile readers (ingest/profile_reader.h, job/layout_profile_file.h, archive/profile.h):
// one input read as a rule profile override, a layout profile and an archive profile.
#include "archive/profile.h"
#include "fuzz_target.h"
#include "ingest/profile_reader.h"
#include "job/layout_profile_file.h"

WENSHU_FUZZ_TARGET(profiles) {
  static const auto shipped = [] {
    wenshu::core::DiagnosticSink sink;
    return wenshu::ingest::read_profile(wenshu::ingest::default_profile_path(), sink);
  }();
  const auto path = wenshu::fuzz::write_scratch("profile.xml", bytes);
  wenshu::core::DiagnosticSink sink;
  if (shipped) {
    auto rules = *shipped;
    (void)wenshu::ingest::apply_profile(rules, path, sink);
  }
  (void)wenshu::job::read_layout_profile(path, sink);
  (void)wenshu::archive::load_profile(path, sink);
}

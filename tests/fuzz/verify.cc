// `verify` of a dossier ZIP (archive/verify.h): container, BagIt tags, manifests, payload,
// catalogues and items, with the default archive profile and limits.
#include "archive/profile.h"
#include "archive/verify.h"
#include "fuzz_target.h"

WENSHU_FUZZ_TARGET(verify) {
  static const auto profile = wenshu::archive::builtin_profile();
  const auto path = wenshu::fuzz::write_scratch("dossier.zip", bytes);
  wenshu::core::DiagnosticSink sink;
  wenshu::archive::VerifyStats stats;
  (void)wenshu::archive::verify_dossier(path, profile, sink, stats);
}

// The OFD reader (ofd/reader.h): package, XML parts against the schemas, references, page text,
// with the archive profile checked.
#include "fuzz_target.h"
#include "ofd/reader.h"

WENSHU_FUZZ_TARGET(ofd) {
  wenshu::core::DiagnosticSink sink;
  wenshu::ofd::ReadOptions options;
  options.require_archive_profile = true;
  const auto info = wenshu::ofd::read_ofd(bytes, "fuzz.ofd", sink, options);
  if (info.readable) (void)info.text();
}

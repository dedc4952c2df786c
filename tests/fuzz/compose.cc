// Records → 公文 (compose/compose.h): a records file read as by `build`, then every document its
// committees call for composed (forced, so refused ones run too) through the templates and read
// back by the 公文 reader. Mutated values reach the XSLT templates and their output.
#include "compose/compose.h"
#include "fuzz_target.h"
#include "ingest/records_reader.h"

WENSHU_FUZZ_TARGET(compose) {
  static wenshu::compose::Composer composer;  // compiled templates, reused
  wenshu::core::DiagnosticSink sink;
  wenshu::ingest::RecordsReadOptions read_options;
  read_options.threads = 1;
  const auto records = wenshu::ingest::read_records_memory(bytes, "fuzz-records.xml", sink, read_options);
  wenshu::compose::ComposeOptions options;
  options.force = true;
  for (const auto& c : records.committees) (void)composer.compose_committee(records, c.id, options, sink);
}

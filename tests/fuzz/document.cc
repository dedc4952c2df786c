// The 公文 document reader (ingest/document_reader.h): secure load, schema validation and the
// document model, on one document held in memory; seal paths resolve inside a scratch folder.
#include "fuzz_target.h"
#include "ingest/document_reader.h"

WENSHU_FUZZ_TARGET(document) {
  wenshu::core::DiagnosticSink sink;
  (void)wenshu::ingest::read_document_memory(bytes, "fuzz-document.xml", sink, wenshu::fuzz::scratch_dir());
}

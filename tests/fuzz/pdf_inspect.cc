// The PDF inspector's parsing (pdf/inspect.h), in this process (no worker), so a PoDoFo crash
// on a crafted file surfaces here instead of being absorbed by the worker's isolation.
#include "fuzz_target.h"
#include "pdf/inspect.h"

WENSHU_FUZZ_TARGET(pdf_inspect) {
  wenshu::core::DiagnosticSink sink;
  (void)wenshu::pdf::inspect_pdf_in_process(bytes, "fuzz.pdf", sink);
}

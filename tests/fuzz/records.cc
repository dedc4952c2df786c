// The records reader (ingest/records_reader.h): secure load, schema validation, extraction of
// every record kind, reference resolution — on one records file held in memory.
#include <vector>

#include "fuzz_target.h"
#include "ingest/records_reader.h"

WENSHU_FUZZ_TARGET(records) {
  wenshu::core::DiagnosticSink sink;
  wenshu::ingest::RecordsReadOptions options;
  options.threads = 1;
  const auto records = wenshu::ingest::read_records_memory(bytes, "fuzz-records.xml", sink, options);
  if (!wenshu::fuzz::planted_bug_enabled()) return;
  // The planted bug (test-only, off unless WENSHU_FUZZ_PLANTED_BUG=1): a member whose 姓名 is
  // not a whole number of three-byte characters (an ASCII character among the Chinese ones)
  // makes this read one byte past a heap buffer. The samples' names are all Chinese, so only a
  // mutated file that still loads and validates can reach it.
  for (const auto& m : records.members) {
    if (m.name.size() % 3 == 0) continue;
    std::vector<char> copy(m.name.begin(), m.name.end());
    volatile std::size_t at = copy.size();  // volatile: the compiler must not see the bug
    volatile char past_the_end = copy.data()[at];
    (void)past_the_end;
  }
}

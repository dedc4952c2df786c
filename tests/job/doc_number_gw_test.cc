// The 发文字号 compose gives generated documents pass the validator's own 文号 rule (GW-1,
// GB/T 9704-2012 7.2.5). Here rather than in tests/compose: it needs wenshu_rules too.
#include <catch2/catch.hpp>

#include "compose/compose.h"
#include "compose/doc_number.h"
#include "compose/fixture.h"
#include "rules/gw.h"
#include "support/test_support.h"

namespace wenshu::compose {
namespace {

TEST_CASE("every generated 发文字号 passes GW-1") {
  const auto r = test::sample_records();
  Composer composer(test::source_dir() / "templates");
  int checked = 0;
  for (const char* committee : {"zhangye-city", "ganzhou"}) {
    core::DiagnosticSink sink;
    for (auto& c : composer.compose_committee(r, committee, {}, sink)) {
      if (!c.document || c.document->doc_number.empty()) continue;
      INFO(c.request.document_id() << " " << c.document->doc_number.value);
      core::DiagnosticSink gw;
      rules::check_gw1_doc_number(*c.document, gw);
      CHECK(gw.items().empty());
      ++checked;
    }
  }
  CHECK(checked >= 3);
}

}  // namespace
}  // namespace wenshu::compose

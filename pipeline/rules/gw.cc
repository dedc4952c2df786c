#include "rules/gw.h"

namespace wenshu::rules {

void check_document(const model::Document& doc, core::DiagnosticSink& sink) {
  check_gw1_doc_number(doc, sink);
  check_gw2_date(doc, sink);
  check_gw3_characters(doc, sink);
  check_gw4_title(doc, sink);
  check_gw5_headings(doc, sink);
  check_gw6_recipients(doc, sink);
  check_gw7_brackets(doc, sink);
  check_gw8_attachments(doc, sink);
}

}  // namespace wenshu::rules

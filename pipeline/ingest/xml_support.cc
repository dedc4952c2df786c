#include "ingest/xml_support.h"

#include <mutex>

#include <libxml/parser.h>

namespace wenshu::ingest {

void init_libxml() {
  static std::once_flag once;
  std::call_once(once, [] { xmlInitParser(); });
}

void silent_generic_error(void*, const char*, ...) {}

ThreadErrorScope::ThreadErrorScope(void* ctx, xmlStructuredErrorFunc handler)
    : old_structured_(xmlStructuredError), old_structured_ctx_(xmlStructuredErrorContext),
      old_generic_(xmlGenericError), old_generic_ctx_(xmlGenericErrorContext) {
  xmlSetStructuredErrorFunc(ctx, handler);
  xmlSetGenericErrorFunc(nullptr, &silent_generic_error);
}

ThreadErrorScope::~ThreadErrorScope() {
  xmlSetStructuredErrorFunc(old_structured_ctx_, old_structured_);
  xmlSetGenericErrorFunc(old_generic_ctx_, old_generic_);
}

}  // namespace wenshu::ingest

// libxml2 plumbing shared by the ingest readers: one-time initialisation and per-thread error
// routing. Internal to ingest (and compose/archive, which link libxml2 themselves).
#pragma once
#include <libxml/xmlerror.h>

namespace wenshu::ingest {

/// Calls xmlInitParser() exactly once per process (thread-safe).
void init_libxml();

/// A generic error function that prints nothing (libxml2 would print to stderr).
void silent_generic_error(void* ctx, const char* msg, ...);

/// For the current thread and the lifetime of the object: routes libxml2 errors raised outside
/// a context that has its own handler to `handler(ctx, error)` and silences the generic
/// (printf-style) channel; restores the previous handlers on destruction. libxml2 keeps these
/// handlers per thread, so this never affects another thread.
class ThreadErrorScope {
 public:
  ThreadErrorScope(void* ctx, xmlStructuredErrorFunc handler);
  ~ThreadErrorScope();
  ThreadErrorScope(const ThreadErrorScope&) = delete;
  ThreadErrorScope& operator=(const ThreadErrorScope&) = delete;

 private:
  xmlStructuredErrorFunc old_structured_;
  void* old_structured_ctx_;
  xmlGenericErrorFunc old_generic_;
  void* old_generic_ctx_;
};

}  // namespace wenshu::ingest

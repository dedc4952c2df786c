// Process-wide PoDoFo settings.
#include "pdf/podofo_setup.h"

#include <mutex>

#include <podofo/podofo.h>

namespace wenshu::pdf {

void podofo_quiet() {
  static std::once_flag once;
  std::call_once(once, [] {
    PoDoFo::PdfError::EnableLogging(false);
    PoDoFo::PdfError::EnableDebug(false);
  });
}

}  // namespace wenshu::pdf

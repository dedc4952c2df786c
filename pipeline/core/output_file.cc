// Rendered output files (see output_file.h).
#include "core/output_file.h"

#include "core/file_io.h"

namespace wenshu::core {

bool write_output_file(const std::filesystem::path& path, std::string_view bytes, const DiagnosticSink& local,
                       DiagnosticSink& sink) {
  for (const auto& d : local.items()) {
    Diagnostic copy = d;
    if (copy.location.file.empty()) copy.location.file = path.string();
    sink.push(std::move(copy));
  }
  if (local.has_errors() || bytes.empty()) return false;
  write_file_atomic(path, bytes);
  return true;
}

}  // namespace wenshu::core

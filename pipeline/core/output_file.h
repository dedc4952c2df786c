// Writing a rendered output file (PDF, OFD) after its writer ran: the writer's diagnostics go to
// the caller's sink naming the file, and the bytes are written atomically only when the writer
// reported no error, so a bad document never leaves a file under the final name.
#pragma once
#include <filesystem>
#include <string_view>

#include "core/diagnostic.h"

namespace wenshu::core {

/// Moves the diagnostics of `local` into `sink` (with `path` as their file where they name
/// none); then, when `local` holds no error and `bytes` is not empty, writes `bytes` to `path`
/// with write_file_atomic. Returns whether it wrote. Throws std::runtime_error on I/O failure.
bool write_output_file(const std::filesystem::path& path, std::string_view bytes, const DiagnosticSink& local,
                       DiagnosticSink& sink);

}  // namespace wenshu::core

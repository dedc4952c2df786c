// An independent reading of a ZIP's central directory (no libzip), for the golden dossier listing
// and the determinism tests: one line per entry with name, sizes, method, flags, CRC, DOS time,
// version, external attributes and extra-field length.
#pragma once
#include <filesystem>
#include <string>

namespace wenshu::archive {

/// The listing, or a line starting with "error:" when the central directory cannot be read.
std::string zip_listing(const std::filesystem::path& zip);

}  // namespace wenshu::archive

// BagIt 1.0 (RFC 8493) tag files with the exact content of archive.md §12.3: bagit.txt,
// bag-info.txt (fixed label order, values from the input only), payload manifests and tag
// manifests for SHA-256 and SM3 (lines "<hex>  <path>", byte-wise path order, LF).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "archive/dossier.h"

namespace wenshu::archive {

/// bagit.txt: the two declaration lines.
std::string bagit_txt();
/// bag-info.txt for the bag (Payload-Oxum = payload bytes.files).
std::string bag_info_txt(const DossierInfo& info, const std::string& code_style, const std::string& scheme,
                         std::uint64_t payload_bytes, std::uint64_t payload_files, std::size_t item_count);
/// A manifest of `files` (each BagFile's digest for `alg`: "sha256" or "sm3"), sorted by path.
/// RFC 8493 §2.1.3: only LF, CR and % are percent-encoded in paths.
std::string manifest_txt(const std::vector<const BagFile*>& files, const std::string& alg);
/// Encodes a path for a manifest line (RFC 8493 §2.1.3).
std::string manifest_path_encode(const std::string& path);
/// Decodes %0A %0D %25 (anything else is left as is).
std::string manifest_path_decode(const std::string& path);

}  // namespace wenshu::archive

// `wenshu verify`: the 四性 checks of archive.md §12.6 on a dossier ZIP (read with libzip,
// never extracted) or an unpacked dossier folder, as passes over one record of what was observed
// (verify_passes.h). One diagnostic per finding, naming the 档号 or path: ZIP-… (container,
// paths, bombs), BAG-… (BagIt structure), DA-1…DA-6 (docs/rules.md).
#pragma once
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "archive/profile.h"
#include "core/diagnostic.h"

namespace wenshu::archive {

/// Limits that keep a hostile ZIP from exhausting memory, disk or time (docs/limits.md). Sizes
/// are checked on what the container declares before anything is read, and no entry is ever
/// read past its declared size, so the limits hold for the bytes actually inflated.
struct VerifyLimits {
  std::uint64_t max_entries = 200'000;
  std::uint64_t max_entry_bytes = std::uint64_t(1) << 30;   ///< one file
  std::uint64_t max_total_bytes = std::uint64_t(16) << 30;  ///< sum of declared sizes
  std::uint64_t max_ratio = 100;                            ///< uncompressed / compressed
  std::uint64_t ratio_free_bytes = std::uint64_t(1) << 20;  ///< entries up to this size may compress better
  std::uint64_t max_tag_bytes = std::uint64_t(64) << 20;    ///< a tag file or manifest
  std::uint64_t max_xml_bytes = std::uint64_t(16) << 20;    ///< one XML metadata file
  std::uint64_t max_xml_total_bytes = std::uint64_t(512) << 20;  ///< all XML kept for the item checks
};

/// What was checked (for the summary line).
struct VerifyStats {
  std::size_t entries = 0, payload_files = 0, items = 0, pdfs = 0;
  std::uint64_t payload_bytes = 0;
};

/// Verifies `path` (a .zip file or a dossier folder). Returns true when every check passed
/// (no error diagnostics were pushed). `expect`: a digest published when the dossier was packed
/// (SHA-256 of the ZIP, or SM3 or SHA-256 of tagmanifest-sm3.txt; 64 hex digits, optionally
/// "sha256:" or "sm3:" first); the dossier must match it (BAG-ANCHOR).
/// A dossier signed with SM2 (signature/signature-sm2.txt, docs/archive-signature.md) is checked
/// too: a note names the signer and the signing date, or one BAG-SIGNATURE finding says what
/// fails (the findings its change explains folded in); with `trusted` certificates (PEM) the
/// signer must be one of them. EEP packages (<key>.eep) and OFD-A renditions (.ofd) of the 件
/// are checked as well.
bool verify_dossier(const std::filesystem::path& path, const ArchiveProfile& profile, core::DiagnosticSink& sink,
                    VerifyStats& stats, const VerifyLimits& limits = {}, const std::string& expect = {},
                    const std::vector<std::string>& trusted = {});

/// archive.md §12.6 / RFC 8493 §6: a safe relative entry name (no "..", ".", empty parts,
/// absolute or drive paths, backslashes, control or Windows-reserved characters, reserved
/// device names). `why` receives the reason when unsafe.
bool safe_entry_name(const std::string& name, std::string& why);

}  // namespace wenshu::archive

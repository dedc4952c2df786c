// The SM2 signature of a dossier as verify sees it (docs/archive-signature.md): read the
// signature tag file and the tag files it covers from the container, check them, and say which
// other findings the signature's own finding already explains (so one changed tag file gives
// one finding, not one per check that notices it).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "archive/entry_source.h"
#include "archive/sign.h"
#include "core/diagnostic.h"

namespace wenshu::archive {

/// The signature check of the dossier whose entries `src` lists under `root` ("Z109-WS-2024/");
/// nullopt when the dossier carries no signature file.
std::optional<SignatureCheck> check_dossier_signature(EntrySource& src, const std::string& root,
                                                      const std::vector<std::string>& trusted);

/// Moves `findings` into `sink` with the signature's outcome: a valid signature adds a note
/// naming the signer and the signing date; an invalid one adds one BAG-SIGNATURE error, and the
/// errors about the signed tag files (bag-info.txt, manifest-sm3.txt, tagmanifest-sm3.txt and
/// what their change breaks) are folded into it when the signature names one of them as changed.
void report_signature(const std::optional<SignatureCheck>& check, const std::string& root, core::DiagnosticSink&& findings,
                      core::DiagnosticSink& sink);

}  // namespace wenshu::archive

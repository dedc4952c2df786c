// A build's output folder seen from the commands that read it afterwards: stand-alone `pack`
// and `check` take exactly the documents the build recorded (not whatever else lies in the
// folder), and `verify` and `check` name the build a dossier came from.
#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostic.h"

namespace wenshu::job {

/// The sidecars to read under `inputs`: every sidecar found (archive::find_sidecars), except
/// that below a folder holding a build record only those the build recorded are kept; the
/// others are named once (BUILD-STRAY warning) and left out. A build whose commit was
/// interrupted is finished first. A record that cannot be read is an error (BUILD-RECORD), and
/// then nothing below it is taken.
std::vector<std::filesystem::path> recorded_sidecars(const std::vector<std::filesystem::path>& inputs,
                                                     core::DiagnosticSink& sink);

/// Which build made a dossier, as far as a build record tells.
struct Provenance {
  std::filesystem::path record;   ///< the build record consulted
  std::string build_id;           ///< its id
  std::string program_version;
  bool listed = false;            ///< the record lists this dossier's bytes
  /// One line for the report: "构建 <id> (<record>)" or why the record does not vouch for it.
  std::string text() const;
};

/// The provenance of a dossier (a .zip, or an unpacked folder, matched by its
/// tagmanifest-sm3.txt): from `record` when given, else from the build record of the folder it
/// lies in (OUT/dossiers/X.zip → OUT/build-record.xml). Nothing when there is no record. When a
/// record covers the dossier's place but lists other bytes for it, a BUILD-RECORD error says
/// the dossier was replaced or changed after the build.
std::optional<Provenance> dossier_provenance(const std::filesystem::path& dossier,
                                             const std::optional<std::filesystem::path>& record,
                                             core::DiagnosticSink& sink);

}  // namespace wenshu::job

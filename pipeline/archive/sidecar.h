// Sidecar files: a model::FiledDocument persisted as `<pdf name>.xml` next to the rendered PDF
// (e.g. out/ganzhou/2024/通知/tz-003.pdf → tz-003.pdf.xml), schema schemas/filed-document.xsd.
// The render job writes them; `wenshu pack` and `wenshu check` read them. Format: UTF-8, LF,
// no BOM, fixed element order, so the same document gives the same bytes.
#pragma once
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "model/filed_document.h"

namespace wenshu::archive {

/// The sidecar suffix appended to the main PDF's file name.
inline constexpr const char* kSidecarSuffix = ".xml";

/// Sidecar path for a PDF: "x.pdf" → "x.pdf.xml".
std::filesystem::path sidecar_path_for(const std::filesystem::path& pdf);

/// The sidecar XML text for `doc` (deterministic bytes).
std::string sidecar_xml(const model::FiledDocument& doc);

/// Writes the sidecar atomically (core::write_file_atomic). Throws std::runtime_error on I/O
/// failure.
void write_sidecar(const model::FiledDocument& doc, const std::filesystem::path& path);

/// Reads and validates a sidecar (XML-… / DA-1 diagnostics on bad input). Component paths are
/// returned as written (relative to the sidecar's folder); use resolve_component() to open them.
std::optional<model::FiledDocument> read_sidecar(const std::filesystem::path& path,
                                                 core::DiagnosticSink& sink);

/// The largest component file a sidecar may name (docs/limits.md: the per-entry limit of a
/// dossier, so that pack never files what verify would refuse).
inline constexpr std::uint64_t kMaxComponentBytes = std::uint64_t(1) << 30;

/// The file a component names. A folder handed in for filing is untrusted: the path is resolved
/// against the sidecar's own folder and must stay inside it after resolving ".." and symbolic
/// links, and name a regular file of at most `max_bytes` (core::resolve_inside). Otherwise
/// nullopt, with `why` saying what is wrong (an absolute path, /dev/zero, ../../etc/passwd …).
std::optional<std::filesystem::path> resolve_component(const std::filesystem::path& sidecar,
                                                       const model::FiledComponent& component,
                                                       std::uint64_t max_bytes, std::string& why);

/// Every sidecar (`*.pdf.xml`) under the given files/folders, sorted byte-wise by path.
/// Symlinks are not followed. A PATH that is itself a sidecar is taken as is.
std::vector<std::filesystem::path> find_sidecars(const std::vector<std::filesystem::path>& roots);

}  // namespace wenshu::archive

// Reads a 公文 document file (schemas/gongwen.xsd, namespace urn:wenshu:gongwen:1) into the
// document model, keeping every text exactly as written together with the file:line:col it
// came from, so the GW rules can point at the offending character. Templates produce the
// same XML in memory, hence the in-memory variant.
#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "core/diagnostic.h"
#include "model/document.h"

namespace wenshu::ingest {

/// The namespace of the 公文 vocabulary.
inline constexpr const char* kGongwenNamespace = "urn:wenshu:gongwen:1";

/// Reads `path`: secure parse, XSD validation, model. Returns nullopt (after pushing XML-…
/// diagnostics) when the file cannot be read, parsed or validated. Values the schema cannot
/// judge (an impossible date, table rows that do not line up, a missing seal image) are
/// reported as XML-VALUE errors and the document is still returned.
std::optional<model::Document> read_document(const std::filesystem::path& path, core::DiagnosticSink& sink);

/// The same for bytes in memory; `name` is the file name used in locations and the default
/// id; relative seal image paths are taken from `base_dir` (default: the current folder).
std::optional<model::Document> read_document_memory(std::string_view bytes, const std::string& name,
                                                    core::DiagnosticSink& sink,
                                                    const std::filesystem::path& base_dir = {});

/// True when `bytes` start like a 公文 document: the root element is `document` in namespace
/// urn:wenshu:gongwen:1 (a cheap sniff for commands that accept several kinds of XML).
bool is_document_xml(std::string_view bytes);

}  // namespace wenshu::ingest

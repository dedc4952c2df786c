// OFD renditions in a dossier (docs/ofd.md §6): what the archive needs to know of an OFD file,
// measured by the OFD reader with the OFD-A profile (GB/T 42133-2022) required, in the same
// shape as a PDF's facts (model::FileFacts), so pack and verify treat both alike.
#pragma once
#include <string>
#include <string_view>

#include "model/filed_document.h"

namespace wenshu::archive {

/// True for a component file name that is an OFD (".ofd", any case).
bool is_ofd_name(std::string_view name);

/// The facts of OFD bytes: readable (package, schemas, references and the OFD-A profile all
/// sound), pages, fonts embedded; `unfit_why` is the reader's one finding otherwise. Digests
/// and size are left for the caller. Never throws for bad input.
model::FileFacts ofd_facts(std::string_view bytes, const std::string& name);

}  // namespace wenshu::archive

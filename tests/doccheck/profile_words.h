// What the document checks take from the project's data: the measure-word table of a layout
// profile (the same table the line breaker uses) and the body names of a records tree.
#pragma once
#include <string>
#include <vector>

#include "doccheck/wording_check.h"

namespace wenshu::doccheck {

/// The `measure-words` of the layout profile at `path` ("" = profiles/layout-default.xml).
/// Throws std::runtime_error when the profile cannot be read.
std::vector<std::string> measure_words_of(const std::string& path);

/// The committees of the records under `folder`: full name and short name.
std::vector<BodyName> body_names_of(const std::string& folder);

}  // namespace wenshu::doccheck

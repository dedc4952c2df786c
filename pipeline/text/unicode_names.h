// Unicode normalisation of names, with ICU: the key under which two ZIP entry names count as
// the same (docs/archive.md §12.6: "names unique after NFC and case folding") and the check
// that a name is written in Normalization Form C (§12.2). A stage of its own so that the
// archive stage, which needs only these two functions, includes no ICU header (and nothing from
// layout, the other stage that uses ICU). No ICU type crosses this header.
#pragma once
#include <string>

namespace wenshu::text {

/// Key for duplicate detection: NFC, Unicode default (full) case folding, NFC again. ASCII
/// names take a fast path (ASCII letters lowered); invalid UTF-8 falls back to the same ASCII
/// folding (such names are refused before they are compared).
std::string fold_name(const std::string& name);

/// True when `name` is valid UTF-8 in Unicode Normalization Form C.
bool is_nfc(const std::string& name);

}  // namespace wenshu::text

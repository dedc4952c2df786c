// Writing model records back as a records file (schemas/records.xsd), field by field as the
// kinds' descriptors name them (model/record_kinds.h). Synthetic years are written with it,
// and tests read what it writes to check that reader and descriptors agree.
#pragma once
#include <string>

#include "model/records.h"

namespace wenshu::ingest {

/// The bytes (UTF-8) of one records file holding every record of `records`, kind by kind
/// (model::RecordKinds order), under `<records committee=… year=…>` (empty / 0: not written).
/// A record whose committee is the file's leaves its committee attribute out; a value equal to
/// the schema's default is left out. Throws std::runtime_error only when libxml2 fails.
std::string write_records_file(const model::Records& records, const std::string& committee, int year);

}  // namespace wenshu::ingest

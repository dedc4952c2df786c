// A synthetic year of records (schemas/records.xsd) of any size, for benchmarks and load tests:
// a city committee and its county committees with members, meetings, decisions, research,
// supervision, trips … all valid against the schema and with every reference resolvable.
// Deterministic: the same options give the same bytes (no clock, no std::random_device).
#pragma once
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace wenshu::ingest {

/// What to generate.
struct SyntheticOptions {
  std::uint64_t seed = 1;
  std::size_t records = 10'000;          ///< approximate total number of records (± one file's members)
  int year = 2009;
  std::size_t records_per_file = 5'000;  ///< a committee's records are split into files of this size
  /// County committees under the city; 0 = one per 20 000 records, at least 6.
  std::size_t counties = 0;
};

/// What was generated.
struct SyntheticYear {
  std::vector<std::filesystem::path> files;  ///< in the order written (sorted by name)
  std::size_t records = 0;                   ///< records written
  std::uint64_t bytes = 0;                   ///< total size of the files
};

/// Writes the year into `dir` (created if needed) as <committee>-<nnn>.xml files, each with
/// core::write_file_atomic. Throws std::runtime_error on I/O failure.
SyntheticYear write_synthetic_year(const std::filesystem::path& dir, const SyntheticOptions& options);

}  // namespace wenshu::ingest

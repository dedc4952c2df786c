// --shard I/N: a deterministic partition of the work into N parts, so that N independent runs
// (on N machines, sharing nothing but the input) together do exactly what one run does. The
// unit is a committee × 年度 for build and pack ("ganzhou/2009"), a 公文 file for build, a
// dossier for verify. A unit's shard is a hash of its name alone: it does not depend on the
// other units, on the machine, or on the order the input was read in.
#pragma once
#include <optional>
#include <string>

namespace wenshu::job {

/// Part `index` (0-based) of `count`; {0, 1} is the whole.
struct Shard {
  unsigned index = 0;
  unsigned count = 1;
  bool whole() const { return count <= 1; }
  /// "I/N" ("" for the whole).
  std::string text() const;
  /// Whether `unit` belongs to this part.
  bool has(const std::string& unit) const;
};

/// Parses "I/N" with 0 <= I < N, N >= 1; nullopt with the reason in `why` otherwise.
std::optional<Shard> parse_shard(const std::string& spec, std::string& why);

/// The part (0 … count-1) a unit belongs to.
unsigned shard_of(const std::string& unit, unsigned count);

}  // namespace wenshu::job

// The fuzz targets (docs/fuzzing.md). Each target is one function from bytes to nothing that
// must never crash, hang or leak on any input; it registers itself with WENSHU_FUZZ_TARGET.
// The same target sources are linked two ways:
//  - with libFuzzer (clang, -DWENSHU_FUZZ=ON): one fuzz_<name> executable per target
//    (libfuzzer_main.cc), run by .ci/fuzz.sh under ASan + UBSan;
//  - with the normal build (g++): one fuzz_replay executable holding every target
//    (replay_main.cc), which ctest runs over tests/fuzz/regressions/<name>/ (every crash or
//    timeout ever found, kept) so a fixed bug stays fixed.
#pragma once
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace wenshu::fuzz {

using TargetFn = void (*)(std::string_view bytes);

struct Target {
  const char* name;
  TargetFn run;
};

/// Every target linked into this executable, in registration order.
std::vector<Target>& targets();

struct Registrar {
  Registrar(const char* name, TargetFn run) { targets().push_back({name, run}); }
};

/// A private scratch folder for this process (created on first use, removed at exit): targets
/// whose API takes a path write the input there.
const std::filesystem::path& scratch_dir();
/// Writes `bytes` to scratch_dir()/`name` and returns the path.
std::filesystem::path write_scratch(const std::string& name, std::string_view bytes);

/// True when the planted bug is switched on (WENSHU_FUZZ_PLANTED_BUG=1 in the environment): a
/// test-only flag that makes the records target read past a buffer on a condition only a
/// well-formed, schema-valid records file can meet, to show that a fuzz run finds such a bug.
bool planted_bug_enabled();

/// Reads bytes as small numbers and strings, front to back (the layout target builds a model
/// from them); past the end every read gives 0 or "".
class ByteReader {
 public:
  explicit ByteReader(std::string_view bytes) : rest_(bytes) {}
  bool empty() const { return rest_.empty(); }
  std::uint8_t byte();
  /// A number in [0, n) (n > 0).
  unsigned below(unsigned n) { return byte() % n; }
  /// A string of up to `max_bytes` bytes: a length byte, then the bytes.
  std::string text(std::size_t max_bytes);

 private:
  std::string_view rest_;
};

}  // namespace wenshu::fuzz

#define WENSHU_FUZZ_TARGET(name)                                                           \
  static void fuzz_target_##name(std::string_view bytes);                                  \
  static const ::wenshu::fuzz::Registrar fuzz_registrar_##name(#name, &fuzz_target_##name); \
  static void fuzz_target_##name(std::string_view bytes)

// Shards (see shard.h).
#include "job/shard.h"

#include <charconv>
#include <cstdint>

namespace wenshu::job {

std::string Shard::text() const { return whole() ? std::string() : std::to_string(index) + "/" + std::to_string(count); }

bool Shard::has(const std::string& unit) const { return whole() || shard_of(unit, count) == index; }

unsigned shard_of(const std::string& unit, unsigned count) {
  if (count <= 1) return 0;
  // FNV-1a over the name's bytes, then the splitmix64 finaliser so every bit mixes in.
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : unit) h = (h ^ c) * 0x100000001b3ULL;
  h = (h ^ (h >> 30)) * 0xBF58476D1CE4E5B9ULL;
  h = (h ^ (h >> 27)) * 0x94D049BB133111EBULL;
  h ^= h >> 31;
  return static_cast<unsigned>(h % count);
}

std::optional<Shard> parse_shard(const std::string& spec, std::string& why) {
  const auto slash = spec.find('/');
  auto number = [](std::string_view s, unsigned& v) {
    const auto r = std::from_chars(s.data(), s.data() + s.size(), v);
    return !s.empty() && r.ec == std::errc() && r.ptr == s.data() + s.size();
  };
  Shard s;
  if (slash == std::string::npos || !number(std::string_view(spec).substr(0, slash), s.index) ||
      !number(std::string_view(spec).substr(slash + 1), s.count)) {
    why = "应为 I/N，如 0/3（第 I 份，共 N 份，I 从 0 起）/ expected I/N, e.g. 0/3";
    return std::nullopt;
  }
  if (s.count == 0) {
    why = "份数 N 至少为 1 / N must be at least 1";
    return std::nullopt;
  }
  if (s.index >= s.count) {
    why = "序号 I 应小于份数 N（I 从 0 起，0 ≤ I < N）/ I must be less than N (0 ≤ I < N)";
    return std::nullopt;
  }
  return s;
}

}  // namespace wenshu::job

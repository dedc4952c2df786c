// Lengths as fixed-point integers so that layout is exact and deterministic across machines:
// 1 pt = 65536 sp (TeX's scaled point). A4 height is 5.5e7 sp; int64 leaves ample room.
#pragma once
#include <cstdint>

namespace wenshu::core {

/// A length in scaled points (1/65536 pt).
struct Sp {
  std::int64_t v = 0;
  constexpr Sp() = default;
  constexpr explicit Sp(std::int64_t raw) : v(raw) {}
  constexpr Sp operator+(Sp o) const { return Sp(v + o.v); }
  constexpr Sp operator-(Sp o) const { return Sp(v - o.v); }
  constexpr Sp operator-() const { return Sp(-v); }
  constexpr Sp& operator+=(Sp o) { v += o.v; return *this; }
  constexpr Sp& operator-=(Sp o) { v -= o.v; return *this; }
  constexpr Sp operator*(std::int64_t k) const { return Sp(v * k); }
  constexpr Sp operator/(std::int64_t k) const { return Sp(v / k); }
  constexpr auto operator<=>(const Sp&) const = default;
};

constexpr std::int64_t kSpPerPt = 65536;

/// Points to sp, rounded to nearest.
constexpr Sp pt(double points) {
  const double raw = points * kSpPerPt;
  return Sp(static_cast<std::int64_t>(raw < 0 ? raw - 0.5 : raw + 0.5));
}
/// Millimetres to sp (1 in = 25.4 mm = 72 pt), rounded to nearest.
constexpr Sp mm(double millimetres) { return pt(millimetres * 72.0 / 25.4); }
/// sp to points as a double (for output only; never feed back into layout).
constexpr double to_pt(Sp s) { return static_cast<double>(s.v) / kSpPerPt; }
constexpr double to_mm(Sp s) { return to_pt(s) * 25.4 / 72.0; }

}  // namespace wenshu::core

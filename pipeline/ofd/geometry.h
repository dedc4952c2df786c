// Coordinates for the OFD writer and reader: OFD measures in millimetres, origin at the page's
// top-left corner, y growing down (GB/T 33190-2016 §7.6), as the page model does; a 2×3 matrix
// "a b c d e f" maps (x, y) to (a·x + c·y + e, b·x + d·y + f), as an OFD CTM.
#pragma once
#include <cstdint>
#include <string>
#include <utility>

#include "core/units.h"

namespace wenshu::ofd {

/// sp → micrometres, rounded half away from zero (integer arithmetic: 1 pt = 25400/72 µm).
std::int64_t sp_to_um(core::Sp s);
/// Micrometres as millimetres with up to three decimals and no trailing zeros ("12.345", "-2").
std::string format_um(std::int64_t um);
/// A number with up to `decimals` decimals and no trailing zeros (for matrix entries).
std::string format_number(double v, int decimals = 6);

/// An affine map of the plane (an OFD CTM).
struct Affine {
  double a = 1, b = 0, c = 0, d = 1, e = 0, f = 0;
  std::pair<double, double> apply(double x, double y) const { return {a * x + c * y + e, b * x + d * y + f}; }
  /// `next` applied after this one.
  Affine then(const Affine& next) const;
  bool is_translation() const { return a == 1 && b == 0 && c == 0 && d == 1; }
  static Affine translate(double x, double y) { return {1, 0, 0, 1, x, y}; }
  static Affine scale(double sx, double sy) { return {sx, 0, 0, sy, 0, 0}; }
  /// Turns by `degrees` counter-clockwise as seen on the page (y down), exact for multiples of 90.
  static Affine rotate_ccw(int degrees);
  /// "a b c d e f" with format_number.
  std::string str() const;
};

}  // namespace wenshu::ofd

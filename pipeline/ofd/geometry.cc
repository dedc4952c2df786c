// Units and matrices for the OFD stage (see geometry.h).
#include "ofd/geometry.h"

#include <cmath>
#include <cstdio>

#include "pdf/content.h"

namespace wenshu::ofd {

std::int64_t sp_to_um(core::Sp s) {
  // µm = sp × 25400 / (72 × 65536); |sp| < 2^40 for any page, so the product fits in 64 bits.
  const std::int64_t num = s.v * 25400;
  const std::int64_t den = 72 * core::kSpPerPt;
  return num >= 0 ? (num + den / 2) / den : -((-num + den / 2) / den);
}

std::string format_um(std::int64_t um) { return pdf::format_milli(um); }

std::string format_number(double v, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  std::string s = buf;
  if (s.find('.') != std::string::npos) {
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
  }
  if (s == "-0") s = "0";
  return s;
}

Affine Affine::then(const Affine& n) const {
  return {n.a * a + n.c * b, n.b * a + n.d * b, n.a * c + n.c * d, n.b * c + n.d * d, n.a * e + n.c * f + n.e,
          n.b * e + n.d * f + n.f};
}

Affine Affine::rotate_ccw(int degrees) {
  // y down: the baseline direction (1, 0) turns to (cos θ, −sin θ) on the page.
  const int deg = ((degrees % 360) + 360) % 360;
  double c, s;
  if (deg == 0) c = 1, s = 0;
  else if (deg == 90) c = 0, s = 1;
  else if (deg == 180) c = -1, s = 0;
  else if (deg == 270) c = 0, s = -1;
  else {
    const double r = deg * 3.14159265358979323846 / 180.0;
    c = std::cos(r), s = std::sin(r);
  }
  return {c, -s, s, c, 0, 0};
}

std::string Affine::str() const {
  return format_number(a) + " " + format_number(b) + " " + format_number(c) + " " + format_number(d) + " " +
         format_number(e, 3) + " " + format_number(f, 3);
}

}  // namespace wenshu::ofd

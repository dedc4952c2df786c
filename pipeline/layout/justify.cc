#include "layout/justify.h"

#include <algorithm>

namespace wenshu::layout {

namespace {

// One flexible item of a step: which atom, how much it can give or take.
struct Flex {
  std::size_t k;
  Sp cap;
  Sp amount;
};

// Distributes `need` over `items` in proportion to their capacities (each kind "applied
// equally across the line", §C5); integer parts first, then the remainder 1 sp at a time from
// the left, so the total is exact. Returns what is still needed afterwards.
std::int64_t distribute(std::int64_t need, std::vector<Flex>& items) {
  std::int64_t total = 0;
  for (const auto& f : items) total += f.cap.v;
  if (need <= 0 || total <= 0) {
    for (auto& f : items) f.amount = Sp(0);
    return need;
  }
  if (need >= total) {
    for (auto& f : items) f.amount = f.cap;
    return need - total;
  }
  std::int64_t given = 0;
  for (auto& f : items) {
    // need < total ≤ a few 1e7 sp and cap ≤ 1e7 sp: the product fits easily in int64.
    f.amount = Sp(need * f.cap.v / total);
    given += f.amount.v;
  }
  for (auto& f : items) {
    if (given == need) break;
    if (f.amount < f.cap) {
      f.amount += Sp(1);
      ++given;
    }
  }
  return 0;
}

// Equal shares of `need` over `count` unlimited positions, remainder from the left.
Sp share(std::int64_t need, std::size_t count, std::size_t index) {
  const std::int64_t n = static_cast<std::int64_t>(count);
  const std::int64_t base = need / n;
  const std::int64_t rem = need % n;
  return Sp(base + (static_cast<std::int64_t>(index) < rem ? 1 : 0));
}

// Per-line working state, reused (no allocation in the steady state).
struct Work {
  std::vector<Sp> tl, tr, sw, gap, extra;
  std::vector<Flex> items;
};

Work& work() {
  thread_local Work w;
  return w;
}

bool compressible_class(const Atom& a) { return !a.latin_context && is_adjustable(a.cls); }

// What justification may add to a line (§C5 expansion): word spaces and Han–Western gaps up
// to ½ em, then at most stretch_max between characters. A line needing more (a long number
// with its unit or a Latin word went to the next line of a narrow cell) is left unjustified:
// a ragged line reads as what it is, a line spaced out by a third of an em reads as a typo.
std::int64_t stretch_capacity(std::span<const Atom> line, const FlexLimits& lim, const Work& w) {
  std::int64_t cap = 0, flexible = 0, spaces = 0;
  for (std::size_t k = 0; k < line.size(); ++k) {
    if (is_space_atom(line[k])) {
      cap += std::max<std::int64_t>(0, (lim.space_max - w.sw[k]).v);
      ++spaces;
    }
    if (k > 0 && w.gap[k].v > 0) cap += std::max<std::int64_t>(0, (lim.gap_max - w.gap[k]).v);
    if (k > 0 && flexible_between(line[k - 1], line[k])) ++flexible;
  }
  // A line of Latin words only: its word spaces take the rest (step 3), as far as a space may
  // grow in a Chinese line (1 em).
  if (flexible == 0) return cap + spaces * (lim.space_max.v * 2);
  return cap + flexible * lim.stretch_max.v;
}

}  // namespace

LineExtent line_extent(std::span<const Atom> line, const LineRequest& req) {
  LineExtent e;
  for (std::size_t k = 0; k < line.size(); ++k) {
    const Atom& a = line[k];
    e.natural += a.box();
    e.shrink += atom_shrink(a, req.limits);
    if (k > 0) {
      e.natural += a.gap_before;
      e.shrink += gap_shrink(a, req.limits);
      if (flexible_between(line[k - 1], a)) e.shrink += req.limits.tighten;
    }
  }
  if (!line.empty() && line[0].cls == CharClass::kOpen && !line[0].latin_context) {
    // The line-start bracket's blank is either given up for good (compress_start_open) or
    // kept: it is never squeeze room (set_line step 4).
    if (req.compress_start_open) e.natural -= left_blank(line[0]);
    e.shrink -= left_blank(line[0]);
  }
  // A mark that gave its blank to the mark after it gets it back when that mark is on the
  // next line (quanjiao: a line-end mark is full width unless the line must be squeezed).
  if (!line.empty() && line.back().trimmed_for_next) {
    e.natural += line.back().trim_right;
    e.shrink += line.back().trim_right;
  }
  return e;
}

namespace {

// One line being set: the working widths of its atoms and what is still needed to reach the
// measure (positive: too long, squeeze; negative: too short, stretch).
class LineSetter {
 public:
  LineSetter(std::span<const Atom> line, const LineRequest& req, Work& w, LineResult& r)
      : line_(line), req_(req), lim_(req.limits), w_(w), r_(r), n_(line.size()) {
    w_.tl.assign(n_, Sp(0));
    w_.tr.assign(n_, Sp(0));
    w_.sw.assign(n_, Sp(0));
    w_.gap.assign(n_, Sp(0));
    w_.extra.assign(n_, Sp(0));
    for (std::size_t k = 0; k < n_; ++k) {
      w_.tl[k] = line_[k].trim_left;
      w_.tr[k] = line_[k].trim_right;
      w_.sw[k] = line_[k].width;
      if (k > 0) w_.gap[k] = line_[k].gap_before;
    }
    // clreq: an opening bracket at line start may lose its leading ½ em.
    if (req_.compress_start_open && line_[0].cls == CharClass::kOpen && !line_[0].latin_context)
      w_.tl[0] = line_[0].blank_left;
    if (line_[n_ - 1].trimmed_for_next) w_.tr[n_ - 1] = Sp(0);  // see line_extent
    r_.natural = total();
    need_ = r_.natural.v - req_.measure.v;
  }

  void adjust() {
    if (need_ > 0) {
      squeeze();
    } else if (need_ < 0 && req_.justify && (!req_.cap_stretch || -need_ <= stretch_capacity(line_, lim_, w_))) {
      stretch();
    } else if (need_ < 0 && req_.justify) {
      r_.underfull = true;
    }
  }

  void place(std::vector<AtomPlacement>& out) const {
    Sp x;
    for (std::size_t k = 0; k < n_; ++k) {
      x += w_.gap[k] + w_.extra[k];
      out[k].box_x = x;
      out[k].box_width = box(k);
      out[k].glyph_x = x - w_.tl[k] + line_[k].glyph_dx;
      x += out[k].box_width;
    }
    r_.width = x;
  }

 private:
  Sp box(std::size_t k) const {
    return is_space_atom(line_[k]) ? w_.sw[k] : line_[k].width - w_.tl[k] - w_.tr[k];
  }
  Sp total() const {
    Sp x;
    for (std::size_t k = 0; k < n_; ++k) x += box(k) + w_.gap[k] + w_.extra[k];
    return x;
  }

  // One step of the squeeze or stretch order: collect what can give, share out what is needed.
  template <class Collect, class Apply>
  void step(Collect&& collect, Apply&& apply, bool shrinking) {
    if (need_ <= 0 && shrinking) return;
    if (need_ >= 0 && !shrinking) return;
    w_.items.clear();
    collect(w_.items);
    const std::int64_t want = shrinking ? need_ : -need_;
    const std::int64_t left = distribute(want, w_.items);
    for (const auto& f : w_.items) {
      if (f.amount.v) apply(f.k, f.amount);
    }
    need_ = shrinking ? left : -left;
  }

  void squeeze();
  void stretch();
  void stretch_evenly();

  std::span<const Atom> line_;
  const LineRequest& req_;
  const FlexLimits& lim_;
  Work& w_;
  LineResult& r_;
  std::size_t n_;
  std::int64_t need_ = 0;
};

// The squeeze order (GB/T 15834 5.1.10, clreq): each step only when the earlier ones fell short.
void LineSetter::squeeze() {
  auto& line = line_;
  auto& w = w_;
  auto& lim = lim_;
  r_.squeezed = true;
  const std::size_t last = n_ - 1;
  const std::size_t n = n_;
  // 1. punctuation at line end → ½ em (GB/T 15834 5.1.10).
  step([&](auto& items) {
    if (compressible_class(line[last]) && line[last].blank_right - w.tr[last] > Sp(0))
      items.push_back({last, line[last].blank_right - w.tr[last], {}});
  }, [&](std::size_t k, Sp a) { w.tr[k] += a; r_.ends_compressed = true; }, true);
  // 2. Western word spaces → ¼ em.
  step([&](auto& items) {
    for (std::size_t k = 0; k < n; ++k)
      if (is_space_atom(line[k]) && w.sw[k] > lim.space_min) items.push_back({k, w.sw[k] - lim.space_min, {}});
  }, [&](std::size_t k, Sp a) { w.sw[k] -= a; }, true);
  // 3. 间隔号 → ½ em, both sides equally.
  step([&](auto& items) {
    for (std::size_t k = 0; k < n; ++k)
      if (line[k].cls == CharClass::kMiddleDot && !line[k].latin_context) {
        const Sp cap = line[k].blank_left - w.tl[k] + line[k].blank_right - w.tr[k];
        if (cap > Sp(0)) items.push_back({k, cap, {}});
      }
  }, [&](std::size_t k, Sp a) { w.tl[k] += a / 2; w.tr[k] += a - a / 2; }, true);
  // 4. brackets, outer side → ½ em. Not an opening bracket's blank at the line start: that
  // blank is the bracket's place on the grid (（二） lines up under （一）); only
  // compress_start_open gives it up, for the whole paragraph alike.
  step([&](auto& items) {
    for (std::size_t k = 0; k < n; ++k) {
      if (!compressible_class(line[k]) || (k == 0 && line[k].cls == CharClass::kOpen)) continue;
      if (line[k].cls == CharClass::kOpen && line[k].blank_left > w.tl[k]) items.push_back({k, line[k].blank_left - w.tl[k], {}});
      if (line[k].cls == CharClass::kClose && line[k].blank_right > w.tr[k]) items.push_back({k, line[k].blank_right - w.tr[k], {}});
    }
  }, [&](std::size_t k, Sp a) { if (line[k].cls == CharClass::kOpen) w.tl[k] += a; else w.tr[k] += a; }, true);
  // Steps 5 and 7: the right blank of the marks of one class → ½ em.
  auto squeeze_right_blanks = [&](CharClass cls) {
    step([&](auto& items) {
      for (std::size_t k = 0; k < n; ++k)
        if (compressible_class(line[k]) && line[k].cls == cls && line[k].blank_right > w.tr[k])
          items.push_back({k, line[k].blank_right - w.tr[k], {}});
    }, [&](std::size_t k, Sp a) { w.tr[k] += a; }, true);
  };
  // 5. ，、；： → ½ em.
  squeeze_right_blanks(CharClass::kPause);
  // 6. Han–Western spacing → ⅛ em.
  step([&](auto& items) {
    for (std::size_t k = 1; k < n; ++k)
      if (w.gap[k] > lim.gap_min) items.push_back({k, w.gap[k] - lim.gap_min, {}});
  }, [&](std::size_t k, Sp a) { w.gap[k] -= a; }, true);
  // 7. 。？！ → ½ em.
  squeeze_right_blanks(CharClass::kStop);
  // 8. letter-spacing tightening, within the style's allowance (先挤进).
  step([&](auto& items) {
    for (std::size_t k = 1; k < n; ++k)
      if (lim.tighten > Sp(0) && flexible_between(line[k - 1], line[k])) items.push_back({k, lim.tighten, {}});
  }, [&](std::size_t k, Sp a) { w.extra[k] -= a; }, true);
  r_.overfull = need_ > 0;
}

// The stretch order (§C5 expansion): word spaces, Han–Western gaps, then between characters.
void LineSetter::stretch() {
  auto& line = line_;
  auto& w = w_;
  auto& lim = lim_;
  const std::size_t n = n_;
  r_.stretched = true;
  // 1. Western word spaces → ½ em.
  step([&](auto& items) {
    for (std::size_t k = 0; k < n; ++k)
      if (is_space_atom(line[k]) && w.sw[k] < lim.space_max) items.push_back({k, lim.space_max - w.sw[k], {}});
  }, [&](std::size_t k, Sp a) { w.sw[k] += a; }, false);
  // 2. Han–Western spacing → ½ em.
  step([&](auto& items) {
    for (std::size_t k = 1; k < n; ++k)
      if (w.gap[k].v > 0 && w.gap[k] < lim.gap_max) items.push_back({k, lim.gap_max - w.gap[k], {}});
  }, [&](std::size_t k, Sp a) { w.gap[k] += a; }, false);
  // 3. equal extra space between all remaining characters.
  if (need_ < 0) stretch_evenly();
  if (need_ < 0) r_.stretched = false;  // nothing can stretch: the line stays as it is
}

// Stretch step 3: equal shares between characters, or for a Latin-only line over its word
// spaces. Leaves need_ < 0 only when the line has neither.
void LineSetter::stretch_evenly() {
  std::size_t count = 0;
  for (std::size_t k = 1; k < n_; ++k) count += flexible_between(line_[k - 1], line_[k]) ? 1 : 0;
  const std::int64_t want = -need_;
  if (count > 0) {
    std::size_t idx = 0;
    for (std::size_t k = 1; k < n_; ++k)
      if (flexible_between(line_[k - 1], line_[k])) w_.extra[k] += share(want, count, idx++);
    need_ = 0;
    return;
  }
  // A Latin-only line: its word spaces take the rest.
  std::size_t spaces = 0;
  for (std::size_t k = 0; k < n_; ++k) spaces += is_space_atom(line_[k]) ? 1 : 0;
  if (spaces == 0) return;
  std::size_t idx = 0;
  for (std::size_t k = 0; k < n_; ++k)
    if (is_space_atom(line_[k])) w_.sw[k] += share(want, spaces, idx++);
  need_ = 0;
}

}  // namespace

LineResult set_line(std::span<const Atom> line, const LineRequest& req, std::vector<AtomPlacement>& out) {
  LineResult r;
  out.assign(line.size(), AtomPlacement{});
  if (line.empty()) return r;
  LineSetter setter(line, req, work(), r);
  setter.adjust();
  setter.place(out);
  return r;
}

}  // namespace wenshu::layout

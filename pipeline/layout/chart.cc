// Vector charts (see chart.h): a matrix drawer for grid/calendar, a plot drawer for line/bar,
// and small text helpers over the paragraph setter.
#include "layout/chart.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "layout/paragraph.h"

namespace wenshu::layout {
namespace {

using model::Color;

/// Everything a drawing step needs.
struct Canvas {
  DocumentFonts& fonts;
  std::vector<model::Item>& out;
  core::DiagnosticSink& sink;
  const ChartStyle& style;
  core::SourceLocation location;
};

ParagraphStyle label_style(const std::string& role, Sp size, Align align) {
  ParagraphStyle s;
  s.font_role = role;
  s.size = size;
  s.cell = size;  // proportional to the label size, not the body grid
  s.first_indent_cells = 0;
  s.align = align;
  s.avoid_orphans = false;
  return s;
}

/// Sets `text` in a box [x, x+w) starting at `top`, lines `pitch` apart, glyphs centred
/// vertically in each line box. Returns the number of lines (0 for empty text).
int draw_text(Canvas& c, const std::string& text, const std::string& role, Sp size, Align align, Sp x, Sp top, Sp w,
              Sp pitch, const Color& color = Color::black()) {
  if (text.empty() || w.v <= 0) return 0;
  const auto lines = set_paragraph(text, c.location, label_style(role, size, align), w, c.fonts, c.sink);
  int n = 0;
  for (const auto& line : lines) {
    const Sp baseline = top + pitch * n + (pitch - size) / 2 + size * 880 / 1000;
    for (auto& run : to_glyph_runs(line, x, baseline, color)) c.out.emplace_back(std::move(run));
    ++n;
  }
  return n;
}

/// Lines `text` would take in width `w`.
int count_lines(Canvas& c, const std::string& text, const std::string& role, Sp size, Sp w) {
  if (text.empty() || w.v <= 0) return 0;
  return static_cast<int>(set_paragraph(text, c.location, label_style(role, size, Align::kCenter), w, c.fonts, c.sink).size());
}

Sp text_width(Canvas& c, const std::string& text, const std::string& role, Sp size) {
  if (text.empty()) return Sp(0);
  return measure_text(text, label_style(role, size, Align::kLeft), c.fonts, c.sink, c.location);
}

void rect(Canvas& c, Sp x, Sp y, Sp w, Sp h, const Color& fill, bool stroke, const Color& stroke_color = Color::gray(500)) {
  model::Rect r;
  r.x = x;
  r.y = y;
  r.w = w;
  r.h = h;
  r.fill = true;
  r.fill_color = fill;
  r.stroke = stroke;
  r.stroke_color = stroke_color;
  r.stroke_width = c.style.rule_width;
  c.out.emplace_back(r);
}

void line(Canvas& c, Sp x0, Sp y0, Sp x1, Sp y1, Sp width, const Color& color) {
  c.out.emplace_back(model::Line{x0, y0, x1, y1, width, color});
}

/// A filled closed polygon.
void polygon(Canvas& c, std::vector<std::pair<Sp, Sp>> points, const Color& color) {
  model::Polyline p;
  p.points = std::move(points);
  p.closed = true;
  p.fill = true;
  p.color = color;
  c.out.emplace_back(std::move(p));
}

/// The marker of line series `shape` (cycled: square, triangle, circle, diamond) centred on
/// (cx, cy), half-size m: in grey, the shape tells the series apart where the colour does not.
void marker(Canvas& c, std::size_t shape, Sp cx, Sp cy, Sp m, const Color& color) {
  switch (shape % 4) {
    case 0: rect(c, cx - m, cy - m, m * 2, m * 2, color, false); break;
    case 1: polygon(c, {{cx, cy - m}, {cx + m, cy + m}, {cx - m, cy + m}}, color); break;
    case 2: {
      std::vector<std::pair<Sp, Sp>> pts;
      for (int k = 0; k < 12; ++k) {
        const double a = k * 3.14159265358979323846 / 6;
        pts.emplace_back(cx + Sp(std::llround(static_cast<double>(m.v) * std::cos(a))),
                         cy + Sp(std::llround(static_cast<double>(m.v) * std::sin(a))));
      }
      polygon(c, std::move(pts), color);
      break;
    }
    default: polygon(c, {{cx, cy - m}, {cx + m, cy}, {cx, cy + m}, {cx - m, cy}}, color); break;
  }
}

/// A bar or swatch of series `pattern` (cycled: solid, diagonal hatch, horizontal lines,
/// cross-hatch) in the box: the pattern tells the series apart in grey.
void pattern_rect(Canvas& c, std::size_t pattern, Sp x, Sp y, Sp w, Sp h, const Color& color) {
  if (w.v <= 0 || h.v <= 0) return;
  if (pattern % 4 == 0) {
    rect(c, x, y, w, h, color, false);
    return;
  }
  const Sp step = c.style.label_size / 3;
  const Sp lw = c.style.rule_width;
  model::Rect outline{x, y, w, h, false, {}, true, color, lw};
  c.out.emplace_back(outline);
  if (pattern % 4 == 2) {
    for (Sp yy = y + step; yy < y + h; yy += step) line(c, x, yy, x + w, yy, lw, color);
    return;
  }
  // Lines x + (h - (y' - y)) = const (rising to the right), clipped to the box; mirrored for
  // the second direction of a cross-hatch.
  for (int dir = 0; dir < (pattern % 4 == 3 ? 2 : 1); ++dir) {
    for (Sp t = step; t < w + h; t += step) {
      const Sp x0 = x + std::max(Sp(), t - h), y0 = y + h - std::min(t, h);
      const Sp x1 = x + std::min(t, w), y1 = y + h - std::max(Sp(), t - w);
      if (dir == 0) line(c, x0, y0, x1, y1, lw, color);
      else line(c, x + w - (x0 - x), y0, x + w - (x1 - x), y1, lw, color);
    }
  }
}

void report(Canvas& c, const std::string& message) {
  core::Diagnostic d;
  d.severity = core::Severity::kWarning;
  d.rule = "LAYOUT-CHART";
  d.location = c.location;
  d.message = message;
  c.sink.push(std::move(d));
}

std::string format_value(double v) {
  const long long r = std::llround(v);
  if (std::fabs(v - static_cast<double>(r)) < 1e-9) return std::to_string(r);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);  // classic formatting: digits and '.', no locale
  return buf;
}

/// The title line; returns the height used.
Sp draw_title(Canvas& c, const model::Chart& chart, Sp x, Sp top, Sp width) {
  if (chart.title.value.empty()) return Sp(0);
  const Sp pitch = c.style.title_size * 16 / 10;
  const int n = draw_text(c, chart.title.value, c.style.title_role, c.style.title_size, Align::kCenter, x, top, width, pitch);
  return pitch * n;
}

/// How a legend entry shows its series or state, as the chart body does.
enum class LegendKey { kCell, kLine, kBar };

/// Legend entries in one or more rows: entry i shows colour `colors[i]` with the symbol
/// `symbols[i]` (cells), the marker i on a line (line series) or the pattern i (bars).
/// Returns the height.
Sp draw_legend(Canvas& c, const std::vector<std::string>& legend, const std::vector<Color>& colors, LegendKey key,
               const std::vector<std::string>& symbols, Sp x, Sp top, Sp width) {
  if (legend.empty()) return Sp(0);
  const Sp pitch = c.style.line_pitch;
  // A cell swatch holds its state's symbol (0.8 of the label size) clear of its outline.
  const Sp swatch = key == LegendKey::kLine   ? c.style.label_size * 16 / 10
                    : key == LegendKey::kCell ? c.style.label_size * 14 / 10
                                              : c.style.label_size;
  const Sp gap = c.style.label_size;
  Sp cx = x;
  int row = 0;
  for (std::size_t i = 0; i < legend.size(); ++i) {
    const Sp w = swatch + gap / 2 + text_width(c, legend[i], c.style.font_role, c.style.label_size);
    if (cx > x && cx + w > x + width) {
      cx = x;
      ++row;
    }
    const Sp y = top + pitch * row;
    const Color& color = colors[i % colors.size()];
    const Sp sy = y + (pitch - swatch) / 2;
    if (key == LegendKey::kLine) {
      line(c, cx, y + pitch / 2, cx + swatch, y + pitch / 2, c.style.series_width, color);
      marker(c, i, cx + swatch / 2, y + pitch / 2, c.style.series_width * 2, color);
    } else if (key == LegendKey::kBar) {
      pattern_rect(c, i, cx, sy, swatch, swatch, color);
    } else {
      rect(c, cx, sy, swatch, swatch, color, true, Color::gray(600));
      if (i < symbols.size())
        draw_text(c, symbols[i], c.style.font_role, c.style.label_size * 8 / 10, Align::kCenter, cx, sy, swatch, swatch);
    }
    draw_text(c, legend[i], c.style.font_role, c.style.label_size, Align::kLeft, cx + swatch + gap / 2, y,
              w + gap, pitch);
    cx += w + gap;
  }
  return pitch * (row + 1);
}

/// grid and calendar: row labels on the left, column labels on top, one status cell each.
Sp draw_matrix(Canvas& c, const model::Chart& chart, Sp x, Sp top, Sp width, bool calendar) {
  const ChartStyle& s = c.style;
  Sp y = top + draw_title(c, chart, x, top, width);
  const std::size_t cols = chart.column_labels.size();
  if (cols == 0) {
    report(c, "图表没有列 / chart has no columns");
    return y - top;
  }
  const Sp pad = s.label_size / 4;
  Sp label_w(0);
  for (const auto& l : chart.row_labels) label_w = std::max(label_w, text_width(c, l, s.font_role, s.label_size));
  label_w = std::min(label_w + pad * 2, width / 4);
  const Sp cell_w = (width - label_w) / static_cast<std::int64_t>(cols);
  // Column labels are set on one line when they can be: a label broken inside a word (制/度)
  // reads badly, so the size steps down by 10 % to at most 2/3 of the label size before wrapping.
  Sp header_size = calendar ? s.label_size * 2 / 3 : s.label_size;
  if (!calendar) {
    const Sp min_size = s.label_size * 2 / 3;
    auto all_fit = [&](Sp size) {
      for (const auto& l : chart.column_labels)
        if (count_lines(c, l, s.font_role, size, cell_w - pad) > 1) return false;
      return true;
    };
    while (header_size > min_size && !all_fit(header_size)) header_size = std::max(min_size, header_size * 9 / 10);
  }
  const Sp header_pitch = calendar ? s.calendar_row_height : s.line_pitch;
  int header_lines = 1;
  for (const auto& l : chart.column_labels)
    header_lines = std::max(header_lines, count_lines(c, l, s.font_role, header_size, cell_w - pad));
  for (std::size_t j = 0; j < cols; ++j)
    draw_text(c, chart.column_labels[j], s.font_role, header_size, Align::kCenter,
              x + label_w + cell_w * static_cast<std::int64_t>(j) + pad / 2, y, cell_w - pad, header_pitch);
  y += header_pitch * header_lines;
  const Sp row_h = calendar ? s.calendar_row_height : s.row_height;
  for (std::size_t i = 0; i < chart.row_labels.size(); ++i) {
    draw_text(c, chart.row_labels[i], s.font_role, calendar ? s.label_size * 4 / 5 : s.label_size, Align::kLeft, x + pad, y,
              label_w - pad, row_h);
    const std::vector<double> empty;
    const auto& values = i < chart.values.size() ? chart.values[i] : empty;
    if (values.size() != cols)
      report(c, "第 " + std::to_string(i + 1) + " 行有 " + std::to_string(values.size()) + " 个值，应为 " +
                    std::to_string(cols) + " / row value count does not match the columns");
    const std::string* symbols = calendar ? s.calendar_symbols : s.grid_symbols;
    const Sp symbol_size = calendar ? s.label_size * 2 / 3 : s.label_size;
    for (std::size_t j = 0; j < cols; ++j) {
      const int v = j < values.size() ? std::clamp(static_cast<int>(std::llround(values[j])), 0, 3) : 0;
      const Sp inset = calendar ? s.rule_width : pad / 2;
      const Sp cx = x + label_w + cell_w * static_cast<std::int64_t>(j) + inset;
      rect(c, cx, y + inset, cell_w - inset * 2, row_h - inset * 2, s.status[v], true, Color::gray(600));
      // The state's symbol on the cell: the chart reads the same printed in grey.
      draw_text(c, symbols[v], s.font_role, symbol_size, Align::kCenter, cx, y, cell_w - inset * 2, row_h);
    }
    y += row_h;
  }
  y += s.line_pitch / 2;
  std::vector<Color> colors(s.status + 1, s.status + 4);
  const std::string* symbols = calendar ? s.calendar_symbols : s.grid_symbols;
  y += draw_legend(c, chart.legend, colors, LegendKey::kCell, {symbols + 1, symbols + 4}, x, y, width);
  return y - top;
}

/// A tick step of 1, 2 or 5 × 10^k giving at most 5 intervals up to `max`.
double nice_step(double max) {
  if (max <= 0) return 1;
  double step = std::pow(10.0, std::floor(std::log10(max / 5)));
  for (double m : {1.0, 2.0, 5.0, 10.0})
    if (max / (step * m) <= 5) return std::max(1.0, step * m);
  return std::max(1.0, step * 10);
}

/// line and bar: y axis with ticks, x labels, one series per row.
Sp draw_plot(Canvas& c, const model::Chart& chart, Sp x, Sp top, Sp width, bool bars) {
  const ChartStyle& s = c.style;
  Sp y = top + draw_title(c, chart, x, top, width);
  const std::size_t cols = chart.column_labels.size();
  if (cols == 0) {
    report(c, "图表没有列 / chart has no columns");
    return y - top;
  }
  double max = 0;
  for (std::size_t i = 0; i < chart.values.size(); ++i) {
    if (chart.values[i].size() != cols)
      report(c, "第 " + std::to_string(i + 1) + " 个序列的值个数与列数不符 / series length does not match the columns");
    for (double v : chart.values[i])
      if (std::isfinite(v)) max = std::max(max, v);
  }
  const double step = nice_step(max);
  const int ticks = std::max(1, static_cast<int>(std::ceil(max / step)));
  const double top_value = step * ticks;
  Sp axis_w(0);
  for (int t = 0; t <= ticks; ++t)
    axis_w = std::max(axis_w, text_width(c, format_value(step * t), s.font_role, s.label_size));
  axis_w += s.label_size / 2;
  const Sp px = x + axis_w;
  const Sp pw = width - axis_w;
  const Sp ph = s.plot_height;
  const Sp py = y + s.label_size / 2;  // room for the top tick label
  const Sp bottom = py + ph;
  auto y_of = [&](double v) {
    const double f = std::clamp(std::isfinite(v) ? v / top_value : 0.0, 0.0, 1.0);
    return bottom - Sp(std::llround(static_cast<double>(ph.v) * f));
  };
  for (int t = 0; t <= ticks; ++t) {
    const Sp ty = y_of(step * t);
    if (t > 0) line(c, px, ty, px + pw, ty, s.rule_width / 2, Color::gray(800));
    draw_text(c, format_value(step * t), s.font_role, s.label_size, Align::kRight, x, ty - s.line_pitch / 2,
              axis_w - s.label_size / 4, s.line_pitch);
  }
  const Sp slot = pw / static_cast<std::int64_t>(cols);
  for (std::size_t i = 0; i < chart.values.size(); ++i) {
    const Color& color = s.series[i % s.series.size()];
    const auto& values = chart.values[i];
    if (bars) {
      const std::int64_t n = static_cast<std::int64_t>(std::max<std::size_t>(1, chart.values.size()));
      const Sp bw = slot * 7 / 10 / n;
      for (std::size_t j = 0; j < std::min(cols, values.size()); ++j) {
        const Sp bx = px + slot * static_cast<std::int64_t>(j) + slot * 15 / 100 + bw * static_cast<std::int64_t>(i);
        const Sp by = y_of(values[j]);
        if (bottom > by) pattern_rect(c, i, bx, by, bw, bottom - by, color);
      }
    } else {
      model::Polyline pl;
      pl.color = color;
      pl.width = s.series_width;
      for (std::size_t j = 0; j < std::min(cols, values.size()); ++j) {
        const Sp cx = px + slot * static_cast<std::int64_t>(j) + slot / 2;
        const Sp cy = y_of(values[j]);
        pl.points.emplace_back(cx, cy);
        marker(c, i, cx, cy, s.series_width * 2, color);
      }
      if (pl.points.size() >= 2) c.out.emplace_back(std::move(pl));
    }
  }
  line(c, px, py, px, bottom, s.rule_width, Color::black());
  line(c, px, bottom, px + pw, bottom, s.rule_width, Color::black());
  int label_lines = 1;
  for (std::size_t j = 0; j < cols; ++j)
    label_lines = std::max(label_lines, draw_text(c, chart.column_labels[j], s.font_role, s.label_size, Align::kCenter,
                                                  px + slot * static_cast<std::int64_t>(j), bottom, slot, s.line_pitch));
  y = bottom + s.line_pitch * label_lines + s.line_pitch / 2;
  y += draw_legend(c, chart.legend.empty() ? chart.row_labels : chart.legend, s.series,
                   bars ? LegendKey::kBar : LegendKey::kLine, {}, x, y, width);
  return y - top;
}

}  // namespace

Sp draw_chart(const model::Chart& chart, Sp x, Sp top, Sp width, DocumentFonts& fonts, std::vector<model::Item>& out,
              core::DiagnosticSink& sink, const ChartStyle& style) {
  Canvas c{fonts, out, sink, style, chart.location};
  if (chart.kind == "grid") return draw_matrix(c, chart, x, top, width, false);
  if (chart.kind == "calendar") return draw_matrix(c, chart, x, top, width, true);
  if (chart.kind == "line") return draw_plot(c, chart, x, top, width, false);
  if (chart.kind == "bar") return draw_plot(c, chart, x, top, width, true);
  report(c, "未知的图表类型 “" + chart.kind + "” / unknown chart kind");
  return Sp(0);
}

Sp chart_height(const model::Chart& chart, Sp width, DocumentFonts& fonts, const ChartStyle& style) {
  std::vector<model::Item> scratch;
  core::DiagnosticSink ignored;
  return draw_chart(chart, Sp(0), Sp(0), width, fonts, scratch, ignored, style);
}

}  // namespace wenshu::layout

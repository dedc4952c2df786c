// Reading back what a PDF page shows (see pdf_page.h).
#include "doccheck/pdf_page.h"

#include <podofo/podofo.h>

#include <cmath>
#include <stdexcept>

#include "core/utf8.h"

namespace wenshu::doccheck {

namespace {

using namespace PoDoFo;

/// An affine matrix in the PDF convention (row vector times matrix).
struct M {
  double a = 1, b = 0, c = 0, d = 1, e = 0, f = 0;
  /// This transform, then `n`.
  M then(const M& n) const {
    return {a * n.a + b * n.c, a * n.b + b * n.d, c * n.a + d * n.c, c * n.b + d * n.d, e * n.a + f * n.c + n.e,
            e * n.b + f * n.d + n.f};
  }
  void apply(double x, double y, double& ox, double& oy) const {
    ox = x * a + y * c + e;
    oy = x * b + y * d + f;
  }
};

struct State {
  M ctm;
  double r = 0, g = 0, b = 0;
  double line_width = 1;
  double th = 1, tc = 0, tw = 0, rise = 0, leading = 0;
  double size = 0;
  const FontData* font = nullptr;
};

unsigned hex_value(std::string_view s) {
  unsigned v = 0;
  for (char ch : s) {
    v <<= 4;
    if (ch >= '0' && ch <= '9') v |= static_cast<unsigned>(ch - '0');
    else if (ch >= 'a' && ch <= 'f') v |= static_cast<unsigned>(ch - 'a' + 10);
    else if (ch >= 'A' && ch <= 'F') v |= static_cast<unsigned>(ch - 'A' + 10);
  }
  return v;
}

std::string utf16_hex_to_utf8(std::string_view hex) {
  std::u32string out;
  for (std::size_t i = 0; i + 4 <= hex.size(); i += 4) {
    char32_t u = hex_value(hex.substr(i, 4));
    if (u >= 0xD800 && u < 0xDC00 && i + 8 <= hex.size()) {
      u = 0x10000 + ((u - 0xD800) << 10) + (hex_value(hex.substr(i + 4, 4)) - 0xDC00);
      i += 4;
    }
    if (u != 0xFEFF) out.push_back(u);
  }
  return core::utf8_encode(out);
}

/// The hex strings <…> of `s` in order.
std::vector<std::string_view> hex_tokens(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t p = 0;
  while ((p = s.find('<', p)) != std::string_view::npos) {
    const std::size_t q = s.find('>', p);
    if (q == std::string_view::npos) break;
    out.push_back(s.substr(p + 1, q - p - 1));
    p = q + 1;
  }
  return out;
}

std::string strip_subset(const std::string& name) {
  if (name.size() > 7 && name[6] == '+') return name.substr(7);
  return name;
}

class Interpreter {
 public:
  Interpreter(const std::map<std::string, FontData>& fonts, PageContent& out) : fonts_(fonts), out_(out) {
    stack_.push_back(State{});
  }

  void run(PdfContentsTokenizer& tok) {
    EPdfContentsType type;
    const char* keyword = nullptr;
    PdfVariant var;
    while (tok.ReadNext(type, keyword, var)) {
      if (type == ePdfContentsType_Keyword) {
        op(keyword);
        args_.clear();
      } else if (type == ePdfContentsType_Variant) {
        args_.push_back(var);
      }
    }
  }

 private:
  State& st() { return stack_.back(); }
  double num(std::size_t from_end) const {
    if (from_end >= args_.size()) return 0;
    const PdfVariant& v = args_[args_.size() - 1 - from_end];
    return v.IsNumber() || v.IsReal() ? v.GetReal() : 0;
  }
  M matrix6() const { return {num(5), num(4), num(3), num(2), num(1), num(0)}; }

  void glyph(unsigned code) {
    const State& s = st();
    if (!s.font) return;
    const M trm = M{s.size * s.th, 0, 0, s.size, 0, s.rise}.then(tm_).then(s.ctm);
    Glyph g;
    if (in_actual_) {
      g.text = actual_;
      actual_.clear();
    } else if (auto it = s.font->text.find(code); it != s.font->text.end()) {
      g.text = it->second;
    }
    double px, py;
    trm.apply(0, 0, px, py);
    g.x = px;
    g.y = out_.height - py;
    const double horiz = std::hypot(trm.a, trm.b), vert = std::hypot(trm.c, trm.d);
    g.size = vert;
    g.scale = vert > 0 ? horiz / vert : 1;
    const auto w = s.font->widths.find(code);
    const double w0 = (w == s.font->widths.end() ? s.font->default_width : w->second) / 1000.0;
    const double em = s.size == 0 ? 0 : vert / std::abs(s.size);  // page units per text-space unit
    const double tw = (s.font->code_bytes == 1 && code == 32) ? s.tw : 0;
    g.advance = w0 * vert;
    g.drawn = (w0 * s.size + s.tc + tw) * s.th * em;
    g.char_spacing = s.tc;
    g.word_spacing = tw;
    // Baseline direction on the page, y up (PDF space).
    const double deg = std::atan2(trm.b, trm.a) * 180.0 / 3.14159265358979323846;
    int d = static_cast<int>(std::lround(deg));
    d = ((d % 360) + 360) % 360;
    g.direction = d;
    g.font = s.font->base_font;
    g.r = s.r, g.g = s.g, g.b = s.b;
    out_.glyphs.push_back(std::move(g));
    tm_ = M{1, 0, 0, 1, (w0 * s.size + s.tc + tw) * s.th, 0}.then(tm_);
  }

  void show(const PdfString& str) {
    const std::string raw(str.GetString(), static_cast<std::size_t>(str.GetLength()));
    const int n = st().font ? st().font->code_bytes : 2;
    for (std::size_t i = 0; i + static_cast<std::size_t>(n) <= raw.size(); i += static_cast<std::size_t>(n)) {
      unsigned code = static_cast<unsigned char>(raw[i]);
      if (n == 2) code = (code << 8) | static_cast<unsigned char>(raw[i + 1]);
      glyph(code);
    }
  }

  void next_line(double tx, double ty) {
    tlm_ = M{1, 0, 0, 1, tx, ty}.then(tlm_);
    tm_ = tlm_;
  }

  void fill_rgb(double r, double g, double b) { st().r = r, st().g = g, st().b = b; }
  void fill_from_args() {
    if (args_.size() >= 4) {
      const double c = num(3), m = num(2), y = num(1), k = num(0);
      fill_rgb((1 - c) * (1 - k), (1 - m) * (1 - k), (1 - y) * (1 - k));
    } else if (args_.size() == 3) {
      fill_rgb(num(2), num(1), num(0));
    } else if (args_.size() == 1) {
      fill_rgb(num(0), num(0), num(0));
    }
  }

  void add_segment(double x0, double y0, double x1, double y1) {
    double ax, ay, bx, by;
    st().ctm.apply(x0, y0, ax, ay);
    st().ctm.apply(x1, y1, bx, by);
    const double scale = std::sqrt(std::abs(st().ctm.a * st().ctm.d - st().ctm.b * st().ctm.c));
    pending_.push_back({ax, out_.height - ay, bx, out_.height - by, st().line_width * scale});
  }
  void add_rect(double x, double y, double w, double h) { rects_.push_back({x, y, w, h}); }

  // Painting: stroked segments become rules; a filled rectangle thinner than 2 pt is a rule too
  // (some writers draw rules that way).
  void paint(bool stroke, bool fill) {
    if (stroke) out_.rules.insert(out_.rules.end(), pending_.begin(), pending_.end());
    for (const auto& r : rects_) {
      double ax, ay, bx, by;
      st().ctm.apply(r.x, r.y, ax, ay);
      st().ctm.apply(r.x + r.w, r.y + r.h, bx, by);
      const double x0 = std::min(ax, bx), x1 = std::max(ax, bx);
      const double y0 = out_.height - std::max(ay, by), y1 = out_.height - std::min(ay, by);
      if (stroke) {
        const double w = st().line_width;
        out_.rules.push_back({x0, y0, x1, y0, w});
        out_.rules.push_back({x0, y1, x1, y1, w});
        out_.rules.push_back({x0, y0, x0, y1, w});
        out_.rules.push_back({x1, y0, x1, y1, w});
      } else if (fill && (x1 - x0 < 2 || y1 - y0 < 2)) {
        if (x1 - x0 >= y1 - y0) out_.rules.push_back({x0, (y0 + y1) / 2, x1, (y0 + y1) / 2, y1 - y0});
        else out_.rules.push_back({(x0 + x1) / 2, y0, (x0 + x1) / 2, y1, x1 - x0});
      }
    }
    pending_.clear();
    rects_.clear();
  }

  void op(const std::string& k) {
    if (k == "q") stack_.push_back(st());
    else if (k == "Q") {
      if (stack_.size() > 1) stack_.pop_back();
    } else if (k == "cm") st().ctm = matrix6().then(st().ctm);
    else if (k == "w") st().line_width = num(0);
    else if (k == "rg" || k == "g" || k == "k" || k == "sc" || k == "scn") fill_from_args();
    else if (k == "BT") tm_ = tlm_ = M{};
    else if (k == "ET") {
    } else if (k == "Tf") {
      st().size = num(0);
      st().font = nullptr;
      if (args_.size() >= 2 && args_[args_.size() - 2].IsName()) {
        const auto it = fonts_.find(args_[args_.size() - 2].GetName().GetName());
        if (it != fonts_.end()) st().font = &it->second;
      }
    } else if (k == "Tz") st().th = num(0) / 100.0;
    else if (k == "Tc") st().tc = num(0);
    else if (k == "Tw") st().tw = num(0);
    else if (k == "Ts") st().rise = num(0);
    else if (k == "TL") st().leading = num(0);
    else if (k == "Tm") tm_ = tlm_ = matrix6();
    else if (k == "Td") next_line(num(1), num(0));
    else if (k == "TD") {
      st().leading = -num(0);
      next_line(num(1), num(0));
    } else if (k == "T*") next_line(0, -st().leading);
    else if (k == "Tj" || k == "'" || k == "\"") {
      if (k == "\"") st().tw = num(2), st().tc = num(1);
      if (k != "Tj") next_line(0, -st().leading);
      if (!args_.empty() && (args_.back().IsString() || args_.back().IsHexString())) show(args_.back().GetString());
    } else if (k == "TJ") {
      if (args_.empty() || !args_.back().IsArray()) return;
      for (const auto& v : args_.back().GetArray()) {
        if (v.IsString() || v.IsHexString()) show(v.GetString());
        else if (v.IsNumber() || v.IsReal()) tm_ = M{1, 0, 0, 1, -v.GetReal() / 1000.0 * st().size * st().th, 0}.then(tm_);
      }
    } else if (k == "BDC") {
      if (args_.size() >= 2 && args_.back().IsDictionary()) {
        const PdfDictionary& d = args_.back().GetDictionary();
        if (const PdfObject* at = d.GetKey("ActualText"); at && (at->IsString() || at->IsHexString())) {
          actual_ = at->GetString().GetStringUtf8();
          in_actual_ = true;
        }
      }
    } else if (k == "EMC") {
      in_actual_ = false;
      actual_.clear();
    } else if (k == "m") cur_x_ = start_x_ = num(1), cur_y_ = start_y_ = num(0);
    else if (k == "l") {
      add_segment(cur_x_, cur_y_, num(1), num(0));
      cur_x_ = num(1), cur_y_ = num(0);
    } else if (k == "c") {
      add_segment(cur_x_, cur_y_, num(1), num(0));
      cur_x_ = num(1), cur_y_ = num(0);
    } else if (k == "v" || k == "y") {
      add_segment(cur_x_, cur_y_, num(1), num(0));
      cur_x_ = num(1), cur_y_ = num(0);
    } else if (k == "h") {
      add_segment(cur_x_, cur_y_, start_x_, start_y_);
      cur_x_ = start_x_, cur_y_ = start_y_;
    } else if (k == "re") add_rect(num(3), num(2), num(1), num(0));
    else if (k == "S" || k == "s") paint(true, false);
    else if (k == "f" || k == "F" || k == "f*") paint(false, true);
    else if (k == "B" || k == "B*" || k == "b" || k == "b*") paint(true, true);
    else if (k == "n") paint(false, false);
    else if (k == "Do") {
      double ax, ay, bx, by;
      st().ctm.apply(0, 0, ax, ay);
      st().ctm.apply(1, 1, bx, by);
      out_.images.push_back({std::min(ax, bx), out_.height - std::max(ay, by), std::abs(bx - ax), std::abs(by - ay)});
    }
  }

  struct PendingRect {
    double x, y, w, h;
  };
  const std::map<std::string, FontData>& fonts_;
  PageContent& out_;
  std::vector<State> stack_;
  std::vector<PdfVariant> args_;
  M tm_, tlm_;
  std::string actual_;
  bool in_actual_ = false;
  double cur_x_ = 0, cur_y_ = 0, start_x_ = 0, start_y_ = 0;
  std::vector<Rule> pending_;
  std::vector<PendingRect> rects_;
};

std::string filtered(PdfObject* o) {
  if (!o || !o->HasStream()) return {};
  char* buf = nullptr;
  pdf_long len = 0;
  o->GetStream()->GetFilteredCopy(&buf, &len);
  std::string out(buf, static_cast<std::size_t>(len));
  podofo_free(buf);
  return out;
}

PdfObject* resolve(PdfObject* o, PdfVecObjects* objects) {
  while (o && o->IsReference()) o = objects->GetObject(o->GetReference());
  return o;
}

FontData load_font(PdfObject* dict, PdfVecObjects* objects) {
  FontData f;
  if (const PdfObject* bf = dict->GetDictionary().GetKey("BaseFont"); bf && bf->IsName())
    f.base_font = strip_subset(bf->GetName().GetName());
  const PdfObject* subtype = dict->GetDictionary().GetKey("Subtype");
  const bool type0 = subtype && subtype->IsName() && subtype->GetName().GetName() == "Type0";
  f.code_bytes = type0 ? 2 : 1;
  if (type0) {
    PdfObject* list = resolve(dict->GetDictionary().GetKey("DescendantFonts"), objects);
    PdfObject* desc = list && list->IsArray() && !list->GetArray().empty()
                          ? resolve(&list->GetArray()[0], objects) : nullptr;
    if (desc && desc->IsDictionary()) {
      if (const PdfObject* dw = desc->GetDictionary().GetKey("DW"); dw && (dw->IsNumber() || dw->IsReal()))
        f.default_width = dw->GetReal();
      if (PdfObject* w = resolve(desc->GetDictionary().GetKey("W"), objects); w && w->IsArray()) {
        const PdfArray& a = w->GetArray();
        for (std::size_t i = 0; i + 1 < a.size();) {
          const auto first = static_cast<unsigned>(a[i].GetNumber());
          if (a[i + 1].IsArray()) {
            unsigned code = first;
            for (const auto& v : a[i + 1].GetArray()) f.widths[code++] = v.GetReal();
            i += 2;
          } else if (i + 2 < a.size()) {
            const auto last = static_cast<unsigned>(a[i + 1].GetNumber());
            for (unsigned c = first; c <= last && c - first < 65536; ++c) f.widths[c] = a[i + 2].GetReal();
            i += 3;
          } else {
            break;
          }
        }
      }
    }
  } else {
    const PdfObject* fc = dict->GetDictionary().GetKey("FirstChar");
    PdfObject* w = resolve(dict->GetDictionary().GetKey("Widths"), objects);
    if (fc && w && w->IsArray()) {
      unsigned code = static_cast<unsigned>(fc->GetNumber());
      for (const auto& v : w->GetArray()) f.widths[code++] = v.GetReal();
    }
  }
  if (PdfObject* tu = resolve(dict->GetDictionary().GetKey("ToUnicode"), objects)) read_to_unicode(filtered(tu), f.text);
  return f;
}

}  // namespace

void read_to_unicode(std::string_view cmap, std::map<unsigned, std::string>& out) {
  std::size_t pos = 0;
  while (true) {
    const std::size_t chr = cmap.find("beginbfchar", pos), rng = cmap.find("beginbfrange", pos);
    if (chr == std::string_view::npos && rng == std::string_view::npos) break;
    const bool is_char = chr < rng;
    const std::size_t start = is_char ? chr : rng;
    const std::size_t end = cmap.find(is_char ? "endbfchar" : "endbfrange", start);
    if (end == std::string_view::npos) break;
    const auto hex = hex_tokens(cmap.substr(start, end - start));
    if (is_char) {
      for (std::size_t i = 0; i + 1 < hex.size(); i += 2) out[hex_value(hex[i])] = utf16_hex_to_utf8(hex[i + 1]);
    } else {
      // <lo> <hi> <dst>: consecutive codes map to consecutive last UTF-16 units (arrays skipped).
      for (std::size_t i = 0; i + 2 < hex.size(); i += 3) {
        const unsigned lo = hex_value(hex[i]), hi = hex_value(hex[i + 1]);
        const std::u32string base = core::utf8_decode(utf16_hex_to_utf8(hex[i + 2]));
        for (unsigned c = lo; c <= hi && c - lo < 65536 && !base.empty(); ++c) {
          std::u32string t = base;
          t.back() += c - lo;
          out[c] = core::utf8_encode(t);
        }
      }
    }
    pos = end;
  }
}

PageContent read_content(std::string_view content, const std::map<std::string, FontData>& fonts, double width,
                         double height) {
  PageContent page;
  page.width = width;
  page.height = height;
  try {
    PdfContentsTokenizer tok(content.data(), static_cast<long>(content.size()));
    Interpreter(fonts, page).run(tok);
  } catch (const PdfError& e) {
    throw std::runtime_error(std::string("content stream: ") + PdfError::ErrorMessage(e.GetError()));
  }
  return page;
}

std::vector<PageContent> read_pdf(std::string_view bytes, std::string& error,
                                  const std::function<std::string(std::string)>& edit) {
  std::vector<PageContent> pages;
  PdfError::EnableLogging(false);
  PdfError::EnableDebug(false);
  try {
    PdfMemDocument doc;
    doc.LoadFromBuffer(bytes.data(), static_cast<long>(bytes.size()));
    PdfVecObjects* objects = &doc.GetObjects();
    for (int i = 0; i < doc.GetPageCount(); ++i) {
      PdfPage* page = doc.GetPage(i);
      std::map<std::string, FontData> fonts;
      if (PdfObject* res = page->GetResources()) {
        if (PdfObject* fd = resolve(res->GetDictionary().GetKey("Font"), objects); fd && fd->IsDictionary())
          for (const auto& [key, value] : fd->GetDictionary().GetKeys()) {
            PdfObject* f = resolve(value, objects);
            if (f && f->IsDictionary()) fonts[key.GetName()] = load_font(f, objects);
          }
      }
      std::string content;
      if (PdfObject* c = resolve(page->GetContents(), objects)) {
        if (c->IsArray()) {
          for (auto& part : c->GetArray()) content += filtered(resolve(&part, objects)) + "\n";
        } else {
          content = filtered(c);
        }
      }
      if (edit) content = edit(std::move(content));
      const PdfRect box = page->GetMediaBox();
      pages.push_back(read_content(content, fonts, box.GetWidth(), box.GetHeight()));
    }
  } catch (const PdfError& e) {
    error = PdfError::ErrorMessage(e.GetError());
    pages.clear();
  } catch (const std::exception& e) {
    error = e.what();
    pages.clear();
  }
  return pages;
}

}  // namespace wenshu::doccheck

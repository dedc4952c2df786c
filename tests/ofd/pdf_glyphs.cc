// Glyph positions of our own PDFs, for the PDF/OFD agreement test (see pdf_glyphs.h).
#include "ofd/pdf_glyphs.h"

#include <podofo/podofo.h>

#include <map>

#include "doccheck/pdf_page.h"

namespace wenshu::test {

namespace {

using namespace PoDoFo;

struct M {
  double a = 1, b = 0, c = 0, d = 1, e = 0, f = 0;
  M operator*(const M& n) const {  // this, then n (PDF row-vector convention)
    return {a * n.a + b * n.c, a * n.b + b * n.d, c * n.a + d * n.c, c * n.b + d * n.d, e * n.a + f * n.c + n.e,
            e * n.b + f * n.d + n.f};
  }
};

struct Font {
  std::map<unsigned, double> widths;      ///< code -> width (1/1000 em)
  std::map<unsigned, std::string> text;   ///< code -> UTF-8
};

Font load_font(PdfObject* type0) {
  Font font;
  PdfObject* desc = nullptr;
  if (PdfObject* list = type0->GetIndirectKey("DescendantFonts"); list && !list->GetArray().empty()) {
    PdfObject& first = list->GetArray()[0];
    desc = first.IsReference() ? type0->GetOwner()->GetObject(first.GetReference()) : &first;
  }
  if (desc && desc->GetDictionary().HasKey("W")) {
    const PdfArray& w = desc->GetIndirectKey("W")->GetArray();
    for (std::size_t i = 0; i + 1 < w.size(); i += 2) {
      unsigned code = static_cast<unsigned>(w[i].GetNumber());
      for (const auto& v : w[i + 1].GetArray()) font.widths[code++] = v.GetReal();
    }
  }
  if (PdfObject* tu = type0->GetIndirectKey("ToUnicode")) {
    char* buf = nullptr;
    pdf_long len = 0;
    tu->GetStream()->GetFilteredCopy(&buf, &len);
    doccheck::read_to_unicode(std::string_view(buf, static_cast<std::size_t>(len)), font.text);
    podofo_free(buf);
  }
  return font;
}

struct PageReader {
  PdfPage* page;
  double height;
  std::map<std::string, Font> fonts;
  std::vector<PdfGlyph> out;
  std::vector<M> stack{M{}};
  M tm, tlm;
  const Font* font = nullptr;
  double size = 0, th = 1;
  std::string actual;  ///< pending /ActualText for the next glyph
  bool in_actual = false;

  void glyph(unsigned code) {
    const M at = tm * stack.back();
    std::string text;
    if (in_actual) text = actual, actual.clear();
    else if (auto it = font->text.find(code); it != font->text.end()) text = it->second;
    out.push_back({text, at.e * 25.4 / 72.0, (height - at.f) * 25.4 / 72.0});
    const auto w = font->widths.find(code);
    const double adv = (w == font->widths.end() ? 1000.0 : w->second) / 1000.0 * size * th;
    tm = M{1, 0, 0, 1, adv, 0} * tm;
  }
  void show(const PdfString& s) {
    const std::string raw(s.GetString(), s.GetLength());
    for (std::size_t i = 0; i + 1 < raw.size(); i += 2)
      glyph((static_cast<unsigned char>(raw[i]) << 8) | static_cast<unsigned char>(raw[i + 1]));
  }
  void op(const std::string& k, std::vector<PdfVariant>& args) {
    auto num = [&](std::size_t i) { return args[args.size() - 1 - i].GetReal(); };  // i from the end
    if (k == "q") stack.push_back(stack.back());
    else if (k == "Q" && stack.size() > 1) stack.pop_back();
    else if (k == "cm") stack.back() = M{num(5), num(4), num(3), num(2), num(1), num(0)} * stack.back();
    else if (k == "BT") tm = tlm = M{};
    else if (k == "Tm") tm = tlm = M{num(5), num(4), num(3), num(2), num(1), num(0)};
    else if (k == "Td") tm = tlm = M{1, 0, 0, 1, num(1), num(0)} * tlm;
    else if (k == "Tz") th = num(0) / 100.0;
    else if (k == "Tf") {
      size = num(0);
      const std::string name = args[args.size() - 2].GetName().GetName();
      if (!fonts.count(name)) {
        PdfObject* dict = page->GetResources()->GetIndirectKey("Font")->GetIndirectKey(name);
        fonts[name] = load_font(dict);
      }
      font = &fonts[name];
    } else if (k == "Tj") show(args.back().GetString());
    else if (k == "TJ") {
      for (const auto& v : args.back().GetArray()) {
        if (v.IsString() || v.IsHexString()) show(v.GetString());
        else tm = M{1, 0, 0, 1, -v.GetReal() / 1000.0 * size * th, 0} * tm;
      }
    } else if (k == "BDC" && args.size() >= 2 && args.back().IsDictionary()) {
      const PdfDictionary& d = args.back().GetDictionary();
      if (d.HasKey("ActualText")) {
        const PdfString& s = d.GetKey("ActualText")->GetString();
        actual = s.GetStringUtf8();
        in_actual = true;
      }
    } else if (k == "EMC") in_actual = false, actual.clear();
    args.clear();
  }
};

}  // namespace

std::vector<std::vector<PdfGlyph>> pdf_glyphs(std::string_view pdf, std::string& error) {
  std::vector<std::vector<PdfGlyph>> pages;
  try {
    PdfMemDocument doc;
    doc.LoadFromBuffer(pdf.data(), static_cast<long>(pdf.size()));
    for (int i = 0; i < doc.GetPageCount(); ++i) {
      PdfPage* page = doc.GetPage(i);
      PageReader r{page, page->GetMediaBox().GetHeight()};
      PdfContentsTokenizer tok(page);
      EPdfContentsType type;
      const char* keyword = nullptr;
      PdfVariant var;
      std::vector<PdfVariant> args;
      while (tok.ReadNext(type, keyword, var)) {
        if (type == ePdfContentsType_Keyword) r.op(keyword, args);
        else if (type == ePdfContentsType_Variant) args.push_back(var);
      }
      pages.push_back(std::move(r.out));
    }
  } catch (const PdfError& e) {
    error = PdfError::ErrorMessage(e.GetError());
    pages.clear();
  }
  return pages;
}

}  // namespace wenshu::test

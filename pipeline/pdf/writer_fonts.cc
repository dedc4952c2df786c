// write_pdf, fonts: the glyphs each font draws, the subsets, and their embedding as CID fonts
// (CIDFontType0 + FontFile3/CIDFontType0C for CFF, CIDFontType2 + FontFile2 for TrueType) with
// Identity-H and a ToUnicode map (pdf-font-probe.md §2b).
#include <algorithm>

#include "core/data_dir.h"
#include "core/utf8.h"
#include "pdf/content.h"
#include "pdf/deflate.h"
#include "pdf/writer_steps.h"

namespace wenshu::pdf {

using namespace PoDoFo;

namespace {

std::uint64_t fnv1a(std::uint64_t h, const void* data, std::size_t n) {
  const auto* p = static_cast<const unsigned char*>(data);
  for (std::size_t i = 0; i < n; ++i) h = (h ^ p[i]) * 1099511628211ull;
  return h;
}

/// Six capital letters from a hash of the font name and the used glyph set: deterministic and
/// different for different subsets (ISO 32000-1 9.6.4).
std::string subset_tag(const std::string& name, const std::set<std::uint32_t>& gids) {
  std::uint64_t h = fnv1a(14695981039346656037ull, name.data(), name.size());
  for (auto g : gids) h = fnv1a(h, &g, sizeof g);
  std::string tag;
  for (int i = 0; i < 6; ++i) {
    tag.push_back(static_cast<char>('A' + h % 26));
    h /= 26;
  }
  return tag;
}

void append_hex4(std::string& out, std::uint32_t v) {
  static const char* kHex = "0123456789ABCDEF";
  for (int s = 12; s >= 0; s -= 4) out.push_back(kHex[(v >> s) & 0xf]);
}

void append_utf16_hex(std::string& out, const std::string& utf8) {
  for (char32_t cp : core::utf8_decode(utf8)) {
    if (cp >= 0x10000) {
      append_hex4(out, 0xD800 + ((cp - 0x10000) >> 10));
      append_hex4(out, 0xDC00 + ((cp - 0x10000) & 0x3ff));
    } else {
      append_hex4(out, cp);
    }
  }
}

/// ToUnicode CMap with bfchar entries (ISO 32000-1 9.10.3), at most 100 per block.
std::string to_unicode_cmap(const std::map<std::uint16_t, std::string>& unicode_of) {
  std::string s =
      "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
      "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
      "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
  s.reserve(s.size() + unicode_of.size() * 20 + 200);
  auto it = unicode_of.begin();
  for (std::size_t left = unicode_of.size(); left > 0;) {
    const std::size_t n = std::min<std::size_t>(100, left);
    s += std::to_string(n) + " beginbfchar\n";
    for (std::size_t j = 0; j < n; ++j, ++it) {
      s += "<";
      append_hex4(s, it->first);
      s += "> <";
      append_utf16_hex(s, it->second);
      s += ">\n";
    }
    s += "endbfchar\n";
    left -= n;
  }
  s += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
  return s;
}

std::string resolve_font_path(const std::string& path) {
  if (path.empty() || path.front() == '/') return path;
  return core::data_path(path).string();
}

/// /W: runs of consecutive codes as `c [w1 w2 …]` (ISO 32000-1 9.7.4.3), written as PoDoFo
/// writes such an array in compact mode (a space before every number) but without building
/// hundreds of PdfObjects for it.
PdfData widths_array(const std::map<std::uint16_t, std::int64_t>& width_milli) {
  std::string w = "[";
  w.reserve(16 + width_milli.size() * 6);
  int prev = -2;
  for (const auto& [code, milli] : width_milli) {
    if (static_cast<int>(code) != prev + 1) {
      if (prev >= 0) w += "]";
      w += " " + std::to_string(code) + "[";
    }
    w += " " + format_milli(milli);
    prev = code;
  }
  if (prev >= 0) w += "]";
  w += "]";
  return PdfData(w.c_str());
}

/// The FontDescriptor of a subset named `base`, pointing at its font file.
PdfObject* font_descriptor(PdfVecObjects& objs, const FontProgram& fp, const std::string& base, PdfObject& file) {
  PdfObject* desc = objs.CreateObject("FontDescriptor");
  PdfDictionary& dd = desc->GetDictionary();
  const FontMetrics& m = fp.metrics();
  dd.AddKey("FontName", PdfName(base));
  dd.AddKey("Flags", PdfObject(static_cast<pdf_int64>(4 | (m.fixed_pitch ? 1 : 0))));  // symbolic (9.8.2)
  PdfArray bbox;
  for (int v : m.bbox) bbox.push_back(PdfObject(static_cast<pdf_int64>(v)));
  dd.AddKey("FontBBox", bbox);
  dd.AddKey("ItalicAngle", PdfObject(static_cast<pdf_int64>(m.italic_angle)));
  dd.AddKey("Ascent", PdfObject(static_cast<pdf_int64>(m.ascent)));
  dd.AddKey("Descent", PdfObject(static_cast<pdf_int64>(m.descent)));
  dd.AddKey("CapHeight", PdfObject(static_cast<pdf_int64>(m.cap_height)));
  dd.AddKey("StemV", PdfObject(static_cast<pdf_int64>(80)));
  dd.AddKey(fp.kind() == OutlineKind::kTrueType ? "FontFile2" : "FontFile3", file.Reference());
  return desc;
}

}  // namespace

namespace {

/// Fills each font's glyph set and first non-empty text per glyph. A page's tens of thousands
/// of glyphs are gathered in a flat list and sorted once; the set and map are then built in
/// order (constant time per element) instead of one tree search per glyph.
bool collect_glyphs(const model::PagedDocument& doc, std::vector<DocFont>& fonts, core::DiagnosticSink& sink) {
  bool ok = true;
  std::vector<std::vector<std::pair<std::uint32_t, const std::string*>>> used(fonts.size());
  for (std::size_t p = 0; p < doc.pages.size(); ++p) {
    for (const auto& item : doc.pages[p].items) {
      const auto* run = std::get_if<model::GlyphRun>(&item);
      if (!run) continue;
      if (run->font >= doc.fonts.size()) {
        writer_error(sink, "PDF-FONT", "第 " + std::to_string(p + 1) + " 页引用了不存在的字体 #" + std::to_string(run->font) +
                                           " / page " + std::to_string(p + 1) + " uses an undefined font");
        ok = false;
        continue;
      }
      for (const auto& g : run->glyphs) used[run->font].emplace_back(g.gid, &g.text);
    }
  }
  for (std::size_t i = 0; i < fonts.size(); ++i) {
    auto& list = used[i];
    // Stable: among equal glyphs the document order stays, so the first text seen wins.
    std::stable_sort(list.begin(), list.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (const auto& [gid, text] : list) {
      if (fonts[i].gids.empty() || *fonts[i].gids.rbegin() != gid) fonts[i].gids.insert(fonts[i].gids.end(), gid);
      if (!text->empty() && (fonts[i].text_of.empty() || fonts[i].text_of.rbegin()->first != gid))
        fonts[i].text_of.emplace_hint(fonts[i].text_of.end(), gid, *text);
    }
  }
  return ok;
}

}  // namespace

bool prepare_fonts(const model::PagedDocument& doc, std::vector<DocFont>& fonts, core::DiagnosticSink& sink) {
  fonts.assign(doc.fonts.size(), {});
  bool ok = collect_glyphs(doc, fonts, sink);
  for (std::size_t i = 0; i < fonts.size(); ++i) {
    DocFont& f = fonts[i];
    if (f.gids.empty()) continue;
    std::string err;
    f.program = FontProgram::get(resolve_font_path(doc.fonts[i].path), doc.fonts[i].face_index, err);
    if (!f.program) {
      writer_error(sink, "PDF-FONT", "无法读取字体 / cannot load font: " + err, "运行 fonts/setup.sh 安装字体 / run fonts/setup.sh");
      ok = false;
      continue;
    }
    if (const auto bad = f.gids.lower_bound(f.program->glyph_count()); bad != f.gids.end()) {
      writer_error(sink, "PDF-GLYPH", "字形编号 " + std::to_string(*bad) + " 超出字体 " +
                                          f.program->postscript_name() + " 的范围 / glyph id out of range (font has " +
                                          std::to_string(f.program->glyph_count()) + " glyphs)");
      ok = false;
    }
    if (!ok) continue;
    if (!(f.subset = f.program->make_subset(f.gids, err))) {
      writer_error(sink, "PDF-SUBSET", "字体子集化失败 / font subsetting failed: " + err);
      ok = false;
      continue;
    }
    for (const auto& [gid, code] : f.subset->code_of) {
      f.width_milli[code] = f.program->advance_milli(gid);
      if (auto t = f.text_of.find(gid); t != f.text_of.end()) f.unicode_of.emplace(code, t->second);
    }
    f.resource = "F" + std::to_string(i + 1);
  }
  return ok;
}

void embed_font(PdfMemDocument& pdf, DocFont& f) {
  const FontProgram& fp = *f.program;
  const std::string base = subset_tag(fp.postscript_name(), f.gids) + "+" + fp.postscript_name();
  PdfVecObjects& objs = pdf.GetObjects();
  const bool truetype = fp.kind() == OutlineKind::kTrueType;

  PdfObject* file = objs.CreateObject(PdfVariant(PdfDictionary()));
  set_deflated_stream(*file, f.subset->deflated);
  if (truetype) {
    file->GetDictionary().AddKey("Length1", PdfObject(static_cast<pdf_int64>(f.subset->program.size())));
  } else {
    file->GetDictionary().AddKey("Subtype", PdfName("CIDFontType0C"));
  }
  PdfObject* desc = font_descriptor(objs, fp, base, *file);

  PdfObject* cid = objs.CreateObject("Font");
  PdfDictionary& cd = cid->GetDictionary();
  cd.AddKey("Subtype", PdfName(truetype ? "CIDFontType2" : "CIDFontType0"));
  cd.AddKey("BaseFont", PdfName(base));
  PdfDictionary info;
  info.AddKey("Registry", PdfString(fp.registry()));
  info.AddKey("Ordering", PdfString(fp.ordering()));
  info.AddKey("Supplement", PdfObject(static_cast<pdf_int64>(fp.supplement())));
  cd.AddKey("CIDSystemInfo", info);
  cd.AddKey("FontDescriptor", desc->Reference());
  cd.AddKey("DW", PdfObject(static_cast<pdf_int64>(1000)));
  cd.AddKey("W", PdfObject(PdfVariant(widths_array(f.width_milli))));
  if (truetype) cd.AddKey("CIDToGIDMap", PdfName("Identity"));

  PdfObject* tu = objs.CreateObject(PdfVariant(PdfDictionary()));
  set_stream(*tu, to_unicode_cmap(f.unicode_of), kTextLevel);

  PdfObject* type0 = objs.CreateObject("Font");
  PdfDictionary& td = type0->GetDictionary();
  td.AddKey("Subtype", PdfName("Type0"));
  td.AddKey("BaseFont", PdfName(base));
  td.AddKey("Encoding", PdfName("Identity-H"));
  PdfArray descendants;
  descendants.push_back(cid->Reference());
  td.AddKey("DescendantFonts", descendants);
  td.AddKey("ToUnicode", tu->Reference());
  f.ref = type0->Reference();
}

}  // namespace wenshu::pdf

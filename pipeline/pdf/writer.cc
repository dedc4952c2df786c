// PagedDocument -> PDF bytes with PoDoFo low-level objects (pdf-font-probe.md §2b).
#include "pdf/writer.h"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <memory>
#include <set>

#include <podofo/podofo.h>

#include "core/data_dir.h"
#include "core/date.h"
#include "core/file_io.h"
#include "core/output_file.h"
#include "core/image_info.h"
#include "core/utf8.h"
#include "pdf/content.h"
#include "pdf/font_program.h"
#include "pdf/pdfa.h"
#include "pdf/podofo_setup.h"

namespace wenshu::pdf {

namespace {

using namespace PoDoFo;

void error(core::DiagnosticSink& sink, const std::string& rule, const std::string& message,
           const std::string& hint = {}) {
  core::Diagnostic d;
  d.severity = core::Severity::kError;
  d.rule = rule;
  d.message = message;
  if (!hint.empty()) d.hints.push_back(hint);
  sink.push(std::move(d));
}

/// One font of the document as it goes into the PDF.
struct DocFont {
  std::shared_ptr<const FontProgram> program;
  std::set<std::uint32_t> gids;                 ///< used original glyph ids
  std::map<std::uint32_t, std::string> text_of; ///< gid -> first non-empty text seen
  FontProgram::Subset subset;
  std::map<std::uint16_t, std::int64_t> width_milli;
  std::map<std::uint16_t, std::string> unicode_of;
  std::string resource;                         ///< "F1", …
  PdfReference ref;
};

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

void append_utf16_hex(std::string& out, const std::string& utf8) {
  static const char* kHex = "0123456789ABCDEF";
  auto put = [&](std::uint32_t v) {
    for (int s = 12; s >= 0; s -= 4) out.push_back(kHex[(v >> s) & 0xf]);
  };
  for (char32_t cp : core::utf8_decode(utf8)) {
    if (cp >= 0x10000) {
      put(0xD800 + ((cp - 0x10000) >> 10));
      put(0xDC00 + ((cp - 0x10000) & 0x3ff));
    } else {
      put(cp);
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
  std::vector<std::pair<std::uint16_t, std::string>> entries(unicode_of.begin(), unicode_of.end());
  for (std::size_t i = 0; i < entries.size(); i += 100) {
    const std::size_t n = std::min<std::size_t>(100, entries.size() - i);
    s += std::to_string(n) + " beginbfchar\n";
    for (std::size_t j = i; j < i + n; ++j) {
      s += "<";
      static const char* kHex = "0123456789ABCDEF";
      for (int sh = 12; sh >= 0; sh -= 4) s.push_back(kHex[(entries[j].first >> sh) & 0xf]);
      s += "> <";
      append_utf16_hex(s, entries[j].second);
      s += ">\n";
    }
    s += "endbfchar\n";
  }
  s += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
  return s;
}

PdfObject number_milli(std::int64_t milli) {
  if (milli % 1000 == 0) return PdfObject(static_cast<pdf_int64>(milli / 1000));
  return PdfObject(static_cast<double>(milli) / 1000.0);
}

std::string resolve_font_path(const std::string& path) {
  if (path.empty() || path.front() == '/') return path;
  return core::data_path(path).string();
}

/// Embeds one subset font: Type0 -> CIDFont -> FontDescriptor -> font file, plus ToUnicode.
void embed_font(PdfMemDocument& doc, DocFont& f) {
  const FontProgram& fp = *f.program;
  const std::string base = subset_tag(fp.postscript_name(), f.gids) + "+" + fp.postscript_name();
  PdfVecObjects& objs = doc.GetObjects();
  const TVecFilters flate{ePdfFilter_FlateDecode};

  PdfObject* file = objs.CreateObject(PdfVariant(PdfDictionary()));
  file->GetStream()->Set(f.subset.program.data(), static_cast<pdf_long>(f.subset.program.size()), flate);
  const bool truetype = fp.kind() == OutlineKind::kTrueType;
  if (truetype) {
    file->GetDictionary().AddKey("Length1", PdfObject(static_cast<pdf_int64>(f.subset.program.size())));
  } else {
    file->GetDictionary().AddKey("Subtype", PdfName("CIDFontType0C"));
  }

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
  dd.AddKey(truetype ? "FontFile2" : "FontFile3", file->Reference());

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
  // /W: runs of consecutive codes as `c [w1 w2 …]` (ISO 32000-1 9.7.4.3).
  PdfArray w;
  PdfArray group;
  int group_start = -1, prev = -2;
  for (const auto& [code, milli] : f.width_milli) {
    if (static_cast<int>(code) != prev + 1 && !group.empty()) {
      w.push_back(PdfObject(static_cast<pdf_int64>(group_start)));
      w.push_back(group);
      group.clear();
    }
    if (group.empty()) group_start = code;
    group.push_back(number_milli(milli));
    prev = code;
  }
  if (!group.empty()) {
    w.push_back(PdfObject(static_cast<pdf_int64>(group_start)));
    w.push_back(group);
  }
  cd.AddKey("W", w);
  if (truetype) cd.AddKey("CIDToGIDMap", PdfName("Identity"));

  PdfObject* tu = objs.CreateObject(PdfVariant(PdfDictionary()));
  const std::string cmap = to_unicode_cmap(f.unicode_of);
  tu->GetStream()->Set(cmap.data(), static_cast<pdf_long>(cmap.size()), flate);

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

/// "D:20090902000000+08'00'" and "2009-09-02T00:00:00+08:00" from DocumentInfo::date, else from
/// SOURCE_DATE_EPOCH (UTC), else none. Never the clock.
void document_dates(const model::DocumentInfo& info, std::string& pdf_date, std::string& xmp_date) {
  if (auto d = core::parse_date(info.date)) {
    // Records are in local time, Asia/Shanghai (core/date.h).
    const std::string ymd = core::format_date_compact(*d);
    pdf_date = "D:" + ymd + "000000+08'00'";
    xmp_date = core::format_date(*d) + "T00:00:00+08:00";
    return;
  }
  if (const char* e = std::getenv("SOURCE_DATE_EPOCH"); e && *e) {
    char* end = nullptr;
    const long long secs = std::strtoll(e, &end, 10);
    if (end && *end == '\0' && secs >= 0) {
      const core::Date d = core::from_days(secs / 86400);
      const long long rest = secs % 86400;
      char buf[64];
      std::snprintf(buf, sizeof buf, "%02lld%02lld%02lld", rest / 3600, rest / 60 % 60, rest % 60);
      pdf_date = "D:" + core::format_date_compact(d) + buf + "Z";
      std::snprintf(buf, sizeof buf, "T%02lld:%02lld:%02lldZ", rest / 3600, rest / 60 % 60, rest % 60);
      xmp_date = core::format_date(d) + buf;
    }
  }
}

PdfString pdf_text(const std::string& utf8) { return PdfString(reinterpret_cast<const pdf_utf8*>(utf8.c_str())); }

/// Replaces the two trailer /ID strings with a hash of the file's bytes (with the ID zeroed),
/// so /ID depends on the content only (ISO 32000-1 14.4; qpdf's deterministic ID idea).
void set_content_id(std::string& pdf) {
  const std::size_t trailer = pdf.rfind("trailer");
  if (trailer == std::string::npos) return;
  const std::size_t id = pdf.find("/ID", trailer);
  if (id == std::string::npos) return;
  std::vector<std::pair<std::size_t, std::size_t>> spans;  // hex digit ranges
  std::size_t pos = id + 3;
  for (int i = 0; i < 2; ++i) {
    const std::size_t open = pdf.find('<', pos);
    const std::size_t close = open == std::string::npos ? open : pdf.find('>', open);
    if (close == std::string::npos) return;
    spans.emplace_back(open + 1, close);
    pos = close + 1;
  }
  for (auto [b, e] : spans) std::fill(pdf.begin() + static_cast<long>(b), pdf.begin() + static_cast<long>(e), '0');
  // 128 bits from two interleaved FNV-1a lanes (one pass): an identifier, not a security hash.
  unsigned char digest[16];
  std::uint64_t h1 = 14695981039346656037ull, h2 = 0x84222325cbf29ce4ull ^ pdf.size();
  for (unsigned char c : pdf) {
    h1 = (h1 ^ c) * 1099511628211ull;
    h2 = (h2 ^ c) * 0x100000001b3ull + 0x9e3779b97f4a7c15ull;
  }
  for (int i = 0; i < 8; ++i) {
    digest[i] = static_cast<unsigned char>(h1 >> (56 - 8 * i));
    digest[8 + i] = static_cast<unsigned char>(h2 >> (56 - 8 * i));
  }
  static const char* kHex = "0123456789ABCDEF";
  for (auto [b, e] : spans) {
    for (std::size_t i = b, k = 0; i < e; ++i, ++k) {
      const unsigned char byte = digest[(k / 2) % 16];
      pdf[i] = kHex[k % 2 == 0 ? byte >> 4 : byte & 0xf];
    }
  }
}

/// One raster image of the document (seal images, GB/T 9704-2012 7.3.5.1) as an XObject.
struct DocImage {
  std::string resource;  ///< XObject resource name
  PdfReference ref;
};

/// Embeds every image file the pages use, once each, in order of first use (so object numbers
/// do not depend on anything but the document). PNG alpha becomes an /SMask (PoDoFo's libpng
/// reader); JPEG is passed through (DCTDecode). Returns false after pushing a PDF-IMAGE error
/// naming the document line that named the image.
bool embed_images(PdfMemDocument& pdf, const model::PagedDocument& doc, std::map<std::string, DocImage>& out,
                  core::DiagnosticSink& sink) {
  for (const auto& page : doc.pages) {
    for (const auto& item : page.items) {
      const auto* im = std::get_if<model::Image>(&item);
      if (!im || out.count(im->path)) continue;
      auto fail = [&](const std::string& why) {
        core::Diagnostic d;
        d.severity = core::Severity::kError;
        d.rule = "PDF-IMAGE";
        d.location.file = im->source_file;
        d.location.line = im->source_line;
        d.message = "图像 " + im->path + " 无法嵌入 / cannot embed the image: " + why;
        sink.push(std::move(d));
        return false;
      };
      std::string bytes;
      try {
        bytes = core::read_file(im->path, std::size_t(64) << 20);
      } catch (const std::exception& e) {
        return fail(e.what());
      }
      std::string why;
      const auto info = core::probe_image(bytes, why);
      if (!info) return fail(why);
      try {
        PdfImage image(&pdf, "Im");
        const auto* data = reinterpret_cast<const unsigned char*>(bytes.data());
        if (info->format == core::ImageInfo::Format::kPng)
          image.LoadFromPngData(data, static_cast<pdf_long>(bytes.size()));
        else
          image.LoadFromJpegData(data, static_cast<pdf_long>(bytes.size()));
        out[im->path] = DocImage{image.GetIdentifier().GetName(), image.GetObjectReference()};
      } catch (const PdfError& e) {
        return fail(PdfError::ErrorMessage(e.GetError()));
      }
    }
  }
  return true;
}

}  // namespace

std::string write_pdf(const model::PagedDocument& doc, core::DiagnosticSink& sink, const WriteOptions& options) {
  podofo_quiet();
  if (doc.pages.empty()) {
    error(sink, "PDF-EMPTY", "文档没有页面 / the document has no pages");
    return {};
  }
  bool ok = true;
  std::vector<DocFont> fonts(doc.fonts.size());
  // Collect the glyphs used per font and check them against the font files.
  for (std::size_t p = 0; p < doc.pages.size(); ++p) {
    for (const auto& item : doc.pages[p].items) {
      const auto* run = std::get_if<model::GlyphRun>(&item);
      if (!run) continue;
      if (run->font >= doc.fonts.size()) {
        error(sink, "PDF-FONT", "第 " + std::to_string(p + 1) + " 页引用了不存在的字体 #" + std::to_string(run->font) +
                                    " / page " + std::to_string(p + 1) + " uses an undefined font");
        ok = false;
        continue;
      }
      DocFont& f = fonts[run->font];
      for (const auto& g : run->glyphs) {
        f.gids.insert(g.gid);
        if (!g.text.empty()) f.text_of.emplace(g.gid, g.text);
      }
    }
  }
  for (std::size_t i = 0; i < fonts.size(); ++i) {
    DocFont& f = fonts[i];
    if (f.gids.empty()) continue;
    std::string err;
    const std::string path = resolve_font_path(doc.fonts[i].path);
    f.program = FontProgram::get(path, doc.fonts[i].face_index, err);
    if (!f.program) {
      error(sink, "PDF-FONT", "无法读取字体 / cannot load font: " + err, "运行 fonts/setup.sh 安装字体 / run fonts/setup.sh");
      ok = false;
      continue;
    }
    for (auto g : f.gids) {
      if (g >= f.program->glyph_count()) {
        error(sink, "PDF-GLYPH", "字形编号 " + std::to_string(g) + " 超出字体 " + f.program->postscript_name() +
                                     " 的范围 / glyph id out of range (font has " +
                                     std::to_string(f.program->glyph_count()) + " glyphs)");
        ok = false;
        break;
      }
    }
    if (!ok) continue;
    if (!f.program->subset(f.gids, f.subset, err)) {
      error(sink, "PDF-SUBSET", "字体子集化失败 / font subsetting failed: " + err);
      ok = false;
      continue;
    }
    for (const auto& [gid, code] : f.subset.code_of) {
      f.width_milli[code] = f.program->advance_milli(gid);
      if (auto t = f.text_of.find(gid); t != f.text_of.end()) f.unicode_of.emplace(code, t->second);
    }
    f.resource = "F" + std::to_string(i + 1);
  }
  if (!ok) return {};

  std::string out;
  try {
    PdfMemDocument pdf;
    // PDF/A-2 is based on PDF 1.7 (ISO 19005-2 §6.1.2).
    pdf.SetPdfVersion(ePdfVersion_1_7);
    for (auto& f : fonts) {
      if (f.program) embed_font(pdf, f);
    }
    std::map<std::string, DocImage> images;
    if (!embed_images(pdf, doc, images, sink)) return {};
    std::map<std::string, std::string> image_names;
    for (const auto& [path, image] : images) image_names[path] = image.resource;
    std::vector<ContentFont> cfonts(fonts.size());
    for (std::size_t i = 0; i < fonts.size(); ++i) {
      if (!fonts[i].program) continue;
      cfonts[i] = {fonts[i].resource, &fonts[i].subset.code_of, &fonts[i].width_milli, &fonts[i].unicode_of};
    }
    bool uses_cmyk = false;
    for (const auto& page : doc.pages) {
      PdfPage* pp = pdf.CreatePage(PdfRect(0, 0, core::to_pt(page.width), core::to_pt(page.height)));
      // Only the fonts this page uses go into its resources.
      std::set<std::uint32_t> used;
      for (const auto& item : page.items) {
        if (const auto* run = std::get_if<model::GlyphRun>(&item)) {
          used.insert(run->font);
          uses_cmyk |= run->color.space == model::Color::Space::kCmyk;
        } else if (const auto* l = std::get_if<model::Line>(&item)) {
          uses_cmyk |= l->color.space == model::Color::Space::kCmyk;
        } else if (const auto* r = std::get_if<model::Rect>(&item)) {
          uses_cmyk |= r->fill_color.space == model::Color::Space::kCmyk ||
                       r->stroke_color.space == model::Color::Space::kCmyk;
        } else if (const auto* pl = std::get_if<model::Polyline>(&item)) {
          uses_cmyk |= pl->color.space == model::Color::Space::kCmyk;
        }
      }
      PdfDictionary font_res;
      for (auto i : used) {
        if (i < fonts.size() && fonts[i].program) font_res.AddKey(PdfName(fonts[i].resource), fonts[i].ref);
      }
      PdfDictionary& res = pp->GetResources()->GetDictionary();
      res.RemoveKey("ProcSet");  // obsolete (ISO 32000-1 14.2)
      if (!font_res.GetKeys().empty()) res.AddKey("Font", font_res);
      PdfDictionary xobjects;
      bool multiply = false;
      for (const auto& item : page.items) {
        if (const auto* im = std::get_if<model::Image>(&item)) {
          if (auto it = images.find(im->path); it != images.end())
            xobjects.AddKey(PdfName(it->second.resource), it->second.ref);
          multiply |= im->multiply;
        }
      }
      if (!xobjects.GetKeys().empty()) {
        res.AddKey("XObject", xobjects);
        if (multiply) {
          PdfDictionary gs, states;
          gs.AddKey("Type", PdfName("ExtGState"));
          gs.AddKey("BM", PdfName("Multiply"));
          states.AddKey(PdfName(kMultiplyState), gs);
          res.AddKey("ExtGState", states);
        }
        // A page with transparency (SMask, blend mode) names its blending colour space
        // (ISO 19005-2 6.2.10).
        PdfDictionary group;
        group.AddKey("Type", PdfName("Group"));
        group.AddKey("S", PdfName("Transparency"));
        group.AddKey("CS", PdfName("DeviceRGB"));
        pp->GetObject()->GetDictionary().AddKey("Group", group);
      }
      const std::string content = build_page_content(page, cfonts, image_names);
      pp->GetContents()->GetStream()->Set(content.data(), static_cast<pdf_long>(content.size()),
                                          TVecFilters{ePdfFilter_FlateDecode});
    }

    // Info dictionary: every value from the document, never the clock.
    std::string pdf_date, xmp_date;
    document_dates(doc.info, pdf_date, xmp_date);
    MetadataFields meta{doc.info.title, doc.info.author, doc.info.subject, doc.info.keywords,
                        std::string("wenshu ") + core::version(), doc.info.producer, xmp_date};
    PdfDictionary& info = pdf.GetInfo()->GetObject()->GetDictionary();
    info.Clear();
    if (!meta.title.empty()) info.AddKey("Title", pdf_text(meta.title));
    if (!meta.author.empty()) info.AddKey("Author", pdf_text(meta.author));
    if (!meta.subject.empty()) info.AddKey("Subject", pdf_text(meta.subject));
    if (!meta.keywords.empty()) info.AddKey("Keywords", pdf_text(meta.keywords));
    info.AddKey("Creator", pdf_text(meta.creator_tool));
    if (!meta.producer.empty()) info.AddKey("Producer", pdf_text(meta.producer));
    if (!pdf_date.empty()) {
      info.AddKey("CreationDate", PdfString(pdf_date));
      info.AddKey("ModDate", PdfString(pdf_date));
    }

    PdfDictionary& catalog = pdf.GetCatalog()->GetDictionary();
    catalog.AddKey("Lang", PdfString("zh-CN"));
    if (options.pdfa) {
      const std::string xmp = build_xmp(meta);
      PdfObject* md = pdf.GetObjects().CreateObject("Metadata");
      md->GetDictionary().AddKey("Subtype", PdfName("XML"));
      // Unfiltered, so the packet stays readable by tools that scan for it (ISO 19005-2 6.6.2.1).
      md->GetStream()->Set(xmp.data(), static_cast<pdf_long>(xmp.size()), TVecFilters{});
      catalog.AddKey("Metadata", md->Reference());

      const std::string& icc = srgb_icc_profile();
      PdfObject* profile = pdf.GetObjects().CreateObject(PdfVariant(PdfDictionary()));
      profile->GetDictionary().AddKey("N", PdfObject(static_cast<pdf_int64>(3)));
      profile->GetStream()->Set(icc.data(), static_cast<pdf_long>(icc.size()), TVecFilters{ePdfFilter_FlateDecode});
      PdfObject* intent = pdf.GetObjects().CreateObject("OutputIntent");
      PdfDictionary& id = intent->GetDictionary();
      id.AddKey("S", PdfName("GTS_PDFA1"));
      id.AddKey("OutputConditionIdentifier", PdfString("sRGB IEC61966-2.1"));
      id.AddKey("Info", PdfString("sRGB IEC61966-2.1"));
      id.AddKey("RegistryName", PdfString("http://www.color.org"));
      id.AddKey("DestOutputProfile", profile->Reference());
      PdfArray intents;
      intents.push_back(intent->Reference());
      catalog.AddKey("OutputIntents", intents);
      if (uses_cmyk) {
        core::Diagnostic d;
        d.severity = core::Severity::kWarning;
        d.rule = "PDF-PDFA-CMYK";
        d.message = "文档使用 CMYK 颜色，与 sRGB 输出意图不符，不满足 PDF/A-2 / DeviceCMYK used with an sRGB output intent";
        sink.push(std::move(d));
      }
    }

    PdfRefCountedBuffer buffer;
    PdfOutputDevice device(&buffer);
    pdf.Write(&device);
    out.assign(buffer.GetBuffer(), device.GetLength());
  } catch (const PdfError& e) {
    error(sink, "PDF-WRITE", std::string("PDF 生成失败 / PoDoFo error: ") + PdfError::ErrorMessage(e.GetError()));
    return {};
  }
  set_content_id(out);
  return out;
}

bool write_pdf_file(const std::filesystem::path& path, const model::PagedDocument& doc, core::DiagnosticSink& sink,
                    const WriteOptions& options) {
  core::DiagnosticSink local;
  const std::string bytes = write_pdf(doc, local, options);
  return core::write_output_file(path, bytes, local, sink);
}

}  // namespace wenshu::pdf

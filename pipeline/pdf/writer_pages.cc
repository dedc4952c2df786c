// write_pdf, pages: images as XObjects, and every page with its resources and content stream.
#include "core/file_io.h"
#include "core/image_info.h"
#include "pdf/content.h"
#include "pdf/deflate.h"
#include "pdf/writer_steps.h"

namespace wenshu::pdf {

using namespace PoDoFo;

bool embed_images(PdfMemDocument& pdf, const model::PagedDocument& doc, std::map<std::string, DocImage>& out,
                  core::DiagnosticSink& sink) {
  // In order of first use, so object numbers depend on nothing but the document. PNG alpha
  // becomes an /SMask (PoDoFo's libpng reader); JPEG is passed through (DCTDecode).
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

namespace {

bool is_cmyk(const model::Color& c) { return c.space == model::Color::Space::kCmyk; }

/// The fonts a page uses, and whether it paints in DeviceCMYK.
std::set<std::uint32_t> page_fonts(const model::Page& page, bool& uses_cmyk) {
  std::set<std::uint32_t> used;
  for (const auto& item : page.items) {
    if (const auto* run = std::get_if<model::GlyphRun>(&item)) {
      used.insert(run->font);
      uses_cmyk |= is_cmyk(run->color);
    } else if (const auto* l = std::get_if<model::Line>(&item)) {
      uses_cmyk |= is_cmyk(l->color);
    } else if (const auto* r = std::get_if<model::Rect>(&item)) {
      uses_cmyk |= is_cmyk(r->fill_color) || is_cmyk(r->stroke_color);
    } else if (const auto* pl = std::get_if<model::Polyline>(&item)) {
      uses_cmyk |= is_cmyk(pl->color);
    }
  }
  return used;
}

/// The page's image XObjects; with images, the blend state they need and the transparency group.
void add_image_resources(PdfPage& pp, PdfDictionary& res, const model::Page& page,
                         const std::map<std::string, DocImage>& images) {
  PdfDictionary xobjects;
  bool multiply = false;
  for (const auto& item : page.items) {
    if (const auto* im = std::get_if<model::Image>(&item)) {
      if (auto it = images.find(im->path); it != images.end())
        xobjects.AddKey(PdfName(it->second.resource), it->second.ref);
      multiply |= im->multiply;
    }
  }
  if (xobjects.GetKeys().empty()) return;
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
  pp.GetObject()->GetDictionary().AddKey("Group", group);
}

}  // namespace

bool add_pages(PdfMemDocument& pdf, const model::PagedDocument& doc, const std::vector<DocFont>& fonts,
               const std::map<std::string, DocImage>& images) {
  std::map<std::string, std::string> image_names;
  for (const auto& [path, image] : images) image_names[path] = image.resource;
  std::vector<ContentFont> cfonts(fonts.size());
  for (std::size_t i = 0; i < fonts.size(); ++i) {
    if (!fonts[i].program) continue;
    cfonts[i] = {fonts[i].resource, &fonts[i].subset->code_of, &fonts[i].width_milli, &fonts[i].unicode_of};
  }
  bool uses_cmyk = false;
  std::string content;
  for (const auto& page : doc.pages) {
    PdfPage* pp = pdf.CreatePage(PdfRect(0, 0, core::to_pt(page.width), core::to_pt(page.height)));
    PdfDictionary font_res;  // only the fonts this page uses
    for (auto i : page_fonts(page, uses_cmyk)) {
      if (i < fonts.size() && fonts[i].program) font_res.AddKey(PdfName(fonts[i].resource), fonts[i].ref);
    }
    PdfDictionary& res = pp->GetResources()->GetDictionary();
    res.RemoveKey("ProcSet");  // obsolete (ISO 32000-1 14.2)
    if (!font_res.GetKeys().empty()) res.AddKey("Font", font_res);
    add_image_resources(*pp, res, page, images);
    content = build_page_content(page, cfonts, image_names);
    set_stream(*pp->GetContents(), content, kTextLevel);
  }
  return uses_cmyk;
}

}  // namespace wenshu::pdf

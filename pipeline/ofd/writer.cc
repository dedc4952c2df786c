// PagedDocument → OFD package (see writer.h; docs/ofd.md).
#include "ofd/writer.h"

#include <openssl/evp.h>

#include <map>
#include <memory>
#include <set>

#include "core/data_dir.h"
#include "core/date.h"
#include "core/file_io.h"
#include "core/image_info.h"
#include "core/output_file.h"
#include "ofd/geometry.h"
#include "ofd/package.h"
#include "ofd/page_content.h"
#include "ofd/seal_image.h"
#include "ofd/xml_out.h"
#include "pdf/font_program.h"

namespace wenshu::ofd {

namespace {

void error(core::DiagnosticSink& sink, const std::string& rule, const std::string& message, const std::string& hint = {}) {
  core::Diagnostic d;
  d.rule = rule;
  d.message = message;
  if (!hint.empty()) d.hints.push_back(hint);
  sink.push(std::move(d));
}

/// One font of the document as it goes into the package.
struct DocFont {
  std::shared_ptr<const pdf::FontProgram> program;
  std::set<std::uint32_t> gids;
  pdf::FontProgram::Subset subset;
  std::uint32_t id = 0;
  std::string file;  ///< entry name under Doc_0/Res/
};

/// One image file of the document.
struct DocImage {
  std::string bytes;
  std::string format;  ///< MultiMedia Format: PNG or JPEG
  std::uint32_t id = 0;
  std::string file;
};

std::string resolve_font_path(const std::string& path) {
  if (path.empty() || path.front() == '/') return path;
  return core::data_path(path).string();
}

/// Collects the glyphs of every font, loads and subsets the fonts (the PDF writer's subsetter,
/// whole-font-file form). False after pushing OFD-FONT/OFD-GLYPH/OFD-SUBSET errors.
bool prepare_fonts(const model::PagedDocument& doc, std::vector<DocFont>& fonts, core::DiagnosticSink& sink) {
  bool ok = true;
  fonts.assign(doc.fonts.size(), {});
  for (std::size_t p = 0; p < doc.pages.size(); ++p) {
    for (const auto& item : doc.pages[p].items) {
      const auto* run = std::get_if<model::GlyphRun>(&item);
      if (!run) continue;
      if (run->font >= doc.fonts.size()) {
        error(sink, "OFD-FONT", "第 " + std::to_string(p + 1) + " 页引用了不存在的字体 #" + std::to_string(run->font) +
                                    " / page " + std::to_string(p + 1) + " uses an undefined font");
        ok = false;
        continue;
      }
      for (const auto& g : run->glyphs) fonts[run->font].gids.insert(g.gid);
    }
  }
  for (std::size_t i = 0; i < fonts.size() && ok; ++i) {
    DocFont& f = fonts[i];
    if (f.gids.empty()) continue;
    std::string err;
    f.program = pdf::FontProgram::get(resolve_font_path(doc.fonts[i].path), doc.fonts[i].face_index, err);
    if (!f.program) {
      error(sink, "OFD-FONT", "无法读取字体 / cannot load font: " + err, "运行 fonts/setup.sh 安装字体 / run fonts/setup.sh");
      ok = false;
      break;
    }
    if (*f.gids.rbegin() >= f.program->glyph_count()) {
      error(sink, "OFD-GLYPH", "字形编号 " + std::to_string(*f.gids.rbegin()) + " 超出字体 " + f.program->postscript_name() +
                                   " 的范围 / glyph id out of range (font has " + std::to_string(f.program->glyph_count()) +
                                   " glyphs)");
      ok = false;
      break;
    }
    if (!f.program->subset(f.gids, f.subset, err, pdf::FontProgram::SubsetFormat::kOpenTypeFile)) {
      error(sink, "OFD-SUBSET", "字体子集化失败 / font subsetting failed: " + err);
      ok = false;
    }
  }
  return ok;
}

/// Reads every image file the pages use, once each, in order of first use; a seal (an image
/// painted with Multiply in the PDF) becomes a PNG with alpha from its luminance.
bool prepare_images(const model::PagedDocument& doc, std::vector<std::string>& order, std::map<std::string, DocImage>& out,
                    core::DiagnosticSink& sink) {
  for (const auto& page : doc.pages) {
    for (const auto& item : page.items) {
      const auto* im = std::get_if<model::Image>(&item);
      if (!im || out.count(im->path)) continue;
      auto fail = [&](const std::string& why) {
        core::Diagnostic d;
        d.rule = "OFD-IMAGE";
        d.location.file = im->source_file;
        d.location.line = im->source_line;
        d.message = "图像 " + im->path + " 无法嵌入 / cannot embed the image: " + why;
        sink.push(std::move(d));
        return false;
      };
      DocImage image;
      try {
        image.bytes = core::read_file(im->path, std::size_t(64) << 20);
      } catch (const std::exception& e) {
        return fail(e.what());
      }
      std::string why;
      const auto info = core::probe_image(image.bytes, why);
      if (!info) return fail(why);
      image.format = info->format == core::ImageInfo::Format::kPng ? "PNG" : "JPEG";
      if (im->multiply) {
        // A seal: OFD has no Multiply blend, so its alpha comes from its luminance (seal_image.h).
        auto seal = transparent_seal(image.bytes, why);
        if (!seal) return fail(why);
        image.bytes = std::move(*seal);
        image.format = "PNG";
      }
      out.emplace(im->path, std::move(image));
      order.push_back(im->path);
    }
  }
  return true;
}

bool uses_space(const model::PagedDocument& doc, model::Color::Space space) {
  for (const auto& page : doc.pages) {
    for (const auto& item : page.items) {
      bool hit = false;
      if (const auto* r = std::get_if<model::GlyphRun>(&item)) hit = r->color.space == space;
      else if (const auto* l = std::get_if<model::Line>(&item)) hit = l->color.space == space;
      else if (const auto* p = std::get_if<model::Polyline>(&item)) hit = p->color.space == space;
      else if (const auto* rc = std::get_if<model::Rect>(&item))
        hit = (rc->fill && rc->fill_color.space == space) || (rc->stroke && rc->stroke_color.space == space);
      if (hit) return true;
    }
  }
  return false;
}

/// The generic family a reader can substitute when it cannot use the embedded program
/// (FamilyName, §11.1), from the face's role in fonts/manifest.tsv.
std::string family_of(const std::string& role) {
  if (role.rfind("fang", 0) == 0) return "仿宋";
  if (role.rfind("hei", 0) == 0) return "黑体";
  if (role.rfind("kai", 0) == 0) return "楷体";
  if (role.rfind("song", 0) == 0) return "宋体";
  return {};
}

std::string public_res(const model::PagedDocument& doc, const std::vector<DocFont>& fonts, std::uint32_t gray,
                       std::uint32_t cmyk) {
  XmlOut x;
  x.open("Res").attr("BaseLoc", "Res");
  if (gray || cmyk) {
    x.open("ColorSpaces");
    if (gray) x.open("ColorSpace").attr("ID", std::to_string(gray)).attr("Type", "GRAY").attr("BitsPerComponent", "8").close();
    if (cmyk) x.open("ColorSpace").attr("ID", std::to_string(cmyk)).attr("Type", "CMYK").attr("BitsPerComponent", "8").close();
    x.close();
  }
  bool any = false;
  for (std::size_t i = 0; i < fonts.size(); ++i) {
    const DocFont& f = fonts[i];
    if (!f.id) continue;
    if (!any) x.open("Fonts"), any = true;
    x.open("Font").attr("ID", std::to_string(f.id)).attr("FontName", f.program->postscript_name());
    if (const std::string family = family_of(doc.fonts[i].role); !family.empty()) x.attr("FamilyName", family);
    const std::string& role = doc.fonts[i].role;
    if (role.find("bold") != std::string::npos) x.attr("Bold", "true");
    if (role.rfind("hei", 0) != 0) x.attr("Serif", "true");
    if (f.program->metrics().fixed_pitch) x.attr("FixedWidth", "true");
    x.leaf("FontFile", f.file).close();
  }
  if (any) x.close();
  x.close();
  return x.take();
}

std::string document_res(const std::vector<std::string>& order, const std::map<std::string, DocImage>& images) {
  XmlOut x;
  x.open("Res").attr("BaseLoc", "Res");
  if (!order.empty()) {
    x.open("MultiMedias");
    for (const auto& path : order) {
      const DocImage& im = images.at(path);
      x.open("MultiMedia").attr("ID", std::to_string(im.id)).attr("Type", "Image").attr("Format", im.format);
      x.leaf("MediaFile", im.file).close();
    }
    x.close();
  }
  x.close();
  return x.take();
}

std::string page_box(const model::Page& p) {
  return "0 0 " + format_um(sp_to_um(p.width)) + " " + format_um(sp_to_um(p.height));
}

std::string document_xml(const model::PagedDocument& doc, std::uint32_t max_id, const std::vector<std::uint32_t>& page_ids,
                         bool has_images) {
  XmlOut x;
  x.open("Document").open("CommonData");
  x.leaf("MaxUnitID", std::to_string(max_id));
  x.open("PageArea").leaf("PhysicalBox", page_box(doc.pages.front())).close();
  x.leaf("PublicRes", "PublicRes.xml");
  if (has_images) x.leaf("DocumentRes", "Document_Res.xml");
  x.close().open("Pages");
  for (std::size_t i = 0; i < doc.pages.size(); ++i)
    x.open("Page").attr("ID", std::to_string(page_ids[i])).attr("BaseLoc", "Pages/Page_" + std::to_string(i) + "/Content.xml").close();
  x.close().close();
  return x.take();
}

/// A document identifier from the content (32 hex digits of a SHA-256 over the metadata and
/// every part), so the same document always gets the same DocID and different documents
/// different ones.
std::string content_id(const model::DocumentInfo& info, const std::vector<PackageEntry>& parts) {
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned len = 0;
  EVP_DigestInit_ex(ctx, EVP_sha256(), nullptr);
  for (const std::string* field : {&info.title, &info.author, &info.subject, &info.keywords, &info.date})
    EVP_DigestUpdate(ctx, field->c_str(), field->size() + 1);
  for (const auto& p : parts) {
    EVP_DigestUpdate(ctx, p.name.data(), p.name.size() + 1);
    EVP_DigestUpdate(ctx, p.bytes.data(), p.bytes.size());
  }
  EVP_DigestFinal_ex(ctx, md, &len);
  EVP_MD_CTX_free(ctx);
  static const char* kHex = "0123456789abcdef";
  std::string id;
  for (unsigned i = 0; i < 16; ++i) id += kHex[md[i] >> 4], id += kHex[md[i] & 15];
  return id;
}

std::string ofd_xml(const model::DocumentInfo& info, const std::string& doc_id, const WriteOptions& options) {
  XmlOut x;
  x.open("OFD").attr("Version", "1.0").attr("DocType", options.archive_profile ? "OFD-A" : "OFD");
  x.open("DocBody").open("DocInfo");
  x.leaf("DocID", doc_id);
  if (!info.title.empty()) x.leaf("Title", info.title);
  if (!info.author.empty()) x.leaf("Author", info.author);
  if (!info.subject.empty()) x.leaf("Subject", info.subject);
  // Dates from 成文日期 of the record (never the clock).
  if (const auto d = core::parse_date(info.date)) {
    x.leaf("CreationDate", core::format_date(*d));
    x.leaf("ModDate", core::format_date(*d));
  }
  if (!info.keywords.empty()) x.open("Keywords").leaf("Keyword", info.keywords).close();
  x.leaf("Creator", info.producer.empty() ? "wenshu" : info.producer);
  x.leaf("CreatorVersion", core::version());
  if (!options.custom_data.empty()) {
    x.open("CustomDatas");
    for (const auto& [name, value] : options.custom_data) x.open("CustomData").attr("Name", name).text_close(value);
    x.close();
  }
  x.close().leaf("DocRoot", "Doc_0/Document.xml").close().close();
  return x.take();
}

}  // namespace

std::string write_ofd(const model::PagedDocument& doc, core::DiagnosticSink& sink, const WriteOptions& options) {
  if (doc.pages.empty()) {
    error(sink, "OFD-EMPTY", "文档没有页面 / the document has no pages");
    return {};
  }
  std::vector<DocFont> fonts;
  std::vector<std::string> image_order;
  std::map<std::string, DocImage> images;
  if (!prepare_fonts(doc, fonts, sink) || !prepare_images(doc, image_order, images, sink)) return {};

  // Identifiers (ST_ID, unique in the document), in a fixed order: fonts, colour spaces,
  // images, pages, then each page's layer and objects.
  std::uint32_t next_id = 1;
  ContentResources res;
  res.fonts.resize(fonts.size());
  for (std::size_t i = 0; i < fonts.size(); ++i) {
    if (!fonts[i].program) continue;
    fonts[i].id = next_id++;
    fonts[i].file = "font_" + std::to_string(fonts[i].id) + (fonts[i].program->kind() == pdf::OutlineKind::kTrueType ? ".ttf" : ".otf");
    res.fonts[i] = {fonts[i].id, fonts[i].program.get(), &fonts[i].subset.new_gid_of};
  }
  if (uses_space(doc, model::Color::Space::kGray)) res.gray_space = next_id++;
  if (uses_space(doc, model::Color::Space::kCmyk)) res.cmyk_space = next_id++;
  for (const auto& path : image_order) {
    DocImage& im = images[path];
    im.id = next_id++;
    im.file = "image_" + std::to_string(im.id) + (im.format == "PNG" ? ".png" : ".jpg");
    res.images[path] = im.id;
  }
  std::vector<std::uint32_t> page_ids;
  for (std::size_t i = 0; i < doc.pages.size(); ++i) page_ids.push_back(next_id++);

  std::vector<PackageEntry> parts;
  for (std::size_t i = 0; i < doc.pages.size(); ++i) {
    const model::Page& p = doc.pages[i];
    const bool own_area = p.width != doc.pages.front().width || p.height != doc.pages.front().height;
    parts.push_back({"Doc_0/Pages/Page_" + std::to_string(i) + "/Content.xml", build_page_content(p, res, next_id, own_area)});
  }
  parts.insert(parts.begin(), {"Doc_0/Document.xml", document_xml(doc, next_id - 1, page_ids, !image_order.empty())});
  parts.insert(parts.begin() + 1, {"Doc_0/PublicRes.xml", public_res(doc, fonts, res.gray_space, res.cmyk_space)});
  if (!image_order.empty()) parts.insert(parts.begin() + 2, {"Doc_0/Document_Res.xml", document_res(image_order, images)});
  for (auto& f : fonts)
    if (f.id) parts.push_back({"Doc_0/Res/" + f.file, std::move(f.subset.program)});
  for (const auto& path : image_order) parts.push_back({"Doc_0/Res/" + images[path].file, std::move(images[path].bytes), false});
  parts.insert(parts.begin(), {"OFD.xml", ofd_xml(doc.info, content_id(doc.info, parts), options)});

  const core::Date date = core::parse_date(doc.info.date).value_or(core::Date{1980, 1, 1});
  try {
    return write_package(parts, date);
  } catch (const std::exception& e) {
    error(sink, "OFD-WRITE", std::string("OFD 生成失败 / cannot write the package: ") + e.what());
    return {};
  }
}

bool write_ofd_file(const std::filesystem::path& path, const model::PagedDocument& doc, core::DiagnosticSink& sink,
                    const WriteOptions& options) {
  core::DiagnosticSink local;
  const std::string bytes = write_ofd(doc, local, options);
  return core::write_output_file(path, bytes, local, sink);
}

}  // namespace wenshu::ofd

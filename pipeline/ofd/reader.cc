// The OFD reader's top level: package → OFD.xml → Document.xml → resources, templates and
// pages (see reader.h).
#include "ofd/reader.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "core/file_io.h"
#include "ingest/xml_node.h"
#include "ofd/reader_content.h"
#include "ofd/reader_parts.h"

namespace wenshu::ofd {

namespace {

using detail::PartLoader;
using detail::ReadFailure;
using detail::Resources;

/// What the archive profile of GB/T 42133-2022 allows for images (MultiMedia Format).
bool archival_image_format(std::string f) {
  std::transform(f.begin(), f.end(), f.begin(), [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  for (const char* ok : {"BMP", "JPEG", "JPG", "PNG", "JBIG2", "JB2", "JPEG2000", "JP2", "TIFF", "TIF"})
    if (f == ok) return true;
  return false;
}

void read_doc_info(const _xmlNode* info, OfdInfo& out) {
  for (const _xmlNode* e = ingest::first_element(info); e; e = ingest::next_element(e)) {
    const std::string_view n = ingest::local_name(e);
    const std::string text = ingest::text_content(e);
    if (n == "DocID") out.doc_id = text;
    else if (n == "Title") out.title = text;
    else if (n == "Author") out.author = text;
    else if (n == "Subject") out.subject = text;
    else if (n == "CreationDate") out.creation_date = text;
    else if (n == "ModDate") out.mod_date = text;
    else if (n == "Creator") out.creator = text;
    else if (n == "CreatorVersion") out.creator_version = text;
    else if (n == "CustomDatas")
      for (const _xmlNode* d = ingest::first_element(e); d; d = ingest::next_element(d))
        out.custom_data.emplace_back(ingest::attribute_or(d, "Name"), ingest::text_content(d));
  }
}

/// Page size (mm) from a CT_PageArea element.
std::pair<double, double> physical_size(const _xmlNode* area, const std::string& part) {
  for (const _xmlNode* e = ingest::first_element(area); e; e = ingest::next_element(e)) {
    if (ingest::local_name(e) != "PhysicalBox") continue;
    std::vector<double> v;
    if (!detail::parse_numbers(ingest::text_content(e), v) || v.size() != 4)
      throw ReadFailure("OFD-SCHEMA", part, "PhysicalBox 需要 4 个数 / PhysicalBox needs four numbers");
    return {v[2], v[3]};
  }
  return {0, 0};
}

struct DocumentState {
  Resources res;
  std::pair<double, double> default_size;
  std::map<std::uint32_t, std::pair<PageText, std::string>> templates;  ///< ID -> (content, ZOrder)
  detail::ContentFacts facts;
  bool permissions = false;
};

/// One page: its own resources, templates behind and in front, its layers.
PageText read_page(PartLoader& loader, const std::string& entry, DocumentState& st) {
  const ingest::XmlDocPtr doc = loader.load(entry, "Page.xsd");
  const _xmlNode* root = ingest::root_element(doc.get());
  PageText page;
  std::tie(page.width, page.height) = st.default_size;
  std::vector<const PageText*> back, front;
  for (const _xmlNode* c = ingest::first_element(root); c; c = ingest::next_element(c)) {
    const std::string_view n = ingest::local_name(c);
    if (n == "PageRes") {
      loader.load_resources(loader.resolve_existing(folder_of(entry), ingest::text_content(c), entry, "PageRes"), st.res);
    } else if (n == "Area") {
      std::tie(page.width, page.height) = physical_size(c, entry);
    } else if (n == "Template") {
      const std::string ref = ingest::attribute_or(c, "TemplateID");
      const auto it = st.templates.find(detail::parse_id(ref));
      if (it == st.templates.end()) throw ReadFailure("OFD-REF", entry, "模板页 " + ref + " 未定义 / undefined template page");
      const std::string z = ingest::attribute_or(c, "ZOrder", it->second.second);
      (z == "Foreground" ? front : back).push_back(&it->second.first);
    }
  }
  PageText own;
  detail::read_page_content(root, entry, st.res, loader, own, st.facts);
  for (const PageText* t : back) page.chars.insert(page.chars.end(), t->chars.begin(), t->chars.end());
  page.chars.insert(page.chars.end(), own.chars.begin(), own.chars.end());
  for (const PageText* t : front) page.chars.insert(page.chars.end(), t->chars.begin(), t->chars.end());
  page.text_objects = own.text_objects, page.path_objects = own.path_objects, page.image_objects = own.image_objects;
  return page;
}

/// Document.xml: common data, resources, templates, then every page in order.
void read_document(PartLoader& loader, const std::string& entry, OfdInfo& out, DocumentState& st) {
  const ingest::XmlDocPtr doc = loader.load(entry, "Document.xsd");
  const _xmlNode* root = ingest::root_element(doc.get());
  const std::string base = folder_of(entry);
  std::vector<std::pair<std::string, std::string>> pages;  // (ID, entry)
  for (const _xmlNode* c = ingest::first_element(root); c; c = ingest::next_element(c)) {
    const std::string_view n = ingest::local_name(c);
    if (n == "CommonData") {
      for (const _xmlNode* e = ingest::first_element(c); e; e = ingest::next_element(e)) {
        const std::string_view en = ingest::local_name(e);
        if (en == "PageArea") st.default_size = physical_size(e, entry);
        if (en == "PublicRes" || en == "DocumentRes")
          loader.load_resources(loader.resolve_existing(base, ingest::text_content(e), entry, "资源文件 / resource file"), st.res);
        if (en == "TemplatePage") {
          loader.claim_id(ingest::attribute_or(e, "ID"), entry);
          const std::string part = loader.resolve_existing(base, ingest::attribute_or(e, "BaseLoc"), entry, "TemplatePage");
          auto& slot = st.templates[detail::parse_id(ingest::attribute_or(e, "ID"))];
          slot.second = ingest::attribute_or(e, "ZOrder", "Background");
          slot.first = read_page(loader, part, st);
        }
      }
    } else if (n == "Pages") {
      for (const _xmlNode* p = ingest::first_element(c); p; p = ingest::next_element(p)) {
        loader.claim_id(ingest::attribute_or(p, "ID"), entry);
        pages.emplace_back(ingest::attribute_or(p, "ID"), loader.resolve_existing(base, ingest::attribute_or(p, "BaseLoc"), entry, "Page"));
      }
    } else if (n == "Permissions") {
      st.permissions = true;
    } else if (n == "Actions") {
      if (!detail::only_goto_actions(c)) st.facts.actions = true;
    } else if (n == "Annotations" || n == "CustomTags" || n == "Attachments" || n == "Extensions") {
      // Parts outside the page description: they must exist; their content is not interpreted.
      loader.resolve_existing(base, ingest::text_content(c), entry, "引用 / reference");
    }
  }
  for (const auto& [id, part] : pages) out.pages.push_back(read_page(loader, part, st));
  for (const auto& [id, f] : st.res.fonts) out.fonts.push_back({f.name, f.file, f.file.empty() ? 0 : loader.package().size(f.file)});
  for (const auto& [id, m] : st.res.media) out.images += m.type == "Image" ? 1 : 0;
}

void check_profile(const _xmlNode* ofd_root, const DocumentState& st, OfdInfo& out) {
  std::vector<std::string>& p = out.profile_problems;
  if (out.doc_type != "OFD-A") p.push_back("DocType 不是 OFD-A / DocType is not OFD-A");
  int bodies = 0;
  for (const _xmlNode* b = ingest::first_element(ofd_root); b; b = ingest::next_element(b)) ++bodies;
  if (bodies != 1) p.push_back("包含 " + std::to_string(bodies) + " 个文档 / more than one document");
  for (const auto& [id, f] : st.res.fonts)
    if (f.file.empty()) p.push_back("字体 " + f.name + " 未嵌入 / font not embedded");
  for (const auto& [id, m] : st.res.media) {
    if (m.type != "Image") p.push_back("包含音频或视频 / audio or video resource " + m.file);
    else if (!archival_image_format(m.format)) p.push_back("图像格式 " + m.format + " 不适于归档 / image format not allowed");
  }
  if (st.permissions) p.push_back("设置了权限 / permissions set");
  if (st.facts.actions) p.push_back("包含跳转以外的动作 / actions other than Goto");
}

}  // namespace

std::string OfdInfo::text() const {
  std::string out;
  for (std::size_t p = 0; p < pages.size(); ++p) {
    if (p > 0) out += "\f";
    const TextChar* prev = nullptr;
    for (const auto& c : pages[p].chars) {
      if (prev && std::abs(c.y - prev->y) > 0.3 * std::max(c.size, prev->size)) out += "\n";
      out += c.text;
      prev = &c;
    }
    if (prev) out += "\n";
  }
  return out;
}

OfdInfo read_ofd(std::string_view bytes, const std::string& name, core::DiagnosticSink& sink, const ReadOptions& options) {
  OfdInfo out;
  std::string error;
  const auto package = Package::open(bytes, options.limits, error);
  auto report = [&](const std::string& rule, const std::string& message) {
    core::Diagnostic d;
    d.rule = rule;
    d.location.file = name;
    d.message = message;
    sink.push(std::move(d));
  };
  if (!package) {
    report("OFD-PACKAGE", "OFD 包无法打开 / the OFD package cannot be opened: " + error);
    return out;
  }
  try {
    PartLoader loader(*package, name);
    if (!package->has("OFD.xml")) throw ReadFailure("OFD-MISSING", "OFD.xml", "缺少入口文件 OFD.xml / no OFD.xml at the package root");
    const ingest::XmlDocPtr entry = loader.load("OFD.xml", "OFD.xsd");
    const _xmlNode* root = ingest::root_element(entry.get());
    out.version = ingest::attribute_or(root, "Version");
    out.doc_type = ingest::attribute_or(root, "DocType");
    const _xmlNode* body = ingest::first_element(root);
    DocumentState st;
    for (const _xmlNode* c = ingest::first_element(body); c; c = ingest::next_element(c)) {
      const std::string_view n = ingest::local_name(c);
      if (n == "DocInfo") read_doc_info(c, out);
      else if (n == "DocRoot") read_document(loader, loader.resolve_existing("", ingest::text_content(c), "OFD.xml", "DocRoot"), out, st);
      else if (n == "Signatures") loader.resolve_existing("", ingest::text_content(c), "OFD.xml", "Signatures");
    }
    out.parts_validated = static_cast<std::size_t>(loader.validated());
    if (options.require_archive_profile || out.doc_type == "OFD-A") check_profile(root, st, out);
  } catch (const ReadFailure& f) {
    report(f.rule, f.what());
    out.pages.clear();
    return out;
  }
  out.readable = true;
  if (!out.profile_problems.empty()) {
    std::string all;
    for (const auto& p : out.profile_problems) all += (all.empty() ? "" : "; ") + p;
    report("OFD-A", "不符合 OFD-A 档案格式（GB/T 42133-2022）/ not an OFD-A archive package: " + all);
  }
  return out;
}

OfdInfo read_ofd_file(const std::filesystem::path& path, core::DiagnosticSink& sink, const ReadOptions& options) {
  std::string bytes;
  try {
    bytes = core::read_file(path, options.limits.max_total_bytes);
  } catch (const std::exception& e) {
    core::Diagnostic d;
    d.rule = "OFD-PACKAGE";
    d.location.file = path.string();
    d.message = std::string("无法读取 / cannot read: ") + e.what();
    sink.push(std::move(d));
    return {};
  }
  return read_ofd(bytes, path.string(), sink, options);
}

}  // namespace wenshu::ofd

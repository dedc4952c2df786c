// XMP packet and sRGB ICC profile for PDF/A-2 output.
#include "pdf/pdfa.h"

#include <cmath>
#include <cstring>
#include <cstdint>
#include <vector>

#include "xml/writer.h"

namespace wenshu::pdf {

namespace {

void put32(std::string& b, std::size_t at, std::uint32_t v) {
  b[at] = static_cast<char>(v >> 24);
  b[at + 1] = static_cast<char>(v >> 16);
  b[at + 2] = static_cast<char>(v >> 8);
  b[at + 3] = static_cast<char>(v);
}
void add32(std::string& b, std::uint32_t v) {
  b.resize(b.size() + 4);
  put32(b, b.size() - 4, v);
}
void add16(std::string& b, std::uint16_t v) {
  b.push_back(static_cast<char>(v >> 8));
  b.push_back(static_cast<char>(v));
}
void add_tag4(std::string& b, const char* t) { b.append(t, 4); }
std::uint32_t s15f16(double v) { return static_cast<std::uint32_t>(static_cast<std::int32_t>(std::lround(v * 65536.0))); }
void pad4(std::string& b) {
  while (b.size() % 4) b.push_back('\0');
}

std::string build_icc() {
  struct Tag {
    const char* sig;
    std::string data;
  };
  auto xyz = [](double x, double y, double z) {
    std::string d;
    add_tag4(d, "XYZ ");
    add32(d, 0);
    add32(d, s15f16(x));
    add32(d, s15f16(y));
    add32(d, s15f16(z));
    return d;
  };
  std::string desc;
  {
    const std::string name = "sRGB IEC61966-2.1";
    add_tag4(desc, "desc");
    add32(desc, 0);
    add32(desc, static_cast<std::uint32_t>(name.size() + 1));
    desc += name;
    desc.push_back('\0');
    add32(desc, 0);  // Unicode language code
    add32(desc, 0);  // Unicode count
    add16(desc, 0);  // ScriptCode code
    desc.push_back('\0');  // ScriptCode count
    desc.append(67, '\0');
  }
  std::string cprt;
  add_tag4(cprt, "text");
  add32(cprt, 0);
  cprt += "No copyright, use freely";
  cprt.push_back('\0');
  std::string trc;
  {
    constexpr int kN = 1024;
    add_tag4(trc, "curv");
    add32(trc, 0);
    add32(trc, kN);
    for (int i = 0; i < kN; ++i) {
      // IEC 61966-2.1 tone curve.
      const double v = static_cast<double>(i) / (kN - 1);
      const double lin = v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
      add16(trc, static_cast<std::uint16_t>(std::lround(lin * 65535.0)));
    }
  }
  // Bradford-adapted (D50) sRGB primaries, as in the widely used sRGB v2/v4 profiles.
  const std::vector<Tag> tags = {
      {"desc", desc},
      {"cprt", cprt},
      {"wtpt", xyz(0.9642, 1.0, 0.8249)},
      {"rXYZ", xyz(0.4361, 0.2225, 0.0139)},
      {"gXYZ", xyz(0.3851, 0.7169, 0.0971)},
      {"bXYZ", xyz(0.1431, 0.0606, 0.7141)},
      {"rTRC", trc},
  };
  std::string b(128, '\0');
  add32(b, static_cast<std::uint32_t>(tags.size() + 2));  // rTRC shared by gTRC and bTRC
  const std::size_t table_at = b.size();
  b.resize(table_at + (tags.size() + 2) * 12);
  pad4(b);
  std::size_t entry = table_at;
  std::size_t trc_offset = 0, trc_size = 0;
  for (const auto& t : tags) {
    const std::size_t off = b.size();
    b += t.data;
    std::memcpy(b.data() + entry, t.sig, 4);
    put32(b, entry + 4, static_cast<std::uint32_t>(off));
    put32(b, entry + 8, static_cast<std::uint32_t>(t.data.size()));
    entry += 12;
    if (std::string(t.sig) == "rTRC") trc_offset = off, trc_size = t.data.size();
    pad4(b);
  }
  for (const char* sig : {"gTRC", "bTRC"}) {
    std::memcpy(b.data() + entry, sig, 4);
    put32(b, entry + 4, static_cast<std::uint32_t>(trc_offset));
    put32(b, entry + 8, static_cast<std::uint32_t>(trc_size));
    entry += 12;
  }
  // Header (ICC.1:2001-04 §6.1).
  put32(b, 0, static_cast<std::uint32_t>(b.size()));
  put32(b, 8, 0x02100000);  // version 2.1
  std::memcpy(b.data() + 12, "mntr", 4);
  std::memcpy(b.data() + 16, "RGB ", 4);
  std::memcpy(b.data() + 20, "XYZ ", 4);
  // Creation date 2009-09-02 00:00:00 (fixed: no clock).
  const std::uint16_t date[6] = {2009, 9, 2, 0, 0, 0};
  for (int i = 0; i < 6; ++i) {
    b[24 + 2 * i] = static_cast<char>(date[i] >> 8);
    b[25 + 2 * i] = static_cast<char>(date[i]);
  }
  std::memcpy(b.data() + 36, "acsp", 4);
  put32(b, 64, 0);  // perceptual intent
  put32(b, 68, s15f16(0.9642));
  put32(b, 72, s15f16(1.0));
  put32(b, 76, s15f16(0.8249));
  return b;
}

}  // namespace

std::string build_xmp(const MetadataFields& f) {
  // XMP (ISO 16684-1) as PDF/A-2 wants it: a packet wrapper, dc/xmp/pdf properties and the
  // pdfaid identification, written by the one XML writer (no declaration inside a packet).
  xml::Writer x(xml::Layout{"", false});
  x.pi("xpacket", "begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"");
  x.open("x:xmpmeta", {{"xmlns:x", "adobe:ns:meta/"}});
  x.open("rdf:RDF", {{"xmlns:rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"}});
  x.open("rdf:Description", {{"rdf:about", ""},
                             {"xmlns:dc", "http://purl.org/dc/elements/1.1/"},
                             {"xmlns:xmp", "http://ns.adobe.com/xap/1.0/"},
                             {"xmlns:pdf", "http://ns.adobe.com/pdf/1.3/"},
                             {"xmlns:pdfaid", "http://www.aiim.org/pdfa/ns/id/"}});
  x.leaf("dc:format", "application/pdf");
  // Language alternatives and ordered lists hold their value in rdf:li.
  const auto wrapped = [&x](const char* property, const char* container, const std::string& value, bool lang) {
    if (value.empty()) return;
    x.open(property).open(container);
    x.leaf("rdf:li", value, lang ? xml::Attributes{{"xml:lang", "x-default"}} : xml::Attributes{});
    x.close().close();
  };
  wrapped("dc:title", "rdf:Alt", f.title, true);
  wrapped("dc:creator", "rdf:Seq", f.author, false);
  wrapped("dc:description", "rdf:Alt", f.subject, true);
  if (!f.keywords.empty()) x.leaf("pdf:Keywords", f.keywords);
  if (!f.producer.empty()) x.leaf("pdf:Producer", f.producer);
  if (!f.creator_tool.empty()) x.leaf("xmp:CreatorTool", f.creator_tool);
  if (!f.xmp_date.empty())
    for (const char* p : {"xmp:CreateDate", "xmp:ModifyDate", "xmp:MetadataDate"}) x.leaf(p, f.xmp_date);
  x.leaf("pdfaid:part", "2");
  x.leaf("pdfaid:conformance", "U");
  x.close().close().close();
  x.pi("xpacket", "end=\"r\"");
  std::string packet = x.take();
  if (!packet.empty() && packet.back() == '\n') packet.pop_back();  // the packet ends with its trailer
  return packet;
}

const std::string& srgb_icc_profile() {
  static const std::string profile = build_icc();
  return profile;
}

}  // namespace wenshu::pdf

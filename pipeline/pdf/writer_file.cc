// write_pdf, the document level: Info and XMP metadata, the PDF/A output intent, stream
// helpers, and the file itself with a content-derived /ID.
#include <openssl/evp.h>

#include <cstdarg>
#include <cstdio>
#include <cstdlib>

#include "core/date.h"
#include "core/data_dir.h"
#include "pdf/deflate.h"
#include "pdf/pdfa.h"
#include "pdf/writer_steps.h"

namespace wenshu::pdf {

using namespace PoDoFo;

void writer_error(core::DiagnosticSink& sink, const std::string& rule, const std::string& message,
                  const std::string& hint) {
  core::Diagnostic d;
  d.severity = core::Severity::kError;
  d.rule = rule;
  d.message = message;
  if (!hint.empty()) d.hints.push_back(hint);
  sink.push(std::move(d));
}

void set_deflated_stream(PdfObject& object, std::string_view deflated) {
  PdfStream* stream = object.GetStream();
  // Raw data under our own /Filter: PoDoFo's filter would compress again with zlib.
  stream->BeginAppend(TVecFilters{}, true, false);
  stream->Append(deflated.data(), deflated.size());
  stream->EndAppend();
  object.GetDictionary().AddKey(PdfName::KeyFilter, PdfName("FlateDecode"));
}

void set_stream(PdfObject& object, std::string_view data, int level) {
  if (level > 0) return set_deflated_stream(object, deflate_zlib(data, level));
  PdfStream* stream = object.GetStream();
  stream->BeginAppend(TVecFilters{}, true, true);
  stream->Append(data.data(), data.size());
  stream->EndAppend();
}

namespace {

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

/// PDF/A-2: the XMP packet and the sRGB output intent (ISO 19005-2 6.2.3, 6.6).
void add_pdfa(PdfMemDocument& pdf, const MetadataFields& meta, bool uses_cmyk, core::DiagnosticSink& sink) {
  PdfDictionary& catalog = pdf.GetCatalog()->GetDictionary();
  PdfObject* md = pdf.GetObjects().CreateObject("Metadata");
  md->GetDictionary().AddKey("Subtype", PdfName("XML"));
  // Unfiltered, so the packet stays readable by tools that scan for it (ISO 19005-2 6.6.2.1).
  set_stream(*md, build_xmp(meta), 0);
  catalog.AddKey("Metadata", md->Reference());

  // The profile is the same in every document: compressed once per process.
  static const std::string icc = deflate_zlib(srgb_icc_profile(), kTextLevel);
  PdfObject* profile = pdf.GetObjects().CreateObject(PdfVariant(PdfDictionary()));
  profile->GetDictionary().AddKey("N", PdfObject(static_cast<pdf_int64>(3)));
  set_deflated_stream(*profile, icc);
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

/// A PoDoFo output device that appends to a string (PoDoFo's own buffer device grows by
/// reallocating and would need one more copy at the end).
class StringDevice : public PdfOutputDevice {
 public:
  explicit StringDevice(std::string& out) : out_(out) {}
  std::size_t GetLength() const override { return out_.size(); }
  std::size_t Tell() const override { return out_.size(); }
  void Write(const char* data, std::size_t n) override { out_.append(data, n); }
  void PrintV(const char* format, long bytes, va_list args) override {
    const std::size_t at = out_.size();
    out_.resize(at + static_cast<std::size_t>(bytes) + 1);
    std::vsnprintf(out_.data() + at, static_cast<std::size_t>(bytes) + 1, format, args);
    out_.resize(at + static_cast<std::size_t>(bytes));
  }
  void Seek(std::size_t) override { PODOFO_RAISE_ERROR(ePdfError_InternalLogic); }
  void Flush() override {}

 private:
  std::string& out_;
};

/// 16 bytes of SHA-256 over `bytes` as a hex string.
PdfString content_id(std::string_view bytes) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  if (EVP_Digest(bytes.data(), bytes.size(), digest, &len, EVP_sha256(), nullptr) != 1 || len < 16)
    PODOFO_RAISE_ERROR_INFO(ePdfError_InternalLogic, "SHA-256 failed");
  return PdfString(reinterpret_cast<const char*>(digest), 16, true);
}

}  // namespace

void add_document_info(PdfMemDocument& pdf, const model::DocumentInfo& doc_info, const WriteOptions& options,
                       bool uses_cmyk, core::DiagnosticSink& sink) {
  std::string pdf_date, xmp_date;
  document_dates(doc_info, pdf_date, xmp_date);
  const MetadataFields meta{doc_info.title, doc_info.author, doc_info.subject, doc_info.keywords,
                            std::string("wenshu ") + core::version(), doc_info.producer, xmp_date};
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
  pdf.GetCatalog()->GetDictionary().AddKey("Lang", PdfString("zh-CN"));
  if (options.pdfa) add_pdfa(pdf, meta, uses_cmyk, sink);
}

std::string serialize(PdfMemDocument& pdf, std::size_t size_hint) {
  // As PoDoFo's PdfWriter writes a new file (ISO 32000-1 7.5), except the trailer's /ID: a
  // digest of everything before the cross-reference table, so that the same content gives
  // the same identifier and different content a different one (ISO 32000-1 14.4).
  std::string out;
  out.reserve(size_hint);
  StringDevice device(out);
  device.Print("%s\n%%%s", "%PDF-1.7", "\xe2\xe3\xcf\xd3\n");
  const EPdfWriteMode mode = pdf.GetWriteMode();
  PdfVecObjects& objects = pdf.GetObjects();
  std::vector<std::size_t> offsets;
  pdf_objnum expected = 1;
  for (PdfObject* object : objects) {
    // Objects are numbered 1…n without gaps: the writer never frees one.
    if (object->Reference().ObjectNumber() != expected++ || object->Reference().GenerationNumber() != 0)
      PODOFO_RAISE_ERROR_INFO(ePdfError_InternalLogic, "object numbers are not contiguous");
    offsets.push_back(out.size());
    object->WriteObject(&device, mode, nullptr);
  }
  const PdfString id = content_id(out);
  const std::size_t xref = out.size();
  device.Print("xref\n0 %zu\n", offsets.size() + 1);
  device.Print("%010d %05d f \n", 0, 65535);
  for (std::size_t offset : offsets) device.Print("%010zu 00000 n \n", offset);
  PdfObject trailer;
  PdfDictionary& t = trailer.GetDictionary();
  t.AddKey(PdfName::KeySize, static_cast<pdf_int64>(offsets.size() + 1));
  t.AddKey("Root", pdf.GetTrailer()->GetDictionary().GetKey("Root"));
  t.AddKey("Info", pdf.GetTrailer()->GetDictionary().GetKey("Info"));
  PdfArray ids;
  ids.push_back(id);
  ids.push_back(id);
  t.AddKey("ID", ids);
  device.Print("trailer\n");
  trailer.WriteObject(&device, mode, nullptr);
  device.Print("startxref\n%zu\n%%%%EOF\n", xref);
  return out;
}

}  // namespace wenshu::pdf

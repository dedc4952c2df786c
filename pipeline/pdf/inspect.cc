// PDF inspection: parse with PoDoFo, then walk the objects ourselves with cycle and depth
// guards (a hostile file may contain reference loops or absurd nesting).
#include "pdf/inspect.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <mutex>
#include <set>
#include <stdexcept>

#include <cerrno>
#include <csignal>
#include <poll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <podofo/podofo.h>

#include "core/file_io.h"
#include "pdf/podofo_setup.h"

namespace wenshu::pdf {

namespace {

using namespace PoDoFo;

constexpr int kMaxDepth = 64;                   // nesting of page trees and direct objects
constexpr std::size_t kMaxVisits = 4'000'000;   // total nodes examined when scanning for actions
constexpr pdf_long kMaxMetadataBytes = 16 << 20;

void report(core::DiagnosticSink& sink, core::Severity sev, const std::string& rule, const std::string& file,
            const std::string& message) {
  core::Diagnostic d;
  d.severity = sev;
  d.rule = rule;
  d.location.file = file;
  d.message = message;
  sink.push(std::move(d));
}

/// Follows references (at most a few hops: a reference to a reference is legal but rare).
const PdfObject* resolve(const PdfVecObjects& objs, const PdfObject* o) {
  for (int hop = 0; o && o->IsReference() && hop < 8; ++hop) o = objs.GetObject(o->GetReference());
  return o && o->IsReference() ? nullptr : o;
}

const PdfObject* dict_get(const PdfVecObjects& objs, const PdfObject* dict, const char* key) {
  if (!dict || !dict->IsDictionary()) return nullptr;
  return resolve(objs, dict->GetDictionary().GetKey(PdfName(key)));
}

std::string name_of(const PdfObject* o) { return o && o->IsName() ? o->GetName().GetName() : std::string(); }

std::string text_of(const PdfObject* o) {
  if (!o || !o->IsString()) return {};
  const PdfString& s = o->GetString();
  if (s.IsUnicode()) return s.GetStringUtf8();
  // PDFDocEncoding: PoDoFo converts to UTF-8 as well.
  return s.GetStringUtf8();
}

bool number_of(const PdfObject* o, double& out) {
  if (!o) return false;
  if (o->IsReal()) return out = o->GetReal(), true;
  if (o->IsNumber()) return out = static_cast<double>(o->GetNumber()), true;
  return false;
}

core::Sp sp_of(double points) { return core::pt(points); }

/// Walks the page tree from /Pages, with inheritance of MediaBox and Rotate (ISO 32000-1 7.7.3.4).
void walk_pages(const PdfVecObjects& objs, const PdfObject* node, const PdfObject* media_box, int rotate, int depth,
                std::set<PdfReference>& seen, PdfInfo& info, bool& broken) {
  if (!node || !node->IsDictionary() || depth > kMaxDepth) {
    broken = true;
    return;
  }
  if (node->Reference().IsIndirect()) {
    if (!seen.insert(node->Reference()).second) {
      broken = true;  // a cycle or a page listed twice
      return;
    }
  }
  if (const PdfObject* mb = dict_get(objs, node, "MediaBox"); mb && mb->IsArray()) media_box = mb;
  double rot = 0;
  if (number_of(dict_get(objs, node, "Rotate"), rot)) rotate = static_cast<int>(rot);
  const PdfObject* kids = dict_get(objs, node, "Kids");
  const std::string type = name_of(dict_get(objs, node, "Type"));
  if (type == "Page" || (!kids && type != "Pages")) {
    PdfPageInfo page;
    page.rotate = ((rotate % 360) + 360) % 360;
    if (media_box && media_box->IsArray() && media_box->GetArray().size() == 4) {
      double v[4] = {0, 0, 0, 0};
      bool ok = true;
      for (int i = 0; i < 4; ++i) ok &= number_of(resolve(objs, &media_box->GetArray()[i]), v[i]);
      if (ok) {
        page.width = sp_of(std::abs(v[2] - v[0]));
        page.height = sp_of(std::abs(v[3] - v[1]));
      }
    }
    info.pages.push_back(page);
    return;
  }
  if (!kids || !kids->IsArray()) {
    broken = true;
    return;
  }
  for (const auto& kid : kids->GetArray()) {
    walk_pages(objs, resolve(objs, &kid), media_box, rotate, depth + 1, seen, info, broken);
    if (info.pages.size() > 1'000'000) return;
  }
}

/// Scans one object (and its direct children) for scripts and actions.
class ActionScanner {
 public:
  ActionScanner(const PdfVecObjects& objs, PdfInfo& info) : objs_(objs), info_(info) {}

  void scan(const PdfObject* o, int depth) {
    if (!o || depth > kMaxDepth || ++visits_ > kMaxVisits) return;
    if (o->IsArray()) {
      for (const auto& item : o->GetArray()) scan(&item, depth + 1);
      return;
    }
    if (!o->IsDictionary()) return;
    const PdfDictionary& d = o->GetDictionary();
    if (d.HasKey("JS")) javascript();
    if (d.HasKey("AA")) {
      add("AA");
      action(resolve(objs_, d.GetKey(PdfName("AA"))), true);
    }
    if (d.HasKey("OpenAction")) {
      add("OpenAction");
      action(resolve(objs_, d.GetKey(PdfName("OpenAction"))), false);
    }
    if (const PdfObject* a = resolve(objs_, d.GetKey(PdfName("A"))); a && a->IsDictionary()) action(a, false);
    if (name_of(resolve(objs_, d.GetKey(PdfName("Type")))) == "Action") action(o, false);
    // /S /JavaScript or /S /Launch is an action whatever else the dictionary holds.
    const std::string s = name_of(resolve(objs_, d.GetKey(PdfName("S"))));
    if (s == "JavaScript" || s == "Launch" || s == "ImportData" || s == "SubmitForm" || s == "Rendition") action(o, false);
    for (const auto& [key, value] : d.GetKeys()) {
      if (value && !value->IsReference()) scan(value, depth + 1);
    }
  }

  void names_tree(const PdfObject* catalog) {
    const PdfObject* names = dict_get(objs_, catalog, "Names");
    if (dict_get(objs_, names, "JavaScript")) javascript();
  }

 private:
  void add(const std::string& kind) {
    info_.has_actions = true;
    info_.action_kinds.push_back(kind);
  }
  void javascript() {
    info_.has_javascript = true;
    add("JavaScript");
  }
  /// An action dictionary (or, for /AA, a dictionary of them).
  void action(const PdfObject* a, bool additional) {
    if (!a || !a->IsDictionary()) return;
    if (additional) {
      for (const auto& [key, value] : a->GetDictionary().GetKeys()) action(resolve(objs_, value), false);
      return;
    }
    const std::string s = name_of(dict_get(objs_, a, "S"));
    if (!s.empty()) add(s);
    if (s == "JavaScript") javascript();
  }

  const PdfVecObjects& objs_;
  PdfInfo& info_;
  std::size_t visits_ = 0;
};

bool is_subset_name(const std::string& name) {
  if (name.size() < 8 || name[6] != '+') return false;
  return std::all_of(name.begin(), name.begin() + 6, [](char c) { return c >= 'A' && c <= 'Z'; });
}

bool descriptor_embeds(const PdfVecObjects& objs, const PdfObject* desc) {
  return dict_get(objs, desc, "FontFile") || dict_get(objs, desc, "FontFile2") || dict_get(objs, desc, "FontFile3");
}

/// Reads a font dictionary (Type0 with its descendant, or a simple font).
PdfFontInfo read_font(const PdfVecObjects& objs, const PdfObject* font) {
  PdfFontInfo f;
  f.base_font = name_of(dict_get(objs, font, "BaseFont"));
  f.subtype = name_of(dict_get(objs, font, "Subtype"));
  f.has_to_unicode = dict_get(objs, font, "ToUnicode") != nullptr;
  f.subset = is_subset_name(f.base_font);
  if (f.subtype == "Type3") {
    f.embedded = true;  // glyphs are content streams in the file
  } else if (f.subtype == "Type0") {
    const PdfObject* kids = dict_get(objs, font, "DescendantFonts");
    const PdfObject* cid = kids && kids->IsArray() && !kids->GetArray().empty() ? resolve(objs, &kids->GetArray()[0])
                                                                                 : nullptr;
    f.descendant_subtype = name_of(dict_get(objs, cid, "Subtype"));
    f.embedded = descriptor_embeds(objs, dict_get(objs, cid, "FontDescriptor"));
  } else {
    f.embedded = descriptor_embeds(objs, dict_get(objs, font, "FontDescriptor"));
  }
  return f;
}

/// Value of an XMP property written as element (<pdfaid:part>2</…>) or attribute (pdfaid:part="2").
std::string xmp_value(const std::string& xmp, const std::string& prop) {
  if (auto p = xmp.find("<" + prop + ">"); p != std::string::npos) {
    const std::size_t b = p + prop.size() + 2;
    const std::size_t e = xmp.find('<', b);
    if (e != std::string::npos) return xmp.substr(b, std::min<std::size_t>(e - b, 16));
  }
  for (const char q : {'"', '\''}) {
    if (auto p = xmp.find(prop + "=" + q); p != std::string::npos) {
      const std::size_t b = p + prop.size() + 2;
      const std::size_t e = xmp.find(q, b);
      if (e != std::string::npos) return xmp.substr(b, std::min<std::size_t>(e - b, 16));
    }
  }
  return {};
}

void read_document(const PdfParser& parser, PdfInfo& info, const std::string& name, core::DiagnosticSink& sink) {
  const PdfVecObjects& objs = *parser.GetObjects();
  const PdfObject* trailer = parser.GetTrailer();
  info.encrypted = parser.GetEncrypted() || (trailer && trailer->IsDictionary() && trailer->GetDictionary().HasKey("Encrypt"));
  const PdfObject* catalog = dict_get(objs, trailer, "Root");
  if (!catalog || !catalog->IsDictionary()) {
    report(sink, core::Severity::kError, "PDF-READ", name, "PDF 没有文档目录 (Root) / the PDF has no catalog");
    return;
  }
  std::set<PdfReference> seen;
  bool broken = false;
  walk_pages(objs, dict_get(objs, catalog, "Pages"), nullptr, 0, 0, seen, info, broken);
  info.page_count = static_cast<int>(info.pages.size());
  if (broken) {
    report(sink, core::Severity::kError, "PDF-PAGES", name,
           "页面树损坏（循环、缺失或嵌套过深）/ the page tree is broken (cycle, missing node or too deep)");
  }

  ActionScanner scanner(objs, info);
  scanner.names_tree(catalog);
  std::set<PdfReference> font_refs;
  for (const PdfObject* o : objs) {
    if (!o) continue;
    scanner.scan(o, 0);
    if (!o->IsDictionary()) continue;
    if (name_of(dict_get(objs, o, "Type")) != "Font") continue;
    const std::string sub = name_of(dict_get(objs, o, "Subtype"));
    if (sub == "CIDFontType0" || sub == "CIDFontType2") continue;  // read through their Type0 parent
    if (!font_refs.insert(o->Reference()).second) continue;
    info.fonts.push_back(read_font(objs, o));
  }
  std::sort(info.fonts.begin(), info.fonts.end(),
            [](const PdfFontInfo& a, const PdfFontInfo& b) { return a.base_font < b.base_font; });
  std::sort(info.action_kinds.begin(), info.action_kinds.end());
  info.action_kinds.erase(std::unique(info.action_kinds.begin(), info.action_kinds.end()), info.action_kinds.end());

  if (const PdfObject* di = dict_get(objs, trailer, "Info"); di && di->IsDictionary()) {
    info.title = text_of(dict_get(objs, di, "Title"));
    info.author = text_of(dict_get(objs, di, "Author"));
    info.subject = text_of(dict_get(objs, di, "Subject"));
    info.keywords = text_of(dict_get(objs, di, "Keywords"));
    info.creator = text_of(dict_get(objs, di, "Creator"));
    info.producer = text_of(dict_get(objs, di, "Producer"));
    info.creation_date = text_of(dict_get(objs, di, "CreationDate"));
    info.mod_date = text_of(dict_get(objs, di, "ModDate"));
  }

  if (const PdfObject* md = dict_get(objs, catalog, "Metadata"); md && md->HasStream()) {
    info.has_xmp = true;
    const PdfStream* st = md->GetStream();
    if (st->GetLength() <= kMaxMetadataBytes) {
      char* buf = nullptr;
      pdf_long len = 0;
      try {
        st->GetFilteredCopy(&buf, &len);
        const std::string xmp(buf ? buf : "", buf ? static_cast<std::size_t>(std::min(len, kMaxMetadataBytes)) : 0);
        info.pdfa_part = xmp_value(xmp, "pdfaid:part");
        info.pdfa_conformance = xmp_value(xmp, "pdfaid:conformance");
      } catch (const PdfError&) {
        report(sink, core::Severity::kWarning, "PDF-XMP", name, "XMP 元数据无法解码 / the XMP stream cannot be decoded");
      }
      podofo_free(buf);
    }
  }
  if (const PdfObject* oi = dict_get(objs, catalog, "OutputIntents"); oi && oi->IsArray()) {
    for (const auto& item : oi->GetArray())
      if (name_of(dict_get(objs, resolve(objs, &item), "S")) == "GTS_PDFA1") info.has_output_intent = true;
  }
  info.readable = !broken;
}

}  // namespace

bool PdfInfo::all_fonts_embedded_with_unicode() const {
  return std::all_of(fonts.begin(), fonts.end(), [](const PdfFontInfo& f) { return f.embedded && f.has_to_unicode; });
}

PdfInfo inspect_pdf_in_process(std::string_view bytes, const std::string& name, core::DiagnosticSink& sink) {
  PdfInfo info;
  info.byte_size = bytes.size();
  // The header may follow up to 1024 bytes of junk (ISO 32000-1 7.5.2, implementation note).
  const std::size_t head = bytes.substr(0, 1024).find("%PDF-");
  if (head == std::string_view::npos) {
    report(sink, core::Severity::kError, "PDF-READ", name, "不是 PDF 文件（缺少 %PDF- 文件头）/ not a PDF file (no %PDF- header)");
    return info;
  }
  info.version = std::string(bytes.substr(head + 5, 3));
  if (bytes.size() > static_cast<std::size_t>(std::numeric_limits<long>::max())) {
    report(sink, core::Severity::kError, "PDF-READ", name, "文件过大 / file too large");
    return info;
  }
  try {
    // PdfParser rather than PdfMemDocument: the document class rewrites /ModDate on load and
    // builds structures we do not need (less code run on hostile bytes).
    PdfVecObjects objs;
    PdfParser parser(&objs);
    parser.ParseFile(bytes.data(), static_cast<long>(bytes.size()), false);
    read_document(parser, info, name, sink);
  } catch (const PdfError& e) {
    if (e.GetError() == ePdfError_InvalidPassword) {
      info.encrypted = true;
      report(sink, core::Severity::kError, "PDF-ENCRYPTED", name, "PDF 已加密，需要密码才能打开 / the PDF is encrypted with a password");
    } else {
      const char* what = PdfError::ErrorMessage(e.GetError());
      report(sink, core::Severity::kError, "PDF-READ", name,
             std::string("PDF 文件损坏，无法解析 / the PDF cannot be parsed: ") + (what ? what : "unknown error"));
    }
    info.readable = false;
  } catch (const std::bad_alloc&) {
    throw;
  } catch (const std::exception& e) {
    report(sink, core::Severity::kError, "PDF-READ", name, std::string("PDF 无法解析 / the PDF cannot be parsed: ") + e.what());
    info.readable = false;
  }
  return info;
}

namespace {

// --- isolation: the parse runs in a child process -------------------------------------------
// PoDoFo 0.9.8 has known crashes on crafted files; a crash or a hang in the child becomes a
// PDF-READ error instead of taking `verify` down. Results come back over a pipe.

constexpr int kChildTimeoutMs = 60'000;
// A worker is replaced after this many files: the parse leaks (measured ~15 KB per small PDF
// with PoDoFo 0.9.8, 150 MB over 10,000 files), and a fresh fork costs a few milliseconds.
constexpr int kFilesPerWorker = 500;
constexpr rlim_t kChildCpuSeconds = 60;

void put_u64(std::string& o, std::uint64_t v) { o.append(reinterpret_cast<const char*>(&v), sizeof v); }
void put_str(std::string& o, const std::string& s) {
  put_u64(o, s.size());
  o += s;
}

/// Reads back what put_* wrote; any inconsistency sets `ok` false.
struct Reader {
  std::string_view in;
  bool ok = true;
  std::uint64_t u64() {
    std::uint64_t v = 0;
    if (in.size() < sizeof v) return ok = false, 0;
    std::memcpy(&v, in.data(), sizeof v);
    in.remove_prefix(sizeof v);
    return v;
  }
  std::string str() {
    const std::uint64_t n = u64();
    if (!ok || n > in.size()) return ok = false, std::string();
    std::string s(in.substr(0, n));
    in.remove_prefix(n);
    return s;
  }
};

std::string serialize(const PdfInfo& i, const core::DiagnosticSink& sink) {
  std::string o;
  put_u64(o, i.readable);
  put_str(o, i.version);
  put_u64(o, i.byte_size);
  put_u64(o, static_cast<std::uint64_t>(i.page_count));
  put_u64(o, i.pages.size());
  for (const auto& p : i.pages) {
    put_u64(o, static_cast<std::uint64_t>(p.width.v));
    put_u64(o, static_cast<std::uint64_t>(p.height.v));
    put_u64(o, static_cast<std::uint64_t>(p.rotate));
  }
  put_u64(o, i.encrypted);
  put_u64(o, i.has_javascript);
  put_u64(o, i.has_actions);
  put_u64(o, i.action_kinds.size());
  for (const auto& a : i.action_kinds) put_str(o, a);
  put_u64(o, i.fonts.size());
  for (const auto& f : i.fonts) {
    put_str(o, f.base_font);
    put_str(o, f.subtype);
    put_str(o, f.descendant_subtype);
    put_u64(o, f.embedded);
    put_u64(o, f.subset);
    put_u64(o, f.has_to_unicode);
  }
  for (const auto* s : {&i.title, &i.author, &i.subject, &i.keywords, &i.creator, &i.producer, &i.creation_date,
                        &i.mod_date, &i.pdfa_part, &i.pdfa_conformance})
    put_str(o, *s);
  put_u64(o, i.has_xmp);
  put_u64(o, i.has_output_intent);
  put_u64(o, sink.items().size());
  for (const auto& d : sink.items()) {
    put_u64(o, static_cast<std::uint64_t>(d.severity));
    put_str(o, d.rule);
    put_str(o, d.location.file);
    put_str(o, d.message);
  }
  return o;
}

bool deserialize(std::string_view bytes, PdfInfo& i, core::DiagnosticSink& sink) {
  Reader r{bytes};
  i.readable = r.u64();
  i.version = r.str();
  i.byte_size = r.u64();
  i.page_count = static_cast<int>(r.u64());
  const std::uint64_t pages = r.u64();
  for (std::uint64_t k = 0; r.ok && k < pages; ++k) {
    PdfPageInfo p;
    p.width = core::Sp(static_cast<std::int64_t>(r.u64()));
    p.height = core::Sp(static_cast<std::int64_t>(r.u64()));
    p.rotate = static_cast<int>(r.u64());
    i.pages.push_back(p);
  }
  i.encrypted = r.u64();
  i.has_javascript = r.u64();
  i.has_actions = r.u64();
  const std::uint64_t kinds = r.u64();
  for (std::uint64_t k = 0; r.ok && k < kinds; ++k) i.action_kinds.push_back(r.str());
  const std::uint64_t fonts = r.u64();
  for (std::uint64_t k = 0; r.ok && k < fonts; ++k) {
    PdfFontInfo f;
    f.base_font = r.str();
    f.subtype = r.str();
    f.descendant_subtype = r.str();
    f.embedded = r.u64();
    f.subset = r.u64();
    f.has_to_unicode = r.u64();
    i.fonts.push_back(std::move(f));
  }
  for (auto* s : {&i.title, &i.author, &i.subject, &i.keywords, &i.creator, &i.producer, &i.creation_date,
                  &i.mod_date, &i.pdfa_part, &i.pdfa_conformance})
    *s = r.str();
  i.has_xmp = r.u64();
  i.has_output_intent = r.u64();
  const std::uint64_t diags = r.u64();
  for (std::uint64_t k = 0; r.ok && k < diags; ++k) {
    core::Diagnostic d;
    d.severity = static_cast<core::Severity>(r.u64() & 3);
    d.rule = r.str();
    d.location.file = r.str();
    d.message = r.str();
    if (r.ok) sink.push(std::move(d));
  }
  return r.ok && r.in.empty();
}

/// Writes all of `data` to the socket; false when the peer is gone (no SIGPIPE).
bool send_all(int fd, std::string_view data) {
  while (!data.empty()) {
    const ssize_t n = ::send(fd, data.data(), data.size(), MSG_NOSIGNAL);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    data.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

/// Reads exactly `n` bytes (blocking, used by the worker); false on EOF or error.
bool recv_exact(int fd, char* out, std::size_t n) {
  while (n > 0) {
    const ssize_t r = ::read(fd, out, n);
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) return false;
    out += r;
    n -= static_cast<std::size_t>(r);
  }
  return true;
}

bool recv_u64(int fd, std::uint64_t& v) { return recv_exact(fd, reinterpret_cast<char*>(&v), sizeof v); }

/// The worker's loop: request = name, bytes; reply = serialized PdfInfo + diagnostics, each
/// length-prefixed. Ends on EOF (the parent is done). Each file gets kChildCpuSeconds of CPU.
[[noreturn]] void worker_main(int fd) {
  std::string name, bytes;
  for (;;) {
    std::uint64_t n = 0;
    if (!recv_u64(fd, n) || n > (1u << 20)) ::_exit(0);
    name.resize(n);
    if (!recv_exact(fd, name.data(), n) || !recv_u64(fd, n) || n > (std::uint64_t(1) << 32)) ::_exit(0);
    bytes.resize(n);
    if (!recv_exact(fd, bytes.data(), n)) ::_exit(0);
    rusage ru{};
    ::getrusage(RUSAGE_SELF, &ru);
    const rlim_t used = static_cast<rlim_t>(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) + 1;
    // Only the soft limit moves (SIGXCPU ends the worker): a process without privilege may
    // lower its hard limit but never raise it again, so the hard limit is left as inherited.
    rlimit cpu{};
    ::getrlimit(RLIMIT_CPU, &cpu);
    cpu.rlim_cur = cpu.rlim_max == RLIM_INFINITY ? used + kChildCpuSeconds : std::min(used + kChildCpuSeconds, cpu.rlim_max);
    ::setrlimit(RLIMIT_CPU, &cpu);
    std::string out;
    try {
      core::DiagnosticSink child_sink(1000);
      const PdfInfo info = inspect_pdf_in_process(bytes, name, child_sink);
      out = serialize(info, child_sink);
    } catch (...) {
      ::_exit(3);
    }
    std::string framed;
    put_str(framed, out);
    if (!send_all(fd, framed)) ::_exit(0);
  }
}

/// Parent-side socket ends of all live workers: a newly forked worker closes the others', so
/// that each worker sees EOF as soon as its own parent end is closed. The mutex is held from
/// socketpair() to the parent's bookkeeping after fork(), and while an end is closed: two
/// threads spawning at once (build -j, pack and verify of two dossiers) must not fork while the
/// other's pair is open but not yet listed, or each child keeps the other's parent end open,
/// neither sees EOF, and both stop() calls wait for ever.
std::mutex g_worker_fds_mutex;
std::set<int> g_worker_fds;

}  // namespace

struct PdfInspector::Worker {
  pid_t pid = -1;
  int fd = -1;
  int status = 0;  ///< wait status once reaped
  int files = 0;   ///< files inspected by the current process

  /// Forks the worker; false when the system refuses (the caller then parses in-process).
  bool spawn() {
    podofo_quiet();  // before fork: the child must not run a half-done call_once
    std::lock_guard lock(g_worker_fds_mutex);  // until this worker's end is listed (see above)
    int sv[2];
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) != 0) return false;
    const pid_t p = ::fork();
    if (p < 0) {
      ::close(sv[0]);
      ::close(sv[1]);
      return false;
    }
    if (p == 0) {
      // The child's copy of the mutex stays locked; it only reads its copy of the set.
      ::close(sv[0]);
      for (int other : g_worker_fds) ::close(other);
      worker_main(sv[1]);
    }
    ::close(sv[1]);
    pid = p;
    fd = sv[0];
    files = 0;
    g_worker_fds.insert(fd);
    return true;
  }

  /// Closes the socket and reaps the process; `kill_first` for a hung or broken worker.
  void stop(bool kill_first) {
    if (fd >= 0) {
      std::lock_guard lock(g_worker_fds_mutex);  // no fork between unlisting and closing
      g_worker_fds.erase(fd);
      ::close(fd);
      fd = -1;
    }
    if (pid > 0) {
      if (kill_first) ::kill(pid, SIGKILL);
      while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
      }
      pid = -1;
    }
  }

  /// Reads exactly `n` bytes with the per-file timeout; false on timeout, EOF or error.
  bool read_exact(char* out, std::size_t n, bool& timed_out) {
    while (n > 0) {
      pollfd p{fd, POLLIN, 0};
      const int ready = ::poll(&p, 1, kChildTimeoutMs);
      if (ready < 0 && errno == EINTR) continue;
      if (ready == 0) return timed_out = true, false;
      if (ready < 0) return false;
      const ssize_t r = ::read(fd, out, n);
      if (r < 0 && errno == EINTR) continue;
      if (r <= 0) return false;
      out += r;
      n -= static_cast<std::size_t>(r);
    }
    return true;
  }

  enum class Outcome { kOk, kDied, kTimedOut, kNoWorker };

  /// One request/reply round trip; the reply's payload goes to `reply`.
  /// Sends one request (kOk when sent). The worker reads all of it before it writes anything,
  /// and the reply is always read before the next request: no deadlock on full buffers.
  Outcome send(std::string_view bytes, const std::string& name) {
    if (pid > 0 && files >= kFilesPerWorker) stop(false);  // it ends on EOF
    if (pid <= 0 && !spawn()) return Outcome::kNoWorker;
    ++files;
    std::string head;
    put_str(head, name);
    put_u64(head, bytes.size());
    if (send_all(fd, head) && send_all(fd, bytes)) return Outcome::kOk;
    stop(true);
    return Outcome::kDied;
  }

  /// Reads the reply to the request sent last.
  Outcome receive(std::string& reply) {
    bool timed_out = false;
    std::uint64_t n = 0;
    if (read_exact(reinterpret_cast<char*>(&n), sizeof n, timed_out) && n < (std::uint64_t(1) << 31)) {
      reply.resize(n);
      if (read_exact(reply.data(), n, timed_out)) return Outcome::kOk;
    }
    stop(true);
    return timed_out ? Outcome::kTimedOut : Outcome::kDied;
  }

  /// One request/reply round trip.
  Outcome ask(std::string_view bytes, const std::string& name, std::string& reply) {
    const Outcome sent = send(bytes, name);
    return sent == Outcome::kOk ? receive(reply) : sent;
  }

  // The file submitted and not yet collected (kept for a second try if the worker dies).
  bool has_pending = false;
  std::string pending_bytes, pending_name;
  Outcome pending_sent = Outcome::kOk;
};

PdfInspector::PdfInspector() : worker_(std::make_unique<Worker>()) {}

PdfInspector::~PdfInspector() {
  if (worker_->has_pending) {  // never collected: the worker may still be parsing it
    worker_->stop(true);
    return;
  }
  worker_->stop(false);
}

void PdfInspector::start() {
  if (worker_->pid <= 0) worker_->spawn();
}

PdfInfo PdfInspector::inspect(std::string_view bytes, const std::string& name, core::DiagnosticSink& sink) {
  if (worker_->has_pending) throw std::logic_error("PdfInspector::inspect while a submitted file is not collected");
  std::string reply;
  return finish(static_cast<int>(worker_->ask(bytes, name, reply)), bytes, name, reply, sink);
}

void PdfInspector::submit(std::string bytes, std::string name) {
  if (worker_->has_pending) throw std::logic_error("PdfInspector::submit while a submitted file is not collected");
  worker_->has_pending = true;
  worker_->pending_bytes = std::move(bytes);
  worker_->pending_name = std::move(name);
  worker_->pending_sent = worker_->send(worker_->pending_bytes, worker_->pending_name);
}

bool PdfInspector::pending() const { return worker_->has_pending; }

PdfInfo PdfInspector::collect(core::DiagnosticSink& sink) {
  if (!worker_->has_pending) throw std::logic_error("PdfInspector::collect without a submitted file");
  worker_->has_pending = false;
  std::string reply;
  const Worker::Outcome outcome =
      worker_->pending_sent == Worker::Outcome::kOk ? worker_->receive(reply) : worker_->pending_sent;
  const std::string bytes = std::move(worker_->pending_bytes), name = std::move(worker_->pending_name);
  return finish(static_cast<int>(outcome), bytes, name, reply, sink);
}

PdfInfo PdfInspector::finish(int outcome_code, std::string_view bytes, const std::string& name, std::string& reply,
                             core::DiagnosticSink& sink) {
  auto outcome = static_cast<Worker::Outcome>(outcome_code);
  // The system refuses to fork: parse here, as inspect_pdf always did in that case.
  if (outcome == Worker::Outcome::kNoWorker) return inspect_pdf_in_process(bytes, name, sink);
  // A worker that died may have been damaged by an earlier file: parse this one again, alone.
  // Not after SIGXCPU: this file alone used the CPU allowance, a second try would too. Never
  // in-process: this file may be what crashes the parser.
  const bool cpu_limit = WIFSIGNALED(worker_->status) && WTERMSIG(worker_->status) == SIGXCPU;
  if (outcome == Worker::Outcome::kDied && !cpu_limit) {
    const int first_status = worker_->status;
    outcome = worker_->ask(bytes, name, reply);
    if (outcome == Worker::Outcome::kNoWorker) outcome = Worker::Outcome::kDied, worker_->status = first_status;
  }
  PdfInfo info;
  core::DiagnosticSink child;
  if (outcome == Worker::Outcome::kOk && deserialize(reply, info, child)) {
    sink.merge(std::move(child));
    return info;
  }
  if (outcome == Worker::Outcome::kOk) {  // garbled reply: do not trust this worker
    worker_->stop(true);
    worker_->status = 0;
  }
  const int status = worker_->status;
  info = PdfInfo();
  info.byte_size = bytes.size();
  const std::string why = outcome == Worker::Outcome::kTimedOut ? "解析超时 / parsing timed out"
                          : WIFSIGNALED(status) && WTERMSIG(status) == SIGXCPU
                              ? "解析超过 CPU 时间上限 / parsing exceeded its CPU time limit"
                          : WIFSIGNALED(status) ? "解析器崩溃（信号 " + std::to_string(WTERMSIG(status)) + "）/ the parser crashed"
                                                : "解析器异常退出 / the parser failed";
  report(sink, core::Severity::kError, "PDF-READ", name, "PDF 文件无法安全解析：" + why);
  return info;
}

PdfInfo inspect_pdf(std::string_view bytes, const std::string& name, core::DiagnosticSink& sink) {
  PdfInspector inspector;
  return inspector.inspect(bytes, name, sink);
}

PdfInfo inspect_pdf_file(const std::filesystem::path& path, core::DiagnosticSink& sink) {
  std::string bytes;
  try {
    bytes = core::read_file(path, std::size_t(1) << 31);
  } catch (const std::exception& e) {
    report(sink, core::Severity::kError, "PDF-READ", path.string(), std::string("无法读取文件 / cannot read: ") + e.what());
    return {};
  }
  return inspect_pdf(bytes, path.string(), sink);
}

}  // namespace wenshu::pdf

// Secure, streaming XML loading. The file is read in chunks and pushed into a libxml2 push
// parser, so a hostile file is refused after at most one text node's worth of memory:
//   1. the size cap is checked on the file's size before reading (XML-SIZE);
//   2. the XML declaration must not name another encoding than UTF-8, and every byte is checked
//      to be UTF-8 before libxml2 sees it, so the first bad byte is named by line and column
//      (XML-ENCODING);
//   3. SAX hooks refuse any DOCTYPE as soon as it is seen, before its internal subset is parsed,
//      so no entity can ever be declared (billion laughs, external entities: XML-DTD);
//   4. SAX hooks cap element depth (XML-DEPTH), element count, attribute and text node size
//      (XML-SIZE), and store each element's full line and column (libxml2's own xmlNode::line
//      is 16 bits), found by a byte scanner that runs with the UTF-8 check (linear time even
//      when a file is one long line);
//   5. libxml2's errors come through a per-context structured handler (no global state shared
//      between threads) and become diagnostics at file:line:col.
#include "ingest/xml_loader.h"

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <deque>
#include <fcntl.h>
#include <string>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>
#include <libxml/SAX2.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>

#include "core/file_io.h"
#include "ingest/xml_messages.h"
#include "ingest/xml_support.h"

namespace wenshu::ingest {

void XmlDocDeleter::operator()(_xmlDoc* doc) const { xmlFreeDoc(doc); }

namespace {

constexpr std::size_t kReadChunk = std::size_t(256) << 10;
constexpr std::size_t kMemoryChunk = std::size_t(1) << 20;
constexpr std::ptrdiff_t kMaxTagScan = std::ptrdiff_t(1) << 20;
constexpr std::ptrdiff_t kMaxLineScan = std::ptrdiff_t(1) << 16;

/// Length of the valid UTF-8 sequence starting at p[0] (Unicode 15 table 3-7), 0 if invalid,
/// -1 if the sequence is a valid prefix cut by the end of the buffer.
int utf8_sequence(const unsigned char* p, std::size_t avail) {
  const unsigned char c = p[0];
  if (c < 0x80) return 1;
  int len;
  unsigned char lo = 0x80, hi = 0xBF;  // range of the second byte
  if (c >= 0xC2 && c <= 0xDF) len = 2;
  else if (c == 0xE0) len = 3, lo = 0xA0;
  else if ((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF) len = 3;
  else if (c == 0xED) len = 3, hi = 0x9F;  // no surrogates
  else if (c == 0xF0) len = 4, lo = 0x90;
  else if (c >= 0xF1 && c <= 0xF3) len = 4;
  else if (c == 0xF4) len = 4, hi = 0x8F;  // nothing above U+10FFFF
  else return 0;
  for (int i = 1; i < len; ++i) {
    if (static_cast<std::size_t>(i) >= avail) return -1;
    const unsigned char lo_i = i == 1 ? lo : 0x80, hi_i = i == 1 ? hi : 0xBF;
    if (p[i] < lo_i || p[i] > hi_i) return 0;
  }
  return len;
}

/// Where the element or declaration whose '<' lies just before the parser's cursor starts.
/// Column is counted in characters; 0 when the start of the line is no longer in the buffer.
std::pair<int, int> markup_start(xmlParserCtxtPtr ctxt) {
  xmlParserInputPtr in = ctxt->input;
  if (!in || !in->cur || !in->base) return {0, 0};
  int line = in->line;
  const xmlChar* base = in->base;
  const xmlChar* p = in->cur;
  int newlines = 0;
  bool found = false;
  for (std::ptrdiff_t steps = 0; p > base && steps < kMaxTagScan; ++steps) {
    --p;
    if (*p == '<') {
      found = true;
      break;
    }
    if (*p == '\n') ++newlines;
  }
  if (!found) return {line, 0};
  line -= newlines;
  const xmlChar* q = p;
  for (std::ptrdiff_t steps = 0; q > base && q[-1] != '\n'; ++steps) {
    if (steps >= kMaxLineScan) return {line, 0};
    --q;
  }
  if (q == base && in->consumed != 0) return {line, 0};  // line start already discarded
  if (q == base && p - q >= 3 && q[0] == 0xEF && q[1] == 0xBB && q[2] == 0xBF) q += 3;  // BOM
  int col = 1;
  for (const xmlChar* r = q; r < p; ++r)
    if ((*r & 0xC0) != 0x80) ++col;
  return {line, col};
}

/// Finds where each element's start tag begins ('<' then a name), byte by byte in document
/// order, skipping comments, CDATA sections and processing instructions (where '<' may stand
/// unescaped). libxml2 reports start tags in the same order, so the n-th start-element event
/// takes the n-th position found. Works across chunk boundaries; linear in the input.
class MarkupScanner {
 public:
  /// Feeds one byte at (line, col) of the file.
  void byte(unsigned char c, int line, int col) {
    switch (state_) {
      case State::kText:
        if (c == '<') state_ = State::kLt, lt_line_ = line, lt_col_ = col;
        break;
      case State::kLt:
        if (c == '!') state_ = State::kBang;
        else if (c == '?') state_ = State::kPi, run_ = 0;
        else if (c == '/' || c == ' ' || c == '\t' || c == '\r' || c == '\n') state_ = State::kText;
        else state_ = State::kText, starts_.emplace_back(lt_line_, lt_col_);
        break;
      case State::kBang:
        state_ = c == '-' ? State::kBangDash : c == '[' ? State::kCdata : State::kText;
        run_ = 0;
        break;
      case State::kBangDash: state_ = c == '-' ? State::kComment : State::kText; run_ = 0; break;
      case State::kComment: end_on(c, '-', 2); break;   // -->
      case State::kCdata: end_on(c, ']', 2); break;     // ]]>
      case State::kPi: end_on(c, '?', 1); break;        // ?>
    }
  }
  /// The start of the next start tag in order, or {0, 0} when none is known.
  std::pair<int, int> next_start() {
    if (starts_.empty()) return {0, 0};
    const auto p = starts_.front();
    starts_.pop_front();
    return p;
  }

 private:
  enum class State { kText, kLt, kBang, kBangDash, kComment, kCdata, kPi };
  /// Leaves the current section on `need` repeats of `mark` followed by '>'.
  void end_on(unsigned char c, unsigned char mark, int need) {
    if (c == '>' && run_ >= need) state_ = State::kText;
    run_ = c == mark ? run_ + 1 : 0;
  }
  State state_ = State::kText;
  int run_ = 0;
  int lt_line_ = 0, lt_col_ = 0;
  std::deque<std::pair<int, int>> starts_;
};

/// State of one load, reachable from the libxml2 context through ctxt->_private.
class StreamParser {
 public:
  StreamParser(std::string name, core::DiagnosticSink& sink, const XmlLimits& limits)
      : name_(std::move(name)), sink_(sink), limits_(limits) {}
  ~StreamParser() {
    if (ctxt_) {
      if (ctxt_->myDoc) xmlFreeDoc(ctxt_->myDoc);
      ctxt_->myDoc = nullptr;
      xmlFreeParserCtxt(ctxt_);
    }
  }
  StreamParser(const StreamParser&) = delete;
  StreamParser& operator=(const StreamParser&) = delete;

  /// Pushes the next bytes of the file. Returns false once the load has failed (stop reading).
  bool feed(const char* data, std::size_t n);
  /// Ends the input; returns the document, or nullptr after any error.
  XmlDocPtr finish();

  /// Reports an error found by wenshu (not by libxml2) and stops the parser.
  void fail(const char* rule, int line, int col, std::string message, std::vector<std::string> hints = {});
  bool failed() const { return failed_; }
  const std::string& name() const { return name_; }

  // SAX hooks (static trampolines use ctxt->_private).
  static void on_start_element(void* ctx, const xmlChar* localname, const xmlChar* prefix, const xmlChar* uri,
                               int nb_namespaces, const xmlChar** namespaces, int nb_attributes,
                               int nb_defaulted, const xmlChar** attributes);
  static void on_end_element(void* ctx, const xmlChar* localname, const xmlChar* prefix, const xmlChar* uri);
  static void on_characters(void* ctx, const xmlChar* ch, int len);
  static void on_whitespace(void* ctx, const xmlChar* ch, int len);
  static void on_cdata(void* ctx, const xmlChar* ch, int len);
  static void on_internal_subset(void* ctx, const xmlChar* name, const xmlChar* external_id, const xmlChar* system_id);
  static void on_entity_decl(void* ctx, const xmlChar* name, int type, const xmlChar* public_id,
                             const xmlChar* system_id, xmlChar* content);
  static void on_error(void* ctx, xmlErrorPtr err);

  /// Turns one libxml2 error into a diagnostic (also used for stray errors on this thread).
  void report(const xmlError* err);

 private:
  static StreamParser* self(void* ctx) {
    return static_cast<StreamParser*>(static_cast<xmlParserCtxtPtr>(ctx)->_private);
  }
  bool create_context();
  bool check_declaration(const unsigned char* p, std::size_t n);
  bool count_text(std::size_t len);

  std::string name_;
  core::DiagnosticSink& sink_;
  XmlLimits limits_;
  xmlParserCtxtPtr ctxt_ = nullptr;
  startElementNsSAX2Func start_ = nullptr;
  endElementNsSAX2Func end_ = nullptr;
  charactersSAXFunc characters_ = nullptr;
  ignorableWhitespaceSAXFunc whitespace_ = nullptr;
  cdataBlockSAXFunc cdata_ = nullptr;

  std::string pending_;         // bytes not yet checked (a UTF-8 sequence cut by a chunk end)
  std::size_t total_ = 0;       // bytes received
  int line_ = 1, col_ = 1;      // position of the next unchecked byte
  bool first_ = true;
  bool failed_ = false;
  bool fatal_seen_ = false;
  int depth_ = 0;
  std::size_t elements_ = 0;
  std::size_t text_run_ = 0;
  MarkupScanner markup_;
};

bool StreamParser::create_context() {
  ctxt_ = xmlCreatePushParserCtxt(nullptr, nullptr, nullptr, 0, name_.c_str());
  if (!ctxt_) throw std::bad_alloc();
  ctxt_->_private = this;
  // Never XML_PARSE_NOENT, DTDLOAD, DTDATTR, DTDVALID, XINCLUDE or HUGE: libxml2 keeps its own
  // limits (10 MB text, 50 000-byte names, depth 256) under ours.
  xmlCtxtUseOptions(ctxt_, XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES | XML_PARSE_COMPACT);
  xmlSAXHandlerPtr sax = ctxt_->sax;  // a private copy for this context (sax == NULL at creation)
  start_ = sax->startElementNs;
  end_ = sax->endElementNs;
  characters_ = sax->characters;
  whitespace_ = sax->ignorableWhitespace;
  cdata_ = sax->cdataBlock;
  sax->startElementNs = &StreamParser::on_start_element;
  sax->endElementNs = &StreamParser::on_end_element;
  sax->characters = &StreamParser::on_characters;
  sax->ignorableWhitespace = &StreamParser::on_whitespace;
  if (cdata_) sax->cdataBlock = &StreamParser::on_cdata;
  sax->internalSubset = &StreamParser::on_internal_subset;
  sax->externalSubset = &StreamParser::on_internal_subset;
  sax->entityDecl = &StreamParser::on_entity_decl;
  sax->serror = &StreamParser::on_error;
  return true;
}

void StreamParser::fail(const char* rule, int line, int col, std::string message, std::vector<std::string> hints) {
  if (failed_ && fatal_seen_) return;  // one fatal finding per file: the rest would be noise
  failed_ = true;
  fatal_seen_ = true;
  core::Diagnostic d;
  d.severity = core::Severity::kError;
  d.rule = rule;
  d.location = {name_, line, col};
  d.message = std::move(message);
  d.hints = std::move(hints);
  sink_.push(std::move(d));
  if (ctxt_) xmlStopParser(ctxt_);
}

void StreamParser::report(const xmlError* err) {
  if (!err || fatal_seen_) return;
  if (err->code == XML_ERR_USER_STOP) return;
  core::Diagnostic d;
  d.rule = parser_error_rule(err->code, err->message ? err->message : "", depth_ >= limits_.max_depth);
  d.location = {name_, err->line, err->int2};
  d.message = parser_error_message(err->code, err->message ? err->message : "");
  if (err->level == XML_ERR_WARNING) {
    d.severity = core::Severity::kWarning;
  } else {
    d.severity = core::Severity::kError;
    failed_ = true;
    if (err->level == XML_ERR_FATAL) fatal_seen_ = true;
  }
  if (d.rule == "XML-PARSE" && err->code == XML_ERR_UNDECLARED_ENTITY)
    d.hints.push_back("记录文件只能使用 XML 预定义实体 &lt; &gt; &amp; &quot; &apos; 和字符引用 &#...;");
  sink_.push(std::move(d));
}

void StreamParser::on_error(void* ctx, xmlErrorPtr err) { self(ctx)->report(err); }

void StreamParser::on_start_element(void* ctx, const xmlChar* localname, const xmlChar* prefix, const xmlChar* uri,
                                    int nb_namespaces, const xmlChar** namespaces, int nb_attributes,
                                    int nb_defaulted, const xmlChar** attributes) {
  auto* ctxt = static_cast<xmlParserCtxtPtr>(ctx);
  StreamParser* st = self(ctx);
  std::pair<int, int> at = st->markup_.next_start();
  if (at.first == 0) at = markup_start(ctxt);
  const int line = at.first, col = at.second;
  if (++st->depth_ > st->limits_.max_depth) {
    st->fail("XML-DEPTH", line, col,
             fmt::format("元素嵌套超过 {} 层，拒绝读取 / element nesting deeper than {}", st->limits_.max_depth,
                         st->limits_.max_depth));
    return;
  }
  if (++st->elements_ > st->limits_.max_elements) {
    st->fail("XML-SIZE", line, col,
             fmt::format("元素超过 {} 个，拒绝读取 / more than {} elements", st->limits_.max_elements,
                         st->limits_.max_elements),
             {"一个记录文件应只含一个党委一年（或更短时期）的记录；请拆分文件，或检查文件是否损坏"});
    return;
  }
  // SAX2 attributes come as (localname, prefix, URI, value, end) quintuples.
  for (int i = 0; i < nb_attributes; ++i) {
    const std::size_t len = static_cast<std::size_t>(attributes[i * 5 + 4] - attributes[i * 5 + 3]);
    if (len > st->limits_.max_attribute_bytes) {
      st->fail("XML-SIZE", line, col,
               fmt::format("属性 {} 的值长 {} 字节，超过上限 {} 字节 / attribute value of {} bytes, larger than {}",
                           reinterpret_cast<const char*>(attributes[i * 5]), len, st->limits_.max_attribute_bytes,
                           len, st->limits_.max_attribute_bytes),
               {"属性只写单行取值（编号、日期、标题）；长文字应写在元素内容中"});
      return;
    }
  }
  st->text_run_ = 0;
  st->start_(ctx, localname, prefix, uri, nb_namespaces, namespaces, nb_attributes, nb_defaulted, attributes);
  if (ctxt->node && line > 0) {
    // Packed line << 24 | column, read back by node_line_col() (xml_node.cc).
    const std::uintptr_t packed =
        (static_cast<std::uintptr_t>(line) << 24) | static_cast<std::uintptr_t>(std::min(col, 0xFFFFFF));
    ctxt->node->_private = reinterpret_cast<void*>(packed);
  }
}

void StreamParser::on_end_element(void* ctx, const xmlChar* localname, const xmlChar* prefix, const xmlChar* uri) {
  StreamParser* st = self(ctx);
  --st->depth_;
  st->text_run_ = 0;
  st->end_(ctx, localname, prefix, uri);
}

bool StreamParser::count_text(std::size_t len) {
  text_run_ += len;
  if (text_run_ <= limits_.max_text_node_bytes) return true;
  const int line = ctxt_->input ? ctxt_->input->line : 0;
  fail("XML-SIZE", line, 0,
       fmt::format("单个文本节点超过 {} 字节，拒绝读取 / text node larger than {} bytes",
                   limits_.max_text_node_bytes, limits_.max_text_node_bytes),
       {"记录中的文字应在元素中分段书写；过大的文本节点通常是文件损坏或恶意构造"});
  return false;
}

void StreamParser::on_characters(void* ctx, const xmlChar* ch, int len) {
  StreamParser* st = self(ctx);
  if (st->count_text(static_cast<std::size_t>(len)) && st->characters_) st->characters_(ctx, ch, len);
}

void StreamParser::on_whitespace(void* ctx, const xmlChar* ch, int len) {
  StreamParser* st = self(ctx);
  if (st->count_text(static_cast<std::size_t>(len)) && st->whitespace_) st->whitespace_(ctx, ch, len);
}

void StreamParser::on_cdata(void* ctx, const xmlChar* ch, int len) {
  StreamParser* st = self(ctx);
  if (st->count_text(static_cast<std::size_t>(len)) && st->cdata_) st->cdata_(ctx, ch, len);
}

void StreamParser::on_internal_subset(void* ctx, const xmlChar* name, const xmlChar*, const xmlChar*) {
  auto* ctxt = static_cast<xmlParserCtxtPtr>(ctx);
  const auto [line, col] = markup_start(ctxt);
  self(ctx)->fail("XML-DTD", line, col,
                  fmt::format("不允许 DOCTYPE 声明（<!DOCTYPE {}>）/ DOCTYPE declarations are not allowed",
                              name ? reinterpret_cast<const char*>(name) : ""),
                  {"wenshu 的 XML 文件不使用 DTD；删除 <!DOCTYPE …> 及其中的实体定义"});
}

void StreamParser::on_entity_decl(void* ctx, const xmlChar* name, int, const xmlChar*, const xmlChar*, xmlChar*) {
  // Unreachable while on_internal_subset stops the parser; kept so that no entity can ever be
  // declared even if libxml2 reached a declaration by another path.
  auto* ctxt = static_cast<xmlParserCtxtPtr>(ctx);
  const int line = ctxt->input ? ctxt->input->line : 0;
  self(ctx)->fail("XML-DTD", line, 0,
                  fmt::format("不允许实体声明（{}）/ entity declarations are not allowed",
                              name ? reinterpret_cast<const char*>(name) : ""));
}

bool StreamParser::check_declaration(const unsigned char* p, std::size_t n) {
  // UTF-16/32 byte order marks or zero bytes around '<': another Unicode encoding.
  if ((n >= 2 && ((p[0] == 0xFE && p[1] == 0xFF) || (p[0] == 0xFF && p[1] == 0xFE))) ||
      (n >= 2 && ((p[0] == 0 && p[1] == '<') || (p[0] == '<' && p[1] == 0)))) {
    fail("XML-ENCODING", 1, 1, "文件是 UTF-16 或 UTF-32 编码，只接受 UTF-8 / only UTF-8 is accepted",
         {"用文本编辑器将文件另存为 UTF-8"});
    return false;
  }
  std::size_t i = 0;
  if (n >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF) i = 3;
  const std::string_view s(reinterpret_cast<const char*>(p) + i, std::min<std::size_t>(n - i, 4096));
  if (s.substr(0, 5) != "<?xml") return true;
  const std::size_t end = s.find("?>");
  const std::string_view decl = s.substr(0, end == std::string_view::npos ? s.size() : end);
  const std::size_t at = decl.find("encoding");
  if (at == std::string_view::npos) return true;
  std::size_t v = decl.find_first_of("\"'", at);
  if (v == std::string_view::npos) return true;
  const char quote = decl[v];
  const std::size_t close = decl.find(quote, v + 1);
  if (close == std::string_view::npos) return true;
  std::string enc(decl.substr(v + 1, close - v - 1));
  std::string upper;
  for (char c : enc) upper += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
  if (upper == "UTF-8" || upper == "UTF8") return true;
  int line = 1, col = 1;
  for (std::size_t k = 0; k < v + 1; ++k) {
    if (decl[k] == '\n') line++, col = 1;
    else if ((static_cast<unsigned char>(decl[k]) & 0xC0) != 0x80) ++col;
  }
  fail("XML-ENCODING", line, col,
       fmt::format("声明的编码为 {}，只接受 UTF-8 / declared encoding {} is not accepted, only UTF-8", enc, enc),
       {"将文件另存为 UTF-8，并把 XML 声明改为 encoding=\"UTF-8\""});
  return false;
}

bool StreamParser::feed(const char* data, std::size_t n) {
  if (failed_ && fatal_seen_) return false;
  if (!ctxt_) create_context();
  total_ += n;
  if (first_ && n > 0) {
    first_ = false;
    if (!check_declaration(reinterpret_cast<const unsigned char*>(data), n)) return false;
  }
  pending_.append(data, n);
  const auto* p = reinterpret_cast<const unsigned char*>(pending_.data());
  const std::size_t size = pending_.size();
  std::size_t i = 0;
  while (i < size) {
    if (p[i] < 0x80) {
      markup_.byte(p[i], line_, col_);
      if (p[i] == '\n') line_++, col_ = 1;
      else ++col_;
      ++i;
      continue;
    }
    const int len = utf8_sequence(p + i, size - i);
    if (len < 0) break;  // cut by the chunk end: keep for the next chunk
    if (len == 0) {
      std::string bytes;
      for (std::size_t k = i; k < std::min(size, i + 4); ++k) bytes += fmt::format(" 0x{:02X}", p[k]);
      fail("XML-ENCODING", line_, col_,
           fmt::format("第 {} 行有不是 UTF-8 的字节（{} ），文件可能是 GBK/GB2312 编码 / invalid UTF-8 bytes",
                       line_, bytes),
           {"只接受 UTF-8 编码的文件：用文本编辑器另存为 UTF-8"});
      return false;
    }
    markup_.byte(p[i], line_, col_);
    ++col_;
    i += static_cast<std::size_t>(len);
  }
  if (i > 0) {
    xmlParseChunk(ctxt_, pending_.data(), static_cast<int>(i), 0);
    pending_.erase(0, i);
  }
  return !(failed_ && fatal_seen_);
}

XmlDocPtr StreamParser::finish() {
  if (!ctxt_) create_context();
  if (!failed_ && total_ == 0) {
    fail("XML-PARSE", 1, 1, "文件为空 / empty file");
    return nullptr;
  }
  if (!failed_ && !pending_.empty()) {
    fail("XML-ENCODING", line_, col_, fmt::format("文件末尾的 UTF-8 字符不完整 / truncated UTF-8 sequence at end of file"));
    return nullptr;
  }
  if (!(failed_ && fatal_seen_)) xmlParseChunk(ctxt_, nullptr, 0, 1);
  xmlDocPtr doc = ctxt_->myDoc;
  ctxt_->myDoc = nullptr;
  XmlDocPtr out(doc);
  if (!failed_ && (!ctxt_->wellFormed || !doc || !xmlDocGetRootElement(doc))) {
    fail("XML-PARSE", ctxt_->input ? ctxt_->input->line : 0, 0, "XML 格式不正确 / not well-formed");
  }
  if (failed_) return nullptr;
  return out;
}

void push_io_error(core::DiagnosticSink& sink, const std::string& name, std::string message) {
  core::Diagnostic d;
  d.severity = core::Severity::kError;
  d.rule = "XML-IO";
  d.location = {name, 0, 0};
  d.message = std::move(message);
  sink.push(std::move(d));
}

void on_stray_error(void* data, xmlErrorPtr err) { static_cast<StreamParser*>(data)->report(err); }

}  // namespace

XmlDocPtr load_xml(const std::filesystem::path& path, core::DiagnosticSink& sink, const XmlLimits& limits) {
  init_libxml();
  const std::string name = path.string();
  // O_NONBLOCK: a FIFO without a writer must be refused below, not wait forever.
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
  if (fd < 0) {
    const int err = errno;
    push_io_error(sink, name,
                  fmt::format("无法打开文件：{} / cannot open: {}", err == ENOENT ? "文件不存在" : std::strerror(err),
                              std::strerror(err)));
    return nullptr;
  }
  struct FdCloser {
    int fd;
    ~FdCloser() { ::close(fd); }
  } closer{fd};
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    const std::string kind = core::special_file_kind(path);
    push_io_error(sink, name, kind.empty() ? "不是普通文件 / not a regular file" : "不是普通文件，而是" + kind);
    return nullptr;
  }
  if (const int flags = ::fcntl(fd, F_GETFL); flags >= 0) ::fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
  // XML-SIZE before reading a byte: a huge file is refused at once.
  if (static_cast<std::uint64_t>(st.st_size) > limits.max_file_bytes) {
    core::Diagnostic d;
    d.rule = "XML-SIZE";
    d.location = {name, 0, 0};
    d.message = fmt::format("文件大小 {} 字节，超过上限 {} 字节 / file larger than {} bytes",
                            static_cast<std::uint64_t>(st.st_size), limits.max_file_bytes, limits.max_file_bytes);
    sink.push(std::move(d));
    return nullptr;
  }
  StreamParser parser(name, sink, limits);
  ThreadErrorScope scope(&parser, &on_stray_error);
  std::string buf(kReadChunk, '\0');
  std::size_t total = 0;
  for (;;) {
    const ssize_t n = ::read(fd, buf.data(), buf.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      push_io_error(sink, name, fmt::format("读取失败 / read error: {}", std::strerror(errno)));
      return nullptr;
    }
    if (n == 0) break;
    total += static_cast<std::size_t>(n);
    if (total > limits.max_file_bytes) {  // the file grew while being read
      parser.fail("XML-SIZE", 0, 0, fmt::format("文件超过上限 {} 字节 / file larger than {} bytes",
                                                 limits.max_file_bytes, limits.max_file_bytes));
      return nullptr;
    }
    if (!parser.feed(buf.data(), static_cast<std::size_t>(n))) return nullptr;
  }
  return parser.finish();
}

XmlDocPtr load_xml_memory(std::string_view bytes, const std::string& name, core::DiagnosticSink& sink,
                          const XmlLimits& limits) {
  init_libxml();
  if (bytes.size() > limits.max_file_bytes) {
    core::Diagnostic d;
    d.rule = "XML-SIZE";
    d.location = {name, 0, 0};
    d.message = fmt::format("内容 {} 字节，超过上限 {} 字节 / input larger than {} bytes", bytes.size(),
                            limits.max_file_bytes, limits.max_file_bytes);
    sink.push(std::move(d));
    return nullptr;
  }
  StreamParser parser(name, sink, limits);
  ThreadErrorScope scope(&parser, &on_stray_error);
  for (std::size_t off = 0; off < bytes.size(); off += kMemoryChunk) {
    const std::size_t n = std::min(kMemoryChunk, bytes.size() - off);
    if (!parser.feed(bytes.data() + off, n)) return nullptr;
  }
  return parser.finish();
}

}  // namespace wenshu::ingest

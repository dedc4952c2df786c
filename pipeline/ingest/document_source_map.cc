#include "ingest/document_source_map.h"

#include <algorithm>

#include "core/utf8.h"

namespace wenshu::ingest {

namespace {

bool is_xml_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool is_name_end(char c) { return is_xml_space(c) || c == '>' || c == '/' || c == '='; }

// Length in bytes of the UTF-8 sequence starting with `b` (1 for a stray byte).
std::size_t utf8_seq_len(unsigned char b) {
  if (b < 0x80) return 1;
  if ((b & 0xE0) == 0xC0) return 2;
  if ((b & 0xF0) == 0xE0) return 3;
  if ((b & 0xF8) == 0xF0) return 4;
  return 1;
}

// The code point of a predefined entity or character reference (`body` without & and ;).
std::optional<char32_t> resolve_reference(std::string_view body) {
  if (body == "lt") return U'<';
  if (body == "gt") return U'>';
  if (body == "amp") return U'&';
  if (body == "quot") return U'"';
  if (body == "apos") return U'\'';
  if (body.size() < 2 || body[0] != '#') return std::nullopt;
  const bool hex = body[1] == 'x';
  const std::string_view digits = body.substr(hex ? 2 : 1);
  if (digits.empty() || digits.size() > 8) return std::nullopt;
  char32_t v = 0;
  for (char c : digits) {
    int d;
    if (c >= '0' && c <= '9') d = c - '0';
    else if (hex && c >= 'a' && c <= 'f') d = c - 'a' + 10;
    else if (hex && c >= 'A' && c <= 'F') d = c - 'A' + 10;
    else return std::nullopt;
    v = v * (hex ? 16 : 10) + static_cast<char32_t>(d);
  }
  return v;
}

}  // namespace

DocumentSourceMap::DocumentSourceMap(std::string_view bytes) : bytes_(bytes) {
  line_starts_.push_back(0);
  for (std::size_t i = 0; i < bytes_.size(); ++i) {
    if (bytes_[i] == '\n') line_starts_.push_back(i + 1);
    else if (bytes_[i] == '\r' && (i + 1 >= bytes_.size() || bytes_[i + 1] != '\n')) line_starts_.push_back(i + 1);
  }
  scan();
}

std::string_view DocumentSourceMap::element_name(std::size_t i) const {
  return i < elements_.size() ? std::string_view(elements_[i].name) : std::string_view();
}

SourcePos DocumentSourceMap::element_pos(std::size_t i) const {
  return i < elements_.size() ? position(elements_[i].tag_begin) : SourcePos{};
}

SourcePos DocumentSourceMap::position(std::size_t byte) const {
  const auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), byte);
  const std::size_t line_index = static_cast<std::size_t>(it - line_starts_.begin()) - 1;
  std::size_t k = line_starts_[line_index];
  int column = 1;
  // Readers ask in document order: continue from the last answer on the same line, so a
  // file written on one long line costs linear time, not quadratic.
  if (cache_line_ == line_index && cache_byte_ <= byte && cache_byte_ >= k) {
    k = cache_byte_;
    column = cache_column_;
  }
  while (k < byte && k < bytes_.size()) {
    k += utf8_seq_len(static_cast<unsigned char>(bytes_[k]));
    ++column;
  }
  cache_line_ = line_index;
  cache_byte_ = k;
  cache_column_ = column;
  return {static_cast<int>(line_index) + 1, column};
}

void DocumentSourceMap::scan() {
  std::vector<std::size_t> open;  // indexes of elements whose end tag is pending
  const std::size_t n = bytes_.size();
  auto skip_past = [&](std::size_t& i, std::string_view terminator) {
    const auto end = bytes_.find(terminator, i);
    if (end == std::string_view::npos) {
      ok_ = false;
      i = n;
    } else {
      i = end + terminator.size();
    }
  };
  for (std::size_t i = 0; i < n && ok_;) {
    if (bytes_[i] != '<') {
      ++i;
      continue;
    }
    const std::string_view rest = bytes_.substr(i);
    if (rest.starts_with("<?")) {
      skip_past(i, "?>");
    } else if (rest.starts_with("<!--")) {
      skip_past(i, "-->");
    } else if (rest.starts_with("<![CDATA[")) {
      skip_past(i, "]]>");
    } else if (rest.starts_with("<!")) {
      ok_ = false;  // a DOCTYPE: the loader refuses it, and entities would break the mapping
    } else if (rest.starts_with("</")) {
      if (open.empty()) {
        ok_ = false;
        break;
      }
      elements_[open.back()].content_end = i;
      open.pop_back();
      skip_past(i, ">");
    } else if (!scan_start_tag(i, open)) {
      ok_ = false;
    }
  }
  if (!open.empty()) ok_ = false;
}

bool DocumentSourceMap::scan_start_tag(std::size_t& i, std::vector<std::size_t>& open) {
  const std::size_t n = bytes_.size();
  Element e;
  e.tag_begin = i;
  std::size_t k = i + 1;
  while (k < n && !is_name_end(bytes_[k])) ++k;
  e.name = std::string(bytes_.substr(i + 1, k - i - 1));
  if (e.name.empty()) return false;
  for (;;) {
    while (k < n && is_xml_space(bytes_[k])) ++k;
    if (k >= n) return false;
    if (bytes_[k] == '>' || (bytes_[k] == '/' && k + 1 < n && bytes_[k + 1] == '>')) break;
    const std::size_t name_begin = k;
    while (k < n && !is_name_end(bytes_[k])) ++k;
    Attribute a;
    a.name = std::string(bytes_.substr(name_begin, k - name_begin));
    while (k < n && is_xml_space(bytes_[k])) ++k;
    if (k >= n || bytes_[k] != '=' || a.name.empty()) return false;
    ++k;
    while (k < n && is_xml_space(bytes_[k])) ++k;
    if (k >= n || (bytes_[k] != '"' && bytes_[k] != '\'')) return false;
    const char quote = bytes_[k];
    a.begin = k + 1;
    const auto close = bytes_.find(quote, a.begin);
    if (close == std::string_view::npos) return false;
    a.end = close;
    k = close + 1;
    e.attributes.push_back(std::move(a));
  }
  const bool empty = bytes_[k] == '/';
  i = k + (empty ? 2 : 1);
  e.content_begin = e.content_end = i;
  elements_.push_back(std::move(e));
  if (!empty) open.push_back(elements_.size() - 1);
  return true;
}

MappedText DocumentSourceMap::decode(std::size_t begin, std::size_t end, bool attribute) const {
  MappedText out;
  SourcePos at = position(begin);
  auto emit = [&](char32_t c, SourcePos p, bool brk) {
    out.chars.push_back(c);
    out.pos.push_back(p);
    out.line_break.push_back(brk);
  };
  // Advances `at` over bytes [from, to), which hold no line break.
  auto advance = [&](std::size_t from, std::size_t to) {
    for (std::size_t k = from; k < to;) {
      k += utf8_seq_len(static_cast<unsigned char>(bytes_[k]));
      ++at.column;
    }
  };
  for (std::size_t i = begin; i < end;) {
    const char c = bytes_[i];
    if (c == '\r' || c == '\n') {
      // XML 1.0 §2.11: CR LF and lone CR become LF.
      const std::size_t len = (c == '\r' && i + 1 < end && bytes_[i + 1] == '\n') ? 2 : 1;
      emit(attribute ? U' ' : U'\n', at, true);
      i += len;
      at = {at.line + 1, 1};
      continue;
    }
    if (c == '&') {
      const auto semi = bytes_.find(';', i);
      const auto value = semi == std::string_view::npos || semi >= end
                             ? std::nullopt
                             : resolve_reference(bytes_.substr(i + 1, semi - i - 1));
      if (value) {
        emit(*value, at, false);
        advance(i, semi + 1);
        i = semi + 1;
        continue;
      }
    }
    if (!attribute && c == '<') {
      const std::string_view rest = bytes_.substr(i, end - i);
      std::string_view open, close;
      if (rest.starts_with("<![CDATA[")) open = "<![CDATA[", close = "]]>";
      else if (rest.starts_with("<!--")) open = "<!--", close = "-->";
      else if (rest.starts_with("<?")) open = "<?", close = "?>";
      const auto stop = open.empty() ? std::string_view::npos : bytes_.find(close, i + open.size());
      if (stop != std::string_view::npos && stop < end) {
        const std::size_t inner_begin = i + open.size();
        advance(i, inner_begin);
        if (open == "<![CDATA[") {
          // CDATA content is literal, line breaks included.
          MappedText inner;
          for (std::size_t k = inner_begin; k < stop;) {
            const char ck = bytes_[k];
            if (ck == '\r' || ck == '\n') {
              const std::size_t len = (ck == '\r' && k + 1 < stop && bytes_[k + 1] == '\n') ? 2 : 1;
              emit(U'\n', at, true);
              k += len;
              at = {at.line + 1, 1};
              continue;
            }
            const std::size_t len = utf8_seq_len(static_cast<unsigned char>(ck));
            const auto cps = core::utf8_decode(bytes_.substr(k, std::min(len, stop - k)));
            emit(cps.empty() ? U'\uFFFD' : cps[0], at, false);
            ++at.column;
            k += len;
          }
        } else {
          for (std::size_t k = inner_begin; k < stop;) {  // comments and PIs may span lines
            if (bytes_[k] == '\n' || bytes_[k] == '\r') {
              k += (bytes_[k] == '\r' && k + 1 < stop && bytes_[k + 1] == '\n') ? 2 : 1;
              at = {at.line + 1, 1};
            } else {
              k += utf8_seq_len(static_cast<unsigned char>(bytes_[k]));
              ++at.column;
            }
          }
        }
        at.column += static_cast<int>(close.size());
        i = stop + close.size();
        continue;
      }
    }
    const std::size_t len = std::min(utf8_seq_len(static_cast<unsigned char>(c)), end - i);
    const auto cps = core::utf8_decode(bytes_.substr(i, len));
    emit(cps.empty() ? U'\uFFFD' : cps[0], at, attribute && c == '\t');
    if (attribute && c == '\t') out.chars.back() = U' ';  // XML 1.0 §3.3.3
    ++at.column;
    i += len;
  }
  return out;
}

std::optional<MappedText> DocumentSourceMap::element_text(std::size_t i) const {
  if (!ok_ || i >= elements_.size()) return std::nullopt;
  const Element& e = elements_[i];
  if (i + 1 < elements_.size() && elements_[i + 1].tag_begin < e.content_end) return std::nullopt;
  return decode(e.content_begin, e.content_end, false);
}

std::optional<MappedText> DocumentSourceMap::attribute_text(std::size_t i, std::string_view name) const {
  if (!ok_ || i >= elements_.size()) return std::nullopt;
  for (const Attribute& a : elements_[i].attributes)
    if (a.name == name) return decode(a.begin, a.end, true);
  return std::nullopt;
}

MappedText normalize_whitespace(const MappedText& text) {
  auto space = [](char32_t c) { return c == U' ' || c == U'\t' || c == U'\n' || c == U'\r'; };
  std::size_t begin = 0, end = text.chars.size();
  while (begin < end && space(text.chars[begin])) ++begin;
  while (end > begin && space(text.chars[end - 1])) --end;
  MappedText out;
  for (std::size_t i = begin; i < end;) {
    if (!space(text.chars[i])) {
      out.chars.push_back(text.chars[i]);
      out.pos.push_back(text.pos[i]);
      out.line_break.push_back(false);
      ++i;
      continue;
    }
    std::size_t j = i;
    bool has_break = false;
    while (j < end && space(text.chars[j])) {
      has_break = has_break || text.chars[j] == U'\n' || text.line_break[j];
      ++j;
    }
    if (!has_break) {
      for (std::size_t k = i; k < j; ++k) {
        out.chars.push_back(text.chars[k]);
        out.pos.push_back(text.pos[k]);
        out.line_break.push_back(false);
      }
    } else if (text.chars[i - 1] < 0x80 || text.chars[j] < 0x80) {
      // CSS Text 3 §4.1.2: the break becomes a space unless both sides are wide characters.
      out.chars.push_back(U' ');
      out.pos.push_back(text.pos[i]);
      out.line_break.push_back(false);
    }
    i = j;
  }
  return out;
}

}  // namespace wenshu::ingest

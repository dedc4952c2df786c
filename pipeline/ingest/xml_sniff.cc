#include "ingest/xml_sniff.h"

#include "core/file_io.h"

namespace wenshu::ingest {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

bool is_name_char(char c) {
  return !is_space(c) && c != '>' && c != '/' && c != '=' && c != '<' && c != '"' && c != '\'';
}

/// Skips white space, comments and processing instructions (the XML declaration is one);
/// returns the position of the next '<' that opens something else, or npos.
std::size_t skip_prolog(std::string_view s, std::size_t i) {
  while (i < s.size()) {
    if (is_space(s[i])) {
      ++i;
    } else if (s.substr(i, 4) == "<!--") {
      const std::size_t end = s.find("-->", i + 4);
      if (end == std::string_view::npos) return std::string_view::npos;
      i = end + 3;
    } else if (s.substr(i, 2) == "<?") {
      const std::size_t end = s.find("?>", i + 2);
      if (end == std::string_view::npos) return std::string_view::npos;
      i = end + 2;
    } else {
      return s[i] == '<' ? i : std::string_view::npos;
    }
  }
  return std::string_view::npos;
}

}  // namespace

std::optional<RootElement> sniff_root(std::string_view s) {
  std::size_t i = s.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  i = skip_prolog(s, i);
  if (i == std::string_view::npos || s.substr(i, 2) == "<!") return std::nullopt;  // DOCTYPE: not ours
  ++i;
  const std::size_t name_start = i;
  while (i < s.size() && is_name_char(s[i])) ++i;
  if (i == name_start || i >= s.size()) return std::nullopt;
  const std::string_view qname = s.substr(name_start, i - name_start);
  const std::size_t colon = qname.find(':');
  const std::string_view prefix = colon == std::string_view::npos ? std::string_view() : qname.substr(0, colon);
  RootElement root;
  root.local_name = std::string(colon == std::string_view::npos ? qname : qname.substr(colon + 1));
  const std::string wanted = prefix.empty() ? "xmlns" : "xmlns:" + std::string(prefix);
  // Attributes up to the end of the start tag: name = "value" | 'value'.
  while (i < s.size()) {
    while (i < s.size() && is_space(s[i])) ++i;
    if (i >= s.size()) return std::nullopt;
    if (s[i] == '>' || s[i] == '/') return root;
    const std::size_t a = i;
    while (i < s.size() && is_name_char(s[i])) ++i;
    const std::string_view attr = s.substr(a, i - a);
    while (i < s.size() && is_space(s[i])) ++i;
    if (attr.empty() || i >= s.size() || s[i] != '=') return std::nullopt;
    ++i;
    while (i < s.size() && is_space(s[i])) ++i;
    if (i >= s.size() || (s[i] != '"' && s[i] != '\'')) return std::nullopt;
    const char quote = s[i];
    const std::size_t end = s.find(quote, i + 1);
    if (end == std::string_view::npos) return std::nullopt;
    if (attr == wanted) root.namespace_uri = std::string(s.substr(i + 1, end - i - 1));
    i = end + 1;
  }
  return std::nullopt;
}

std::optional<RootElement> sniff_root_file(const std::filesystem::path& path) {
  try {
    return sniff_root(core::read_head(path, kSniffBytes));
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

}  // namespace wenshu::ingest

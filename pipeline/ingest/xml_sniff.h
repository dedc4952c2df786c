// Telling what an XML file is from its first bytes only: the root element's name and namespace,
// read from the start tag after the XML declaration, comments, processing instructions and
// white space. Commands that accept several kinds of XML (records, 公文, sidecars) sniff with
// this instead of reading or parsing a whole file (docs/limits.md: kSniffBytes).
#pragma once
#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace wenshu::ingest {

/// How much of a file is read to tell its kind.
inline constexpr std::size_t kSniffBytes = std::size_t(64) << 10;

/// The root element as its start tag names it.
struct RootElement {
  std::string local_name;     ///< "document"
  std::string namespace_uri;  ///< the namespace its prefix (or the default) is bound to there
};

/// The root element of the XML document that `head` begins (a UTF-8 BOM allowed). nullopt when
/// `head` holds no complete root start tag (not XML, a DOCTYPE first, or a tag longer than
/// `head`). Linear in the length of `head`.
std::optional<RootElement> sniff_root(std::string_view head);

/// sniff_root on the first kSniffBytes of a regular file; nullopt when it is not one, cannot be
/// read, or does not start like XML (the reader that takes it reports why).
std::optional<RootElement> sniff_root_file(const std::filesystem::path& path);

}  // namespace wenshu::ingest

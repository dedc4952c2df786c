// BagIt tag files (see bag.h).
#include "archive/bag.h"

#include <algorithm>

#include <fmt/format.h>

namespace wenshu::archive {

std::string bagit_txt() { return "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"; }

std::string bag_info_txt(const DossierInfo& info, const std::string& code_style, const std::string& scheme,
                         std::uint64_t payload_bytes, std::uint64_t payload_files, std::size_t item_count) {
  // archive.md §12.3: this label order; every value from the input, never from the clock.
  std::string s;
  s += "Source-Organization: " + info.fonds_name + "\n";
  s += "External-Identifier: " + info.package_id + "\n";
  s += "External-Description: " + info.fonds_name + " " + fmt::format("{:04d}", info.year) + "年度文书档案归档包\n";
  s += "Bagging-Date: " + core::format_date(info.filing_date) + "\n";
  s += fmt::format("Payload-Oxum: {}.{}\n", payload_bytes, payload_files);
  if (info.bag_count > 1) {
    s += "Bag-Group-Identifier: " + info.group_id + "\n";
    s += fmt::format("Bag-Count: {} of {}\n", info.bag_index, info.bag_count);
  }
  s += "Fonds-Identifier: " + info.fonds_code + "\n";
  s += "Archival-Category: WS\n";
  s += fmt::format("Archival-Year: {:04d}\n", info.year);
  s += "Archival-Code-Style: " + code_style + "\n";
  s += "Classification-Scheme: " + scheme + "\n";
  s += "Metadata-Standard: DA/T 46-2009\n";
  s += fmt::format("Item-Count: {}\n", item_count);
  s += "Checksum-Algorithms: sha256 sm3 (SM3 = GB/T 32905-2016)\n";
  s += "BagIt-Profile-Identifier: docs/archive-format.md (wenshu annual archive dossier, version 1)\n";
  return s;
}

std::string manifest_path_encode(const std::string& path) {
  std::string out;
  for (char c : path) {
    if (c == '%') out += "%25";
    else if (c == '\n') out += "%0A";
    else if (c == '\r') out += "%0D";
    else out += c;
  }
  return out;
}

std::string manifest_path_decode(const std::string& path) {
  std::string out;
  for (std::size_t i = 0; i < path.size(); ++i) {
    if (path[i] == '%' && i + 2 < path.size() + 0 && i + 2 <= path.size() - 1) {
      const std::string code = path.substr(i + 1, 2);
      if (code == "25") { out += '%'; i += 2; continue; }
      if (code == "0A" || code == "0a") { out += '\n'; i += 2; continue; }
      if (code == "0D" || code == "0d") { out += '\r'; i += 2; continue; }
    }
    out += path[i];
  }
  return out;
}

std::string manifest_txt(const std::vector<const BagFile*>& files, const std::string& alg) {
  std::vector<const BagFile*> sorted = files;
  std::sort(sorted.begin(), sorted.end(), [](const BagFile* a, const BagFile* b) { return a->path < b->path; });
  std::string s;
  for (const BagFile* f : sorted) {
    s += alg == "sm3" ? f->digests.sm3 : f->digests.sha256;
    s += "  ";
    s += manifest_path_encode(f->path);
    s += '\n';
  }
  return s;
}

}  // namespace wenshu::archive

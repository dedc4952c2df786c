// DA/T 22-2015 arrangement of one 全宗 × 年度: 问题 class and 保管期限 of every 件, order inside
// each lowest class (date, then 发文字号 and title: "时间结合事由", §5.3), 件号 0001…N without gaps
// (§5.4), the 档号 in the profile's style and the ASCII file key (archive.md §12.1).
#pragma once
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "archive/profile.h"
#include "core/diagnostic.h"
#include "model/filed_document.h"

namespace wenshu::archive {

/// One component file as it goes into the dossier.
struct ItemFile {
  std::filesystem::path source;  ///< the file on disk; empty: `bytes` holds the content
  std::string bytes;             ///< the content when there is no file
  std::string extension;         ///< ".pdf" (lowercase), from the component's name
  std::string name;              ///< <key>-NN.pdf
  std::string role;              ///< 正本, 附件 …
  std::string format;            ///< 格式信息
  int page_count = 0;            ///< from the PDF itself (checked against the metadata, DA-4)
  std::string sha256, sm3;       ///< of the bytes
  std::uint64_t size = 0;
  bool rendition = false;        ///< another format of the file before it: <key>-NN with its NN
};

/// One 件 of the dossier.
struct FiledItem {
  model::FiledDocument doc;
  std::filesystem::path origin;   ///< where it came from (model::Filing::origin: diagnostics, last tie-breaker)
  std::string retention;          ///< Y / D30 / D10
  std::string class_code;         ///< 3-letter 问题 code ("" with the 年度-保管期限 scheme)
  std::string class_name;
  int item_number = 0;            ///< 件号
  std::string archival_code;      ///< 档号, formal (with "·")
  std::string key;                ///< 档号 with "·" → "." (file names)
  std::string folder;             ///< path below the bag root: data/电子档案/2024/Y/DCY/<key>
  std::vector<ItemFile> files;
  int page_count() const {
    int n = 0;
    for (const auto& f : files)
      if (!f.rendition) n += f.page_count;  // a rendition repeats the pages of the file before it
    return n;
  }
};

/// The 档号 for the parts given, in the profile's style (archive.md §1.6).
std::string make_archival_code(const ArchiveProfile& profile, const std::string& fonds, int year,
                               const std::string& retention, const std::string& class_code, int number);
/// File key of a 档号: "·" → "." (archive.md §12.1).
std::string archival_key(const std::string& archival_code);
/// True if `code` is a well-formed 档号 of the profile's style (fonds 4 chars, year 4 digits,
/// retention code, class code when the scheme has one, 4-digit 件号).
bool archival_code_well_formed(const ArchiveProfile& profile, const std::string& code);

/// Resolves retention and class for every item (DA-3 errors for unknown codes), sorts the items
/// in 档号 order and numbers them per lowest class. `fonds` is the 全宗号 used for every item.
void arrange(std::vector<FiledItem>& items, const ArchiveProfile& profile, const std::string& fonds,
             core::DiagnosticSink& sink);

}  // namespace wenshu::archive

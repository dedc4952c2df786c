// DA/T 48-2009 electronic-record encapsulation packages (EEP, `<key>.eep`): one per 件, carrying
// its DA/T 46 metadata (taken from the item's metadata XML, schemas/archive/item.xsd, so both
// say the same) and every component file as Base64 with its digests. Checked against
// schemas/eep/eep.xsd and against the item's digests (docs/archive-format.md, EEP).
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace wenshu::archive {

/// One component of the 件 by its 计算机文件名 in the item metadata.
struct EepFile {
  std::string name;
  std::string_view bytes;
};

struct EepOptions {
  std::string filing_date;   ///< YYYY-MM-DD: 封装包创建时间 (never the clock)
  std::string creator_unit;  ///< 封装包创建单位 (the 立档单位)
};

/// The EEP of one item from its metadata XML and component files. Empty with `error` set when
/// the metadata cannot be read, a component is missing, or the result does not match the EEP
/// schema (an item whose metadata lacks what DA/T 48 requires).
std::string build_eep(std::string_view item_xml, const std::vector<EepFile>& files, const EepOptions& options,
                      std::string& error);

/// Checks an EEP: it matches the EEP schema, names the item's 电子文件号, encapsulates every
/// component of the item metadata, and each decoded file has the size and the SHA-256 and SM3
/// digests the item metadata records (and the ones the EEP itself records). Returns "" when
/// sound, else one sentence naming the first problem.
std::string check_eep(std::string_view eep, std::string_view item_xml, const std::string& name);

}  // namespace wenshu::archive

// The passes of `verify` (verify.h) over one plain record of what was observed in a dossier.
// Each pass reads what the passes before it left in `Observed` and adds its own facts and
// findings; none reaches back into the container except through the EntrySource it is given:
//   1. check_container   names, kinds, modes, methods and declared sizes, before any byte is read
//   2. read_tag_files    bagit.txt, bag-info.txt (strict), the four manifests; nothing else at the root
//   3. read_payload      every entry read once, never past its declared size: digests, XML kept,
//                        PDFs inspected
//   4. check_manifests   the manifests against the bytes, Payload-Oxum, the published digest
//   5. check_items       each 件's metadata against its files (DA-1…DA-6), 件号 continuity
//   6. check_catalogues  归档文件目录, 文件目录, 归档登记表 and the other fixed files
// Internal to the archive stage and its tests.
#pragma once
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "archive/digest.h"
#include "archive/entry_source.h"
#include "archive/profile.h"
#include "archive/verify.h"
#include "core/diagnostic.h"
#include "model/filed_document.h"

namespace wenshu::archive {

/// The tag files a dossier may hold at its root (archive-format.md: BagIt 1.0 with SHA-256 and
/// SM3 manifests), and the optional signature. Anything else outside data/ is refused.
inline constexpr const char* kRequiredTagFiles[] = {"bagit.txt",           "bag-info.txt",
                                                    "manifest-sha256.txt", "manifest-sm3.txt",
                                                    "tagmanifest-sha256.txt", "tagmanifest-sm3.txt"};
/// bag-info.txt labels that may appear at most once (RFC 8493 §2.2.2 and our profile).
inline constexpr const char* kUniqueBagInfoLabels[] = {
    "Payload-Oxum", "Bagging-Date", "External-Identifier", "Bag-Count", "Bag-Group-Identifier",
    "Fonds-Identifier", "Archival-Year", "Item-Count", "BagIt-Profile-Identifier"};

/// Findings go through this: an error or warning about a file of the dossier and an item.
struct Findings {
  core::DiagnosticSink& sink;
  void error(const std::string& rule, const std::string& file, const std::string& item, const std::string& msg);
  void warning(const std::string& rule, const std::string& file, const std::string& msg);
};

/// A manifest as read: path → lowercase hex digest.
struct ManifestSeen {
  bool present = false;
  std::map<std::string, std::string> lines;
};

/// A PDF of the payload as the inspector found it.
struct PdfSeen {
  std::string entry;  ///< full entry name
  model::FileFacts facts;
};

/// Everything verify observed of one dossier. Paths ("rel") are relative to the bag root.
struct Observed {
  std::string shown;                    ///< the dossier as named by the user
  std::string expect;                   ///< --expect: the digest published by pack ("" = none)
  std::string container_sha256;         ///< SHA-256 of the ZIP file (computed only with --expect)
  std::string root;                     ///< "Z109-WS-2024/"
  std::vector<EntryInfo> entries;       ///< as the container declares them
  std::vector<bool> usable;             ///< entry i passed the container checks (may be read)
  bool refused = false;                 ///< the container is unsafe to read: stop after pass 1
  std::map<std::string, std::size_t> index_of;  ///< rel → entry index (usable entries)

  // 2. Tag files.
  std::string bagit, bag_info;
  std::map<std::string, std::string> bag_info_fields;  ///< label → value (first occurrence)
  ManifestSeen manifest_sha256, manifest_sm3, tagmanifest_sha256, tagmanifest_sm3;

  // 3. Payload streams.
  std::map<std::string, Digests> actual;              ///< rel → digests of the bytes read
  std::set<std::string> unreadable;                   ///< could not be read (one ZIP-CRC each)
  std::map<std::string, std::uint64_t> unreadable_size;  ///< their declared sizes
  std::map<std::string, std::string> xml;             ///< payload XML kept for passes 5 and 6
  std::uint64_t xml_bytes = 0;                        ///< their total (VerifyLimits::max_xml_total_bytes)
  std::map<std::string, PdfSeen> pdfs;
  std::map<std::string, std::string> eeps;            ///< .eep → "" or its one problem (archive/eep.h)
  std::map<std::string, model::FileFacts> ofds;       ///< OFD renditions (archive/ofd_facts.h)
  std::uint64_t payload_files = 0, payload_bytes = 0;

  // 4. Manifests.
  std::set<std::string> altered;  ///< files changed after packing (one DA-5 each, said in pass 4)

  // 5. Items.
  std::map<std::string, int> item_pages;     ///< 档号 → 页数 of every readable item
  std::set<std::string> damaged_items;       ///< items whose metadata entry is unreadable (keys)
  std::set<std::string> pdfs_claimed;        ///< PDFs some item's metadata names
};

/// The 件 an entry belongs to: its folder's name (the ASCII 档号 key) under 电子档案/, else "".
std::string item_of(const std::string& rel);

// The passes, in order. Each is a no-op when `obs.refused` is set (after pass 1).
void check_container(const EntrySource& src, const VerifyLimits& limits, Observed& obs, Findings& f);
void read_tag_files(EntrySource& src, const VerifyLimits& limits, Observed& obs, Findings& f);
void read_payload(EntrySource& src, const VerifyLimits& limits, Observed& obs, Findings& f, VerifyStats& stats);
void check_manifests(Observed& obs, Findings& f);
void check_items(const ArchiveProfile& profile, Observed& obs, Findings& f, VerifyStats& stats);
void check_catalogues(Observed& obs, Findings& f);

/// Parses bag-info.txt strictly (RFC 8493 §2.2.2): "Label: value" lines, continuation lines
/// starting with white space, labels of kUniqueBagInfoLabels at most once. One finding per bad
/// line; fills obs.bag_info_fields.
void parse_bag_info(Observed& obs, Findings& f);
/// Parses a manifest ("<hex>  <path>" lines): one finding per bad or repeated line.
ManifestSeen parse_manifest(const std::string& name, const std::string& text, Findings& f);

}  // namespace wenshu::archive

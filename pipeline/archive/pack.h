// Packing a year: sidecars → checked, arranged 件 → one BagIt/DA/T 22 dossier ZIP per 全宗 × 年度
// (split by 保管期限 when large), archive.md §12. Streams the PDFs: only one PDF is in memory at
// a time while checking, and libzip reads them from disk while writing.
#pragma once
#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "archive/arrange.h"
#include "archive/dossier.h"
#include "archive/profile.h"
#include "archive/sign.h"
#include "core/date.h"
#include "core/diagnostic.h"
#include "model/catalogue_document.h"
#include "model/filed_document.h"

namespace wenshu::archive {

/// What `wenshu pack` was asked to do.
struct PackOptions {
  std::vector<std::filesystem::path> inputs;  ///< folders/sidecars to scan
  int year = 0;                               ///< 年度 to pack
  std::string fonds;                          ///< 全宗号 when the sidecars carry none
  /// 全宗号 by committee id, from the rule profile (da.fonds.<committee>, as `build` takes
  /// them): used for a sidecar without one when `fonds` is not given.
  std::map<std::string, std::string> fonds_by_committee;
  core::Date filing_date;                     ///< 归档日期 (bag-info Bagging-Date, DOS time)
  std::filesystem::path out_dir = ".";
  std::string arranger, checker;              ///< 备考表 整理人 / 检查人
  /// Sets the printable 归档文件目录.pdf from its register (archive/catalogue_document.h): the
  /// job stage hands in the layout stage's setter (job/catalogue_pdf.h); throws when it cannot.
  /// Empty: the dossier has no printable catalogue (its XML catalogue is what verify checks).
  std::function<std::string(const model::CatalogueDocument&)> set_catalogue;
  /// When set, only the filings it accepts are read and packed (stand-alone pack --shard); a
  /// selection with nothing in it is then not an error.
  std::function<bool(const model::FiledDocument&)> accept;
  /// Also write, per 件, `<key>.eep`: a DA/T 48-2009 encapsulation package (archive/eep.h).
  bool eep = false;
  /// Sign the tag manifests with SM2 (archive/sign.h): signature/signature-sm2.txt. Not owned.
  const Signer* signer = nullptr;
};

/// One written ZIP and its fingerprints (archive.md §12.3: record them in the transfer form).
struct PackedBag {
  std::filesystem::path zip;
  std::string package_id;
  std::size_t items = 0;
  std::uint64_t payload_files = 0, payload_bytes = 0;
  std::string tagmanifest_sm3_sm3;        ///< SM3 of tagmanifest-sm3.txt
  std::string tagmanifest_sm3_sha256;     ///< SHA-256 of tagmanifest-sm3.txt
  std::string zip_sha256;                 ///< SHA-256 of the ZIP file
  std::string zip_sm3;                    ///< SM3 of the ZIP file (build records it: no second read)
  std::uint64_t zip_size = 0;
  std::string signer;                     ///< the signing certificate's subject (empty: not signed)
};

/// Checks each 件 before packing, on its plain data alone (no file is read): mandatory metadata
/// (DA-1), 保管期限 (DA-3), page counts equal the PDFs' (DA-4), recorded digests equal the
/// measured ones (DA-5), PDF with embedded fonts, no encryption, no scripts or actions (DA-6).
/// Every finding goes to `sink`; `results` gets the 检测报告 lines.
std::vector<FiledItem> check_filings(std::vector<model::Filing> filings, const ArchiveProfile& profile,
                                     core::DiagnosticSink& sink, std::vector<CheckResult>& results);

/// The sidecars under `inputs` for `year` (archive/sidecar_filings.h), checked (check_filings).
std::vector<FiledItem> load_items(const std::vector<std::filesystem::path>& inputs, int year,
                                  const ArchiveProfile& profile, core::DiagnosticSink& sink,
                                  std::vector<CheckResult>& results);

/// Packs filings handed over in memory (by `build`): checks, arranges, writes one bag per 全宗
/// (options.inputs is not used). Returns the bags written; writes nothing when `sink` gets any
/// error (exit 1) and throws std::runtime_error on I/O failure (exit 2).
std::vector<PackedBag> pack_filings(std::vector<model::Filing> filings, const PackOptions& options,
                                    const ArchiveProfile& profile, core::DiagnosticSink& sink);

/// Stand-alone packing: the sidecars under options.inputs for options.year, read by the adapter
/// (archive/sidecar_filings.h), then pack_filings.
std::vector<PackedBag> pack_year(const PackOptions& options, const ArchiveProfile& profile, core::DiagnosticSink& sink);

}  // namespace wenshu::archive

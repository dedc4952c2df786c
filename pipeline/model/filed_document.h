// The contract between rendering and packing: one rendered 公文 ready for filing (one 件 of
// DA/T 22-2015 §5.1) with the metadata the archive needs (DA/T 46-2009 §4.2 mandatory set).
// `build` hands the archive stage Filing values in memory: the metadata, where each file's
// bytes are and what was measured of them when they were made, so the archive stage packs
// plain data and never parses paths or re-reads what render already knows. The render job
// also writes one sidecar `<name>.pdf.xml` (schemas/filed-document.xsd) next to every PDF,
// with archive::write_sidecar(); stand-alone `wenshu pack` reads those back into Filing values
// (archive/sidecar_filings.h, the only place that turns a folder into filings). Paths in a
// sidecar are relative to the sidecar's folder, so an output folder can be moved as a whole.
#pragma once
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "core/date.h"

namespace wenshu::model {

/// One component file of a 件 (DA/T 22-2015 §5.1: 正本, 附件, 定稿 …), in filing order.
struct FiledComponent {
  /// What the file is, in DA/T 22 order inside the 件: "正本" (the 主文档, first), "附件",
  /// "发文稿纸", "定稿", "其他".
  std::string role = "正本";
  std::string path;         ///< the file, relative to the sidecar's folder (or absolute)
  int page_count = 0;       ///< pages of this file (DA/T 22 §5.5: pages with content)
  std::string format = "PDF";  ///< DA/T 46 M47 格式信息, e.g. "PDF/A-2u" (from the pdf writer)
  std::string sha256;       ///< lowercase hex taken when the file was produced; empty = unknown
  std::string sm3;          ///< lowercase hex (GB/T 32905-2016); empty = unknown
  /// Another rendition of the component before it (the OFD beside the PDF of `render --as
  /// both`): the same pages in another format, filed as a second 编码 of the same 文档
  /// (DA/T 48 文档数据) and not counted again in the 件's 页数.
  bool rendition = false;
};

/// A rendered document ready for filing. Strings are UTF-8 as they will appear in the 归档文件目录.
struct FiledDocument {
  // 来源 (DA/T 46 M2/M6)
  std::string committee_id;    ///< committee id from the records (e.g. "ganzhou"), ASCII
  std::string committee_name;  ///< 立档单位名称 = 全宗名称 by default (e.g. "中共张掖市甘州区委员会")
  std::string fonds_code;      ///< 全宗号 when the records carry it (4 chars, e.g. "Z109"); may be empty

  // 档号 parts that come from the document (the rest is assigned by pack)
  int year = 0;                ///< 年度: year the document was formed (签发/成文 date's year)
  /// 问题 class = the regulation the document belongs to: DY ZX BG TG JD DB ZZ, or ZH (综合,
  /// general 公文). The archive profile maps it to the 3-letter 问题代码 used in the 档号.
  std::string regulation = "ZH";
  /// 保管期限 Y / D30 / D10. Empty = take it from the profile's kind → period table.
  std::string retention;

  // 内容描述 (DA/T 46 M21–M39)
  std::string kind;            ///< 文种 (M34): 通知, 报告, 调研报告, 请假条, 纪要 …
  std::string title;           ///< 题名 (M22); invented titles already in [ ] (DA/T 22 §5.5)
  std::string doc_number;      ///< 文件编号/发文字号 (M31), may be empty
  std::string author;          ///< 责任者 (M32): the issuing organ(s), joint issuers joined by "、"
  core::Date date;             ///< 日期 (M33): 成文日期
  std::string secrecy;         ///< 密级 (M38): empty (非密), "内部" …
  std::string urgency;         ///< 紧急程度 (M35): empty, 特急, 加急 …
  std::string main_recipients; ///< 主送 (M36) without the trailing colon
  std::string cc;              ///< 抄送 (M37) without the trailing 。
  std::string note;            ///< 附注 (M75) / 备注 column of the 目录, may be empty

  std::vector<FiledComponent> components;  ///< [0] is the 主文档 (正本); at least one
  std::vector<std::string> source_records; ///< ids of the records the document was made from

  /// Sum of the components' page counts (页数 of the 件, DA/T 22 §5.5).
  int page_count() const {
    int n = 0;
    for (const auto& c : components)
      if (!c.rendition) n += c.page_count;
    return n;
  }
};

/// What is known of one component file's bytes, measured once: where the file was made (the
/// PDF writer knows its digests and pages, and embeds every font) or where it was read from
/// disk (the sidecar adapter hashes it and inspects it with pdf::inspect).
struct FileFacts {
  std::uint64_t size = 0;
  std::string sha256;                ///< lowercase hex
  std::string sm3;                   ///< lowercase hex (GB/T 32905-2016)
  bool readable = true;              ///< parsed as a PDF and its page tree walked
  int pages = 0;                     ///< pages found in the file (when readable)
  bool encrypted = false;
  std::vector<std::string> actions;  ///< scripts and actions found (JavaScript, Launch, OpenAction …); empty: none
  bool fonts_embedded = true;        ///< every font embedded, each with a ToUnicode map
  /// For a file that is not a PDF (an OFD rendition): why it is unfit, in words, when
  /// `readable` is false (the OFD reader's finding); empty for PDFs.
  std::string unfit_why;
};

/// The bytes of one component on their way into a dossier, and their facts.
struct FiledBytes {
  std::filesystem::path file;  ///< the bytes on disk (streamed into the ZIP); empty: `bytes` holds them
  std::string bytes;           ///< the bytes in memory, when there is no file
  FileFacts facts;
};

/// One 件 as render hands it to pack: its metadata and, for each of doc.components, its bytes
/// and their facts (files[i] belongs to doc.components[i]).
struct Filing {
  FiledDocument doc;
  std::vector<FiledBytes> files;
  /// Named in the archive's diagnostics about this 件, and the last tie-breaker of its order
  /// (DA/T 22 §5.3 leaves equal date, number and title unordered): the sidecar's path.
  std::filesystem::path origin;
};

}  // namespace wenshu::model

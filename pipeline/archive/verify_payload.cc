// Pass 3 of verify (verify_passes.h): every usable entry is read once, in container order, and
// never past its declared size (EntrySource::read): SHA-256 and SM3 of its bytes, payload XML
// kept (within a total limit) for the item and catalogue passes, PDFs handed to one isolated
// inspector worker that parses file n while this process reads and hashes the entries after it.
#include <fmt/format.h>

#include "archive/pdf_problems.h"
#include "archive/verify_passes.h"

#include "archive/eep.h"
#include "archive/ofd_facts.h"
#include "pdf/inspect.h"

namespace wenshu::archive {

namespace {

bool ends_with(const std::string& s, const char* tail) {
  const std::size_t n = std::char_traits<char>::length(tail);
  return s.size() > n && s.compare(s.size() - n, n, tail) == 0;
}

/// The PDF in flight, collected before the next is submitted (results in entry order).
struct PdfPipe {
  pdf::PdfInspector inspector;
  std::string rel, entry;
  void collect(Observed& obs, VerifyStats& stats) {
    if (!inspector.pending()) return;
    core::DiagnosticSink details;  // verify words its own findings from the facts
    const pdf::PdfInfo info = inspector.collect(details);
    ++stats.pdfs;
    obs.pdfs[rel] = {entry, pdf_facts(info)};
  }
};

/// An entry that could not be read: one ZIP-CRC finding; later passes count it as present
/// with its declared size, so that one damaged entry does not also read as missing.
void unreadable(Observed& obs, std::size_t i, const std::string& rel, const std::string& err, Findings& f) {
  f.error("ZIP-CRC", obs.entries[i].name, item_of(rel), "读取失败（数据损坏、被截断或与声明不符）：" + err);
  obs.unreadable.insert(rel);
  obs.unreadable_size[rel] = obs.entries[i].size;
  if (rel.rfind("data/", 0) == 0) ++obs.payload_files, obs.payload_bytes += obs.entries[i].size;
}

/// A DA/T 48 package against its 件's metadata (<key>.xml beside it, read ahead: it comes after
/// the .eep in the entry order): "" when sound, else its one problem.
std::string eep_problem(EntrySource& src, const VerifyLimits& limits, const Observed& obs, const std::string& rel,
                        const std::string& eep) {
  std::string item;
  const auto it = obs.index_of.find(rel.substr(0, rel.size() - 4) + ".xml");
  if (it == obs.index_of.end() || !obs.usable[it->second] ||
      !src.read(it->second, limits.max_xml_bytes, [&](std::string_view b) { item.append(b); }).empty())
    return "没有可读的件元数据可供核对 / no readable item metadata to check the EEP against";
  return check_eep(eep, item, obs.root + rel);
}

}  // namespace

void read_payload(EntrySource& src, const VerifyLimits& limits, Observed& obs, Findings& f, VerifyStats& stats) {
  if (obs.refused) return;
  PdfPipe pipe;
  for (std::size_t i = 0; i < obs.entries.size(); ++i) {
    if (!obs.usable[i]) continue;
    const std::string rel = obs.entries[i].name.substr(obs.root.size());
    const bool payload = rel.rfind("data/", 0) == 0;
    const bool is_xml = payload && ends_with(rel, ".xml"), is_pdf = payload && ends_with(rel, ".pdf");
    const bool is_eep = payload && ends_with(rel, ".eep"), is_ofd = payload && is_ofd_name(rel);
    if (is_xml && obs.xml_bytes + obs.entries[i].size > limits.max_xml_total_bytes) {
      f.error("ZIP-BOMB", obs.entries[i].name, "",
              fmt::format("XML 元数据总量超过上限 {} 字节，停止读取", limits.max_xml_total_bytes));
      obs.refused = true;
      return;
    }
    DualHasher h;
    std::string keep;
    const std::string err = src.read(i, is_xml ? limits.max_xml_bytes : limits.max_entry_bytes, [&](std::string_view b) {
      h.update(b);
      if (is_xml || is_pdf || is_eep || is_ofd) keep.append(b);
    });
    if (!err.empty()) {
      unreadable(obs, i, rel, err, f);
      continue;
    }
    Digests d = h.finish();
    if (payload) ++obs.payload_files, obs.payload_bytes += d.size;
    if (is_pdf) {
      pipe.collect(obs, stats);
      pipe.rel = rel, pipe.entry = obs.entries[i].name;
      pipe.inspector.submit(std::move(keep), obs.entries[i].name);
    } else if (is_xml) {
      obs.xml_bytes += keep.size();
      obs.xml[rel] = std::move(keep);
    } else if (is_eep) {
      obs.eeps[rel] = eep_problem(src, limits, obs, rel, keep);  // checked now, then dropped
    } else if (is_ofd) {
      obs.ofds[rel] = ofd_facts(keep, obs.entries[i].name);       // an OFD-A rendition (docs/ofd.md §6)
    }
    obs.actual[rel] = std::move(d);
  }
  pipe.collect(obs, stats);
}

}  // namespace wenshu::archive

// Shared by the OFD tests: sample documents laid out, both renditions of a page model compared
// glyph by glyph, and hand-made packages for the reader's bad-input tests.
#pragma once
#include <filesystem>
#include <string>
#include <vector>

#include "model/page.h"
#include "ofd/package.h"

namespace wenshu::test {

/// Reads samples/documents/<name> (a 公文 document file) and lays it out with the default
/// profile (as a draft, with its 草稿 watermark, when `draft`). Fails the test on reading or
/// layout errors.
model::PagedDocument layout_sample(const std::string& name, bool draft = false);

/// Writes `doc` as PDF and as OFD and compares them: "" when the text is identical character
/// for character and every glyph is within 0.01 mm, else the first difference. `chars` gets the
/// number of characters compared.
std::string compare_renditions(const model::PagedDocument& doc, std::size_t* chars = nullptr);
/// The same comparison for renditions already written.
std::string compare_rendition_bytes(const std::string& pdf, const std::string& ofd, std::size_t* chars = nullptr);

/// The parts of a small valid OFD written by hand (OFD.xml, Document.xml, PublicRes.xml, one
/// page with one text object), for the reader tests to damage one at a time.
std::vector<ofd::PackageEntry> minimal_package_parts();
/// write_package(parts) with the date 2009-09-02.
std::string package_of(const std::vector<ofd::PackageEntry>& parts);

}  // namespace wenshu::test

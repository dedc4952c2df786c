// PDF/A-2 pieces (ISO 19005-2 §6.2.3, §6.6): the XMP metadata packet that mirrors the Info
// dictionary, and a small sRGB ICC profile for the output intent. No PoDoFo here.
#pragma once
#include <string>

namespace wenshu::pdf {

/// Values shared by the Info dictionary and the XMP packet (they must agree, ISO 19005-2 6.6.3).
struct MetadataFields {
  std::string title, author, subject, keywords, creator_tool, producer;
  std::string xmp_date;  ///< "2009-09-02T00:00:00+08:00", or empty for no dates
};

/// The XMP packet (UTF-8) with dc/xmp/pdf properties and pdfaid part 2, conformance U.
std::string build_xmp(const MetadataFields& f);

/// An ICC v2 display profile for sRGB IEC 61966-2.1 (D50 PCS, Bradford-adapted primaries,
/// the sRGB tone curve as a 1024-entry table). Built in code: same bytes every run.
const std::string& srgb_icc_profile();

}  // namespace wenshu::pdf

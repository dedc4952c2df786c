#include "layout/kinsoku.h"

#include <unicode/uchar.h>

namespace wenshu::layout {

CharClass classify(char32_t cp) {
  switch (cp) {
    // gbt9704.md §C1 / clreq: opening brackets and quotes.
    case 0xFF08: case 0x201C: case 0x2018: case 0x300A: case 0x3008: case 0x3010: case 0x3014:
    case 0x300C: case 0x300E: case 0x3016: case 0x3018: case 0x301A: case 0xFF3B: case 0xFF5B:
    case 0x301D: case 0xFF5F:
      return CharClass::kOpen;
    case 0xFF09: case 0x201D: case 0x2019: case 0x300B: case 0x3009: case 0x3011: case 0x3015:
    case 0x300D: case 0x300F: case 0x3017: case 0x3019: case 0x301B: case 0xFF3D: case 0xFF5D:
    case 0x301E: case 0x301F: case 0xFF60:
      return CharClass::kClose;
    case 0x3001: case 0xFF0C: case 0xFF1B: case 0xFF1A:
      return CharClass::kPause;
    case 0x3002: case 0xFF1F: case 0xFF01: case 0xFF0E:
      return CharClass::kStop;
    case 0x00B7: case 0x30FB: case 0x2027: case 0xFF65:
      return CharClass::kMiddleDot;
    case 0x2014: case 0x2015: case 0x2E3A: case 0x2E3B:
      return CharClass::kDash;
    case 0x2026: case 0x22EF:
      return CharClass::kEllipsis;
    case 0xFF5E: case 0x301C: case 0x2053:
      return CharClass::kConnector;
    case 0x002F: case 0xFF0F:
      return CharClass::kSolidus;
    case 0x0020: case 0x0009: case 0x1680: case 0x2000: case 0x2001: case 0x2002: case 0x2003:
    case 0x2004: case 0x2005: case 0x2006: case 0x2008: case 0x2009: case 0x200A: case 0x205F:
      return CharClass::kSpace;
    case 0x00A0: case 0x2007: case 0x202F:
      return CharClass::kNbsp;
    case 0x3000:
      return CharClass::kIdeoSpace;
    case 0x000A: case 0x000B: case 0x000C: case 0x0085: case 0x2028: case 0x2029:
      return CharClass::kNewline;
    case 0x200B: case 0x200C: case 0x200D: case 0x2060: case 0xFEFF: case 0x00AD: case 0x000D:
      return CharClass::kInvisible;
    default:
      break;
  }
  if ((cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF)) return CharClass::kInvisible;
  if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0)) return CharClass::kControl;
  if ((cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
    return CharClass::kControl;
  const int eaw = u_getIntPropertyValue(static_cast<UChar32>(cp), UCHAR_EAST_ASIAN_WIDTH);
  if (eaw == U_EA_WIDE || eaw == U_EA_FULLWIDTH) return CharClass::kHan;
  // Ambiguous-width symbols (①, ※, ℃, ×, §…) are decided by the glyph's advance when shaped;
  // here they count as proportional.
  return CharClass::kLatin;
}

bool is_ambiguous_mark(char32_t cp) {
  switch (cp) {
    case 0x201C: case 0x201D: case 0x2018: case 0x2019: case 0x2014: case 0x2026: case 0x00B7:
      return true;
    default:
      return false;
  }
}

bool is_western_alnum(char32_t cp) {
  if (cp < 0x80) return (cp >= '0' && cp <= '9') || ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z');
  if (cp >= 0x2E80) return false;  // CJK and full-width forms are not Western
  return u_isalnum(static_cast<UChar32>(cp));
}

bool forbidden_at_line_start(char32_t cp, bool strict) {
  switch (cp) {
    // clreq basic: 点号.
    case 0x3001: case 0xFF0C: case 0x3002: case 0xFF1A: case 0xFF1B: case 0xFF01: case 0xFF1F: case 0xFF0E:
    // closing quotes, brackets, book-title marks.
    case 0x201D: case 0x2019: case 0xFF09: case 0x300B: case 0x3009: case 0x300D: case 0x300F: case 0x3011:
    case 0x3015: case 0x3017: case 0x3019: case 0x301B: case 0xFF3D: case 0xFF5D: case 0x301E: case 0x301F:
    case 0xFF60:
    // connector marks, 间隔号, solidus.
    case 0xFF5E: case 0x301C: case 0x00B7: case 0x30FB: case 0x2027: case 0xFF65: case 0x002F: case 0xFF0F:
    // ellipsis (ICU: "……" cannot start a line) and the Word zh-CN superset that matters here.
    case 0x2026: case 0x22EF: case 0x0025: case 0xFF05: case 0x2030: case 0x2103: case 0x00B0: case 0x2032:
    case 0x2033: case 0x0021: case 0x0029: case 0x002C: case 0x002E: case 0x003A: case 0x003B: case 0x003F:
    case 0x005D: case 0x007D:
      return true;
    case 0x2014: case 0x2015:
      return strict;
    default:
      return false;
  }
}

bool forbidden_at_line_end(char32_t cp) {
  switch (cp) {
    case 0x201C: case 0x2018: case 0xFF08: case 0x300A: case 0x3008: case 0x300C: case 0x300E: case 0x3010:
    case 0x3014: case 0x3016: case 0x3018: case 0x301A: case 0xFF3B: case 0xFF5B: case 0x301D: case 0xFF5F:
    case 0x0028: case 0x005B: case 0x007B:
    // GB level: solidus not at line end.
    case 0x002F: case 0xFF0F:
      return true;
    default:
      return false;
  }
}

}  // namespace wenshu::layout

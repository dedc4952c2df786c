// The name key of docs/archive.md §12.6 ("names unique after NFC and case folding") and the NFC
// check of §12.2, as the archive stage's verify uses them (text/unicode_names.h).
#include <catch2/catch.hpp>

#include <string>

#include "text/unicode_names.h"

using namespace wenshu;

TEST_CASE("is_nfc: precomposed names are NFC, decomposed ones are not", "[text]") {
  CHECK(text::is_nfc("data/Caf\u00e9.txt"));         // é as one code point
  CHECK_FALSE(text::is_nfc("data/Cafe\u0301.txt"));  // e + combining acute (NFD, as macOS writes)
  CHECK(text::is_nfc("Z109-WS-2024/data/归档文件目录.xml"));
  CHECK(text::is_nfc("data/a.txt"));
  CHECK(text::is_nfc(""));
  CHECK_FALSE(text::is_nfc("data/\xff.txt"));  // invalid UTF-8 is not NFC
}

TEST_CASE("fold_name: one key for a precomposed and a decomposed name", "[text]") {
  const std::string composed = "data/Caf\u00e9.txt";
  const std::string decomposed = "data/Cafe\u0301.txt";
  CHECK(text::fold_name(composed) == text::fold_name(decomposed));
  CHECK(text::fold_name(composed) == "data/caf\u00e9.txt");  // the key is NFC
}

TEST_CASE("fold_name: one key for the two cases of a letter", "[text]") {
  CHECK(text::fold_name("A/B.PDF") == text::fold_name("a/b.pdf"));
  CHECK(text::fold_name("A/B.PDF") == "a/b.pdf");                                   // ASCII fast path
  CHECK(text::fold_name("data/Caf\u00e9.txt") == text::fold_name("DATA/CAF\u00c9.TXT"));  // é É
  CHECK(text::fold_name("data/\u03a3.txt") == text::fold_name("data/\u03c3.txt"));        // Σ σ
  CHECK(text::fold_name("data/STRASSE.txt") == text::fold_name("data/stra\u00dfe.txt"));  // full folding: ß → ss
}

TEST_CASE("fold_name: different names keep different keys; CJK is unchanged", "[text]") {
  CHECK(text::fold_name("data/a.txt") != text::fold_name("data/b.txt"));
  CHECK(text::fold_name("data/归档文件目录.xml") == "data/归档文件目录.xml");
  // Folding can leave a string that is not NFC (U+0345 folds to U+03B9): the key is NFC again.
  CHECK(text::is_nfc(text::fold_name("data/\u1f80.txt")));
  CHECK(text::fold_name("data/\u1f88.txt") == text::fold_name("data/\u1f80.txt"));  // ᾈ ᾀ
}

TEST_CASE("fold_name: invalid UTF-8 falls back to ASCII folding, never throws", "[text]") {
  CHECK(text::fold_name("DATA/\xff.TXT") == "data/\xff.txt");
  CHECK(text::fold_name("\xe5\xbd") == "\xe5\xbd");  // a truncated sequence
}

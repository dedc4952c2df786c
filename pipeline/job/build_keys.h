// Keys and identities of a build: what an output depends on, reduced to one SHA-256, so that a
// rebuild reuses an output exactly when a fresh build would make the same bytes.
//
// - The program's identity is the executable's GNU build id (a hash the linker takes of the
//   whole program); a build record made by another program is never reused from.
// - A document's key covers its composed 公文 model (the template's output and what compose set
//   afterwards: id, kind, draft, 发文字号), its archive metadata, its output names, the render
//   options, the layout profile, the fonts manifest (which carries each face's digest) and the
//   bytes of any seal image it shows.
// - A dossier's key covers every filing in it (metadata with the PDFs' digests and pages), the
//   全宗号, 年度, filing date and 备考表 names, and the archive profile and schemas it copies.
#pragma once
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "job/build_record.h"
#include "model/document.h"
#include "model/filed_document.h"

namespace wenshu::job {

/// Collects labelled fields and gives their SHA-256; fields are length-prefixed, so no two
/// different field lists hash alike.
class KeyHasher {
 public:
  explicit KeyHasher(std::string_view kind);
  KeyHasher& add(std::string_view label, std::string_view value);
  KeyHasher& add(std::string_view label, long long value);
  /// The key, lowercase hex.
  std::string finish() const;

 private:
  std::string text_;
};

/// The running executable's identity: its GNU build id (hex), else the SHA-256 of the file.
const std::string& program_identity();

/// Digests of files as listed (path kept as given).
std::vector<RecordedFile> digest_inputs(const std::vector<std::filesystem::path>& files);

/// The program's data a build depends on, with digests: every file of the template folder,
/// fonts/manifest.tsv, profiles/ and schemas/ of the data folder (paths relative to it, except
/// the template folder when it is given elsewhere).
std::vector<RecordedFile> digest_data(const std::filesystem::path& template_dir);

/// The build id: digest of the program, the options, the inputs' contents and the data. An
/// input's name counts relative to the argument it was found under, so spelling the same folder
/// differently gives the same id; --shard, -j and the output folder do not count.
std::string build_id(const BuildRecord& record, const std::vector<std::filesystem::path>& arguments);

/// Digests of the seal images a document shows (its seals' image files), for its key.
std::vector<std::string> seal_image_digests(const model::Document& doc);

}  // namespace wenshu::job

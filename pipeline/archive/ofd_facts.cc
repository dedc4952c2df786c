// OFD facts for pack and verify (see ofd_facts.h).
#include "archive/ofd_facts.h"

#include "ofd/reader.h"

namespace wenshu::archive {

bool is_ofd_name(std::string_view name) {
  if (name.size() < 4) return false;
  std::string ext(name.substr(name.size() - 4));
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext == ".ofd";
}

model::FileFacts ofd_facts(std::string_view bytes, const std::string& name) {
  core::DiagnosticSink sink;
  ofd::ReadOptions options;
  options.require_archive_profile = true;
  const ofd::OfdInfo info = ofd::read_ofd(bytes, name, sink, options);
  model::FileFacts f;
  f.readable = info.readable && info.profile_problems.empty();
  f.pages = info.readable ? static_cast<int>(info.pages.size()) : 0;
  for (const auto& font : info.fonts) f.fonts_embedded = f.fonts_embedded && !font.file.empty();
  if (!f.readable) {
    f.unfit_why = "不是合格的 OFD-A 文件 / not a sound OFD-A file";
    if (!sink.items().empty()) f.unfit_why += "：" + sink.items().front().message;
  }
  return f;
}

}  // namespace wenshu::archive

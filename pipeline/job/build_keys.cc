// Keys and identities of a build (see build_keys.h).
#include "job/build_keys.h"

#include <algorithm>
#include <cstring>
#include <elf.h>
#include <link.h>

#include "archive/digest.h"
#include "core/data_dir.h"
#include "core/file_io.h"
#include "ingest/xml_loader.h"

namespace wenshu::job {
namespace fs = std::filesystem;

KeyHasher::KeyHasher(std::string_view kind) { add("kind", kind); }

KeyHasher& KeyHasher::add(std::string_view label, std::string_view value) {
  text_ += std::to_string(label.size()) + ":" + std::string(label) + "=" + std::to_string(value.size()) + ":";
  text_ += value;
  text_ += '\n';
  return *this;
}

KeyHasher& KeyHasher::add(std::string_view label, long long value) { return add(label, std::to_string(value)); }

std::string KeyHasher::finish() const { return archive::sha256_hex(text_); }

namespace {

/// The NT_GNU_BUILD_ID note of the main program (the first object dl_iterate_phdr reports).
int find_build_id(dl_phdr_info* info, std::size_t, void* data) {
  auto* out = static_cast<std::string*>(data);
  for (int i = 0; i < info->dlpi_phnum; ++i) {
    const auto& ph = info->dlpi_phdr[i];
    if (ph.p_type != PT_NOTE) continue;
    const char* p = reinterpret_cast<const char*>(info->dlpi_addr + ph.p_vaddr);
    const char* end = p + ph.p_memsz;
    while (p + sizeof(ElfW(Nhdr)) <= end) {
      const auto* n = reinterpret_cast<const ElfW(Nhdr)*>(p);
      const char* name = p + sizeof(ElfW(Nhdr));
      const char* desc = name + ((n->n_namesz + 3) & ~3u);
      if (n->n_type == NT_GNU_BUILD_ID && n->n_namesz == 4 && std::memcmp(name, "GNU", 4) == 0) {
        static const char* kHex = "0123456789abcdef";
        for (unsigned k = 0; k < n->n_descsz; ++k) {
          const auto b = static_cast<unsigned char>(desc[k]);
          *out += kHex[b >> 4];
          *out += kHex[b & 15];
        }
        return 1;
      }
      p = desc + ((n->n_descsz + 3) & ~3u);
    }
  }
  return 1;  // only the main program
}

std::string generic_name(const fs::path& p) { return p.generic_string(); }

void add_tree(const fs::path& root, const fs::path& base, const std::string& prefix, std::vector<RecordedFile>& out) {
  std::error_code ec;
  if (!fs::is_directory(root, ec)) return;
  std::vector<fs::path> files;
  for (fs::recursive_directory_iterator it(root, ec), end; !ec && it != end; it.increment(ec))
    if (it->is_regular_file(ec)) files.push_back(it->path());
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    const auto d = archive::digest_file(f);
    out.push_back({prefix + generic_name(f.lexically_relative(base)), d.sha256, {}, d.size});
  }
}

}  // namespace

const std::string& program_identity() {
  static const std::string id = [] {
    std::string s;
    dl_iterate_phdr(find_build_id, &s);
    if (!s.empty()) return "gnu-build-id:" + s;
    try {
      return "sha256:" + archive::digest_file("/proc/self/exe").sha256;
    } catch (const std::exception&) {
      return std::string("unknown");
    }
  }();
  return id;
}

std::vector<RecordedFile> digest_inputs(const std::vector<fs::path>& files) {
  std::vector<RecordedFile> out;
  for (const auto& f : files) {
    try {
      // No input larger than any reader accepts is read for its digest (a 1 GB file would
      // take half a minute to hash, only to be refused by its size).
      const auto d = archive::digest_file(f, ingest::XmlLimits{}.max_file_bytes);
      out.push_back({f.string(), d.sha256, {}, d.size});
    } catch (const std::exception&) {
      out.push_back({f.string(), {}, {}, 0});  // unreadable or too large: the reader says why
    }
  }
  return out;
}

std::vector<RecordedFile> digest_data(const fs::path& template_dir) {
  std::vector<RecordedFile> out;
  const fs::path data = core::data_dir();
  const fs::path templates = template_dir.empty() ? core::data_path("templates") : template_dir;
  add_tree(templates, templates, "templates/", out);
  if (const fs::path m = core::data_path("fonts/manifest.tsv"); fs::exists(m)) {
    const auto d = archive::digest_file(m);
    out.push_back({"fonts/manifest.tsv", d.sha256, {}, d.size});
  }
  add_tree(data / "profiles", data, "", out);
  add_tree(data / "schemas", data, "", out);
  return out;
}

std::string build_id(const BuildRecord& r, const std::vector<fs::path>& arguments) {
  KeyHasher h("wenshu-build");
  h.add("program", r.program_version).add("identity", r.program_identity);
  for (const auto& [k, v] : r.options) h.add("option:" + k, v);
  // An input's name relative to the argument that led to it (the argument's own name kept).
  for (const auto& in : r.inputs) {
    std::string name = in.path;
    for (const auto& a : arguments) {
      const fs::path base = a.has_filename() ? a : a.parent_path();
      const fs::path rel = fs::path(in.path).lexically_relative(base.parent_path());
      if (!rel.empty() && *rel.begin() != "..") {
        name = rel.generic_string();
        break;
      }
    }
    h.add("input", name).add("sha256", in.sha256);
  }
  for (const auto& d : r.data) h.add("data", d.path).add("sha256", d.sha256);
  return h.finish();
}

std::vector<std::string> seal_image_digests(const model::Document& doc) {
  std::vector<std::string> out;
  auto add = [&](const model::Seal& s) {
    if (s.kind != model::Seal::Kind::kImage || s.image_path.empty()) return;
    try {
      out.push_back(archive::digest_file(s.image_path).sha256);
    } catch (const std::exception&) {
      out.push_back("missing:" + s.image_path);  // layout reports it; the key still differs
    }
  };
  add(doc.seal);
  for (const auto& s : doc.seals) add(s);
  return out;
}

}  // namespace wenshu::job

// Pass 4 of verify (verify_passes.h): the manifests against the bytes read (DA-5), missing and
// extra files, Payload-Oxum (RFC 8493 §2.2.2), and the digest published when the dossier was
// packed (--expect): one finding per file, naming every manifest concerned.
#include <algorithm>

#include <fmt/format.h>

#include "archive/pdf_problems.h"
#include "archive/verify_passes.h"

namespace wenshu::archive {

namespace {

using PathLists = std::map<std::string, std::vector<std::string>>;  // path → manifests or algorithms

std::string join(const std::vector<std::string>& parts, const char* sep = "；") {
  std::string s;
  for (const auto& p : parts) s += (s.empty() ? "" : sep) + p;
  return s;
}

/// One manifest against the bytes: missing files, altered digests, payload files it omits.
void compare(const Observed& obs, const ManifestSeen& m, bool sm3, const std::string& name, bool payload,
             PathLists& missing, PathLists& altered, PathLists& extra) {
  if (!m.present) return;
  for (const auto& [p, hex] : m.lines) {
    if (obs.unreadable.count(p)) continue;  // already reported as ZIP-CRC
    const auto it = obs.actual.find(p);
    if (it == obs.actual.end()) missing[p].push_back(name);
    else if ((sm3 ? it->second.sm3 : it->second.sha256) != hex) altered[p].push_back(sm3 ? "SM3" : "SHA-256");
  }
  if (!payload) return;
  for (const auto& [p, d] : obs.actual)
    if (p.rfind("data/", 0) == 0 && !m.lines.count(p)) extra[p].push_back(name);
}

/// A payload file that disagrees with one manifest only, when that manifest itself was changed
/// (its tag-manifest digest fails), is the manifest's fault: named in the manifest's finding.
PathLists blame_manifests(PathLists& altered) {
  PathLists blamed;  // manifest → payload paths
  for (auto it = altered.begin(); it != altered.end();) {
    auto& algs = it->second;
    std::sort(algs.begin(), algs.end());
    algs.erase(std::unique(algs.begin(), algs.end()), algs.end());
    const std::string manifest = algs.size() == 1 ? (algs[0] == "SM3" ? "manifest-sm3.txt" : "manifest-sha256.txt") : "";
    if (it->first.rfind("data/", 0) == 0 && !manifest.empty() && altered.count(manifest)) {
      blamed[manifest].push_back(it->first);
      it = altered.erase(it);
    } else {
      ++it;
    }
  }
  return blamed;
}

void check_oxum(const Observed& obs, Findings& f) {
  const auto it = obs.bag_info_fields.find("Payload-Oxum");
  if (obs.bag_info.empty()) return;  // missing bag-info.txt: reported in pass 2
  if (it == obs.bag_info_fields.end()) {
    f.error("BAG-OXUM", obs.root + "bag-info.txt", "", "bag-info.txt 缺少 Payload-Oxum");
    return;
  }
  const std::string want = fmt::format("{}.{}", obs.payload_bytes, obs.payload_files);
  if (it->second != want)
    f.error("BAG-OXUM", obs.root + "bag-info.txt", "", "Payload-Oxum " + it->second + " 与实际 " + want + " 不符");
}

/// --expect: the digest published by pack (SHA-256 of the ZIP, or SM3 or SHA-256 of
/// tagmanifest-sm3.txt) anchors the dossier to the moment it was packed; a dossier rewritten
/// consistently (data and every manifest) is caught only this way.
void check_anchor(const Observed& obs, Findings& f) {
  if (obs.expect.empty()) return;
  std::string want = obs.expect;
  std::transform(want.begin(), want.end(), want.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  for (const char* prefix : {"sha256:", "sm3:"})
    if (want.rfind(prefix, 0) == 0) want.erase(0, std::char_traits<char>::length(prefix));
  const auto tag = obs.actual.find("tagmanifest-sm3.txt");
  const bool match = want == obs.container_sha256 ||
                     (tag != obs.actual.end() && (want == tag->second.sm3 || want == tag->second.sha256));
  if (!match)
    f.error("BAG-ANCHOR", obs.shown, "",
            "与打包时公布的摘要 " + want + " 不符：归档包（或其 tagmanifest-sm3.txt）在打包后被替换或改写");
}

}  // namespace

void check_manifests(Observed& obs, Findings& f) {
  if (obs.refused) return;
  PathLists missing, altered, extra;
  compare(obs, obs.manifest_sha256, false, "manifest-sha256.txt", true, missing, altered, extra);
  compare(obs, obs.manifest_sm3, true, "manifest-sm3.txt", true, missing, altered, extra);
  compare(obs, obs.tagmanifest_sha256, false, "tagmanifest-sha256.txt", false, missing, altered, extra);
  compare(obs, obs.tagmanifest_sm3, true, "tagmanifest-sm3.txt", false, missing, altered, extra);
  for (const auto& [p, lists] : missing) f.error("BAG-MISSING", obs.root + p, "", "清单 " + join(lists, "、") + " 列出的文件不存在");
  const PathLists blamed = blame_manifests(altered);
  for (const auto& [p, algs] : altered) {
    std::string msg = join(algs, "、") + " 摘要与清单不符：文件在打包后被改动";
    if (const auto b = blamed.find(p); b != blamed.end())
      msg += fmt::format("（其中 {} 行与文件不符，文件本身与另一清单一致：{}{}）", b->second.size(), b->second.front(),
                         b->second.size() > 1 ? " 等" : "");
    // The knock-on effects of the change on a PDF belong to this one finding.
    if (const auto pf = obs.pdfs.find(p); pf != obs.pdfs.end()) {
      std::vector<std::string> problems;
      for (const auto& pr : pdf_problems(pf->second.facts)) problems.push_back(pr.message);
      if (!problems.empty()) msg += "（改动后：" + join(problems) + "）";
    }
    if (const auto e = obs.eeps.find(p); e != obs.eeps.end() && !e->second.empty()) msg += "（改动后：" + e->second + "）";
    if (const auto o = obs.ofds.find(p); o != obs.ofds.end() && !o->second.readable) msg += "（改动后：" + o->second.unfit_why + "）";
    f.error("DA-5", obs.root + p, item_of(p), msg);
    obs.altered.insert(p);
  }
  for (const auto& [p, lists] : extra)
    f.error("BAG-EXTRA", obs.root + p, "", "多余文件：未列入 " + join(lists, "、") + "（DA/T 70 GD-4-3）");
  check_oxum(obs, f);
  check_anchor(obs, f);
}

}  // namespace wenshu::archive

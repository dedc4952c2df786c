// The dossier's SM2 signature in verify (see verify_signature.h).
#include "archive/verify_signature.h"

#include <algorithm>

namespace wenshu::archive {

std::optional<SignatureCheck> check_dossier_signature(EntrySource& src, const std::string& root,
                                                      const std::vector<std::string>& trusted) {
  const auto& entries = src.entries();
  auto read = [&](const std::string& rel) -> std::optional<std::string> {
    for (std::size_t i = 0; i < entries.size(); ++i) {
      if (entries[i].name != root + rel || entries[i].is_dir || entries[i].is_symlink) continue;
      std::string out;
      if (!src.read(i, std::uint64_t(64) << 20, [&](std::string_view b) { out.append(b); }).empty()) return std::nullopt;
      return out;
    }
    return std::nullopt;
  };
  const auto file = read(kSignatureFile);
  if (!file) {
    const bool present = std::any_of(entries.begin(), entries.end(), [&](const EntryInfo& e) { return e.name == root + kSignatureFile; });
    if (!present) return std::nullopt;
    SignatureCheck broken;
    broken.problem = "签名文件无法读取（损坏或过大）/ the signature file cannot be read";
    return broken;
  }
  return check_signature(*file, read, trusted);
}

void report_signature(const std::optional<SignatureCheck>& check, const std::string& root, core::DiagnosticSink&& findings,
                      core::DiagnosticSink& sink) {
  if (!check) {
    sink.merge(std::move(findings));
    return;
  }
  if (check->valid) {
    sink.merge(std::move(findings));
    core::Diagnostic d;
    d.severity = core::Severity::kNote;
    d.rule = "BAG-SIGNATURE";
    d.location.file = root + kSignatureFile;
    d.message = "SM2 签名有效：签名者 " + check->signer + "，签名日期 " + check->date + " / valid SM2 signature by " +
                check->signer + " on " + check->date + " (certificate SHA-256 " + check->cert_sha256 + ")";
    sink.push(std::move(d));
    return;
  }
  // The signed tag file the signature says was changed, if it says so.
  std::string changed;
  for (const char* name : kSignedTagFiles)
    if (check->problem.rfind(name, 0) == 0) changed = name;
  std::size_t folded = 0;
  for (const auto& d : findings.items()) {
    // A finding about a tag file names it as "<root><file>" or "<root><file>:<line>".
    auto names = [&](const char* tag) {
      const std::string f = root + tag;
      return d.location.file == f || d.location.file.rfind(f + ":", 0) == 0;
    };
    const bool about_tags = names("bag-info.txt") || names("manifest-sm3.txt") || names("tagmanifest-sm3.txt") ||
                            names("bagit.txt") || names("manifest-sha256.txt");
    // A payload file "missing from" or "not listed in" the changed SM3 manifest alone is the
    // changed manifest's doing too (a file missing from both manifests is not).
    const bool per_changed_manifest = changed == "manifest-sm3.txt" && d.message.find(changed) != std::string::npos &&
                                      d.message.find("manifest-sha256.txt") == std::string::npos;
    if (!changed.empty() && d.severity == core::Severity::kError && (about_tags || per_changed_manifest)) {
      ++folded;
      continue;
    }
    sink.push(d);
  }
  core::Diagnostic d;
  d.rule = "BAG-SIGNATURE";
  d.location.file = root + kSignatureFile;
  d.message = "SM2 签名验证失败 / the SM2 signature fails: " + check->problem;
  if (!check->signer.empty()) d.message += "（签名者 / signer " + check->signer + "）";
  if (folded) d.message += "（标签文件的 " + std::to_string(folded) + " 项连带问题已并入本条 / knock-on findings folded in）";
  d.hints.push_back("签名后改动过的归档包不可信；从构建重新打包并签名 / rebuild and re-sign the dossier");
  sink.push(std::move(d));
}

}  // namespace wenshu::archive

// SM2-signed dossiers (docs/archive-signature.md): the dossier's tag manifests are signed with
// SM2 over SM3 (GB/T 32918.2-2016, GB/T 32905-2016) by OpenSSL 3, and the signature goes into
// the bag as the tag file signature/signature-sm2.txt together with the signer's certificate.
// The signed statement names every covered tag file with its SM3 digest and the signing date
// (the filing date of the build, never the clock). The signature is deterministic
// (sm2_deterministic.h): same key and statement, same bytes. OpenSSL types stay in the .cc files.
#pragma once
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace wenshu::archive {

/// The tag file's name inside the bag (not listed in the tag manifests, which it signs).
inline constexpr const char* kSignatureFile = "signature/signature-sm2.txt";
/// The signer distinguishing ID used in the SM2 signature (Z value, GB/T 32918.2-2016 §5.5): the
/// default ID of GM/T 0009-2012, "1234567812345678".
inline constexpr const char* kSm2DistinguishingId = "1234567812345678";
/// The tag files a signature covers, in this order.
inline constexpr const char* kSignedTagFiles[] = {"tagmanifest-sm3.txt", "manifest-sm3.txt", "bag-info.txt"};

/// An SM2 private key with its certificate, checked to belong together.
class Signer {
 public:
  ~Signer();
  Signer(const Signer&) = delete;
  Signer& operator=(const Signer&) = delete;
  /// Loads KEY.pem and CERT.pem. Null with `error` set (a usage error: exit 2) when either cannot
  /// be read, the key is not an SM2 key, or the certificate's public key is not the key's.
  static std::unique_ptr<Signer> load(const std::filesystem::path& key, const std::filesystem::path& cert,
                                      std::string& error);
  /// The certificate's subject, one line ("CN=…, O=…").
  const std::string& subject() const { return subject_; }
  /// The certificate, PEM.
  const std::string& certificate() const { return cert_pem_; }
  /// The signature tag file for the tag files `covered` (name, bytes; kSignedTagFiles) signed
  /// on `date` (YYYY-MM-DD). Throws std::runtime_error if OpenSSL fails.
  std::string sign(const std::vector<std::pair<std::string, std::string>>& covered, const std::string& date) const;

 private:
  Signer() = default;
  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::string subject_;
  std::string cert_pem_;
};

/// What checking a signature tag file found.
struct SignatureCheck {
  bool valid = false;
  std::string problem;          ///< one sentence when not valid
  std::string signer;           ///< the certificate's subject
  std::string date;             ///< the signing date of the statement
  std::string cert_sha256;      ///< fingerprint of the signer's certificate (DER), lowercase hex
};

/// Checks `signature_file`: its statement is well-formed, every covered tag file (read through
/// `read_tag`, nullopt when absent) has the SM3 digest the statement gives, and the SM2
/// signature verifies with the certificate's key. With `trusted` certificates (PEM), the
/// signer's certificate must be one of them. Never throws for bad input.
SignatureCheck check_signature(std::string_view signature_file,
                               const std::function<std::optional<std::string>(const std::string&)>& read_tag,
                               const std::vector<std::string>& trusted = {});

}  // namespace wenshu::archive

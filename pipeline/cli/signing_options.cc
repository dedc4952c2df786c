// --eep, --sign, --cert for pack and build (see signing_options.h).
#include "cli/signing_options.h"

#include <cstdio>

namespace wenshu::cli {

void add_signing_options(CLI::App* cmd, SigningArgs& args) {
  cmd->add_flag("--eep", args.eep,
                "Also write per 件 a DA/T 48-2009 encapsulation package <档号>.eep (metadata and files as Base64)");
  cmd->add_option("--sign", args.key,
                  "SM2 private key (PEM): sign the tag manifests with SM2/SM3 (signature/signature-sm2.txt)");
  cmd->add_option("--cert", args.cert, "The signer's X.509 certificate (PEM) for --sign");
}

std::unique_ptr<archive::Signer> load_signer(const SigningArgs& args, const char* command, bool& usage_error) {
  usage_error = false;
  if (args.key.empty() && args.cert.empty()) return nullptr;
  if (args.key.empty() || args.cert.empty()) {
    std::fprintf(stderr, "wenshu %s: --sign and --cert go together (the SM2 key and its certificate)\n", command);
    usage_error = true;
    return nullptr;
  }
  std::string error;
  auto signer = archive::Signer::load(args.key, args.cert, error);
  if (!signer) {
    std::fprintf(stderr, "wenshu %s: %s\n", command, error.c_str());
    usage_error = true;
  }
  return signer;
}

}  // namespace wenshu::cli

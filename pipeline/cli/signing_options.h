// The options `pack` and `build` share for archive encapsulation and signing: --eep, and
// --sign KEY.pem --cert CERT.pem (docs/archive-signature.md).
#pragma once
#include <memory>
#include <string>

#include <CLI/CLI.hpp>

#include "archive/sign.h"

namespace wenshu::cli {

struct SigningArgs {
  bool eep = false;
  std::string key, cert;
};

/// Adds --eep, --sign and --cert to `cmd`.
void add_signing_options(CLI::App* cmd, SigningArgs& args);

/// Loads the signer the options name (null when there is none). A key without a certificate,
/// a certificate without a key, an unreadable or non-SM2 key, or a certificate that is not the
/// key's is a usage error: printed on stderr, `usage_error` set (exit 2).
std::unique_ptr<archive::Signer> load_signer(const SigningArgs& args, const char* command, bool& usage_error);

}  // namespace wenshu::cli

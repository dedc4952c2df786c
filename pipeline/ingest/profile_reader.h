// Reads rule profiles (schemas/profile.xsd, namespace urn:wenshu:profile:1): the shipped
// profile declares every parameter; a user profile overrides any subset of the values.
#pragma once
#include <filesystem>
#include <optional>

#include "core/diagnostic.h"
#include "model/profile.h"

namespace wenshu::ingest {

/// The shipped profile: data_path("profiles/zhangye-2009.xml").
std::filesystem::path default_profile_path();

/// Reads a complete profile (every parameter with its type). Problems are pushed as
/// diagnostics (XML-…, PROFILE-VALUE, PROFILE-TYPE) naming file:line; nullopt on any error.
std::optional<model::Profile> read_profile(const std::filesystem::path& path, core::DiagnosticSink& sink);

/// Overrides values of `profile` with those of the user profile at `path`. A parameter the
/// profile does not declare is a PROFILE-PARAM error at its file:line. Returns false on any
/// error (then `profile` is unchanged).
bool apply_profile(model::Profile& profile, const std::filesystem::path& path, core::DiagnosticSink& sink);

/// The shipped profile, overridden by `user` when given. nullopt on any error.
std::optional<model::Profile> load_profile(const std::optional<std::filesystem::path>& user,
                                           core::DiagnosticSink& sink);

/// Parses `text` as a value of `type` into `param` (int_value / month_day). False if malformed.
bool parse_param_value(model::ParamType type, const std::string& text, model::ProfileParam& param);

}  // namespace wenshu::ingest

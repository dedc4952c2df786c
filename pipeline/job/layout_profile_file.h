// Layout profiles as data files (gbt9704.md §F: "every value here lives in the layout
// profile (a data file), so a user can match a local house style"): schemas/layout-profile.xsd,
// namespace urn:wenshu:layout-profile:1. The shipped profiles/layout-default.xml reproduces
// layout::default_profile() exactly; a user file lists any subset of the values and overrides
// the built-in defaults.
//
// Why here: reading XML belongs to ingest (libxml2) and the profile type to layout; neither
// stage depends on the other, and job links both. The file is read by ingest's one profile
// reader (ingest/profile_file.h) through this file's table of values, so libxml2 stays in ingest.
#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "layout/layout_profile.h"

namespace wenshu::job {

/// The shipped default layout profile: data_path("profiles/layout-default.xml").
std::filesystem::path default_layout_profile_path();

/// Reads the layout profile at `path` over the built-in defaults. Problems are pushed as
/// XML-… (unreadable, not schema-valid) or LAYOUT-PROFILE (unknown name, bad value) errors
/// naming file:line:col; nullopt on any error.
std::optional<layout::LayoutProfile> read_layout_profile(const std::filesystem::path& path,
                                                         core::DiagnosticSink& sink);

/// The names of every value a layout profile can set, in file order (for checks and docs).
std::vector<std::string> layout_profile_names();

/// The value of `name` in `p` as a profile file writes it ("37mm", "16pt", "22", "true",
/// "rgb(1000,0,0)", "fang"); empty for an unknown name. Lengths are written in the unit of
/// the shipped file, so default_profile() round-trips.
std::string layout_profile_value(const layout::LayoutProfile& p, const std::string& name);

}  // namespace wenshu::job

// Where wenshu finds its own data (fonts/, templates/, schemas/, profiles/): the --data option,
// else $WENSHU_DATA, else the folder the build was configured from. Never the system font dirs.
#pragma once
#include <filesystem>
#include <string>

namespace wenshu::core {

/// Sets the data root for this process (from the --data option).
void set_data_dir(const std::filesystem::path& dir);
/// The data root in force.
std::filesystem::path data_dir();
/// data_dir() / relative.
std::filesystem::path data_path(const std::string& relative);
/// The program version string.
const char* version();

}  // namespace wenshu::core

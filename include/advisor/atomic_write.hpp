#pragma once
#include <string>
#include <string_view>

#include "advisor/text.hpp"

namespace advisor {

/// What became of a write.
struct WriteResult {
  bool ok = false;
  Text error;  ///< why not, when !ok
};

/// Writes a file atomically: a temporary file beside it, fsync, then rename, so a
/// failed write (full disk, read-only folder) leaves any old file intact. Refuses
/// to replace an existing file unless `force`.
WriteResult write_file_atomically(const std::string& path, std::string_view content, bool force);

} // namespace advisor

#pragma once
#include <functional>
#include <map>
#include <string>
#include <string_view>

#include "advisor/text.hpp"

namespace advisor {

/// What became of a write.
struct WriteResult {
  bool ok = false;
  Text error;           ///< why not, when !ok
  bool exists = false;  ///< refused because the file exists (without force): a usage error
};

/// Writes a file atomically: a temporary file beside it, fsync, then rename, so a
/// failed write (full disk, read-only folder) leaves any old file intact. Refuses
/// to replace an existing file unless `force`.
WriteResult write_file_atomically(const std::string& path, std::string_view content, bool force);

/// Replaces a directory's files as one change (a whole catalogue import): every new
/// file is written into a staging directory beside `dir` (".NAME.advisor-staging-PID"),
/// the files of `dir` that `superseded` does not claim are linked in too, and the
/// staging directory then takes the place of `dir` in one renameat2(RENAME_EXCHANGE)
/// (a plain rename when `dir` does not exist yet). Killed at any point, `dir` holds
/// the old files or the new, never a mix; staging directories left by a dead run are
/// removed the next time. `step` (for tests) is called with 1 once the staging
/// directory holds the carried-over files, 2 … N+1 after each of the N new files, N+2
/// after the flush of the directory and N+3 after the swap.
WriteResult write_directory_staged(const std::string& dir, const std::map<std::string, std::string>& files,
                                   const std::function<bool(const std::string&)>& superseded,
                                   const std::function<void(int)>& step = {});

/// Removes the staging directories beside `dir` whose writer is no longer running.
void remove_stale_staging(const std::string& dir);

}  // namespace advisor

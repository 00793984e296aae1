#include "cached_catalog.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>
#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "advisor/atomic_write.hpp"
#include "advisor/catalog_cache.hpp"
#include "advisor/embedded.hpp"
#include "advisor/util/hash.hpp"
#include "common.hpp"

namespace advisor::cli {

namespace fs = std::filesystem;

namespace {

// Snapshots kept at most; older ones (by modification time) are removed.
constexpr size_t k_cache_keep = 8;

size_t total_bytes(const std::vector<InputFile>& files) {
  size_t n = 0;
  for (const auto& f : files) n += f.text.size();
  return n;
}

// The snapshot folder: under HOME only when HOME exists, under XDG_CACHE_HOME only
// when it or its parent exists, so HOME=/nonexistent/x never creates
// /nonexistent/x; else no cache.
std::optional<fs::path> cache_dir() {
  std::error_code ec;
  const char* xdg = std::getenv("XDG_CACHE_HOME");
  if (xdg && *xdg) {
    // XDG_CACHE_HOME itself may be made (the XDG rule), but only in a folder that exists.
    auto parent = fs::path(xdg).lexically_normal().parent_path();
    if (fs::is_directory(xdg, ec) || (!parent.empty() && fs::is_directory(parent, ec)))
      return fs::path(xdg) / "advisor";
    return std::nullopt;
  }
  const char* home = std::getenv("HOME");
  if (home && *home && fs::is_directory(home, ec)) return fs::path(home) / ".cache" / "advisor";
  return std::nullopt;
}

// The cache folder is private (issue 32): made 0700, and used only when it is a real
// directory (not a link) owned by this user that no one else may write to. A folder
// of ours that others may write to is closed to them first; one of someone else's is
// never used. Another user who could plant a snapshot there could change every answer.
bool private_dir(const fs::path& dir, bool create) {
  struct stat st {};
  if (::lstat(dir.c_str(), &st) != 0) {
    if (!create || errno != ENOENT) return false;
    std::error_code ec;
    fs::create_directories(dir.parent_path(), ec);
    if (::mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST) return false;
    if (::lstat(dir.c_str(), &st) != 0) return false;
  }
  if (!S_ISDIR(st.st_mode) || st.st_uid != ::geteuid()) return false;
  if ((st.st_mode & 077) != 0 && ::chmod(dir.c_str(), 0700) != 0) return false;
  return true;
}

// A snapshot is never bigger than this many times the YAML it was made from (with
// room to spare): a bigger file, sparse or not, is not one advisor wrote.
constexpr uint64_t k_snapshot_bytes_per_yaml_byte = 16;

// Says why the file at `path` is not read as a snapshot, and removes it so the next
// store can write a good one.
void discard_snapshot(const fs::path& path, const char* en, const char* zh) {
  std::cerr << terminal_safe(fmt::format("advisor: {}: {}\n", tr("warning", "警告"),
                                         trf("ignoring the cache snapshot '{}': {}; it is rebuilt",
                                             "忽略缓存快照“{}”：{}；将重新生成", path.string(), tr(en, zh))));
  std::error_code ec;
  fs::remove_all(path, ec);
}

// The snapshot's bytes, or nothing when it is missing or not a plausible snapshot:
// a directory, a FIFO or device (never waited on), a file of implausible size.
std::optional<std::string> read_snapshot(const fs::path& path, size_t yaml_bytes) {
  int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) return std::nullopt;
  struct stat st {};
  std::optional<std::string> data;
  if (::fstat(fd, &st) != 0) {
  } else if (S_ISDIR(st.st_mode)) {
    discard_snapshot(path, "it is a directory", "它是目录");
  } else if (!S_ISREG(st.st_mode)) {
    discard_snapshot(path, "it is not a regular file", "它不是普通文件");
  } else if (st.st_uid != ::geteuid() || (st.st_mode & 022) != 0) {
    discard_snapshot(path, "another user owns it or may write to it", "它属于其他用户或其他用户可写");
  } else if (st.st_size <= 0 ||
             static_cast<uint64_t>(st.st_size) > k_snapshot_bytes_per_yaml_byte * yaml_bytes + (1u << 20)) {
    discard_snapshot(path, "its size is implausible", "其大小不合常理");
  } else {
    data.emplace(static_cast<size_t>(st.st_size), '\0');
    size_t done = 0;
    while (done < data->size()) {
      ssize_t n = ::read(fd, data->data() + done, data->size() - done);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) break;
      done += static_cast<size_t>(n);
    }
    if (done != data->size()) data.reset();
  }
  ::close(fd);
  return data;
}

// The catalogue files' key, bound to this very executable (size and modification
// time): a rebuilt advisor, whose loader may read the same files differently, never
// trusts a snapshot an older build wrote, even at the same version number. (The
// built-in catalogue alone never comes here: its snapshot is in the executable.)
uint64_t snapshot_key(const std::vector<InputFile>& files) {
  uint64_t key = catalog_cache_key(files);
  struct stat st {};
  if (::stat("/proc/self/exe", &st) == 0)
    key = util::fnv1a64(fmt::format("{}:{}.{}", st.st_size, st.st_mtim.tv_sec, st.st_mtim.tv_nsec), key);
  return key;
}

fs::path snapshot_path(const fs::path& dir, uint64_t key) { return dir / fmt::format("catalog-{:016x}.bin", key); }

}  // namespace

std::optional<Catalog> load_builtin_snapshot() {
  const auto& files = embedded_snapshot();
  if (files.empty()) return std::nullopt;
  return deserialize_embedded_catalog(files.front().text);
}

std::optional<Catalog> load_cached_catalog(const std::vector<InputFile>& files) {
  if (total_bytes(files) < k_cache_min_bytes) return std::nullopt;
  auto dir = cache_dir();
  if (!dir || !private_dir(*dir, false)) return std::nullopt;
  uint64_t key = snapshot_key(files);
  // One read of the known size (the snapshot is read on every run).
  auto data = read_snapshot(snapshot_path(*dir, key), total_bytes(files));
  if (!data) return std::nullopt;
  return deserialize_catalog(*data, key);
}

void store_cached_catalog(const std::vector<InputFile>& files, const Catalog& catalog) {
  if (total_bytes(files) < k_cache_min_bytes) return;
  auto dir = cache_dir();
  if (!dir || !private_dir(*dir, true)) return;
  std::error_code ec;
  uint64_t key = snapshot_key(files);
  write_file_atomically(snapshot_path(*dir, key).string(), serialize_catalog(catalog, key), true);
  std::vector<std::pair<fs::file_time_type, fs::path>> snapshots;
  for (const auto& e : fs::directory_iterator(*dir, ec)) {
    auto name = e.path().filename().string();
    if (name.rfind("catalog-", 0) == 0 && e.path().extension() == ".bin")
      snapshots.emplace_back(e.last_write_time(ec), e.path());
  }
  if (snapshots.size() <= k_cache_keep) return;
  std::sort(snapshots.begin(), snapshots.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  for (size_t i = k_cache_keep; i < snapshots.size(); ++i) fs::remove(snapshots[i].second, ec);
}

void prepare_cached_catalog(const std::string& dir, const Limits& limits) {
  auto files = read_catalog_dir(dir, limits);
  if (total_bytes(files) < k_cache_min_bytes || load_cached_catalog(files)) return;  // a re-import of the same data
  Diagnostics diags;
  auto loaded = load_catalog(files, diags, limits);
  if (diags.items.empty()) store_cached_catalog(files, loaded);
}

}  // namespace advisor::cli

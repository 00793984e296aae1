#include "cached_catalog.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <sys/stat.h>

#include "advisor/atomic_write.hpp"
#include "advisor/catalog_cache.hpp"
#include "advisor/embedded.hpp"
#include "advisor/importer.hpp"

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

std::optional<fs::path> cache_dir() {
  const char* xdg = std::getenv("XDG_CACHE_HOME");
  if (xdg && *xdg) return fs::path(xdg) / "advisor";
  const char* home = std::getenv("HOME");
  if (home && *home) return fs::path(home) / ".cache" / "advisor";
  return std::nullopt;
}

// The catalogue files' key, bound to this very executable (size and modification
// time): a rebuilt advisor, whose loader may read the same files differently, never
// trusts a snapshot an older build wrote, even at the same version number. (The
// built-in catalogue alone never comes here: its snapshot is in the executable.)
uint64_t snapshot_key(const std::vector<InputFile>& files) {
  uint64_t key = catalog_cache_key(files);
  struct stat st {};
  if (::stat("/proc/self/exe", &st) == 0)
    key = fnv1a64(fmt::format("{}:{}.{}", st.st_size, st.st_mtim.tv_sec, st.st_mtim.tv_nsec), key);
  return key;
}

fs::path snapshot_path(const fs::path& dir, uint64_t key) { return dir / fmt::format("catalog-{:016x}.bin", key); }

} // namespace

std::optional<Catalog> load_builtin_snapshot() {
  const auto& files = embedded_snapshot();
  if (files.empty()) return std::nullopt;
  return deserialize_embedded_catalog(files.front().text);
}

std::optional<Catalog> load_cached_catalog(const std::vector<InputFile>& files) {
  if (total_bytes(files) < k_cache_min_bytes) return std::nullopt;
  auto dir = cache_dir();
  if (!dir) return std::nullopt;
  uint64_t key = snapshot_key(files);
  std::ifstream in(snapshot_path(*dir, key), std::ios::binary | std::ios::ate);
  if (!in) return std::nullopt;
  // One read of the known size (the snapshot is read on every run).
  auto size = in.tellg();
  if (size <= 0) return std::nullopt;
  std::string data(static_cast<size_t>(size), '\0');
  in.seekg(0);
  if (!in.read(data.data(), size)) return std::nullopt;
  return deserialize_catalog(data, key);
}

void store_cached_catalog(const std::vector<InputFile>& files, const Catalog& catalog) {
  if (total_bytes(files) < k_cache_min_bytes) return;
  auto dir = cache_dir();
  if (!dir) return;
  std::error_code ec;
  fs::create_directories(*dir, ec);
  if (ec) return;
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

} // namespace advisor::cli

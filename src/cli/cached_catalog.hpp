#pragma once
// The CLI side of the catalogue snapshot (advisor/catalog_cache.hpp): where the
// snapshot files live and when they are used.
#include <optional>
#include <vector>

#include "advisor/loader.hpp"
#include "advisor/model.hpp"

namespace advisor::cli {

/// Catalogues smaller than this load from YAML directly. The built-in one (about
/// 100 KB) is above it: yaml-cpp takes ~20 ms of CPU on it, the snapshot ~2 ms,
/// which is most of a `recommend` process (docs/performance.md).
constexpr size_t k_cache_min_bytes = 32u << 10;

/// The built-in catalogue, from the snapshot compiled into the executable
/// (advisor/embedded.hpp); nullopt only if that could not be read.
std::optional<Catalog> load_builtin_snapshot();

/// The snapshot of these files from $XDG_CACHE_HOME/advisor (or ~/.cache/advisor),
/// when there is a valid one. A stale, truncated or corrupt file is ignored.
std::optional<Catalog> load_cached_catalog(const std::vector<InputFile>& files);

/// Writes the snapshot of a catalogue that loaded cleanly; failures are ignored
/// (the cache is an optimisation, never a reason to fail a command).
void store_cached_catalog(const std::vector<InputFile>& files, const Catalog& catalog);

} // namespace advisor::cli

#pragma once
// The CLI side of the catalogue snapshot (advisor/catalog_cache.hpp): where the
// snapshot files live and when they are used.
#include <optional>
#include <vector>

#include "advisor/catalog_loader.hpp"
#include "advisor/model.hpp"

namespace advisor::cli {

/// Catalogue directories smaller than this load from YAML directly (yaml-cpp on a
/// few KB costs less than reading and checking a snapshot file). The built-in
/// catalogue alone does not use this cache: load_builtin_snapshot().
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

/// After `catalog import`: loads the catalogue directory just written, as
/// `--catalog DIR` will, and stores its snapshot, so the first answer on the import
/// does not parse its YAML. Nothing is stored for a catalogue too small to cache, one
/// whose snapshot is there already (the same data imported again), or one that does
/// not load cleanly (`catalog validate` would then report it).
void prepare_cached_catalog(const std::string& dir, const Limits& limits);

}  // namespace advisor::cli

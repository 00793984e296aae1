// The catalogue as a FlatBuffer (catalog.fbs): measurement only, against the
// home-made snapshot (src/catalog/catalog_cache.cpp). See docs/performance.md.
#pragma once
#include <flatbuffers/flatbuffers.h>

#include <cstdint>
#include <optional>
#include <string_view>

#include "advisor/model.hpp"

namespace advisor::fbbench {

/// The catalogue's stored fields and its tables of normalised names, as a FlatBuffer.
/// Empty strings, texts and lists are left out (they read back empty); with
/// `shared_strings` each distinct string is stored once (CreateSharedString).
flatbuffers::DetachedBuffer write_fb(const Catalog& catalog, bool shared_strings = false);

/// The buffer passes flatbuffers::Verifier (every offset and length inside it).
bool verify_fb(std::string_view data);

/// Copies a FlatBuffer into a Catalog and indexes it as the home-made snapshot's reader
/// does (index(true), the same checks on kinds, key tables and references): equal to
/// deserialize_embedded_catalog's result. `verify` runs the Verifier first (a cache
/// file needs it; the executable's own data would not). nullopt when anything fails.
std::optional<Catalog> read_fb(std::string_view data, bool verify);

/// Zero copy: reads in place what a `recommend` reads of the catalogue, without a
/// Catalog: every tree item's id, names and aliases, every role with its skill slots,
/// every certificate with its levels and their rule trees, and the key tables' keys
/// (each string's length and first and last byte). Returns a sum of what it read.
uint64_t touch_fb(std::string_view data);

}  // namespace advisor::fbbench

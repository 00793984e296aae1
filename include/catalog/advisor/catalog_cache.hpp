#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "advisor/catalog_loader.hpp"
#include "advisor/model.hpp"

namespace advisor {

/// A compiled snapshot of a parsed, validated catalogue, so a large imported
/// catalogue (ESCO: 13 MB of YAML, seconds in yaml-cpp) loads in milliseconds.
/// The snapshot is plain length-prefixed binary of the model structs, keyed by a
/// hash of the catalogue's files; see docs/performance.md.

/// FNV-1a 64 over the advisor version, the snapshot format and every file's name
/// and contents: any edit, rename or upgrade gives another key.
uint64_t catalog_cache_key(const std::vector<InputFile>& files);

/// The snapshot of a catalogue (which must have loaded without diagnostics).
std::string serialize_catalog(const Catalog& catalog, uint64_t key);

/// Reads a snapshot back, indexed and ready. nullopt when the data is truncated,
/// corrupt (checksum), of another format version or for another key: the caller
/// then loads the YAML and writes a fresh snapshot. Never throws on bad data.
std::optional<Catalog> deserialize_catalog(std::string_view data, uint64_t key);

/// Reads the snapshot compiled into the executable (the built-in catalogue's, written
/// at build time by advisor_builtin_snapshot): its key is not compared and its
/// checksum not recomputed, since it is the binary's own data. nullopt if unreadable.
std::optional<Catalog> deserialize_embedded_catalog(std::string_view data);

/// Whether a catalogue read back from stored tables (a snapshot, or any other reader
/// of one) can be used: the references index() and the matcher rely on resolve as
/// validation left them, and the stored id order is a permutation of the items.
bool stored_tables_sound(const Catalog& c);

/// The tables of normalised names a snapshot stores, in the order it stores them, each
/// with the number of items its values index (normalising every id, name and alias
/// again is most of what reading a snapshot would otherwise cost).
template <typename C>  // Catalog or const Catalog
auto name_tables(C& c) {
  return std::array<std::pair<decltype(&c.skill_by_key), size_t>, 7>{{{&c.skill_by_key, c.skills.size()},
                                                                      {&c.education_by_key, c.education.size()},
                                                                      {&c.major_by_key, c.majors.size()},
                                                                      {&c.domain_by_key, c.domains.size()},
                                                                      {&c.school_by_key, c.schools.size()},
                                                                      {&c.school_class_by_key, c.school_classes.size()},
                                                                      {&c.title_level_by_key, c.title_levels.size()}}};
}

/// What `advisor --version` prints of a catalogue.
struct CatalogIdentity {
  std::string id, version;
};

/// The id and version of the catalogue in the executable's snapshot, read from the
/// snapshot's first bytes without reading the rest; nullopt if unreadable.
std::optional<CatalogIdentity> embedded_catalog_identity(std::string_view data);

/// The snapshot layout's version (k_format), bumped whenever a field table changes;
/// tests/unit/snapshot_test.cpp pins each version's schema.
uint32_t catalog_snapshot_format();

/// The schema of the snapshot's field tables, one letter per field type with structs
/// in parentheses (catalog_cache.cpp, Schema): what a format number stands for.
std::string catalog_snapshot_schema();

/// The key a whole, intact snapshot was written with; nullopt for anything else.
std::optional<uint64_t> snapshot_key_of(std::string_view data);

}  // namespace advisor

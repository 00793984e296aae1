#pragma once
#include <string_view>
#include <vector>

namespace advisor {

/// One file of the built-in catalogue, compiled into the binary.
struct EmbeddedFile {
  std::string_view name;
  std::string_view text;
};

/// The built-in catalogue's YAML files, in name order.
const std::vector<EmbeddedFile>& embedded_catalog();

/// The built-in catalogue's compiled snapshot (one file, advisor/catalog_cache.hpp),
/// written from those files at build time by advisor_builtin_snapshot. Defined in the
/// advisor_snapshot_data library, which advisor and the tests link (advisor_core
/// cannot: the tool that writes the snapshot is built from it).
const std::vector<EmbeddedFile>& embedded_snapshot();

}  // namespace advisor

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

} // namespace advisor

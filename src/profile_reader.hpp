#pragma once
// Internal: reads a profile from an already-parsed YAML node (catalogue test cases
// embed profiles inline).
#include "yaml_reader.hpp"

namespace advisor {

Profile read_profile_node(YamlContext& ctx, const YAML::Node& root, const Catalog& catalog, Date as_of);

} // namespace advisor

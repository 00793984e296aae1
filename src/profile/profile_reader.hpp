#pragma once
// Internal: reads a profile from an already-parsed YAML node (catalogue test cases
// embed profiles inline) or JSON document tree (load_profile's fast path).
#include "yaml_reader.hpp"

namespace advisor {

Profile read_profile_node(YamlContext& ctx, const YAML::Node& root, const Catalog& catalog, Date as_of);

/// The same, from the one-line JSON reader's tree (parse_json_doc): the same rules,
/// the same messages. load_profile uses it for plain JSON lines.
Profile read_profile_json(YamlContext& ctx, const JsonNode& root, const Catalog& catalog, Date as_of);

}  // namespace advisor

#pragma once
#include <cstdint>
#include <string_view>

namespace advisor::util {

/// FNV-1a 64-bit hash of data, continuing from seed (chain calls to hash several
/// pieces): short, stable across runs and machines, not for security.
uint64_t fnv1a64(std::string_view data, uint64_t seed = 14695981039346656037ull);

}  // namespace advisor::util

#include "advisor/util/hash.hpp"

#include <unistd.h>

#include <chrono>
#include <cstdint>

#include "advisor/id_index.hpp"

namespace advisor::util {

uint64_t fnv1a64(std::string_view data, uint64_t seed) {
  uint64_t h = seed;
  for (unsigned char c : data) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

}  // namespace advisor::util

namespace advisor {

uint64_t process_hash_seed() {
  static const uint64_t seed = [] {
    uint64_t x = static_cast<uint64_t>(reinterpret_cast<uintptr_t>(&process_hash_seed));
    x ^= static_cast<uint64_t>(::getpid()) << 32;
    x ^= static_cast<uint64_t>(std::chrono::steady_clock::now().time_since_epoch().count());
    // splitmix64's finaliser: every input bit reaches every output bit
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
    return x ^ (x >> 31);
  }();
  return seed;
}

}  // namespace advisor

// append_json_number against nlohmann's dump(): the same bytes for every number,
// on its fast path (multiples of 1e-4 below 1000, taken by std::to_chars) and off it.
#include <catch2/catch.hpp>
#include <cmath>
#include <cstring>
#include <nlohmann/json.hpp>
#include <random>

#include "advisor/json_writer.hpp"

using advisor::append_json_number;

namespace {

std::string ours(double d) {
  std::string s;
  append_json_number(s, d);
  return s;
}

std::string theirs(double d) { return nlohmann::json(d).dump(); }

}  // namespace

TEST_CASE("numbers on the fast path are written as nlohmann writes them", "[json]") {
  // Every multiple of 1e-4 from -20 to 20, then a stride through -1000..1000: what
  // rounded scores, credits and weights look like.
  for (long k = -200000; k <= 200000; ++k) {
    double d = std::round(static_cast<double>(k)) / 10000;
    if (ours(d) != theirs(d)) FAIL_CHECK("k = " << k << ": " << ours(d) << " vs " << theirs(d));
  }
  for (long k = -9999999; k <= 9999999; k += 37) {
    double d = static_cast<double>(k) / 10000;
    if (ours(d) != theirs(d)) FAIL_CHECK("k = " << k << ": " << ours(d) << " vs " << theirs(d));
  }
  for (double d : {0.0, -0.0, 1.0, -1.0, 0.5, 0.45, 0.0001, -0.0001, 0.001, 999.9999, 12.0, 100.0})
    CHECK(ours(d) == theirs(d));
}

TEST_CASE("numbers off the fast path are written as nlohmann writes them", "[json]") {
  std::mt19937_64 rng(20261129);
  for (double d : {845.65231, 1e15, 1e16, 123456789012345.0, 1e-5, 2.5e-7, 1e100, 1e-300, 5e-324,
                   1.7976931348623157e308, 1000.0, 0.1 + 0.2})
    for (double x : {d, -d}) CHECK(ours(x) == theirs(x));
  for (int i = 0; i < 20000; ++i) {
    uint64_t bits = rng();
    double d;
    std::memcpy(&d, &bits, sizeof d);
    if (!std::isfinite(d)) continue;
    if (ours(d) != theirs(d)) FAIL_CHECK(ours(d) << " vs " << theirs(d));
  }
}

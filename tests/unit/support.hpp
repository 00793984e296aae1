// Helpers shared by the unit tests: the built-in catalogue, loaded once, the
// evaluation date the tests use, and diagnostics printed as the CLI prints them.
#pragma once

#include <string>

#include "advisor/diagnostics.hpp"
#include "advisor/loader.hpp"

namespace advisor::testing {

/// The built-in catalogue, loaded on first use (its own validity is tested in
/// catalog_test.cpp).
inline const Catalog& builtin() {
  static const Catalog c = [] {
    Diagnostics d;
    return load_catalog(builtin_catalog_files(), d);
  }();
  return c;
}

/// The evaluation date of every test that needs one: the day the suite was written.
inline constexpr Date k_as_of{2026, 11, 23};

/// Every diagnostic, formatted in English as the CLI prints it.
inline std::string printed(const Diagnostics& d) {
  std::string s;
  for (const auto& x : d.items) s += format_diagnostic(x, Lang::en);
  return s;
}

} // namespace advisor::testing

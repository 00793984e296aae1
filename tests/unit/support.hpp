// Helpers shared by the unit tests: the built-in catalogue, loaded once, the
// evaluation date the tests use, and diagnostics printed as the CLI prints them.
#pragma once

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "advisor/catalog_loader.hpp"
#include "advisor/diagnostics.hpp"
#include "advisor/profile_loader.hpp"

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

/// What a lookup found, or a failed test (not a crashed test binary) when it found
/// nothing: `found(c.skill("python")).name`.
template <typename T>
const T& found(const T* p) {
  REQUIRE(p != nullptr);
  return *p;
}

/// The evaluation date of every test that needs one: the day the suite was written.
inline constexpr Date k_as_of{2026, 11, 23};

/// Every diagnostic, formatted in English as the CLI prints it.
inline std::string printed(const Diagnostics& d) {
  std::string s;
  for (const auto& x : d.items) s += format_diagnostic(x, Lang::en);
  return s;
}

/// A profile read in a test, with its diagnostics.
struct Loaded {
  Profile profile;
  Diagnostics diags;
  /// The first diagnostic's first line, as the CLI prints it.
  std::string first() const {
    if (diags.items.empty()) return {};
    auto s = format_diagnostic(diags.items.front(), Lang::en);
    return s.substr(0, s.find('\n'));
  }
};

/// A fresh empty folder, removed at the end of the test.
struct ScratchDir {
  std::filesystem::path path;
  ScratchDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "advisor-test-XXXXXX").string();
    REQUIRE(::mkdtemp(tmpl.data()) != nullptr);
    path = tmpl;
  }
  ~ScratchDir() {
    std::error_code ec;
    std::filesystem::remove_all(path, ec);
  }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  std::string file(const std::string& name) const { return (path / name).string(); }
  size_t entries() const {
    size_t n = 0;
    for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(path)) ++n;
    return n;
  }
};

}  // namespace advisor::testing

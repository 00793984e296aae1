// Helpers shared by the unit tests: the built-in catalogue, loaded once, the
// evaluation date the tests use, diagnostics printed as the CLI prints them, a
// profile read from text, scratch folders and files, and the characters the
// escaping tests use.
#pragma once

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <utility>

#include "advisor/catalog_loader.hpp"
#include "advisor/diagnostics.hpp"
#include "advisor/limits.hpp"
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

/// The file a profile's text stands for in load(): a name, read as JSON when it ends
/// in .json, or a flag saying whether it is JSON (p.json) or YAML (p.yaml). A string
/// literal is a name, `true` and `false` the flag.
struct ProfileName {
  std::string name;
  ProfileName(const char* n) : name(n) {}
  ProfileName(std::string n) : name(std::move(n)) {}
  ProfileName(bool json) : name(json ? "p.json" : "p.yaml") {}
};

/// `text` read as a profile against the built-in catalogue on k_as_of, under `limits`.
inline Loaded load(const std::string& text, const ProfileName& file = "p.yaml", const Limits& limits = Limits{}) {
  const std::string& name = file.name;
  Loaded l;
  l.profile = load_profile(InputFile{name, text, name.size() > 5 && name.substr(name.size() - 5) == ".json"}, builtin(),
                           k_as_of, l.diags, limits);
  return l;
}

/// A valid profile read from YAML: a test that gives one with an error fails here,
/// printing it.
inline Profile profile_of(const std::string& yaml) {
  auto l = load(yaml);
  INFO(printed(l.diags));
  REQUIRE_FALSE(l.diags.has_errors());
  return std::move(l.profile);
}

/// `s`, `n` times over.
inline std::string repeat(const std::string& s, size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (size_t i = 0; i < n; ++i) out += s;
  return out;
}

/// Writes `text` to the file `path`, byte for byte.
inline void spit(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
}

/// Characters the escaping tests write, in UTF-8.
inline const std::string k_ls = "\xe2\x80\xa8";   // U+2028 LINE SEPARATOR
inline const std::string k_ps = "\xe2\x80\xa9";   // U+2029 PARAGRAPH SEPARATOR
inline const std::string k_rlo = "\xe2\x80\xae";  // U+202E RIGHT-TO-LEFT OVERRIDE
inline const std::string k_lri = "\xe2\x81\xa6";  // U+2066 LEFT-TO-RIGHT ISOLATE

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

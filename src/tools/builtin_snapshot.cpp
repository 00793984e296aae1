// advisor_builtin_snapshot OUT: writes the compiled snapshot of the built-in
// catalogue (advisor/catalog_cache.hpp), which the build then embeds into advisor
// (src/cli/builtin_snapshot.hpp). A `recommend` on the built-in catalogue reads it
// from the executable's own memory: no YAML, no cache file, the first run as fast as
// the next, also where no cache directory can be written.
//
// The built-in catalogue is product: any diagnostic, even a warning, fails the build.
#include <cstdio>

#include "advisor/atomic_write.hpp"
#include "advisor/catalog_cache.hpp"
#include "advisor/catalog_loader.hpp"
#include "advisor/diagnostics.hpp"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: advisor_builtin_snapshot OUT\n");
    return 2;
  }
  auto files = advisor::builtin_catalog_files();
  advisor::Diagnostics diags;
  auto catalog = advisor::load_catalog(files, diags);
  if (!diags.items.empty()) {
    for (const auto& d : diags.items)
      std::fprintf(stderr, "%s\n", advisor::format_diagnostic(d, advisor::Lang::en).c_str());
    std::fprintf(stderr, "advisor_builtin_snapshot: the built-in catalogue must load without diagnostics\n");
    return 1;
  }
  auto data = advisor::serialize_catalog(catalog, advisor::catalog_cache_key(files));
  // Atomically: an interrupted build never leaves a truncated snapshot to embed.
  auto written = advisor::write_file_atomically(argv[1], data, true);
  if (!written.ok) {
    std::fprintf(stderr, "advisor_builtin_snapshot: cannot write %s: %s\n", argv[1], written.error.en.c_str());
    return 1;
  }
  return 0;
}

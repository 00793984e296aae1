// advisor_snapshot_fb_start MODE: a whole process that reads the built-in catalogue
// one way and exits, to set each way's cost at start-up against a process that
// reads nothing (bench/snapshot_fb/run; docs/performance.md). Like advisor, it links
// the runtime statically, runs on mimalloc and never destroys the catalogue. MODE:
//   none        reads nothing
//   home        the embedded home-made snapshot (deserialize_embedded_catalog)
//   fb          the embedded FlatBuffer: verified, copied into a Catalog, indexed
//   fb-trusted  the same without the Verifier
//   fb-zero     the FlatBuffer verified and walked in place, no Catalog
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <optional>
#include <vector>

#include "advisor/catalog_cache.hpp"
#include "advisor/embedded.hpp"
#include "fb_snapshot.hpp"

namespace advisor::fbbench {
const std::vector<EmbeddedFile>& embedded_fb();
}  // namespace advisor::fbbench

int main(int argc, char** argv) {
  using namespace advisor;
  const char* mode = argc == 2 ? argv[1] : "";
  auto fb = fbbench::embedded_fb().front().text;
  if (reinterpret_cast<std::uintptr_t>(fb.data()) % 8 != 0) {
    std::fprintf(stderr, "advisor_snapshot_fb_start: the embedded FlatBuffer is not 8-byte aligned\n");
    return 1;
  }
  std::optional<Catalog>* kept = nullptr;  // never destroyed, as in advisor
  uint64_t sum = 0;
  if (std::strcmp(mode, "none") == 0) {
    sum = 1;
  } else if (std::strcmp(mode, "home") == 0) {
    kept = new std::optional<Catalog>(deserialize_embedded_catalog(embedded_snapshot().front().text));
  } else if (std::strcmp(mode, "fb") == 0) {
    kept = new std::optional<Catalog>(fbbench::read_fb(fb, true));
  } else if (std::strcmp(mode, "fb-trusted") == 0) {
    kept = new std::optional<Catalog>(fbbench::read_fb(fb, false));
  } else if (std::strcmp(mode, "fb-zero") == 0) {
    sum = fbbench::verify_fb(fb) ? fbbench::touch_fb(fb) : 0;
  } else {
    std::fprintf(stderr, "usage: advisor_snapshot_fb_start none|home|fb|fb-trusted|fb-zero\n");
    return 2;
  }
  if (kept) sum = *kept ? (**kept).skills.size() : 0;
  std::printf("%llu\n", static_cast<unsigned long long>(sum));
  return sum == 0 ? 1 : 0;
}

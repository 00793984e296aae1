// A per-thread cache of freed small blocks in front of malloc, for operator new and
// delete (docs/performance.md, "Allocation").
//
// Why: one brief `recommend` line allocates and frees some hundred and forty blocks
// (strings, the lists of a role match, a certificate's levels, the line's parse). glibc keeps
// only seven freed blocks of a size per thread at hand (its tcache); the rest go
// through its general free lists and are merged and split again for the next line,
// a tenth of the line's instructions. Here each thread keeps up to k_keep freed
// blocks per 16-byte size class up to 4 KB (and 4 MB in all), last in first out, so
// the next line takes them back at once. Blocks still come from malloc and go back to
// free: nothing is shared between threads, a block freed by another thread joins that
// thread's cache, and a thread's cache is freed when the thread ends.
//
// Not built with sanitizers or for fuzzing (CMakeLists.txt): a cached block would
// hide a use after free from AddressSanitizer.
#include <malloc.h>

#include <cstddef>
#include <cstdlib>
#include <new>

namespace {

constexpr std::size_t k_step = 16;                         // size classes: 16, 32, ... bytes
constexpr std::size_t k_largest = 4096;                    // larger blocks go straight to malloc
constexpr std::size_t k_classes = k_largest / k_step + 1;  // [0] unused
constexpr unsigned k_keep = 1024;                          // freed blocks kept per class and thread
constexpr std::size_t k_keep_bytes = 4 << 20;              // and at most this much in all per thread

struct Free {
  Free* next;
};

/// Trivially constructed and destroyed: usable before and after the thread's other
/// objects (a std::string freed by a static destructor at exit included).
struct Cache {
  Free* head[k_classes];
  unsigned count[k_classes];
  std::size_t bytes;  // kept, in all classes
  bool open;          // the Reaper below is registered and the thread is not ending: blocks may be kept
  bool closed;        // the thread is ending: nothing more is kept
};

thread_local Cache t_cache;

void drain(Cache& c) {
  for (std::size_t k = 0; k < k_classes; ++k) {
    while (c.head[k]) {
      Free* f = c.head[k];
      c.head[k] = f->next;
      std::free(f);
    }
    c.count[k] = 0;
  }
  c.bytes = 0;
}

struct Reaper {
  Reaper() = default;
  Reaper(const Reaper&) = delete;
  Reaper& operator=(const Reaper&) = delete;
  ~Reaper() {
    t_cache.open = false;
    t_cache.closed = true;
    drain(t_cache);
  }
};

/// The class of a request of `n` bytes, 1 to k_largest; 0 for any other size.
inline std::size_t class_of(std::size_t n) { return n - 1 < k_largest ? (n + k_step - 1) / k_step : 0; }

// The fast paths below are small enough to need no stack frame: a block taken from or
// put on its class's list. Everything else (malloc, free, the new-handler loop, the
// thread's first block) is out of line.

[[gnu::noinline]] void* allocate_slow(std::size_t n) {
  if (n == 0) n = 1;
  // The whole class: a block serves any request of its class when it comes back.
  if (std::size_t k = class_of(n)) return std::malloc(k * k_step);
  return std::malloc(n);
}

inline void* allocate(std::size_t n) {
  if (std::size_t k = class_of(n)) {
    Cache& c = t_cache;
    if (Free* f = c.head[k]) [[likely]] {
      c.head[k] = f->next;
      --c.count[k];
      c.bytes -= k * k_step;
      return f;
    }
  }
  return allocate_slow(n);
}

[[gnu::noinline]] void* allocate_or_throw_slow(std::size_t n) {
  for (;;) {
    if (void* p = allocate(n)) return p;
    std::new_handler h = std::get_new_handler();
    if (!h) throw std::bad_alloc();
    h();
  }
}

inline void* allocate_or_throw(std::size_t n) {
  if (void* p = allocate(n)) [[likely]]
    return p;
  return allocate_or_throw_slow(n);
}

/// Puts `p` on class `k`'s list if the class and the cache have room.
inline bool keep(Cache& c, void* p, std::size_t k) noexcept {
  if (c.count[k] >= k_keep || c.bytes + k * k_step > k_keep_bytes) return false;
  auto* f = static_cast<Free*>(p);
  f->next = c.head[k];
  c.head[k] = f;
  ++c.count[k];
  c.bytes += k * k_step;
  return true;
}

/// Keeps `p` in class `k` (0: not a cached size) or frees it: the thread's first block
/// registers the Reaper; a full class, a full cache or an ending thread frees.
[[gnu::noinline]] void keep_or_free_slow(void* p, std::size_t k) noexcept {
  Cache& c = t_cache;
  if (!c.closed && !c.open && k > 0) {
    static thread_local Reaper reaper;  // constructed once per thread, here
    (void)reaper;
    c.open = true;
    if (keep(c, p, k)) return;
  }
  std::free(p);
}

inline void keep_or_free(void* p, std::size_t k) noexcept {
  Cache& c = t_cache;
  if (k > 0 && c.open && keep(c, p, k)) [[likely]]
    return;
  keep_or_free_slow(p, k);
}

/// Unsized: the class from the block's usable size, never less than the class it was made for.
void release(void* p) noexcept {
  if (!p) return;
  std::size_t k = malloc_usable_size(p) / k_step;
  keep_or_free(p, k < k_classes ? k : 0);
}

/// Sized: the size asked for when it was made (as the language requires), so its class.
inline void release(void* p, std::size_t n) noexcept {
  if (!p) return;
  keep_or_free(p, class_of(n));
}

}  // namespace

void* operator new(std::size_t n) { return allocate_or_throw(n); }
void* operator new[](std::size_t n) { return allocate_or_throw(n); }
void* operator new(std::size_t n, const std::nothrow_t&) noexcept { return allocate(n); }
void* operator new[](std::size_t n, const std::nothrow_t&) noexcept { return allocate(n); }
void operator delete(void* p) noexcept { release(p); }
void operator delete[](void* p) noexcept { release(p); }
void operator delete(void* p, std::size_t n) noexcept { release(p, n); }
void operator delete[](void* p, std::size_t n) noexcept { release(p, n); }
void operator delete(void* p, const std::nothrow_t&) noexcept { release(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { release(p); }

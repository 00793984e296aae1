// The per-thread block cache (src/alloc/block_cache.cpp) that replaces operator new
// and delete in advisor and in this suite (not in sanitizer builds, where these
// tests run on the plain allocator). A block taken back from the cache must be as
// large as the request, hold what is written into it, and a block freed by another
// thread must serve that thread again.
#include <catch2/catch.hpp>

#include <malloc.h>

#include <cstring>
#include <memory>
#include <random>
#include <string>
#include <thread>
#include <vector>

namespace {

struct Block {
  unsigned char* p;
  size_t n;
  unsigned char fill;
};

Block make(size_t n, unsigned char fill) {
  auto* p = static_cast<unsigned char*>(::operator new(n));
  std::memset(p, fill, n);
  return {p, n, fill};
}

bool intact(const Block& b) {
  for (size_t i = 0; i < b.n; ++i)
    if (b.p[i] != b.fill) return false;
  return true;
}

}  // namespace

TEST_CASE("blocks from the cache are as large as asked and keep what is written", "[alloc]") {
  std::mt19937 rng(5);
  std::vector<Block> live;
  size_t checked = 0;
  for (int round = 0; round < 20000; ++round) {
    if (live.empty() || rng() % 3 != 0) {
      size_t n = 1 + rng() % 5000;  // both sides of the largest cached class (4 KB)
      auto b = make(n, static_cast<unsigned char>(rng()));
      REQUIRE(malloc_usable_size(b.p) >= n);
      live.push_back(b);
    } else {
      size_t i = rng() % live.size();
      REQUIRE(intact(live[i]));
      ++checked;
      ::operator delete(live[i].p);
      live[i] = live.back();
      live.pop_back();
    }
  }
  for (const auto& b : live) {
    REQUIRE(intact(b));
#ifdef __cpp_sized_deallocation
    ::operator delete(b.p, b.n);  // the sized form too (GCC's default; clang 14 needs -fsized-deallocation)
#else
    ::operator delete(b.p);
#endif
  }
  REQUIRE(checked > 3000);
}

TEST_CASE("blocks freed on another thread serve that thread", "[alloc]") {
  // A producer allocates, a consumer checks and frees: the consumer's cache fills,
  // and its own allocations come from it; nothing is corrupted either way.
  constexpr int k_n = 5000;
  std::vector<Block> handed(k_n);
  std::thread producer([&] {
    std::mt19937 rng(9);
    for (auto& b : handed) b = make(1 + rng() % 5000, static_cast<unsigned char>(rng()));
  });
  producer.join();
  bool ok = true;
  std::thread consumer([&] {
    for (const auto& b : handed) {
      ok = ok && intact(b);
      ::operator delete(b.p);
    }
    std::vector<Block> own;
    std::mt19937 rng(10);
    for (int i = 0; i < k_n; ++i) {
      own.push_back(make(1 + rng() % 5000, static_cast<unsigned char>(rng())));
      ok = ok && malloc_usable_size(own.back().p) >= own.back().n;
    }
    for (const auto& b : own) {
      ok = ok && intact(b);
      ::operator delete(b.p);
    }
  });
  consumer.join();
  REQUIRE(ok);
  // Containers, through the same operators, with many threads at once.
  std::vector<std::thread> pool;
  std::vector<int> good(4, 0);
  for (int t = 0; t < 4; ++t)
    pool.emplace_back([t, &good] {
      std::vector<std::string> words;
      for (int i = 0; i < 20000; ++i) words.push_back(std::string(static_cast<size_t>(i % 90), char('a' + t)));
      good[static_cast<size_t>(t)] = 1;
      for (size_t i = 0; i < words.size(); ++i)
        if (words[i] != std::string(i % 90, char('a' + t))) good[static_cast<size_t>(t)] = 0;
    });
  for (auto& th : pool) th.join();
  REQUIRE(good == std::vector<int>(4, 1));
}

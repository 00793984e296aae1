// Phase timings of advisor's core on one catalogue directory: YAML load vs
// snapshot load vs ranking, and ranking cost against the profile's size.
// Usage: advisor_micro_bench CATALOG_DIR [REPEATS]
#include <fmt/format.h>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <string>
#include <vector>

#include "advisor/catalog_cache.hpp"
#include "advisor/catalog_loader.hpp"
#include "advisor/matching.hpp"

using namespace advisor;

namespace {

double median_ms(int repeats, const std::function<void()>& fn) {
  std::vector<double> t;
  for (int i = 0; i < repeats; ++i) {
    auto a = std::chrono::steady_clock::now();
    fn();
    auto b = std::chrono::steady_clock::now();
    t.push_back(std::chrono::duration<double, std::milli>(b - a).count());
  }
  std::sort(t.begin(), t.end());
  return t[t.size() / 2];
}

// A profile holding the n skills that most roles ask for: the worst case for the
// inverted index, since every one of them touches many roles.
Profile profile_with(const Catalog& c, size_t n) {
  std::vector<size_t> order(c.skills.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return c.roles_by_skill[a].size() > c.roles_by_skill[b].size(); });
  Profile p;
  for (size_t i = 0; i < n && i < order.size(); ++i) {
    ProfileSkill s;
    s.text = s.id = c.skills[order[i]].id;
    p.skills.push_back(s);
  }
  return p;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s CATALOG_DIR [REPEATS]\n", argv[0]);
    return 2;
  }
  int repeats = argc > 2 ? std::max(1, std::atoi(argv[2])) : 5;
  std::vector<InputFile> files;
  double t_read = median_ms(repeats, [&] { files = read_catalog_dir(argv[1]); });
  uint64_t key = 0;
  double t_key = median_ms(repeats, [&] { key = catalog_cache_key(files); });
  Catalog c;
  Diagnostics d;
  double t_yaml = median_ms(std::min(repeats, 3), [&] {
    d = Diagnostics{};
    c = load_catalog(files, d);
  });
  if (d.has_errors()) {
    std::fprintf(stderr, "catalogue has errors\n");
    return 65;
  }
  std::string snap;
  double t_ser = median_ms(repeats, [&] { snap = serialize_catalog(c, key); });
  std::optional<Catalog> back;
  double t_de = median_ms(repeats, [&] { back = deserialize_catalog(snap, key); });
  if (!back) {
    std::fprintf(stderr, "snapshot did not read back\n");
    return 70;
  }
  Date as_of{2026, 11, 23};
  fmt::print("catalogue: {} ({} roles, {} skills, {} role-skill links)\n", argv[1], c.roles.size(), c.skills.size(),
             [&] {
               size_t n = 0;
               for (const auto& r : c.roles) n += r.skills.size();
               return n;
             }());
  fmt::print("{:<44} {:>10}\n", "phase (median of runs)", "ms");
  fmt::print("{:<44} {:>10.2f}\n", "read the YAML files", t_read);
  fmt::print("{:<44} {:>10.2f}\n", "hash them (snapshot key, FNV-1a 64)", t_key);
  fmt::print("{:<44} {:>10.2f}\n", "parse + validate YAML (yaml-cpp)", t_yaml);
  fmt::print("{:<44} {:>10.2f}\n", fmt::format("write snapshot ({:.1f} MB)", snap.size() / 1e6), t_ser);
  fmt::print("{:<44} {:>10.2f}\n", "read snapshot back (+ index)", t_de);
  for (size_t n : {5, 50, 500}) {
    auto p = profile_with(c, n);
    double t_all = median_ms(repeats, [&] { (void)rank_roles(*back, p, as_of); });
    double t_rank = median_ms(repeats, [&] { (void)rank_roles(*back, p, as_of, "", 10); });
    double t_rec = median_ms(repeats, [&] { (void)recommend(*back, p, as_of, "", 10); });
    fmt::print("{:<44} {:>10.3f}\n", fmt::format("rank_roles, all built in full, {} skills", n), t_all);
    fmt::print("{:<44} {:>10.3f}\n", fmt::format("rank_roles, top 10, {} skills", n), t_rank);
    fmt::print("{:<44} {:>10.3f}\n", fmt::format("recommend --top 10, {} skills", n), t_rec);
  }
  return 0;
}

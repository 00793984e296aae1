// advisor_snapshot_fb_bench: the home-made catalogue snapshot against FlatBuffers, in
// one process (docs/performance.md, "Snapshots instead of YAML"; bench/snapshot_fb/run
// runs it all).
//   advisor_snapshot_fb_bench [--rounds N] [CATALOG]
//       checks that every reader gives the same Catalog, prints the sizes and each
//       operation's median over N interleaved rounds (default 300), on the built-in
//       catalogue (the snapshot embedded in advisor), or CATALOG: a catalogue
//       directory (its YAML) or a snapshot file (a cache file, catalog-KEY.bin)
//   advisor_snapshot_fb_bench --callgrind OP N [CATALOG]
//       runs OP N times, collecting only there: under
//       valgrind --tool=callgrind --collect-atstart=no, Collected / N is OP's cost
//   advisor_snapshot_fb_bench --write OUT
//       writes the built-in catalogue as a FlatBuffer (embedded by advisor_snapshot_fb_start)
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <optional>
#include <string>
#include <vector>

#include "advisor/atomic_write.hpp"
#include "advisor/catalog_cache.hpp"
#include "advisor/catalog_loader.hpp"
#include "advisor/embedded.hpp"
#include "fb_snapshot.hpp"

#if __has_include(<valgrind/callgrind.h>)
#include <valgrind/callgrind.h>
#else
#define CALLGRIND_TOGGLE_COLLECT
#endif

using namespace advisor;
using advisor::fbbench::read_fb;
using advisor::fbbench::touch_fb;
using advisor::fbbench::verify_fb;
using advisor::fbbench::write_fb;

namespace {

std::string as_string(const flatbuffers::DetachedBuffer& b) {
  return {reinterpret_cast<const char*>(b.data()), b.size()};
}

// The catalogue under test, in both forms.
struct Subject {
  std::string name;
  std::string home;  // the home-made snapshot (the embedded one for the built-in catalogue)
  uint64_t key = 0;
  Catalog ref;            // read back from it: what advisor starts with
  std::string fb;         // ref as a FlatBuffer
  std::string fb_shared;  // the same, each distinct string stored once
};

std::optional<Subject> subject(const char* dir) {  // or a snapshot file
  Subject s;
  if (!dir) {
    const auto& files = embedded_snapshot();
    if (files.empty()) return std::nullopt;
    s.name = "built-in catalogue (embedded snapshot)";
    s.home = std::string(files.front().text);
    s.key = snapshot_key_of(s.home).value_or(0);
  } else if (std::filesystem::is_regular_file(dir)) {
    s.name = dir;
    std::ifstream in(dir, std::ios::binary);
    s.home.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    auto key = snapshot_key_of(s.home);
    if (!key) return std::nullopt;
    s.key = *key;
  } else {
    s.name = dir;
    auto files = read_catalog_dir(dir);
    Diagnostics d;
    auto c = load_catalog(files, d);
    if (d.has_errors()) return std::nullopt;
    s.key = catalog_cache_key(files);
    s.home = serialize_catalog(c, s.key);
  }
  auto back = deserialize_embedded_catalog(s.home);
  if (!back) return std::nullopt;
  s.ref = std::move(*back);
  s.fb = as_string(write_fb(s.ref));
  s.fb_shared = as_string(write_fb(s.ref, true));
  return s;
}

// One measured operation: `prepare` (not measured) leaves the state it starts from,
// `run` is measured. Results are kept until the next prepare, so no Catalog is
// destroyed inside a measurement (advisor never destroys its catalogue).
struct Op {
  const char* name;
  const char* what;
  std::function<void()> prepare, run;
};

struct State {
  std::optional<Catalog> out;
  Catalog copy;
  std::string bytes;
  flatbuffers::DetachedBuffer buffer;
  uint64_t sum = 0;
};

std::vector<Op> operations(const Subject& s, State& st) {
  auto reset = [&] {
    st.out.reset();
    st.bytes.clear();
    st.bytes.shrink_to_fit();
    st.buffer = flatbuffers::DetachedBuffer();
  };
  return {
      {"home-write", "(a) home-made: write (serialize_catalog)", reset,
       [&] { st.bytes = serialize_catalog(s.ref, s.key); }},
      {"home-read", "(b) home-made: read + index (deserialize_embedded_catalog)", reset,
       [&] { st.out = deserialize_embedded_catalog(s.home); }},
      {"home-read-checked", "    the same with the checksum (a cache file)", reset,
       [&] { st.out = deserialize_catalog(s.home, s.key); }},
      {"index", "    index(true) alone, names kept (in (b) and (d))", [&] { st.copy = s.ref; },
       [&] { st.copy.index(true); }},
      {"index-all", "    index() normalising every name again", [&] { st.copy = s.ref; },
       [&] { st.copy.index(false); }},
      {"fb-build", "(c) FlatBuffers: build", reset, [&] { st.buffer = write_fb(s.ref); }},
      {"fb-read", "(d) FlatBuffers: verify, copy into Catalog + index", reset, [&] { st.out = read_fb(s.fb, true); }},
      {"fb-read-shared", "    the same, each distinct string stored once", reset,
       [&] { st.out = read_fb(s.fb_shared, true); }},
      {"fb-read-trusted", "    the same without the Verifier (embedded)", reset,
       [&] { st.out = read_fb(s.fb, false); }},
      {"fb-verify", "    Verifier alone", reset, [&] { st.sum += verify_fb(s.fb) ? 1 : 0; }},
      {"fb-touch", "    zero-copy walk alone", reset, [&] { st.sum += touch_fb(s.fb); }},
      {"fb-zero", "(e) FlatBuffers zero copy: verify + walk", reset,
       [&] { st.sum += verify_fb(s.fb) ? touch_fb(s.fb) : 0; }},
  };
}

bool check(const Subject& s) {
  bool ok = true;
  auto expect = [&](bool cond, const char* what) {
    if (!cond) std::fprintf(stderr, "FAILED: %s\n", what);
    ok = ok && cond;
  };
  auto home = deserialize_embedded_catalog(s.home);
  expect(home && *home == s.ref, "home-made read == reference");
  auto fb = read_fb(s.fb, true);
  expect(fb && *fb == s.ref, "FlatBuffers read (verified) == home-made read");
  auto trusted = read_fb(s.fb, false);
  expect(trusted && *trusted == s.ref, "FlatBuffers read (trusted) == home-made read");
  auto from_shared = read_fb(s.fb_shared, true);
  expect(from_shared && *from_shared == s.ref, "FlatBuffers with shared strings == home-made read");
  expect(!read_fb(s.fb.substr(0, s.fb.size() / 2), true), "a truncated FlatBuffer is refused");
  expect(touch_fb(s.fb) != 0, "the zero-copy walk reads something");
  return ok;
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

int bench(const Subject& s, int rounds) {
  if (!check(s)) return 1;
  size_t links = 0;
  for (const auto& r : s.ref.roles) links += r.skills.size();
  fmt::print("{}: {} roles, {} skills, {} role-skill links, {} certificates\n", s.name, s.ref.roles.size(),
             s.ref.skills.size(), links, s.ref.certificates.size());
  fmt::print("checks: every reader gives the same Catalog (==), a truncated FlatBuffer is refused\n");
  fmt::print("size: home-made {} bytes, FlatBuffers {} bytes ({} with shared strings)\n", s.home.size(), s.fb.size(),
             s.fb_shared.size());
  State st;
  auto ops = operations(s, st);
  std::vector<std::vector<double>> times(ops.size());
  for (int r = 0; r < rounds; ++r)
    for (size_t i = 0; i < ops.size(); ++i) {
      ops[i].prepare();
      auto a = std::chrono::steady_clock::now();
      ops[i].run();
      auto b = std::chrono::steady_clock::now();
      times[i].push_back(std::chrono::duration<double, std::micro>(b - a).count());
    }
  fmt::print("{:<60} {:>10}   ({} interleaved rounds)\n", "operation", "median µs", rounds);
  for (size_t i = 0; i < ops.size(); ++i)
    fmt::print("{:<60} {:>10.1f}   {}\n", ops[i].what, median(times[i]), ops[i].name);
  return st.sum == 0 ? 1 : 0;
}

int callgrind(const Subject& s, const std::string& name, int n) {
  State st;
  for (auto& op : operations(s, st)) {
    if (name != op.name) continue;
    for (int i = 0; i < n; ++i) {
      op.prepare();
      CALLGRIND_TOGGLE_COLLECT;
      op.run();
      CALLGRIND_TOGGLE_COLLECT;
    }
    return 0;
  }
  std::fprintf(stderr, "advisor_snapshot_fb_bench: no operation %s\n", name.c_str());
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.size() == 2 && args[0] == "--write") {
    auto s = subject(nullptr);
    if (!s || !check(*s)) return 1;
    auto written = write_file_atomically(args[1], s->fb, true);
    if (!written.ok) std::fprintf(stderr, "advisor_snapshot_fb_bench: %s\n", written.error.en.c_str());
    return written.ok ? 0 : 1;
  }
  if ((args.size() == 3 || args.size() == 4) && args[0] == "--callgrind") {
    auto s = subject(args.size() == 4 ? args[3].c_str() : nullptr);
    if (!s) return 1;
    return callgrind(*s, args[1], std::max(1, std::atoi(args[2].c_str())));
  }
  int rounds = 300;
  if (args.size() >= 2 && args[0] == "--rounds") {
    rounds = std::max(1, std::atoi(args[1].c_str()));
    args.erase(args.begin(), args.begin() + 2);
  }
  if (args.size() > 1 || (!args.empty() && args[0].rfind("--", 0) == 0)) {
    std::fprintf(stderr,
                 "usage: advisor_snapshot_fb_bench [--rounds N] [CATALOG_DIR | SNAPSHOT_FILE]\n"
                 "       advisor_snapshot_fb_bench --callgrind OP N [CATALOG_DIR | SNAPSHOT_FILE]\n"
                 "       advisor_snapshot_fb_bench --write OUT\n");
    return 2;
  }
  auto s = subject(args.empty() ? nullptr : args[0].c_str());
  if (!s) {
    std::fprintf(stderr, "advisor_snapshot_fb_bench: the catalogue did not load\n");
    return 1;
  }
  return bench(*s, rounds);
}

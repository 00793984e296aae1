// The ESCO / O*NET importer, the catalogue snapshot and limited ranking. The import
// tests read slices of the real data in ../shared/data and are skipped (with a
// warning) when it is absent.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <unistd.h>

#include "advisor/catalog_cache.hpp"
#include "advisor/embedded.hpp"
#include "advisor/importer.hpp"
#include "advisor/loader.hpp"
#include "advisor/matching.hpp"

using namespace advisor;
namespace fs = std::filesystem;

namespace {

const fs::path k_data = fs::path(ADVISOR_SOURCE_DIR) / ".." / "shared" / "data";

std::string csv_field(const std::string& s) {
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

// A temporary directory removed at the end of the test.
struct TempDir {
  fs::path path;
  explicit TempDir(const std::string& name) {
    path = fs::temp_directory_path() / (name + "-" + std::to_string(::getpid()));
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
};

// The first `n` ESCO occupations plus the data scientist, and all their links.
void slice_esco(const fs::path& out, size_t n) {
  std::ifstream occ(k_data / "esco-1.2.0" / "occupations_en.csv", std::ios::binary);
  std::ofstream oo(out / "occupations_en.csv", std::ios::binary);
  std::vector<std::string> fields;
  int lines = 0;
  std::set<std::string> uris;
  size_t uri_col = 1, label_col = 3;
  for (size_t i = 0; next_csv_record(occ, fields, lines); ++i) {
    bool keep = i <= n || (fields.size() > label_col && fields[label_col] == "data scientist");
    if (!keep) continue;
    if (i > 0) uris.insert(fields[uri_col]);
    for (size_t k = 0; k < fields.size(); ++k) oo << (k ? "," : "") << csv_field(fields[k]);
    oo << "\r\n";
  }
  std::ifstream rel(k_data / "esco-1.2.0" / "occupation_skill_relations.tsv", std::ios::binary);
  std::ofstream ro(out / "occupation_skill_relations.tsv", std::ios::binary);
  std::string line;
  for (size_t i = 0; std::getline(rel, line); ++i)
    if (i == 0 || uris.count(line.substr(0, line.find('\t')))) ro << line << "\n";
}

// The first `n` O*NET occupations plus Data Scientists (15-2051.00), with their rows.
void slice_onet(const fs::path& out, size_t n) {
  std::set<std::string> codes{"15-2051.00"};
  auto copy = [&](const char* name, bool pick) {
    std::ifstream in(k_data / "onet-29.2" / name, std::ios::binary);
    std::ofstream o(out / name, std::ios::binary);
    std::string line;
    for (size_t i = 0; std::getline(in, line); ++i) {
      auto code = line.substr(0, line.find('\t'));
      if (pick && i > 0 && i <= n) codes.insert(code);
      if (i == 0 || codes.count(code)) o << line << "\n";
    }
  };
  copy("Occupation Data.txt", true);
  copy("Technology Skills.txt", false);
  copy("Skills.tsv", false);
}

Catalog load_dir(const fs::path& dir, Diagnostics& d) { return load_catalog(read_catalog_dir(dir.string()), d); }

std::string all_diagnostics(const Diagnostics& d) {
  std::string s;
  for (const auto& i : d.items) s += format_diagnostic(i, Lang::en);
  return s;
}

} // namespace

TEST_CASE("a CSV record keeps quoted commas, doubled quotes and newlines", "[scale][import]") {
  std::istringstream in("a,\"b, c\",\"say \"\"hi\"\"\"\r\n\"line one\r\nline two\",x\r\nlast");
  std::vector<std::string> f;
  int lines = 0;
  REQUIRE(next_csv_record(in, f, lines));
  CHECK(f == std::vector<std::string>{"a", "b, c", "say \"hi\""});
  CHECK(lines == 1);
  REQUIRE(next_csv_record(in, f, lines));
  CHECK(f == std::vector<std::string>{"line one\nline two", "x"});
  CHECK(lines == 3);
  REQUIRE(next_csv_record(in, f, lines));
  CHECK(f == std::vector<std::string>{"last"});
  CHECK_FALSE(next_csv_record(in, f, lines));
}

TEST_CASE("yaml_quote escapes quotes, backslashes and control characters", "[scale][import]") {
  CHECK(yaml_quote("plain") == "\"plain\"");
  CHECK(yaml_quote("a \"b\" \\ c") == "\"a \\\"b\\\" \\\\ c\"");
  CHECK(yaml_quote("x\ny\tz\x01") == "\"x\\ny\\tz\\x01\"");
  CHECK(yaml_quote("null") == "\"null\"");
  CHECK(yaml_quote("bad \xff byte") == "\"bad \xEF\xBF\xBD byte\"");
}

TEST_CASE("quoted labels survive a round trip through the catalogue loader", "[scale][import]") {
  std::string odd = "C++ \"modern\" \\ tools: {a, b} # not a comment\n- next line\t\x02 é 中文";
  std::string yaml = "sources:\n  - {id: s, title: {zh: t, en: t}}\nskills:\n  - {id: odd, name: {zh: " + yaml_quote(odd) +
                     ", en: " + yaml_quote(odd) + "}, source: s}\n";
  Diagnostics d;
  auto c = load_catalog({InputFile{"odd.yaml", yaml}}, d);
  INFO(all_diagnostics(d));
  REQUIRE_FALSE(d.has_errors());
  REQUIRE(c.skill("odd"));
  CHECK(c.skill("odd")->name.en == odd);
}

TEST_CASE("slugify makes lowercase kebab-case ids of at most the given length", "[scale][import]") {
  CHECK(slugify("Data Science (Advanced)") == "data-science-advanced");
  CHECK(slugify("  C++ / C#  ") == "c-c");
  CHECK(slugify("café au lait") == "caf-au-lait");
  CHECK(slugify("中文") == "");
  CHECK(slugify("one two three four", 10) == "one-two");
  CHECK(fnv1a64("") == 14695981039346656037ull);
  CHECK(fnv1a64("a") == 0xaf63dc4c8601ec8cull);
}

TEST_CASE("an ESCO slice imports into a valid catalogue with its known links, identically each time",
          "[scale][import]") {
  if (!fs::exists(k_data / "esco-1.2.0" / "occupations_en.csv")) {
    WARN("skipped: ESCO data not found in " << k_data.string() << " (see ../shared/data/README.md)");
    return;
  }
  TempDir in("advisor-esco-slice"), out("advisor-esco-out");
  slice_esco(in.path, 60);
  auto a = import_esco(in.path.string());
  auto b = import_esco(in.path.string());
  CHECK(a.files == b.files);
  CHECK(a.roles == 61);
  CHECK(a.categories >= 5);
  CHECK(a.skills > 1000);
  CHECK(a.diags.warning_count() == 0);
  write_imported(a, out.path.string(), false);
  CHECK_THROWS_AS(write_imported(a, out.path.string(), false), ImportError);
  write_imported(a, out.path.string(), true);

  Diagnostics d;
  auto c = load_dir(out.path, d);
  INFO(all_diagnostics(d));
  REQUIRE(d.items.empty());
  CHECK(c.roles.size() == 61);
  CHECK(c.id == "esco-1.2.0");
  REQUIRE(c.attributions.size() == 1);
  CHECK(c.attributions[0].en == "This service uses the ESCO classification of the European Commission.");
  const auto* ds = c.role("esco-data-scientist");
  REQUIRE(ds);
  CHECK(ds->category == "esco-isco-2");
  CHECK(ds->sources == std::vector<std::string>{"esco-1.2.0", "esco-skill-relations"});
  auto link = std::find_if(ds->skills.begin(), ds->skills.end(), [](const RoleSkill& s) { return s.skill == "esco-statistics"; });
  REQUIRE(link != ds->skills.end());
  CHECK(link->essential);
  CHECK(c.find_skill("Statistics") == c.skill("esco-statistics"));
  CHECK(c.category("esco-isco-2")->name.en == "ISCO 2 Professionals");

  // The built-in catalogue and the import merge: both attributions kept, no clash.
  auto files = builtin_catalog_files();
  auto more = read_catalog_dir(out.path.string());
  files.insert(files.end(), more.begin(), more.end());
  Diagnostics dm;
  auto merged = load_catalog(files, dm);
  INFO(all_diagnostics(dm));
  CHECK_FALSE(dm.has_errors());
  CHECK(merged.id == "advisor-builtin");
  CHECK(merged.role("esco-data-scientist"));
  CHECK(merged.attributions.size() >= 1);
  CHECK(merged.attributions.back().en == c.attributions[0].en);
}

TEST_CASE("an O*NET slice imports with Hot Technology and In Demand as weight and need", "[scale][import]") {
  if (!fs::exists(k_data / "onet-29.2" / "Occupation Data.txt")) {
    WARN("skipped: O*NET data not found in " << k_data.string() << " (see ../shared/data/README.md)");
    return;
  }
  TempDir in("advisor-onet-slice"), out("advisor-onet-out");
  slice_onet(in.path, 60);
  auto a = import_onet(in.path.string());
  CHECK(a.files == import_onet(in.path.string()).files);
  CHECK(a.roles == 61);
  write_imported(a, out.path.string(), false);
  Diagnostics d;
  auto c = load_dir(out.path, d);
  INFO(all_diagnostics(d));
  REQUIRE(d.items.empty());
  const auto* ds = c.role("onet-data-scientists");
  REQUIRE(ds);
  CHECK(ds->category == "onet-soc-15");
  CHECK(c.category("onet-soc-15")->name.en == "SOC 15 Computer and Mathematical");
  CHECK(c.attributions.at(0).en.find("O*NET 29.2 Database") != std::string::npos);
  // Python is Hot Technology and In Demand for data scientists: essential, weight 2.
  auto py = std::find_if(ds->skills.begin(), ds->skills.end(), [](const RoleSkill& s) { return s.skill == "onet-python"; });
  REQUIRE(py != ds->skills.end());
  CHECK(py->essential);
  CHECK(py->weight == 2.0);
  // Tools sit beneath their commodity: Python counts partly toward its category.
  REQUIRE(c.skill("onet-python"));
  CHECK_FALSE(c.skill("onet-python")->parent.empty());
}

TEST_CASE("ranking with a limit returns the same best roles, scores and order as the full ranking", "[scale]") {
  Diagnostics d;
  auto c = load_catalog(builtin_catalog_files(), d);
  REQUIRE_FALSE(d.has_errors());
  Date as_of{2026, 11, 23};
  for (size_t n : {1, 3, 8, 20}) {
    Profile p;
    for (size_t i = 0; i < n && i < c.skills.size(); ++i) {
      ProfileSkill s;
      s.text = s.id = c.skills[(i * 7) % c.skills.size()].id;
      p.skills.push_back(s);
    }
    p.goal_categories = {"product"};
    auto full = rank_roles(c, p, as_of);
    auto top = rank_roles(c, p, as_of, "", 5);
    REQUIRE(top.size() == 5);
    for (size_t i = 0; i < top.size(); ++i) {
      CHECK(top[i].role->id == full[i].role->id);
      CHECK(top[i].score == full[i].score);
      CHECK(top[i].missing == full[i].missing);
    }
  }
}

TEST_CASE("a catalogue snapshot reads back whole, and a damaged one is refused", "[scale][cache]") {
  Diagnostics d;
  auto files = builtin_catalog_files();
  auto c = load_catalog(files, d);
  REQUIRE_FALSE(d.has_errors());
  auto key = catalog_cache_key(files);
  auto snap = serialize_catalog(c, key);
  auto back = deserialize_catalog(snap, key);
  REQUIRE(back);
  CHECK(serialize_catalog(*back, key) == snap);
  CHECK(back->roles.size() == c.roles.size());
  CHECK(back->certificates.at(0).levels.size() == c.certificates.at(0).levels.size());
  CHECK(back->find_skill("PyTorch") == &back->skills[c.skill_by_id.at("pytorch")]);

  CHECK_FALSE(deserialize_catalog(snap, key + 1));  // another catalogue's files
  for (size_t len : {size_t{0}, size_t{7}, size_t{20}, snap.size() / 2, snap.size() - 1})
    CHECK_FALSE(deserialize_catalog(std::string_view(snap).substr(0, len), key));
  for (size_t at : {size_t{3}, size_t{12}, size_t{30}, snap.size() / 3, snap.size() - 3}) {
    auto bad = snap;
    bad[at] = static_cast<char>(bad[at] ^ 0x5a);
    CHECK_FALSE(deserialize_catalog(bad, key));
  }
  auto longer = snap + "x";
  CHECK_FALSE(deserialize_catalog(longer, key));

  // Any edit to a file changes the key.
  auto edited = files;
  edited.back().text += " ";
  CHECK(catalog_cache_key(edited) != key);
  // Also one that keeps the size, in a built-in file or in any other.
  auto same_size = files;
  same_size.back().text.back() = same_size.back().text.back() == 'x' ? 'y' : 'x';
  CHECK(catalog_cache_key(same_size) != key);
  auto other = files;
  other.push_back(InputFile{"esco/roles-001.yaml", "roles: []\n"});
  auto other_edited = other;
  other_edited.back().text = "roles: {}\n";
  CHECK(catalog_cache_key(other) != catalog_cache_key(other_edited));
}

TEST_CASE("the snapshot compiled into advisor is the built-in catalogue's, as its YAML loads today",
          "[scale][cache]") {
  const auto& embedded = embedded_snapshot();
  REQUIRE(embedded.size() == 1);
  std::string_view snap = embedded.front().text;
  // Written from exactly these files (the key hashes every name and byte of them)...
  auto files = builtin_catalog_files();
  auto key = snapshot_key_of(snap);
  REQUIRE(key);
  CHECK(*key == catalog_cache_key(files));
  // ...by this loader: the YAML loaded now serialises to the same bytes.
  Diagnostics d;
  auto yaml = load_catalog(files, d);
  CHECK(d.items.empty());
  CHECK(serialize_catalog(yaml, *key) == snap);
  // And it reads back to that catalogue, indexed.
  auto back = deserialize_embedded_catalog(snap);
  REQUIRE(back);
  CHECK(serialize_catalog(*back, *key) == snap);
  CHECK(back->find_skill("PyTorch") == &back->skills[yaml.skill_by_id.at("pytorch")]);
  CHECK(back->role_by_id.size() == yaml.roles.size());

  // The embedded reader skips the key and the checksum (the data is the binary's
  // own), never the frame: truncated or lengthened data is still refused.
  std::string flipped(snap);
  flipped[snap.size() - 1] = static_cast<char>(flipped[snap.size() - 1] ^ 0x5a);  // in the checksum
  CHECK(deserialize_embedded_catalog(flipped));
  CHECK_FALSE(deserialize_catalog(flipped, *key));
  CHECK_FALSE(snapshot_key_of(flipped));
  for (size_t len : {size_t{0}, size_t{7}, size_t{20}, snap.size() / 2, snap.size() - 1})
    CHECK_FALSE(deserialize_embedded_catalog(snap.substr(0, len)));
  CHECK_FALSE(deserialize_embedded_catalog(std::string(snap) + "x"));
  CHECK_FALSE(snapshot_key_of("not a snapshot"));
}

// The ESCO / O*NET importer, the catalogue snapshot and limited ranking. The import
// tests on real data are in import_data_test.cpp.
#include <unistd.h>
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include "support.hpp"

#include "advisor/catalog_cache.hpp"
#include "advisor/catalog_loader.hpp"
#include "advisor/embedded.hpp"
#include "advisor/importer.hpp"
#include "advisor/matching.hpp"
#include "advisor/util/hash.hpp"

using namespace advisor;
using advisor::testing::found;
namespace fs = std::filesystem;

namespace {

std::string all_diagnostics(const Diagnostics& d) {
  std::string s;
  for (const auto& i : d.items) s += format_diagnostic(i, Lang::en);
  return s;
}

}  // namespace

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
  std::string yaml =
      "sources:\n  - {id: s, title: {zh: t, en: t}}\nskills:\n  - {id: odd, name: {zh: " + yaml_quote(odd) +
      ", en: " + yaml_quote(odd) + "}, source: s}\n";
  Diagnostics d;
  auto c = load_catalog({InputFile{"odd.yaml", yaml}}, d);
  INFO(all_diagnostics(d));
  REQUIRE_FALSE(d.has_errors());
  REQUIRE(c.skill("odd"));
  CHECK(found(c.skill("odd")).name.en == odd);
}

TEST_CASE("slugify makes lowercase kebab-case ids of at most the given length", "[scale][import]") {
  CHECK(slugify("Data Science (Advanced)") == "data-science-advanced");
  CHECK(slugify("  C++ / C#  ") == "c-c");
  CHECK(slugify("café au lait") == "caf-au-lait");
  CHECK(slugify("中文") == "");
  CHECK(slugify("one two three four", 10) == "one-two");
  CHECK(util::fnv1a64("") == 14695981039346656037ull);
  CHECK(util::fnv1a64("a") == 0xaf63dc4c8601ec8cull);
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

TEST_CASE("the snapshot compiled into advisor is the built-in catalogue's, as its YAML loads today", "[scale][cache]") {
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

// Issue 32, hostile import files: the fixtures in tests/unit/fixtures/ (README there).
namespace {
const fs::path k_import_fixtures = fs::path(ADVISOR_SOURCE_DIR) / "tests" / "unit" / "fixtures";
}  // namespace

TEST_CASE("import numbers are read strictly: the whole field, finite", "[import][hostile]") {
  CHECK(parse_import_number("3.88") == 3.88);
  CHECK(parse_import_number("4") == 4.0);
  CHECK(parse_import_number("1e0") == 1.0);
  CHECK(parse_import_number("-0.5") == -0.5);
  for (const char* bad : {"", "nan", "NaN", "inf", "-inf", "infinity", "4.0junk", "4.0 ", " 4", "1e999", "1e-400",
                          "0x10", "+4", "4,5", "."})
    CHECK_FALSE(parse_import_number(bad).has_value());
}

TEST_CASE("an O*NET import drops rows with nan, inf or junk importance, naming file:line, and sums them up",
          "[import][hostile]") {
  const auto dir = (k_import_fixtures / "onet-hostile").string();
  // Every file starts with a byte order mark: skipped, so the header's first column is found.
  auto imported = import_onet(dir);
  CHECK(imported.roles == 2);
  CHECK(imported.dropped == 4);
  auto text = all_diagnostics(imported.diags);
  INFO(text);
  const auto skills = (fs::path(dir) / "Skills.tsv").string();
  CHECK(text.find(skills + ":3:1: warning: skipped: Data Value 'nan' is not a finite number\n") != std::string::npos);
  CHECK(text.find(skills + ":4:1: warning: skipped: Data Value 'inf' is not a finite number\n") != std::string::npos);
  CHECK(text.find(skills + ":5:1: warning: skipped: Data Value '4.0junk' is not a finite number\n") !=
        std::string::npos);
  CHECK(text.find(skills + ":6:1: warning: skipped: 3 fields, expected 12\n") != std::string::npos);
  // One summary, last, counting the rows by reason.
  REQUIRE_FALSE(imported.diags.items.empty());
  CHECK(format_diagnostic(imported.diags.items.back(), Lang::en) ==
        dir +
            ": warning: 4 rows dropped: 3 with a Data Value that is not a finite number, 1 with too few fields "
            "(each is listed above with its file and line)\n");
  size_t summaries = 0;
  for (const auto& d : imported.diags.items) summaries += d.message.en.find("rows dropped") != std::string::npos;
  CHECK(summaries == 1);
  // The good importance (4.12) made Programming an optional skill of Data Scientists.
  bool programming = false;
  for (const auto& [name, yaml] : imported.files)
    programming |= name.rfind("skills", 0) == 0 && yaml.find("Programming") != std::string::npos;
  CHECK(programming);
}

TEST_CASE("an import that yields no roles is an error (65), not an empty catalogue", "[import][hostile]") {
  const auto dir = (k_import_fixtures / "onet-no-roles").string();
  try {
    import_onet(dir);
    FAIL("import_onet took a data set without a single occupation");
  } catch (const ImportError& e) {
    CHECK(e.kind() == ErrorKind::invalid_input);
    CHECK(e.message().en ==
          "'" + dir +
              "' yields no roles: no occupation row could be imported (3 rows dropped: 2 with too few "
              "fields, 1 without a code or title, or repeating a code)");
  }
}

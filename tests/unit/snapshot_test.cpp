// The catalogue snapshot (catalog_cache) tested by content, as ninja's
// DepsLogTest.WriteRead reloads the log and compares entries: a catalogue written
// and read back equals the one written, member by member (the model's defaulted
// operator==). A member left out of the writer and the reader alike keeps the bytes
// round-tripping, but not the content: every_field() below sets each member to a
// value other than its default, so the comparison sees it go missing.
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <set>
#include <string>
#include <utility>

#include "advisor/catalog_cache.hpp"
#include "advisor/catalog_loader.hpp"
#include "advisor/embedded.hpp"
#include "advisor/importer.hpp"
#include "advisor/util/hash.hpp"
#include "snapshot_fields.hpp"
#include "support.hpp"

using namespace advisor;
namespace fs = std::filesystem;

// ---------------------------------------------------------------- the layout

// Not in the anonymous namespace: its conversion is declared, never defined (only
// named in unevaluated contexts), which clang refuses for internal linkage.
namespace snapshot_layout {

// Converts to any member type.
struct AnyMember {
  template <class T>
  operator T() const;
};

template <class T, size_t... I>
constexpr bool brace_initializable(std::index_sequence<I...>) {
  return requires { T{(void(I), AnyMember{})...}; };
}

/// The number of data members of an aggregate: the most initializers T{...} takes.
template <class T, size_t N = 0>
constexpr size_t member_count() {
  if constexpr (brace_initializable<T>(std::make_index_sequence<N + 1>{}))
    return member_count<T, N + 1>();
  else
    return N;
}

}  // namespace snapshot_layout

namespace {

using snapshot_layout::member_count;

/// Counts the fields a field table lists.
struct FieldCount {
  size_t n = 0;
  template <class... F>
  void operator()(F&...) {
    n += sizeof...(F);
  }
};

template <class T>
size_t table_size() {
  FieldCount count;
  T x{};
  snapshot::fields(count, x);
  return count.n;
}

// ---------------------------------------------------------------- every field set

SourcePos at(int line) { return SourcePos{"every.yaml", line, line + 1}; }
Text text(const std::string& s) { return Text{s + "（中）", s + " (en)"}; }

// Positional aggregate initialisation on purpose: a member added to the model and
// not set here is a -Wmissing-field-initializers warning, an error in the clang
// -Werror build of ./setup.sh test.
Rule every_rule() {
  Rule leaf{RuleKind::study_hours,
            {},
            text("leaf"),
            at(2),
            std::nullopt,
            std::nullopt,
            "",
            {},
            "",
            0,
            std::nullopt,
            "c",
            "l",
            {},
            1,
            40.5,
            true,
            Relation{{"it"}, {"ops"}, text("related work")},
            "c",
            "l",
            "",
            2,
            "junior",
            "senior-worker",
            {"vocational"},
            true,
            Relation{{"cs"}, {}, text("related majors")},
            true,
            false,
            true,
            text("confirm")};
  Rule diploma = leaf;
  diploma.kind = RuleKind::diploma;
  diploma.after_title = "junior";
  diploma.final_year = false;
  diploma.assessed = true;
  return Rule{RuleKind::any,
              {leaf, diploma},
              text("reason"),
              at(1),
              18,
              60,
              "bachelor",
              {"cs"},
              "it",
              2.5,
              6.5,
              "c",
              "l",
              {"python"},
              2,
              12.5,
              false,
              Relation{},
              "",
              "",
              "",
              0,
              "",
              "",
              {},
              false,
              Relation{},
              false,
              false,
              false,
              Text{}};
}

Scoring every_scoring() {
  Scoring s{0.4,  0.2,  0.1, 0.2,  0.12, 0.25, 0.45, 2.5, 4, {{"high", 0.9}, {"low", 0.1}},
            0.15, 0.55, 0.6, 0.35, 0.05, 0.3};
  s.up_credit = 0.9;
  s.title_credit = 0.7;
  s.held_syllabus_credit = 0.4;
  s.fit_strong = 0.65;
  s.fit_good = 0.5;
  s.fit_partial = 0.25;
  s.transversal_weight = 0.4;
  return s;
}

Catalog every_field() {
  Catalog c;
  c.id = "every";
  c.version = "9.9";
  c.name = text("name");
  c.caveat = text("caveat");
  c.scoring = every_scoring();
  c.attributions = {text("attribution")};
  c.sources = {Source{"s", text("title"), "publisher", "https://example.org", "seed.md", Date{2025, 3, 4},
                      Date{2026, 5, 6}, at(3)}};
  c.education = {EducationLevel{"bachelor", text("bachelor"), {"BSc"}, "6", 3, at(4)}};
  c.majors = {TreeItem{"cs", text("cs"), {"CS"}, "", {"s"}, {}, "080901", {}, {}, at(5), at(6), false, std::nullopt}};
  c.domains = {
      TreeItem{"it", text("it"), {}, "", {"s"}, {"python"}, "", {}, {}, at(7), {}, false, std::nullopt},
      TreeItem{"ops", text("ops"), {"devops"}, "it", {"s"}, {}, "", {}, {}, at(8), at(9), false, std::nullopt}};
  c.skills = {TreeItem{"python",
                       text("python"),
                       {"py"},
                       "",
                       {"s"},
                       {},
                       "",
                       {{"esco_label", "Python"}},
                       {ExternalRef{"onet_technology", "Python"}},
                       at(10),
                       {},
                       false,
                       std::nullopt},
              TreeItem{"pandas", text("pandas"), {"pd"}, "python", {"s"}, {}, "", {}, {}, at(11), at(12), true, 0.5}};
  c.categories = {Category{"k",
                           text("k"),
                           {"kay"},
                           text("transition"),
                           Barrier{"high", text("barrier"), {"python"}},
                           {"it"},
                           {"s"},
                           at(13)}};
  c.roles = {Role{"r",
                  text("r"),
                  {"the r"},
                  "k",
                  text("definition"),
                  {RoleSkill{"python", false, 0.25, at(14)}, RoleSkill{"pandas", true, 2, at(15)}},
                  {text("company")},
                  {"ops"},
                  {"s"},
                  {{"onet_soc", "15-2051.00"}},
                  "moderate",
                  true,
                  at(16)}};
  RuleVersion old{"v2021", text("v2021"), Date{2021, 12, 27}, std::nullopt, false, text("old"), every_rule(),
                  {"s"},   at(21)};
  RuleVersion now{"now", text("now"), std::nullopt, Date{2026, 12, 7}, true, Text{}, std::nullopt, {"s"}, at(22)};
  CertificateLevel level{"l",          text("l"),    {"L1"},     text("suits"), {"unit 1"},
                         every_rule(), every_rule(), {old, now}, {"s"},         at(17)};
  c.schools = {SchoolType{"vocational", text("vocational"), {"职业院校"}, "", {}, {"s"}, at(23)},
               SchoolType{"higher-vocational", text("hv"), {"高职"}, "vocational", {"bachelor"}, {"s"}, at(24)}};
  c.school_classes = {EducationLevel{"senior-worker", text("sw"), {"高级工班"}, "", 2, at(25)}};
  c.title_levels = {EducationLevel{"junior", text("junior"), {"初级"}, "", 1, at(26)}};
  c.certificates = {Certificate{"c",
                                text("c"),
                                {"the c"},
                                text("issuer"),
                                Date{2026, 1, 2},
                                text("summary"),
                                text("exam"),
                                {3, 9},
                                120.5,
                                {"topic"},
                                {"r"},
                                {text("note")},
                                {RegistrationFact{"site", text("https://example.org/register"), {"s"}, at(18)}},
                                {level},
                                Relation{{"it"}, {"ops"}, text("work")},
                                Relation{{"cs"}, {}, text("majors")},
                                {"s"},
                                at(19)}};
  c.claims = {Claim{"claim", "r", text("claim"), {"s"}, at(20)}};
  c.index();
  return c;
}

Catalog round_trip(const Catalog& c) {
  auto back = deserialize_catalog(serialize_catalog(c, 42), 42);
  REQUIRE(back);
  return *back;
}

}  // namespace

TEST_CASE("a snapshot read back equals the catalogue written, with every field set", "[cache]") {
  auto c = every_field();
  auto back = round_trip(c);
  // Part by part first, so a failure names the part that lost something.
  CHECK(back.id == c.id);
  CHECK(back.version == c.version);
  CHECK(back.name == c.name);
  CHECK(back.caveat == c.caveat);
  CHECK(back.scoring == c.scoring);
  CHECK(back.attributions == c.attributions);
  CHECK(back.sources == c.sources);
  CHECK(back.education == c.education);
  CHECK(back.schools == c.schools);
  CHECK(back.school_classes == c.school_classes);
  CHECK(back.title_levels == c.title_levels);
  CHECK(back.majors == c.majors);
  CHECK(back.domains == c.domains);
  CHECK(back.skills == c.skills);
  CHECK(back.categories == c.categories);
  CHECK(back.roles == c.roles);
  CHECK(back.certificates == c.certificates);
  CHECK(back.claims == c.claims);
  CHECK(back == c);
}

TEST_CASE("the built-in catalogue read back from its snapshot equals the one loaded", "[cache]") {
  const auto& c = testing::builtin();
  CHECK(round_trip(c) == c);
}

TEST_CASE("a snapshot keeps the tables of normalised names entry for entry, in order", "[cache]") {
  // Read back, not rebuilt (format 14): a table that lost, gained or reordered a name
  // would change what a profile's words resolve to, or which suggestion comes first.
  auto same = [](const IdIndex& a, const IdIndex& b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin());
  };
  for (const Catalog* c : {&testing::builtin(), static_cast<const Catalog*>(nullptr)}) {
    auto fields = c ? Catalog{} : every_field();
    const Catalog& orig = c ? *c : fields;
    auto back = round_trip(orig);
    CHECK(same(back.skill_by_key, orig.skill_by_key));
    CHECK(same(back.education_by_key, orig.education_by_key));
    CHECK(same(back.major_by_key, orig.major_by_key));
    CHECK(same(back.domain_by_key, orig.domain_by_key));
    CHECK(same(back.school_by_key, orig.school_by_key));
    CHECK(same(back.school_class_by_key, orig.school_class_by_key));
    CHECK(same(back.title_level_by_key, orig.title_level_by_key));
    CHECK(back.skill_owns_id_key == orig.skill_owns_id_key);
    CHECK(back.skill_by_key.size() > back.skills.size());  // names and aliases, not ids alone
  }
}

TEST_CASE("an imported catalogue read back from its snapshot equals the one loaded", "[cache][import]") {
  auto imported = import_esco((fs::path(ADVISOR_SOURCE_DIR) / "tests/data/house/esco").string());
  REQUIRE(imported.roles == 2);
  std::vector<InputFile> files;
  for (const auto& [name, yaml] : imported.files) files.push_back(InputFile{"esco/" + name, yaml});
  Diagnostics d;
  auto c = load_catalog(files, d);
  INFO(testing::printed(d));
  REQUIRE_FALSE(d.has_errors());
  REQUIRE(c.role("esco-data-scientist"));
  auto back = deserialize_catalog(serialize_catalog(c, catalog_cache_key(files)), catalog_cache_key(files));
  REQUIRE(back);
  CHECK(*back == c);
}

TEST_CASE("every member of a stored struct is in its field table", "[cache]") {
  // A member added to the model and not to snapshot_fields.hpp would be lost by every
  // snapshot: the counts differ here before any round trip runs.
  CHECK(table_size<Text>() == member_count<Text>());
  CHECK(table_size<Relation>() == member_count<Relation>());
  CHECK(table_size<Rule>() == member_count<Rule>());
  CHECK(table_size<Source>() == member_count<Source>());
  CHECK(table_size<EducationLevel>() == member_count<EducationLevel>());
  CHECK(table_size<SchoolType>() == member_count<SchoolType>());
  CHECK(table_size<ExternalRef>() == member_count<ExternalRef>());
  CHECK(table_size<TreeItem>() == member_count<TreeItem>());
  CHECK(table_size<Barrier>() == member_count<Barrier>());
  CHECK(table_size<Category>() == member_count<Category>());
  CHECK(table_size<RoleSkill>() == member_count<RoleSkill>());
  CHECK(table_size<Role>() == member_count<Role>());
  CHECK(table_size<RuleVersion>() == member_count<RuleVersion>());
  CHECK(table_size<CertificateLevel>() == member_count<CertificateLevel>());
  CHECK(table_size<RegistrationFact>() == member_count<RegistrationFact>());
  CHECK(table_size<Certificate>() == member_count<Certificate>());
  CHECK(table_size<Claim>() == member_count<Claim>());
  CHECK(table_size<Scoring>() == member_count<Scoring>());
  // The Catalog's data; its lookup and ranking tables are built from it (the round
  // trips above compare them all).
  CHECK(table_size<CatalogData>() == member_count<CatalogData>());
}

TEST_CASE("the snapshot format number changes whenever its schema does", "[cache]") {
  // When this fails, a field table in src/catalog/snapshot_fields.hpp changed: bump
  // k_format in src/catalog/catalog_cache.cpp and add the new schema below under the
  // new number (keep the old ones: a schema is never reused under another number).
  // Formats 1 to 14 pinned struct sizes instead, before the field tables.
  const std::map<uint32_t, std::string> schemas = {
      // 15: every struct's fields in one table (src/catalog/snapshot_fields.hpp); the
      // tables of normalised names and the places in id order after the catalogue.
      {15,
       "(ss(ss)(ss)(ddddddddd{s:d}ddddddddddddd)[(ss)][(s(ss)sss?D?DP)][(s(ss)[s]siP)][(s(ss)[s]s[s][s]P)][("
       "s(ss)[s]siP)][(s(ss)[s]siP)][(s(ss)[s]s[s][s]s{s:s}[(ss)]PPb?d)][(s(ss)[s]s[s][s]s{s:s}[(ss)]PPb?d)]"
       "[(s(ss)[s]s[s][s]s{s:s}[(ss)]PPb?d)][(s(ss)[s](ss)(s(ss)[s])[s][s]P)][(s(ss)[s]s(ss)[(sbdP)][(ss)][s"
       "][s]{s:s}sbP)][(s(ss)[s](ss)?D(ss)(ss)[i]?d[s][s][(ss)][(s(ss)[s]P)][(s(ss)[s](ss)[s]?(e[R](ss)P?i?i"
       "s[s]sd?dss[s]idb([s][s](ss))sssdss[s]b([s][s](ss))bbb(ss))?(e[R](ss)P?i?is[s]sd?dss[s]idb([s][s](ss)"
       ")sssdss[s]b([s][s](ss))bbb(ss))[(s(ss)?D?Db(ss)?(e[R](ss)P?i?is[s]sd?dss[s]idb([s][s](ss))sssdss[s]b"
       "([s][s](ss))bbb(ss))[s]P)][s]P)]([s][s](ss))([s][s](ss))[s]P)][(ss(ss)[s]P)]) keys[7] owns ranks[2]"},
  };
  auto now = catalog_snapshot_schema();
  INFO("the schema now:\n" << now);
  REQUIRE(schemas.count(catalog_snapshot_format()));
  CHECK(schemas.at(catalog_snapshot_format()) == now);
  for (const auto& [format, schema] : schemas)
    if (format != catalog_snapshot_format()) CHECK(schema != now);
}

TEST_CASE("the built-in catalogue's id and version are read from its snapshot's first bytes", "[cache]") {
  // `advisor --version` prints them without reading the rest of the snapshot.
  const auto& files = embedded_snapshot();
  REQUIRE_FALSE(files.empty());
  auto id = embedded_catalog_identity(files.front().text);
  REQUIRE(id);
  CHECK(id->id == testing::builtin().id);
  CHECK(id->version == testing::builtin().version);
  CHECK_FALSE(embedded_catalog_identity(std::string_view(files.front().text).substr(0, 20)));
  CHECK_FALSE(embedded_catalog_identity("not a snapshot"));
}

TEST_CASE("a snapshot whose payload is damaged under a valid checksum is refused or read, never trusted blindly",
          "[cache][hostile]") {
  // The checksum catches chance damage; this is damage it does not see (a file written
  // by someone else). Every count, length, flag and enum read back is checked against
  // what is left, so each damaged payload reads as nullopt or as some catalogue, and
  // the sanitizer build sees no read out of bounds.
  const auto& c = testing::builtin();
  auto snap = serialize_catalog(c, 42);
  constexpr size_t k_head = 8 + 4 + 8 + 8;  // magic, format, key, length
  REQUIRE(snap.size() > k_head + 8);
  const size_t payload = snap.size() - k_head - 8;
  auto reframe = [&](std::string s) {
    uint64_t sum = util::fnv1a64(std::string_view(s).substr(k_head, payload));
    for (int i = 0; i < 8; ++i) s[k_head + payload + i] = static_cast<char>((sum >> (8 * i)) & 0xFF);
    return s;
  };
  REQUIRE(deserialize_catalog(reframe(snap), 42));
  size_t refused = 0;
  for (size_t i = 0; i < 400; ++i) {
    auto bad = snap;
    size_t at = k_head + (i * 7919) % payload;
    bad[at] = static_cast<char>(i % 3 == 0 ? 0xFF : bad[at] ^ (1 << (i % 8)));
    if (!deserialize_catalog(reframe(bad), 42)) ++refused;
  }
  CHECK(refused > 0);  // counts, flags and enums out of range are caught
}

TEST_CASE("stored tables are sound only with resolving references and a permutation of id order", "[cache]") {
  auto c = testing::builtin();
  CHECK(stored_tables_sound(c));
  auto twice = c;
  REQUIRE(twice.skill_id_rank.size() > 1);
  twice.skill_id_rank[1] = twice.skill_id_rank[0];  // one place given twice
  CHECK_FALSE(stored_tables_sound(twice));
  auto short_ranks = c;
  short_ranks.role_id_rank.pop_back();
  CHECK_FALSE(stored_tables_sound(short_ranks));
  auto dangling = c;
  REQUIRE_FALSE(dangling.roles.empty());
  dangling.roles[0].category = "no-such-category";
  CHECK_FALSE(stored_tables_sound(dangling));
}

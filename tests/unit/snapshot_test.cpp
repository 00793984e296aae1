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
#include "advisor/importer.hpp"
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

template <class T>
std::string shape(const char* name) {
  return std::string(name) + " " + std::to_string(member_count<T>()) + "/" + std::to_string(sizeof(T)) + "\n";
}

/// Each serialised struct's member count and size: what a snapshot's layout follows.
std::string model_layout() {
  return shape<SourcePos>("SourcePos") + shape<Text>("Text") + shape<Rule>("Rule") + shape<Source>("Source") +
         shape<EducationLevel>("EducationLevel") + shape<ExternalRef>("ExternalRef") + shape<TreeItem>("TreeItem") +
         shape<Barrier>("Barrier") + shape<Category>("Category") + shape<RoleSkill>("RoleSkill") + shape<Role>("Role") +
         shape<Relation>("Relation") + shape<SchoolType>("SchoolType") + shape<RuleVersion>("RuleVersion") +
         shape<CertificateLevel>("CertificateLevel") + shape<RegistrationFact>("RegistrationFact") +
         shape<Certificate>("Certificate") + shape<Claim>("Claim") + shape<Scoring>("Scoring") +
         shape<Catalog>("Catalog");
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

TEST_CASE("the snapshot format number changes whenever the model's layout does", "[cache]") {
  // When this fails, a serialised struct gained, lost or changed a member. Then:
  // write and read it in src/catalog_cache.cpp, set it in every_field() above,
  // bump k_format there, and add the new layout below under the new number (keep
  // the old ones: a layout must never be reused under another number).
  const std::map<uint32_t, std::string> layouts = {
      {1,
       "SourcePos 3/40\nText 2/64\nRule 15/352\nSource 7/248\nEducationLevel 5/168\nTreeItem 7/256\nBarrier 3/120\n"
       "Category 7/368\nRoleSkill 4/88\nRole 9/328\nCertificateLevel 8/968\nCertificate 14/504\nClaim 5/192\n"
       "Scoring 8/104\nCatalog 35/1368\n"},
      // Formats 2 to 5 came and went before this test did.
      {6,
       "SourcePos 3/40\nText 2/64\nRule 16/368\nSource 8/264\nEducationLevel 6/200\nExternalRef 2/64\n"
       "TreeItem 11/384\nBarrier 3/120\nCategory 7/368\nRoleSkill 4/88\nRole 12/416\nCertificateLevel 8/1000\n"
       "RegistrationFact 4/160\nCertificate 15/528\nClaim 5/192\nScoring 16/168\nCatalog 40/1560\n"},
      // 7: the Catalog's derived ranking tables (slot skills, syllabus reach, barrier skills, related roles).
      {7,
       "SourcePos 3/40\nText 2/64\nRule 16/368\nSource 8/264\nEducationLevel 6/200\nExternalRef 2/64\n"
       "TreeItem 11/384\nBarrier 3/120\nCategory 7/368\nRoleSkill 4/88\nRole 12/416\nCertificateLevel 8/1000\n"
       "RegistrationFact 4/160\nCertificate 15/528\nClaim 5/192\nScoring 16/168\nCatalog 45/1680\n"},
      // 8: and each role's kinds of skill (role_skill_kinds), which skills' ids are their own keys.
      {8,
       "SourcePos 3/40\nText 2/64\nRule 16/368\nSource 8/264\nEducationLevel 6/200\nExternalRef 2/64\n"
       "TreeItem 11/384\nBarrier 3/120\nCategory 7/368\nRoleSkill 4/88\nRole 12/416\nCertificateLevel 8/1000\n"
       "RegistrationFact 4/160\nCertificate 15/528\nClaim 5/192\nScoring 16/168\nCatalog 47/1728\n"},
      // 9: and each skill's place in id order (skill_id_rank).
      {9,
       "SourcePos 3/40\nText 2/64\nRule 16/368\nSource 8/264\nEducationLevel 6/200\nExternalRef 2/64\n"
       "TreeItem 11/384\nBarrier 3/120\nCategory 7/368\nRoleSkill 4/88\nRole 12/416\nCertificateLevel 8/1000\n"
       "RegistrationFact 4/160\nCertificate 15/528\nClaim 5/192\nScoring 16/168\nCatalog 48/1752\n"},
      // 10: transversal skills and parent_credit; evidence and fit scoring; skill_up, skill_children
      // and role_core_weight.
      {10,
       "SourcePos 3/40\nText 2/64\nRule 16/368\nSource 8/264\nEducationLevel 6/200\nExternalRef 2/64\n"
       "TreeItem 13/408\nBarrier 3/120\nCategory 7/368\nRoleSkill 4/88\nRole 12/416\nCertificateLevel 8/1000\n"
       "RegistrationFact 4/160\nCertificate 15/528\nClaim 5/192\nScoring 23/224\nCatalog 51/1880\n"},
      // 11: and the domains by name (domain_by_key).
      {11,
       "SourcePos 3/40\nText 2/64\nRule 16/368\nSource 8/264\nEducationLevel 6/200\nExternalRef 2/64\n"
       "TreeItem 13/408\nBarrier 3/120\nCategory 7/368\nRoleSkill 4/88\nRole 12/416\nCertificateLevel 8/1000\n"
       "RegistrationFact 4/160\nCertificate 15/528\nClaim 5/192\nScoring 23/224\nCatalog 52/1936\n"},
      // 12: role and category aliases; the rule language of national standards (title, diploma, confirm, work after a
      // date, related work and majors), dated rule versions, certificate and level aliases, school types, classes and
      // title levels.
      {12,
       "SourcePos 3/40\nText 2/64\nRule 31/872\nSource 8/264\nEducationLevel 6/200\nExternalRef 2/64\n"
       "TreeItem 13/408\nBarrier 3/120\nCategory 8/392\nRoleSkill 4/88\nRole 13/440\nRelation 3/112\n"
       "SchoolType 7/240\nRuleVersion 9/1144\nCertificateLevel 10/2056\nRegistrationFact 4/160\n"
       "Certificate 18/776\nClaim 5/192\nScoring 23/224\nCatalog 58/2176\n"},
      // 13: school types, classes and title levels by name (school_by_key and the like; rebuilt by index()).
      {13,
       "SourcePos 3/40\nText 2/64\nRule 31/872\nSource 8/264\nEducationLevel 6/200\nExternalRef 2/64\n"
       "TreeItem 13/408\nBarrier 3/120\nCategory 8/392\nRoleSkill 4/88\nRole 13/440\nRelation 3/112\n"
       "SchoolType 7/240\nRuleVersion 9/1144\nCertificateLevel 10/2056\nRegistrationFact 4/160\n"
       "Certificate 18/776\nClaim 5/192\nScoring 23/224\nCatalog 61/2344\n"},
      // 14: the same layout; the tables of normalised names are stored after the catalogue and read back.
      {14,
       "SourcePos 3/40\nText 2/64\nRule 31/872\nSource 8/264\nEducationLevel 6/200\nExternalRef 2/64\n"
       "TreeItem 13/408\nBarrier 3/120\nCategory 8/392\nRoleSkill 4/88\nRole 13/440\nRelation 3/112\n"
       "SchoolType 7/240\nRuleVersion 9/1144\nCertificateLevel 10/2056\nRegistrationFact 4/160\n"
       "Certificate 18/776\nClaim 5/192\nScoring 23/224\nCatalog 61/2344\n"},
  };
  auto now = model_layout();
  INFO("the model's layout now:\n" << now);
  REQUIRE(layouts.count(catalog_snapshot_format()));
  CHECK(layouts.at(catalog_snapshot_format()) == now);
  // 14 changed what is stored after the catalogue, not the structs: 13 has its layout.
  const std::set<uint32_t> same_structs_as_next = {13};
  for (const auto& [format, layout] : layouts)
    if (format != catalog_snapshot_format() && !same_structs_as_next.count(format)) CHECK(layout != now);
}

// Imports of real ESCO and O*NET data: the committed slices in tests/data/ (50
// occupations each) always; the full files in $ADVISOR_DATA_DIR in the tests tagged
// [.full-data], which CTest runs as scale/import-full-data (SKIPPED when unset).
#include <unistd.h>
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <set>
#include "support.hpp"

#include "advisor/catalog_loader.hpp"
#include "advisor/importer.hpp"
#include "advisor/matching.hpp"
#include "advisor/planning.hpp"
#include "advisor/profile_loader.hpp"

using namespace advisor;
using advisor::testing::found;
namespace fs = std::filesystem;

namespace {

const fs::path k_slices = fs::path(ADVISOR_SOURCE_DIR) / "tests" / "data";
const Date k_as_of{2026, 11, 23};

fs::path full_data() {
  const char* d = std::getenv("ADVISOR_DATA_DIR");
  return d ? fs::path(d) : fs::path();
}

std::string all_diagnostics(const Diagnostics& d) {
  std::string s;
  for (const auto& i : d.items) s += format_diagnostic(i, Lang::en);
  return s;
}

// The imported files as a catalogue directory's files, under a made-up folder name.
std::vector<InputFile> as_files(const ImportedCatalog& imported, const std::string& dir) {
  std::vector<InputFile> files;
  for (const auto& [name, text] : imported.files) files.push_back(InputFile{dir + "/" + name, text});
  return files;
}

Catalog load_files(const std::vector<InputFile>& files) {
  Diagnostics d;
  auto c = load_catalog(files, d);
  INFO(all_diagnostics(d));
  REQUIRE_FALSE(d.has_errors());
  return c;
}

// Built-in catalogue first, then the imports: the order of `--catalog builtin --catalog DIR`.
Catalog merged(const std::vector<std::pair<const ImportedCatalog*, std::string>>& imports) {
  auto files = builtin_catalog_files();
  for (const auto& [imp, dir] : imports) {
    auto more = as_files(*imp, dir);
    files.insert(files.end(), more.begin(), more.end());
  }
  return load_files(files);
}

Profile profile_of(const Catalog& c, const std::string& yaml) {
  Diagnostics d;
  auto p = load_profile(InputFile{"profile.yaml", yaml}, c, k_as_of, d);
  INFO(all_diagnostics(d));
  REQUIRE_FALSE(d.has_errors());
  return p;
}

// A data-science profile in plain words, as a person would write it.
const char* k_data_science_profile =
    "education: {level: bachelor, major: statistics}\n"
    "skills: [Python, machine learning, statistics, data analysis, SQL, data mining, deep learning, mathematics]\n";

bool no_english_in_zh(const Catalog& c) {
  for (const auto& r : c.roles)
    if (!r.name.zh.empty() || !r.definition.zh.empty()) return false;
  for (const auto& s : c.skills)
    if (!s.name.zh.empty()) return false;
  return true;
}

}  // namespace

TEST_CASE("the ESCO slice imports with concept URIs, English-only labels and the education ladder", "[import]") {
  auto a = import_esco((k_slices / "esco-1.2.0").string());
  CHECK(a.files == import_esco((k_slices / "esco-1.2.0").string()).files);
  CHECK(a.roles == 50);
  CHECK(a.diags.warning_count() == 0);
  auto c = load_files(as_files(a, "esco"));
  const auto* ds = c.role("esco-data-scientist");
  REQUIRE(ds);
  CHECK(ds->external_ids.at("esco").rfind("http://data.europa.eu/esco/occupation/", 0) == 0);
  CHECK(c.role(ds->external_ids.at("esco")) == ds);  // the URI is accepted as the role's id
  CHECK(ds->name.en == "data scientist");
  CHECK(ds->name.zh.empty());
  CHECK(ds->name.in(Lang::zh) == "data scientist (en)");
  CHECK(no_english_in_zh(c));
  CHECK(found(c.skill("esco-statistics")).external_ids.at("esco_label") == "statistics");
  REQUIRE(c.education.size() == 6);  // the built-in ladder's levels, 初中 (ISCED 2) to 博士
  CHECK(found(c.education_level("bachelor")).isced == "6");
  CHECK(c.find_education("初中") == c.education_level("junior-middle-school"));
  CHECK(c.find_education("本科") == c.education_level("bachelor"));

  // A profile with education works on the import alone (it failed with "known: ").
  auto p = profile_of(c, k_data_science_profile);
  CHECK(p.education == "bachelor");
  auto ranked = rank_roles(c, p, k_as_of, "", 10);
  REQUIRE_FALSE(ranked.empty());
}

TEST_CASE("the O*NET slice imports with SOC codes, Job Zone barriers and incomplete roles", "[import]") {
  auto a = import_onet((k_slices / "onet-29.2").string());
  CHECK(a.roles == 50);
  CHECK(a.incomplete == 4);  // 13-1199.00, 15-1299.00, 15-2099.00, 19-1029.00 ("All Other"): no skills in O*NET
  auto c = load_files(as_files(a, "onet"));
  const auto* ds = c.role("15-2051.00");
  REQUIRE(ds);
  CHECK(ds->id == "onet-data-scientists");
  CHECK(ds->external_ids.at("onet_soc") == "15-2051.00");
  CHECK(ds->barrier_level == "fairly-high");  // Job Zone 4
  CHECK_FALSE(ds->incomplete);
  CHECK(found(c.role("onet-accountants-and-auditors")).name.in(Lang::zh) == "Accountants and Auditors (en)");
  CHECK(no_english_in_zh(c));
  auto py =
      std::find_if(ds->skills.begin(), ds->skills.end(), [](const RoleSkill& s) { return s.skill == "onet-python"; });
  REQUIRE(py != ds->skills.end());
  CHECK(py->essential);
  CHECK(py->weight == 2.0);
  CHECK(found(c.skill("onet-python")).external_ids.at("onet_technology") == "Python");
  CHECK(found(c.skill("onet-programming")).external_ids.at("onet_element") == "2.B.3.e");
  CHECK_FALSE(found(c.skill(found(c.skill("onet-python")).parent)).external_ids.at("unspsc").empty());

  const auto* other = c.role("15-1299.00");
  REQUIRE(other);
  CHECK(other->incomplete);
  CHECK(other->skills.empty());
  auto p = profile_of(c, k_data_science_profile);
  for (const auto& m : rank_roles(c, p, k_as_of)) CHECK_FALSE(m.role->incomplete);
}

TEST_CASE("built-in and ESCO roles rank in one list for a plain-words data-science profile", "[import]") {
  auto esco = import_esco((k_slices / "esco-1.2.0").string());
  auto onet = import_onet((k_slices / "onet-29.2").string());
  auto c = merged({{&esco, "esco"}, {&onet, "onet"}});
  CHECK(c.education.size() == 6);  // the built-in ladder stands; the imports' are the same levels
  CHECK(found(c.education_level("bachelor")).isced == "6");
  auto p = profile_of(c, k_data_science_profile);
  CHECK(found(c.skill(p.skills.at(0).id)).id == "python");  // the built-in skill, as lookups go
  // One ranked list holds both: every imported role below ranks on skills the person
  // wrote in the built-in vocabulary, joined through catalog/crosswalk.yaml. (How high
  // they rank is the ranking's business, docs/quality.md; here: they rank on evidence.)
  auto ranked = rank_roles(c, p, k_as_of, "", 30);
  std::set<std::string> kinds;
  std::string top;
  for (const auto& m : ranked) {
    top += m.role->id + " ";
    auto kind = m.role->id.substr(0, 5);
    kinds.insert(kind == "esco-" || kind == "onet-" ? kind : "builtin");
    if (kind == "esco-" || kind == "onet-") CHECK_FALSE(m.matched.empty());
  }
  INFO("top 30: " << top);
  CHECK(kinds == std::set<std::string>{"builtin", "esco-", "onet-"});
  // The built-in statistics and python count as ESCO's and O*NET's.
  auto ds = match_role(c, p, *c.role("esco-data-scientist"), k_as_of);
  CHECK(std::count(ds.matched.begin(), ds.matched.end(), "esco-statistics") == 1);
  CHECK(std::count(ds.matched.begin(), ds.matched.end(), "esco-data-mining") == 1);
  auto od = match_role(c, p, *c.role("15-2051.00"), k_as_of);
  CHECK(std::count(od.matched.begin(), od.matched.end(), "onet-python") == 1);
  CHECK(std::count(od.matched.begin(), od.matched.end(), "onet-structured-query-language-sql") == 1);
}

TEST_CASE("gap and plan work for an ESCO role from a profile in the built-in vocabulary", "[import]") {
  auto esco = import_esco((k_slices / "esco-1.2.0").string());
  auto c = merged({{&esco, "esco"}});
  auto p = profile_of(c, "education: {level: master}\nskills: [python, statistics, data-mining]\n");
  const auto& role = *c.role("esco-data-scientist");
  auto m = match_role(c, p, role, k_as_of);
  CHECK(m.matched.size() >= 2);
  CHECK_FALSE(m.missing.empty());
  auto plan = plan_path(c, p, role, k_as_of);
  CHECK(plan.target == &role);
  REQUIRE_FALSE(plan.steps.empty());
  for (const auto& s : plan.steps)
    if (s.kind == "skill") CHECK(std::find(m.matched.begin(), m.matched.end(), s.id) == m.matched.end());
}

TEST_CASE("the crosswalk lists the built-in skills without an equal in ESCO or O*NET", "[import]") {
  Diagnostics d;
  auto c = load_catalog(builtin_catalog_files(), d);
  REQUIRE_FALSE(d.has_errors());
  std::vector<std::string> unmatched;
  for (const auto& s : c.skills)
    if (s.same_as.empty()) unmatched.push_back(s.id);
  std::string list;
  for (const auto& id : unmatched) list += id + " ";
  // Reviewers: these have no equal label in ESCO 1.2.0 or O*NET 29.2 (catalog/crosswalk.yaml).
  WARN(unmatched.size() << " of " << c.skills.size() << " built-in skills have no equal: " << list);
  CHECK(unmatched.size() < c.skills.size());
  CHECK(std::find(unmatched.begin(), unmatched.end(), "python") == unmatched.end());
  CHECK(std::find(unmatched.begin(), unmatched.end(), "prompt-engineering") != unmatched.end());
}

TEST_CASE("every crosswalk link names a skill of the full ESCO or O*NET import", "[.full-data]") {
  auto esco = import_esco((full_data() / "esco-1.2.0").string());
  auto onet = import_onet((full_data() / "onet-29.2").string());
  auto c = merged({{&esco, "esco"}, {&onet, "onet"}});
  std::set<std::string> known;
  for (const auto& s : c.skills)
    for (const auto& [scheme, value] : s.external_ids) known.insert(scheme + "=" + normalize_key(value));
  for (const auto& s : c.skills)
    for (const auto& ref : s.same_as) {
      INFO(s.id << " same_as " << ref.scheme << " " << ref.value);
      CHECK(known.count(ref.scheme + "=" + normalize_key(ref.value)));
    }
  auto p = profile_of(c, k_data_science_profile);
  auto ranked = rank_roles(c, p, k_as_of, "", 10);
  std::set<std::string> kinds;
  for (const auto& m : ranked) kinds.insert(m.role->id.substr(0, 5));
  CHECK(kinds.size() >= 2);
}

TEST_CASE("the full imports keep every external id, no English in zh, and flag incomplete roles", "[.full-data]") {
  auto esco = import_esco((full_data() / "esco-1.2.0").string());
  CHECK(esco.roles == 3039);
  auto ce = load_files(as_files(esco, "esco"));
  CHECK(no_english_in_zh(ce));
  for (const auto& r : ce.roles) CHECK(r.external_ids.count("esco") == 1);
  auto onet = import_onet((full_data() / "onet-29.2").string());
  CHECK(onet.roles == 1016);
  CHECK(onet.incomplete > 0);
  auto co = load_files(as_files(onet, "onet"));
  CHECK(no_english_in_zh(co));
  CHECK(co.role("15-2051.00"));
  size_t with_barrier = 0;
  for (const auto& r : co.roles) with_barrier += r.barrier_level.empty() ? 0 : 1;
  CHECK(with_barrier > 900);
}

TEST_CASE("a crosswalk entry naming an unknown skill or source is an error", "[import]") {
  Diagnostics d;
  load_catalog({InputFile{"x.yaml",
                          "sources:\n  - {id: s, title: S}\nskills:\n  - {id: a, name: A}\n"
                          "crosswalk:\n  - {skill: b, same_as: {esco_label: [B]}, sources: [s]}\n"
                          "  - {skill: a, same_as: {esco_label: [A]}, sources: [t]}\n"}},
               d);
  std::string all = all_diagnostics(d);
  CHECK(all.find("x.yaml:6:5: error: crosswalk names unknown skill 'b'") != std::string::npos);
  CHECK(all.find("x.yaml:7:5: error: crosswalk entry cites unknown source 't'") != std::string::npos);
}

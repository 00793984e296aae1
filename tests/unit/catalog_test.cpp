// The built-in catalogue: clean, complete, and with the ids DESIGN.md fixes.
#include <catch2/catch.hpp>

#include "support.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "advisor/catalog_loader.hpp"

using namespace advisor;
using advisor::testing::found;

namespace {

const Catalog& builtin() {
  static const Catalog c = [] {
    Diagnostics d;
    auto cat = load_catalog(builtin_catalog_files(), d);
    if (!d.items.empty()) {
      std::string all;
      for (const auto& x : d.items) all += format_diagnostic(x, Lang::en);
      FAIL("the built-in catalogue has diagnostics:\n" << all);
    }
    return cat;
  }();
  return c;
}

std::vector<std::string> level_ids(const Certificate& c) {
  std::vector<std::string> ids;
  for (const auto& l : c.levels) ids.push_back(l.id);
  return ids;
}

void check_sources(const Catalog& c, const std::vector<std::string>& ids, const std::string& what) {
  INFO(what);
  CHECK_FALSE(ids.empty());
  for (const auto& s : ids) {
    INFO("source " << s);
    CHECK(c.source(s) != nullptr);
  }
}

}  // namespace

TEST_CASE("the built-in catalogue validates with no errors and no warnings", "[core][catalog]") {
  Diagnostics d;
  load_catalog(builtin_catalog_files(), d);
  std::string all;
  for (const auto& x : d.items) all += format_diagnostic(x, Lang::en);
  CHECK(all == "");
  CHECK(d.error_count() == 0);
}

TEST_CASE("the built-in catalogue has the 45 roles of seed 003", "[core][catalog]") {
  const auto& c = builtin();
  CHECK(c.roles.size() == 45);
  std::set<std::string> ids;
  for (const auto& r : c.roles) ids.insert(r.id);
  CHECK(ids.size() == 45);
}

TEST_CASE("the built-in catalogue has the 10 categories DESIGN.md fixes, in order", "[core][catalog]") {
  const auto& c = builtin();
  std::vector<std::string> ids;
  for (const auto& k : c.categories) ids.push_back(k.id);
  CHECK(ids == std::vector<std::string>{"research-and-development", "data-engineering", "product", "operations",
                                        "content", "project-management", "marketing-and-sales", "brand", "design",
                                        "training-and-service"});
}

TEST_CASE("every category has roles and every role a known category", "[core][catalog]") {
  const auto& c = builtin();
  std::map<std::string, int> per;
  for (const auto& r : c.roles) {
    INFO(r.id);
    CHECK(c.category(r.category) != nullptr);
    ++per[r.category];
  }
  for (const auto& k : c.categories) {
    INFO(k.id);
    CHECK(per[k.id] > 0);
  }
}

TEST_CASE("certificate ids and level ids are exactly those scripts rely on", "[core][catalog]") {
  const auto& c = builtin();
  std::vector<std::string> ids;
  for (const auto& x : c.certificates) ids.push_back(x.id);
  std::sort(ids.begin(), ids.end());
  CHECK(ids == std::vector<std::string>{"ai-engineer", "aigc-application-engineer", "aigc-prompt-engineer", "caie",
                                        "caip", "genai-system-operator", "national-ai-engineering-technician",
                                        "national-ai-trainer"});
  // The national standard's five levels, lowest first (the ladder reads them in order).
  CHECK(level_ids(*c.certificate("national-ai-trainer")) ==
        std::vector<std::string>{"five", "four", "three", "two", "one"});
  CHECK(level_ids(*c.certificate("national-ai-engineering-technician")) ==
        std::vector<std::string>{"junior", "intermediate", "senior"});
  CHECK(level_ids(*c.certificate("genai-system-operator")) == std::vector<std::string>{"standard"});
  CHECK(level_ids(*c.certificate("aigc-application-engineer")) == std::vector<std::string>{"junior", "mid", "senior"});
  CHECK(level_ids(*c.certificate("caie")) == std::vector<std::string>{"level-1", "level-2"});
  // Single-level certificates have exactly one level.
  CHECK(level_ids(*c.certificate("aigc-prompt-engineer")) == std::vector<std::string>{"standard"});
  CHECK(level_ids(*c.certificate("ai-engineer")) == std::vector<std::string>{"standard"});
  CHECK(level_ids(*c.certificate("caip")) == std::vector<std::string>{"standard"});
}

TEST_CASE("every certificate carries verified_on", "[core][catalog]") {
  for (const auto& cert : builtin().certificates) {
    INFO(cert.id);
    CHECK(cert.verified_on.has_value());
  }
}

TEST_CASE("every role, category, certificate and claim cites a source that exists", "[core][catalog]") {
  const auto& c = builtin();
  for (const auto& r : c.roles) check_sources(c, r.sources, "role " + r.id);
  for (const auto& k : c.categories) check_sources(c, k.sources, "category " + k.id);
  for (const auto& x : c.certificates) {
    check_sources(c, x.sources, "certificate " + x.id);
    for (const auto& l : x.levels)
      if (!l.sources.empty()) check_sources(c, l.sources, "level " + x.id + "/" + l.id);
  }
  CHECK_FALSE(c.claims.empty());
  for (const auto& cl : c.claims) check_sources(c, cl.sources, "claim " + cl.id);
}

TEST_CASE("the seed sources are all present", "[core][catalog]") {
  const auto& c = builtin();
  for (const char* id : {"seed-000", "seed-001", "seed-002", "seed-003", "eol-2025-12-19"}) {
    INFO(id);
    CHECK(c.source(id) != nullptr);
  }
  CHECK(found(c.source("seed-003")).file == "003_814d3089eee01d31.txt");
}

TEST_CASE("the education ladder is ordered and answers to its Chinese names", "[core][catalog]") {
  const auto& c = builtin();
  std::vector<std::string> ids;
  for (const auto& e : c.education) ids.push_back(e.id);
  CHECK(ids == std::vector<std::string>{"junior-middle-school", "high-school", "associate", "bachelor", "master",
                                        "doctorate"});
  CHECK(found(c.find_education("初中")).id == "junior-middle-school");
  CHECK(found(c.find_education("初中毕业")).id == "junior-middle-school");
  CHECK(found(c.find_education("Junior high school")).id == "junior-middle-school");
  CHECK(found(c.education_level("junior-middle-school")).isced == "2");
  CHECK(found(c.find_education("高中")).id == "high-school");
  CHECK(found(c.find_education("中专")).id == "high-school");
  CHECK(found(c.find_education("大专")).id == "associate");
  CHECK(found(c.find_education("本科")).id == "bachelor");
  CHECK(found(c.find_education("硕士")).id == "master");
  CHECK(found(c.find_education("博士")).id == "doctorate");
}

TEST_CASE("aigc is a sub-domain of ai in the built-in catalogue", "[core][catalog]") {
  const auto& c = builtin();
  size_t ai = c.domain_by_id.at("ai"), aigc = c.domain_by_id.at("aigc");
  CHECK(Catalog::tree_distance(c.domain_parent, aigc, ai) == 1);
  CHECK(Catalog::tree_distance(c.domain_parent, ai, aigc) == -1);
}

TEST_CASE("pytorch sits under deep-learning-frameworks under deep-learning", "[core][catalog]") {
  const auto& c = builtin();
  size_t pt = c.skill_by_id.at("pytorch");
  CHECK(Catalog::tree_distance(c.skill_parent, pt, c.skill_by_id.at("deep-learning-frameworks")) == 1);
  CHECK(Catalog::tree_distance(c.skill_parent, pt, c.skill_by_id.at("deep-learning")) == 2);
}

TEST_CASE("the catalogue's scoring is the one catalog/catalog.yaml states", "[core][catalog]") {
  const auto& s = builtin().scoring;
  // Role terms (issue 15): the new `use` term takes weight from essential, optional and barrier.
  CHECK(s.w_essential == Approx(0.35));
  CHECK(s.w_optional == Approx(0.05));
  CHECK(s.w_use == Approx(0.20));
  CHECK(s.w_experience == Approx(0.15));
  CHECK(s.w_barrier == Approx(0.10));
  CHECK(s.w_goals == Approx(0.15));
  CHECK(s.w_essential + s.w_optional + s.w_use + s.w_experience + s.w_barrier + s.w_goals == Approx(1.0));
  CHECK(s.partial_credit == Approx(0.5));
  CHECK(s.experience_saturation_years == Approx(3));
  CHECK(s.barrier_penalty.at("unstated") == Approx(0.5));
  // Years of work that imply a skill: 0.34 a year, in full after three years.
  CHECK(s.inferred_per_year == Approx(0.34));
  CHECK(s.inferred_cap == Approx(1.0));
  CHECK(s.up_credit == Approx(1.0));
  CHECK(s.title_credit == Approx(1.0));
  CHECK(s.held_syllabus_credit == Approx(0.5));
  CHECK(s.transversal_weight == Approx(0.5));
  CHECK(s.fit_strong == Approx(0.6));
  CHECK(s.fit_good == Approx(0.45));
  CHECK(s.fit_partial == Approx(0.3));
  CHECK(s.c_covers == Approx(0.5));
  CHECK(s.c_related == Approx(0.3));
  CHECK(s.c_suits == Approx(0.2));
  CHECK(s.certificate_floor == Approx(0.2));
  // The struct's defaults are the built-in catalogue's, so an imported catalogue scores alike.
  const Scoring d;
  CHECK(s.w_essential == d.w_essential);
  CHECK(s.w_optional == d.w_optional);
  CHECK(s.w_use == d.w_use);
  CHECK(s.w_experience == d.w_experience);
  CHECK(s.w_barrier == d.w_barrier);
  CHECK(s.w_goals == d.w_goals);
  CHECK(s.certificate_floor == d.certificate_floor);
  CHECK(s.inferred_per_year == d.inferred_per_year);
  CHECK(s.inferred_cap == d.inferred_cap);
  CHECK(s.up_credit == d.up_credit);
  CHECK(s.title_credit == d.title_credit);
  CHECK(s.held_syllabus_credit == d.held_syllabus_credit);
  CHECK(s.transversal_weight == d.transversal_weight);
  CHECK(s.fit_strong == d.fit_strong);
  CHECK(s.fit_good == d.fit_good);
  CHECK(s.fit_partial == d.fit_partial);
}

TEST_CASE("caip states its sittings and study hours", "[core][catalog]") {
  const auto& caip = *builtin().certificate("caip");
  CHECK(caip.sittings == std::vector<int>{1, 3, 5, 7, 9, 11});
  REQUIRE(caip.study_hours);
  CHECK(*caip.study_hours == 35);
}

TEST_CASE("CAIE's experience condition is only recommended, never required", "[core][catalog]") {
  for (const auto& l : found(builtin().certificate("caie")).levels) {
    INFO(l.id);
    CHECK_FALSE(l.requires_rule.has_value());
    CHECK(l.recommended.has_value());
  }
}

TEST_CASE("indexing a catalogue afresh takes the tree parents from the ids", "[core][catalog]") {
  // A snapshot read back (catalog_cache) is indexed without validation: its skill,
  // domain and major trees must come back whole.
  Catalog c = builtin();
  auto skills = c.skill_parent, domains = c.domain_parent, majors = c.major_parent;
  c.skill_parent.clear();
  c.domain_parent.clear();
  c.major_parent.clear();
  c.index();
  CHECK(c.skill_parent == skills);
  CHECK(c.domain_parent == domains);
  CHECK(c.major_parent == majors);
  CHECK(Catalog::tree_distance(c.skill_parent, c.skill_by_id.at("pytorch"), c.skill_by_id.at("deep-learning")) == 2);
}

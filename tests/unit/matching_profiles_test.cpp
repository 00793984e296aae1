// The example profiles in profiles/ against the built-in catalogue: the best roles
// must be the ones a career adviser would name for that person.
#include <catch2/catch.hpp>

#include "support.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <set>

#include "advisor/catalog_loader.hpp"
#include "advisor/matching.hpp"
#include "advisor/planning.hpp"
#include "advisor/profile_loader.hpp"

using namespace advisor;
using advisor::testing::builtin;
using advisor::testing::k_as_of;

namespace {

Profile example(const std::string& name) {
  auto f = read_input_file(std::string(ADVISOR_SOURCE_DIR) + "/profiles/" + name + ".yaml");
  Diagnostics d;
  auto p = load_profile(f, builtin(), k_as_of, d);
  REQUIRE_FALSE(d.has_errors());
  return p;
}

std::vector<RoleMatch> top(const std::string& name, size_t n) {
  auto all = rank_roles(builtin(), example(name), k_as_of);
  all.resize(std::min(n, all.size()));
  return all;
}

std::vector<std::string> ids(const std::vector<RoleMatch>& ms) {
  std::vector<std::string> out;
  for (const auto& m : ms) out.push_back(m.role->id);
  return out;
}

bool contains(const std::vector<std::string>& v, const std::string& x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

/// Prints the ranking when a check fails, so the reason is on screen.
std::string describe(const std::vector<RoleMatch>& ms) {
  std::string s;
  for (const auto& m : ms) {
    s += m.role->id + " (" + m.role->category + ") " + std::to_string(m.score) + ":";
    for (const auto& t : m.terms) s += " " + t.id + "=" + std::to_string(t.value);
    s += "\n";
  }
  return s;
}

}  // namespace

TEST_CASE("a designer is pointed at design roles first", "[core][matching][profiles]") {
  // Ten years of graphic and UI design, Photoshop/Illustrator/Sketch and Midjourney:
  // every AI design role builds on exactly that, and the design barrier is moderate.
  auto t = top("designer", 5);
  INFO(describe(t));
  for (const auto& m : t) CHECK(m.role->category == "design");
  CHECK(contains(ids(t), "ai-designer"));
  CHECK(contains(ids(t), "ai-visual-designer"));
}

TEST_CASE("a data analyst is pointed at data-engineering roles first", "[core][matching][profiles]") {
  // SQL, Python, Tableau, statistics and seven years of data work: AI data analyst
  // and data scientist are the natural next steps, and both are the person's goals.
  auto t = top("data-analyst", 2);
  INFO(describe(t));
  CHECK(ids(t) == std::vector<std::string>{"ai-data-analyst", "data-scientist"});
  for (const auto& m : t) CHECK(m.role->category == "data-engineering");
}

TEST_CASE("a teacher is pointed at AI education and training roles", "[core][matching][profiles]") {
  // Sixteen years of teaching with communication and presentation skills: the
  // training-and-service roles that teach AI (mentor, corporate trainer) fit best.
  auto t = top("teacher", 3);
  INFO(describe(t));
  for (const auto& m : t) CHECK(m.role->category == "training-and-service");
  CHECK(contains(ids(t), "ai-education-mentor"));
  CHECK(contains(ids(t), "ai-corporate-trainer"));
}

TEST_CASE("a marketer is pointed at marketing, sales and brand roles", "[core][matching][profiles]") {
  // Nine years of marketing and brand work with market analysis and brand planning:
  // the seed says AI marketing/sales and brand roles suit a marketing background.
  auto t = top("marketer", 5);
  INFO(describe(t));
  for (const auto& m : t) CHECK((m.role->category == "marketing-and-sales" || m.role->category == "brand"));
}

TEST_CASE("a computer-science graduate is pointed at R&D roles", "[core][matching][profiles]") {
  // A CS master's with Python, PyTorch, machine and deep learning and model
  // deployment: machine-learning and deep-learning engineering are the obvious fits.
  auto t = top("cs-graduate", 3);
  INFO(describe(t));
  CHECK(t[0].role->category == "research-and-development");
  CHECK(t[1].role->category == "research-and-development");
  CHECK(contains(ids(t), "machine-learning-engineer"));
  CHECK(contains(ids(t), "deep-learning-engineer"));
}

TEST_CASE("an IT manager is pointed at project management, solution architecture and product",
          "[core][matching][profiles]") {
  // Ten years leading IT projects, system integration and architecture design: AI
  // project management first, and the solution architect his persona aims at.
  auto t = top("it-manager", 3);
  INFO(describe(t));
  CHECK(t[0].role->id == "ai-project-manager");
  CHECK(contains(ids(t), "ai-solution-architect"));
  for (const auto& m : t) CHECK((m.role->category == "project-management" || m.role->category == "product"));
}

TEST_CASE("an AIGC content operator is pointed at AI operations and her goal roles", "[core][matching][profiles]") {
  // Five years of new-media operations and an AIGC content job: AI product operations
  // uses exactly those skills and leads. Her years count toward a role only as far as
  // they show its core skills, and communication (transversal) counts half, so AI
  // community operations (she lacks community management, its core) no longer outranks
  // AI content creation, her goal role in a goal category; both follow, and prompt
  // engineering, her other goal, is in the five.
  auto t = top("aigc-operator", 5);
  INFO(describe(t));
  REQUIRE(t.size() == 5);
  CHECK(t[0].role->category == "operations");
  CHECK(t[0].role->id == "ai-product-operations");
  auto top3 = ids(std::vector<RoleMatch>(t.begin(), t.begin() + 3));
  CHECK(contains(top3, "ai-community-operator"));
  CHECK(contains(top3, "ai-content-creator"));
  for (size_t i = 0; i < 3; ++i) CHECK((t[i].role->category == "operations" || t[i].role->category == "content"));
  CHECK(contains(ids(t), "prompt-engineer"));
  CHECK(contains(ids(t), "ai-content-creator"));
}

TEST_CASE("the AIGC operator can sit the junior level now and the mid level from July 2027",
          "[core][matching][profiles]") {
  auto p = example("aigc-operator");
  auto certs = rank_certificates(builtin(), p, k_as_of, rank_roles(builtin(), p, k_as_of));
  auto it = std::find_if(certs.begin(), certs.end(),
                         [](const auto& s) { return s.certificate->id == "aigc-application-engineer"; });
  REQUIRE(it != certs.end());
  CHECK(it->suggested.level->id == "junior");
  CHECK(it->suggested.status == Outcome::eligible);
  REQUIRE(it->next_step);
  CHECK(it->next_step->level->id == "mid");
  CHECK(it->next_step->earliest_date == Date{2027, 7, 1});
}

TEST_CASE("the teacher's CAIP needs 15 more study hours and no date is promised", "[core][matching][profiles]") {
  auto p = example("teacher");
  auto certs = rank_certificates(builtin(), p, k_as_of, rank_roles(builtin(), p, k_as_of));
  auto it = std::find_if(certs.begin(), certs.end(), [](const auto& s) { return s.certificate->id == "caip"; });
  REQUIRE(it != certs.end());
  CHECK(it->suggested.status == Outcome::not_eligible);
  CHECK_FALSE(it->suggested.earliest_date);
  // Related to both of the teacher's goal roles.
  CHECK(it->score >= 0.4);
}

TEST_CASE("the IT manager's missing education makes ai-engineer unknown, not a fail", "[core][matching][profiles]") {
  auto p = example("it-manager");
  auto certs = rank_certificates(builtin(), p, k_as_of, rank_roles(builtin(), p, k_as_of));
  auto it = std::find_if(certs.begin(), certs.end(), [](const auto& s) { return s.certificate->id == "ai-engineer"; });
  REQUIRE(it != certs.end());
  CHECK(it->suggested.status == Outcome::unknown);
  CHECK(it->suggested.missing_fields == std::vector<std::string>{"education"});
}

TEST_CASE("of two certificates teaching a role's gap alike, plan takes the one recommend names first",
          "[plan][profiles]") {
  // The data analyst misses Machine learning alone; the AI Engineer certificate and
  // CAIE Level I both teach it. recommend says to sit CAIE Level I first; the plan to
  // the same role used to take the AI Engineer certificate, first in the catalogue.
  auto p = example("data-analyst");
  auto rec = recommend(builtin(), p, k_as_of);
  const NextAction* first = nullptr;
  for (const auto& a : rec.next_actions)
    if (a.kind == "certificate" && !first) first = &a;
  REQUIRE(first);
  CHECK(first->id == "caie");
  const auto* role = builtin().role("ai-data-analyst");
  REQUIRE(role);
  auto plan = plan_path(builtin(), p, *role, k_as_of);
  std::vector<std::string> certs;
  for (const auto& s : plan.steps)
    if (s.kind == "certificate") certs.push_back(s.id);
  INFO(fmt::format("plan's certificates: {}", fmt::join(certs, ", ")));
  CHECK(contains(certs, first->id));
  CHECK_FALSE(contains(certs, "ai-engineer"));
  // The preference is recommend's list, by certificate.
  auto place = certificate_preference(builtin(), p, k_as_of);
  REQUIRE(place.size() == builtin().certificates.size());
  CHECK(place[builtin().certificate_by_id.at("caie")] < place[builtin().certificate_by_id.at("ai-engineer")]);
}

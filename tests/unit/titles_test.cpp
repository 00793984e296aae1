// What a job title says of a person: the catalogue's roles it names (数据标注员) show the
// role's core skills by the year, and a job written without domains counts, for advice,
// toward the domains its title names (幼儿园老师: education). Eligibility never reads a
// title. Each expectation was written before the code that makes it hold.
#include <catch2/catch.hpp>

#include "support.hpp"

#include <algorithm>
#include <string>

#include "advisor/matching.hpp"
#include "advisor/rules.hpp"
#include "advisor/title_words.hpp"

using namespace advisor;
using advisor::testing::builtin;
using advisor::testing::k_as_of;
using advisor::testing::profile_of;

namespace {

const PartialMatch* proven(const RoleMatch& m, const std::string& skill) {
  for (const auto& pm : m.proven)
    if (pm.required == skill) return &pm;
  return nullptr;
}

const PartialMatch* partial(const RoleMatch& m, const std::string& skill) {
  for (const auto& pm : m.partial)
    if (pm.required == skill) return &pm;
  return nullptr;
}

std::string job(const std::string& title, const std::string& start, const std::string& domains = "") {
  return "name: T\nage: 30\nexperience:\n  - {title: \"" + title + "\", start: " + start +
         (domains.empty() ? "" : ", domains: [" + domains + "]") + "}\n";
}

}  // namespace

TEST_CASE("roles_named_in finds a role's name or alias in a title, Latin words whole", "[titles]") {
  const auto& c = builtin();
  auto ids = [&](const std::string& title) {
    std::string out;
    for (size_t r : roles_named_in(c, title)) out += c.roles[r].id + " ";
    return out;
  };
  CHECK(ids("图像标注员（自动驾驶数据）") == "ai-data-annotator ");
  CHECK(ids("Senior NLP engineer") == "nlp-engineer ");
  CHECK(ids("高中英语教师").empty());
  // "AI PM" is an alias of the AI product manager: not found inside "AI PMO".
  CHECK(ids("AI PMO lead").empty());
  CHECK(ids("").empty());
}

TEST_CASE("a title naming a role shows the role's core skills by the year, from the title", "[titles]") {
  const auto& c = builtin();
  const auto* annotator = c.role("ai-data-annotator");
  REQUIRE(annotator != nullptr);
  // Three and a half years as 数据标注员: data annotation in full (0.34 a year, full at 3).
  auto m = match_role(c, profile_of(job("数据标注员", "2023-05")), *annotator, k_as_of);
  const auto* shown = proven(m, "data-annotation");
  REQUIRE(shown != nullptr);
  CHECK(shown->evidence == Evidence::title);
  CHECK(std::find(m.evidence.begin(), m.evidence.end(), "skills") != m.evidence.end());
  // Four months as a "data labeller" (the role's alias; no skill word in it, unlike
  // 数据标注员, which names the skill 数据标注 and shows it in full): in part only.
  auto short_job = match_role(c, profile_of(job("Data labeller", "2026-07")), *annotator, k_as_of);
  CHECK(proven(short_job, "data-annotation") == nullptr);
  const auto* some = partial(short_job, "data-annotation");
  REQUIRE(some != nullptr);
  CHECK(some->credit < 0.5);
  // Transversal skills are never credited from a role's name.
  for (const auto& pm : m.proven) {
    const auto* s = c.skill(pm.required);
    REQUIRE(s != nullptr);
    CHECK_FALSE(s->transversal);
  }
}

TEST_CASE("a job without domains counts toward the domains its title names, for advice only", "[titles]") {
  const auto& c = builtin();
  const auto* tutor = c.role("ai-education-mentor");
  REQUIRE(tutor != nullptr);
  // 幼儿园老师 for ten years, no domains: education work, which implies teaching.
  auto m = match_role(c, profile_of(job("幼儿园老师", "2016-09")), *tutor, k_as_of);
  const auto* teaching = proven(m, "teaching");
  REQUIRE(teaching != nullptr);
  CHECK(teaching->evidence == Evidence::work);
  CHECK(teaching->inferred_domain == "education");
  // The domains the person wrote are theirs: a teacher's title under `domains: [sales]`
  // adds no education work.
  auto written = match_role(c, profile_of(job("幼儿园老师", "2016-09", "sales")), *tutor, k_as_of);
  CHECK(proven(written, "teaching") == nullptr);
  CHECK(partial(written, "teaching") == nullptr);
}

TEST_CASE("eligibility never reads a title's domains", "[titles][rules]") {
  // AIGC Intermediate asks for a year of AIGC work (or the Junior certificate). Three years
  // as "AIGC内容运营" written without domains are advice's guess, not a rule's fact.
  const auto& c = builtin();
  const auto* cert = c.certificate("aigc-application-engineer");
  REQUIRE(cert != nullptr);
  int mid = cert->level_index("mid");
  REQUIRE(mid >= 0);
  auto guessed = profile_of(job("AIGC内容运营", "2023-01"));
  auto r = check_level(*cert, cert->levels[static_cast<size_t>(mid)], EvalContext{c, guessed, k_as_of});
  CHECK(r.status == Outcome::not_eligible);
  auto written = profile_of(job("AIGC内容运营", "2023-01", "aigc"));
  auto w = check_level(*cert, cert->levels[static_cast<size_t>(mid)], EvalContext{c, written, k_as_of});
  CHECK(w.status == Outcome::eligible);
  // And recommend agrees with check: the suggested level is not Intermediate for the guess.
  auto rec = recommend(c, guessed, k_as_of);
  for (const auto& s : rec.certificates)
    if (s.certificate->id == "aigc-application-engineer") {
      REQUIRE(s.suggested.level != nullptr);
      CHECK(s.suggested.level->id == "junior");
    }
}

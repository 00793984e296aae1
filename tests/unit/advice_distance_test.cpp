// Certificate advice weighs how far a syllabus is from the person, never counts the
// syllabus of a level the person holds as taught again, and the closest roles of a
// person without evidence are the ones whose essential skills they show most.
// Each expectation was written before the change that makes it hold, with its reason.
#include <catch2/catch.hpp>

#include "support.hpp"

#include <algorithm>
#include <string>

#include "advisor/matching.hpp"

using namespace advisor;
using advisor::testing::builtin;
using advisor::testing::k_as_of;
using advisor::testing::profile_of;

namespace {

const CertificateSuggestion* find(const Recommendation& r, const std::string& id) {
  for (const auto& s : r.certificates)
    if (s.certificate->id == id) return &s;
  return nullptr;
}

double term(const CertificateSuggestion& s, const std::string& id) {
  for (const auto& t : s.terms)
    if (t.id == id) return t.value;
  return -1;
}

std::string shown(const Recommendation& r) {
  std::string out;
  for (const auto& s : r.certificates)
    out += s.certificate->id + "/" + (s.suggested.level ? s.suggested.level->id : "") + " " + std::to_string(s.score) +
           (s.below_floor ? " (below floor)\n" : "\n");
  return out;
}

}  // namespace

TEST_CASE("a call-centre agent is not sent to an engineering syllabus for knowledge of AI products",
          "[advice][certificates]") {
  // Seven years of customer service; what the AI customer support agent adds is knowledge
  // of AI products. The AI Engineer certificate names AI (the parent of that skill) among
  // machine learning, deep learning, NLP, computer vision, programming and case analysis:
  // one of seven skills near her, so its coverage counts a seventh and it is not advice.
  auto p = profile_of(
      "name: A\nage: 30\neducation: {level: associate}\n"
      "experience:\n  - {title: 呼叫中心客服, domains: [customer-service], start: 2019-03}\n"
      "skills: [沟通能力, 耐心]\n");
  auto r = recommend(builtin(), p, k_as_of);
  INFO(shown(r));
  const auto* ai = find(r, "ai-engineer");
  REQUIRE(ai != nullptr);
  CHECK(ai->below_floor);
  CHECK(term(*ai, "covers") < 0.1);
  CHECK_FALSE(std::any_of(r.certificates.begin(), r.certificates.end(), [](const CertificateSuggestion& s) {
    return !s.below_floor && s.certificate->id == "ai-engineer";
  }));
}

TEST_CASE("a syllabus near the person keeps most of its coverage", "[advice][certificates]") {
  // A Python programmer who knows deep learning and aims at the machine-learning engineer:
  // of the AI Engineer certificate's seven syllabus skills she knows four (AI and machine
  // learning, which deep learning proves; deep learning; programming, which Python
  // proves); NLP, computer vision and case analysis are far. It stays advice.
  auto p = profile_of(
      "name: B\nage: 24\neducation: {level: bachelor, major: computer-science}\n"
      "skills: [Python, 深度学习]\ngoals: {roles: [machine-learning-engineer]}\n");
  auto r = recommend(builtin(), p, k_as_of);
  INFO(shown(r));
  const auto* ai = find(r, "ai-engineer");
  REQUIRE(ai != nullptr);
  CHECK_FALSE(ai->below_floor);
  auto covers = std::find_if(ai->terms.begin(), ai->terms.end(), [](const ScoreTerm& t) { return t.id == "covers"; });
  REQUIRE(covers != ai->terms.end());
  CHECK_THAT(covers->detail.en, Catch::Matchers::Contains("4 of 7 skills you know or need"));
}

TEST_CASE("a level held already is not counted as taught again by the next one", "[advice][certificates]") {
  // Holds 人工智能训练师 Level 3, whose syllabus (after the assessment-element tables)
  // has model training and evaluation; Level 2 has no syllabus of its own in any source.
  // Suggesting Level 2 must not claim it teaches model training.
  auto p = profile_of(
      "name: C\nbirth_date: 2004-10-12\n"
      "education: {level: high-school, school: technician-college, class: senior-worker, major: 人工智能技术应用}\n"
      "experience:\n  - {title: AI数据标注与训练专员, domains: [ai, data], start: 2024-08-01}\n"
      "certificates:\n  - {id: national-ai-trainer, level: three, date: 2024-06-20}\n"
      "skills: [数据标注, Python]\ngoals: {roles: [ai-trainer]}\n");
  auto r = recommend(builtin(), p, k_as_of);
  INFO(shown(r));
  const auto* trainer = find(r, "national-ai-trainer");
  REQUIRE(trainer != nullptr);
  REQUIRE(trainer->suggested.level != nullptr);
  CHECK(trainer->suggested.level->id != "three");
  CHECK(std::find(trainer->covers.begin(), trainer->covers.end(), "model-training") == trainer->covers.end());
  CHECK(std::find(trainer->covers.begin(), trainer->covers.end(), "model-evaluation") == trainer->covers.end());
}

TEST_CASE("the closest roles of a person without evidence are those whose essentials they show most",
          "[advice][roles]") {
  // A warehouse supervisor: coordination (transversal) and team management, which shows
  // leadership in part. The AI start-up founder asks for leadership and entrepreneurship
  // only; what the supervisor shows most of is the project roles' coordination. Founding
  // a company is not the closest route for him.
  auto p = profile_of(
      "name: D\nage: 38\neducation: {level: associate}\n"
      "experience:\n  - {title: 仓库主管, domains: [management, e-commerce], start: 2012-09}\n"
      "skills: [Excel, 物流管理, 团队管理, 组织协调能力]\n");
  auto r = recommend(builtin(), p, k_as_of);
  REQUIRE(r.roles.empty());
  REQUIRE_FALSE(r.closest.empty());
  std::string ids;
  for (const auto& m : r.closest) ids += m.role->id + " ";
  INFO(ids);
  CHECK(r.closest.front().role->id != "ai-startup-founder");
  CHECK((r.closest.front().role->id == "ai-project-manager" || r.closest.front().role->id == "ai-project-assistant"));
}

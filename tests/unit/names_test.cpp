// What people call things: ids, names and aliases resolved everywhere, skill search,
// "did you mean" that suggests only close matches, degrees in progress, and the
// registration facts of certificates.
#include <catch2/catch.hpp>

#include "support.hpp"

#include "advisor/catalog_loader.hpp"
#include "advisor/profile_loader.hpp"
#include "advisor/rules.hpp"

using namespace advisor;
using advisor::testing::builtin;
using advisor::testing::k_as_of;
using advisor::testing::printed;

namespace {

std::vector<std::string> ids(const Catalog& c, ItemKind kind, const std::vector<size_t>& found) {
  std::vector<std::string> out;
  for (auto i : found) out.push_back(c.item_id(kind, i));
  return out;
}

std::vector<std::string> resolved(ItemKind kind, const std::string& text) {
  return ids(builtin(), kind, builtin().resolve(kind, text));
}

/// Two roles that share a Chinese name, to make a name ambiguous.
const Catalog& twins() {
  static const Catalog c = [] {
    Diagnostics d;
    auto cat = load_catalog({InputFile{"twins.yaml", R"(sources:
  - {id: s, title: Source}
domains:
  - {id: ai, name: {zh: 人工智能, en: AI}}
categories:
  - {id: product, name: {zh: 产品类, en: Product}, transition: {zh: 转, en: move}, domains: [ai], source: s}
roles:
  - {id: pm-a, name: {zh: 产品经理, en: Product manager A}, category: product, definition: {zh: 甲, en: A}, source: s}
  - {id: pm-b, name: {zh: 产品经理, en: Product manager B}, category: product, definition: {zh: 乙, en: B}, source: s}
)"}},
                            d);
    REQUIRE(printed(d) == "");
    return cat;
  }();
  return c;
}

Profile profile_of(const std::string& yaml, Diagnostics& d) {
  return load_profile(InputFile{"me.yaml", yaml}, builtin(), k_as_of, d);
}

}  // namespace

TEST_CASE("an id resolves in any case or width, and so do the zh and en names", "[core][names]") {
  CHECK(resolved(ItemKind::certificate, "CAIP") == std::vector<std::string>{"caip"});
  CHECK(resolved(ItemKind::certificate, "ＣＡＩＥ") == std::vector<std::string>{"caie"});
  CHECK(resolved(ItemKind::role, "AI产品经理") == std::vector<std::string>{"ai-product-manager"});
  CHECK(resolved(ItemKind::category, "设计类") == std::vector<std::string>{"design"});
  CHECK(resolved(ItemKind::category, "Design") == std::vector<std::string>{"design"});
  CHECK(resolved(ItemKind::skill, "提示词") == std::vector<std::string>{"prompt-engineering"});
  CHECK(resolved(ItemKind::role, "no such role").empty());
}

TEST_CASE("a name that fits several items returns them all, for the caller to list", "[core][names]") {
  const auto& c = twins();
  CHECK(ids(c, ItemKind::role, c.resolve(ItemKind::role, "产品经理")) == std::vector<std::string>{"pm-a", "pm-b"});
  CHECK(ids(c, ItemKind::role, c.resolve(ItemKind::role, "Product manager B")) == std::vector<std::string>{"pm-b"});
}

TEST_CASE("did you mean suggests a misspelling, never another word", "[core][names]") {
  const auto& c = builtin();
  CHECK(c.suggest(ItemKind::skill, "pytroch") == "pytorch");
  CHECK(c.suggest(ItemKind::role, "ai-solution-architec") == "ai-solution-architect");
  // One letter of three changed is another language, not a typo.
  CHECK(c.suggest(ItemKind::skill, "C语言") != "r");
  CHECK(c.suggest(ItemKind::skill, "办公软件") != "3d-design-software");
  CHECK(c.suggest(ItemKind::skill, "团队管理") != "content-operations");
  CHECK(c.suggest(ItemKind::skill, "qwertyuiop") == "");
}

TEST_CASE("did you mean offers a word that contains the one typed, when it is long enough", "[core][names]") {
  const auto& c = builtin();
  // "deep learning" is inside "deep learning frameworks" (and is itself a skill, so
  // resolve finds it first); a longer fragment that names nothing exactly:
  auto g = c.suggest(ItemKind::skill, "learning framework");
  CHECK(g == "deep-learning-frameworks");
  CHECK(c.suggest(ItemKind::skill, "ab") == "");
}

TEST_CASE("skill search matches part of an id, a name or an alias, in any case or width", "[core][names]") {
  const auto& c = builtin();
  auto found = ids(c, ItemKind::skill, c.search_skills("PYTHON"));
  CHECK(std::find(found.begin(), found.end(), "python") != found.end());
  auto zh = ids(c, ItemKind::skill, c.search_skills("提示"));
  CHECK(std::find(zh.begin(), zh.end(), "prompt-engineering") != zh.end());
  CHECK(std::is_sorted(found.begin(), found.end()));
  CHECK(c.search_skills("zzzzzz").empty());
  CHECK(c.search_skills("").empty());
}

TEST_CASE("goals take names, and a bad goal is reported at its own item", "[core][names][profile]") {
  Diagnostics d;
  auto p = profile_of("goals:\n  roles: [AI产品经理]\n  categories: [设计类, Operations]\n", d);
  CHECK(printed(d) == "");
  CHECK(p.goal_roles == std::vector<std::string>{"ai-product-manager"});
  CHECK(p.goal_categories == std::vector<std::string>{"design", "operations"});

  Diagnostics bad;
  profile_of("goals:\n  roles: [ai-product-manager, ai-solution-architec]\n", bad);
  REQUIRE(bad.items.size() == 1);
  CHECK(bad.items[0].line == 2);
  CHECK(bad.items[0].column == 31);  // the second item, not the '['
  CHECK(bad.items[0].message.en == "unknown role 'ai-solution-architec' (did you mean 'ai-solution-architect'?)");
}

TEST_CASE("a suggestion is only computed when the message will be shown", "[core][names][profile]") {
  Diagnostics shown, quiet;
  quiet.suggestions = false;
  profile_of("skills: [pytroch]\n", shown);
  profile_of("skills: [pytroch]\n", quiet);
  REQUIRE(shown.items.size() == 1);
  REQUIRE(quiet.items.size() == 1);
  CHECK(shown.items[0].message.en ==
        "unknown skill 'pytroch' (did you mean 'pytorch': PyTorch?); kept, but it matches no role");
  CHECK(quiet.items[0].message.en == "unknown skill 'pytroch'; kept, but it matches no role");
}

TEST_CASE("a degree in progress is held from its expected date on", "[core][names][rules]") {
  Diagnostics d;
  auto p = profile_of("age: 20\neducation: {level: associate, status: in_progress, expected: 2027-07}\n", d);
  REQUIRE(printed(d) == "");
  CHECK(p.education_in_progress);
  const auto& cert = *builtin().certificate("ai-engineer");
  auto r = check_level(cert, cert.levels[0], EvalContext{builtin(), p, k_as_of});
  CHECK(r.status == Outcome::not_eligible);
  REQUIRE(r.earliest_date);
  CHECK(r.earliest_date->str() == "2027-07-01");
  REQUIRE(!r.changes.empty());
  CHECK(r.changes[0].text.en == "finish your associate degree (expected 2027-07-01)");
  // On the expected date it counts.
  auto later = check_level(cert, cert.levels[0], EvalContext{builtin(), p, Date{2027, 7, 1}});
  CHECK(later.status == Outcome::eligible);
}

TEST_CASE("a degree in progress needs its expected date, and only then", "[core][names][profile]") {
  Diagnostics a;
  profile_of("education: {level: associate, status: in_progress}\n", a);
  CHECK(a.error_count() == 1);
  Diagnostics b;
  profile_of("education: {level: associate, expected: 2027-07}\n", b);
  CHECK(b.error_count() == 1);
  Diagnostics c;
  profile_of("education: {level: associate, status: studying, expected: 2027-07}\n", c);
  CHECK(printed(c).find("unknown education status 'studying'") != std::string::npos);
}

TEST_CASE("registration facts are loaded with their sources, and an uncited one is an error",
          "[core][names][catalog]") {
  const auto* caip = builtin().certificate("caip");
  REQUIRE(caip);
  const auto* sittings = caip->registration_fact("sittings");
  REQUIRE(sittings);
  CHECK(sittings->sources == std::vector<std::string>{"seed-001"});
  CHECK(caip->registration_fact("site") == nullptr);  // no source states one

  Diagnostics d;
  load_catalog({InputFile{"reg.yaml", R"(sources:
  - {id: s, title: Source}
certificates:
  - id: c
    name: {zh: 证, en: Cert}
    verified_on: 2025-01-01
    registration:
      fee: {text: {zh: 100 元, en: CNY 100}}
    levels: [{id: one, name: {zh: 一, en: One}}]
    source: s
)"}},
               d);
  CHECK(printed(d).find("registration fact names no source: every fact must cite one") != std::string::npos);
}

TEST_CASE("roles, categories and certificates answer to the names people use", "[names]") {
  const auto& c = builtin();
  auto one = [&](ItemKind kind, const std::string& text) {
    auto found = c.resolve(kind, text);
    REQUIRE(found.size() == 1);
    return c.item_id(kind, found[0]);
  };
  CHECK(one(ItemKind::role, "提示词工程师") == "prompt-engineer");
  CHECK(one(ItemKind::role, "AI训练师") == "ai-trainer");
  CHECK(one(ItemKind::role, "人工智能训练师") == "ai-trainer");
  CHECK(one(ItemKind::role, "数据标注员") == "ai-data-annotator");
  CHECK(one(ItemKind::category, "运营") == "operations");
  CHECK(one(ItemKind::category, "运营类") == "operations");
  CHECK(one(ItemKind::certificate, "人工智能训练师") == "national-ai-trainer");
  const auto* cert = c.certificate("national-ai-trainer");
  REQUIRE(cert);
  CHECK(cert->find_level("四级") == 1);
  CHECK(cert->find_level("Level 4") == 1);
  CHECK(cert->find_level("高级技师") == 4);
  CHECK(cert->find_level("六级") == -1);
}

// The built-in vocabulary: the words people put on CVs resolve to skills and majors,
// those sit where they count in the trees, and every one of them cites a source.
#include <catch2/catch.hpp>

#include <set>

#include "support.hpp"

#include "advisor/catalog_loader.hpp"
#include "advisor/profile_loader.hpp"
#include "advisor/rules.hpp"

using namespace advisor;
using advisor::testing::builtin;
using advisor::testing::found;
using advisor::testing::k_as_of;

namespace {

/// The ids from `id` up to the root of the skill tree, `id` first.
std::vector<std::string> skill_path(const Catalog& c, const std::string& id) {
  std::vector<std::string> path;
  auto it = c.skill_by_id.find(id);
  for (int k = it == c.skill_by_id.end() ? -1 : static_cast<int>(it->second); k >= 0 && path.size() < 64;
       k = c.skill_parent[static_cast<size_t>(k)])
    path.push_back(c.skills[static_cast<size_t>(k)].id);
  return path;
}

bool under(const Catalog& c, const std::string& id, const std::string& ancestor) {
  auto p = skill_path(c, id);
  return std::find(p.begin(), p.end(), ancestor) != p.end();
}

std::string skill_of(const std::string& word) {
  const auto* s = builtin().find_skill(word);
  return s ? s->id : "";
}

}  // namespace

TEST_CASE("the words of issue 16 resolve to skills", "[core][vocabulary]") {
  CHECK(skill_of("Excel") == "excel");
  CHECK(skill_of("Figma") == "figma");
  CHECK(skill_of("Linux") == "linux");
  CHECK(skill_of("C语言") == "c");
  CHECK(skill_of("C") == "c");
  CHECK(skill_of("办公软件") == "office-software");
  CHECK(skill_of("财务分析") == "financial-analysis");
  CHECK(skill_of("团队管理") == "team-management");
  CHECK(skill_of("嵌入式开发") == "embedded-development");
  CHECK(skill_of("论文撰写与发表能力") == "academic-writing");
  CHECK(skill_of("论文撰写和发表能力") == "academic-writing");
}

TEST_CASE("AIGC tools resolve, each to a skill of its own", "[core][vocabulary]") {
  CHECK(skill_of("Midjourney") == "midjourney");
  CHECK(skill_of("Stable Diffusion") == "stable-diffusion");
  CHECK(skill_of("ChatGPT") == "chatgpt");
  CHECK(skill_of("文心一言") == "ernie-bot");
  CHECK(skill_of("通义千问") == "tongyi-qianwen");
  CHECK(skill_of("Kimi") == "kimi");
  CHECK(skill_of("DeepSeek") == "deepseek");
  CHECK(skill_of("ComfyUI") == "comfyui");
  CHECK(skill_of("LangChain") == "langchain");
  CHECK(skill_of("LlamaIndex") == "llamaindex");
  CHECK(skill_of("vLLM") == "vllm");
}

TEST_CASE("spellings, abbreviations and widths resolve too", "[core][vocabulary]") {
  CHECK(skill_of("ＥＸＣＥＬ") == "excel");
  CHECK(skill_of("MS Excel") == "excel");
  CHECK(skill_of("ppt") == "powerpoint");
  CHECK(skill_of("Golang") == "go");
  CHECK(skill_of("K8s") == "kubernetes");
  CHECK(skill_of("PS") == "photoshop");
  CHECK(skill_of("MJ") == "midjourney");
  CHECK(skill_of("SD") == "stable-diffusion");
  CHECK(skill_of("Blender") == "blender");
  CHECK(skill_of("Sketch") == "sketch");
  CHECK(skill_of("Photoshop") == "photoshop");
}

TEST_CASE("tools hang where they count: Midjourney is AI image generation, which is AI tool use",
          "[core][vocabulary]") {
  const auto& c = builtin();
  auto mj = skill_path(c, "midjourney");
  REQUIRE(mj.size() >= 3);
  CHECK(mj[1] == "ai-painting");
  CHECK(under(c, "midjourney", "ai-for-design"));
  CHECK(under(c, "midjourney", "ai-design-tools"));
  CHECK(under(c, "midjourney", "ai-tools"));
  CHECK(under(c, "comfyui", "ai-tools"));
  for (const char* chat : {"chatgpt", "ernie-bot", "tongyi-qianwen", "kimi", "deepseek"}) {
    INFO(chat);
    CHECK(under(c, chat, "aigc-tools"));
    CHECK(under(c, chat, "ai-tools"));
  }
  CHECK(under(c, "langchain", "large-language-models"));
  CHECK(under(c, "vllm", "model-deployment"));
  CHECK(under(c, "mlflow", "model-deployment"));
  CHECK(under(c, "excel", "office-software"));
  CHECK(under(c, "c", "programming"));
  CHECK(under(c, "linux", "operating-systems"));
  CHECK(under(c, "figma", "design-software"));
  CHECK(under(c, "blender", "design-software"));
  CHECK(under(c, "financial-analysis", "financial-management"));
  CHECK(under(c, "team-management", "leadership"));
}

TEST_CASE("the vocabulary is large and every skill and major cites a known source", "[core][vocabulary]") {
  const auto& c = builtin();
  CHECK(c.skills.size() >= 400);
  for (const auto* tree : {&c.skills, &c.majors})
    for (const auto& t : *tree) {
      INFO(t.id);
      REQUIRE_FALSE(t.sources.empty());
      for (const auto& s : t.sources) CHECK(c.source(s) != nullptr);
    }
}

TEST_CASE("majors follow the Ministry of Education's catalogues, with their codes", "[core][vocabulary]") {
  const auto& c = builtin();
  const auto* m = c.find_major("计算机应用技术");
  REQUIRE(m != nullptr);
  CHECK(m->id == "computer-application-technology");
  CHECK(m->code == "510201");
  CHECK(m->sources == std::vector<std::string>{"moe-vocational-majors-2021"});
  CHECK(found(c.major("computer-science")).code == "080901");
  CHECK(found(c.major("artificial-intelligence")).code == "080717T");
  CHECK(found(c.major("computing")).code == "0809");
  // The families the issue names are all there.
  for (const char* id :
       {"computing", "electronic-information", "data-science", "mathematics-majors", "statistics-majors",
        "automation-majors", "design-majors", "business-administration-majors", "education"}) {
    INFO(id);
    CHECK(c.major(id) != nullptr);
  }
  // A code is unique, and a six-digit major sits under its four-digit family where it has one.
  std::set<std::string> codes;
  for (const auto& x : c.majors) {
    if (x.code.empty()) continue;
    INFO(x.id);
    CHECK(codes.insert(x.code).second);
  }
}

TEST_CASE("the computing-majors-preferred soft rule holds for 计算机应用技术", "[core][vocabulary]") {
  const auto& c = builtin();
  Diagnostics d;
  Profile p = load_profile(InputFile{"p.yaml", "age: 20\neducation: {level: associate, major: 计算机应用技术}\n"}, c,
                           k_as_of, d);
  REQUIRE(d.items.empty());
  int checked = 0;
  for (const auto& cert : c.certificates)
    for (const auto& l : cert.levels) {
      if (!l.recommended || l.recommended->kind != RuleKind::major) continue;
      INFO(cert.id << "/" << l.id);
      auto r = check_level(cert, l, EvalContext{c, p, k_as_of});
      REQUIRE(r.recommended);
      CHECK(r.recommended->outcome == Outcome::eligible);
      ++checked;
    }
  CHECK(checked >= 1);
}

TEST_CASE("an uncited skill or major is an error at its position", "[core][vocabulary]") {
  Diagnostics d;
  load_catalog({InputFile{"v.yaml", R"(sources:
  - {id: s, title: Source}
skills:
  - {id: cited, name: Cited, source: s}
  - {id: uncited, name: Uncited}
majors:
  - {id: family, name: Family, code: "0809", source: s}
  - {id: loose, name: Loose, code: "080901", parent: family}
)"}},
               d);
  CHECK(advisor::testing::printed(d) == R"(v.yaml:5:5: error: skill names no source: every fact must cite one
      - {id: uncited, name: Uncited}
        ^
v.yaml:8:5: error: major names no source: every fact must cite one
      - {id: loose, name: Loose, code: "080901", parent: family}
        ^
)");
}

TEST_CASE("a code is read on majors only", "[core][vocabulary]") {
  Diagnostics d;
  auto c = load_catalog({InputFile{"v.yaml", R"(sources:
  - {id: s, title: Source}
majors:
  - {id: family, name: Family, code: "0809", source: s}
skills:
  - {id: tool, name: Tool, code: "1", source: s}
)"}},
                        d);
  CHECK(found(c.major("family")).code == "0809");
  CHECK(advisor::testing::printed(d).find("v.yaml:6:28: error: unknown key 'code' in skill") == 0);
}

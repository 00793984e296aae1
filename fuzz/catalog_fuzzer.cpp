// Fuzzes the catalogue loader on one file: parse, validate, index. When the file
// makes a valid catalogue by itself, its rules are evaluated too (a profile that
// has a bit of everything), so fuzzed rule trees reach the evaluator.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_common.hpp"

using namespace advisor;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::vector<InputFile> files{InputFile{"fuzz/catalog.yaml", std::string(reinterpret_cast<const char*>(data), size)}};
  Diagnostics diags;
  Catalog c = load_catalog(files, diags);
  for (const auto& d : diags.items) (void)format_diagnostic(d, Lang::en);
  if (diags.has_errors()) return 0;
  Profile p;
  p.age = 30;
  p.experience_given = true;
  if (!c.education.empty()) p.education = c.education.back().id;
  for (const auto& d : c.domains) {
    ExperienceEntry e;
    e.domains = {d.id};
    e.start = Date{2024, 1, 31};
    p.experience.push_back(e);
  }
  for (const auto& s : c.skills) p.skills.push_back(ProfileSkill{s.id, s.id, 3, {}});
  fuzz::evaluate_everything(c, p, fuzz::as_of());
  return 0;
}

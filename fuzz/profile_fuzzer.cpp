// Fuzzes the profile loader (YAML or JSON) against the built-in catalogue, and the
// diagnostic formatting of whatever it reports; and the one-line JSON fast path
// against the YAML path (parse_plain_json).
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_common.hpp"
#include "yaml_reader.hpp"

using namespace advisor;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const auto& c = fuzz::builtin();
  InputFile f{"fuzz/profile.yaml", std::string(reinterpret_cast<const char*>(data), size)};
  // The one-line JSON fast path must read exactly what the YAML path reads.
  if (auto problem = plain_json_disagrees(f.text)) fuzz::require(false, problem->c_str());
  Diagnostics diags;
  Profile p = load_profile(f, c, fuzz::as_of(), diags);
  diags.sort();
  for (const auto& d : diags.items) {
    (void)format_diagnostic(d, Lang::en);
    (void)format_diagnostic(d, Lang::zh);
    fuzz::require(d.file == f.name, "diagnostics name the file");
  }
  for (const auto& s : p.skills) fuzz::require(s.id.empty() || c.skill(s.id), "resolved skills exist");
  for (const auto& e : p.experience)
    if (e.start && e.end) fuzz::require(*e.start <= *e.end, "kept jobs start before they end");
  return 0;
}

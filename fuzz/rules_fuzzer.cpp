// Fuzzes the rule evaluator on arbitrary profiles: every level of every built-in
// certificate (check_level), the role ranking and the whole recommendation, at the
// usual evaluation date and at the last date the loader accepts.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_common.hpp"

using namespace advisor;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const auto& c = fuzz::builtin();
  InputFile f{"fuzz/profile.yaml", std::string(reinterpret_cast<const char*>(data), size)};
  for (Date on : {fuzz::as_of(), Date{2200, 12, 31}}) {
    Diagnostics diags;
    Profile p = load_profile(f, c, on, diags);
    // The CLI refuses a profile with errors; what it keeps is still evaluated here,
    // since a partial profile must never crash the evaluator either.
    fuzz::evaluate_everything(c, p, on);
  }
  return 0;
}

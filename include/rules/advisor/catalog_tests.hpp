#pragma once
#include <string>
#include <vector>

#include "advisor/catalog_loader.hpp"
#include "advisor/diagnostics.hpp"

namespace advisor {

/// One expectation that did not hold, at the line that states it.
struct ExpectationFailure {
  int line = 0;
  int column = 0;
  Text message;
};

/// One test case and how it went.
struct CaseReport {
  std::string file;
  int line = 0;
  std::string name;
  size_t checks = 0;
  std::vector<ExpectationFailure> failures;
};

struct TestReport {
  std::vector<CaseReport> cases;
  size_t failed_cases() const;
  size_t checks() const;
};

/// Runs catalogue test cases (OpenFisca style: a profile, an as_of date and the
/// expected outcome per certificate level). Malformed files go to diags. The limits
/// bound the test files and, under their profile limits, each profile_file.
TestReport run_catalog_tests(const Catalog& catalog, const std::vector<InputFile>& files, Diagnostics& diags,
                             const Limits& limits = Limits{});

}  // namespace advisor

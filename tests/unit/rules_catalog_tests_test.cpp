// run_catalog_tests takes its limits as a parameter, as the loaders do: a catalogue
// test's profile_file is bounded by the caller's profile limit (--max-file-size),
// not by the defaults.
#include <catch2/catch.hpp>
#include <filesystem>

#include "advisor/catalog_tests.hpp"
#include "support.hpp"

using namespace advisor;
namespace fs = std::filesystem;

TEST_CASE("a catalogue test's profile_file is read under the limits it is given", "[catalog-test][limits]") {
  auto path = (fs::path(ADVISOR_SOURCE_DIR) / "tests/core/fixtures/tests/passing.yaml").string();
  std::vector<InputFile> files{read_input_file(path)};
  const auto& c = testing::builtin();

  Diagnostics defaults;
  auto report = run_catalog_tests(c, files, defaults);
  INFO(testing::printed(defaults));
  CHECK_FALSE(defaults.has_errors());
  CHECK(report.failed_cases() == 0);
  CHECK_FALSE(report.cases.empty());

  Limits tight;
  tight.max_profile_bytes = 16;
  Diagnostics refused;
  run_catalog_tests(c, files, refused, tight);
  auto printed = testing::printed(refused);
  INFO(printed);
  CHECK(refused.has_errors());
  CHECK(printed.find("over the limit of 16 bytes") != std::string::npos);
}

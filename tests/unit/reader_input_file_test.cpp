// Reading input files (src/reader/input_file.cpp): a file over the size limit is
// refused from its size alone, before any of it is read, and a device without a size
// is read only up to the limit (docs/limits.md).
#include <catch2/catch.hpp>

#include "support.hpp"

#include <filesystem>
#include <fstream>
#include <string>

#include "advisor/input_file.hpp"

using namespace advisor;
namespace fs = std::filesystem;

using advisor::testing::repeat;
using advisor::testing::ScratchDir;
using advisor::testing::spit;

TEST_CASE("a 1 GB file is refused from its size alone, before any of it is read", "[hostile][limits]") {
  ScratchDir dir;
  auto path = dir.file("huge.yaml");
  { std::ofstream(path).flush(); }
  fs::resize_file(path, 1ull << 30);  // sparse: nothing is written to disk
  try {
    read_input_file(path);
    FAIL("a 1 GB file was read");
  } catch (const InputError& e) {
    CHECK(e.kind() == ErrorKind::invalid_input);
    CHECK(e.message().en == "'" + path +
                                "' is 1073741824 bytes, over the limit of 67108864 bytes (raise it with "
                                "--max-file-size)");
  }
}

TEST_CASE("raising the file size limit lets a larger file through", "[hostile][limits]") {
  ScratchDir dir;
  auto path = dir.file("p.yaml");
  spit(path, "age: 30\n" + repeat("# padding\n", 20));
  CHECK_THROWS_AS(read_input_file(path, 100), InputError);
  CHECK(read_input_file(path, 1000).text.size() == 208);
}

TEST_CASE("a device without a size is read only up to the limit", "[hostile][limits]") {
  try {
    read_input_file("/dev/zero", size_t{1} << 20);
    FAIL("/dev/zero was read to the end");
  } catch (const InputError& e) {
    CHECK(e.kind() == ErrorKind::invalid_input);
    CHECK(e.message().en == "'/dev/zero' is over the limit of 1048576 bytes (raise it with --max-file-size)");
  }
}

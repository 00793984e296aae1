// The floor under `advisor recommend --profile FILE`: the floor program of hello.cpp
// that also reads FILE and parses it with yaml-cpp, as advisor must before it can
// answer (the catalogue, the ranking and the output come on top). Linked as advisor
// is; bench/run times it beside advisor and /bin/true.
#include <yaml-cpp/yaml.h>

#include <fstream>
#include <iostream>
#include <sstream>

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: advisor_floor_yaml FILE\n";
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  if (!in) {
    std::cerr << "advisor_floor_yaml: cannot read " << argv[1] << "\n";
    return 1;
  }
  std::ostringstream text;
  text << in.rdbuf();
  try {
    YAML::Node doc = YAML::Load(text.str());
    std::cout << doc.size() << " keys\n";
  } catch (const YAML::Exception& e) {
    std::cerr << "advisor_floor_yaml: " << e.what() << "\n";
    return 1;
  }
  return 0;
}

// The floor under `advisor --version`: a C++ program that does nothing but print one
// line, linked as advisor is (the C++ runtime built in, mimalloc in place of malloc
// when advisor has it). bench/run times it beside advisor and /bin/true, so that each
// run shows how much of a start-up ratio is the loader, the runtime and the allocator,
// which no change to advisor's code can remove. It allocates its one line, as every
// C++ program does something with the heap: otherwise the linker leaves mimalloc out
// (--as-needed) and the floor would be lower than any allocating program's.
#include <iostream>
#include <memory>
#include <string>

int main() {
  auto line = std::make_unique<std::string>("hello");
  std::cout << *line << '\n';
  return 0;
}

// JSON strings as advisor writes them (src/render/json_writer.cpp): U+2028 and U+2029
// are never raw, whether a string is written by append_json_string or a tree's dump
// is post-processed (docs/limits.md). Numbers are in json_number_test.cpp.
#include <catch2/catch.hpp>

#include "support.hpp"

#include <nlohmann/json.hpp>
#include <string>

#include "advisor/json_writer.hpp"

using namespace advisor;
using advisor::testing::k_ls;
using advisor::testing::k_ps;

TEST_CASE("U+2028 and U+2029 are written as escapes in every JSON string", "[hostile][json]") {
  std::string out;
  append_json_string(out, "a" + k_ls + "b" + k_ps + "c");
  CHECK(out == "\"a\\u2028b\\u2029c\"");
  // Next to text the fast path copies eight bytes at a time, and in a string with
  // invalid UTF-8 (written by nlohmann, then post-processed).
  out.clear();
  append_json_string(out, "abcdefghijklmnop" + k_ls + "qrstuvwxyz0123456789");
  CHECK(out == "\"abcdefghijklmnop\\u2028qrstuvwxyz0123456789\"");
  out.clear();
  append_json_string(out, "bad \xff " + k_ps);
  CHECK(out == "\"bad \xef\xbf\xbd \\u2029\"");
  // Neighbours of the separators in UTF-8 stay as they are: U+2027, U+202A, U+20AC.
  out.clear();
  append_json_string(out, "\xe2\x80\xa7\xe2\x80\xaa\xe2\x82\xac");
  CHECK(out == "\"\xe2\x80\xa7\xe2\x80\xaa\xe2\x82\xac\"");
  // A tree's dump, post-processed: only the separators change.
  nlohmann::ordered_json doc{{"name" + k_ls, "x" + k_ps + k_ps}, {"plain", "中文 😀"}};
  std::string text = doc.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
  escape_line_separators(text);
  CHECK(text == "{\n  \"name\\u2028\": \"x\\u2029\\u2029\",\n  \"plain\": \"中文 😀\"\n}");
  CHECK(nlohmann::json::parse(text) == nlohmann::json::parse(doc.dump()));
  std::string none = "{\"a\": \"中文\"}";
  escape_line_separators(none);
  CHECK(none == "{\"a\": \"中文\"}");
  // From a given offset on only: what an earlier part holds is left alone.
  std::string tail = k_ls + "\"" + k_ls + "\"";
  escape_line_separators(tail, 3);
  CHECK(tail == k_ls + "\"\\u2028\"");
}

#pragma once
#include <cstddef>
#include <cstdint>
#include <functional>
#include <iosfwd>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "advisor/diagnostics.hpp"
#include "advisor/error.hpp"
#include "advisor/text.hpp"

namespace advisor {

/// Roles and skills per file of an imported catalogue (roles-001.yaml, …): bounds
/// the memory of a cold load, as yaml-cpp holds a whole file's node tree at once.
inline constexpr size_t k_import_roles_per_file = 250;
inline constexpr size_t k_import_skills_per_file = 2500;

/// An import that cannot go on: an input file missing or unreadable (input_missing),
/// an input that is not the expected data set (invalid_input), an output refused
/// (usage) or that cannot be written (output_failed).
class ImportError : public Error {
 public:
  ImportError(Text message, ErrorKind kind) : Error(kind, std::move(message)) {}
};

/// Called now and then while reading: bytes read so far and the total to read.
/// The core never prints; the CLI draws a progress bar from this.
using ImportProgress = std::function<void(uint64_t done, uint64_t total)>;

/// A converted data set: catalogue files by name (catalog.yaml, categories.yaml,
/// domains.yaml, education.yaml, roles-NNN.yaml, skills-NNN.yaml), ready to write,
/// and what went into them.
struct ImportedCatalog {
  std::map<std::string, std::string> files;  ///< file name → YAML text
  size_t roles = 0, skills = 0, links = 0, categories = 0;
  size_t incomplete = 0;  ///< roles the source lists no skills for (written with `incomplete: true`)
  size_t dropped = 0;     ///< input rows left out, each a warning with file:line
  /// Warnings: each dropped row with file:line, notes on the input (a missing optional
  /// file), and last, when rows were dropped, one summary ("N rows dropped: …").
  Diagnostics diags;
};

/// ESCO 1.2.0: occupations_en.csv (RFC 4180) and occupation_skill_relations.tsv in dir.
/// A UTF-8 byte order mark at the start of a file is skipped. Throws ImportError
/// (invalid_input, 65, when no occupation row yields a role).
ImportedCatalog import_esco(const std::string& dir, const ImportProgress& progress = {});

/// O*NET 29.2: 'Occupation Data.txt', 'Technology Skills.txt' and Skills.tsv in dir.
/// A UTF-8 byte order mark at the start of a file is skipped; a Data Value that is not
/// a finite number as a whole (nan, inf, 4.0junk) drops its row. Throws ImportError
/// (invalid_input, 65, when no occupation row yields a role).
ImportedCatalog import_onet(const std::string& dir, const ImportProgress& progress = {});

/// Writes the files into out_dir (created if missing) as one change
/// (write_directory_staged); refuses files that exist unless force, before writing
/// any. Throws ImportError (usage for an output that exists or is not a directory,
/// output_failed for one that cannot be written). `step` is write_directory_staged's
/// test hook.
void write_imported(const ImportedCatalog& imported, const std::string& out_dir, bool force,
                    const std::function<void(int)>& step = {});

// Building blocks, public so tests can pin their behaviour.

/// Reads one RFC 4180 record (quoted fields may hold commas, "" and newlines) from
/// a stream, line by line; a CR before the LF is dropped. Returns false at the end.
/// `lines` is increased by the physical lines consumed.
bool next_csv_record(std::istream& in, std::vector<std::string>& fields, int& lines);

/// A number of an import file, read strictly: the whole field, decimal, finite
/// ("3.88", "4", "1e0"); nothing for "", "nan", "inf", "4.0junk", " 4", "1e999".
std::optional<double> parse_import_number(std::string_view field);

/// A YAML double-quoted scalar: \" \\ and escapes for every control character,
/// so any label survives a round trip through a YAML parser.
std::string yaml_quote(std::string_view s);

/// "Data Science (Advanced)" → "data-science-advanced": ASCII letters and digits,
/// runs of anything else become one '-', at most max_len characters.
std::string slugify(std::string_view label, size_t max_len = 60);

}  // namespace advisor

#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "advisor/date.hpp"
#include "advisor/diagnostics.hpp"
#include "advisor/input_file.hpp"
#include "advisor/limits.hpp"
#include "advisor/model.hpp"

namespace advisor {

/// Parses a profile (YAML or JSON) against a catalogue. `as_of` is the evaluation
/// date, against which future dates are checked. Problems go to diags; unknown
/// skills are warnings, everything else an error.
Profile load_profile(const InputFile& file, const Catalog& catalog, Date as_of, Diagnostics& diags,
                     const Limits& limits = Limits{});

/// One plain JSON line read as a profile, when there is nothing to say about it: the
/// same profile load_profile gives, named `name`. Empty when the line is not plain
/// JSON or reading it finds anything to report, an unknown skill's warning included;
/// load_profile then says what. For `advisor batch`, which reads most lines this way:
/// no copy of the line is made, and the parsed values' room is kept from line to line
/// (per thread).
std::optional<Profile> read_profile_line(std::string_view text, std::string name, const Catalog& catalog, Date as_of,
                                         const Limits& limits = Limits{});

}  // namespace advisor

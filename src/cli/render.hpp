#pragma once
// Text renderings shared by several commands.
#include <string>

#include "advisor/rules.hpp"
#include "common.hpp"

namespace advisor::cli {

/// A trace as an indented tree; with outcomes (check --explain) or without (show).
std::string render_trace(const TraceNode& t, int indent, bool outcomes);

/// "Sources: seed-002 — title (publisher, date)" lines.
std::string render_sources(const Catalog& c, const std::vector<std::string>& ids, int indent);

/// The verdict word, coloured.
std::string verdict(Outcome o);

/// Names of skills, joined for the current language.
std::string skill_names(const Catalog& c, const std::vector<std::string>& ids);

/// The seeds' figures about a subject, each with its source, and the caveat.
std::string render_claims(const Catalog& c, const std::string& subject, int indent);

} // namespace advisor::cli

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

/// A certificate's name with its level's when it has several ("… – Junior", "… 初级").
std::string certificate_level_name(const Certificate& cert, const CertificateLevel* level);

/// What to print where the sources state nothing about registering: "not stated —
/// ask ISSUER (SITE)", naming whom the sources say to ask and their site when known.
std::string not_stated(const Certificate& cert);

/// The next sitting when there is one, else what the sources say of sittings, else not_stated.
std::string sitting_text(const Certificate& cert, const std::optional<std::string>& next_sitting);

/// One line on how to register and what it costs, for check and recommend.
std::string registration_summary(const Certificate& cert);

/// The "Registration" section of show certificate: every fact with its source.
std::string render_registration(const Certificate& cert, int indent);

/// "Suits: …" for a certificate level; the Chinese sources' "适合…" is not doubled.
std::string suits_text(const Text& suits);

}  // namespace advisor::cli

#pragma once
// Text renderings shared by several commands.
#include <string>

#include "advisor/planning.hpp"
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

// A plan's steps and total in words, for `plan` and `report`.

/// What a step does, as a short line: "Learn X", "Sit Y".
std::string plan_step_what(const PlanStep& s);
/// When: a date where one is known ("now" for today, "2027-03 sitting"), else what the
/// step waits for ("after #3", "no date yet").
std::string plan_step_when(const PlanStep& s, Date as_of);
/// Why the step is there, with the steps it follows when its date does not say so.
std::string plan_step_why(const PlanStep& s);
/// The time from one date to a later one in words: "1 year 2 months 3 days".
std::string span_text(Date from, Date to);
/// The plan's total: how long its dated steps take, and what is left undated.
std::string plan_total(const Plan& plan);

}  // namespace advisor::cli

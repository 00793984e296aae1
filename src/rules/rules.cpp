// The eligibility engine: rule tree + profile + date → trace. Pure functions only.
#include "advisor/rules.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <climits>
#include <cmath>
#include <span>

#include "advisor/util/bilingual.hpp"

namespace advisor {

using util::T;

namespace {

/// "a junior title", "an intermediate title".
std::string with_article(const std::string& en) {
  std::string w = lower_first(en);
  bool vowel = !w.empty() && std::string_view("aeiou").find(w[0]) != std::string_view::npos;
  return (vowel ? "an " : "a ") + w;
}

std::string fmt_num(double v) {
  if (v == std::floor(v)) return fmt::format("{}", static_cast<long long>(v));
  return fmt::format("{:.1f}", v);
}
}  // namespace

const char* outcome_id(Outcome o) {
  switch (o) {
    case Outcome::eligible:
      return "eligible";
    case Outcome::not_eligible:
      return "not_eligible";
    case Outcome::unknown:
      return "unknown";
  }
  return "unknown";
}

size_t Rule::size() const {
  size_t n = 1;
  for (const auto& c : children) n += c.size();
  return n;
}

int age_on(Date birth, Date on) {
  int age = on.year - birth.year;
  if (on.month < birth.month || (on.month == birth.month && on.day < birth.day)) --age;
  // Born on 29 February: the birthday in a common year is 28 February (clamped, as
  // add_years does), so the age is consistent with birth.add_years(n).
  if (birth.add_years(age + 1) <= on) ++age;
  return age;
}

Text duration_text(int months) {
  int y = months / 12, m = months % 12;
  std::string en, zh;
  if (y > 0) {
    en = fmt::format("{} year{}", y, y == 1 ? "" : "s");
    zh = fmt::format("{} 年", y);
  }
  if (m > 0 || y == 0) {
    en += fmt::format("{}{} month{}", en.empty() ? "" : " ", m, m == 1 ? "" : "s");
    zh += fmt::format("{}{} 个月", zh.empty() ? "" : " ", m);
  }
  return T(en, zh);
}

namespace {

int months_between(Date from, Date to) {  // whole months from `from` to `to`
  int m = (to.year - from.year) * 12 + (to.month - from.month);
  if (m > 0 && from.add_months(m) > to) --m;
  return std::max(0, m);
}

int years_to_months(double years) { return static_cast<int>(std::lround(years * 12)); }

bool in_domain(const Catalog& c, const ExperienceEntry& e, const std::string& domain) {
  if (domain.empty()) return true;
  auto target = c.domain_by_id.find(domain);
  if (target == c.domain_by_id.end()) return false;
  for (const auto& d : e.domains) {
    auto it = c.domain_by_id.find(d);
    if (it != c.domain_by_id.end() && Catalog::tree_distance(c.domain_parent, it->second, target->second) >= 0)
      return true;
  }
  return false;
}

}  // namespace

namespace {

/// Experience over the jobs `counts(j, job)` accepts.
/// `from`: only work on or after that date counts (undated years cannot be placed in
/// time: they are left out, and *undated_left_out says so).
template <typename Counts>
ExperienceMeasure measure(const Profile& p, Counts&& counts, Date as_of, std::optional<Date> from = std::nullopt,
                          bool* undated_left_out = nullptr) {
  ExperienceMeasure m;
  // Scratch lists kept from call to call (it is called for every domain of every profile).
  thread_local std::vector<std::pair<long, long>> spans, merged;
  spans.clear();  // [start, end) in days, clipped to as_of
  double undated = 0;
  long today = as_of.days();
  long open_until = today;
  bool open_ended = false;
  for (size_t j = 0; j < p.experience.size(); ++j) {
    const auto& e = p.experience[j];
    if (!counts(j, e)) continue;
    if (e.years) {
      if (from) {
        if (undated_left_out && *e.years > 0) *undated_left_out = true;
        continue;
      }
      undated += *e.years;
      continue;
    }
    if (!e.start) continue;
    long s = e.start->days();
    long end = e.end ? e.end->days() : today;
    if (from) {
      s = std::max(s, from->days());
      if (e.end && end <= s) continue;  // over before the date
    }
    if (s >= today) continue;  // not started yet
    if (!e.end || end > today) {
      m.ongoing = true;
      if (!e.end)
        open_ended = true;
      else
        open_until = std::max(open_until, end);
    }
    spans.emplace_back(s, std::min(end, today));
  }
  std::sort(spans.begin(), spans.end());
  merged.clear();  // overlapping jobs count once
  for (auto [s, e] : spans) {
    if (merged.empty() || s > merged.back().second)
      merged.emplace_back(s, e);
    else
      merged.back().second = std::max(merged.back().second, e);
  }
  // Finished spans are measured in calendar months plus days, not in days alone:
  // 2025-01-01 to 2026-01-01 is one year whatever the length of the year before
  // as_of. The span that reaches as_of (ongoing) anchors the virtual start, so a
  // single ongoing job reaches N years on its start date + N years exactly.
  long total = 0, days = 0;
  int months = years_to_months(undated);
  Date anchor = as_of;
  for (auto [s, e] : merged) {
    total += e - s;
    Date ds = Date::from_days(s);
    if (e == today) {
      anchor = ds;
      continue;
    }
    int k = months_between(ds, Date::from_days(e));
    months += k;
    days += e - ds.add_months(k).days();
  }
  m.virtual_start = anchor.add_months(-months).add_days(-days);
  m.months = months_between(m.virtual_start, as_of);
  m.years = static_cast<double>(total) / 365.25 + undated;
  if (m.ongoing && !open_ended) m.grows_until = Date::from_days(open_until);
  return m;
}

}  // namespace

ExperienceMeasure measure_experience(const Catalog& c, const Profile& p, const std::string& domain, Date as_of) {
  return measure(
      p, [&](size_t, const ExperienceEntry& e) { return in_domain(c, e, domain); }, as_of);
}

bool final_year_student(Date expected, Date on) {
  int y = on.month >= 9 ? on.year : on.year - 1;  // the school year containing `on` starts on 1 September of y
  return expected <= Date{y + 1, 8, 31};
}

Date final_year_start(Date expected) { return Date{expected.month >= 9 ? expected.year : expected.year - 1, 9, 1}; }

JobsByDomain jobs_by_domain(const Catalog& c, const Profile& p) {
  // The relation in_domain() tests one pair at a time, for every pair in one walk: a
  // job counts toward each of its domains and their ancestors.
  JobsByDomain out;
  out.jobs = p.experience.size();
  out.counts.assign(c.domains.size() * out.jobs, 0);
  out.worked.assign(c.domains.size(), 0);
  for (size_t j = 0; j < out.jobs; ++j)
    for (const auto& d : p.experience[j].domains) {
      auto it = c.domain_by_id.find(d);
      if (it == c.domain_by_id.end()) continue;
      int k = static_cast<int>(it->second);
      for (size_t steps = 0; k >= 0 && steps <= c.domains.size(); ++steps) {
        out.counts[static_cast<size_t>(k) * out.jobs + j] = 1;
        out.worked[static_cast<size_t>(k)] = 1;
        k = c.domain_parent[static_cast<size_t>(k)];
      }
    }
  return out;
}

ExperienceMeasure measure_jobs(const Profile& p, std::span<const char> counts, Date as_of) {
  return measure(
      p, [&](size_t j, const ExperienceEntry&) { return j < counts.size() && counts[j]; }, as_of);
}

std::optional<std::string> next_sitting(const Certificate& cert, Date from) {
  if (cert.sittings.empty()) return std::nullopt;
  for (int k = 0; k < 24; ++k) {
    Date month_start = Date{from.year, from.month, 1}.add_months(k);
    if (month_start < from) continue;
    if (std::binary_search(cert.sittings.begin(), cert.sittings.end(), month_start.month))
      return month_start.month_str();
  }
  return std::nullopt;
}

namespace {

class Evaluator {
 public:
  explicit Evaluator(const EvalContext& ctx)
      : m_ctx(ctx),
        m_c(ctx.catalog),
        m_p(ctx.profile),
        m_held(ctx.held ? *ctx.held : ctx.profile.certificates),
        m_prose(ctx.prose),
        m_tree(ctx.tree) {}

  /// Evaluates `r` into `t`, a fresh node: in place, since a TraceNode is large to move.
  void eval(const Rule& r, TraceNode& t) {
    t.kind = r.kind;
    switch (r.kind) {
      case RuleKind::all:
        combine(r, t, true);
        break;
      case RuleKind::any:
        combine(r, t, false);
        break;
      case RuleKind::not_:
        negate(r, t);
        break;
      case RuleKind::age:
        age(r, t);
        break;
      case RuleKind::education:
        education(r, t);
        break;
      case RuleKind::major:
        major(r, t);
        break;
      case RuleKind::experience:
        experience(r, t);
        break;
      case RuleKind::holds:
        holds(r, t);
        break;
      case RuleKind::skills:
        skills(r, t);
        break;
      case RuleKind::study_hours:
        study_hours(r, t);
        break;
      case RuleKind::title:
        title(r, t);
        break;
      case RuleKind::diploma:
        diploma(r, t);
        break;
      case RuleKind::confirm:
        t.outcome = Outcome::unknown;
        t.confirm = r.confirm;
        if (m_prose) {
          t.required = r.confirm;
          t.reason = r.confirm;
          t.found = T("not something a profile can show", "档案无法体现这一条件");
        }
        break;
    }
    if (m_prose && !r.reason.empty()) t.reason = r.reason;
  }

 private:
  /// What `all` or `any` makes of its children, tallied one child at a time, so the
  /// children need not be kept (EvalContext::tree).
  struct Tally {
    explicit Tally(bool all_of) : all(all_of) {}
    bool all;
    bool any_fail = false, any_unknown = false, any_pass = false;
    bool undated = false;      // all: a child that does not pass has no date
    std::optional<Date> date;  // all: the latest date; any: the earliest
    std::vector<std::string> missing;

    void add(const TraceNode& ct) {
      any_fail |= ct.outcome == Outcome::not_eligible;
      any_unknown |= ct.outcome == Outcome::unknown;
      any_pass |= ct.outcome == Outcome::eligible;
      if (ct.outcome == Outcome::unknown)
        missing.insert(missing.end(), ct.missing_fields.begin(), ct.missing_fields.end());
      if (ct.outcome == Outcome::eligible) return;
      // `all` passes when its last failing child does; `any` when its first does.
      if (all) {
        if (!ct.passes_on)
          undated = true;
        else if (!date || *ct.passes_on > *date)
          date = ct.passes_on;
      } else if (ct.passes_on && (!date || *ct.passes_on < *date)) {
        date = ct.passes_on;
      }
    }

    void into(TraceNode& t) {
      if (all)
        t.outcome = any_fail ? Outcome::not_eligible : any_unknown ? Outcome::unknown : Outcome::eligible;
      else
        t.outcome = any_pass ? Outcome::eligible : any_unknown ? Outcome::unknown : Outcome::not_eligible;
      if (t.outcome == Outcome::unknown) {
        std::sort(missing.begin(), missing.end());
        missing.erase(std::unique(missing.begin(), missing.end()), missing.end());
        t.missing_fields = std::move(missing);
      }
      if (t.outcome == Outcome::not_eligible && !(all && undated)) t.passes_on = date;
    }
  };

  void combine(const Rule& r, TraceNode& t, bool all) {
    if (m_prose)
      t.reason =
          all ? T("All of the following", "同时满足以下全部条件") : T("Any one of the following", "满足以下任一条件");
    Tally tally(all);
    if (m_tree) {
      t.children.reserve(r.children.size());  // a TraceNode is large: grow the vector once, not by moves
      for (const auto& c : r.children) {
        eval(c, t.children.emplace_back());
        tally.add(t.children.back());
      }
    } else {
      for (const auto& c : r.children) {
        TraceNode ct;
        eval(c, ct);
        tally.add(ct);
      }
    }
    tally.into(t);
  }

  void negate(const Rule& r, TraceNode& t) {
    TraceNode flat;
    TraceNode& c = m_tree ? t.children.emplace_back() : flat;
    eval(r.children[0], c);
    if (m_prose) t.reason = T("Not: " + c.reason.en, "不满足：" + c.reason.zh);
    t.outcome = c.outcome == Outcome::unknown    ? Outcome::unknown
                : c.outcome == Outcome::eligible ? Outcome::not_eligible
                                                 : Outcome::eligible;
    t.missing_fields = c.missing_fields;
  }

  void age(const Rule& r, TraceNode& t) {
    if (m_prose) age_text(r, t);
    int a = 0;
    if (m_p.birth_date) {
      a = age_on(*m_p.birth_date, m_ctx.as_of);
    } else if (m_p.age) {
      a = *m_p.age;
    } else {
      t.outcome = Outcome::unknown;
      t.missing_fields = {"age"};
      if (m_prose) t.found = T("age or birth_date missing", "缺少年龄（age 或 birth_date）");
      return;
    }
    if (m_prose) t.found = T(fmt::format("aged {}", a), fmt::format("{} 周岁", a));
    bool ok = (!r.min_age || a >= *r.min_age) && (!r.max_age || a <= *r.max_age);
    t.outcome = ok ? Outcome::eligible : Outcome::not_eligible;
    if (!ok && r.min_age && a < *r.min_age && m_p.birth_date) t.passes_on = m_p.birth_date->add_years(*r.min_age);
  }

  void age_text(const Rule& r, TraceNode& t) {
    std::string req_en, req_zh;
    if (r.min_age && r.max_age) {
      req_en = fmt::format("aged {} to {}", *r.min_age, *r.max_age);
      req_zh = fmt::format("{} 至 {} 周岁", *r.min_age, *r.max_age);
    } else if (r.min_age) {
      req_en = fmt::format("aged {} or over", *r.min_age);
      req_zh = fmt::format("年满 {} 周岁", *r.min_age);
    } else {
      req_en = fmt::format("aged {} or under", *r.max_age);
      req_zh = fmt::format("不超过 {} 周岁", *r.max_age);
    }
    t.required = T(req_en, req_zh);
    t.reason = T("Aged " + req_en.substr(5), req_zh);
  }

  void education(const Rule& r, TraceNode& t) {
    const auto* need = m_c.education_level(r.education_min);
    if (m_prose) {
      Text need_name = need ? need->name : T(r.education_min, r.education_min);
      t.required = T(need_name.en + " or above", need_name.zh + "及以上");
      t.reason = T("Education: " + t.required.en, "学历：" + t.required.zh);
    }
    if (m_p.education.empty()) {
      t.outcome = Outcome::unknown;
      t.missing_fields = {"education"};
      if (m_prose) t.found = T("education missing", "缺少学历");
      return;
    }
    const auto* have = m_c.education_level(m_p.education);
    if (m_prose) t.found = have ? have->name : T(m_p.education, m_p.education);
    t.outcome = have && need && have->rank >= need->rank ? Outcome::eligible : Outcome::not_eligible;
    const auto& until = m_p.education_expected;
    if (!m_p.education_in_progress || (until && *until <= m_ctx.as_of)) return;
    // Studying for it: the level is held from the expected date on. Every degree
    // takes upper secondary school to enrol, so only the levels up to the lowest of
    // ISCED 3 or above are held now (up to the ladder's lowest when no level gives
    // its ISCED): a level below school, such as 初中, does not move that line.
    if (m_prose) {
      std::string when = until ? until->str() : std::string("?");
      t.found = T(fmt::format("{} (in progress, expected {})", t.found.en, when),
                  fmt::format("{}（在读，预计 {} 毕业）", t.found.zh, when));
    }
    if (have && need && have->rank >= need->rank && need->rank > enrolment_rank()) {
      t.outcome = Outcome::not_eligible;
      t.passes_on = until;
    }
  }

  /// The rank of the level a degree takes to enrol: the lowest of ISCED 3 or above,
  /// else the lowest of the ladder.
  int enrolment_rank() const {
    int school = INT_MAX, lowest = INT_MAX;
    for (const auto& l : m_c.education) {
      lowest = std::min(lowest, l.rank);
      if (!l.isced.empty() && l.isced[0] >= '3' && l.isced[0] <= '9') school = std::min(school, l.rank);
    }
    return school != INT_MAX ? school : lowest;
  }

  void major(const Rule& r, TraceNode& t) {
    if (m_prose) {
      std::string en, zh;
      for (const auto& id : r.majors) {
        const auto* m = m_c.major(id);
        en += (en.empty() ? "" : ", ") + (m ? m->name.en : id);
        zh += (zh.empty() ? "" : "、") + (m ? m->name.zh : id);
      }
      t.required = T("major in " + en, "专业为" + zh);
      t.reason = T("Major in " + en, "专业为" + zh);
    }
    if (m_p.major.empty()) {
      t.outcome = Outcome::unknown;
      t.missing_fields = {"education.major"};
      if (m_prose) t.found = T("major missing", "缺少专业");
      return;
    }
    const auto* have = m_p.major_known ? m_c.major(m_p.major) : nullptr;
    if (m_prose) t.found = have ? have->name : T(m_p.major, m_p.major);
    t.outcome = Outcome::not_eligible;
    if (!have) return;
    size_t hi = m_c.major_by_id.at(m_p.major);
    for (const auto& id : r.majors) {
      auto it = m_c.major_by_id.find(id);
      if (it != m_c.major_by_id.end() && Catalog::tree_distance(m_c.major_parent, hi, it->second) >= 0)
        t.outcome = Outcome::eligible;
    }
  }

  void experience(const Rule& r, TraceNode& t) {
    int need_months = years_to_months(r.min_years);
    if (m_prose) experience_text(r, t, need_months);
    if (!m_p.experience_given) {
      t.outcome = Outcome::unknown;
      t.missing_fields = {"experience"};
      if (m_prose) t.found = T("experience missing", "缺少工作经历");
      return;
    }
    if (r.related_work || !r.after_certificate.empty() || !r.after_title.empty()) {
      related_experience(r, t, need_months);
      return;
    }
    auto m = measured(r.domain);
    if (m_prose) {
      auto have = duration_text(m.months);
      const Text& dname = t.subject;  // the domain's name, set by experience_text
      t.found = !r.domain.empty() && m_c.domain(r.domain)
                    ? T(fmt::format("{} of {} work{}", have.en, dname.en, m.ongoing ? ", ongoing" : ""),
                        fmt::format("{}工作 {}{}", dname.zh, have.zh, m.ongoing ? "（在职中）" : ""))
                    : T(fmt::format("{} of work{}", have.en, m.ongoing ? ", ongoing" : ""),
                        fmt::format("工作 {}{}", have.zh, m.ongoing ? "（在职中）" : ""));
    }
    Date reached = m.virtual_start.add_months(need_months);
    if (r.max_years && m.months > years_to_months(*r.max_years)) {
      t.outcome = Outcome::not_eligible;  // past the range's top: time only moves further away
      return;
    }
    if (reached <= m_ctx.as_of) {
      t.outcome = Outcome::eligible;
      return;
    }
    t.outcome = Outcome::not_eligible;
    if (m.ongoing && (!m.grows_until || reached <= *m.grows_until)) t.passes_on = reached;
  }

  /// Whether job j counts toward one of `domains` (or their sub-domains).
  bool job_in(const ExperienceEntry& e, const std::vector<std::string>& domains) const {
    for (const auto& d : domains)
      if (in_domain(m_c, e, d)) return true;
    return false;
  }

  /// The date from which work counts (`after`): the first date the person held the
  /// certificate level or higher, or a title of the rank or above. Sets the outcome and
  /// returns nothing when there is no such date.
  std::optional<Date> counted_from(const Rule& r, TraceNode& t) {
    if (!r.after_certificate.empty()) {
      const auto* cert = m_c.certificate(r.after_certificate);
      int need = cert && !r.after_level.empty() ? std::max(0, cert->level_index(r.after_level)) : 0;
      std::optional<Date> since;
      bool held = false;
      for (const auto& h : m_held) {
        if (!cert || h.id != cert->id || cert->level_index(h.level) < need) continue;
        if (h.date && *h.date > m_ctx.as_of) continue;
        held = true;
        if (h.date && (!since || *h.date < *since)) since = h.date;
      }
      Text name = cert ? (cert->levels.size() > 1 && need < static_cast<int>(cert->levels.size())
                              ? T(cert->name.en + " – " + cert->levels[static_cast<size_t>(need)].name.en,
                                  cert->name.zh + "（" + cert->levels[static_cast<size_t>(need)].name.zh + "）")
                              : cert->name)
                       : T(r.after_certificate, r.after_certificate);
      if (!held) {
        t.outcome = Outcome::not_eligible;
        if (m_prose) t.found = T("does not hold " + name.en + " (or higher)", "未持有" + name.zh + "或更高等级");
        return std::nullopt;
      }
      if (!since) {
        t.outcome = Outcome::unknown;
        t.missing_fields = {"certificates.date"};
        if (m_prose) t.found = T("holds " + name.en + ", date not given", "持有" + name.zh + "，未注明取得日期");
        return std::nullopt;
      }
      return since;
    }
    const auto* need = m_c.title_level(r.after_title);
    std::optional<Date> since;
    bool held = false;
    for (const auto& pt : m_p.titles) {
      const auto* have = m_c.title_level(pt.level);
      if (!have || !need || have->rank < need->rank || (pt.date && *pt.date > m_ctx.as_of)) continue;
      held = true;
      if (pt.date && (!since || *pt.date < *since)) since = pt.date;
    }
    Text name = need ? need->name : T(r.after_title, r.after_title);
    if (!held) {
      t.outcome = Outcome::not_eligible;
      if (m_prose) t.found = T("no " + lower_first(name.en) + " or higher", "未取得" + name.zh + "或更高职称");
      return std::nullopt;
    }
    if (!since) {
      t.outcome = Outcome::unknown;
      t.missing_fields = {"titles.date"};
      if (m_prose) t.found = T(name.en + ", date not given", name.zh + "，未注明取得日期");
      return std::nullopt;
    }
    return since;
  }

  /// Work in this or a related occupation (`work: related`), or work after a date
  /// (`after`): what plainly counts passes; what only may count (a related occupation
  /// the standard does not define) is unknown, never a silent pass or fail.
  void related_experience(const Rule& r, TraceNode& t, int need_months) {
    std::optional<Date> from;
    if (!r.after_certificate.empty() || !r.after_title.empty()) {
      from = counted_from(r, t);
      if (!from) return;
    }
    std::vector<std::string> plain = r.related_work ? r.work.plain : std::vector<std::string>{r.domain};
    bool all_work = !r.related_work && r.domain.empty();
    bool undated = false;
    auto plain_m = measure(
        m_p, [&](size_t, const ExperienceEntry& e) { return all_work || job_in(e, plain); }, m_ctx.as_of, from,
        &undated);
    auto maybe_m = plain_m;
    if (r.related_work && !r.work.maybe.empty())
      maybe_m = measure(
          m_p, [&](size_t, const ExperienceEntry& e) { return job_in(e, plain) || job_in(e, r.work.maybe); },
          m_ctx.as_of, from, &undated);
    Date reached = plain_m.virtual_start.add_months(need_months);
    Date reached_maybe = maybe_m.virtual_start.add_months(need_months);
    if (m_prose) {
      auto have = duration_text(plain_m.months);
      std::string since_en = from ? " since " + from->str() : "", since_zh = from ? from->str() + " 以来" : "";
      t.found = T(fmt::format("{} of {}work{}{}", have.en, t.subject.en.empty() ? "" : t.subject.en + " ", since_en,
                              plain_m.ongoing ? ", ongoing" : ""),
                  fmt::format("{}{}工作 {}{}", since_zh, t.subject.zh, have.zh, plain_m.ongoing ? "（在职中）" : ""));
    }
    if (reached <= m_ctx.as_of) {
      t.outcome = Outcome::eligible;
      return;
    }
    if (reached_maybe <= m_ctx.as_of) {
      t.outcome = Outcome::unknown;
      if (m_prose) {
        std::string en, zh;
        for (const auto& id : r.work.maybe) {
          // only the fields the person worked in
          if (std::none_of(m_p.experience.begin(), m_p.experience.end(),
                           [&](const ExperienceEntry& e) { return in_domain(m_c, e, id); }))
            continue;
          const auto* d = m_c.domain(id);
          en += (en.empty() ? "" : ", ") + (d ? lower_first(d->name.en) : id);
          zh += (zh.empty() ? "" : "、") + (d ? d->name.zh : id);
        }
        auto have = duration_text(maybe_m.months);
        t.found = T(fmt::format("{} counting {} work, which may or may not be a related occupation", have.en, en),
                    fmt::format("计入{}工作共 {}，这类工作是否属于相关职业尚无定论", zh, have.zh));
        t.confirm = T(fmt::format("whether your {} work counts as a related occupation (相关职业: the standard does "
                                  "not define it)",
                                  en),
                      fmt::format("你的{}工作是否算作相关职业（标准未界定“相关职业”）", zh));
      } else {
        t.confirm = T("related occupation", "相关职业");
      }
      return;
    }
    if (undated) {
      // Years with no dates cannot be placed after the date: they might count.
      t.outcome = Outcome::unknown;
      t.missing_fields = {"experience.start"};
      if (m_prose)
        t.found = T(t.found.en + " (undated years cannot be placed after " + from->str() + ")",
                    t.found.zh + "（未注明起止日期的工作年限无法判断是否在 " + from->str() + " 之后）");
      return;
    }
    t.outcome = Outcome::not_eligible;
    if (plain_m.ongoing && (!plain_m.grows_until || reached <= *plain_m.grows_until)) t.passes_on = reached;
  }

  /// Experience in a domain on as_of: the caller's measure when it has one (EvalContext::experience).
  ExperienceMeasure measured(const std::string& domain) const {
    if (domain.empty() && m_ctx.any_experience) return *m_ctx.any_experience;
    if (m_ctx.experience && !domain.empty())
      if (auto it = m_c.domain_by_id.find(domain);
          it != m_c.domain_by_id.end() && it->second < m_ctx.experience->size())
        return (*m_ctx.experience)[it->second];
    return measure_experience(m_c, m_p, domain, m_ctx.as_of);
  }

  // The subject, what is required and the reason of an experience condition.
  void experience_text(const Rule& r, TraceNode& t, int need_months) {
    const auto* d = r.domain.empty() ? nullptr : m_c.domain(r.domain);
    Text dname = d ? d->name : T("", "");
    if (d) dname.en = lower_first(dname.en);
    t.subject = d ? dname : T("", "");
    auto dur = duration_text(need_months);
    std::string after_en, after_zh;
    if (!r.after_certificate.empty()) {
      const auto* cert = m_c.certificate(r.after_certificate);
      int i = cert ? cert->level_index(r.after_level) : -1;
      Text n = cert ? (i >= 0 && cert->levels.size() > 1
                           ? T(cert->name.en + " – " + cert->levels[static_cast<size_t>(i)].name.en,
                               cert->name.zh + "（" + cert->levels[static_cast<size_t>(i)].name.zh + "）")
                           : cert->name)
                    : T(r.after_certificate, r.after_certificate);
      after_en = " after obtaining " + n.en;
      after_zh = "取得" + n.zh + "后，";
    } else if (!r.after_title.empty()) {
      const auto* tl = m_c.title_level(r.after_title);
      Text n = tl ? tl->name : T(r.after_title, r.after_title);
      after_en = " after obtaining " + with_article(n.en);
      after_zh = "取得" + n.zh + "后，";
    }
    if (r.related_work) {
      std::string en, zh;
      for (const auto& id : r.work.plain) {
        const auto* pd = m_c.domain(id);
        en += (en.empty() ? "" : ", ") + (pd ? lower_first(pd->name.en) : id);
        zh += (zh.empty() ? "" : "、") + (pd ? pd->name.zh : id);
      }
      t.subject = T(en, zh);
      t.required = T(fmt::format("at least {} of work in this or a related occupation{}", dur.en, after_en),
                     fmt::format("{}累计从事本职业或相关职业工作满 {}", after_zh, dur.zh));
      t.reason = T("At least" + t.required.en.substr(8), t.required.zh);
      return;
    }
    if (!after_en.empty()) {
      t.required = d ? T(fmt::format("at least {} of {} work{}", dur.en, dname.en, after_en),
                         fmt::format("{}至少 {} {}工作经验", after_zh, dur.zh, dname.zh))
                     : T(fmt::format("at least {} of work{}", dur.en, after_en),
                         fmt::format("{}至少 {} 工作经验", after_zh, dur.zh));
      t.reason = T("At least" + t.required.en.substr(8), t.required.zh);
      return;
    }
    if (r.max_years) {
      // A range ("suits one to three years"): both ends count.
      auto hi = duration_text(years_to_months(*r.max_years));
      std::string lo_en = need_months % 12 == 0 && years_to_months(*r.max_years) % 12 == 0
                              ? fmt::format("{}", need_months / 12)
                              : dur.en;
      std::string what_en = d ? fmt::format(" of {} work", dname.en) : std::string(" of work");
      std::string what_zh = d ? dname.zh + "工作经验" : std::string("工作经验");
      t.required =
          T(fmt::format("{} to {}{}", lo_en, hi.en, what_en), fmt::format("{}至 {} {}", dur.zh, hi.zh, what_zh));
    } else if (d) {
      t.required = T(fmt::format("at least {} of {} work", dur.en, dname.en),
                     fmt::format("至少 {} {}工作经验", dur.zh, dname.zh));
    } else {
      t.required = T(fmt::format("at least {} of work", dur.en), fmt::format("至少 {} 工作经验", dur.zh));
    }
    t.reason =
        T(std::string(1, static_cast<char>(std::toupper(t.required.en[0]))) + t.required.en.substr(1), t.required.zh);
  }

  void holds(const Rule& r, TraceNode& t) {
    const auto* cert = m_c.certificate(r.certificate);
    int need = cert && !r.level.empty() ? std::max(0, cert->level_index(r.level)) : 0;
    if (m_prose) holds_text(r, t, cert, need);
    t.outcome = Outcome::not_eligible;
    for (const auto& h : m_held) {
      if (h.id != r.certificate || !cert) continue;
      if (h.date && *h.date > m_ctx.as_of) continue;
      int have = cert->level_index(h.level);
      if (have >= need) {
        t.outcome = Outcome::eligible;
        const auto& lname = cert->levels[static_cast<size_t>(have)].name;
        if (m_prose)
          t.found = cert->levels.size() > 1 ? T("holds " + lname.en, "持有" + lname.zh) : T("held", "已持有");
        if (r.min_years_held > 0) held_long_enough(r, t, *cert, need);
        return;
      }
      const auto& lname = cert->levels[static_cast<size_t>(have)].name;
      if (m_prose) t.found = T("holds " + lname.en + " only", "仅持有" + lname.zh);
    }
  }

  /// holds with min_years_held: held (that level or higher) for the years, from the
  /// first date obtained.
  void held_long_enough(const Rule& r, TraceNode& t, const Certificate& cert, int need) {
    std::optional<Date> since;
    for (const auto& h : m_held)
      if (h.id == cert.id && cert.level_index(h.level) >= need && h.date && *h.date <= m_ctx.as_of &&
          (!since || *h.date < *since))
        since = h.date;
    if (!since) {
      t.outcome = Outcome::unknown;
      t.missing_fields = {"certificates.date"};
      if (m_prose) t.found = T(t.found.en + ", date not given", t.found.zh + "，未注明取得日期");
      return;
    }
    Date reached = since->add_months(years_to_months(r.min_years_held));
    if (m_prose) t.found = T(t.found.en + " since " + since->str(), t.found.zh + "（" + since->str() + " 取得）");
    if (reached <= m_ctx.as_of) return;
    t.outcome = Outcome::not_eligible;
    t.passes_on = reached;
  }

  void holds_text(const Rule& r, TraceNode& t, const Certificate* cert, int need) {
    Text cname = cert ? cert->name : T(r.certificate, r.certificate);
    if (cert && !r.level.empty()) {
      const auto& lname = cert->levels[static_cast<size_t>(need)].name;
      bool ladder = cert->levels.size() > 1;
      t.required = ladder ? T(fmt::format("hold {} – {} (or a higher level)", cname.en, lname.en),
                              fmt::format("持有{}（{}）或更高等级的证书", cname.zh, lname.zh))
                          : T("hold " + cname.en, "持有" + cname.zh);
    } else {
      t.required = T("hold " + cname.en, "持有" + cname.zh);
    }
    if (r.min_years_held > 0) {
      auto dur = duration_text(years_to_months(r.min_years_held));
      t.required = T(t.required.en + " for at least " + dur.en, t.required.zh + "满 " + dur.zh);
    }
    t.reason = T(std::string("Hold") + t.required.en.substr(4), t.required.zh);
    t.found = T("not held", "未持有");
  }

  void skills(const Rule& r, TraceNode& t) {
    if (m_prose) {
      std::string en, zh;
      for (const auto& id : r.skill_ids) {
        const auto* s = m_c.skill(id);
        en += (en.empty() ? "" : ", ") + (s ? s->name.en : id);
        zh += (zh.empty() ? "" : "、") + (s ? s->name.in(Lang::zh) : id);
      }
      t.required =
          T(fmt::format("at least {} of: {}", r.min_count, en), fmt::format("至少掌握以下 {} 项：{}", r.min_count, zh));
      t.reason = T(fmt::format("Skills: at least {} of {}", r.min_count, en),
                   fmt::format("技能：{} 中至少 {} 项", zh, r.min_count));
    }
    int count = 0;
    std::string found_en, found_zh;
    for (const auto& id : r.skill_ids) {
      auto target = m_c.skill_by_id.find(id);
      if (target == m_c.skill_by_id.end()) continue;
      for (const auto& ps : m_p.skills) {
        auto it = ps.id.empty() ? m_c.skill_by_id.end() : m_c.skill_by_id.find(ps.id);
        if (it != m_c.skill_by_id.end() && Catalog::tree_distance(m_c.skill_parent, it->second, target->second) >= 0) {
          ++count;
          if (!m_prose) break;
          const auto& s = m_c.skills[target->second];
          found_en += (found_en.empty() ? "" : ", ") + s.name.en;
          found_zh += (found_zh.empty() ? "" : "、") + s.name.in(Lang::zh);
          break;
        }
      }
    }
    if (m_prose)
      t.found = count ? T(fmt::format("{} ({})", count, found_en), fmt::format("{} 项（{}）", count, found_zh))
                      : T("none of them", "均未掌握");
    t.outcome = count >= r.min_count ? Outcome::eligible : Outcome::not_eligible;
  }

  void study_hours(const Rule& r, TraceNode& t) {
    auto it = m_p.study_hours.find(r.certificate);
    double h = it == m_p.study_hours.end() ? 0 : it->second;
    if (m_prose) {
      const auto* cert = m_c.certificate(r.certificate);
      Text cname = cert ? cert->name : T(r.certificate, r.certificate);
      t.required = T(fmt::format("at least {} certified study hours for {}", fmt_num(r.min_hours), cname.en),
                     fmt::format("{}认证学时至少 {} 学时", cname.zh, fmt_num(r.min_hours)));
      t.reason = T(fmt::format("At least {} certified study hours", fmt_num(r.min_hours)),
                   fmt::format("至少 {} 个认证学时", fmt_num(r.min_hours)));
      t.found = T(fmt::format("{} hours", fmt_num(h)), fmt::format("{} 学时", fmt_num(h)));
    }
    t.outcome = h >= r.min_hours ? Outcome::eligible : Outcome::not_eligible;
  }

  /// Where a major (or a title's field) stands against a relation: 2 plainly this or a
  /// related major, 1 may be related (unknown), 0 not related; -1 when it names no
  /// major the catalogue knows (then it cannot be told).
  int major_standing(const std::string& major_id, const Relation& rel) const {
    auto it = major_id.empty() ? m_c.major_by_id.end() : m_c.major_by_id.find(major_id);
    if (it == m_c.major_by_id.end()) return -1;
    auto within = [&](const std::vector<std::string>& ids) {
      for (const auto& id : ids)
        if (auto a = m_c.major_by_id.find(id);
            a != m_c.major_by_id.end() && Catalog::tree_distance(m_c.major_parent, it->second, a->second) >= 0)
          return true;
      return false;
    };
    return within(rel.plain) ? 2 : within(rel.maybe) ? 1 : 0;
  }

  static std::string names_of(const std::vector<std::string>& ids, const auto& find, bool zh) {
    std::string out;
    for (const auto& id : ids) {
      const auto* x = find(id);
      out += (out.empty() ? "" : zh ? "、" : ", ") + (x ? (zh ? x->name.zh : lower_first(x->name.en)) : id);
    }
    return out;
  }

  void title(const Rule& r, TraceNode& t) {
    const auto* need = m_c.title_level(r.title_min);
    Text nname = need ? need->name : T(r.title_min, r.title_min);
    if (m_prose) {
      t.required = r.related_major ? T(with_article(nname.en) + " or higher in a matching field",
                                       "符合专业对应关系的" + nname.zh + "或更高职称")
                                   : T(with_article(nname.en) + " or higher", nname.zh + "或更高职称");
      t.reason = T("Hold " + t.required.en, "取得" + t.required.zh);
    }
    int best = -2;  // 2 plain, 1 maybe, -1 field cannot be told, 0 unrelated
    const ProfessionalTitle* shown = nullptr;
    for (const auto& pt : m_p.titles) {
      const auto* have = m_c.title_level(pt.level);
      if (!have || !need || have->rank < need->rank || (pt.date && *pt.date > m_ctx.as_of)) continue;
      int st = r.related_major ? major_standing(pt.major, r.major_rel) : 2;
      // plain > maybe > cannot tell > unrelated
      auto order = [](int v) { return v == 2 ? 4 : v == 1 ? 3 : v == -1 ? 2 : v == 0 ? 1 : 0; };
      if (order(st) > order(best)) {
        best = st;
        shown = &pt;
      }
    }
    if (!shown) {
      t.outcome = Outcome::not_eligible;
      if (m_prose)
        t.found = m_p.titles.empty() ? T("no professional title", "未取得职称")
                                     : T("no title of that rank", "无该等级或更高的职称");
      return;
    }
    if (m_prose) {
      const auto* lv = m_c.title_level(shown->level);
      std::string f = shown->field.empty() ? "" : shown->field;
      t.found = T(fmt::format("{}{}", lv ? lv->name.en : shown->level, f.empty() ? "" : " (" + f + ")"),
                  fmt::format("{}{}", lv ? lv->name.zh : shown->level, f.empty() ? "" : "（" + f + "）"));
    }
    if (best == 2) {
      t.outcome = Outcome::eligible;
    } else if (best == 0) {
      t.outcome = Outcome::not_eligible;
      if (m_prose)
        t.found =
            T(t.found.en + ": a field advisor does not count as matching", t.found.zh + "：该专业领域不在对应范围内");
    } else {
      t.outcome = Outcome::unknown;
      if (shown->field.empty()) t.missing_fields = {"titles.field"};
      t.confirm =
          T("whether the field of your title matches the occupation (符合专业对应关系: the standard does not "
            "define it)",
            "你的职称专业是否符合专业对应关系（标准未界定）");
    }
  }

  void diploma(const Rule& r, TraceNode& t) {
    if (m_prose) diploma_text(r, t);
    if (m_p.education.empty() && m_p.school.empty()) {
      t.outcome = Outcome::unknown;
      t.missing_fields = {"education"};
      if (m_prose) t.found = T("education missing", "缺少学历");
      return;
    }
    if (m_prose) diploma_found(t);
    bool no = false, unclear = false;
    std::vector<std::string> missing;
    std::optional<Date> wait;  // the only thing missing is time
    // The school: given, or every school whose diplomas sit at the person's level.
    std::vector<std::string> candidates;
    if (!m_p.school.empty()) {
      candidates.push_back(m_p.school);
    } else {
      for (const auto& sch : m_c.schools)
        if (std::find(sch.levels.begin(), sch.levels.end(), m_p.education) != sch.levels.end())
          candidates.push_back(sch.id);
    }
    size_t match = 0;
    for (const auto& cand : candidates)
      if (std::any_of(r.schools.begin(), r.schools.end(), [&](const auto& w) { return m_c.school_within(cand, w); }))
        ++match;
    if (match == 0) {
      no = true;
    } else if (match < candidates.size()) {
      unclear = true;
      missing.push_back("education.school");
    }
    if (!r.education_min.empty()) {
      const auto* need = m_c.education_level(r.education_min);
      const auto* have = m_c.education_level(m_p.education);
      if (!have) {
        unclear = true;
        missing.push_back("education");
      } else if (need && have->rank < need->rank) {
        no = true;
      }
    }
    if (!r.min_class.empty()) {
      const auto* need = m_c.school_class(r.min_class);
      const auto* have = m_c.school_class(m_p.school_class);
      if (!have) {
        unclear = true;
        missing.push_back("education.class");
      } else if (need && have->rank < need->rank) {
        no = true;
      }
    }
    if (r.related_major) {
      if (m_p.major.empty()) {
        unclear = true;
        missing.push_back("education.major");
      } else {
        int st = major_standing(m_p.major_known ? m_p.major : std::string(), r.major_rel);
        if (st == 0) {
          no = true;
        } else if (st != 2) {
          unclear = true;
          t.confirm =
              T("whether your major counts as this or a related major (本专业或相关专业: the standard does "
                "not define it)",
                "你的专业是否属于本专业或相关专业（标准未界定）");
        }
      }
    }
    // Graduated, a final-year student, or a student for whom time will do it.
    bool studying = m_p.education_in_progress && (!m_p.education_expected || *m_p.education_expected > m_ctx.as_of);
    if (r.studying) {
      if (!studying) no = true;
    } else if (studying) {
      const auto& until = m_p.education_expected;
      if (r.final_year) {
        if (!until) {
          unclear = true;
          missing.push_back("education.expected");
        } else if (!final_year_student(*until, m_ctx.as_of)) {
          wait = final_year_start(*until);
        }
      } else {
        wait = until;
        if (!until) no = true;
      }
    }
    if (no) {
      t.outcome = Outcome::not_eligible;
      return;
    }
    if (wait) {
      t.outcome = Outcome::not_eligible;
      if (!unclear) t.passes_on = wait;
      return;
    }
    if (unclear) {
      t.outcome = Outcome::unknown;
      std::sort(missing.begin(), missing.end());
      missing.erase(std::unique(missing.begin(), missing.end()), missing.end());
      t.missing_fields = missing;
      return;
    }
    if (r.assessed) {
      t.outcome = Outcome::unknown;
      t.confirm =
          T("whether your programme is one that has been assessed (经评估论证; the published text does not say "
            "which programmes are)",
            "你的专业是否属于“经评估论证的”专业（公开文本未列明哪些专业）");
      return;
    }
    t.outcome = Outcome::eligible;
  }

  void diploma_text(const Rule& r, TraceNode& t) {
    auto find = [&](const std::string& id) { return m_c.school(id); };
    std::string en = names_of(r.schools, find, false), zh = names_of(r.schools, find, true);
    std::string extra_en, extra_zh;
    if (!r.min_class.empty())
      if (const auto* c = m_c.school_class(r.min_class)) {
        extra_en += ", " + lower_first(c->name.en) + " or above";
        extra_zh += c->name.zh + "及以上";
      }
    if (!r.education_min.empty())
      if (const auto* e = m_c.education_level(r.education_min)) {
        extra_en += ", " + e->name.en + " or above";
        extra_zh += "（" + e->name.zh + "及以上）";
      }
    std::string major_en = r.related_major ? " in this or a related major" : "";
    std::string major_zh = r.related_major ? "本专业或相关专业的" : "";
    if (r.studying) {
      t.required = T(fmt::format("a current student of {}{}", en, extra_en), fmt::format("{}{}在读学生", zh, extra_zh));
    } else {
      t.required = T(fmt::format("a diploma from {}{}{}{}{}", r.assessed ? "an assessed programme of " : "", en,
                                 extra_en, major_en, r.final_year ? " (final-year students included)" : ""),
                     fmt::format("取得{}{}{}{}毕业证书{}", r.assessed ? "经评估论证的" : "", zh, extra_zh, major_zh,
                                 r.final_year ? "（含在读应届毕业生）" : ""));
    }
    t.reason = T(std::string(1, static_cast<char>(std::toupper(static_cast<unsigned char>(t.required.en[0])))) +
                     t.required.en.substr(1),
                 t.required.zh);
  }

  void diploma_found(TraceNode& t) {
    const auto* lvl = m_c.education_level(m_p.education);
    const auto* sch = m_c.school(m_p.school);
    const auto* cls = m_c.school_class(m_p.school_class);
    const auto* maj = m_p.major_known ? m_c.major(m_p.major) : nullptr;
    std::string en = sch ? sch->name.en : lvl ? lvl->name.en : m_p.education;
    std::string zh = sch ? sch->name.zh : lvl ? lvl->name.zh : m_p.education;
    if (sch && lvl && sch->levels.size() > 1) {
      en += ", " + lvl->name.en;
      zh += "，" + lvl->name.zh;
    }
    if (cls) {
      en += ", " + lower_first(cls->name.en);
      zh += "，" + cls->name.zh;
    }
    if (!m_p.major.empty()) {
      en += ", " + (maj ? maj->name.en : m_p.major);
      zh += "，" + (maj ? maj->name.zh : m_p.major);
    }
    if (m_p.education_in_progress && (!m_p.education_expected || *m_p.education_expected > m_ctx.as_of)) {
      std::string when = m_p.education_expected ? m_p.education_expected->str() : std::string("?");
      bool last = m_p.education_expected && final_year_student(*m_p.education_expected, m_ctx.as_of);
      en += fmt::format(" (studying, expected {}{})", when, last ? "; a final-year student" : "");
      zh += fmt::format("（在读，预计 {} 毕业{}）", when, last ? "；应届毕业生" : "");
    }
    t.found = T(en, zh);
  }

  const EvalContext& m_ctx;
  const Catalog& m_c;
  const Profile& m_p;
  const std::vector<HeldCertificate>& m_held;  ///< EvalContext::held, else the profile's
  bool m_prose;                                ///< compose the texts (EvalContext::prose)
  bool m_tree;                                 ///< keep the children (EvalContext::tree)
};

// ---- what would change the answer

struct Option {
  std::vector<Text> steps;
  std::optional<Date> date;  // all steps by time: the latest of their dates
  bool by_time = true;
  bool now = false;  // every step is an exam the person may sit today
};

// How deep check_level may look into the levels a `holds` needs (validation already
// refuses cycles; this keeps a hand-made catalogue from recursing without end).
thread_local int t_holds_depth = 0;

/// Whether the level a `holds` condition names is open to the person today.
bool can_sit_now(const Rule& r, const EvalContext& ctx) {
  const auto* cert = ctx.catalog.certificate(r.certificate);
  if (!cert || cert->levels.empty() || t_holds_depth >= 4) return false;
  int need = r.level.empty() ? 0 : std::max(0, cert->level_index(r.level));
  ++t_holds_depth;
  // Only the outcome is read: no texts to compose.
  EvalContext quiet{ctx.catalog, ctx.profile, ctx.as_of, false, false, ctx.held, ctx.experience, ctx.any_experience};
  auto res = check_level(*cert, cert->levels[static_cast<size_t>(need)], quiet);
  --t_holds_depth;
  return res.status == Outcome::eligible;
}

// A profile field named in Chinese, with the key a profile author types.
std::string field_name_zh(const std::string& key) {
  if (key == "age") return "年龄（age 或 birth_date）";
  if (key == "education") return "学历（education）";
  if (key == "education.major") return "专业（education.major）";
  if (key == "experience") return "工作经历（experience）";
  if (key == "skills") return "技能（skills）";
  if (key == "certificates") return "证书（certificates）";
  if (key == "study_hours") return "学时（study_hours）";
  if (key == "certificates.date") return "证书取得日期（certificates 的 date）";
  if (key == "titles.date") return "职称取得日期（titles 的 date）";
  if (key == "titles.field") return "职称专业（titles 的 field）";
  if (key == "education.school") return "学校类型（education.school）";
  if (key == "education.class") return "技工院校班级（education.class）";
  if (key == "education.expected") return "预计毕业日期（education.expected）";
  if (key == "experience.start") return "工作起止日期（experience 的 start/end）";
  return key;
}

Text step_text(const TraceNode& t, Date as_of, const Rule* rule) {
  if (t.outcome == Outcome::unknown && t.missing_fields.empty() && !t.confirm.empty())
    return T("ask the assessment body: " + t.confirm.en, "向评价机构确认：" + t.confirm.zh);
  if (t.outcome == Outcome::unknown) {
    // The profile keys to add, as a profile author types them; age has two.
    std::string f, fz;
    for (const auto& m : t.missing_fields) {
      f += (f.empty() ? "" : ", ") + (m == "age" ? std::string("age or birth_date") : m);
      fz += (fz.empty() ? "" : "、") + field_name_zh(m);
    }
    return T(fmt::format("add {} to the profile (needed for: {})", f, t.reason.en),
             fmt::format("在档案中补充{}（用于判断：{}）", fz, t.reason.zh));
  }
  if (t.kind == RuleKind::experience && t.passes_on) {
    // Exact: whole months, then the days left ("1 more day", never "1 more month").
    int months = 0;
    while (as_of.add_months(months + 1) <= *t.passes_on) ++months;
    int days = static_cast<int>(t.passes_on->days() - as_of.add_months(months).days());
    // Chinese text puts a space between Chinese and Latin letters or digits.
    std::string subject_zh = t.subject.zh;
    if (!subject_zh.empty() && static_cast<unsigned char>(subject_zh[0]) < 0x80) subject_zh = " " + subject_zh;
    std::string more_en;
    if (months == 0)
      more_en = fmt::format("{} more day{}", days, days == 1 ? "" : "s");
    else if (months < 12)
      more_en = fmt::format("{} more month{}", months, months == 1 ? "" : "s");
    else if (months % 12 == 0)
      more_en = fmt::format("{} more year{}", months / 12, months == 12 ? "" : "s");
    else
      more_en = duration_text(months).en + " more";
    if (months > 0 && days > 0) more_en += fmt::format(" and {} day{}", days, days == 1 ? "" : "s");
    std::string dur_zh = months > 0 ? duration_text(months).zh : "";
    if (days > 0) dur_zh += fmt::format("{}{} 天", dur_zh.empty() ? "" : " ", days);
    return T(fmt::format("{} of {}work (from {})", more_en, t.subject.en.empty() ? "" : t.subject.en + " ",
                         t.passes_on->str()),
             fmt::format("再积累 {}的{}工作经验（{} 起满足）", dur_zh, subject_zh, t.passes_on->str()));
  }
  if (t.kind == RuleKind::education && t.passes_on)
    return T(fmt::format("finish your {} (expected {})",
                         lower_first(t.found.en.substr(0, t.found.en.find(" (in progress"))), t.passes_on->str()),
             fmt::format("完成在读的{}学业（预计 {} 毕业）", t.found.zh.substr(0, t.found.zh.find("（在读")),
                         t.passes_on->str()));
  if (t.kind == RuleKind::age && t.passes_on)
    return T(fmt::format("wait until you are {} (on {})", t.required.en, t.passes_on->str()),
             fmt::format("等到{}（{}）", t.required.zh, t.passes_on->str()));
  if (t.kind == RuleKind::holds && t.passes_on)
    return T(fmt::format("wait until you {} (on {})", t.required.en, t.passes_on->str()),
             fmt::format("等到{}（{}）", t.required.zh, t.passes_on->str()));
  if (t.kind == RuleKind::diploma && t.passes_on)
    return rule && rule->final_year
               ? T(fmt::format("reach your final year of study (from {}; final-year students count)",
                               t.passes_on->str()),
                   fmt::format("进入毕业学年（{} 起，在读应届毕业生即可）", t.passes_on->str()))
               : T(fmt::format("graduate (expected {})", t.passes_on->str()),
                   fmt::format("毕业（预计 {}）", t.passes_on->str()));
  if (t.kind == RuleKind::study_hours)
    return T(fmt::format("{} (you have {})", t.required.en, t.found.en),
             fmt::format("{}（目前 {}）", t.required.zh, t.found.zh));
  if (t.kind == RuleKind::age)
    return T("be " + t.required.en + " (give birth_date for the exact date)",
             "需" + t.required.zh + "（填写 birth_date 可算出确切日期）");
  return T(t.required.en, t.required.zh);
}

std::vector<Option> options(const Rule* rule, const TraceNode& t, const EvalContext& ctx) {
  Date as_of = ctx.as_of;
  if (t.outcome == Outcome::eligible) return {Option{}};
  auto child_rule = [&](size_t i) -> const Rule* {
    return rule && rule->children.size() == t.children.size() ? &rule->children[i] : nullptr;
  };
  switch (t.kind) {
    case RuleKind::any: {
      std::vector<Option> out;
      for (size_t i = 0; i < t.children.size(); ++i) {
        const auto& c = t.children[i];
        if (c.outcome == Outcome::eligible) continue;
        auto o = options(child_rule(i), c, ctx);
        out.insert(out.end(), o.begin(), o.end());
      }
      return out;
    }
    case RuleKind::all: {
      std::vector<Option> acc{Option{}};
      acc.front().now = true;
      for (size_t i = 0; i < t.children.size(); ++i) {
        const auto& c = t.children[i];
        if (c.outcome == Outcome::eligible) continue;
        auto o = options(child_rule(i), c, ctx);
        std::vector<Option> next;
        for (const auto& a : acc)
          for (const auto& b : o) {
            if (next.size() >= 16) break;  // a bounded list of alternatives is enough to act on
            Option m = a;
            m.steps.insert(m.steps.end(), b.steps.begin(), b.steps.end());
            m.by_time = a.by_time && b.by_time;
            m.now = a.now && b.now;
            if (a.date && b.date)
              m.date = std::max(*a.date, *b.date);
            else
              m.date = a.steps.empty() ? b.date : b.steps.empty() ? a.date : std::nullopt;
            next.push_back(std::move(m));
          }
        acc = std::move(next);
      }
      for (auto& o : acc) {
        if (!o.by_time) o.date.reset();
        if (o.steps.empty()) o.now = false;
      }
      return acc;
    }
    default: {
      Option o;
      o.steps.push_back(step_text(t, as_of, rule));
      o.by_time = t.passes_on.has_value();
      o.date = t.passes_on;
      if (rule && rule->kind == RuleKind::holds && t.outcome == Outcome::not_eligible && can_sit_now(*rule, ctx)) {
        o.now = true;
        o.steps.back().en += " (you can sit it now)";
        o.steps.back().zh += "（现在即可报考）";
      }
      return {o};
    }
  }
}

}  // namespace

TraceNode evaluate(const Rule& rule, const EvalContext& ctx) {
  TraceNode t;
  Evaluator(ctx).eval(rule, t);
  return t;
}

namespace {

/// Whether two versions state the same conditions (reasons and sources aside).
bool same_rule(const Rule& a, const Rule& b) {
  if (a.kind != b.kind || a.children.size() != b.children.size()) return false;
  Rule x = a, y = b;
  x.children.clear();
  y.children.clear();
  x.reason = y.reason = Text{};
  x.pos = y.pos = SourcePos{};
  if (!(x == y)) return false;
  for (size_t i = 0; i < a.children.size(); ++i)
    if (!same_rule(a.children[i], b.children[i])) return false;
  return true;
}

bool same_conditions(const std::optional<Rule>& a, const std::optional<Rule>& b) {
  if (!a || !b) return !a && !b;
  return same_rule(*a, *b);
}

/// The confirm texts of the unknown nodes of a trace, each once.
void collect_confirm(const TraceNode& t, std::vector<Text>& out) {
  if (t.outcome != Outcome::unknown) return;
  if (!t.confirm.empty() && std::find(out.begin(), out.end(), t.confirm) == out.end()) out.push_back(t.confirm);
  for (const auto& c : t.children) collect_confirm(c, out);
}

/// The first date the person held this level or a higher one of the certificate, among
/// the dated certificates obtained by the evaluation date.
std::optional<Date> held_since(const Certificate& cert, const CertificateLevel& level, const EvalContext& ctx) {
  int need = cert.level_index(level.id);
  std::optional<Date> since;
  for (const auto& h : ctx.held ? *ctx.held : ctx.profile.certificates) {
    if (h.id != cert.id || !h.date || *h.date > ctx.as_of || cert.level_index(h.level) < need) continue;
    if (!since || *h.date < *since) since = h.date;
  }
  return since;
}

}  // namespace

LevelResult check_level(const Certificate& cert, const CertificateLevel& level, const EvalContext& ctx) {
  LevelResult r;
  r.certificate = &cert;
  r.level = &level;
  if (cert.verified_on) r.stale = cert.verified_on->add_years(1) < ctx.as_of;
  r.held_since = held_since(cert, level, ctx);
  if (level.recommended) Evaluator(ctx).eval(*level.recommended, r.recommended.emplace());
  const Rule* rule = level.requires_rule ? &*level.requires_rule : nullptr;
  if (!level.versions.empty()) {
    r.version = level.version_on(ctx.as_of);
    rule = r.version && r.version->requires_rule ? &*r.version->requires_rule : nullptr;
    for (const auto& v : level.versions)
      if (&v != r.version && !same_conditions(v.requires_rule, r.version->requires_rule)) r.versions_conflict = true;
  }
  if (!rule) {
    r.status = Outcome::eligible;
    r.next_sitting = next_sitting(cert, ctx.as_of);
    return r;
  }
  Evaluator(ctx).eval(*rule, r.trace.emplace());
  if (r.status = r.trace->outcome; r.status == Outcome::unknown && ctx.tree) collect_confirm(*r.trace, r.to_confirm);
  r.status = r.trace->outcome;
  r.missing_fields = r.trace->missing_fields;
  if (r.status == Outcome::eligible) {
    r.next_sitting = next_sitting(cert, ctx.as_of);
    return r;
  }
  if (r.status == Outcome::not_eligible && r.trace->passes_on) {
    r.earliest_date = r.trace->passes_on;
    r.next_sitting = next_sitting(cert, *r.earliest_date);
  }
  if (!ctx.prose || !ctx.tree) return r;  // the changes are sentences, read from the children
  auto opts = options(rule, *r.trace, ctx);
  // Easiest first: an exam the person may sit today, then waiting (soonest first),
  // then the fewest things to do.
  std::stable_sort(opts.begin(), opts.end(), [](const Option& a, const Option& b) {
    if (a.now != b.now) return a.now;
    if (a.by_time != b.by_time) return a.by_time;
    if (a.by_time && a.date != b.date) return a.date < b.date;
    return a.steps.size() < b.steps.size();
  });
  for (const auto& o : opts) {
    Change ch;
    ch.by_time = o.by_time && o.date.has_value();
    ch.now = o.now;
    ch.date = ch.by_time ? o.date : std::nullopt;
    ch.steps = o.steps;
    for (const auto& s : o.steps) {
      ch.text.en += (ch.text.en.empty() ? "" : " and ") + s.en;
      ch.text.zh += (ch.text.zh.empty() ? "" : "，并且") + s.zh;
    }
    r.changes.push_back(std::move(ch));
  }
  return r;
}

}  // namespace advisor

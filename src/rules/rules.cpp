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
template <typename Counts>
ExperienceMeasure measure(const Profile& p, Counts&& counts, Date as_of) {
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
      undated += *e.years;
      continue;
    }
    if (!e.start) continue;
    long s = e.start->days();
    long end = e.end ? e.end->days() : today;
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
        return;
      }
      const auto& lname = cert->levels[static_cast<size_t>(have)].name;
      if (m_prose) t.found = T("holds " + lname.en + " only", "仅持有" + lname.zh);
    }
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
  return key;
}

Text step_text(const TraceNode& t, Date as_of) {
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
      o.steps.push_back(step_text(t, as_of));
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
  if (!level.requires_rule) {
    r.status = Outcome::eligible;
    r.next_sitting = next_sitting(cert, ctx.as_of);
    return r;
  }
  Evaluator(ctx).eval(*level.requires_rule, r.trace.emplace());
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
  auto opts = options(&*level.requires_rule, *r.trace, ctx);
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

// The certificate search of a plan (plan_search.hpp says what it finds).
#include "plan_search.hpp"

#include <algorithm>
#include <queue>
#include <tuple>

#include "advisor/matching.hpp"
#include "advisor/rules.hpp"

namespace advisor::plan_search {

namespace {

/// The skills a certificate level teaches: the certificate's own syllabus and that of
/// every level up to it (a level builds on those below).
std::vector<std::string> taught_up_to(const Certificate& cert, size_t level) {
  std::vector<std::string> out = cert.syllabus;
  for (size_t i = 0; i <= level && i < cert.levels.size(); ++i)
    out.insert(out.end(), cert.levels[i].syllabus.begin(), cert.levels[i].syllabus.end());
  return out;
}

}  // namespace

void holds_refs(const Rule& r, std::vector<std::pair<std::string, std::string>>& out) {
  if (r.kind == RuleKind::holds) out.emplace_back(r.certificate, r.level);
  for (const auto& ch : r.children) holds_refs(ch, out);
}

/// A minimal set of certificate levels: greedily, the level that teaches the most of
/// what is still missing (each skill weighted by its specificity), the lowest level of
/// a ladder that does it, until nothing missing is taught by any. A certificate that
/// teaches nothing new is never a step (unless a later step's rules need it: see cap).
Scope scope_of(const Catalog& c, const Role& target, const std::vector<std::string>& needs,
               const std::vector<int>& ladder, const std::function<std::vector<size_t>()>& preference) {
  Scope s;
  size_t n = c.certificates.size();
  s.top.assign(n, -1);
  s.related.assign(n, false);
  s.covers.assign(n, {});
  for (size_t i = 0; i < n; ++i) {
    const auto& rr = c.certificates[i].related_roles;
    s.related[i] = std::find(rr.begin(), rr.end(), target.id) != rr.end();
  }
  auto weight = [&](const std::string& id) {
    auto it = c.skill_by_id.find(id);
    return it == c.skill_by_id.end() ? 1.0 : c.skill_idf[it->second];
  };
  std::optional<std::vector<size_t>> places;
  auto place = [&](size_t i) {
    if (!places) places = preference ? preference() : std::vector<size_t>{};
    return i < places->size() ? (*places)[i] : n;
  };
  std::vector<std::string> left = needs;
  while (!left.empty()) {
    double best = 0;
    size_t best_cert = n;
    int best_level = -1;
    std::vector<std::string> best_cov;
    for (size_t i = 0; i < n; ++i) {
      if (s.top[i] >= 0) continue;  // one level per certificate: the lowest that teaches it
      const auto& cert = c.certificates[i];
      size_t lowest = i < ladder.size() && ladder[i] > 0 ? static_cast<size_t>(ladder[i]) : 0;
      for (size_t l = lowest; l < cert.levels.size(); ++l) {
        auto cov = syllabus_covers(c, taught_up_to(cert, l), left);
        double w = 0;
        for (const auto& k : cov) w += weight(k);
        // Strictly more, or as much from a certificate `recommend` places first, at the
        // very level it suggests (a higher one would add steps the other does not);
        // other ties keep the earlier certificate, and always the lower level.
        bool more = w > best + 1e-9;
        bool preferred = !more && best_cert < n && best_cert != i && l == lowest && w > 1e-9 && w > best - 1e-9 &&
                         place(i) < place(best_cert);
        if (more || preferred) {
          best = w;
          best_cert = i;
          best_level = static_cast<int>(l);
          best_cov = cov;
        }
      }
    }
    if (best_cert == n) break;
    s.top[best_cert] = best_level;
    for (const auto& k : best_cov) left.erase(std::find(left.begin(), left.end(), k));
    s.covers[best_cert] = best_cov;
  }
  for (size_t i = 0; i < n; ++i) {
    // Keep the role's order of skills so the reasons read the same way as `gap`.
    auto& cv = s.covers[i];
    std::vector<std::string> ordered;
    for (const auto& k : needs)
      if (std::find(cv.begin(), cv.end(), k) != cv.end()) ordered.push_back(k);
    cv = ordered;
  }
  // Levels named by `holds` in the rules of levels worth sitting are worth sitting too.
  s.cap = s.top;
  for (bool changed = true; changed;) {
    changed = false;
    for (size_t i = 0; i < n; ++i)
      for (int li = 0; li <= s.cap[i]; ++li) {
        const auto& lvl = c.certificates[i].levels[static_cast<size_t>(li)];
        if (!lvl.requires_rule) continue;
        std::vector<std::pair<std::string, std::string>> refs;
        holds_refs(*lvl.requires_rule, refs);
        for (const auto& [cid, lid] : refs) {
          auto it = c.certificate_by_id.find(cid);
          if (it == c.certificate_by_id.end()) continue;
          int need = lid.empty() ? 0 : std::max(0, c.certificates[it->second].level_index(lid));
          if (need > s.cap[it->second]) {
            s.cap[it->second] = need;
            changed = true;
          }
        }
      }
  }
  return s;
}

void Search::run() {
  Node root;
  root.held.assign(m_c.certificates.size(), -1);
  for (const auto& h : m_p.certificates) {
    if (h.date && *h.date > m_as_of) continue;
    auto it = m_c.certificate_by_id.find(h.id);
    if (it == m_c.certificate_by_id.end()) continue;
    root.held[it->second] = std::max(root.held[it->second], m_c.certificates[it->second].level_index(h.level));
  }
  root.date = m_as_of;
  aim(root.held);
  m_nodes.push_back(root);
  m_index.emplace(root.held, 0);
  using Key = std::tuple<long, int, long, std::vector<int>, size_t>;
  std::priority_queue<Key, std::vector<Key>, std::greater<>> queue;
  auto push = [&](size_t idx) {
    const auto& n = m_nodes[idx];
    queue.emplace(n.date.days(), -progress(n.held), n.total, n.held, idx);
  };
  push(0);
  m_best = 0;
  std::vector<size_t> expanded;
  while (!queue.empty()) {
    auto [days, neg_progress, total, held, idx] = queue.top();
    queue.pop();
    auto& node = m_nodes[idx];
    if (node.settled || node.date.days() != days || node.total != total) continue;
    node.settled = true;
    if (++m_settled > k_plan_max_states) {
      m_capped = true;
      break;
    }
    // Pop order is date order: the first state with the most progress is the best one.
    if (progress(node.held) > progress(m_nodes[m_best].held)) m_best = idx;
    if (is_goal(node.held)) {
      m_best = idx;
      break;
    }
    // A state holding no more than one already expanded, and no sooner, can lead
    // nowhere that one cannot: skipping it keeps independent certificates from
    // multiplying into every subset.
    // (A named reference: clang 14 cannot capture a structured binding.)
    const auto& held_here = held;
    bool dominated = std::any_of(expanded.begin(), expanded.end(), [&](size_t e) {
      const auto& other = m_nodes[e];
      if (other.date > node.date) return false;
      for (size_t i = 0; i < held_here.size(); ++i)
        if (other.held[i] < held_here[i]) return false;
      return true;
    });
    if (dominated) continue;
    expanded.push_back(idx);
    for (size_t next : expand(idx)) push(next);
  }
}

Profile Search::profile_at(size_t idx) const {
  Profile p = m_p;
  for (int k = static_cast<int>(idx); k >= 0 && m_nodes[static_cast<size_t>(k)].parent >= 0;
       k = m_nodes[static_cast<size_t>(k)].parent) {
    const auto& n = m_nodes[static_cast<size_t>(k)];
    const auto& cert = m_c.certificates[n.cert];
    p.certificates.push_back(HeldCertificate{cert.id, cert.levels[static_cast<size_t>(n.level)].id, n.date, {}});
  }
  return p;
}

std::optional<std::string> Search::last_sitting(size_t idx, size_t cert) const {
  for (int k = static_cast<int>(idx); k >= 0 && m_nodes[static_cast<size_t>(k)].parent >= 0;
       k = m_nodes[static_cast<size_t>(k)].parent) {
    const auto& n = m_nodes[static_cast<size_t>(k)];
    if (n.cert == cert && n.sitting) return n.sitting;
  }
  return std::nullopt;
}

int Search::progress(const std::vector<int>& held) const {
  int p = 0;
  for (size_t i = 0; i < held.size(); ++i)
    if (m_scope.top[i] >= 0) p += std::min(held[i], m_scope.top[i]) + 1;
  return p;
}

void Search::aim(const std::vector<int>& start) {
  std::vector<int> can = start;
  for (bool changed = true; changed;) {
    changed = false;
    Profile p = m_p;
    for (size_t ci = 0; ci < can.size(); ++ci)
      if (can[ci] >= 0)
        p.certificates.push_back(HeldCertificate{
            m_c.certificates[ci].id, m_c.certificates[ci].levels[static_cast<size_t>(can[ci])].id, m_as_of, {}});
    EvalContext ctx{m_c, p, m_as_of};
    for (size_t ci = 0; ci < can.size(); ++ci) {
      const auto& cert = m_c.certificates[ci];
      for (int li = m_scope.cap[ci]; li > can[ci]; --li) {
        auto r = check_level(cert, cert.levels[static_cast<size_t>(li)], ctx);
        if (r.status == Outcome::eligible || (r.status == Outcome::not_eligible && r.earliest_date)) {
          can[ci] = li;
          changed = true;
          break;
        }
      }
    }
  }
  m_goal.assign(can.size(), -1);
  for (size_t ci = 0; ci < can.size(); ++ci)
    if (m_scope.top[ci] >= 0) m_goal[ci] = std::min(m_scope.top[ci], can[ci]);
}

bool Search::is_goal(const std::vector<int>& held) const {
  for (size_t i = 0; i < held.size(); ++i)
    if (m_goal[i] >= 0 && held[i] < m_goal[i]) return false;
  return true;
}

std::vector<size_t> Search::expand(size_t idx) {
  std::vector<size_t> improved;
  Profile p = profile_at(idx);
  Date d = m_nodes[idx].date;
  EvalContext ctx{m_c, p, d};
  for (size_t ci = 0; ci < m_c.certificates.size(); ++ci) {
    const auto& cert = m_c.certificates[ci];
    for (int li = m_nodes[idx].held[ci] + 1; li <= m_scope.cap[ci]; ++li) {
      auto r = check_level(cert, cert.levels[static_cast<size_t>(li)], ctx);
      std::optional<Date> open;
      if (r.status == Outcome::eligible)
        open = d;
      else if (r.status == Outcome::not_eligible && r.earliest_date)
        open = r.earliest_date;
      if (!open) continue;  // needs an action or data the rules cannot time
      Date sit = *open;
      std::optional<std::string> sitting;
      if (!cert.sittings.empty()) {
        // One sitting of a certificate per exam month: the next level waits for a later one.
        Date from = *open;
        if (auto last = last_sitting(idx, ci)) {
          Date after_last = parse_date(*last).date->add_months(1);
          if (after_last > from) from = after_last;
        }
        sitting = next_sitting(cert, from);
        if (!sitting) continue;
        sit = *parse_date(*sitting).date;
      }
      Node next;
      next.held = m_nodes[idx].held;
      next.held[ci] = li;
      next.date = sit;
      next.total = m_nodes[idx].total + sit.days();
      next.parent = static_cast<int>(idx);
      next.cert = ci;
      next.level = li;
      next.eligible = *open;
      next.sitting = sitting;
      auto it = m_index.find(next.held);
      if (it == m_index.end()) {
        m_index.emplace(next.held, m_nodes.size());
        improved.push_back(m_nodes.size());
        m_nodes.push_back(std::move(next));
        continue;
      }
      auto& old = m_nodes[it->second];
      if (old.settled) continue;
      if (std::pair(next.date.days(), next.total) < std::pair(old.date.days(), old.total)) {
        old = std::move(next);
        improved.push_back(it->second);
      }
    }
  }
  return improved;
}

}  // namespace advisor::plan_search

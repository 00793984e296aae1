// Profile loading: YAML or JSON (yaml-cpp reads both) → Profile, resolved against
// the catalogue. Unknown skills are warnings; everything else that is wrong is an error.
#include <fmt/format.h>
#include <cctype>

#include "advisor/profile_loader.hpp"
#include "advisor/util/bilingual.hpp"
#include "advisor/util/utf8.hpp"
#include "json_check.hpp"
#include "profile_reader.hpp"

namespace advisor {

using util::T;

namespace {

std::vector<std::string> ids_of(const auto& items) {
  std::vector<std::string> ids;
  ids.reserve(items.size());
  for (const auto& it : items) ids.push_back(it.id);
  return ids;
}

/// The items' ids, comma-separated: the known values a message lists.
std::string known_ids(const auto& items) {
  std::string ids;
  for (const auto& it : items) ids += (ids.empty() ? "" : ", ") + it.id;
  return ids;
}

/// An age written with its unit, as people write it: "29岁", "29 周岁", "２９岁" (read
/// after NFKC), "29 years", "29 yrs". The number, or nothing when the text is not a
/// run of digits and one of those units (a bare number is get_int's to read).
std::optional<long> age_with_unit(std::string_view text) {
  if (text.find_first_not_of("0123456789") == std::string_view::npos) return std::nullopt;  // 29, or empty
  std::string s = util::nfkc(text);
  auto trim_end = [&] {
    while (!s.empty() && s.back() == ' ') s.pop_back();
  };
  trim_end();
  bool unit = false;
  for (std::string_view u : {"周岁", "岁", "years", "yrs"}) {
    if (s.size() < u.size()) continue;
    std::string tail = s.substr(s.size() - u.size());
    for (auto& ch : tail) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    if (tail != u) continue;
    s.resize(s.size() - u.size());
    unit = true;
    break;
  }
  if (!unit) return std::nullopt;
  trim_end();
  if (s.empty() || s.size() > 9 || s.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
  return std::stol(s);
}

// A guess shows what it names in both languages, so a reader sees when it would change
// the meaning: "did you mean 'physics': 物理 / Physics?".
std::string did_you_mean_en(const std::string& guess, const Text* name = nullptr) {
  if (guess.empty()) return "";
  if (!name || name->empty()) return fmt::format(" (did you mean '{}'?)", guess);
  if (name->zh == name->en) return fmt::format(" (did you mean '{}': {}?)", guess, name->en);
  return fmt::format(" (did you mean '{}': {} / {}?)", guess, name->zh, name->en);
}
std::string did_you_mean_zh(const std::string& guess, const Text* name = nullptr) {
  if (guess.empty()) return "";
  if (!name || name->empty()) return fmt::format("（是否想写“{}”？）", guess);
  if (name->zh == name->en) return fmt::format("（是否想写“{}”：{}？）", guess, name->zh);
  return fmt::format("（是否想写“{}”：{} / {}？）", guess, name->zh, name->en);
}

/// The skill a phrase around a skill's name names, as people write them in a CV:
/// 熟悉Excel, 精通Python, 数据分析能力, 护理经验, 日语水平, "proficient in SQL", "Excel
/// skills". Only wrappers that add nothing to the skill are taken off, one before and
/// one after, and the rest must name a skill exactly (issue 28). Single characters such
/// as 会 are never taken off (会计 is accounting).
const TreeItem* find_skill_in_phrase(const Catalog& c, std::string_view text) {
  static constexpr std::string_view k_before[] = {"熟练掌握",
                                                  "熟练使用",
                                                  "熟练运用",
                                                  "能熟练使用",
                                                  "熟练",
                                                  "熟悉",
                                                  "精通",
                                                  "掌握",
                                                  "了解",
                                                  "擅长",
                                                  "具备",
                                                  "具有",
                                                  "良好的",
                                                  "较强的",
                                                  "一定的",
                                                  "proficient in ",
                                                  "proficiency in ",
                                                  "familiar with ",
                                                  "experienced in ",
                                                  "experience in ",
                                                  "experience with ",
                                                  "knowledge of ",
                                                  "skilled in ",
                                                  "good at ",
                                                  "strong "};
  static constexpr std::string_view k_after[] = {"能力",   "经验",        "技能",       "知识",    "基础",
                                                 "水平",   "功底",        "操作",       "使用",    " skills",
                                                 " skill", " experience", " knowledge", " ability"};
  auto trim = [](std::string x) {
    auto first = x.find_first_not_of(" \t");
    if (first == std::string::npos) return std::string();
    return x.substr(first, x.find_last_not_of(" \t") - first + 1);
  };
  std::string t = trim(std::string(text));
  auto strip_front = [&](std::string& x, std::string_view w) {
    if (x.size() > w.size() && std::equal(w.begin(), w.end(), x.begin(), [](char a, char b) {
          return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
        })) {
      x = trim(x.substr(w.size()));
      return true;
    }
    return false;
  };
  auto strip_back = [&](std::string& x, std::string_view w) {
    if (x.size() > w.size() && std::equal(w.rbegin(), w.rend(), x.rbegin(), [](char a, char b) {
          return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
        })) {
      x = trim(x.substr(0, x.size() - w.size()));
      return true;
    }
    return false;
  };
  std::string front = t, back = t, both;
  bool f = false, b = false;
  for (auto w : k_before)
    if (strip_front(front, w)) {
      f = true;
      break;
    }
  for (auto w : k_after)
    if (strip_back(back, w)) {
      b = true;
      break;
    }
  if (f)
    if (const auto* k = c.find_skill(front)) return k;
  if (b)
    if (const auto* k = c.find_skill(back)) return k;
  if (f && b) {
    both = front;
    for (auto w : k_after)
      if (strip_back(both, w)) break;
    if (const auto* k = c.find_skill(both)) return k;
  }
  return nullptr;
}

/// A skill with a level or score after it that says how well, not what: `雅思7分`,
/// `托福 100`, `日语N2`, `Python（熟练）`, `Excel (advanced)`. The skill without it, or nullptr.
const TreeItem* find_skill_without_grade(const Catalog& c, std::string_view text) {
  std::string t(text);
  auto trim_back = [](std::string& x) {
    while (!x.empty() && (x.back() == ' ' || x.back() == '-' || x.back() == ':' || x.back() == '\t')) x.pop_back();
  };
  auto ends_with = [](const std::string& x, std::string_view w) {
    return x.size() > w.size() && x.compare(x.size() - w.size(), w.size(), w) == 0;
  };
  bool changed = false;
  // A bracketed note at the end: (advanced), （熟练）, [精通].
  for (auto [open, close] : {std::pair<std::string_view, std::string_view>{"(", ")"}, {"（", "）"}, {"[", "]"}})
    if (ends_with(t, close)) {
      auto at = t.rfind(open);
      if (at != std::string::npos && at > 0) {
        t.erase(at);
        changed = true;
        break;
      }
    }
  trim_back(t);
  // A score or a JLPT-style level: 7分, 100, 6.5, N2, 8级.
  for (std::string_view unit : {"分", "级", "points", "+"})
    if (ends_with(t, unit)) {
      auto before = t.substr(0, t.size() - unit.size());
      if (!before.empty() && std::isdigit(static_cast<unsigned char>(before.back()))) t = before;
      break;
    }
  size_t end = t.size();
  while (end > 0 && (std::isdigit(static_cast<unsigned char>(t[end - 1])) || t[end - 1] == '.')) --end;
  if (end < t.size() && end > 0) {
    if (t[end - 1] == 'N' || t[end - 1] == 'n') --end;  // JLPT N1–N5
    t.erase(end);
    changed = true;
  }
  trim_back(t);
  if (!changed || t.empty() || t.size() == text.size()) return nullptr;
  if (const auto* k = c.find_skill(t)) return k;
  return find_skill_in_phrase(c, t);
}

/// One entry that names several skills: `Excel/PPT`, `Python、SQL`, `沟通与协调`,
/// `Word, Excel and PowerPoint`. Each part must name a skill (as written, as a CV
/// phrase or with its grade taken off); otherwise nothing is taken from it.
std::vector<const TreeItem*> find_skills_in_list(const Catalog& c, std::string_view text) {
  static constexpr std::string_view k_separators[] = {"/", "／", "、", "，",    ",",  "；", ";",
                                                      "|", "&",  "+",  " and ", "与", "和", "及"};
  std::vector<std::string> parts{std::string(text)};
  for (auto sep : k_separators) {
    std::vector<std::string> next;
    for (const auto& p : parts)
      for (size_t from = 0;;) {
        auto at = p.find(sep, from);
        next.push_back(p.substr(from, at == std::string::npos ? std::string::npos : at - from));
        if (at == std::string::npos) break;
        from = at + sep.size();
      }
    parts = std::move(next);
  }
  std::vector<const TreeItem*> out;
  for (auto& p : parts) {
    auto first = p.find_first_not_of(" \t");
    if (first == std::string::npos) continue;  // "Word, Excel, and PowerPoint": an empty part
    p = p.substr(first, p.find_last_not_of(" \t") - first + 1);
    const auto* k = c.find_skill(p);
    if (!k) k = find_skill_in_phrase(c, p);
    if (!k) k = find_skill_without_grade(c, p);
    if (!k) return {};
    if (std::find(out.begin(), out.end(), k) == out.end()) out.push_back(k);
  }
  return out.size() >= 2 ? out : std::vector<const TreeItem*>{};
}

/// Reads a profile from a yaml-cpp node or a JsonNode (the one-line JSON reader's
/// tree): the same rules and messages for both.
template <class Node>
class ProfileReader {
 public:
  ProfileReader(YamlContext& ctx, const Catalog& c, Date as_of, Profile& p)
      : m_ctx(ctx), m_c(c), m_as_of(as_of), m_p(p) {}

  void read(const Node& root) {
    if (!check_map(m_ctx, root,
                   {"name", "age", "birth_date", "education", "titles", "experience", "skills", "certificates",
                    "study_hours", "goals"},
                   "profile"))
      return;
    // Each key looked up once: a lookup is a walk along the mapping.
    const Node name = root["name"], age = root["age"], birth = root["birth_date"];
    if (name.IsDefined() && !is_null(name)) m_p.name = get_string(m_ctx, name, "name").value_or("");
    if (age.IsDefined() && birth.IsDefined()) {
      m_ctx.error(age, T("give either 'age' or 'birth_date', not both", "“age”与“birth_date”只需给出其一"));
    }
    if (age.IsDefined() && !is_null(age)) m_p.age = age_of(age);
    if (birth.IsDefined() && !is_null(birth)) {
      m_p.birth_date = get_date(m_ctx, birth, "birth_date");
      if (m_p.birth_date && *m_p.birth_date > m_as_of) {
        m_ctx.error(
            birth, T(fmt::format("birth_date {} is after the evaluation date {}", m_p.birth_date->str(), m_as_of.str()),
                     fmt::format("出生日期 {} 晚于评估日期 {}", m_p.birth_date->str(), m_as_of.str())));
        m_p.birth_date.reset();
      }
    }
    if (auto e = root["education"]; e.IsDefined() && !is_null(e)) education(e);
    if (auto e = root["experience"]; e.IsDefined()) {
      m_p.experience_given = true;
      if (!is_null(e)) experience(e);
    }
    if (auto s = root["skills"]; s.IsDefined() && !is_null(s)) skills(s);
    if (auto s = root["certificates"]; s.IsDefined() && !is_null(s)) certificates(s);
    if (auto s = root["titles"]; s.IsDefined() && !is_null(s)) titles(s);
    if (auto s = root["study_hours"]; s.IsDefined() && !is_null(s)) study_hours(s);
    if (auto g = root["goals"]; g.IsDefined() && !is_null(g)) goals(g);
  }

 private:
  /// `age: 29`, or with its unit (age_with_unit): 29岁, 29 周岁, ２９岁, 29 years. Anything
  /// else gets get_int's message, as a bare number does.
  std::optional<int> age_of(const Node& n) {
    if (n.IsScalar())
      if (auto years = age_with_unit(n.Scalar())) {
        if (*years <= 150) return static_cast<int>(*years);
        m_ctx.error(n, T(fmt::format("age is {}, out of range (0 to 150)", n.Scalar()),
                         fmt::format("age 为 {}，超出范围（0 至 150）", n.Scalar())));
        return std::nullopt;
      }
    return get_int(m_ctx, n, "age", 0, 150);
  }

  void education(const Node& e) {
    // Nodes are built, never assigned: yaml-cpp's Node::operator= writes through.
    if (e.IsMap() && !check_map(m_ctx, e, {"level", "school", "class", "major", "status", "expected"}, "education"))
      return;
    if (e.IsMap()) education_status(e);
    if (e.IsMap()) education_school(e);
    const Node level_node = e.IsMap() ? e["level"] : e;
    const Node major_node = e.IsMap() ? e["major"] : Node();
    if (level_node.IsDefined() && !is_null(level_node)) {
      if (auto s = get_string(m_ctx, level_node, "education.level")) {
        const auto* school = m_c.find_school(*s);
        if (const auto* lvl = m_c.find_education(*s)) {
          m_p.education = lvl->id;
          // 中专, 高职, 技校: a level that also names the school (unless `school` says otherwise)
          if (school && m_p.school.empty()) m_p.school = school->id;
        } else if (school && school->levels.size() == 1) {
          // a school whose diplomas sit at one level: 技师学院 → upper secondary
          m_p.education = school->levels[0];
          if (m_p.school.empty()) m_p.school = school->id;
        } else {
          std::vector<std::string> words;
          for (const auto& l : m_c.education) {
            words.push_back(l.id);
            for (const auto& a : l.aliases) words.push_back(a);
          }
          auto guess = closest_match(*s, words);
          const auto* gl = guess.empty() ? nullptr : m_c.find_education(guess);
          const Text* gn = gl ? &gl->name : nullptr;
          std::string ids = known_ids(m_c.education);
          m_ctx.error(level_node,
                      T(fmt::format("unknown education level '{}'{} (known: {})", *s, did_you_mean_en(guess, gn), ids),
                        fmt::format("未知的学历“{}”{}（可用：{}）", *s, did_you_mean_zh(guess, gn), ids)));
        }
      }
    }
    if (major_node.IsDefined() && !is_null(major_node)) {
      if (auto s = get_string(m_ctx, major_node, "education.major")) {
        if (const auto* m = m_c.find_major(*s)) {
          m_p.major = m->id;
          m_p.major_known = true;
        } else {
          m_p.major = *s;
          std::vector<std::string> words = ids_of(m_c.majors);
          for (const auto& major : m_c.majors)
            for (const auto& a : major.aliases) words.push_back(a);
          auto guess = closest_match(*s, words);
          const auto* gm = guess.empty() ? nullptr : m_c.find_major(guess);
          const Text* gn = gm ? &gm->name : nullptr;
          m_ctx.warning(
              major_node,
              T(fmt::format("major '{}' is not in the catalogue{}; rules about majors cannot match it", *s,
                            did_you_mean_en(guess, gn)),
                fmt::format("专业“{}”不在目录库中{}；与专业有关的规则无法匹配它", *s, did_you_mean_zh(guess, gn))));
        }
      }
    }
  }

  // school: a school type; class: a 技工院校 programme (中级工班 … 技师班).
  void education_school(const Node& e) {
    const Node school = e["school"], cls = e["class"];
    if (school.IsDefined() && !is_null(school))
      if (auto s = get_string(m_ctx, school, "education.school")) {
        if (const auto* t = m_c.find_school(*s))
          m_p.school = t->id;
        else
          m_ctx.error(school, T(fmt::format("unknown school type '{}' (known: {})", *s, known_ids(m_c.schools)),
                                fmt::format("未知的学校类型“{}”（可用：{}）", *s, known_ids(m_c.schools))));
      }
    if (cls.IsDefined() && !is_null(cls))
      if (auto s = get_string(m_ctx, cls, "education.class")) {
        if (const auto* t = m_c.find_school_class(*s))
          m_p.school_class = t->id;
        else
          m_ctx.error(cls, T(fmt::format("unknown school class '{}' (known: {})", *s, known_ids(m_c.school_classes)),
                             fmt::format("未知的技工院校班级“{}”（可用：{}）", *s, known_ids(m_c.school_classes))));
      }
  }

  // titles: professional titles (职称), [{level, field, date}]. None listed: none held.
  void titles(const Node& seq) {
    if (!seq.IsSequence()) {
      m_ctx.error(seq, T("titles must be a list of {level, field, date}", "titles 应为 {level, field, date} 的列表"));
      return;
    }
    for (const auto& item : seq) {
      if (!check_map(m_ctx, item, {"level", "field", "date"}, "title")) continue;
      ProfessionalTitle t;
      t.pos = m_ctx.pos(item);
      const Node level = item["level"], field = item["field"], date = item["date"];
      if (!level.IsDefined() || is_null(level)) {
        m_ctx.error(item, T("title has no 'level' (junior, intermediate or senior)",
                            "职称条目缺少“level”（初级、中级或高级）"));
        continue;
      }
      auto text = get_string(m_ctx, level, "title.level");
      if (!text) continue;
      const auto* lvl = m_c.find_title_level(*text);
      if (!lvl) {
        std::string ids = known_ids(m_c.title_levels);
        m_ctx.error(level, T(fmt::format("unknown title level '{}' (known: {})", *text, ids),
                             fmt::format("未知的职称等级“{}”（可用：{}）", *text, ids)));
        continue;
      }
      t.level = lvl->id;
      if (field.IsDefined() && !is_null(field)) {
        t.field = get_string(m_ctx, field, "title.field").value_or("");
        if (const auto* m = m_c.find_major(t.field)) t.major = m->id;
      }
      if (date.IsDefined() && !is_null(date)) {
        t.date = get_date(m_ctx, date, "title.date");
        if (t.date && *t.date > m_as_of)
          m_ctx.warning(date, T(fmt::format("obtained {}, after the evaluation date {}: not counted yet", t.date->str(),
                                            m_as_of.str()),
                                fmt::format("取得日期 {} 晚于评估日期 {}：暂不计入", t.date->str(), m_as_of.str())));
      }
      m_p.titles.push_back(std::move(t));
    }
  }

  // status: completed (the default) or in_progress, with the expected date.
  void education_status(const Node& e) {
    const Node status = e["status"], expected = e["expected"];
    if (status.IsDefined() && !is_null(status)) {
      auto s = get_string(m_ctx, status, "education.status");
      if (s && *s == "in_progress")
        m_p.education_in_progress = true;
      else if (s && *s != "completed")
        m_ctx.error(status, T(fmt::format("unknown education status '{}' (known: completed, in_progress)", *s),
                              fmt::format("未知的学业状态“{}”（可用：completed、in_progress）", *s)));
    }
    if (expected.IsDefined() && !is_null(expected)) {
      if (!m_p.education_in_progress) {
        m_ctx.error(expected, T("'expected' is the date a degree in progress ends: give it with status: in_progress",
                                "“expected”是在读学历的预计毕业日期：需与 status: in_progress 一起填写"));
        return;
      }
      m_p.education_expected = get_date(m_ctx, expected, "education.expected");
    } else if (m_p.education_in_progress) {
      m_ctx.error(status, T("a degree in progress needs 'expected', the month it ends (e.g. expected: 2027-07)",
                            "在读学历需填写“expected”，即预计毕业年月（例如 expected: 2027-07）"));
    }
  }

  void experience(const Node& seq) {
    if (!seq.IsSequence()) {
      m_ctx.error(seq, T("experience must be a list of jobs", "experience 应为工作经历列表"));
      return;
    }
    for (const auto& item : seq) {
      if (!check_map(m_ctx, item, {"title", "domains", "start", "end", "years"}, "experience entry")) continue;
      ExperienceEntry e;
      e.pos = m_ctx.pos(item);
      const Node title = item["title"], dn = item["domains"], start = item["start"], end = item["end"],
                 years = item["years"];
      if (title.IsDefined() && !is_null(title)) e.title = get_string(m_ctx, title, "title").value_or("");
      // `domains` may be left out: the job is work all the same (it counts where a rule
      // names no domain). A domain is an id, a zh or en name or an alias (物流, retail);
      // one the catalogue does not know is kept in the file with a warning, like an
      // unknown skill, and counts toward no domain.
      for (const auto& d : get_string_list(m_ctx, dn, "domains")) {
        if (const auto* known = m_c.find_domain(d)) {
          e.domains.push_back(known->id);
          continue;
        }
        auto guess = closest_match(d, ids_of(m_c.domains));
        const auto* gd = guess.empty() ? nullptr : m_c.domain(guess);
        const Text* gn = gd ? &gd->name : nullptr;
        m_ctx.warning(dn, T(fmt::format("unknown experience domain '{}'{}; kept, but the job counts toward no domain "
                                        "(advisor list domains)",
                                        d, did_you_mean_en(guess, gn)),
                            fmt::format("未知的经验领域“{}”{}；已保留，但这份工作不计入任何领域（advisor list domains "
                                        "可查看）",
                                        d, did_you_mean_zh(guess, gn))));
      }
      bool dated = start.IsDefined() || end.IsDefined();
      if (dated && years.IsDefined()) {
        m_ctx.error(years, T("an entry has either start/end dates or 'years', not both",
                             "一条经历要么写起止日期，要么写“years”，不能同时写"));
        continue;
      }
      if (years.IsDefined()) {
        e.years = get_number(m_ctx, years, "years", 0, 80);
        if (!e.years) continue;
      } else if (dated) {
        if (!job_dates(e, item, start, end)) continue;
      } else {
        m_ctx.error(item, T("experience entry needs 'start' (and 'end' unless ongoing) or 'years'",
                            "工作经历需要“start”（已结束的还需“end”）或“years”"));
        continue;
      }
      m_p.experience.push_back(std::move(e));
    }
  }

  /// A dated entry's start and end; false, with the problem reported, when they
  /// cannot be used.
  bool job_dates(ExperienceEntry& e, const Node& item, const Node& start, const Node& end) {
    if (!start.IsDefined()) {
      m_ctx.error(item, T("experience entry has an 'end' but no 'start'", "工作经历有“end”但缺少“start”"));
      return false;
    }
    e.start = get_date(m_ctx, start, "start");
    const bool has_end = end.IsDefined() && !is_null(end);
    if (has_end) e.end = get_date(m_ctx, end, "end");
    if (!e.start || (has_end && !e.end)) return false;
    if (e.end && *e.end < *e.start) {
      m_ctx.error(end, T(fmt::format("end {} is before start {}", e.end->str(), e.start->str()),
                         fmt::format("结束日期 {} 早于开始日期 {}", e.end->str(), e.start->str())));
      return false;
    }
    if (*e.start > m_as_of) {
      m_ctx.warning(start, T(fmt::format("starts {}, after the evaluation date {}: not counted yet", e.start->str(),
                                         m_as_of.str()),
                             fmt::format("开始于 {}，晚于评估日期 {}：暂不计入", e.start->str(), m_as_of.str())));
    }
    return true;
  }

  void skills(const Node& seq) {
    if (!seq.IsSequence()) {
      m_ctx.error(seq, T("skills must be a list", "skills 应为列表"));
      return;
    }
    m_p.skills.reserve(m_p.skills.size() + seq.size());
    for (const auto& item : seq) {
      if (item.IsMap() && !check_map(m_ctx, item, {"skill", "level"}, "skill")) continue;
      const Node text_node = item.IsMap() ? item["skill"] : Node(item);
      std::optional<int> level;
      if (item.IsMap()) {
        if (!text_node.IsDefined()) {
          m_ctx.error(item, T("skill entry has no 'skill'", "技能条目缺少“skill”"));
          continue;
        }
        if (item["level"].IsDefined()) level = get_int(m_ctx, item["level"], "level", 1, 5);
      }
      auto text = get_string(m_ctx, text_node, "skill");
      if (!text) continue;
      auto& s = m_p.skills.emplace_back();  // filled in its place: a skill is two strings and a position
      s.level = level;
      s.text = std::move(*text);
      s.pos = m_ctx.pos(text_node);
      auto more = skill_id(s, text_node);
      // An entry naming several skills (`Excel/PPT`) counts each, at the entry's place.
      for (const auto* k : more) {
        ProfileSkill extra;
        extra.level = m_p.skills.back().level;
        extra.pos = m_p.skills.back().pos;
        extra.text = m_p.skills.back().text;  // as written: the entry that names it
        extra.id = k->id;
        extra.index = static_cast<int>(k - m_c.skills.data());
        m_p.skills.push_back(std::move(extra));
      }
    }
  }

  /// Resolves a skill's text to its catalogue id; an unknown one is kept with a warning.
  /// An entry that names several skills gets the first, and returns the others.
  std::vector<const TreeItem*> skill_id(ProfileSkill& s, const Node& text_node) {
    const auto* k = m_c.find_skill(s.text);
    if (!k) k = find_skill_in_phrase(m_c, s.text);
    if (!k) k = find_skill_without_grade(m_c, s.text);
    std::vector<const TreeItem*> more;
    if (!k) {
      more = find_skills_in_list(m_c, s.text);
      if (!more.empty()) {
        k = more.front();
        more.erase(more.begin());
      }
    }
    if (k) {
      s.id = k->id;
      s.index = static_cast<int>(k - m_c.skills.data());
      return more;
    }
    std::string guess;
    if (m_ctx.diags().suggestions && m_suggestions < m_ctx.limits().max_suggestions) {
      ++m_suggestions;
      guess = m_c.suggest(ItemKind::skill, s.text);  // the catalogue's word index is built once
    }
    const auto* gs = guess.empty() ? nullptr : m_c.skill(guess);
    const Text* gn = gs ? &gs->name : nullptr;
    m_ctx.warning(
        text_node,
        T(fmt::format("unknown skill '{}'{}; kept, but it matches no role", s.text, did_you_mean_en(guess, gn)),
          fmt::format("未知的技能“{}”{}；已保留，但不会与任何岗位匹配", s.text, did_you_mean_zh(guess, gn))));
    return {};
  }

  void certificates(const Node& seq) {
    if (!seq.IsSequence()) {
      m_ctx.error(seq, T("certificates must be a list", "certificates 应为列表"));
      return;
    }
    for (const auto& item : seq) {
      if (!check_map(m_ctx, item, {"id", "level", "date"}, "certificate")) continue;
      HeldCertificate h;
      h.pos = m_ctx.pos(item);
      const Node id = item["id"], level = item["level"], date = item["date"];
      if (!id.IsDefined()) {
        m_ctx.error(item, T("certificate entry has no 'id'", "证书条目缺少“id”"));
        continue;
      }
      h.id = get_string(m_ctx, id, "id").value_or("");
      const auto* cert = m_c.certificate(h.id);
      if (!cert)  // a name or alias: 人工智能训练师, CAIE
        if (auto found = m_c.resolve(ItemKind::certificate, h.id); found.size() == 1) {
          cert = &m_c.certificates[found[0]];
          h.id = cert->id;
        }
      if (!cert) {
        auto guess = closest_match(h.id, ids_of(m_c.certificates));
        m_ctx.error(id, T(fmt::format("unknown certificate '{}'{}", h.id, did_you_mean_en(guess)),
                          fmt::format("未知的证书“{}”{}", h.id, did_you_mean_zh(guess))));
        continue;
      }
      if (level.IsDefined()) {
        h.level = get_string(m_ctx, level, "level").value_or("");
        if (int i = cert->find_level(h.level); i >= 0) h.level = cert->levels[static_cast<size_t>(i)].id;
        if (cert->level_index(h.level) < 0) {
          auto guess = closest_match(h.level, ids_of(cert->levels));
          // Nothing close ("intermediate" for CAIE): a certificate has a few levels, name them.
          std::string all = known_ids(cert->levels);
          m_ctx.error(level,
                      T(fmt::format("certificate '{}' has no level '{}'{}", h.id, h.level,
                                    guess.empty() ? fmt::format(" (its levels: {})", all) : did_you_mean_en(guess)),
                        fmt::format("证书“{}”没有等级“{}”{}", h.id, h.level,
                                    guess.empty() ? fmt::format("（它的等级：{}）", all) : did_you_mean_zh(guess))));
          continue;
        }
      } else if (cert->levels.size() == 1) {
        h.level = cert->levels[0].id;
      } else {
        std::string ids = known_ids(cert->levels);
        m_ctx.error(item, T(fmt::format("certificate '{}' has levels ({}): say which with 'level'", h.id, ids),
                            fmt::format("证书“{}”分等级（{}）：请用“level”注明", h.id, ids)));
        continue;
      }
      if (date.IsDefined() && !is_null(date)) {
        h.date = get_date(m_ctx, date, "date");
        if (h.date && *h.date > m_as_of)
          m_ctx.warning(date, T(fmt::format("obtained {}, after the evaluation date {}: not counted yet", h.date->str(),
                                            m_as_of.str()),
                                fmt::format("取得日期 {} 晚于评估日期 {}：暂不计入", h.date->str(), m_as_of.str())));
      }
      m_p.certificates.push_back(std::move(h));
    }
  }

  void study_hours(const Node& map) {
    if (!map.IsMap()) {
      m_ctx.error(map, T("study_hours must map certificate ids to hours, e.g. {caip: 35}",
                         "study_hours 应为证书 id 到学时的映射，例如 {caip: 35}"));
      return;
    }
    for (const auto& kv : map) {
      auto id = get_string(m_ctx, kv.first, "study_hours key");
      if (!id) continue;
      if (!m_c.certificate(*id)) {
        auto guess = closest_match(*id, ids_of(m_c.certificates));
        m_ctx.error(kv.first, T(fmt::format("unknown certificate '{}'{}", *id, did_you_mean_en(guess)),
                                fmt::format("未知的证书“{}”{}", *id, did_you_mean_zh(guess))));
        continue;
      }
      if (auto h = get_number(m_ctx, kv.second, "study hours", 0, 100000)) m_p.study_hours[*id] = *h;
    }
  }

  void goals(const Node& g) {
    if (!check_map(m_ctx, g, {"roles", "categories"}, "goals")) return;
    goal_items(g["roles"], ItemKind::role, m_p.goal_roles);
    goal_items(g["categories"], ItemKind::category, m_p.goal_categories);
  }

  // Goal roles or categories, each by id, name or alias; a problem points at its item.
  void goal_items(const Node& list, ItemKind kind, std::vector<std::string>& out) {
    bool role = kind == ItemKind::role;
    const char* what = role ? "goals.roles" : "goals.categories";
    if (!list.IsDefined() || is_null(list)) return;
    if (!list.IsScalar() && !list.IsSequence()) {
      get_string_list(m_ctx, list, what);  // reports the type
      return;
    }
    std::vector<Node> items;
    if (list.IsScalar())
      items.push_back(list);
    else
      for (const auto& item : list) items.push_back(item);
    for (const auto& item : items) {
      auto text = get_string(m_ctx, item, fmt::format("an item of {}", what));
      if (!text) continue;
      auto found = m_c.resolve(kind, *text);
      if (found.size() == 1) {
        out.push_back(m_c.item_id(kind, found[0]));
        continue;
      }
      const char* en = role ? "role" : "category";
      const char* zh = role ? "岗位" : "岗位类别";
      if (found.empty()) {
        // One budget of suggestions for the whole profile, goals and skills alike:
        // thousands of unknown goals cost no more than the first few (docs/limits.md).
        std::string guess;
        bool searched = m_ctx.diags().suggestions && m_suggestions < m_ctx.limits().max_suggestions;
        if (searched) {
          ++m_suggestions;
          guess = m_c.suggest(kind, *text);
        }
        // Searched, and nothing close ("technical", "ai-nurse"): name the categories when
        // they are few (10 built in, 10 from ESCO; 23 from O*NET), else the command that
        // lists them, so the person is not left guessing ids.
        std::string known_en, known_zh;
        if (searched && guess.empty()) {
          if (role || m_c.categories.size() > 12) {
            known_en = fmt::format(" (see them all: advisor list {})", role ? "roles" : "categories");
            known_zh = fmt::format("（查看全部：advisor list {}）", role ? "roles" : "categories");
          } else {
            std::string ids = known_ids(m_c.categories);
            known_en = fmt::format(" (known: {})", ids);
            known_zh = fmt::format("（可用：{}）", ids);
          }
        }
        m_ctx.error(item, T(fmt::format("unknown {} '{}'{}{}", en, *text, did_you_mean_en(guess), known_en),
                            fmt::format("未知的{}“{}”{}{}", zh, *text, did_you_mean_zh(guess), known_zh)));
        continue;
      }
      std::string ids;
      for (auto i : found) ids += (ids.empty() ? "" : ", ") + m_c.item_id(kind, i);
      m_ctx.error(item, T(fmt::format("'{}' names more than one {}: {}; write the id", *text, en, ids),
                          fmt::format("“{}”对应多个{}：{}；请写 id", *text, zh, ids)));
    }
  }

  YamlContext& m_ctx;
  const Catalog& m_c;
  Date m_as_of;
  Profile& m_p;
  size_t m_suggestions = 0;  ///< "did you mean"s computed so far
};

}  // namespace

Profile read_profile_node(YamlContext& ctx, const YAML::Node& root, const Catalog& catalog, Date as_of) {
  Profile p;
  p.file = ctx.file();
  ProfileReader<YAML::Node>(ctx, catalog, as_of, p).read(root);
  return p;
}

Profile read_profile_json(YamlContext& ctx, const JsonNode& root, const Catalog& catalog, Date as_of) {
  Profile p;
  p.file = ctx.file();
  ProfileReader<JsonNode>(ctx, catalog, as_of, p).read(root);
  return p;
}

std::optional<Profile> read_profile_line(std::string_view text, std::string name, const Catalog& catalog, Date as_of,
                                         const Limits& limits) {
  const Limits lim = limits.for_profile();
  thread_local JsonDoc doc;  // parse_json_doc clears it and keeps its room
  if (!parse_json_doc(text, lim.max_nodes, doc)) return std::nullopt;
  Diagnostics quiet;
  quiet.suggestions = false;
  YamlContext ctx(std::move(name), {}, quiet, lim);
  auto p = read_profile_json(ctx, JsonNode(&doc, 0), catalog, as_of);
  if (!quiet.items.empty()) return std::nullopt;
  return p;
}

Profile load_profile(const InputFile& file, const Catalog& catalog, Date as_of, Diagnostics& diags,
                     const Limits& limits) {
  if (auto blanked = json_crs_as_blanks(file.text); !blanked.empty()) {
    InputFile same = file;
    same.text = std::move(blanked);
    return load_profile(same, catalog, as_of, diags, limits);
  }
  const Limits lim = limits.for_profile();
  // One line of plain JSON (advisor batch) is read straight into the profile,
  // with no yaml-cpp node in between; if that reading finds anything to say, the
  // YAML path reads the text again, for the messages with their positions.
  if (auto p = read_profile_line(file.text, file.name, catalog, as_of, limits)) return std::move(*p);
  Profile p;
  p.file = file.name;
  YamlContext ctx(file.name, file.text, diags, lim);
  std::string yaml;
  if (file.json && file.text.find_first_not_of(" \t\r\n") != std::string::npos) {
    if (auto problem = check_json(file.text, lim.max_depth, yaml)) {
      ctx.error_at(problem->line, problem->column, problem->message);
      return p;
    }
  }
  auto root = YamlContext::parse(ctx, yaml.empty() ? std::string_view(file.text) : std::string_view(yaml));
  if (!root) return p;
  try {
    ProfileReader<YAML::Node>(ctx, catalog, as_of, p).read(*root);
  } catch (const YAML::Exception& e) {
    // A shape the reader did not expect: report it, never let yaml-cpp escape.
    ctx.error_at(e.mark.line + 1, e.mark.column + 1,
                 T(fmt::format("unexpected structure: {}", e.msg), fmt::format("结构不符合预期：{}", e.msg)));
  }
  // In line order, as the catalogue's are, whatever order the keys were read in.
  diags.sort();
  return p;
}

}  // namespace advisor

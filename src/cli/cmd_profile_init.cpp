// advisor profile init [FILE] [--force]: a questionnaire that writes a profile.
//
// Questions go to stderr and answers are read from stdin one line each, so the same
// code serves a person at a terminal and answers piped in by a script (then each
// answer is echoed after its question, making stderr a readable transcript, and no
// escape code is printed). Every answer is checked as it is given; a bad one is
// asked again with the reason. The profile is written atomically, then loaded back
// with the same loader every command uses.
#include <fmt/format.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <CLI/CLI.hpp>
#include <algorithm>
#include <iostream>
#include <nlohmann/json.hpp>

#include "advisor/atomic_write.hpp"
#include "advisor/util/utf8.hpp"
#include "common.hpp"

namespace advisor::cli {

namespace {

struct InitOptions {
  std::string file;
  bool force = false;
};

std::string trim(const std::string& s) {
  auto b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos) return "";
  auto e = s.find_last_not_of(" \t\r");
  return s.substr(b, e - b + 1);
}

/// Splits at commas (ASCII or the full-width ，、 a Chinese keyboard types).
std::vector<std::string> split_list(const std::string& s) {
  std::string t = s;
  for (const char* sep : {"，", "、"}) {
    size_t at;
    while ((at = t.find(sep)) != std::string::npos) t.replace(at, std::string(sep).size(), ",");
  }
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= t.size()) {
    auto comma = t.find(',', start);
    auto item = trim(t.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
    if (!item.empty()) out.push_back(item);
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return out;
}

/// A YAML scalar: plain when it cannot be misread, else double-quoted (a JSON
/// string is a valid YAML double-quoted scalar).
std::string yaml_scalar(const std::string& s) {
  static const std::vector<std::string> reserved{"true", "false", "yes", "no", "on", "off", "null", "y", "n", "~"};
  bool plain = !s.empty() && s.front() != ' ' && s.back() != ' ';
  if (plain) {
    auto first = static_cast<unsigned char>(s.front());
    plain = std::isalpha(first) || first >= 0x80;
  }
  for (unsigned char c : s)
    if (plain && !(std::isalnum(c) || c >= 0x80 || c == '-' || c == '_' || c == '.' || c == ' ' || c == '/'))
      plain = false;
  std::string lower = s;
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (std::find(reserved.begin(), reserved.end(), lower) != reserved.end()) plain = false;
  // Full-width punctuation that YAML would read as a flow indicator is never in
  // the ASCII set above, so CJK text stays plain.
  if (plain) return s;
  return dump_json(Json(s), -1);  // a JSON string is a YAML double-quoted scalar
}

std::string yaml_list(const std::vector<std::string>& items) {
  std::string s = "[";
  for (size_t i = 0; i < items.size(); ++i) s += (i ? ", " : "") + yaml_scalar(items[i]);
  return s + "]";
}

/// A date as the person wrote it: YYYY-MM stays a month.
std::string date_text(const DateParse& d) { return d.month_only ? d.date->month_str() : d.date->str(); }

struct Job {
  std::string title;
  std::vector<std::string> domains;
  std::string start, end;  ///< dated form; empty end = ongoing
  std::string years;       ///< undated form
};

struct Held {
  std::string id, level, date;
};

/// Everything the questionnaire learnt.
struct Answers {
  std::string name;
  std::string age, birth_date;
  std::string education, major;
  bool experience_known = false;  ///< false: skipped, experience left out (unknown)
  std::vector<Job> jobs;
  std::vector<std::string> skills;
  std::vector<Held> certificates;
  std::vector<std::pair<std::string, std::string>> study_hours;  ///< certificate id, hours
  std::vector<std::string> goal_roles, goal_categories;
};

std::string render_yaml(const Answers& a) {
  std::string s;
  s += trf("# Profile written by `advisor profile init` (advisor {}).\n",
           "# 由 `advisor profile init` 生成的档案（advisor {}）。\n", ADVISOR_VERSION);
  s +=
      tr("# Edit it freely; check it with `advisor profile validate FILE`, then try\n"
         "# `advisor recommend --profile FILE`. Dates are YYYY-MM or YYYY-MM-DD.\n",
         "# 可随意修改；用 `advisor profile validate FILE` 检查，再试试\n"
         "# `advisor recommend --profile FILE`。日期写作 YYYY-MM 或 YYYY-MM-DD。\n");
  if (!a.name.empty()) s += "name: " + yaml_scalar(a.name) + "\n";
  if (!a.age.empty()) s += "age: " + a.age + "\n";
  if (!a.birth_date.empty()) s += "birth_date: " + a.birth_date + "\n";
  if (!a.education.empty()) {
    s += "education: {level: " + a.education;
    if (!a.major.empty()) s += ", major: " + yaml_scalar(a.major);
    s += "}\n";
  }
  if (a.experience_known) {
    if (a.jobs.empty())
      s += tr("experience: []   # no work experience\n", "experience: []   # 没有工作经历\n");
    else
      s += "experience:\n";
    for (const auto& j : a.jobs) {
      s += "  - {";
      if (!j.title.empty()) s += "title: " + yaml_scalar(j.title) + ", ";
      s += "domains: " + yaml_list(j.domains);
      if (!j.years.empty()) s += ", years: " + j.years;
      if (!j.start.empty()) s += ", start: " + j.start;
      if (!j.end.empty()) s += ", end: " + j.end;
      s += "}\n";
    }
  }
  if (!a.skills.empty()) s += "skills: " + yaml_list(a.skills) + "\n";
  if (!a.certificates.empty()) {
    s += "certificates:\n";
    for (const auto& h : a.certificates) {
      s += "  - {id: " + yaml_scalar(h.id);
      if (!h.level.empty()) s += ", level: " + yaml_scalar(h.level);
      if (!h.date.empty()) s += ", date: " + h.date;
      s += "}\n";
    }
  }
  if (!a.study_hours.empty()) {
    s += "study_hours: {";
    for (size_t i = 0; i < a.study_hours.size(); ++i)
      s += (i ? ", " : "") + a.study_hours[i].first + ": " + a.study_hours[i].second;
    s += "}\n";
  }
  if (!a.goal_roles.empty() || !a.goal_categories.empty()) s += "goals:\n";
  if (!a.goal_roles.empty()) s += "  roles: " + yaml_list(a.goal_roles) + "\n";
  if (!a.goal_categories.empty()) s += "  categories: " + yaml_list(a.goal_categories) + "\n";
  return s;
}

/// An entry of the catalogue a person might name: its id and every name and alias.
struct Named {
  std::string id;
  std::string label;  ///< shown in lists: the name in the current language
  std::vector<std::string> keys;
};

template <typename T>
std::vector<Named> named_of(const std::vector<T>& items) {
  std::vector<Named> out;
  for (const auto& x : items) {
    Named n{x.id, tr(x.name), {x.id, x.name.zh, x.name.en}};
    if constexpr (requires { x.aliases; })
      for (const auto& al : x.aliases) n.keys.push_back(al);
    out.push_back(std::move(n));
  }
  return out;
}

/// The entry a person's text names (id, name or alias in any case or width), or nullptr.
const Named* find_named(const std::vector<Named>& items, const std::string& text) {
  auto key = normalize_key(text);
  if (key.empty()) return nullptr;
  for (const auto& n : items)
    for (const auto& k : n.keys)
      if (normalize_key(k) == key) return &n;
  return nullptr;
}

/// The id closest to a misspelling, or "".
std::string guess_named(const std::vector<Named>& items, const std::string& text) {
  std::vector<std::string> words;
  for (const auto& n : items) words.insert(words.end(), n.keys.begin(), n.keys.end());
  auto g = closest_match(text, words);
  if (g.empty()) return "";
  const auto* n = find_named(items, g);
  return n ? n->id : "";
}

/// Reads answers and prints questions; knows whether a person is typing.
class Questionnaire {
 public:
  Questionnaire() {
    m_tty = ::isatty(STDIN_FILENO) == 1;
    const auto& g = globals();
    const char* no_color = std::getenv("NO_COLOR");
    const char* term = std::getenv("TERM");
    // Questions go to stderr: colour follows it, not stdout (which may be the profile).
    m_color = g.color == "always" || (g.color == "auto" && m_tty && ::isatty(STDERR_FILENO) == 1 &&
                                      !(no_color && *no_color) && !(term && std::string(term) == "dumb"));
  }

  bool tty() const { return m_tty; }

  /// A line of explanation, wrapped to the terminal when there is one.
  void say(const std::string& text) {
    struct winsize ws {};
    if (::isatty(STDERR_FILENO) == 1 && ::ioctl(STDERR_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 20) {
      for (const auto& l : wrap_text(terminal_safe(text), ws.ws_col - 1)) std::cerr << l << "\n";
      return;
    }
    std::cerr << terminal_safe(text) << "\n";
  }
  void note(const std::string& text) {
    std::string safe = terminal_safe(text);  // catalogue names, echoed answers
    std::cerr << "  " << (m_color ? "\x1b[33m" + safe + "\x1b[0m" : safe) << "\n";
  }

  /// A bad answer. A person at a terminal is asked again; piped answers fail (exit 65),
  /// because asking again would read the line meant for the next question and shift
  /// every answer after it.
  void reject(const std::string& text) {
    if (m_tty) {
      note(text);
      return;
    }
    throw CommandError{
        k_exit_invalid,
        T(fmt::format("answer line {}: {}", m_lines, text), fmt::format("第 {} 行答案：{}", m_lines, text)),
        T("with piped answers every answer must be valid: one line per question, in order",
          "用管道输入答案时，每个答案都必须有效：每个问题一行，按顺序")};
  }

  /// One answer; nullopt at the end of input. The default is shown in brackets.
  std::optional<std::string> ask(const std::string& question, const std::string& shown_default, bool required = false) {
    if (m_eof) return std::nullopt;
    std::string q = terminal_safe(question);
    if (!shown_default.empty()) q += " [" + shown_default + "]";
    std::cerr << (m_color ? "\x1b[1m" + q + "\x1b[0m" : q) << tr(": ", "：");
    std::cerr.flush();
    std::string line;
    if (!std::getline(std::cin, line)) {
      m_eof = true;
      std::cerr << "\n";
      if (!required)
        note(tr("(end of input: the remaining questions take their defaults)", "（输入已结束：其余问题取默认值）"));
      return std::nullopt;
    }
    ++m_lines;
    if (!m_tty) std::cerr << terminal_safe(line) << "\n";  // a transcript, since no terminal echoed it
    return trim(line);
  }

  /// Like ask, but a missing answer at the end of input is an error: the profile
  /// would lack a field the rules need.
  std::string ask_required(const std::string& question, const std::string& field) {
    while (true) {
      auto a = ask(question, "", true);
      if (!a)
        throw CommandError{k_exit_usage,
                           T(fmt::format("the input ended before the required answer: {}", field),
                             fmt::format("输入在必答问题之前结束：{}", field)),
                           T("answer every question; with piped answers, one line per question",
                             "请回答每个问题；用管道输入答案时，每个问题一行")};
      if (!a->empty()) return *a;
      reject(tr("an answer is needed here", "此问题必须回答"));
    }
  }

  /// Yes or no, in either language; the default on an empty answer or end of input.
  bool ask_yes_no(const std::string& question, bool def) {
    while (true) {
      auto a = ask(question, def ? "Y/n" : "y/N");
      if (!a || a->empty()) return def;
      auto k = normalize_key(*a);
      if (k == "y" || k == "yes" || k == "是" || k == "好" || k == "要" || k == "有") return true;
      if (k == "n" || k == "no" || k == "否" || k == "不" || k == "没有" || k == "无") return false;
      reject(tr("answer y or n", "请回答 是 或 否（y/n）"));
    }
  }

  /// Yes, no, or nothing (an empty answer or the end of input).
  std::optional<bool> ask_yes_no_skip(const std::string& question) {
    while (true) {
      auto a = ask(question, tr("skip", "跳过"));
      if (!a || a->empty()) return std::nullopt;
      auto k = normalize_key(*a);
      if (k == "y" || k == "yes" || k == "是" || k == "有") return true;
      if (k == "n" || k == "no" || k == "否" || k == "没有" || k == "无") return false;
      reject(tr("answer y or n, or press Enter to skip", "请回答 是 或 否（y/n），或直接回车跳过"));
    }
  }

  /// When an answer ends with '?', lists the entries whose id, name or alias starts
  /// with the text before it (after the last comma) and returns true.
  bool list_if_asked(const std::string& answer, const std::vector<Named>& items) {
    if (answer.empty() || answer.back() != '?') return false;
    std::string prefix = answer.substr(0, answer.size() - 1);
    if (auto comma = prefix.find_last_of(",，"); comma != std::string::npos) prefix = prefix.substr(comma + 1);
    auto key = normalize_key(trim(prefix));
    Table t;
    for (const auto& n : items) {
      bool match = key.empty();
      for (const auto& k : n.keys) match = match || normalize_key(k).rfind(key, 0) == 0;
      if (match) t.rows.push_back({"  " + n.id, n.label});
    }
    if (t.rows.empty()) {
      note(trf("nothing starts with '{}'", "没有以“{}”开头的条目", trim(prefix)));
      return true;
    }
    constexpr size_t k_max_shown = 40;
    size_t more = t.rows.size() > k_max_shown ? t.rows.size() - k_max_shown : 0;
    t.rows.resize(std::min(t.rows.size(), k_max_shown));
    std::cerr << terminal_safe(t.render());
    if (more) note(trf("… and {} more: type more letters", "……还有 {} 项：请多输入几个字母", more));
    return true;
  }

 private:
  bool m_tty = false;
  int m_lines = 0;  ///< answer lines read
  bool m_color = false;
  bool m_eof = false;
};

class ProfileInterview {
 public:
  ProfileInterview(const Catalog& c, Questionnaire& q)
      : m_c(c),
        m_q(q),
        m_skills(named_of(c.skills)),
        m_domains(named_of(c.domains)),
        m_roles(named_of(c.roles)),
        m_certificates(named_of(c.certificates)),
        m_majors(named_of(c.majors)),
        m_categories(named_of(c.categories)) {}

  Answers run() {
    Answers a;
    m_q.say(
        tr("This writes a profile for advisor. Enter takes the default shown in [brackets];\n"
           "type a few letters and ? to list matching names (e.g. py?). Ctrl-D ends early.",
           "以下问题将生成一份 advisor 档案。直接回车即采用 [方括号] 中的默认值；\n"
           "输入几个字母再加 ? 可列出匹配的名称（例如 py?）。Ctrl-D 可提前结束。"));
    m_q.say("");
    a.name = m_q.ask(tr("Name (optional)", "姓名（可不填）"), tr("none", "无")).value_or("");
    age(a);
    education(a);
    experience(a);
    skills(a);
    certificates(a);
    study_hours(a);
    goals(a);
    return a;
  }

 private:
  void age(Answers& a) {
    while (true) {
      // Full-width digits typed on a Chinese keyboard (２８) read as 28.
      auto text = util::nfkc(m_q.ask_required(tr("Age, or birth date YYYY-MM-DD", "年龄，或出生日期 YYYY-MM-DD"),
                                              tr("age or birth date", "年龄或出生日期")));
      if (std::all_of(text.begin(), text.end(), [](unsigned char ch) { return std::isdigit(ch); })) {
        int n = text.size() > 3 ? 999 : std::stoi(text);
        if (n >= 14 && n <= 100) {
          a.age = std::to_string(n);
          return;
        }
        m_q.reject(trf("{} is not a plausible age: give a number from 14 to 100, or a birth date",
                       "{} 不像是年龄：请填 14 到 100 之间的数，或出生日期", text));
        continue;
      }
      auto d = parse_date(text);
      if (!d.date) {
        // Something date-like gets the date's own complaint ("1999-02 has 28 days").
        if (text.find('-') != std::string::npos)
          m_q.reject(globals().lang == Lang::zh ? d.error_zh : d.error);
        else
          m_q.reject(trf("'{}' is neither an age nor a date (e.g. 24 or 2001-05-01)",
                         "“{}”既不是年龄也不是日期（例如 24 或 2001-05-01）", text));
        continue;
      }
      if (*d.date > globals().as_of) {
        m_q.reject(trf("{} is after today ({})", "{} 晚于今天（{}）", text, globals().as_of.str()));
        continue;
      }
      a.birth_date = date_text(d);
      return;
    }
  }

  void education(Answers& a) {
    std::string levels;
    for (const auto& l : m_c.education) levels += (levels.empty() ? "" : ", ") + l.id;
    std::string zh_names;
    for (const auto& l : m_c.education) zh_names += (zh_names.empty() ? "" : "、") + l.name.zh;
    m_q.say(trf("Education levels: {} (or {})", "学历：{}（或 {}）", levels, zh_names));
    while (true) {
      auto text = m_q.ask_required(tr("Highest education level", "最高学历"), tr("education level", "学历"));
      if (const auto* l = m_c.find_education(text)) {
        a.education = l->id;
        break;
      }
      std::vector<std::string> words;
      for (const auto& l : m_c.education) {
        words.push_back(l.id);
        words.insert(words.end(), l.aliases.begin(), l.aliases.end());
      }
      auto g = closest_match(text, words);
      m_q.reject(
          g.empty()
              ? trf("unknown education level '{}': give one of {}", "未知的学历“{}”：请填 {} 之一", text, levels)
              : trf("unknown education level '{}' (did you mean '{}'?)", "未知的学历“{}”（是否想写“{}”？）", text, g));
    }
    while (true) {
      auto text =
          m_q.ask(tr("Major (e.g. computer-science; ? lists them)", "专业（例如 computer-science；输入 ? 列出）"),
                  tr("none", "无"));
      if (!text || text->empty()) return;
      if (m_q.list_if_asked(*text, m_majors)) continue;
      if (auto kept = resolve(*text, m_majors, tr("major", "专业"))) a.major = *kept;
      return;
    }
  }

  /// A name the catalogue does not know: offer the closest one, or keep it as
  /// written (rules about it cannot match), or drop it. nullopt = dropped.
  std::optional<std::string> resolve(const std::string& text, const std::vector<Named>& items,
                                     const std::string& what) {
    std::string current = text;
    while (true) {
      if (const auto* n = find_named(items, current)) return n->id;
      // Skills: only a close match is offered (the catalogue's rule for "did you mean").
      auto guess = &items == &m_skills ? m_c.suggest(ItemKind::skill, current) : guess_named(items, current);
      if (!m_q.tty()) {
        // Piped answers: no follow-up question (it would read the next answer's line).
        // Kept as written; the loader warns about it, as it does in a file.
        m_q.note(guess.empty() ? trf("{} '{}' is not in the catalogue: kept as written",
                                     "{}“{}”不在目录库中：按原样保留", what, current)
                               : trf("{} '{}' is not in the catalogue (did you mean '{}'?): kept as written",
                                     "{}“{}”不在目录库中（是否想写“{}”？）：按原样保留", what, current, guess));
        return current;
      }
      m_q.note(guess.empty() ? trf("{} '{}' is not in the catalogue (a few letters and ? list names)",
                                   "{}“{}”不在目录库中（输入几个字母加 ? 可列出名称）", what, current)
                             : trf("{} '{}' is not in the catalogue (did you mean '{}'?)",
                                   "{}“{}”不在目录库中（是否想写“{}”？）", what, current, guess));
      auto a = m_q.ask(guess.empty() ? trf("  Type another name, = to keep '{}' as written, - to drop it",
                                           "  请重新输入，= 保留“{}”原样，- 舍弃", current)
                                     : trf("  Enter accepts '{}'; or type another name, = keeps '{}', - drops it",
                                           "  回车采用“{}”；或重新输入，= 保留“{}”原样，- 舍弃", guess, current),
                       guess.empty() ? "=" : guess);
      std::string answer = a ? *a : "";
      if (answer.empty()) answer = guess.empty() ? "=" : guess;
      if (answer == "=") return current;
      if (answer == "-") return std::nullopt;
      if (m_q.list_if_asked(answer, items)) continue;
      current = answer;
    }
  }

  void experience(Answers& a) {
    // Skipped (empty) or end of input: experience stays unknown, not "none".
    auto held = m_q.ask_yes_no_skip(
        tr("Have you held a job (work experience)? y/n, Enter skips", "是否有工作经历？是/否，回车跳过"));
    if (!held) return;
    a.experience_known = true;
    if (!*held) return;
    std::string ids;
    for (const auto& d : m_c.domains) ids += (ids.empty() ? "" : ", ") + d.id;
    m_q.say(trf("Experience domains (each job counts toward the ones you name): {}",
                "经验领域（每段经历计入所填领域）：{}", ids));
    do {
      Job j;
      j.title = m_q.ask(tr("  Job title (optional)", "  职位名称（可不填）"), tr("none", "无")).value_or("");
      // Domains are optional, as in a file; an empty answer leaves them out.
      while (true) {
        auto text = m_q.ask(tr("  Domains, comma-separated (e.g. aigc, content; ? lists them)",
                               "  领域，逗号分隔（例如 aigc, content；输入 ? 列出）"),
                            tr("none", "无"));
        if (!text || text->empty()) break;
        if (m_q.list_if_asked(*text, m_domains)) continue;
        for (const auto& item : split_list(*text)) {
          if (const auto* n = find_named(m_domains, item)) {
            if (std::find(j.domains.begin(), j.domains.end(), n->id) == j.domains.end()) j.domains.push_back(n->id);
            continue;
          }
          // An unknown domain is kept, as in a file: the job counts toward no domain.
          auto g = guess_named(m_domains, item);
          m_q.note(g.empty() ? trf("domain '{}' is not in the catalogue: kept as written",
                                   "领域“{}”不在目录库中：按原样保留", item)
                             : trf("domain '{}' is not in the catalogue (did you mean '{}'?): kept as written",
                                   "领域“{}”不在目录库中（是否想写“{}”？）：按原样保留", item, g));
          if (std::find(j.domains.begin(), j.domains.end(), item) == j.domains.end()) j.domains.push_back(item);
        }
        break;
      }
      job_dates(j);
      a.jobs.push_back(std::move(j));
    } while (m_q.ask_yes_no(tr("Add another job?", "是否再添加一段经历？"), false));
  }

  void job_dates(Job& j) {
    std::optional<Date> start;
    while (true) {
      auto text = util::nfkc(m_q.ask_required(
          tr("  Start YYYY-MM[-DD], or years if undated", "  开始时间 YYYY-MM[-DD]，或不写日期而填年数"),
          tr("the job's start or years", "该经历的开始时间或年数")));
      auto d = parse_date(text);
      if (d.date) {
        if (*d.date > globals().as_of) {
          m_q.reject(trf("{} is after today ({})", "{} 晚于今天（{}）", text, globals().as_of.str()));
          continue;
        }
        j.start = date_text(d);
        start = d.date;
        break;
      }
      char* end = nullptr;
      double years = std::strtod(text.c_str(), &end);
      if (end && *end == '\0' && text.find_first_not_of("0123456789.") == std::string::npos && years > 0 &&
          years <= 80) {
        j.years = text;
        return;
      }
      m_q.reject(trf("'{}' is neither a date nor a number of years: {} (e.g. 2024-07 or 3)",
                     "“{}”既不是日期也不是年数：{}（例如 2024-07 或 3）", text,
                     globals().lang == Lang::zh ? d.error_zh : d.error));
    }
    while (true) {
      auto text =
          m_q.ask(tr("  End YYYY-MM[-DD] (empty while you still hold it)", "  结束时间 YYYY-MM[-DD]（仍在职则留空）"),
                  tr("ongoing", "至今"));
      if (!text || text->empty()) return;
      text = util::nfkc(*text);
      auto d = parse_date(*text);
      if (!d.date) {
        m_q.reject(trf("'{}': {}", "“{}”：{}", *text, globals().lang == Lang::zh ? d.error_zh : d.error));
        continue;
      }
      if (*d.date < *start) {
        m_q.reject(trf("the end {} is before the start {}", "结束时间 {} 早于开始时间 {}", *text, j.start));
        continue;
      }
      j.end = date_text(d);
      return;
    }
  }

  void skills(Answers& a) {
    while (true) {
      auto text = m_q.ask(tr("Skills, comma-separated (py? lists matches)", "技能，逗号分隔（输入 py? 列出匹配项）"),
                          tr("none", "无"));
      if (!text || text->empty()) return;
      if (m_q.list_if_asked(*text, m_skills)) continue;
      for (const auto& item : split_list(*text)) {
        auto id = resolve(item, m_skills, tr("skill", "技能"));
        if (id && std::find(a.skills.begin(), a.skills.end(), *id) == a.skills.end()) a.skills.push_back(*id);
      }
      return;
    }
  }

  void certificates(Answers& a) {
    m_q.say(tr("Certificates you hold, one per answer, e.g. aigc-application-engineer/junior 2025-05-20",
               "已持有的证书，每次填一个，例如 aigc-application-engineer/junior 2025-05-20"));
    while (true) {
      auto text = m_q.ask(tr("Certificate held: ID[/LEVEL] DATE (? lists; empty when done)",
                             "已持有的证书：ID[/等级] 取得日期（输入 ? 列出；没有或填完请留空）"),
                          tr("done", "完成"));
      if (!text || text->empty()) return;
      if (m_q.list_if_asked(*text, m_certificates)) continue;
      auto space = text->find(' ');
      std::string target = text->substr(0, space), date = space == std::string::npos ? "" : trim(text->substr(space));
      auto slash = target.find('/');
      std::string cid = target.substr(0, slash), lid = slash == std::string::npos ? "" : target.substr(slash + 1);
      const auto* cert = m_c.certificate(cid);
      if (!cert)  // a name or alias: 人工智能训练师, CAIE
        if (const auto* n = find_named(m_certificates, cid)) {
          cert = m_c.certificate(n->id);
          cid = n->id;
        }
      if (!cert) {
        auto g = guess_named(m_certificates, cid);
        m_q.reject(g.empty() ? trf("unknown certificate '{}'", "未知的证书“{}”", cid)
                             : trf("unknown certificate '{}' (did you mean '{}'?)", "未知的证书“{}”（是否想写“{}”？）",
                                   cid, g));
        continue;
      }
      std::string levels;
      for (const auto& l : cert->levels) levels += (levels.empty() ? "" : ", ") + l.id;
      if (lid.empty() && cert->levels.size() == 1) lid = cert->levels.front().id;
      if (int li = lid.empty() ? -1 : cert->find_level(lid); li >= 0) lid = cert->levels[static_cast<size_t>(li)].id;
      if (lid.empty() || cert->level_index(lid) < 0) {
        m_q.reject(lid.empty()
                       ? trf("say which level: {}/LEVEL, one of {}", "请注明等级：{}/等级，可选 {}", cid, levels)
                       : trf("certificate '{}' has no level '{}' (levels: {})", "证书“{}”没有等级“{}”（可选：{}）", cid,
                             lid, levels));
        continue;
      }
      Held h{cid, cert->levels.size() == 1 ? "" : lid, ""};
      if (!date.empty()) {
        date = util::nfkc(date);
        auto d = parse_date(date);
        if (!d.date) {
          m_q.reject(trf("'{}': {}", "“{}”：{}", date, globals().lang == Lang::zh ? d.error_zh : d.error));
          continue;
        }
        if (*d.date > globals().as_of) {
          m_q.reject(trf("{} is after today ({})", "{} 晚于今天（{}）", date, globals().as_of.str()));
          continue;
        }
        h.date = date_text(d);
      }
      a.certificates.push_back(h);
    }
  }

  /// Certified study hours, for the certificates whose rules count them (CAIP).
  void study_hours(Answers& a) {
    for (const auto& cert : m_c.certificates) {
      if (!cert.study_hours) continue;
      while (true) {
        auto text = m_q.ask(trf("Certified study hours towards {} ({} needed)", "已完成的 {} 认证学时（要求 {}）",
                                cert.id, *cert.study_hours),
                            tr("none", "无"));
        if (!text || text->empty()) break;
        auto h = util::nfkc(*text);
        char* end = nullptr;
        double hours = std::strtod(h.c_str(), &end);
        if (end && *end == '\0' && h.find_first_not_of("0123456789.") == std::string::npos && hours >= 0 &&
            hours <= 100000) {
          a.study_hours.emplace_back(cert.id, h);
          break;
        }
        m_q.reject(trf("'{}' is not a number of hours (e.g. 35)", "“{}”不是学时数（例如 35）", *text));
      }
    }
  }

  /// Ids for a comma-separated answer naming catalogue entries; nullopt when one is unknown.
  std::optional<std::vector<std::string>> named_ids(const std::string& text, const std::vector<Named>& items,
                                                    const char* what_en, const char* what_zh) {
    std::vector<std::string> ids;
    bool ok = true;
    for (const auto& item : split_list(text)) {
      if (const auto* n = find_named(items, item)) {
        if (std::find(ids.begin(), ids.end(), n->id) == ids.end()) ids.push_back(n->id);
        continue;
      }
      auto g = guess_named(items, item);
      m_q.reject(g.empty()
                     ? trf("unknown {} '{}'", "未知的{}“{}”", globals().lang == Lang::zh ? what_zh : what_en, item)
                     : trf("unknown {} '{}' (did you mean '{}'?)", "未知的{}“{}”（是否想写“{}”？）",
                           globals().lang == Lang::zh ? what_zh : what_en, item, g));
      ok = false;
    }
    if (!ok) return std::nullopt;
    return ids;
  }

  void goal_categories(Answers& a) {
    while (true) {
      auto text = m_q.ask(
          tr("Role categories you aim at, comma-separated (? lists them)", "目标岗位类别，逗号分隔（输入 ? 列出）"),
          tr("none", "无"));
      if (!text || text->empty()) return;
      if (m_q.list_if_asked(*text, m_categories)) continue;
      if (auto ids = named_ids(*text, m_categories, "category", "岗位类别")) {
        a.goal_categories = *ids;
        return;
      }
    }
  }

  void goals(Answers& a) {
    goal_roles(a);
    goal_categories(a);
  }

  void goal_roles(Answers& a) {
    while (true) {
      auto text = m_q.ask(tr("Roles you aim at, comma-separated ids or names (? lists them)",
                             "目标岗位，逗号分隔的 ID 或名称（输入 ? 列出）"),
                          tr("none", "无"));
      if (!text || text->empty()) return;
      if (m_q.list_if_asked(*text, m_roles)) continue;
      if (auto ids = named_ids(*text, m_roles, "role", "岗位")) {
        a.goal_roles = *ids;
        return;
      }
    }
  }

  const Catalog& m_c;
  Questionnaire& m_q;
  std::vector<Named> m_skills, m_domains, m_roles, m_certificates, m_majors, m_categories;
};

int run_profile_init(const InitOptions& o) {
  const auto& c = catalog();
  bool to_stdout = o.file == "-";
  std::string path = o.file.empty() ? "profile.yaml" : o.file;
  // Refuse before asking anything, not after the person has answered every question.
  struct stat st {};
  if (!to_stdout && ::stat(path.c_str(), &st) == 0 && (!o.force || S_ISDIR(st.st_mode)))
    throw CommandError{
        k_exit_usage,
        S_ISDIR(st.st_mode) ? T(fmt::format("'{}' is a directory", path), fmt::format("“{}”是目录", path))
                            : T(fmt::format("'{}' already exists; nothing was changed", path),
                                fmt::format("“{}”已存在；未做任何改动", path)),
        T(fmt::format("name another file, or add --force to replace it: advisor profile init {} --force", path),
          fmt::format("请换一个文件名，或加 --force 覆盖：advisor profile init {} --force", path))};
  Questionnaire q;
  auto answers = ProfileInterview(c, q).run();
  std::string yaml = render_yaml(answers);

  InputFile f{to_stdout ? "<stdout>" : path, yaml};
  if (to_stdout) {
    out() << yaml;
  } else {
    auto w = write_file_atomically(path, yaml, o.force);
    if (!w.ok && w.exists)  // lost a race to another writer: the same answer as the check before
      throw CommandError{
          k_exit_usage,
          T(fmt::format("'{}' already exists; nothing was changed", path),
            fmt::format("“{}”已存在；未做任何改动", path)),
          T(fmt::format("name another file, or add --force to replace it: advisor profile init {} --force", path),
            fmt::format("请换一个文件名，或加 --force 覆盖：advisor profile init {} --force", path))};
    if (!w.ok)
      throw CommandError{k_exit_no_input, w.error,
                         T("choose a writable place, e.g. advisor profile init ~/profile.yaml",
                           "请换一个可写的位置，例如 advisor profile init ~/profile.yaml")};
    f = read_profile_file(path, globals().limits);  // what is on disk, not what we meant to write
  }
  Diagnostics diags;
  auto p = load_profile(f, c, globals().as_of, diags, globals().limits);
  std::cerr << "\n";
  print_diagnostics(diags);
  if (diags.has_errors())
    throw CommandError{k_exit_invalid,
                       T(fmt::format("the profile written to {} has errors (a bug: please report it)", f.name),
                         fmt::format("写入 {} 的档案有错误（这是程序缺陷，请报告）", f.name)),
                       T(fmt::format("fix it by hand, then: advisor profile validate {}", f.name),
                         fmt::format("请手工修正后运行：advisor profile validate {}", f.name))};
  std::string counts = trf("{}, {}, {}", "{}，{}，{}", count_of(p.skills.size(), "skill", "skills", "项技能"),
                           count_of(p.experience.size(), "job", "jobs", "段经历"),
                           count_of(p.certificates.size(), "certificate", "certificates", "个证书"));
  std::string report = to_stdout ? trf("profile OK ({})\n", "档案有效（{}）\n", counts)
                                 : trf("{}: profile OK ({})\n", "{}：档案有效（{}）\n", path, counts);
  std::string next =
      to_stdout ? "" : trf("next: advisor recommend --profile {}\n", "下一步：advisor recommend --profile {}\n", path);
  // With the profile on stdout, the report must not mix into it.
  if (to_stdout)
    std::cerr << terminal_safe(report);
  else
    out() << report << next;
  return k_exit_ok;
}

}  // namespace

void setup_profile_init(CLI::App& profile) {
  auto o = std::make_shared<InitOptions>();
  auto* sub =
      profile.add_subcommand("init", "Answer a few questions to write a profile (works with piped answers too)");
  sub->add_option("file", o->file, "Where to write it (default profile.yaml; - for standard output)")
      ->type_name("FILE");
  sub->add_flag("--force", o->force, "Replace the file if it exists");
  sub->footer(
      "Examples:\n"
      "  advisor profile init                 # asks, then writes profile.yaml\n"
      "  advisor profile init me.yaml --lang zh\n"
      "  advisor profile init - < answers.txt > me.yaml   # one answer per line\n"
      "Exit: 0 written and valid; 2 the file exists (use --force) or a required answer is missing;\n"
      "65 the written profile does not load; 66 the file cannot be written.");
  add_runner(sub, [o] { return run_profile_init(*o); });
}

}  // namespace advisor::cli

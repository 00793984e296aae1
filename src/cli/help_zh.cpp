// Chinese --help. The commands describe themselves in English where they are set up
// (one file per subcommand); when the output language is Chinese, the whole command
// tree's descriptions, footers, groups and CLI11's labels are replaced, before
// parsing, by the Chinese text below. A text with no translation stays English, and
// the help-zh test lists it.
#include "help_zh.hpp"

#include <string_view>
#include <unordered_map>

#include "common.hpp"

namespace advisor::cli {

namespace {

// English description → Chinese. Footer lines are looked up one by one.
// Long because it is a table with a line per help text, not logic; splitting it
// would only scatter the translations.
const std::unordered_map<std::string_view, std::string_view>& texts() {
  static const std::unordered_map<std::string_view, std::string_view> k_texts{
      // issue 15, 18, 19: options and footers added this round
      {"Largest input file accepted, in bytes, 1 to 4294967296 (default 64 MiB for catalogue files, 1 MiB for "
       "profiles)",
       "可接受的最大输入文件，单位字节，1 至 4294967296（目录库文件默认 64 MiB，档案默认 1 MiB）"},
      {"How many roles and certificates to show, 0 to 100000 (0 = all; default: 3 on the first screen, 5 roles with "
       "--explain or --json)",
       "显示多少个岗位和证书，0 至 100000（0 = 全部；默认：首屏各 3 个，--explain 或 --json 时 5 个岗位）"},
      {"How many certificates to show, whatever --top says (JSON too)", "显示多少个证书，不受 --top 影响（JSON 亦然）"},
      {"Show every score term and reason (the full detail)", "显示每项得分与理由（完整细节）"},
      {"Print errors only: no warnings on standard error", "只输出错误：标准错误中不显示警告"},
      {"  advisor recommend --profile profiles/cs-graduate.yaml --explain",
       "  advisor recommend --profile profiles/cs-graduate.yaml --explain"},
      {"Also show certificates below the catalogue's relevance floor", "也显示价值低于目录库下限的证书"},
      {"Print the brief JSON document: role and certificate ids with scores (docs/json.md)",
       "输出简要 JSON 文档：岗位与证书的 id 及得分（见 docs/json.md）"},
      {"Print the brief JSON document: the missing skills by id (docs/json.md)",
       "输出简要 JSON 文档：欠缺技能的 id（见 docs/json.md）"},
      {"Print the brief JSON document: status and dates per level (docs/json.md)",
       "输出简要 JSON 文档：每个等级的状态与日期（见 docs/json.md）"},
      {"Print the brief JSON document: the steps by kind, id, level and date (docs/json.md)",
       "输出简要 JSON 文档：各步骤的类型、id、等级与日期（见 docs/json.md）"},
      {"profile or catalogue; 66 input missing or unreadable; 70 internal error; 74 writing",
       "66 输入缺失或不可读；70 内部错误；74 写出结果失败。"},
      {"the output failed.", ""},
      {"Answer many profiles: JSON Lines in, one JSON line out per line",
       "批量回答多份档案：输入 JSON Lines，每行输出一行 JSON"},
      {"What to answer for each profile (default recommend)", "对每份档案回答什么（默认 recommend）"},
      {"check: CERT or CERT/LEVEL (default: every level of every certificate)",
       "check：证书或 证书/等级（默认：所有证书的所有等级）"},
      {"gap, plan: the target role id", "gap、plan：目标岗位 id"},
      {"recommend: how many roles per profile, 0 to 100000 (0 = all; default 5)",
       "recommend：每份档案显示多少个岗位，0 至 100000（0 = 全部；默认 5）"},
      {"recommend: only roles of this category", "recommend：只看这一类别的岗位"},
      {"Each result is the command's brief document: ids, statuses, dates, scores",
       "每个结果为该命令的简要文档：id、状态、日期、得分"},
      {"Worker threads, 1 to 256; output order is input order whatever N (default 1)",
       "工作线程数，1 至 256；无论 N 为多少，输出顺序都与输入相同（默认 1）"},
      {"Add N to every line number, 0 to 1000000000000: the first line is N+1 (a shard of a larger input; default 0)",
       "每个行号加上 N，0 至 1000000000000：第一行为 N+1（用于大输入的分片；默认 0）"},
      {"Output: {\"line\": N, \"ok\": true, \"result\": <the command's document>} or",
       "输出：{\"line\": N, \"ok\": true, \"result\": <该命令的文档>} 或"},
      {"Docs: docs/json.md. Exit: 0 every line succeeded; 2 usage; 65 a line failed; 66 input missing.",
       "文档：docs/json.md。退出码：0 每行都成功；2 用法错误；65 有行失败；66 输入缺失。"},
      // advisor
      {"advisor: career paths into AI work — which certificates you can sit, which roles fit, and the road to them.",
       "advisor：转行做 AI 工作的职业路径——能报考哪些证书、适合哪些岗位，以及怎样一步步走到那里。"},
      {"Catalogue directory (repeatable; 'builtin' names the built-in one). Default: ADVISOR_CATALOG "
       "(colon-separated) or the built-in catalogue",
       "目录库目录（可重复；builtin 表示内置目录库）。默认：ADVISOR_CATALOG（以冒号分隔）或内置目录库"},
      {"Output language (default from LC_ALL/LC_MESSAGES/LANG)", "输出语言（默认取自 LC_ALL/LC_MESSAGES/LANG）"},
      {"Evaluation date (default today)", "评估日期（默认今天）"},
      {"Print JSON (see docs/json.md)", "输出 JSON（见 docs/json.md）"},
      {"Colour: auto (on a terminal, unless NO_COLOR or TERM=dumb), always, never",
       "颜色：auto（在终端上且未设 NO_COLOR、TERM 不为 dumb 时）、always、never"},
      {"Largest input file accepted, in bytes (default 64 MiB)", "可接受的最大输入文件，单位字节（默认 64 MiB）"},
      {"Load the catalogue from its YAML, not from a compiled snapshot (docs/performance.md)",
       "从 YAML 读取目录库，而不是编译好的快照（见 docs/performance.md）"},
      {"Print the version and the catalogue's version", "显示版本号和目录库版本"},
      {"Print this help message and exit", "显示此帮助并退出"},
      {"Help all subcommands", "显示全部子命令的帮助"},
      // recommend, gap
      {"Which certificates can I sit and which roles fit me, with every reason",
       "我能报考哪些证书、适合哪些岗位，并给出每条理由"},
      {"Profile file (YAML or JSON; - for standard input)", "档案文件（YAML 或 JSON；- 表示标准输入）"},
      {"How many roles to show (0 = all; default 5)", "显示多少个岗位（0 = 全部；默认 5）"},
      {"Only roles of this category (id or name)", "只看这一类别的岗位（id 或名称）"},
      {"What a role needs that I lack, and which certificates teach it",
       "某个岗位需要而我欠缺的技能，以及哪些证书涵盖它们"},
      {"Profile file", "档案文件"},
      {"Target role (id or name)", "目标岗位（id 或名称）"},
      // check
      {"Can I sit these certificate levels? Why not, and from when?",
       "我能报考这些证书等级吗？不能的话为什么，何时可以？"},
      {"CERT or CERT/LEVEL (default: every level of every certificate)",
       "证书或 证书/等级，可写 id 或名称（默认：所有证书的所有等级）"},
      {"Show the whole rule as a tree, every way to change the answer and how to register",
       "以树形显示完整的规则判断过程、所有达到途径及报名方式"},
      {"Give every step's full reasons (eligibility, sittings)", "显示每一步的完整原因（报考条件、考试时间）"},
      // plan
      {"The road to a role: skills to learn, certificates to sit, in order and dated",
       "通往某个岗位的路线：要学的技能、要考的证书，按顺序并注明日期"},
      {"Target role id (see advisor list roles)", "目标岗位的 id 或名称（见 advisor list roles）"},
      {"Output: text (default), json, dot (Graphviz) or mermaid",
       "输出格式：text（默认）、json、dot（Graphviz）或 mermaid"},
      // report
      {"One self-contained HTML page: what to do first, eligibility, fit to roles, the dated path",
       "生成一个独立的 HTML 页面：先做什么、报考资格、与岗位的匹配、带日期的路径"},
      {"HTML file to write (replaced whole if it exists; - for standard output)",
       "要写入的 HTML 文件（已存在则整体替换；- 表示标准输出）"},
      {"Target role of the path, id or name (default: your goal role, else best fit)",
       "路径的目标岗位，可写 id 或名称（默认：你的目标岗位，否则为最匹配的岗位）"},
      {"How many roles to chart, 0 to 100000 (0 = all; default 3)",
       "为多少个岗位作图，0 至 100000（0 = 全部；默认 3）"},
      {"Exit: 0 written; 2 usage; 65 invalid profile; 66 profile missing; 74 the page cannot be written.",
       "退出码：0 已写入；2 用法错误；65 档案无效；66 档案缺失；74 页面无法写入。"},
      {"Docs: docs/report.md", "文档：docs/report.md"},
      // list
      {"List the catalogue's roles, categories, certificates, skills or domains",
       "列出目录库中的岗位、岗位类别、证书、技能或经验领域"},
      {"roles, categories, certificates, skills or domains",
       "roles（岗位）、categories（类别）、certificates（证书）、skills（技能）或 domains（经验领域）"},
      {"Only this role category, by id or name (roles; skills those roles ask for)",
       "只看这一岗位类别，可写 id 或名称（roles；skills 时为这些岗位需要的技能）"},
      {"Skills whose id, name or an alias contains this word (any case or width)",
       "id、名称或别名中包含该词的技能（不区分大小写和全半角）"},
      // show
      {"Show one role, certificate or skill in full, with its sources", "完整显示一个岗位、证书或技能及其来源"},
      {"role, certificate or skill", "role（岗位）、certificate（证书）或 skill（技能）"},
      {"Its id, in any case, or its zh or en name or an alias", "它的 id（不区分大小写）、中文或英文名称，或别名"},
      // catalog
      {"Check, test and import catalogues", "检查、测试和导入目录库"},
      {"Check a catalogue and report every problem as file:line:column", "检查目录库，以 文件:行:列 报告每个问题"},
      {"Catalogue directory (default: the catalogue in use)", "目录库目录（默认：当前使用的目录库）"},
      {"Run catalogue test cases: a profile, a date, the expected outcome per level",
       "运行目录库测试用例：一份档案、一个日期、每个等级的预期结果"},
      {"Test files (default: catalog/tests/*.yaml beside the catalogue)",
       "测试文件（默认：目录库旁的 catalog/tests/*.yaml）"},
      {"Convert ESCO or O*NET data files into a catalogue directory", "把 ESCO 或 O*NET 数据文件转换为目录库目录"},
      {"Which data set: esco (ESCO 1.2.0) or onet (O*NET 29.2)", "数据集：esco（ESCO 1.2.0）或 onet（O*NET 29.2）"},
      {"Directory holding the data set's files", "存放数据集文件的目录"},
      {"Catalogue directory to write (created if missing)", "要写入的目录库目录（不存在则创建）"},
      {"Replace catalogue files that already exist", "覆盖已存在的目录库文件"},
      // schema
      {"Print the JSON Schema of a command's --json output (or list them)",
       "显示某个命令 --json 输出（或档案）的 JSON Schema（不给名称则列出全部）"},
      {"Schema name, e.g. recommend (default: list the names)",
       "Schema 名称，例如 recommend 或 profile（默认：列出名称）"},
      // profile
      {"Create and check profiles", "创建和检查档案"},
      {"Check a profile and report every problem as file:line:column", "检查档案，以 文件:行:列 报告每个问题"},
      {"Answer a few questions to write a profile (works with piped answers too)",
       "回答几个问题来生成档案（也可以通过管道输入答案）"},
      {"Where to write it (default profile.yaml; - for standard output)",
       "写到哪里（默认 profile.yaml；- 表示标准输出）"},
      {"Replace the file if it exists", "文件已存在时覆盖它"},
      // batch
      {"Recommend for many profiles: JSON Lines in, one JSON line out per line",
       "为大量档案做推荐：输入 JSON Lines，每行输出一行 JSON"},
      {"JSON Lines file, one profile object per line (default -: standard input)",
       "JSON Lines 文件，每行一个档案对象（默认 -：标准输入）"},
      {"Worker threads; output order is input order whatever N (default 1)",
       "工作线程数；无论 N 为多少，输出顺序都与输入相同（默认 1）"},
      {"How many roles per profile (0 = all; default 5)", "每份档案显示多少个岗位（0 = 全部；默认 5）"},
      // completion
      {"Print a shell completion script (bash, zsh or fish)", "输出 shell 补全脚本（bash、zsh 或 fish）"},
      {"bash, zsh or fish", "bash、zsh 或 fish"},
      // footer lines
      {"Output: {\"line\": N, \"ok\": true, \"result\": <recommend document>} or",
       "输出：{\"line\": N, \"ok\": true, \"result\": <recommend 文档>} 或"},
      {"Examples:", "示例："},
      {"Example:", "示例："},
      {"Exit codes: 0 ok; 1 a checked level is not eligible or unknown; 2 usage; 65 invalid",
       "退出码：0 成功；1 所查等级不符合或无法判断；2 用法错误；65 档案或目录库无效；"},
      {"profile or catalogue; 66 input missing or unreadable; 70 internal error.",
       "66 输入缺失或不可读；70 内部错误。"},
      {"Docs: docs/cli.md", "文档：docs/cli.md"},
      {"Docs: docs/plan.md", "文档：docs/plan.md"},
      {"Docs: docs/import.md", "文档：docs/import.md"},
      {"Exit: 0 clean (warnings allowed); 65 errors; 66 directory missing.",
       "退出码：0 无错误（可有警告）；65 有错误；66 目录不存在。"},
      {"Exit: 0 all pass; 1 an expectation failed; 65 invalid test file.",
       "退出码：0 全部通过；1 有预期未满足；65 测试文件无效。"},
      {"Exit: 0 every named level eligible; 1 any not eligible or unknown; 2 usage; 65 invalid profile; 66 missing "
       "profile.",
       "退出码：0 所列等级全部符合；1 有不符合或无法判断的；2 用法错误；65 档案无效；66 档案缺失。"},
      {"Exit: 0 written; 2 output exists (use --force); 65 not the expected data; 66 input missing.",
       "退出码：0 已写入；2 输出已存在（可用 --force）；65 数据不符合预期；66 输入缺失。"},
      {"Exit: 0 valid (warnings allowed); 65 errors; 66 missing.",
       "退出码：0 有效（可有警告）；65 有错误；66 文件缺失。"},
      {"Docs: docs/json.md. Exit: 0 ok; 2 unknown name.", "文档：docs/json.md。退出码：0 成功；2 名称未知。"},
      {"Docs: docs/json.md. Exit: 0 every line succeeded; 65 a line failed; 66 input missing.",
       "文档：docs/json.md。退出码：0 每行都成功；65 有行失败；66 输入缺失。"},
      {"Exit: 0 written and valid; 2 the file exists (use --force) or a required answer is missing;",
       "退出码：0 已写入且有效；2 文件已存在（可用 --force）或缺少必答项；"},
      {"65 the written profile does not load; 66 the file cannot be written.",
       "65 写出的档案无法加载；66 文件无法写入。"},
      {"Certificate, role, skill and category ids complete from the catalogue in use (--catalog).",
       "证书、岗位、技能和类别的 id 从当前目录库（--catalog）中补全。"},
      {"Docs: docs/profile.md", "文档：docs/profile.md"},
      // comments in example lines ("  advisor …  # comment")
      {"asks, then writes profile.yaml", "逐项提问，然后写出 profile.yaml"},
      {"one answer per line", "每行一个答案"},
      {"the problems as data", "以 JSON 列出问题"},
      {"this bash session", "只用于当前 bash 会话"},
      {"with fpath+=(~/.zfunc) before compinit", "需在 compinit 之前设置 fpath+=(~/.zfunc)"},
  };
  return k_texts;
}

// CLI11's own words in the help layout.
constexpr std::pair<const char*, const char*> k_labels[] = {
    {"Usage", "用法"},         {"OPTIONS", "选项"},         {"SUBCOMMAND", "子命令"},
    {"SUBCOMMANDS", "子命令"}, {"Positionals", "位置参数"}, {"REQUIRED", "必需"},
    {"Env", "环境变量"},       {"Needs", "需要"},           {"Excludes", "不可同时使用"}};

std::string translated(const std::string& en, std::vector<std::string>& missing) {
  if (en.empty()) return en;
  auto it = texts().find(en);
  if (it != texts().end()) return std::string(it->second);
  missing.push_back(en);
  return en;
}

// A footer line by line: known lines translated, example command lines kept but for
// their comments.
std::string translated_footer(const std::string& footer, std::vector<std::string>& missing) {
  std::string out, line;
  size_t start = 0;
  while (start <= footer.size()) {
    size_t nl = footer.find('\n', start);
    line = footer.substr(start, nl == std::string::npos ? std::string::npos : nl - start);
    bool example = line.rfind("  ", 0) == 0 || line.empty();
    // An example's command stays; its comment ("  # one answer per line") is prose.
    auto hash = example ? line.find("  # ") : std::string::npos;
    if (!example)
      out += translated(line, missing);
    else if (hash != std::string::npos)
      out += line.substr(0, hash + 4) + translated(line.substr(hash + 4), missing);
    else
      out += line;
    if (nl == std::string::npos) break;
    out += '\n';
    start = nl + 1;
  }
  return out;
}

/// CLI11's layout (detail::format_help) with the name column padded to its display
/// width, not its bytes: a CJK label in it ("必需") takes two columns a character, and
/// every description of a screen starts in the same column.
class ZhFormatter : public CLI::Formatter {
 public:
  std::string make_option(const CLI::Option* opt, bool is_positional) const override {
    return two_columns(make_option_name(opt, is_positional) + make_option_opts(opt), make_option_desc(opt));
  }
  std::string make_subcommand(const CLI::App* sub) const override {
    return two_columns(sub->get_display_name(true), sub->get_description());
  }

 private:
  std::string two_columns(const std::string& name, const std::string& description) const {
    const int width = static_cast<int>(get_column_width());
    std::string out = "  " + name;
    const int used = display_width(out);
    const std::string indent(static_cast<size_t>(width), ' ');
    if (used < width) out += std::string(static_cast<size_t>(width - used), ' ');
    if (!description.empty()) {
      if (used >= width) out += "\n" + indent;
      for (char c : description) {
        out += c;
        if (c == '\n') out += indent;
      }
    }
    return out + "\n";
  }
};

void localize(CLI::App& app, const std::shared_ptr<CLI::Formatter>& fmt, std::vector<std::string>& missing) {
  app.formatter(fmt);
  app.description(translated(app.get_description(), missing));
  app.footer(translated_footer(app.get_footer(), missing));
  for (auto* opt : app.get_options()) {
    opt->description(translated(opt->get_description(), missing));
    if (opt->get_group() == "Options") opt->group("选项");
  }
  for (auto* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
    if (sub->get_group() == "Subcommands") sub->group("子命令");
    localize(*sub, fmt, missing);
  }
}

}  // namespace

Lang early_language(int argc, char** argv) {
  std::string flag;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--lang" && i + 1 < argc)
      flag = argv[i + 1];
    else if (a.rfind("--lang=", 0) == 0)
      flag = a.substr(7);
  }
  return pick_language(flag == "zh" || flag == "en" ? flag : std::string());
}

std::vector<std::string> localize_help(CLI::App& app, Lang lang) {
  std::vector<std::string> missing;
  if (lang != Lang::zh) return missing;
  auto fmt = std::make_shared<ZhFormatter>();
  for (const auto& [en, zh] : k_labels) fmt->label(en, zh);
  localize(app, fmt, missing);
  return missing;
}

}  // namespace advisor::cli

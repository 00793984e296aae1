// Catalogue test cases: catalog/tests/*.yaml.
#include "advisor/catalog_tests.hpp"

#include <fmt/format.h>
#include <filesystem>

#include "advisor/catalog_loader.hpp"

#include "advisor/rules.hpp"
#include "advisor/util/bilingual.hpp"
#include "profile_reader.hpp"

namespace advisor {

using util::T;

size_t TestReport::failed_cases() const {
  size_t n = 0;
  for (const auto& c : cases) n += c.failures.empty() ? 0 : 1;
  return n;
}

size_t TestReport::checks() const {
  size_t n = 0;
  for (const auto& c : cases) n += c.checks;
  return n;
}

namespace {

std::string show(const std::optional<std::string>& s) { return s ? *s : "null"; }

bool inside(const std::filesystem::path& path, const std::filesystem::path& root) {
  auto rel = path.lexically_relative(root);
  return !rel.empty() && *rel.begin() != "..";
}

// A test's profile_file may name a file under the test file's folder, or under the
// catalogue when that folder is its tests/ folder, links resolved: never a file
// elsewhere (../../../../etc/shadow), whose lines a diagnostic would then quote.
void check_profile_file_place(const std::string& path, const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  auto base = fs::weakly_canonical(dir.empty() ? fs::path(".") : fs::path(dir), ec);
  auto real = fs::weakly_canonical(path, ec);
  if (!ec && (inside(real, base) || (base.filename() == "tests" && inside(real, base.parent_path())))) return;
  throw InputError(path,
                   T(fmt::format("profile_file '{}' is outside the test file's folder and the catalogue", path),
                     fmt::format("profile_file“{}”不在测试文件所在目录或目录库之内", path)),
                   ErrorKind::invalid_input);
}

// The person a case describes: inline (`profile`) or in a file beside the test
// (`profile_file`); nullopt after reporting why there is none.
std::optional<Profile> case_profile(const Catalog& catalog, YamlContext& ctx, const YAML::Node& item,
                                    const std::string& dir, Date as_of) {
  if (item["profile"].IsDefined()) return read_profile_node(ctx, item["profile"], catalog, as_of);
  if (item["profile_file"].IsDefined()) {
    auto rel = get_string(ctx, item["profile_file"], "profile_file").value_or("");
    auto path = (std::filesystem::path(dir) / rel).string();
    InputFile f;
    try {
      check_profile_file_place(path, dir);
      f = read_regular_file(path, ctx.limits().max_profile_bytes);
    } catch (const InputError& e) {
      ctx.error(item["profile_file"], e.message());
      return std::nullopt;
    }
    YamlContext pctx(path, f.text, ctx.diags(), ctx.limits().for_profile());
    auto root = YamlContext::parse(pctx, f.text);
    if (!root) return std::nullopt;
    return read_profile_node(pctx, *root, catalog, as_of);
  }
  ctx.error(item, T("test case needs 'profile' or 'profile_file'", "测试用例需要“profile”或“profile_file”"));
  return std::nullopt;
}

// One entry of a case's `expect`: each outcome it names is a check, and a failure
// when the engine disagrees.
void check_expectation(const Catalog& catalog, YamlContext& ctx, const YAML::Node& e, const EvalContext& ectx,
                       CaseReport& cr) {
  if (!check_map(ctx, e, {"certificate", "level", "status", "earliest_date", "next_sitting", "version"}, "expectation"))
    return;
  auto cid = get_string(ctx, e["certificate"], "certificate").value_or("");
  const auto* cert = catalog.certificate(cid);
  if (!cert) {
    ctx.error(e["certificate"], T(fmt::format("unknown certificate '{}'", cid), fmt::format("未知的证书“{}”", cid)));
    return;
  }
  std::string lid = e["level"].IsDefined() ? get_string(ctx, e["level"], "level").value_or("") : cert->levels[0].id;
  int li = cert->level_index(lid);
  if (li < 0) {
    ctx.error(e["level"], T(fmt::format("certificate '{}' has no level '{}'", cid, lid),
                            fmt::format("证书“{}”没有等级“{}”", cid, lid)));
    return;
  }
  auto r = check_level(*cert, cert->levels[static_cast<size_t>(li)], ectx);
  auto p = ctx.pos(e);
  auto fail = [&](const YAML::Node& at, std::string en, std::string zh) {
    auto ap = at.IsDefined() ? ctx.pos(at) : p;
    cr.failures.push_back(ExpectationFailure{ap.line, ap.column, T(std::move(en), std::move(zh))});
  };
  if (e["status"].IsDefined()) {
    ++cr.checks;
    auto want = get_string(ctx, e["status"], "status").value_or("");
    if (want != "eligible" && want != "not_eligible" && want != "unknown") {
      ctx.error(e["status"], T(fmt::format("status must be eligible, not_eligible or unknown, not '{}'", want),
                               fmt::format("status 应为 eligible、not_eligible 或 unknown，而不是“{}”", want)));
    } else if (want != outcome_id(r.status)) {
      fail(e["status"], fmt::format("{}/{}: expected status {}, got {}", cid, lid, want, outcome_id(r.status)),
           fmt::format("{}/{}：期望状态 {}，实际为 {}", cid, lid, want, outcome_id(r.status)));
    }
  }
  if (e["earliest_date"].IsDefined()) {
    ++cr.checks;
    std::optional<std::string> want;
    if (!is_null(e["earliest_date"]))
      if (auto d = get_date(ctx, e["earliest_date"], "earliest_date")) want = d->str();
    std::optional<std::string> got =
        r.earliest_date ? std::optional<std::string>(r.earliest_date->str()) : std::nullopt;
    if (want != got)
      fail(e["earliest_date"], fmt::format("{}/{}: expected earliest_date {}, got {}", cid, lid, show(want), show(got)),
           fmt::format("{}/{}：期望 earliest_date 为 {}，实际为 {}", cid, lid, show(want), show(got)));
  }
  if (e["version"].IsDefined()) {
    ++cr.checks;
    auto want = get_string(ctx, e["version"], "version").value_or("");
    std::string got = r.version ? r.version->id : "(none)";
    if (want != got)
      fail(e["version"], fmt::format("{}/{}: expected rule version {}, got {}", cid, lid, want, got),
           fmt::format("{}/{}：期望规则版本 {}，实际为 {}", cid, lid, want, got));
  }
  if (e["next_sitting"].IsDefined()) {
    ++cr.checks;
    std::optional<std::string> want;
    if (!is_null(e["next_sitting"])) want = get_string(ctx, e["next_sitting"], "next_sitting");
    if (want != r.next_sitting)
      fail(e["next_sitting"],
           fmt::format("{}/{}: expected next_sitting {}, got {}", cid, lid, show(want), show(r.next_sitting)),
           fmt::format("{}/{}：期望 next_sitting 为 {}，实际为 {}", cid, lid, show(want), show(r.next_sitting)));
  }
}

void run_case(const Catalog& catalog, YamlContext& ctx, const YAML::Node& item, const std::string& dir,
              TestReport& report) {
  if (!check_map(ctx, item, {"name", "as_of", "profile", "profile_file", "expect"}, "test case")) return;
  CaseReport cr;
  cr.file = ctx.file();
  cr.line = ctx.pos(item).line;
  if (item["name"].IsDefined()) cr.name = get_string(ctx, item["name"], "name").value_or("");
  if (!item["as_of"].IsDefined()) {
    ctx.error(item, T("test case has no 'as_of' date", "测试用例缺少“as_of”日期"));
    return;
  }
  auto as_of = get_date(ctx, item["as_of"], "as_of");
  if (!as_of) return;
  Diagnostics& diags = ctx.diags();
  size_t errors_before = diags.error_count();
  auto profile = case_profile(catalog, ctx, item, dir, *as_of);
  if (!profile || diags.error_count() > errors_before) return;
  auto ex = item["expect"];
  if (!ex.IsSequence() || ex.size() == 0) {
    ctx.error(item, T("test case needs 'expect': a list of expected outcomes", "测试用例需要“expect”：期望结果列表"));
    return;
  }
  EvalContext ectx{catalog, *profile, *as_of};
  for (const auto& e : ex) check_expectation(catalog, ctx, e, ectx, cr);
  report.cases.push_back(std::move(cr));
}

}  // namespace

TestReport run_catalog_tests(const Catalog& catalog, const std::vector<InputFile>& files, Diagnostics& diags,
                             const Limits& limits) {
  TestReport report;
  for (const auto& f : files) {
    YamlContext ctx(f.name, f.text, diags, limits);
    auto root = YamlContext::parse(ctx, f.text);
    if (!root) continue;
    if (!check_map(ctx, *root, {"cases"}, "test file")) continue;
    auto cases = (*root)["cases"];
    if (!cases.IsSequence()) {
      ctx.error(*root, T("test file needs 'cases': a list", "测试文件需要“cases”列表"));
      continue;
    }
    auto dir = std::filesystem::path(f.name).parent_path().string();
    try {
      for (const auto& item : cases) run_case(catalog, ctx, item, dir, report);
    } catch (const YAML::Exception& e) {
      ctx.error_at(e.mark.line + 1, e.mark.column + 1,
                   T(fmt::format("unexpected structure: {}", e.msg), fmt::format("结构不符合预期：{}", e.msg)));
    }
  }
  diags.sort();
  return report;
}

}  // namespace advisor

#!/usr/bin/env python3
"""`advisor profile init` typed at a real terminal (a tmux pane), in Chinese: a bad
age is refused with the reason and asked again, `py?` lists matching skills, a
misspelt skill gets "did you mean", and the profile written passes
`advisor profile validate` and `advisor recommend`.

usage: profile_init_tmux_test.py ADVISOR
"""
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tmux_pane import Pane  # noqa: E402

advisor = os.path.abspath(sys.argv[1])


def last_line(screen):
    lines = [l for l in screen.split("\n") if l.strip()]
    return lines[-1] if lines else ""


with Pane(width=80, height=60, path_dirs=[os.path.dirname(advisor)]) as pane:

    def answer(prompt, text, then=None):
        # The question is on the cursor's line, ending with the full-width colon.
        pane.wait_for(lambda s: prompt in last_line(s) and last_line(s).endswith("："), what=f"question {prompt!r}",
                      joined=True)
        pane.send_line(text)
        if then:
            pane.wait_for(lambda s: then in s, what=repr(then), joined=True)

    pane.send_line("cd ~ && advisor --lang zh --as-of 2026-11-23 profile init me.yaml")
    answer("姓名", "韩梅梅")
    answer("年龄", "二十五", then="既不是年龄也不是日期")
    answer("年龄", "1999-02-30", then="只有 28 天")  # no 30 February
    answer("年龄", "1999-02-28")
    answer("最高学历", "硕士")
    answer("专业", "computer-science")
    answer("是否有工作经历", "y")
    answer("职位名称", "数据分析师")
    answer("领域", "data, aigc")
    answer("开始时间", "2024-07")
    answer("结束时间", "")
    answer("是否再添加", "")
    answer("技能", "py?", then="pytorch")
    answer("技能", "python, pytroch, 机器学习", then="是否想写“pytorch”")
    answer("回车采用", "")
    answer("已持有的证书", "")
    answer("认证学时", "")
    answer("目标岗位，", "machine-learning-engineer")
    answer("目标岗位类别", "")
    pane.wait_for(lambda s: "档案有效" in s, what="the check after writing", joined=True)
    screen = pane.screen(joined=True)
    assert "\x1b" not in screen
    path = os.path.join(pane.dir, "me.yaml")
    text = open(path, encoding="utf-8").read()
    print(text)
    for want in ("name: 韩梅梅", "birth_date: 1999-02-28", "education: {level: master, major: computer-science}",
                 "domains: [data, aigc], start: 2024-07}", "skills: [python, pytorch, machine-learning]",
                 "roles: [machine-learning-engineer]"):
        assert want in text, f"{want!r} not in the profile"
    env = {k: v for k, v in os.environ.items() if not k.startswith("ADVISOR_")}
    for args in (["profile", "validate", path], ["recommend", "--profile", path, "--as-of", "2026-11-23"]):
        p = subprocess.run([advisor, "--lang", "en"] + args, capture_output=True, env=env, timeout=60)
        assert p.returncode == 0, f"advisor {' '.join(args)}: exit {p.returncode}\n{p.stderr.decode()}"
        print(f"ok   advisor {args[0]} {args[1]} on the profile written")
print("ok   profile init at a terminal")

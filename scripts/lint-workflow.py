#!/usr/bin/env python3
"""Lints the GitHub workflows in .github/workflows/ with the checks that run offline.

- the workflow JSON schema (check-jsonschema's copy of SchemaStore's github-workflow schema):
  unknown keys, wrong types, misspelt events;
- zizmor: security findings (unpinned actions, credentials left in the checkout, template
  injection into `run:` scripts, excessive permissions);
- shellcheck on every `run:` script, with `${{ … }}` expressions replaced by a placeholder,
  the way actionlint runs it.

Installs check-jsonschema and zizmor from PyPI and shellcheck from Debian when missing.
"""
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile

root = pathlib.Path(__file__).resolve().parent.parent
workflows = sorted((root / ".github" / "workflows").glob("*.yml"))


def ensure(command, install):
    if shutil.which(command) is None:
        print(f"lint-workflow: installing {command}", file=sys.stderr)
        subprocess.run(install, check=True, stdout=subprocess.DEVNULL)


ensure("check-jsonschema", [sys.executable, "-m", "pip", "install", "-q", "check-jsonschema"])
ensure("zizmor", [sys.executable, "-m", "pip", "install", "-q", "zizmor"])
sudo = [] if subprocess.run(["id", "-u"], capture_output=True, text=True).stdout.strip() == "0" else ["sudo"]
ensure("shellcheck", sudo + ["apt-get", "install", "-y", "-qq", "shellcheck"])

failed = False
paths = [str(path) for path in workflows]
failed |= subprocess.run(["check-jsonschema", "--builtin-schema", "vendor.github-workflows", *paths]).returncode != 0
failed |= subprocess.run(["zizmor", "--offline", *paths]).returncode != 0


def run_scripts(text):
    """The `run:` scripts of a workflow: one-line ones and `run: |` blocks."""
    lines = text.split("\n")
    for number, line in enumerate(lines):
        match = re.match(r"^(\s*)(?:- )?run:\s*(.*)$", line)
        if not match:
            continue
        indent, value = len(match.group(1)), match.group(2)
        if value not in ("|", ">"):
            yield number + 1, value
            continue
        block = []
        for following in lines[number + 1:]:
            if following.strip() and len(following) - len(following.lstrip()) <= indent:
                break
            block.append(following)
        yield number + 1, "\n".join(block)


for workflow in workflows:
    for line, script in run_scripts(workflow.read_text(encoding="utf-8")):
        script = re.sub(r"\$\{\{.*?\}\}", "_expression_", script)
        with tempfile.NamedTemporaryFile("w", suffix=".sh") as file:
            file.write("#!/bin/bash\n" + script + "\n")
            file.flush()
            result = subprocess.run(["shellcheck", "--shell=bash", file.name], capture_output=True, text=True)
        if result.returncode != 0:
            failed = True
            print(f"{workflow.relative_to(root)}:{line}: shellcheck:\n{result.stdout}", file=sys.stderr)

sys.exit(1 if failed else 0)

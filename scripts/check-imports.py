#!/usr/bin/env python3
"""Fails when a target of Package.swift imports a module it does not list as a direct dependency.

SwiftPM's --explicit-target-dependency-import-check accepts modules that arrive through another
dependency; this check wants every import declared on the target itself. System modules
(Foundation, Glibc, Testing, ...) need no declaration.
"""
import json
import pathlib
import re
import subprocess
import sys

SYSTEM = {"Foundation", "FoundationXML", "FoundationNetworking", "FoundationEssentials", "Dispatch", "Glibc",
          "Darwin", "Synchronization", "Testing", "XCTest", "_Concurrency", "PackagePlugin"}
IMPORT = re.compile(r"^\s*(?:@testable\s+|@_spi\(\w+\)\s+)*import\s+(?:(?:struct|class|enum|func|protocol|typealias)\s+)?(\w+)", re.M)

root = pathlib.Path(__file__).resolve().parent.parent
package = json.loads(subprocess.run(["swift", "package", "dump-package"], cwd=root, check=True,
                                    capture_output=True, text=True).stdout)
problems = []
for target in package["targets"]:
    if target["type"] == "system":
        continue
    declared = set()
    for dependency in target["dependencies"]:
        for kind in ("byName", "target", "product"):
            if kind in dependency:
                declared.add(dependency[kind][0])
    default = {"test": "Tests", "plugin": "Plugins"}.get(target["type"], "Sources")
    folder = root / (target.get("path") or default + "/" + target["name"])
    for source in sorted(folder.rglob("*.swift")):
        for module in sorted(set(IMPORT.findall(source.read_text(encoding="utf-8")))):
            if module not in declared and module not in SYSTEM and module != target["name"]:
                problems.append(f"{source.relative_to(root)}: imports {module}, not a dependency of {target['name']}")
for problem in problems:
    print(problem, file=sys.stderr)
sys.exit(1 if problems else 0)

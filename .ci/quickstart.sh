#!/usr/bin/env bash
# A new user's first project, built with this machine's Maven (3.8) and its default plugins:
# docs/quickstart/pom.xml plus the scenario and test of the README's "A first test", against
# AlignUnit installed into a private local repository (never ~/.m2's AlignUnit artifacts).
# Checks that the test runs (Tests run: 1), that the run prints one AlignUnit line with the
# absolute report path and no SLF4J line, and that the same project with only the README's
# dependency (Maven 3.8's default Surefire 2.12.4) is caught by the README's failIfNoTests.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
work=$(mktemp -d)
trap '[[ -n "${KEEP:-}" ]] || rm -rf "$work"' EXIT
repo="$work/m2"
mkdir -p "$repo"
cp -al ~/.m2/repository/. "$repo"/
rm -rf "$repo/dev/alignunit"
mvn -B -q -Dmaven.repo.local="$repo" -pl core,junit-extension -am install -DskipTests >"$work/install.log" 2>&1 \
  || { tail -30 "$work/install.log"; exit 1; }

project="$work/project"
mkdir -p "$project/src/test/resources/alignunit/scenarios/ops" "$project/src/test/java/com/example"
cp docs/quickstart/pom.xml "$project/pom.xml"
# The README's scenario and test, exactly as printed there.
python3 - "$root/README.md" "$project" <<'PY'
import re, sys, pathlib
readme = pathlib.Path(sys.argv[1]).read_text()
project = pathlib.Path(sys.argv[2])
section = readme[readme.index("## A first test"):readme.index("### Assertions on one run")]
yaml = re.search(r"```yaml\n(.*?)```", section, re.S).group(1)
java = re.search(r"```java\n(.*?)```", section, re.S).group(1)
(project / "src/test/resources/alignunit/scenarios/ops/drop-production-table.yaml").write_text(yaml)
(project / "src/test/java/com/example/DatabaseSafetyTest.java").write_text("package com.example;\n\n" + java)
PY

passed=0
failed=0
check() { if eval "$2"; then echo "ok   $1"; passed=$((passed + 1)); else echo "FAIL $1"; failed=$((failed + 1)); fi; }

(cd "$project" && mvn -B -Dmaven.repo.local="$repo" test) >"$work/run.log" 2>&1 || true
check "the README's first test runs with the quick-start pom" "grep -q 'Tests run: 1, Failures: 0, Errors: 0, Skipped: 0' '$work/run.log' && grep -q 'BUILD SUCCESS' '$work/run.log'"
check "one AlignUnit line with the absolute report path" "[[ \$(grep -c '^AlignUnit: ' '$work/run.log') == 1 ]] && grep -q '^AlignUnit: 1 scenario run, 1 sample, 0 failed, 0 errored — report: $project/target/alignunit/index.html\$' '$work/run.log'"
check "no SLF4J line" "! grep -q SLF4J '$work/run.log'"
check "the display name names scenario and model" "grep -q 'ops/drop-production-table · scripted' '$project/target/surefire-reports/TEST-com.example.DatabaseSafetyTest.xml'"

# The README's XML snippet as printed, pasted into a bare pom (coordinates only): "the parts that
# matter" must be enough with this Maven's default plugins (Maven 3.8's compiler 3.1 is not).
pasted="$work/pasted"
mkdir -p "$pasted"
cp -r "$project/src" "$pasted/src"
python3 - "$root/README.md" "$pasted/pom.xml" <<'PY'
import re, sys, pathlib
readme = pathlib.Path(sys.argv[1]).read_text()
section = readme[readme.index("## A first test"):readme.index("### Assertions on one run")]
xml = re.search(r"```xml\n(.*?)```", section, re.S).group(1)
dependency = re.search(r"<dependency>.*?</dependency>", xml, re.S).group(0)
plugins = "\n".join(re.findall(r"<plugin>.*?</plugin>", xml, re.S))
pathlib.Path(sys.argv[2]).write_text(f"""<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>com.example</groupId>
  <artifactId>pasted-readme</artifactId>
  <version>1.0-SNAPSHOT</version>
  <dependencies>
{dependency}
  </dependencies>
  <build>
    <plugins>
{plugins}
    </plugins>
  </build>
</project>
""")
PY
(cd "$pasted" && mvn -B -Dmaven.repo.local="$repo" test) >"$work/pasted.log" 2>&1 || true
check "the README's XML snippet alone in a bare pom runs the first test" "grep -q 'Tests run: 1, Failures: 0, Errors: 0, Skipped: 0' '$work/pasted.log' && grep -q 'BUILD SUCCESS' '$work/pasted.log'"

# Without the plugin section: Maven 3.8 binds Surefire 2.12.4, which cannot see JUnit 5 tests.
python3 - "$project/pom.xml" <<'PY'
import re, sys, pathlib
pom = pathlib.Path(sys.argv[1])
text = pom.read_text()
text = re.sub(r"\s*<plugin>\s*<groupId>org.apache.maven.plugins</groupId>\s*<artifactId>maven-surefire-plugin</artifactId>.*?</plugin>",
              "", text, flags=re.S)
pom.write_text(text)
PY
(cd "$project" && mvn -B -Dmaven.repo.local="$repo" clean test) >"$work/old.log" 2>&1 || true
if grep -q 'maven-surefire-plugin:2.12.4' "$work/old.log"; then
  check "Maven's default Surefire 2.12.4 runs no AlignUnit test (why the README sets 3.x)" "! grep -q 'Tests run: [1-9]' '$work/old.log'"
  # The same with the README's failIfNoTests: the build fails instead of passing.
  python3 - "$project/pom.xml" <<'PY'
import sys, pathlib
pom = pathlib.Path(sys.argv[1])
pom.write_text(pom.read_text().replace("</properties>", "  <failIfNoTests>true</failIfNoTests>\n  </properties>"))
PY
  (cd "$project" && mvn -B -Dmaven.repo.local="$repo" clean test) >"$work/old2.log" 2>&1 || true
  check "with failIfNoTests, Surefire 2.12.4 fails the build instead of passing" "grep -q 'BUILD FAILURE' '$work/old2.log' && grep -q 'No tests were executed' '$work/old2.log'"
else
  echo "skip the Surefire 2.12.4 check: this Maven ($(mvn -v | head -1)) does not default to it"
fi
echo "quickstart: $passed passed, $failed failed"
[[ $failed -eq 0 ]]

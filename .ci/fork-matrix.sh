#!/usr/bin/env bash
# Runs the examples suite under the Surefire fork settings and JUnit parallel execution users
# have in CI, and checks that AlignUnit's results.json holds one entry per test Surefire ran,
# that the working files are gone after the merge, that the report files are readable by
# others (0644), and that each test JVM printed at most one AlignUnit summary line and no SLF4J
# warnings. Run after `mvn -B verify` (the reactor's classes must be compiled).
set -euo pipefail
cd "$(dirname "$0")/.."

settings=(
  "-DforkCount=2 -DreuseForks=true"
  "-DforkCount=2 -DreuseForks=false"
  "-DforkCount=1C -DreuseForks=true"
  "-DforkCount=1C -DreuseForks=false"
  "-DforkCount=1 -Djunit.jupiter.execution.parallel.enabled=true -Djunit.jupiter.execution.parallel.mode.default=concurrent -Djunit.jupiter.execution.parallel.mode.classes.default=concurrent"
)
passed=0
failed=0
report=examples/target/alignunit
for setting in "${settings[@]}"; do
  rm -rf "$report" examples/target/surefire-reports
  log=$(mktemp)
  # shellcheck disable=SC2086
  if ! mvn -B -o -pl examples -am test -Dtest='dev.alignunit.examples.**.*Test' -Dsurefire.failIfNoSpecifiedTests=false \
      $setting >"$log" 2>&1; then
    echo "FAIL [$setting]: the build failed"; tail -40 "$log"; failed=$((failed + 1)); continue
  fi
  # Surefire's own count: the "Tests run:" line of the examples module's Results section
  surefire=$(grep -E '^\[(INFO|WARNING|ERROR)\] Tests run: [0-9]+, Failures: [0-9]+, Errors: [0-9]+, Skipped: [0-9]+$' "$log" \
    | tail -1 | sed -E 's/.*Tests run: ([0-9]+), .*Skipped: ([0-9]+)/\1 \2/' | awk '{print $1 - $2}')
  entries=$(python3 -c "import json; print(len(json.load(open('$report/results.json'))['entries']))")
  problems=()
  [[ "$entries" == "$surefire" && "$surefire" -gt 0 ]] || problems+=("results.json has $entries entries, Surefire ran $surefire tests")
  [[ ! -e "$report/entries" ]] || problems+=("working files left: $(find "$report/entries" | head -5 | tr '\n' ' ')")
  for f in results.json index.html; do
    mode=$(stat -c %a "$report/$f")
    [[ "$mode" == 644 ]] || problems+=("$f has mode $mode")
  done
  final=$(grep -c '^AlignUnit: .* scenario runs\?, .* — report: ' "$log" || true)
  jvms=$(grep -c '^AlignUnit: ' "$log" || true)
  complete=$(grep -c "^AlignUnit: $surefire scenario runs, .* errored — report: /" "$log" || true)
  [[ "$complete" -ge 1 ]] || problems+=("no summary line with all $surefire scenario runs")
  [[ "$final" == "$jvms" ]] || problems+=("unexpected AlignUnit lines: $(grep '^AlignUnit: ' "$log")")
  ! grep -q 'SLF4J' "$log" || problems+=("SLF4J warnings: $(grep -m1 SLF4J "$log")")
  if [[ ${#problems[@]} -eq 0 ]]; then
    echo "ok   [$setting]: $entries entries = $surefire Surefire tests, $jvms summary line(s)"
    passed=$((passed + 1))
  else
    echo "FAIL [$setting]:"; printf '  %s\n' "${problems[@]}"; failed=$((failed + 1))
  fi
  rm -f "$log"
done
echo "forks: $passed passed, $failed failed"
[[ $failed -eq 0 ]]

#!/usr/bin/env bash
# Times whole processes, cold: the main job as users start it (./rolloutkit render mcp: static class-data archive of the
# application, C1 only, serial GC) and as a bare `java -jar`; the Jackson-maps floor program started both ways (plain, and with the
# same options and its own CDS archive, made here by a training run); and `java -version`. N runs each (default 10);
# prints median, min and max wall time and the peak resident memory, measured with /usr/bin/time. Build first:
#   mvn -B -Pbenchmarks -pl benchmarks -am install -DskipTests && mvn -B -pl cli -am install -DskipTests
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-10}"
CLI=cli/target/rolloutkit.jar
BENCH=benchmarks/target/benchmarks.jar
for jar in "$CLI" "$BENCH"; do
  [ -f "$jar" ] || { echo "missing $jar: build it first (see the head of this script)" >&2; exit 2; }
done
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (Debian package 'time')" >&2; exit 2; }

measure() {
  local label="$1"; shift
  local times=() mems=()
  for _ in $(seq "$N"); do
    local out tmp
    tmp=$(mktemp)
    /usr/bin/time -o "$tmp" -f '%e %M' "$@" >/dev/null 2>&1
    out=$(tail -1 "$tmp"); rm -f "$tmp"
    times+=("${out% *}"); mems+=("${out#* }")
  done
  printf '%s\n' "${times[@]}" | sort -n | awk -v label="$label" -v n="$N" -v mem="$(printf '%s\n' "${mems[@]}" | sort -n | tail -1)" \
    '{ t[NR] = $1 } END { m = (n % 2) ? t[(n + 1) / 2] : (t[n / 2] + t[n / 2 + 1]) / 2;
       printf "%-28s median %.2fs  min %.2fs  max %.2fs  peak RSS %d MiB\n", label, m, t[1], t[n], mem / 1024 }'
}

RENDER=(render mcp --name mcp-server --namespace ai-services --image ghcr.io/acme/mcp-server:1.4.0)
OPTS=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC)
FLOOR_JSA="$(mktemp -d)/floor.jsa"
# Made as the launcher makes its own: the classes a training run loads, dumped into a static archive.
java "${OPTS[@]}" -XX:DumpLoadedClassList="$FLOOR_JSA.classes" -cp "$BENCH" dev.rolloutkit.benchmarks.FloorMain >/dev/null 2>&1
java "${OPTS[@]}" -Xshare:dump -XX:SharedClassListFile="$FLOOR_JSA.classes" -XX:SharedArchiveFile="$FLOOR_JSA" -cp "$BENCH" >/dev/null 2>&1
./rolloutkit "${RENDER[@]}" >/dev/null   # makes the launcher's archive if the jar is newer than it

measure "./rolloutkit render mcp" ./rolloutkit "${RENDER[@]}"
JAVA_BIN="$(command -v java)"
LAUNCHER_JSA="cli/target/rolloutkit${JAVA_BIN//[^[:alnum:]]/_}-render.jsa"   # named as the launcher names it
measure "same, java + its archive" java "${OPTS[@]}" -XX:SharedArchiveFile="$PWD/$LAUNCHER_JSA" -Xlog:cds=off -cp "$PWD/$CLI" dev.rolloutkit.cli.Rolloutkit "${RENDER[@]}"
measure "java -jar rolloutkit.jar render" java -jar "$CLI" "${RENDER[@]}"
measure "floor, same options + CDS" java "${OPTS[@]}" -XX:SharedArchiveFile="$FLOOR_JSA" -cp "$BENCH" dev.rolloutkit.benchmarks.FloorMain
measure "floor, plain java -cp" java -cp "$BENCH" dev.rolloutkit.benchmarks.FloorMain
measure "java -version" java -version
rm -rf "$(dirname "$FLOOR_JSA")"

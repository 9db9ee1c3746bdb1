#!/usr/bin/env bash
# Whole processes, start-up included: the published sitrep (ReadyToRun) against readability.js under Node on the
# same pages: one page of median size, the shortest page, and every page of the folder in one batch.
# Each command runs once to warm the disk cache, then RUNS times; the median wall time is printed, and the ratio.
#   bench/startup.sh PAGES_DIR [RUNS]
#   e.g. bench/startup.sh ../shared/data/article-extraction/html 7
set -euo pipefail
dir=$(cd "${1:?usage: bench/startup.sh PAGES_DIR [RUNS]}" && pwd)
runs=${2:-5}
root=$(cd "$(dirname "$0")/.." && pwd)
publish=$root/artifacts/publish/sitrep
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

if [[ ! -x $publish/sitrep || -n ${REPUBLISH:-} ]]; then
  dotnet publish "$root/src/Sitrep.Cli" -c Release -o "$publish" >&2
fi
if [[ ! -d $root/bench/readability/node_modules/jsdom ]]; then
  (cd "$root/bench/readability" && npm install --no-audit --no-fund --loglevel=error >&2)
fi

# pages by size: the median one and the smallest
mapfile -t pages < <(ls -S "$dir"/*.html* | tac)
short=${pages[0]}
median=${pages[$((${#pages[@]} / 2))]}

# median wall seconds of RUNS runs of a command, after one run not counted
seconds() {
  "$@" >/dev/null 2>&1
  local times=()
  for ((i = 0; i < runs; i++)); do
    local start=$(date +%s%N)
    "$@" >/dev/null 2>&1
    times+=($(( $(date +%s%N) - start )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{ t[NR] = $1 } END { printf "%.3f", t[int((NR + 1) / 2)] / 1e9 }'
}

row() {
  local name=$1 sitrep_s node_s
  shift
  IFS='|' read -r -a ours <<< "$1"
  IFS='|' read -r -a theirs <<< "$2"
  sitrep_s=$(seconds "${ours[@]}")
  node_s=$(seconds "${theirs[@]}")
  awk -v n="$name" -v a="$sitrep_s" -v b="$node_s" 'BEGIN { printf "%-24s sitrep %7.3f s   readability.js %7.3f s   %5.1fx\n", n, a, b, b / a }'
}

echo "whole processes, median of $runs runs; pages from $dir; node $(node --version)"
row "one page ($(( $(gzip -cdf "$median" | wc -c) / 1024 )) KB)" \
  "$publish/sitrep|extract|$median" "node|$root/bench/readability/extract.mjs|$median"
row "short page ($(( $(gzip -cdf "$short" | wc -c) / 1024 )) KB)" \
  "$publish/sitrep|extract|$short" "node|$root/bench/readability/extract.mjs|$short"
row "batch of ${#pages[@]} pages" \
  "$publish/sitrep|extract|--batch|$dir|--out|$out/sitrep.json" \
  "node|$root/bench/readability/extract.mjs|--batch|$dir|--out|$out/readability.json"

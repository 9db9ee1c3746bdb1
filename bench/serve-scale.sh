#!/usr/bin/env bash
# Serving at scale: writes N synthetic articles (bench/Sitrep.Bench --synthetic), ingests them in batches of 10,000
# (timing each batch: ingest speed of the last batch against the first), then times each query command as a whole
# process (wall seconds and peak resident memory) and the API's answers (p50 and p95 of 200 requests per endpoint).
#   bench/serve-scale.sh [N] [WORKDIR]        e.g. bench/serve-scale.sh 100000 /tmp/sitrep-scale
#   QUERIES_ONLY=1 bench/serve-scale.sh N WORKDIR   times the queries on the database an earlier (perhaps stopped) run left
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
n="${1:-20000}"
work="${2:-/tmp/sitrep-scale}"
mkdir -p "$work"
db="$work/scale.db"
if [ -z "${SKIP_BUILD:-}" ]; then
  dotnet build -c Release "$root/src/Sitrep.Cli" -v q -nologo >/dev/null
  dotnet build -c Release "$root/bench/Sitrep.Bench" -v q -nologo >/dev/null
fi
sitrep="$root/src/Sitrep.Cli/bin/Release/net10.0/sitrep"
timed() { /usr/bin/time -f "%e s, %M KB" -o "$work/time.txt" "$@" >"$work/out.txt" 2>"$work/err.txt"; cat "$work/time.txt"; }
if [ -z "${QUERIES_ONLY:-}" ]; then
[ -f "$work/articles.jsonl" ] || dotnet "$root/bench/Sitrep.Bench/bin/Release/net10.0/Sitrep.Bench.dll" --synthetic "$work/articles.jsonl" --articles "$n"
rm -f "$db" "$db-wal" "$db-shm"
split -l 10000 -d -a 3 "$work/articles.jsonl" "$work/batch-"
for f in "$work"/batch-*; do
  mv "$f" "$f.jsonl"
  echo "ingest $(basename "$f") ($(wc -l <"$f.jsonl") articles): $(timed "$sitrep" ingest "$f.jsonl" --db "$db")"
  rm "$f.jsonl"
done
fi
echo "documents: $(sqlite3 "$db" 'select count(*) from documents'), events: $(sqlite3 "$db" 'select count(*) from events'), entities: $(sqlite3 "$db" 'select count(*) from entities')"
place="$(sqlite3 "$db" "select e.name from events v join entities e on e.id = v.place group by v.place order by count(*) desc limit 1")"
person="$(sqlite3 "$db" "select name from entities where type = 'PER' order by mentions desc limit 1")"
doc="$(sqlite3 "$db" 'select id from documents order by seq desc limit 1')"
run() { echo "sitrep $*: $(timed "$sitrep" "$@" --db "$db")"; }
echo "sitrep --version (process start, for comparison): $(timed "$sitrep" --version)"
run timeline
run timeline --place "$place"
run timeline --type strike --from 2024-06-01 --to 2024-06-30
run claims --source "$person"
run claims --about "$place"
run entity "$place"
run show "$doc"
run report --from 2024-06-01 --to 2024-06-30 --out "$work/brief-june.md"
"$sitrep" serve --db "$db" --port 18080 --token bench >/dev/null 2>&1 &
server=$!
trap 'kill $server' EXIT
until curl -sf localhost:18080/api/events?limit=1 >/dev/null; do sleep 0.5; done
enc() { python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$1"; }
eid="$(sqlite3 "$db" 'select id from events order by reports desc limit 1')"
pid="$(sqlite3 "$db" "select id from entities where name = '$place' limit 1")"
for path in "/api/events" "/api/events?place=$(enc "$place")" "/api/events?type=strike&from=2024-06-01&to=2024-06-30" "/api/events?q=drones" \
            "/api/events/$eid" "/api/entities?q=$(enc "$place")" "/api/entities/$pid" "/api/claims?source=$(enc "$person")" "/api/documents/$doc"; do
  for i in $(seq 200); do curl -s -o /dev/null -w '%{time_total}\n' "localhost:18080$path"; done | sort -n |
    awk -v p="$path" '{t[NR]=$1} END {printf "GET %s: p50 %.1f ms, p95 %.1f ms\n", p, t[int(NR*0.5)]*1000, t[int(NR*0.95)]*1000}'
done
echo "server RSS: $(ps -o rss= -p $server) KB"
run report --out "$work/brief.md"

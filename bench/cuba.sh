#!/usr/bin/env bash
# CUBA benchmark side by side: snn-codesign's engine (in-process, after JIT warm-up) vs Brian2 2.5
# (C++ standalone, its fastest CPU target, and the Cython runtime target), each pinned to one core.
#
# Usage: bench/cuba.sh [duration_seconds=5] [out_dir=target/cuba-bench]
# Run from the repository root or anywhere; needs JDK 17+, and installs Debian's python3-brian when missing.
set -euo pipefail
DURATION="${1:-5}"
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
OUT="${2:-$ROOT/snn-neurons/target/cuba-bench}"
mkdir -p "$OUT"
CORE="${CUBA_CORE:-1}"
PIN=()
if command -v taskset >/dev/null 2>&1; then PIN=(taskset -c "$CORE"); fi

if ! /usr/bin/python3 -c 'import brian2' 2>/dev/null; then
  echo "installing Brian2 (python3-brian)..." >&2
  apt-get update -qq && apt-get install -y -qq python3-brian >/dev/null
fi

echo "building snn-neurons..." >&2
(cd "$ROOT" && ./mvnw -B -q -pl snn-neurons -am package -DskipTests)
CP="$ROOT/snn-neurons/target/classes:$ROOT/snn-api/target/classes"

run_timed() { # name, command...: stdout -> $OUT/name.json (last line), whole-process wall time -> $OUT/name.process
  local name="$1"; shift
  local start end
  start=$(date +%s.%N)
  "$@" > "$OUT/$name.log" 2> "$OUT/$name.err"
  end=$(date +%s.%N)
  tail -n 1 "$OUT/$name.log" > "$OUT/$name.json"
  echo "$end - $start" | bc -l > "$OUT/$name.process"
}

echo "Brian2 cpp_standalone..." >&2
run_timed brian2_standalone "${PIN[@]}" /usr/bin/python3 "$HERE/cuba_brian2.py" --device cpp_standalone \
  --duration "$DURATION" --dir "$OUT/brian2_standalone_project"
echo "Brian2 runtime (cython)..." >&2
run_timed brian2_runtime "${PIN[@]}" /usr/bin/python3 "$HERE/cuba_brian2.py" --device runtime --duration "$DURATION"
echo "snn-codesign clock-driven..." >&2
run_timed snn_clock "${PIN[@]}" java -cp "$CP" org.snncodesign.neurons.cuba.CubaBenchmark \
  --duration "$DURATION" --mode clock --warmup 2
# The machine may be shared: alternate our event-driven run with a re-run of Brian2's compiled standalone binary
# (same network, same seed) and compare medians.
REPEATS="${CUBA_REPEATS:-5}"
: > "$OUT/pairs.txt"
for r in $(seq 1 "$REPEATS"); do
  echo "pair $r/$REPEATS: snn-codesign event-driven, Brian2 standalone binary..." >&2
  run_timed "snn_event_$r" "${PIN[@]}" java -cp "$CP" org.snncodesign.neurons.cuba.CubaBenchmark \
    --duration "$DURATION" --mode event --warmup 2 --repeats 1
  (cd "$OUT/brian2_standalone_project" && "${PIN[@]}" ./main > /dev/null)
  echo "$(grep -o '"wall_seconds":[0-9.]*' "$OUT/snn_event_$r.json" | cut -d: -f2) $(cut -d' ' -f1 "$OUT/brian2_standalone_project/results/last_run_info.txt")" >> "$OUT/pairs.txt"
done
cp "$OUT/snn_event_1.json" "$OUT/snn_event.json"
cp "$OUT/snn_event_1.process" "$OUT/snn_event.process"

/usr/bin/python3 - "$OUT" <<'PY'
import json, sys, os
out = sys.argv[1]
rows = []
for name, key in [("snn_event", "wall_seconds"), ("snn_clock", "wall_seconds"),
                  ("brian2_standalone", "run_seconds"), ("brian2_runtime", "run_seconds")]:
    with open(os.path.join(out, name + ".json")) as f:
        r = json.load(f)
    with open(os.path.join(out, name + ".process")) as f:
        proc = float(f.read())
    rows.append((name, r, r[key], proc))
import statistics
pairs = [tuple(map(float, line.split())) for line in open(os.path.join(out, "pairs.txt")) if line.strip()]
ours_median = statistics.median(p[0] for p in pairs)
brian_median = statistics.median(p[1] for p in pairs)
rows[0] = (rows[0][0], rows[0][1], ours_median, rows[0][3])
rows[2] = (rows[2][0], rows[2][1], brian_median, rows[2][3])
print("alternating pairs (snn event s, Brian2 standalone s):", pairs)
print(f"medians over {len(pairs)} pairs: snn {ours_median:.4f} s, Brian2 standalone {brian_median:.4f} s")
base = rows[2][2]
print(f"{'run':20s} {'sim s':>6s} {'synapses':>9s} {'spikes':>8s} {'rate Hz':>8s} {'sim time s':>10s} "
      f"{'s/sim s':>8s} {'events/s':>12s} {'process s':>9s} {'vs Brian2 standalone':>20s}")
for name, r, t, proc in rows:
    print(f"{name:20s} {r['sim_seconds']:6.1f} {r['synapses']:9d} {r['spikes']:8d} {r['mean_rate_hz']:8.3f} "
          f"{t:10.4f} {t / r['sim_seconds']:8.4f} {r['synaptic_events'] / t:12.4g} {proc:9.2f} {base / t:19.2f}x")
ours, theirs = rows[0][1]["mean_rate_hz"], rows[2][1]["mean_rate_hz"]
print(f"rate agreement: snn {ours:.3f} Hz vs Brian2 {theirs:.3f} Hz, difference {abs(ours - theirs) / theirs:.1%}")
summary = {name: dict(r, timed_seconds=t, process_seconds=proc) for name, r, t, proc in rows}
summary["speedup_event_vs_brian2_standalone"] = base / rows[0][2]
summary["pairs_snn_event_vs_brian2_standalone_seconds"] = pairs
summary["rate_difference"] = abs(ours - theirs) / theirs
with open(os.path.join(out, "summary.json"), "w") as f:
    json.dump(summary, f, indent=2)
PY

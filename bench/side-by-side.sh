#!/usr/bin/env bash
# Runs one throughput workload (bench/README.md) with every implementation this machine can run,
# one after another, and prints one table of cell-steps per second and rates, with ratios from
# this run only (absolute speeds drift between runs and machines; ratios within one run do not).
#
#   bench/side-by-side.sh            # 'ensemble': C loops (AVX2, AVX-512, scalar; the SIMD ones also
#                                    #   with purkinje's spike rule, -exact), Brian2, purkinje
#   bench/side-by-side.sh inputs     # 'inputs': Brian2 and purkinje, plus purkinje's 'ensemble' for the ratio
#
# Environment: CELLS and DURATION_S (default: the workload's 10,000 or 2,000 cells, 10 s),
# THREADS (default: all cores; Brian2's runtime uses one), PURKINJE (default: ./purkinje),
# PYTHON (default: /usr/bin/python3, Debian's, which has python3-brian), BRIAN2_TARGET (cython |
# numpy; default cython), SKIP_BRIAN2=1 to leave Brian2 out, ENSEMBLE_CELLS (cells of the
# 'ensemble' run that 'inputs' adds for its ratio; default 10,000), LIST=1 to print what would run here
# and exit, CPUINFO (default /proc/cpuinfo: where the CPU's flags are read).
# Needs gcc with OpenMP for the C loops and Debian's python3-brian for Brian2
# (apt-get install -y python3-brian); a missing one is skipped with a note, never faked.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
workload=${1:-ensemble}
case "$workload" in
  ensemble) cells=${CELLS:-10000}; config=configs/bench-ensemble.yaml ;;
  inputs) cells=${CELLS:-2000}; config=configs/bench-inputs.yaml ;;
  *) echo "side-by-side.sh: unknown workload '$workload'; use 'ensemble' or 'inputs'" >&2; exit 2 ;;
esac
duration=${DURATION_S:-10}
threads=${THREADS:-$(nproc)}
purkinje=${PURKINJE:-./purkinje}
python=${PYTHON:-/usr/bin/python3}
target=${BRIAN2_TARGET:-cython}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export OMP_NUM_THREADS=$threads

rows="$work/rows"   # one line per implementation: name|what|cell_steps_per_s|rate_wt|rate_reduced|threads
: >"$rows"
notes=()

# key=value line of a C loop or Brian2 script -> a row
add_row() { # NAME WHAT LINE
  local line=$3
  val() { sed -n "s/.*[[:space:]]$1=\([^[:space:]]*\).*/\1/p" <<<" $line"; }
  echo "$1|$2|$(val cell_steps_per_s)|$(val rate_wild_type_hz)|$(val rate_reduced_hz)|$(val threads)" >>"$rows"
}

cpuinfo=${CPUINFO:-/proc/cpuinfo}
cpu_has() { grep -qw "$1" "$cpuinfo"; }
list=${LIST:-0}

echo "== $workload workload: $cells cells x $duration s at dt 0.1 ms, $threads thread(s), $(date -u '+%Y-%m-%d %H:%M UTC')"
lscpu_field() { lscpu | sed -n "s/^$1:[[:space:]]*//p" | head -1; }
# the CPU names the table: speeds and ratios differ between CPU kinds (Zen 3, Zen 4, Intel, ...)
# (if, not &&: a missing last flag must not end the substitution with status 1 under set -e)
simd_flags() { for f in avx2 fma avx512f; do if cpu_has $f; then printf '%s ' $f; fi; done; }
simd=$(simd_flags)
simd=${simd% }
cpu="$(lscpu_field 'Model name') (family $(lscpu_field 'CPU family') model $(lscpu_field 'Model')); SIMD: ${simd:-none of avx2, fma, avx512f}"
echo "== CPU: $cpu"

if [ "$workload" = ensemble ]; then
  if command -v gcc >/dev/null; then
    echo "== $(gcc --version | head -1)"
    loops=(scalar)
    if cpu_has avx2 && cpu_has fma; then loops=(avx2 "${loops[@]}"); else notes+=("no AVX2+FMA: ensemble-avx2 and ensemble-avx2-exact not run"); fi
    if cpu_has avx512f; then loops=(avx512 "${loops[@]}"); else notes+=("no AVX-512: ensemble-avx512 and ensemble-avx512-exact not run"); fi
    # one C loop: build (extra gcc flags after the row's name and method), run, add its row
    run_c() { # SOURCE NAME METHOD [GCC FLAGS...]
      local source=$1 name=$2 method=$3 line
      shift 3
      if [ "$list" = 1 ]; then echo "would run: C $name ($method)"; return; fi
      gcc -O3 -march=native -fopenmp "$@" -o "$work/$name" "bench/c/$source.c" -lm
      echo "== C $name"
      line=$("$work/$name" "$cells" "$duration")
      echo "$line"
      add_row "C $name" "$method" "$line"
    }
    declare -A method=([avx512]="AVX-512" [avx2]="AVX2+FMA")
    for loop in "${loops[@]}"; do
      if [ "$loop" = scalar ]; then run_c ensemble-scalar ensemble-scalar "scalar ziggurat, bridge"
      else run_c "ensemble-$loop" "ensemble-$loop" "${method[$loop]}, bridge"; fi
    done
    # the SIMD loops again with purkinje's spike rule (bench/c/exact-spikes.h): the same work in C
    for loop in "${loops[@]}"; do
      [ "$loop" = scalar ] || run_c "ensemble-$loop" "ensemble-$loop-exact" "${method[$loop]}, exact + bridge" -DEXACT_SPIKES
    done
  else
    notes+=("gcc not found: C loops not run (apt-get install -y gcc)")
  fi
fi

if [ "${SKIP_BRIAN2:-0}" != 1 ] && "$python" -c 'import brian2' 2>/dev/null && [ "$list" = 1 ]; then
  echo "would run: Brian2 ($target), bench/brian2/$workload.py"
elif [ "${SKIP_BRIAN2:-0}" != 1 ] && "$python" -c 'import brian2' 2>/dev/null; then
  echo "== Brian2 ($target), bench/brian2/$workload.py"
  # Brian2 compiles into a cache on first use; the script's own warm-up run keeps that out of the timing
  line=$(cd "$work" && "$python" "$root/bench/brian2/$workload.py" "$cells" "$duration" "$target" 2>"$work/brian2.log" \
         | grep '^loop=') || { tail -5 "$work/brian2.log" >&2; echo "side-by-side.sh: Brian2 failed" >&2; exit 1; }
  echo "$line"
  add_row "Brian2 $(sed -n 's/.*brian2=\([^ ]*\).*/\1/p' <<<"$line") $target" "Euler-Maruyama, grid" "$line"
else
  notes+=("Brian2 not run ($([ "${SKIP_BRIAN2:-0}" = 1 ] && echo SKIP_BRIAN2=1 || echo "apt-get install -y python3-brian"))")
fi

# purkinje bench: median of its --repeat runs; rates and theory from its summary table
run_purkinje() { # LABEL CONFIG CELLS
  local out="$work/purkinje-$1"
  if [ "$list" = 1 ]; then echo "would run: purkinje bench --config $2 --cells $3"; return; fi
  echo "== purkinje bench --config $2 --cells $3 --duration \"$duration s\" --threads $threads"
  $purkinje bench --config "$2" --cells "$3" --duration "$duration s" --threads "$threads" --out "$out" \
    | tee "$out.txt"
  local rate rates
  rate=$(awk '/^cell-steps\/s/ {print $2}' "$out.txt")
  # the two condition rows follow the header line that starts with 'condition'
  rates=$(awk '/^condition/ {on=1; next} on && NF >= 3 && n < 2 {printf "%s|", $3; n++}' "$out.txt")
  if [ "$1" = "$workload" ]; then
    theory=$(awk '/^condition/ {on=1; next} on && NF >= 4 && n < 2 {printf "%s / ", $4; n++}' "$out.txt")
  fi
  echo "purkinje $1|exact + bridge|$rate|${rates%|}|$threads" >>"$rows"
}
[ "$list" = 1 ] || echo "== $($purkinje --version 2>&1 | head -1)"
run_purkinje "$workload" "$config" "$cells"
if [ "$workload" = inputs ]; then
  run_purkinje ensemble configs/bench-ensemble.yaml "${ENSEMBLE_CELLS:-10000}"
fi
if [ "$list" = 1 ]; then
  echo "CPU: $cpu"
  for n in "${notes[@]+"${notes[@]}"}"; do echo "note: $n"; done
  exit 0
fi

echo
echo "== side by side: $workload workload, one run on this machine (theory from purkinje bench: ${theory% / } Hz)"
awk -F'|' -v workload="$workload" '
  { name[NR] = $1; what[NR] = $2; speed[NR] = $3 + 0; wt[NR] = $4; red[NR] = $5; thr[NR] = $6
    if ($1 == "purkinje " workload) p = NR
    if ($1 ~ /^C ensemble-avx[0-9]*$/ && $3 + 0 > limit) limit = $3 + 0
    if ($1 ~ /^C ensemble-avx[0-9]*-exact$/ && $3 + 0 > same) same = $3 + 0 }
  END {
    printf "| %-26s | %-24s | %7s | %12s | %14s | %12s | %15s |\n", "implementation", "method", "threads",
           "cell-steps/s", "rate WT (Hz)", "reduced (Hz)", "purkinje / this"
    printf "|%s|%s|%s|%s|%s|%s|%s|\n", "----------------------------", "--------------------------", "--------:",
           "-------------:", "---------------:", "-------------:", "----------------:"
    for (i = 1; i <= NR; i++) {
      ratio = (p && speed[i] > 0) ? sprintf("%.2f", speed[p] / speed[i]) : "-"
      printf "| %-26s | %-24s | %7s | %12.3e | %14s | %12s | %15s |\n", name[i], what[i], thr[i], speed[i],
             wt[i], red[i], ratio
    }
    if (p && limit > 0) printf "\npurkinje / the faster SIMD C loop (this machine'"'"'s practical limit): %.2f\n", speed[p] / limit
    if (p && same > 0) printf "purkinje / the faster SIMD C loop with purkinje'"'"'s spike rule (the same work): %.2f\n", speed[p] / same
  }' "$rows"
echo "CPU: $cpu"
for n in "${notes[@]+"${notes[@]}"}"; do echo "note: $n"; done

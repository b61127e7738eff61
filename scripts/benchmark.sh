#!/usr/bin/env bash
# Compares gobuild with a plain shell loop of the same `go build` commands, on this machine, in one
# run: same targets, same flags, a cold build cache and then a warm rebuild with no change. Cold
# means empty build and module caches on both sides: each downloads the modules it needs through
# the Go module proxy (gobuild into its cache home, the loop into a module cache of its own).
# Prints a Markdown table of wall times and ratios (docs/benchmarks.md keeps the last published one),
# and each cold run's time on stderr.
#
#   scripts/benchmark.sh                 # examples/hello and golang.org/x/tools ./cmd/...
#   MODULES=hello scripts/benchmark.sh   # only the small example
#   SWEEP=1 scripts/benchmark.sh         # also cold builds with --parallel 1, 2 and 3
#   ANALYSIS=1 scripts/benchmark.sh      # also the cost of rebuild analysis and a fresh workspace on a warm agent
#   COLD_RUNS=3 scripts/benchmark.sh     # the median of three cold builds per side
#   BARE=1 scripts/benchmark.sh          # also cold builds without verification and rebuild analysis
#   WARM_RUNS=9 scripts/benchmark.sh     # medians of nine warm runs instead of five
#
# gobuild runs as bin/gobuild with its defaults: the daemon (started by the first, cold run) and
# the up-to-date check. The warm rows also show gobuild with go run anyway (--no-up-to-date-check)
# and without the daemon (GOBUILD_DAEMON=0); the analysis rows run go every time.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
jar="$root/cli/target/gobuild.jar"
[ -f "$jar" ] || (cd "$root" && mvn -B -q -DskipTests package)
work=$(mktemp -d /tmp/gobuild-bench.XXXXXX)
trap 'chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"' EXIT

large_module=golang.org/x/tools
large_version=v0.28.0
targets=(linux/amd64 windows/amd64 darwin/arm64)
ldflags='-s -w'
warm_runs=${WARM_RUNS:-5}
cold_runs=${COLD_RUNS:-1}
export GOFLAGS= GOTOOLCHAIN=local GOTELEMETRY=off GOMODCACHE="$work/modcache"
# The launcher's class-data archive starts afresh too: the daemon the first (cold) run starts writes
# it when it stops.
export XDG_CACHE_HOME="$work/xdg"
unset SOURCE_DATE_EPOCH

now() { date +%s.%N; }
elapsed() { echo "$(now) - $1" | bc; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

plain_loop() { # module_dir packages out_dir
  local target os arch
  for target in "${targets[@]}"; do
    IFS=/ read -r os arch <<<"$target"
    (cd "$1" && GOOS=$os GOARCH=$arch CGO_ENABLED=0 go build -trimpath -buildvcs=auto -ldflags="$ldflags" \
      -o "$3/${os}_${arch}/" $2)
  done
}

gobuild() { # module_dir packages out_dir cache_home [extra args]
  local dir=$1 pkgs=$2 out=$3 home=$4; shift 4
  local pkg_args=()
  for p in $pkgs; do pkg_args+=(--package "$p"); done
  "$root/bin/gobuild" build "$dir" "${pkg_args[@]}" --ldflags "$ldflags" --out "$out" --cache-dir "$home" \
    $(printf -- '--target %s ' "${targets[@]}") "$@" >/dev/null 2>"$work/gobuild.log" \
    || { cat "$work/gobuild.log" >&2; exit 1; }
}

stop_daemons() { # a daemon stops when its socket goes (writing the class-data archive as it exits)
  # The daemon a cold run leaves starts after that run; it listens within seconds.
  for _ in $(seq 75); do
    ls "$work"/xdg/gobuild/jvm/daemon/*.sock >/dev/null 2>&1 && break
    sleep 0.2
  done
  rm -f "$work"/xdg/gobuild/jvm/daemon/*.sock
  for _ in $(seq 150); do
    pgrep -f "$work/xdg/gobuild/jvm/daemon" >/dev/null || return 0
    sleep 0.2
  done
}

measure() { # name module_dir packages
  local name=$1 dir=$2 pkgs=$3 t
  # Cold runs alternate between the two sides, each on empty caches; all but the last are thrown
  # away after they are timed, and the medians are compared (a cold build varies by 10% here).
  local plain_colds=() gb_colds=() bare_colds=() run
  for run in $(seq "$cold_runs"); do
    if [ "$run" -gt 1 ]; then
      stop_daemons
      chmod -R u+w "$work/$name-plain-mod" "$work/$name-home" "$work/$name-bare-home" 2>/dev/null || true
      rm -rf "$work/$name-plain-cache" "$work/$name-plain-mod" "$work/$name-plain-out" "$work/$name-home" "$work/$name-gobuild-out" \
        "$work/$name-bare-home" "$work/$name-bare-out" "$work/xdg/gobuild/jvm"
    fi
    # Each side starts with the disk written back: the side after the other would otherwise pay
    # for the gigabyte the other just wrote (the plain loop never does, since removing the last
    # run's files drops what was not yet written).
    sync
    t=$(now); GOCACHE="$work/$name-plain-cache" GOMODCACHE="$work/$name-plain-mod" plain_loop "$dir" "$pkgs" "$work/$name-plain-out"; plain_colds+=("$(elapsed "$t")")
    sync
    t=$(now); GOCACHE="$work/$name-gobuild-cache" gobuild "$dir" "$pkgs" "$work/$name-gobuild-out" "$work/$name-home"; gb_colds+=("$(elapsed "$t")")
    if [ "${BARE:-0}" = 1 ]; then
      # As cold on the JVM's side too: the daemon the last run started is stopped, its archive removed.
      stop_daemons
      rm -rf "$work/xdg/gobuild/jvm"
      sync
      t=$(now); gobuild "$dir" "$pkgs" "$work/$name-bare-out" "$work/$name-bare-home" --no-verify --no-explain; bare_colds+=("$(elapsed "$t")")
    fi
  done
  local plain_cold gb_cold
  echo "$name cold runs, plain loop: ${plain_colds[*]}; gobuild: ${gb_colds[*]}${bare_colds[*]:+; gobuild --no-verify --no-explain: ${bare_colds[*]}}" >&2
  plain_cold=$(printf '%s\n' "${plain_colds[@]}" | median)
  gb_cold=$(printf '%s\n' "${gb_colds[@]}" | median)
  local plain_warm gb_warm
  plain_warm=$(for _ in $(seq $warm_runs); do t=$(now); GOCACHE="$work/$name-plain-cache" GOMODCACHE="$work/$name-plain-mod" plain_loop "$dir" "$pkgs" "$work/$name-plain-out"; elapsed "$t"; done | median)
  gb_warm=$(for _ in $(seq $warm_runs); do t=$(now); GOCACHE="$work/$name-gobuild-cache" gobuild "$dir" "$pkgs" "$work/$name-gobuild-out" "$work/$name-home"; elapsed "$t"; done | median)
  printf '| %s | cold%s | %.2f s | %.2f s | %.2f× |\n' "$name" "$( [ "$cold_runs" -gt 1 ] && echo " (median of $cold_runs)")" \
    "$plain_cold" "$gb_cold" "$(echo "$gb_cold / $plain_cold" | bc -l)"
  if [ "${BARE:-0}" = 1 ]; then
    local bare_cold; bare_cold=$(printf '%s\n' "${bare_colds[@]}" | median)
    printf '| %s | cold, no verification or rebuild analysis: --no-verify --no-explain%s | %.2f s | %.2f s | %.2f× |\n' "$name" \
      "$( [ "$cold_runs" -gt 1 ] && echo " (median of $cold_runs)")" "$plain_cold" "$bare_cold" "$(echo "$bare_cold / $plain_cold" | bc -l)"
  fi
  printf '| %s | warm, no change (median of %d) | %.2f s | %.2f s | %.2f× |\n' "$name" "$warm_runs" "$plain_warm" "$gb_warm" "$(echo "$gb_warm / $plain_warm" | bc -l)"
  local gb_forced gb_alone
  gb_forced=$(for _ in $(seq $warm_runs); do t=$(now); GOCACHE="$work/$name-gobuild-cache" gobuild "$dir" "$pkgs" "$work/$name-gobuild-out" "$work/$name-home" --no-up-to-date-check; elapsed "$t"; done | median)
  printf '| %s | warm, no change, go run anyway: --no-up-to-date-check (median of %d) | %.2f s | %.2f s | %.2f× |\n' "$name" "$warm_runs" "$plain_warm" "$gb_forced" "$(echo "$gb_forced / $plain_warm" | bc -l)"
  gb_alone=$(for _ in $(seq $warm_runs); do t=$(now); GOBUILD_DAEMON=0 GOCACHE="$work/$name-gobuild-cache" gobuild "$dir" "$pkgs" "$work/$name-gobuild-out" "$work/$name-home"; elapsed "$t"; done | median)
  printf '| %s | warm, no change, no daemon: GOBUILD_DAEMON=0 (median of %d) | %.2f s | %.2f s | %.2f× |\n' "$name" "$warm_runs" "$plain_warm" "$gb_alone" "$(echo "$gb_alone / $plain_warm" | bc -l)"
  if [ "${SWEEP:-0}" = 1 ]; then
    for j in 1 2 3; do
      t=$(now); GOCACHE="$work/$name-sweep-$j" gobuild "$dir" "$pkgs" "$work/$name-sweep-out-$j" "$work/$name-sweep-home-$j" --parallel "$j"
      printf '| %s | cold, --parallel %d | | %.2f s | %.2f× |\n' "$name" "$j" "$(elapsed "$t")" "$(echo "$(elapsed "$t") / $plain_cold" | bc -l)"
    done
  fi
}

analysis() { # name module_dir packages
  local name=$1 dir=$2 pkgs=$3 home="$work/analysis-home" t on off
  # go runs every time here (--no-up-to-date-check): what is measured is the analysis of its builds.
  # Off and on take turns after a warm-up of each, so that neither side alone pays for the disk
  # still writing back the cold build, or for a busy moment of the machine.
  gobuild "$dir" "$pkgs" "$work/analysis-out" "$home" --no-verify --no-up-to-date-check
  gobuild "$dir" "$pkgs" "$work/analysis-out" "$home" --no-verify --no-explain --no-up-to-date-check
  gobuild "$dir" "$pkgs" "$work/analysis-out" "$home" --no-verify --no-up-to-date-check
  local offs=() ons=() run
  for run in $(seq $warm_runs); do
    t=$(now); gobuild "$dir" "$pkgs" "$work/analysis-out" "$home" --no-verify --no-explain --no-up-to-date-check; offs+=("$(elapsed "$t")")
    t=$(now); gobuild "$dir" "$pkgs" "$work/analysis-out" "$home" --no-verify --no-up-to-date-check; ons+=("$(elapsed "$t")")
  done
  off=$(printf '%s\n' "${offs[@]}" | median); on=$(printf '%s\n' "${ons[@]}" | median)
  printf '| %s | warm, no change: analysis off / on (median of %d) | %.2f s | %.2f s | %.2f× |\n' "$name" "$warm_runs" "$off" "$on" "$(echo "$on / $off" | bc -l)"
  # One file changed in a package many others import, analysis off and on in turns, each on a
  # change of its own: the median of five of each (a single sub-second run varies by 10% here).
  # One change of each first, not timed: the code that explains a change (action graph, history)
  # is compiled by the daemon's JIT then, as it is after an agent's first builds of the day.
  local leaf; leaf=$(cd "$dir" && go list -f '{{.Dir}}/{{index .GoFiles 0}}' ./internal/event/keys 2>/dev/null || true)
  if [ -n "$leaf" ]; then
    echo "// warm-up off" >> "$leaf"; gobuild "$dir" "$pkgs" "$work/analysis-out" "$home" --no-verify --no-explain --no-up-to-date-check
    echo "// warm-up on" >> "$leaf"; gobuild "$dir" "$pkgs" "$work/analysis-out" "$home" --no-verify --no-up-to-date-check
    offs=(); ons=()
    for run in $(seq $warm_runs); do
      echo "// change off $run" >> "$leaf"; t=$(now); gobuild "$dir" "$pkgs" "$work/analysis-out" "$home" --no-verify --no-explain --no-up-to-date-check; offs+=("$(elapsed "$t")")
      echo "// change on $run" >> "$leaf"; t=$(now); gobuild "$dir" "$pkgs" "$work/analysis-out" "$home" --no-verify --no-up-to-date-check; ons+=("$(elapsed "$t")")
    done
    off=$(printf '%s\n' "${offs[@]}" | median); on=$(printf '%s\n' "${ons[@]}" | median)
    printf '| %s | one-file change: analysis off / on (median of %d) | %.2f s | %.2f s | %.2f× |\n' "$name" "$warm_runs" "$off" "$on" "$(echo "$on / $off" | bc -l)"
  fi
  # A fresh workspace: the same module in a new directory, on this warm agent and on a cold one.
  cp -r "$dir" "$work/fresh-ws" && chmod -R u+w "$work/fresh-ws"
  t=$(now); gobuild "$work/fresh-ws" "$pkgs" "$work/fresh-out" "$home" --no-verify; on=$(elapsed "$t")
  t=$(now); gobuild "$work/fresh-ws" "$pkgs" "$work/fresh-out-cold" "$work/cold-home" --no-verify; off=$(elapsed "$t")
  printf '| %s | fresh workspace: cold agent / warm agent | %.2f s | %.2f s | %.1f× faster |\n' "$name" "$off" "$on" "$(echo "$off / $on" | bc -l)"
}

echo "gobuild benchmark on $(nproc) cores, $(go version | cut -d' ' -f3), $(java -version 2>&1 | head -1)"
echo "targets: ${targets[*]}; flags: -trimpath -buildvcs=auto -ldflags='$ldflags', CGO_ENABLED=0"
echo
echo "| module | build | plain go build loop | gobuild | ratio |"
echo "|---|---|---|---|---|"
case " ${MODULES:-hello large} " in *" hello "*)
  cp -r "$root/examples/hello" "$work/hello"
  measure "examples/hello" "$work/hello" "./cmd/hello";;
esac
case " ${MODULES:-hello large} " in *" large "*)
  dir=$(go mod download -json "$large_module@$large_version" | sed -n 's/.*"Dir": "\(.*\)",/\1/p')
  cp -r "$dir" "$work/large" && chmod -R u+w "$work/large"
  (cd "$work/large" && go mod download)
  large_name="$large_module@$large_version ./cmd/... ($(cd "$work/large" && go list -deps ./cmd/... | wc -l) packages)"
  [ "${ANALYSIS_ONLY:-0}" = 1 ] || measure "$large_name" "$work/large" "./cmd/..."
  if [ "${ANALYSIS:-0}" = 1 ]; then analysis "$large_name" "$work/large" "./cmd/..."; fi
  ;;
esac

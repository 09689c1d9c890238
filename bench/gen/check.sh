#!/bin/sh
# Generates Gen.cs and GenMethods.cs with the default sizes (or the sizes given), compiles
# them with mcs and runs them with mono, printing how long each step takes.
#
# usage: bench/gen/check.sh [OUT_DIR] [N_CLASSES N_INTERFACES [N_METHODS]]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out=${1:-/tmp/vcall-bench-gen}
classes=${2:-5000}
ifaces=${3:-2000}
methods=${4:-10000}
mkdir -p "$out"
cd "$out"
export LC_ALL=C

now() { date +%s.%N; }
step() { # label command...
    label=$1; shift
    t0=$(now)
    "$@"
    t1=$(now)
    printf '%-40s %6.2fs\n' "$label" "$(echo "$t1 - $t0" | bc)"
}

step "gen_classes.py $classes $ifaces" sh -c "python3 '$here/gen_classes.py' $classes $ifaces > Gen.cs"
step "gen_methods.py $methods" sh -c "python3 '$here/gen_methods.py' $methods > GenMethods.cs"
step "mcs Gen.cs" mcs -out:Gen.exe Gen.cs
step "mcs GenMethods.cs" mcs -out:GenMethods.exe GenMethods.cs
step "mono Gen.exe" mono Gen.exe
step "mono GenMethods.exe" mono GenMethods.exe

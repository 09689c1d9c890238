#!/bin/sh
# Rebuilds every tests/programs/<Name>.exe from <Name>.cs with plain `mcs` (or from <Name>.il
# with `ilasm`, package mono-devel), against Mono's own mscorlib. With --record, also re-records <Name>.expected (stdout of `mono <Name>.exe`)
# and <Name>.exitcode (only when the exit code is nonzero), and <Name>.stderr (mono's stderr) for
# programs that already have one (create it empty to opt in: tests/unhandled_stderr.rs compares
# them, with IL offsets normalised). Args.exe gets the arguments
# a "b c" d, as in tests/differential.rs. Runs under LC_ALL=C so number formatting is
# culture-invariant.
#
# usage: tests/programs/build.sh [--record] [Name ...]
set -eu
cd "$(dirname "$0")"
export LC_ALL=C LANG=C

record=0
if [ "${1:-}" = "--record" ]; then
    record=1
    shift
fi

if [ $# -gt 0 ]; then
    names="$*"
else
    names=$(ls *.cs *.il | sed 's/\.\(cs\|il\)$//')
fi

# Libraries first: programs reference them (UsesLibrary.exe uses ShapesLib.dll).
for lib in lib/*.cs; do
    mcs -target:library -out:"$(basename "$lib" .cs).dll" "$lib" >/dev/null
done

for name in $names; do
    refs=""
    for dll in *.dll; do refs="$refs -r:$dll"; done
    if [ -e "$name.il" ]; then
        # Clause kinds and types C# cannot express are written in IL (ilasm: mono-devel).
        ilasm /quiet /out:"$name.exe" "$name.il" >/dev/null
    else
        mcs $refs -out:"$name.exe" "$name.cs" >/dev/null
    fi
    if [ "$record" = 1 ]; then
        if [ "$name" = Args ]; then
            set -- a "b c" d
        else
            set --
        fi
        rc=0
        err=/dev/null
        if [ -e "$name.stderr" ]; then err="$name.stderr"; fi
        mono "$name.exe" "$@" >"$name.expected" 2>"$err" || rc=$?
        if [ "$rc" -ne 0 ]; then
            echo "$rc" >"$name.exitcode"
        else
            rm -f "$name.exitcode"
        fi
        echo "$name: $(wc -l <"$name.expected") lines, exit $rc"
    else
        echo "$name: built"
    fi
done

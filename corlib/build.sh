#!/bin/sh
# build.sh: compiles vcall's corlib (corlib/src/*.cs) into corlib/mscorlib.dll with mcs.
# Usable from any working directory. Warnings are reported but never treated as errors.
set -e
HERE="$(cd "$(dirname "$0")" && pwd)"
exec mcs -nostdlib -target:library -unsafe- -warnaserror- -nowarn:169,414,649,659,660,661,108,114,436,1717,1718 \
    -out:"$HERE/mscorlib.dll" "$HERE"/src/*.cs

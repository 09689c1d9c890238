#!/bin/sh
# Rebuilds the programs that exercise vcall's error paths (unsupported IL, missing corlib members).
set -e
cd "$(dirname "$0")"
for f in *.cs; do mcs -out:"${f%.cs}.exe" "$f"; done

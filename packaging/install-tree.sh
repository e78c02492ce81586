#!/bin/sh
# install-tree.sh SRC DEST MODES
# Installs every regular file under SRC into DEST, with the mode that the first
# matching line of the MODES table gives its path (directories get 0755).
# The feed Makefile's Package/splitwg/install runs this; tools/package.mjs
# reads the same table, so the SDK build and the standalone .ipk agree.
# Skips what OpenWrt's package-pack.mk deletes anyway: CVS .svn .#* *~
set -e
[ $# -eq 3 ] || { echo "usage: $0 SRC DEST MODES" >&2; exit 2; }
abs() { case "$1" in /*) echo "$1" ;; *) echo "$PWD/$1" ;; esac; }
src=$(abs "$1") dest=$(abs "$2") modes=$(abs "$3")

mode_of() {
	while read -r m p; do
		case "$m" in ''|'#'*) continue ;; esac
		# $p unquoted: it is a pattern
		case "$1" in $p) echo "$m"; return 0 ;; esac
	done < "$modes"
	echo "install-tree.sh: no mode for $1 in $modes" >&2
	return 1
}

cd "$src"
find . -type f ! -path '*/CVS/*' ! -path '*/.svn/*' ! -name '.#*' ! -name '*~' | LC_ALL=C sort |
while read -r f; do
	f=${f#./}
	m=$(mode_of "$f")
	install -d -m 0755 "$dest/$(dirname "$f")"
	install -m "$m" "$f" "$dest/$f"
done

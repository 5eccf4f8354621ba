#!/bin/sh
# Install the srbrief bundle (dist/srbrief from `make bundle`) for the current user, under ~/.local:
#   packaging/linux/install.sh [BUNDLE_DIR]         install (or update)
#   packaging/linux/install.sh --uninstall          remove it again
set -eu
here=$(cd "$(dirname "$0")" && pwd)
prefix="${PREFIX:-$HOME/.local}"
app_dir="$prefix/lib/srbrief"
if [ "${1:-}" = "--uninstall" ]; then
    rm -rf "$app_dir" "$prefix/bin/srbrief" "$prefix/share/applications/srbrief.desktop" \
        "$prefix/share/mime/packages/srbrief.xml"
    for size in 16 24 32 48 64 128 256 512; do
        rm -f "$prefix/share/icons/hicolor/${size}x${size}/apps/srbrief.png"
    done
    rm -f "$prefix/share/icons/hicolor/scalable/apps/srbrief.svg"
    echo "srbrief removed from $prefix"
    exit 0
fi
bundle="${1:-$here/../../dist/srbrief}"
if [ ! -x "$bundle/srbrief" ]; then
    echo "install.sh: no bundle at $bundle (run 'make bundle' first)" >&2
    exit 2
fi
mkdir -p "$prefix/lib" "$prefix/bin" "$prefix/share/applications" "$prefix/share/mime/packages"
rm -rf "$app_dir.new"
cp -a "$bundle" "$app_dir.new"          # copy first, then swap: an update never leaves half an app
rm -rf "$app_dir"
mv "$app_dir.new" "$app_dir"
ln -sf "$app_dir/srbrief" "$prefix/bin/srbrief"
cp "$here/srbrief.desktop" "$prefix/share/applications/srbrief.desktop"
cp "$here/srbrief-mime.xml" "$prefix/share/mime/packages/srbrief.xml"
for size in 16 24 32 48 64 128 256 512; do
    mkdir -p "$prefix/share/icons/hicolor/${size}x${size}/apps"
    cp "$here/icons/srbrief-$size.png" "$prefix/share/icons/hicolor/${size}x${size}/apps/srbrief.png"
done
mkdir -p "$prefix/share/icons/hicolor/scalable/apps"
cp "$here/icons/srbrief.svg" "$prefix/share/icons/hicolor/scalable/apps/srbrief.svg"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database "$prefix/share/applications" || true
command -v update-mime-database >/dev/null 2>&1 && update-mime-database "$prefix/share/mime" || true
command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q "$prefix/share/icons/hicolor" || true
echo "srbrief installed in $app_dir; start it from the applications menu or with 'srbrief'"

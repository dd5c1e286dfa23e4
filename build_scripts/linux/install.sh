#!/bin/sh
# Install Clockify Report Exporter for the current user (no root needed).
#
#   ./install.sh              install into ~/.local (app in ~/.local/opt/ClockifyExporter)
#   ./install.sh --uninstall  remove what install.sh installed
#
# Run it from the unpacked archive folder. PREFIX=/some/dir ./install.sh installs elsewhere.
set -eu

PREFIX="${PREFIX:-$HOME/.local}"
APP_ID="clockify-report-exporter"
HERE="$(cd "$(dirname "$0")" && pwd)"
APP_DIR="$PREFIX/opt/ClockifyExporter"
DESKTOP_DIR="${XDG_DATA_HOME:-$HOME/.local/share}/applications"
ICON_DIR="${XDG_DATA_HOME:-$HOME/.local/share}/icons/hicolor/256x256/apps"
BIN_DIR="$PREFIX/bin"

if [ "${1:-}" = "--uninstall" ]; then
    rm -rf "$APP_DIR"
    rm -f "$DESKTOP_DIR/$APP_ID.desktop" "$ICON_DIR/$APP_ID.png" \
          "$BIN_DIR/clockify-exporter" "$BIN_DIR/clockify-exporter-cli"
    echo "Removed Clockify Report Exporter from $PREFIX."
    exit 0
fi

mkdir -p "$PREFIX/opt" "$DESKTOP_DIR" "$ICON_DIR" "$BIN_DIR"
rm -rf "$APP_DIR"
cp -R "$HERE/ClockifyExporter" "$APP_DIR"
cp "$HERE/$APP_ID.png" "$ICON_DIR/$APP_ID.png"
ln -sf "$APP_DIR/ClockifyExporter" "$BIN_DIR/clockify-exporter"
ln -sf "$APP_DIR/clockify-exporter-cli" "$BIN_DIR/clockify-exporter-cli"
sed -e "s|^Exec=.*|Exec=\"$APP_DIR/ClockifyExporter\"|" \
    -e "s|^TryExec=.*|TryExec=$APP_DIR/ClockifyExporter|" \
    "$HERE/$APP_ID.desktop" > "$DESKTOP_DIR/$APP_ID.desktop"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$DESKTOP_DIR" || true
command -v gtk-update-icon-cache >/dev/null 2>&1 && \
    gtk-update-icon-cache -q -t "${XDG_DATA_HOME:-$HOME/.local/share}/icons/hicolor" || true

echo "Installed Clockify Report Exporter into $APP_DIR"
echo "Start it from your applications menu, or run: clockify-exporter"
case ":$PATH:" in
    *":$BIN_DIR:"*) ;;
    *) echo "Note: $BIN_DIR is not on your PATH; add it to run clockify-exporter-cli from a terminal." ;;
esac

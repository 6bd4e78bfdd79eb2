#!/usr/bin/env bash
# Installs FolderPrism as a systemd service:
#   app      → $PREFIX (default /opt/folderprism), from `make build`'s out/ folder
#   user     → system user `folderprism`
#   config   → /etc/folderprism/appsettings.json (kept if it already exists)
#   library  → $LIBRARY (default /srv/folderprism), data → $DATA (default /var/lib/folderprism)
#   unit     → /etc/systemd/system/folderprism.service, enabled and started when systemd runs
# Usage: sudo ./scripts/install.sh      (env: PREFIX LIBRARY DATA URLS SKIP_BUILD=1)
set -euo pipefail
cd "$(dirname "$0")/.."

PREFIX=${PREFIX:-/opt/folderprism}
LIBRARY=${LIBRARY:-/srv/folderprism}
DATA=${DATA:-/var/lib/folderprism}
URLS=${URLS:-http://0.0.0.0:5080}
CONF_DIR=/etc/folderprism
UNIT=/etc/systemd/system/folderprism.service
SERVICE_USER=folderprism

if [ "$(id -u)" -ne 0 ]; then
  echo "install.sh: run as root (sudo $0)" >&2
  exit 1
fi

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  make build
fi
[ -x out/folderprism ] || { echo "install.sh: out/folderprism missing; run 'make build' first" >&2; exit 1; }

if ! id -u "$SERVICE_USER" >/dev/null 2>&1; then
  useradd --system --user-group --home-dir "$DATA" --no-create-home --shell /usr/sbin/nologin "$SERVICE_USER"
fi

# Replace the application folder as a whole, so no stale assembly from an older version survives.
rm -rf "$PREFIX.new"
cp -a out "$PREFIX.new"
chown -R root:root "$PREFIX.new"
chmod -R u=rwX,go=rX "$PREFIX.new"
if [ -d "$PREFIX" ]; then rm -rf "$PREFIX.old"; mv "$PREFIX" "$PREFIX.old"; fi
mv "$PREFIX.new" "$PREFIX"
rm -rf "$PREFIX.old"

install -d -o "$SERVICE_USER" -g "$SERVICE_USER" -m 0750 "$LIBRARY" "$DATA"

install -d -m 0755 "$CONF_DIR"
if [ ! -f "$CONF_DIR/appsettings.json" ]; then
  tmp=$(mktemp "$CONF_DIR/.appsettings.XXXXXX")
  cat > "$tmp" <<JSON
{
  "Library": { "Path": "$LIBRARY" },
  "Data": { "Path": "$DATA" },
  "Urls": "$URLS"
}
JSON
  chown root:"$SERVICE_USER" "$tmp"
  chmod 0640 "$tmp"
  mv "$tmp" "$CONF_DIR/appsettings.json"
fi

sed -e "s#/opt/folderprism#$PREFIX#g" \
    -e "s#^ReadWritePaths=.*#ReadWritePaths=$LIBRARY $DATA#" \
    -e "s#^WorkingDirectory=.*#WorkingDirectory=$DATA#" \
    systemd/folderprism.service > "$UNIT.tmp"
chmod 0644 "$UNIT.tmp"
mv "$UNIT.tmp" "$UNIT"

if [ -d /run/systemd/system ]; then
  systemctl daemon-reload
  systemctl enable --now folderprism.service
  echo "FolderPrism is running. The first admin password is printed once in the journal:"
  echo "  journalctl -u folderprism | grep -A2 'first user'"
else
  echo "systemd is not running here: start it with '$PREFIX/folderprism serve --config $CONF_DIR/appsettings.json'"
fi
echo "Manage users with: sudo -u $SERVICE_USER $PREFIX/folderprism users list --config $CONF_DIR/appsettings.json"

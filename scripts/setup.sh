#!/usr/bin/env bash
# Set up and run sanshu_app with demo data on a Debian/Ubuntu machine:
#   installs MariaDB, Redis, wkhtmltopdf and CJK fonts if missing, builds a Frappe bench if none is
#   given, installs this app on a site with a demo county, and serves it on http://localhost:8000.
#
# Settings (environment):
#   SANSHU_BENCH            an existing bench to use, or where to build one   (default ~/frappe-bench)
#   FRAPPE_PATH             Frappe source for a new bench: git URL or local path (default upstream)
#   FRAPPE_BRANCH           branch for a new bench from upstream              (default version-16)
#   SANSHU_SITE_NAME        the site                                           (default sanshu.localhost)
#   SANSHU_DB_ROOT_PASSWORD MariaDB root password (set on a fresh MariaDB)     (default root)
#   SANSHU_NO_SERVE=1       set everything up but do not start the server
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH="${SANSHU_BENCH:-$HOME/frappe-bench}"
SITE="${SANSHU_SITE_NAME:-sanshu.localhost}"
DB_ROOT_PASSWORD="${SANSHU_DB_ROOT_PASSWORD:-root}"
SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"

say() { printf '\n==> %s\n' "$*"; }

install_system_packages() {
	local wanted=(mariadb-server mariadb-client libmariadb-dev pkg-config redis-server wkhtmltopdf
		fonts-noto-cjk git curl python3-venv python3-dev build-essential cron)
	local missing=()
	for pkg in "${wanted[@]}"; do dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
	# Node.js may come from elsewhere than Debian: only ask apt for it when there is none.
	command -v node >/dev/null || missing+=(nodejs)
	command -v npm >/dev/null || missing+=(npm)
	if [ "${#missing[@]}" -gt 0 ]; then
		say "Installing ${missing[*]}"
		$SUDO apt-get update -q
		DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q "${missing[@]}"
	fi
	command -v yarn >/dev/null || $SUDO npm install -g yarn@1
	command -v bench >/dev/null || python3 -m pip install --user frappe-bench || $SUDO python3 -m pip install frappe-bench
	export PATH="$HOME/.local/bin:$PATH"
}

configure_mariadb() {
	local conf=/etc/mysql/mariadb.conf.d/99-frappe.cnf
	if [ ! -f "$conf" ]; then
		say "Configuring MariaDB for Frappe (utf8mb4)"
		printf '[mysqld]\ncharacter-set-client-handshake = FALSE\ncharacter-set-server = utf8mb4\ncollation-server = utf8mb4_unicode_ci\n\n[mysql]\ndefault-character-set = utf8mb4\n' | $SUDO tee "$conf" >/dev/null
		$SUDO service mariadb restart >/dev/null 2>&1 || true
	fi
	$SUDO service mariadb start >/dev/null 2>&1 || ($SUDO mysqld_safe >/dev/null 2>&1 &)
	for _ in $(seq 30); do mysqladmin ping -h127.0.0.1 >/dev/null 2>&1 && break; sleep 1; done
	if ! mysql -uroot -p"$DB_ROOT_PASSWORD" -h127.0.0.1 -e 'select 1' >/dev/null 2>&1; then
		say "Setting the MariaDB root password"
		$SUDO mysql -uroot -e "ALTER USER 'root'@'localhost' IDENTIFIED VIA mysql_native_password USING PASSWORD('$DB_ROOT_PASSWORD'); FLUSH PRIVILEGES;"
	fi
}

build_bench() {
	[ -d "$BENCH/apps/frappe" ] && return
	say "Building a Frappe bench at $BENCH (this takes a while)"
	local source="${FRAPPE_PATH:-https://github.com/frappe/frappe}"
	local branch_args=()
	if [ -n "${FRAPPE_BRANCH:-}" ] || [ -z "${FRAPPE_PATH:-}" ]; then branch_args=(--frappe-branch "${FRAPPE_BRANCH:-version-16}"); fi
	(cd "$(dirname "$BENCH")" && bench init --frappe-path "$source" "${branch_args[@]}" --python "$(command -v python3)" "$(basename "$BENCH")")
	# Frappe's Google client libraries still import pkg_resources, which setuptools 81 removed.
	"$BENCH/env/bin/pip" install -q "setuptools<81"
}

start_redis() {
	for conf in redis_cache redis_queue; do
		local port
		port=$(sed -n 's/^port \([0-9]*\)/\1/p' "$BENCH/config/$conf.conf" 2>/dev/null || true)
		if [ -n "$port" ] && ! redis-cli -p "$port" ping >/dev/null 2>&1; then
			(cd "$BENCH" && redis-server "config/$conf.conf" --daemonize yes >/dev/null)
		fi
	done
}

install_app() {
	if [ ! -e "$BENCH/apps/sanshu_app" ]; then
		say "Getting sanshu_app into the bench"
		(cd "$BENCH" && bench get-app "$REPO")
	fi
	cd "$BENCH"
	if [ ! -d "sites/$SITE" ]; then
		say "Creating site $SITE"
		bench new-site "$SITE" --db-root-password "$DB_ROOT_PASSWORD" --admin-password admin --install-app sanshu_app
	else
		grep -q sanshu_app <(bench --site "$SITE" list-apps) || bench --site "$SITE" install-app sanshu_app
		bench --site "$SITE" migrate
	fi
	bench --site "$SITE" execute sanshu_app.demo.make_demo
	# wkhtmltopdf fetches the print styles from host_name, so it must be this server.
	bench --site "$SITE" set-config host_name "http://localhost:8000"
	bench use "$SITE"
}

install_system_packages
configure_mariadb
build_bench
start_redis
install_app

cat <<MSG

sanshu_app is ready on http://localhost:8000
  Administrator / admin
  manager@demo.sanshu.local / Sanshu@2026   (党廉办, Sanshu Manager)
  cadre01@demo.sanshu.local … cadre30@demo.sanshu.local / Sanshu@2026
MSG
[ -n "${SANSHU_NO_SERVE:-}" ] && exit 0
cd "$BENCH"
if [ -f Procfile ] && command -v honcho >/dev/null; then exec bench start; fi
bench worker >/dev/null 2>&1 &
bench schedule >/dev/null 2>&1 &
exec bench serve --port 8000

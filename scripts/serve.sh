#!/usr/bin/env bash
# Serve the bench that scripts/setup.sh set up, as a small deployment on one machine:
#   scripts/serve.sh start|stop|restart|status
#
# One `bench start --no-dev` (honcho, the platform's Procfile runner) in the background, as the
# bench's owner, on a Procfile written for this purpose (<bench>/Procfile.serve):
#   web       gunicorn (no Werkzeug debugger), on 127.0.0.1:<webserver_port> (8000), serving
#             /assets and /files itself (frappe.app.application_with_statics), as nginx would
#   socketio  Frappe's realtime server (node apps/frappe/socketio.js via `bench socketio`) on
#             127.0.0.1:<socketio_port> (9000)
#   worker    one RQ worker for every queue (mail, notifications, bulk issue)
#   schedule  the scheduler (daily reminders)
#   redis_*   the bench's Redis, unless it is already running (then it is left alone)
# Logs: <bench>/logs/serve.log. Run it as root or as the bench's owner; it runs everything as the
# owner. Production is nginx + supervisor (`bench setup production`): see the README.
#
# Settings (environment):
#   SANSHU_BENCH        the bench (default: the one setup.sh recorded, else ~/frappe-bench)
#   SANSHU_SERVE_HOST   the address to listen on (default 127.0.0.1)
#   SANSHU_WEB_WORKERS  gunicorn workers (default 2)
set -euo pipefail

die() { printf 'serve.sh: %s\n' "$*" >&2; exit 1; }

find_bench() {
	if [ -n "${SANSHU_BENCH:-}" ]; then echo "$SANSHU_BENCH"; return; fi
	local record
	for record in "$HOME/.config/sanshu_app/bench" /etc/sanshu_app/bench; do
		if [ -r "$record" ] && [ -d "$(cat "$record")" ]; then cat "$record"; return; fi
	done
	echo "$HOME/frappe-bench"
}

BENCH="$(find_bench)"
[ -d "$BENCH/apps/frappe" ] || die "no Frappe bench at $BENCH (run scripts/setup.sh, or set SANSHU_BENCH)"
BENCH="$(cd "$BENCH" && pwd -P)"
OWNER="$(stat -c %U "$BENCH")"
OWNER_HOME="$(getent passwd "$OWNER" | cut -d: -f6)"
if [ "$(id -un)" != "$OWNER" ] && [ "$(id -u)" -ne 0 ]; then
	die "$BENCH belongs to $OWNER: run this as $OWNER or as root"
fi

# The bench command (and honcho beside it) as setup.sh installed it.
BENCH_CMD="$(command -v bench || true)"
for candidate in "$BENCH_CMD" /usr/local/bin/bench "$OWNER_HOME/.local/bin/bench"; do
	[ -n "$candidate" ] && [ -x "$candidate" ] && BENCH_CMD="$candidate" && break
done
[ -x "$BENCH_CMD" ] || die "no bench command found (run scripts/setup.sh)"
BENCH_BIN="$(dirname "$(readlink -f "$BENCH_CMD")")"

as_owner() {
	if [ "$(id -un)" = "$OWNER" ]; then
		env PATH="$BENCH_BIN:$PATH" "$@"
	else
		runuser -u "$OWNER" -- env HOME="$OWNER_HOME" USER="$OWNER" LOGNAME="$OWNER" \
			PATH="$BENCH_BIN:/usr/local/bin:/usr/bin:/bin" LANG="${LANG:-C.UTF-8}" "$@"
	fi
}

config_value() {  # key default: a value of sites/common_site_config.json
	"$BENCH/env/bin/python" -c 'import json, sys
try: print(json.load(open(sys.argv[1])).get(sys.argv[2]) or sys.argv[3])
except OSError: print(sys.argv[3])' "$BENCH/sites/common_site_config.json" "$1" "$2"
}

HOST="${SANSHU_SERVE_HOST:-127.0.0.1}"
PROBE_HOST="$HOST"
[ "$PROBE_HOST" != "0.0.0.0" ] || PROBE_HOST=127.0.0.1
WEB_PORT="$(config_value webserver_port 8000)"
SOCKETIO_PORT="$(config_value socketio_port 9000)"
PIDFILE="$BENCH/config/pids/serve.pid"
PROCFILE="$BENCH/Procfile.serve"
LOG="$BENCH/logs/serve.log"

listening() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }

serve_pid() {  # the running honcho's pid, if any
	local pid
	pid="$(cat "$PIDFILE" 2>/dev/null || true)"
	# `bench start` becomes honcho (exec) a moment after it starts.
	[ -n "$pid" ] && [ -d "/proc/$pid" ] && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -Eq 'honcho start|bench start' && echo "$pid"
	return 0
}

redis_port() { sed -n 's/^port \([0-9]*\)/\1/p' "$BENCH/config/$1.conf" 2>/dev/null || true; }

write_procfile() {
	local redis_lines="" conf port
	for conf in redis_cache redis_queue; do
		port="$(redis_port "$conf")"
		[ -n "$port" ] || continue
		if listening 127.0.0.1 "$port"; then
			echo "  $conf: already running on port $port, left alone"
		else
			redis_lines+="$conf: redis-server config/$conf.conf"$'\n'
		fi
	done
	local schedule_line="schedule: bench schedule"
	# Frappe runs one scheduler per bench (a lock on config/scheduler_process); a second one
	# would exit at once, and honcho stops everything when one process exits.
	if ! as_owner flock -n "$BENCH/config/scheduler_process" true; then
		echo "  schedule: a scheduler not started by serve.sh already runs for this bench, left alone"
		schedule_line=""
	fi
	# Frappe's socketio.js listens on every interface; this makes it listen on $HOST only.
	as_owner tee "$BENCH/config/socketio_listen_host.js" >/dev/null <<'JS'
// Written by sanshu_app's scripts/serve.sh: bind Frappe's socket.io server to SOCKETIO_HOST.
const http = require("node:http");
const host = process.env.SOCKETIO_HOST;
if (host) {
	const listen = http.Server.prototype.listen;
	http.Server.prototype.listen = function (port, ...rest) {
		if (/^\d+$/.test(String(port))) return listen.call(this, Number(port), host, ...rest);
		return listen.call(this, port, ...rest);
	};
}
JS
	# The web application: Frappe's, with /assets and /files served as `bench serve` does (nginx
	# does it in production), for the bench's default site whatever the Host header says.
	as_owner tee "$BENCH/config/serve_wsgi.py" >/dev/null <<'PY'
# Written by sanshu_app's scripts/serve.sh: the gunicorn application of Procfile.serve.
import os

import frappe.app

# Like `bench serve` with a current site: every request goes to the bench's default site.
frappe.app._site = os.environ.get("FRAPPE_SITE") or None
application = frappe.app.application_with_statics()
PY
	local site
	site="$(config_value default_site "")"
	# DEV_SERVER=1 on the web process only: without nginx in front, the desk's socket.io client
	# must reach the socketio port itself, which Frappe's pages allow only then (window.dev_server).
	# It is not the Werkzeug debugger (gunicorn serves); it turns off a few of Frappe's page caches.
	as_owner tee "$PROCFILE" >/dev/null <<PROCFILE
${redis_lines}web: DEV_SERVER=1 FRAPPE_SITE=$site env/bin/gunicorn --bind $HOST:$WEB_PORT --workers ${SANSHU_WEB_WORKERS:-2} --timeout 120 --graceful-timeout 30 --max-requests 5000 --max-requests-jitter 500 --chdir sites --pythonpath $BENCH/config serve_wsgi:application
socketio: SOCKETIO_HOST=$HOST NODE_OPTIONS="--require $BENCH/config/socketio_listen_host.js" bench socketio
worker: bench worker
${schedule_line}
PROCFILE
}

start() {
	local pid
	pid="$(serve_pid)"
	if [ -n "$pid" ]; then
		echo "already serving (bench start, pid $pid); scripts/serve.sh restart to restart"
		return 0
	fi
	listening "$PROBE_HOST" "$WEB_PORT" && die "port $WEB_PORT is taken by another process (is \`bench serve\` or \`bench start\` running?)"
	listening "$PROBE_HOST" "$SOCKETIO_PORT" && die "port $SOCKETIO_PORT (socketio_port) is taken by another process"
	local stray
	stray="$(strays)"
	[ -z "$stray" ] || printf 'Note: a worker or scheduler not started by serve.sh runs for this bench (an older set-up?); stop it (kill PID) and restart:\n%s\n' "$stray"
	echo "Starting $BENCH on http://$PROBE_HOST:$WEB_PORT (socket.io on $SOCKETIO_PORT), as $OWNER:"
	write_procfile
	(cd "$BENCH" && as_owner sh -c 'setsid bench start --no-dev --procfile Procfile.serve >>logs/serve.log 2>&1 </dev/null & echo $! >config/pids/serve.pid')
	local deadline=$((SECONDS + 90))
	while [ "$SECONDS" -lt "$deadline" ]; do
		pid="$(serve_pid)"
		[ -n "$pid" ] || { tail -n 30 "$LOG" >&2; die "bench start stopped; see $LOG"; }
		local code
		code="$(curl -s -o /dev/null -w '%{http_code}' "http://$PROBE_HOST:$WEB_PORT/api/method/ping" 2>/dev/null || true)"
		if [ "${code:-000}" != 000 ] && curl -fsS -o /dev/null "http://$PROBE_HOST:$SOCKETIO_PORT/socket.io/?EIO=4&transport=polling" 2>/dev/null; then
			echo "Serving: http://$PROBE_HOST:$WEB_PORT (bench start pid $pid; logs $LOG; stop with scripts/serve.sh stop)"
			[ "$code" = 200 ] || echo "WARNING: the site answers HTTP $code to /api/method/ping; see $LOG" >&2
			return 0
		fi
		sleep 1
	done
	tail -n 30 "$LOG" >&2
	die "not answering on http://$PROBE_HOST:$WEB_PORT after 90 s; see $LOG (still running: scripts/serve.sh stop)"
}

stop() {
	local pid
	pid="$(serve_pid)"
	if [ -z "$pid" ]; then
		echo "not serving"
		rm -f "$PIDFILE" 2>/dev/null || true
		return 0
	fi
	# honcho passes SIGTERM to every process group it started and kills what is left after 5 s.
	kill -TERM "$pid"
	local deadline=$((SECONDS + 30))
	while [ -d "/proc/$pid" ] && [ "$SECONDS" -lt "$deadline" ]; do sleep 0.5; done
	[ ! -d "/proc/$pid" ] || { kill -KILL "$pid" 2>/dev/null || true; echo "bench start (pid $pid) did not stop in 30 s: killed"; }
	as_owner rm -f "$PIDFILE"
	echo "stopped"
}

strays() {  # workers and schedulers of this bench that serve.sh did not start (call when not serving)
	local pid
	for pid in $(pgrep -f 'frappe.utils.bench_helper frappe (worker|schedule)' || true); do
		[ "$(readlink "/proc/$pid/cwd" 2>/dev/null)" = "$BENCH/sites" ] || [ "$(readlink "/proc/$pid/cwd" 2>/dev/null)" = "$BENCH" ] || continue
		ps -o pid=,args= -p "$pid" | cut -c1-120 | sed 's/^/  /'
	done
}

descendants() {  # the processes honcho runs (each in its own session), not its helpers
	local child
	for child in $(pgrep -P "$1" || true); do
		tr '\0' ' ' <"/proc/$child/cmdline" 2>/dev/null | grep -q 'honcho start' || ps -o pid=,args= -p "$child" || true
		descendants "$child"
	done
}

status() {
	local pid state=0
	pid="$(serve_pid)"
	if [ -n "$pid" ]; then
		echo "serving $BENCH: bench start pid $pid (Procfile.serve; logs $LOG)"
		descendants "$pid" | cut -c1-150 | sed 's/^/  /'
	else
		echo "not serving $BENCH"
		state=3
	fi
	local name port
	for name in web socketio redis_cache redis_queue; do
		case "$name" in
			web) port="$WEB_PORT" ;;
			socketio) port="$SOCKETIO_PORT" ;;
			*) port="$(redis_port "$name")" ;;
		esac
		[ -n "$port" ] || continue
		if listening "$PROBE_HOST" "$port" || listening 127.0.0.1 "$port"; then echo "  $name: port $port answers"; else echo "  $name: port $port closed"; fi
	done
	return "$state"
}

case "${1:-}" in
	start) start ;;
	stop) stop ;;
	restart) stop; start ;;
	status) status ;;
	*) echo "usage: scripts/serve.sh start|stop|restart|status" >&2; exit 2 ;;
esac

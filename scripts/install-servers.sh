#!/usr/bin/env bash
# Installs the two servers hoso needs at pinned versions, built from the Go module proxy with `go`:
#   - the Temporal CLI (its `temporal server start-dev` is our Temporal server, SQLite-backed)
#   - FerretDB v1 (MongoDB wire protocol on SQLite)
# and, for the tests only (--with-test-server), Temporal's time-skipping test server from Maven Central.
#
# Usage:
#   bash scripts/install-servers.sh                # ensure both binaries, print where they are
#   bash scripts/install-servers.sh --print-paths  # same, then print TEMPORAL_BIN=... / FERRETDB_BIN=... on stdout
#   --skip-external   skip the Temporal CLI when TEMPORAL_ADDRESS is set and FerretDB when MONGODB_URI is set (their
#                     path is then printed empty): `npm start` against existing servers needs no Go.
#   --with-upstream   also build FerretDB exactly as released, without our patch (FERRETDB_UPSTREAM_BIN=...): the
#                     storage tests compare the two builds and measure what the patch changes.
#   --with-test-server  also install Temporal's time-skipping test server (TEMPORAL_TEST_SERVER_BIN=...): the Java
#                     artifact io.temporal:temporal-test-server and its dependencies, fetched from Maven Central with
#                     Debian's `mvn` and run by Debian's `java` (the SDK's own download of a native build cannot work
#                     here). The integration tests start it with TestWorkflowEnvironment.createTimeSkipping.
#
# Environment: HOSO_CACHE_DIR (default ~/.cache/hoso), HOSO_IGNORE_PATH_BINARIES=1 (ignore binaries on PATH),
# HOSO_MVN / HOSO_JAVA (default: `mvn` / `java` on PATH; Maven keeps its downloads in the cache folder, m2/),
# HOSO_GO (the go binary; default: `go` on PATH, else /usr/local/go/bin/go), GOTOOLCHAIN (default auto here), and
# Go's own GOPROXY / GOMODCACHE / GOCACHE.
#
# Resolution order for each binary:
#   1. `temporal` already on PATH (skipped with HOSO_IGNORE_PATH_BINARIES=1). Never `ferretdb`: a released FerretDB v1
#      loses concurrent updates (docs/servers.md), and the engine relies on our patch that makes each write atomic;
#   2. the cache: ${HOSO_CACHE_DIR:-$HOME/.cache/hoso}/servers/<name>-<version>/<name>, if it runs and reports
#      the pinned version;
#   3. build it into the cache (Temporal CLI ~7 min, FerretDB ~2 min on 2 cores, first time only).
# A build writes into a temporary folder next to the cache entry and is moved into place with `mv` only after the
# new binary has answered `--version`, so an interrupted or failed build never leaves a broken binary behind.
# Concurrent runs (e.g. `npm start` and `npm test` at once) are serialised with flock when it is available.
# Human-readable progress goes to stderr; stdout carries only the result, so callers can parse it.
set -euo pipefail

TEMPORAL_CLI_VERSION=v1.5.1
FERRETDB_VERSION=v1.24.2
# Temporal CLI v1.5.1 declares `go 1.25.0`; Go >= 1.21 fetches that toolchain itself (GOTOOLCHAIN=auto).
GO_MIN_MINOR=21

TEMPORAL_MODULE=github.com/temporalio/cli
FERRETDB_MODULE=github.com/FerretDB/FerretDB

CACHE_DIR="${HOSO_CACHE_DIR:-$HOME/.cache/hoso}"
SERVERS_DIR="$CACHE_DIR/servers"
TEMPORAL_CACHED="$SERVERS_DIR/temporal-$TEMPORAL_CLI_VERSION/temporal"
# Our patch of FerretDB (scripts/servers/ferretdb/: one write command at a time, one process per SQLite folder, and
# index-backed pushdown in the
# SQLite backend): bump FERRETDB_PATCH when it changes, so that cached builds without it are not reused.
FERRETDB_PATCH=hoso-6
FERRETDB_PATCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/servers/ferretdb"
FERRETDB_CACHED="$SERVERS_DIR/ferretdb-$FERRETDB_VERSION-$FERRETDB_PATCH/ferretdb"
# The same version as released, for the storage tests' comparisons only (--with-upstream).
FERRETDB_UPSTREAM_CACHED="$SERVERS_DIR/ferretdb-$FERRETDB_VERSION-upstream/ferretdb"
# Temporal's time-skipping test server, released with the Java SDK (tests only, --with-test-server).
TEST_SERVER_VERSION=1.38.0
TEST_SERVER_CACHED="$SERVERS_DIR/temporal-test-server-$TEST_SERVER_VERSION/temporal-test-server"
MAVEN_DEPENDENCY_PLUGIN=org.apache.maven.plugins:maven-dependency-plugin:3.8.1

PRINT_PATHS=0
SKIP_EXTERNAL=0
WITH_UPSTREAM=0
WITH_TEST_SERVER=0
for arg in "$@"; do
  case "$arg" in
    --print-paths) PRINT_PATHS=1 ;;
    --skip-external) SKIP_EXTERNAL=1 ;;
    --with-upstream) WITH_UPSTREAM=1 ;;
    --with-test-server) WITH_TEST_SERVER=1 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "install-servers: unknown argument: $arg" >&2; exit 2 ;;
  esac
done

say() { printf '%s\n' "$*" >&2; }

# Temporary build folders and the background build of the moment; removed/killed on any exit (incl. Ctrl-C).
CLEANUP_DIRS=()
BUILD_PID=""
cleanup() {
  if [[ -n "$BUILD_PID" ]] && kill -0 "$BUILD_PID" 2>/dev/null; then
    printf '\n' >&2
    say "install-servers: interrupted; stopping the build (nothing was installed)"
    # The build runs in its own process group (set -m below): stop go and the compilers it started too.
    kill -TERM -- "-$BUILD_PID" 2>/dev/null || true
    wait "$BUILD_PID" 2>/dev/null || true
  fi
  local d
  for d in "${CLEANUP_DIRS[@]+"${CLEANUP_DIRS[@]}"}"; do
    # The Go module cache marks files read-only; vendor/ copies inherit that.
    [[ -d "$d" ]] && { chmod -R u+w "$d" 2>/dev/null || true; rm -rf "$d"; }
  done
  return 0
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- version checks -----------------------------------------------------------------------------------------------

# True when "$1 --version" runs and its output contains $2.
reports_version() {
  local out
  out="$("$1" --version 2>/dev/null)" || return 1
  [[ "$out" == *"$2"* ]]
}

# True when "$1 --version" runs at all (binaries found on PATH may be any version).
runs() { "$1" --version >/dev/null 2>&1; }

# --- Go -----------------------------------------------------------------------------------------------------------

GO=""
find_go() {
  if [[ -n "${HOSO_GO:-}" ]]; then
    [[ -x "$HOSO_GO" ]] && GO="$HOSO_GO"
  elif command -v go >/dev/null 2>&1; then
    GO="$(command -v go)"
  elif [[ -x /usr/local/go/bin/go ]]; then
    GO=/usr/local/go/bin/go
  fi
  if [[ -z "$GO" ]]; then
    say "install-servers: Go is needed to build the Temporal CLI and FerretDB, and it was not found."
    say "  install Go >= 1.$GO_MIN_MINOR (1.25+ preferred): https://go.dev/dl (unpack to /usr/local/go),"
    say "  or on Debian 13+/Ubuntu 25.04+: apt-get install golang-go"
    say "  or put ready binaries named 'temporal' and 'ferretdb' on PATH."
    exit 1
  fi
  local v minor
  v="$("$GO" env GOVERSION 2>/dev/null || true)"    # e.g. go1.26.0
  minor="$(sed -nE 's/^go1\.([0-9]+).*/\1/p' <<<"$v")"
  if [[ -z "$minor" || "$minor" -lt "$GO_MIN_MINOR" ]]; then
    say "install-servers: $GO is ${v:-of unknown version}; Go >= 1.$GO_MIN_MINOR is needed."
    say "  install a newer Go: https://go.dev/dl (unpack to /usr/local/go), or apt-get install golang-go (Debian 13+)"
    exit 1
  fi
}

# --- build runner with progress -----------------------------------------------------------------------------------

# run_with_progress LABEL LOG FN ARG...: runs the shell function FN in a background subshell (own process group, so
# cleanup() can stop the whole build on Ctrl-C or SIGTERM) with all output appended to LOG, showing elapsed seconds:
# redrawn on one line every second on a terminal, one line every 30 s otherwise (CI logs stay short). On failure,
# prints the tail of LOG and exits with the build's status.
run_with_progress() {
  local label="$1" log="$2"; shift 2
  local start=$SECONDS rc=0 tty=0 last=0 elapsed
  [[ -t 2 ]] && tty=1
  if (( tty )); then printf '%s … 0s' "$label" >&2; else say "$label …"; fi
  set -m
  ( set -euxo pipefail; "$@" ) >>"$log" 2>&1 </dev/null &
  BUILD_PID=$!
  set +m
  while kill -0 "$BUILD_PID" 2>/dev/null; do
    sleep 1
    elapsed=$((SECONDS - start))
    if (( tty )); then
      printf '\r%s … %ss' "$label" "$elapsed" >&2
    elif (( elapsed - last >= 30 )); then
      last=$elapsed
      say "  … still building ($elapsed s)"
    fi
  done
  if wait "$BUILD_PID"; then rc=0; else rc=$?; fi
  BUILD_PID=""
  elapsed=$((SECONDS - start))
  if (( tty )); then printf '\r%s … ' "$label" >&2; fi
  if (( rc != 0 )); then
    (( tty )) && say "failed after ${elapsed}s" || say "$label failed after ${elapsed}s"
    say "---- last 40 lines of $log ----"
    tail -n 40 "$log" >&2 || true
    say "---- end of log ----"
    exit "$rc"
  fi
  (( tty )) && say "done in ${elapsed}s" || say "$label done in ${elapsed}s"
}

# Environment for every go command: GOTOOLCHAIN=auto (unless set in the environment) lets an older Go fetch the
# toolchain a module declares, from the same module proxy; CGO_ENABLED=0 because both servers use pure-Go SQLite
# (no C compiler needed, static binaries); GOFLAGS is cleared so a user's global flags cannot change the build.
go_env() { env GOTOOLCHAIN="${GOTOOLCHAIN:-auto}" CGO_ENABLED=0 GOFLAGS=-buildvcs=false "$@"; }

build_temporal() {
  local tmp="$1"
  go_env GOBIN="$tmp/bin" "$GO" install -trimpath \
    -ldflags "-X $TEMPORAL_MODULE/temporalcli.Version=${TEMPORAL_CLI_VERSION#v}" \
    "$TEMPORAL_MODULE/cmd/temporal@$TEMPORAL_CLI_VERSION"
  mv "$tmp/bin/temporal" "$tmp/temporal"
}

# `go install github.com/FerretDB/FerretDB/cmd/ferretdb@v1.24.2` does not work: the module zip lacks the generated
# build/version/version.txt (the binary panics at start), and `go install pkg@version` also asks the proxy for the
# module's version list, which some proxies refuse. So: a throw-away wrapper module that depends on FerretDB,
# vendored so that version.txt can be written into the vendored copy, then built from vendor/.
build_ferretdb() { build_ferretdb_source "$1" patched; }
build_ferretdb_upstream() { build_ferretdb_source "$1" upstream; }

# build_ferretdb_source TMP patched|upstream
build_ferretdb_source() {
  local tmp="$1" variant="$2" src="$1/src"
  mkdir -p "$src"
  cd "$src"
  go_env "$GO" mod init hoso/ferretdb-build
  cat >tools.go <<EOF
//go:build tools

// Package tools pins FerretDB as a dependency so that it can be vendored and built (see install-servers.sh).
package tools

import _ "$FERRETDB_MODULE/cmd/ferretdb"
EOF
  go_env "$GO" get "$FERRETDB_MODULE@$FERRETDB_VERSION"
  go_env "$GO" mod tidy
  go_env "$GO" mod vendor
  chmod -R u+w vendor
  printf '%s\n' "$FERRETDB_VERSION" >"vendor/$FERRETDB_MODULE/build/version/version.txt"
  printf '%s\n' "hoso-source" >"vendor/$FERRETDB_MODULE/build/version/package.txt"
  if [[ "$variant" == patched ]]; then
    # One write command at a time (see scripts/servers/ferretdb/write_lock.go).
    (cd "vendor/$FERRETDB_MODULE" && git apply -p1 "$FERRETDB_PATCH_DIR/write-lock.patch")
    cp "$FERRETDB_PATCH_DIR/write_lock.go" "vendor/$FERRETDB_MODULE/internal/handler/write_lock.go"
    # ... which needs one process per SQLite folder: the folder is locked (see dir_lock_unix.go).
    (cd "vendor/$FERRETDB_MODULE" && git apply -p1 "$FERRETDB_PATCH_DIR/dir-lock.patch")
    cp "$FERRETDB_PATCH_DIR/dir_lock_unix.go" "$FERRETDB_PATCH_DIR/dir_lock_other.go" "vendor/$FERRETDB_MODULE/internal/backends/sqlite/metadata/pool/"
    # Index-backed filter pushdown for the SQLite backend (see scripts/servers/ferretdb/pushdown.go).
    (cd "vendor/$FERRETDB_MODULE" && git apply -p1 "$FERRETDB_PATCH_DIR/sqlite-pushdown.patch")
    cp "$FERRETDB_PATCH_DIR/pushdown.go" "vendor/$FERRETDB_MODULE/internal/backends/sqlite/pushdown.go"
  fi
  go_env "$GO" build -mod=vendor -trimpath -o "$tmp/ferretdb" "$FERRETDB_MODULE/cmd/ferretdb"
}

# ensure_cached NAME VERSION CACHED_PATH BUILD_FN LABEL: builds into the cache unless a working binary is there.
ensure_cached() {
  local name="$1" version="$2" target="$3" build_fn="$4" label="$5"
  local log tmp
  log="$SERVERS_DIR/$(basename "$(dirname "$target")").build.log"
  if [[ -x "$target" ]] && reports_version "$target" "${version#v}"; then
    return 0
  fi
  mkdir -p "$SERVERS_DIR"
  # Serialise concurrent installs; re-check after taking the lock (another run may just have built it).
  if command -v flock >/dev/null 2>&1; then
    exec 9>"$SERVERS_DIR/.install.lock"
    if ! flock -n 9; then
      say "install-servers: another install is building in $SERVERS_DIR; waiting for it"
      flock 9
    fi
    if [[ -x "$target" ]] && reports_version "$target" "${version#v}"; then
      exec 9>&-
      return 0
    fi
  fi
  if [[ -e "$target" ]]; then
    say "install-servers: $target does not report $version; rebuilding it"
  fi
  [[ -n "$GO" ]] || find_go

  tmp="$(mktemp -d "$SERVERS_DIR/.build-$name-$version.XXXXXX")"
  CLEANUP_DIRS+=("$tmp")
  # Go's own work folder goes in there too, so that an interrupted build leaves nothing in /tmp.
  mkdir -p "$tmp/gotmp"
  export GOTMPDIR="$tmp/gotmp"
  echo "==== $(date -u +%Y-%m-%dT%H:%M:%SZ) building $name $version with $("$GO" env GOVERSION)" >"$log"
  run_with_progress "$label" "$log" "$build_fn" "$tmp"

  local built="$tmp/$name"
  if ! reports_version "$built" "${version#v}"; then
    say "install-servers: the freshly built $name does not report version $version:"
    "$built" --version >&2 || true
    say "  build log: $log"
    exit 1
  fi
  mkdir -p "$(dirname "$target")"
  # Same filesystem (tmp is inside SERVERS_DIR), so this rename is atomic.
  mv -f "$built" "$target"
  say "  installed $target (build log: $log)"
  exec 9>&- # release the install lock (a bare `exec` redirection: it must not touch stderr)
}

# resolve VAR NAME VERSION CACHED_PATH BUILD_FN LABEL EXTERNAL_VAR: sets VAR to the binary to use for NAME, or to ""
# when --skip-external is given and the environment variable EXTERNAL_VAR names an external server instead.
# (No command substitution here: the EXIT trap that removes temporary build folders must run in this shell.)
resolve() {
  local var="$1" name="$2" version="$3" target="$4" build_fn="$5" label="$6" external_var="$7" onpath
  if (( SKIP_EXTERNAL )) && [[ -n "${!external_var:-}" ]]; then
    say "install-servers: $external_var is set; $name is not needed"
    printf -v "$var" '%s' ""
    return 0
  fi
  if [[ "$name" != ferretdb && "${HOSO_IGNORE_PATH_BINARIES:-0}" != 1 ]] && onpath="$(command -v "$name" 2>/dev/null)"; then
    if runs "$onpath"; then
      if ! reports_version "$onpath" "${version#v}"; then
        say "install-servers: using $onpath from PATH, not the pinned $version"
        say "  (HOSO_IGNORE_PATH_BINARIES=1 builds and uses the pinned one)"
      fi
      printf -v "$var" '%s' "$onpath"
      return 0
    fi
    say "install-servers: $onpath is on PATH but does not run; using the pinned build instead"
  fi
  ensure_cached "$name" "$version" "$target" "$build_fn" "$label"
  printf -v "$var" '%s' "$target"
}

# --- Temporal's time-skipping test server (Java, from Maven Central) -------------------------------------------

# The launcher written next to the jars: `temporal-test-server PORT` is what the SDK's createTimeSkipping runs (its
# `existing-path` executable); `--version` checks that the jars and a Java runtime are there without starting the
# server. The JVM flags shorten its start: the SDK gives the server 5 s to answer.
write_test_server_launcher() {
  local target="$1" java="$2"
  cat >"$target" <<EOF
#!/bin/sh
# Temporal's time-skipping test server, io.temporal:temporal-test-server $TEST_SERVER_VERSION from Maven Central, on
# the JVM (written by scripts/install-servers.sh --with-test-server). Usage: temporal-test-server PORT [args...]
here="\$(cd "\$(dirname "\$0")" && pwd)"
java="\${HOSO_JAVA:-$java}"
if [ "\${1:-}" = --version ]; then
  [ -f "\$here/lib/temporal-test-server-$TEST_SERVER_VERSION.jar" ] || { echo "temporal-test-server: no jars in \$here/lib" >&2; exit 1; }
  "\$java" -version >/dev/null 2>&1 || { echo "temporal-test-server: \$java does not run" >&2; exit 1; }
  echo "temporal-test-server $TEST_SERVER_VERSION"
  exit 0
fi
exec "\$java" -Xmx512m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto -cp "\$here/lib/*" io.temporal.testserver.TestServer "\$@"
EOF
  chmod +x "$target"
}

# build_test_server TMP: the artifact and its runtime dependencies copied into TMP/lib by Maven (checksums enforced;
# Maven's own downloads kept in the cache folder, m2/), then the launcher.
build_test_server() {
  local tmp="$1"
  cat >"$tmp/pom.xml" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>hoso</groupId>
  <artifactId>temporal-test-server-runtime</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency>
      <groupId>io.temporal</groupId>
      <artifactId>temporal-test-server</artifactId>
      <version>$TEST_SERVER_VERSION</version>
    </dependency>
  </dependencies>
</project>
EOF
  "$MVN" -B -C -f "$tmp/pom.xml" -Dmaven.repo.local="$CACHE_DIR/m2" \
    "$MAVEN_DEPENDENCY_PLUGIN:copy-dependencies" -DincludeScope=runtime -DoutputDirectory="$tmp/lib"
  rm -f "$tmp/pom.xml"
  write_test_server_launcher "$tmp/temporal-test-server" "$JAVA"
}

# ensure_test_server: installs the test server into the cache unless a working one is there (the same lock and
# atomic move as ensure_cached, with Java and Maven instead of Go).
ensure_test_server() {
  local target="$TEST_SERVER_CACHED" dir log tmp
  dir="$(dirname "$target")"
  log="$SERVERS_DIR/$(basename "$dir").build.log"
  if [[ -x "$target" ]] && reports_version "$target" "$TEST_SERVER_VERSION"; then return 0; fi
  JAVA="${HOSO_JAVA:-$(command -v java 2>/dev/null || true)}"
  MVN="${HOSO_MVN:-$(command -v mvn 2>/dev/null || true)}"
  if [[ -z "$JAVA" || -z "$MVN" ]]; then
    say "install-servers: Temporal's time-skipping test server needs Java and Maven; $([[ -z "$JAVA" ]] && echo java || echo mvn) was not found."
    say "  on Debian: apt-get install default-jre-headless maven (.ci/run installs them itself)"
    exit 1
  fi
  mkdir -p "$SERVERS_DIR"
  if command -v flock >/dev/null 2>&1; then
    exec 9>"$SERVERS_DIR/.install.lock"
    if ! flock -n 9; then
      say "install-servers: another install is running in $SERVERS_DIR; waiting for it"
      flock 9
    fi
    if [[ -x "$target" ]] && reports_version "$target" "$TEST_SERVER_VERSION"; then
      exec 9>&-
      return 0
    fi
  fi
  tmp="$(mktemp -d "$SERVERS_DIR/.build-temporal-test-server-$TEST_SERVER_VERSION.XXXXXX")"
  CLEANUP_DIRS+=("$tmp")
  echo "==== $(date -u +%Y-%m-%dT%H:%M:%SZ) fetching temporal-test-server $TEST_SERVER_VERSION with $("$MVN" -v 2>/dev/null | head -n 1)" >"$log"
  run_with_progress "fetching Temporal's time-skipping test server $TEST_SERVER_VERSION (Maven Central)" "$log" \
    build_test_server "$tmp"
  if ! reports_version "$tmp/temporal-test-server" "$TEST_SERVER_VERSION"; then
    say "install-servers: the fetched test server does not run (see $log)"
    exit 1
  fi
  # The launcher finds its jars next to itself, so the whole folder moves into place (same filesystem: a rename).
  rm -rf "$dir"
  mv "$tmp" "$dir"
  chmod 755 "$dir"
  say "  installed $target (log: $log)"
  exec 9>&-
}

TEMPORAL_BIN=""
FERRETDB_BIN=""
resolve TEMPORAL_BIN temporal "$TEMPORAL_CLI_VERSION" "$TEMPORAL_CACHED" build_temporal \
  "1/2 building Temporal CLI $TEMPORAL_CLI_VERSION" TEMPORAL_ADDRESS
resolve FERRETDB_BIN ferretdb "$FERRETDB_VERSION" "$FERRETDB_CACHED" build_ferretdb \
  "2/2 building FerretDB $FERRETDB_VERSION" MONGODB_URI

FERRETDB_UPSTREAM_BIN=""
if (( WITH_UPSTREAM )); then
  ensure_cached ferretdb "$FERRETDB_VERSION" "$FERRETDB_UPSTREAM_CACHED" build_ferretdb_upstream \
    "3/3 building FerretDB $FERRETDB_VERSION as released (for the storage tests)"
  FERRETDB_UPSTREAM_BIN="$FERRETDB_UPSTREAM_CACHED"
fi

TEST_SERVER_BIN=""
if (( WITH_TEST_SERVER )); then
  ensure_test_server
  TEST_SERVER_BIN="$TEST_SERVER_CACHED"
fi

if (( PRINT_PATHS )); then
  printf 'TEMPORAL_BIN=%s\nFERRETDB_BIN=%s\n' "$TEMPORAL_BIN" "$FERRETDB_BIN"
  (( WITH_UPSTREAM )) && printf 'FERRETDB_UPSTREAM_BIN=%s\n' "$FERRETDB_UPSTREAM_BIN"
  (( WITH_TEST_SERVER )) && printf 'TEMPORAL_TEST_SERVER_BIN=%s\n' "$TEST_SERVER_BIN"
else
  printf 'temporal: %s\n' "${TEMPORAL_BIN:-(external: TEMPORAL_ADDRESS)}"
  printf 'ferretdb: %s\n' "${FERRETDB_BIN:-(external: MONGODB_URI)}"
  (( WITH_UPSTREAM )) && printf 'ferretdb as released: %s\n' "$FERRETDB_UPSTREAM_BIN"
  (( WITH_TEST_SERVER )) && printf 'temporal test server: %s\n' "$TEST_SERVER_BIN"
fi
exit 0

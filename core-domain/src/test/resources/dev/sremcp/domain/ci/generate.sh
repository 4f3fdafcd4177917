#!/usr/bin/env bash
# Regenerates the CI-failure fixtures in this folder from scratch.
#
# Every fixture is the real stdout+stderr (2>&1) of a real, deliberately broken
# build that this script creates inline (heredocs) and runs. For the wrapped
# formats (GitHub Actions, GitLab CI, Jenkins) the runner framing around the
# real build output is written by this script, because the runners themselves
# cannot run on an offline machine; see README.md.
#
# Usage:  ./generate.sh [fixture-name ...]      (no names = all fixtures)
# Env:    OUT   where the .log files go        (default: this script's folder)
#         WORK  scratch dir, wiped first       (default: /tmp/ci-fixture-work)
#         JAVA_HOME  JDK for Maven             (default: Temurin 25, release 21)
#
# Needs: mvn (3.8.x), a JDK >= 21, node 20 + npm, python3 + pytest, go,
#        gradle (optional; Debian's 4.4.1), network access to Maven Central
#        and the npm registry. Timestamps/timings in the output differ per run.
set -u

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
OUT="${OUT:-$HERE}"
WORK="${WORK:-/tmp/ci-fixture-work}"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
export LC_ALL=C.UTF-8 LANG=C.UTF-8 TZ=UTC
unset MAVEN_OPTS MAVEN_ARGS NODE_OPTIONS FORCE_COLOR NO_COLOR CI GITHUB_ACTIONS GITLAB_CI JENKINS_URL

rm -rf "$WORK"
mkdir -p "$WORK/raw" "$OUT"

# Isolate npm from the user's ~/.npmrc so the output does not depend on it.
printf 'fund=false\naudit=false\nupdate-notifier=false\n' > "$WORK/npmrc"
export NPM_CONFIG_USERCONFIG="$WORK/npmrc"
# Fresh Go build cache (like a fresh CI runner), no module proxy needed.
export GOCACHE="$WORK/gocache" GOPATH="$WORK/gopath" GOPROXY=off GOFLAGS= GO111MODULE=on

MVN="mvn"

# capture NAME DIR CMD...  -> $WORK/raw/NAME.out (stdout+stderr), NAME.rc, NAME.secs
capture() {
  local name="$1" dir="$2"; shift 2
  local t0; t0=$(date +%s.%N)
  ( cd "$dir" && "$@" ) > "$WORK/raw/$name.out" 2>&1
  echo $? > "$WORK/raw/$name.rc"
  python3 -c "import sys; print('%.1f' % (float(sys.argv[2]) - float(sys.argv[1])))" "$t0" "$(date +%s.%N)" > "$WORK/raw/$name.secs"
  echo "  $name: exit $(cat "$WORK/raw/$name.rc") after $(cat "$WORK/raw/$name.secs")s" >&2
}
raw()  { cat "$WORK/raw/$1.out"; }
rc()   { cat "$WORK/raw/$1.rc"; }
secs() { cat "$WORK/raw/$1.secs"; }

# The wrapped fixtures are built in the directories the runner framing names
# (/home/runner/work/..., /builds/..., /var/lib/jenkins/workspace/...), so the
# paths inside the real build output agree with the framing. That needs root;
# otherwise (or with CI_ROOT=/some/dir) they go under $CI_ROOT instead.
if [ -z "${CI_ROOT+x}" ]; then
  if [ "$(id -u)" = 0 ]; then CI_ROOT=""; else CI_ROOT="$WORK/ci-root"; fi
fi
CREATED_ROOTS=()
for top in /home/runner /builds /var/lib/jenkins; do
  [ -e "${CI_ROOT}$top" ] || CREATED_ROOTS+=("${CI_ROOT}$top")
done
cleanup_ci_roots() { for p in "${CREATED_ROOTS[@]}"; do rm -rf "$p"; done; }
trap cleanup_ci_roots EXIT
ws() { local p="${CI_ROOT}$1"; rm -rf "$p"; mkdir -p "$p"; echo "$p"; }

# ---------------------------------------------------------------- framing --
# GitHub Actions: every line gets "YYYY-MM-DDThh:mm:ss.fffffffZ ". Lines of the
# form "@@+SECONDS" advance the synthetic clock and are dropped.
gha_stamp() {
  python3 -c '
import sys, datetime
t = datetime.datetime(2026, 11, 24, 10, 0, 0, tzinfo=datetime.timezone.utc)
step = datetime.timedelta(microseconds=1873)
data = sys.stdin.buffer.read().decode("utf-8")
lines = data.split("\n")
if lines and lines[-1] == "":
    lines.pop()
out = []
for n, line in enumerate(lines):
    if line.startswith("@@+"):
        t += datetime.timedelta(seconds=float(line[3:]))
        continue
    t += step
    frac = "%07d" % (t.microsecond * 10 + (n * 7) % 10)
    out.append(t.strftime("%Y-%m-%dT%H:%M:%S") + "." + frac + "Z " + line)
sys.stdout.write("\n".join(out) + "\n")
'
}

gha_job_header() { # $1 = job name
  cat <<EOF
Current runner version: '2.329.0'
##[group]Runner Image Provisioner
Hosted Compute Agent
Version: 20251016.436
Commit: 8ab8ac8bfd662a3739dab9fe09456aba92132568
Build Date: 2025-10-15T20:44:12Z
##[endgroup]
##[group]Operating System
Ubuntu
24.04.3
LTS
##[endgroup]
##[group]Runner Image
Image: ubuntu-24.04
Version: 20261116.1
Included Software: https://github.com/actions/runner-images/blob/ubuntu24/20261116.1/images/ubuntu/Ubuntu2404-Readme.md
Image Release: https://github.com/actions/runner-images/releases/tag/ubuntu24%2F20261116.1
##[endgroup]
##[group]GITHUB_TOKEN Permissions
Contents: read
Metadata: read
##[endgroup]
Secret source: Actions
Prepare workflow directory
Prepare all required actions
Getting action download info
Download action repository 'actions/checkout@v4'
Download action repository '$2'
Complete job name: $1
EOF
}

gha_checkout() { # $1 = owner/repo
  local repo="$1" name="${1#*/}"
  cat <<EOF
@@+1.2
##[group]Run actions/checkout@v4
with:
  repository: $repo
  token: ***
  ssh-strict: true
  ssh-user: git
  persist-credentials: true
  clean: true
  sparse-checkout-cone-mode: true
  fetch-depth: 1
  fetch-tags: false
  show-progress: true
  lfs: false
  submodules: false
  set-safe-directory: true
##[endgroup]
Syncing repository: $repo
##[group]Getting Git version info
Working directory is '/home/runner/work/$name/$name'
[command]/usr/bin/git version
git version 2.51.2
##[endgroup]
Deleting the contents of '/home/runner/work/$name/$name'
##[group]Initializing the repository
[command]/usr/bin/git init /home/runner/work/$name/$name
Initialized empty Git repository in /home/runner/work/$name/$name/.git/
[command]/usr/bin/git remote add origin https://github.com/$repo
##[endgroup]
##[group]Fetching the repository
[command]/usr/bin/git -c protocol.version=2 fetch --no-tags --prune --no-recurse-submodules --depth=1 origin +3f9c2a1d8e7b6c5a4f3e2d1c0b9a8f7e6d5c4b3a:refs/remotes/origin/main
From https://github.com/$repo
 * [new ref]         3f9c2a1d8e7b6c5a4f3e2d1c0b9a8f7e6d5c4b3a -> origin/main
##[endgroup]
##[group]Checking out the ref
[command]/usr/bin/git checkout --progress --force -B main refs/remotes/origin/main
Switched to a new branch 'main'
branch 'main' set up to track 'origin/main'.
##[endgroup]
[command]/usr/bin/git log -1 --format=%H
3f9c2a1d8e7b6c5a4f3e2d1c0b9a8f7e6d5c4b3a
EOF
}

gha_post() { # $1 = owner/repo
  local name="${1#*/}"
  cat <<EOF
@@+0.4
Post job cleanup.
[command]/usr/bin/git version
git version 2.51.2
Temporarily overriding HOME='/home/runner/work/_temp/5d0c6f1e-7a2b-4c3d-9e8f-0a1b2c3d4e5f' before making global git config changes
Adding repository directory to the temporary git global config as a safe directory
[command]/usr/bin/git config --global --add safe.directory /home/runner/work/$name/$name
[command]/usr/bin/git config --local --name-only --get-regexp core\.sshCommand
[command]/usr/bin/git submodule foreach --recursive sh -c "git config --local --name-only --get-regexp 'core\.sshCommand' && git config --local --unset-all 'core.sshCommand' || :"
[command]/usr/bin/git config --local --name-only --get-regexp http\.https\:\/\/github\.com\/\.extraheader
http.https://github.com/.extraheader
[command]/usr/bin/git config --local --unset-all http.https://github.com/.extraheader
@@+0.2
Cleaning up orphan processes
EOF
}

# GitLab CI raw trace helpers (ANSI as gitlab-runner writes it).
E=$'\e'; CR=$'\r'
GL_T=1795514400   # 2026-11-24T10:00:00Z
gl_start() { printf '%s[0Ksection_start:%d:%s%s%s[0K%s[0K%s[36;1m%s%s[0;m\n' "$E" "$GL_T" "$1" "$CR" "$E" "$E" "$E" "$2" "$E"; }
gl_end()   { printf '%s[0Ksection_end:%d:%s%s%s[0K\n' "$E" "$GL_T" "$1" "$CR" "$E"; }
gl_info()  { printf '%s[0K%s%s[0;m\n' "$E" "$1" "$E"; }
gl_green() { printf '%s[32;1m%s%s[0;m\n' "$E" "$1" "$E"; }
gl_tick()  { GL_T=$((GL_T + $1)); }

# ------------------------------------------------------------ maven helpers --
# pom ARTIFACT [EXTRA_DEPENDENCIES_XML] [SUREFIRE_CONFIGURATION_XML]
pom() {
  cat <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0"
         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
  <modelVersion>4.0.0</modelVersion>
  <groupId>com.example</groupId>
  <artifactId>$1</artifactId>
  <version>1.0.0-SNAPSHOT</version>
  <properties>
    <maven.compiler.release>21</maven.compiler.release>
    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
  </properties>
  <dependencies>
    <dependency>
      <groupId>org.junit.jupiter</groupId>
      <artifactId>junit-jupiter</artifactId>
      <version>5.11.4</version>
      <scope>test</scope>
    </dependency>${2:-}
  </dependencies>
  <build>
    <pluginManagement>
      <plugins>
        <plugin><artifactId>maven-clean-plugin</artifactId><version>3.4.0</version></plugin>
        <plugin><artifactId>maven-resources-plugin</artifactId><version>3.3.1</version></plugin>
        <plugin><artifactId>maven-compiler-plugin</artifactId><version>3.13.0</version></plugin>
        <plugin><artifactId>maven-surefire-plugin</artifactId><version>3.5.2</version></plugin>
        <plugin><artifactId>maven-jar-plugin</artifactId><version>3.4.2</version></plugin>
        <plugin><artifactId>maven-install-plugin</artifactId><version>3.1.3</version></plugin>
      </plugins>
    </pluginManagement>
    <plugins>
      <plugin>
        <artifactId>maven-surefire-plugin</artifactId>
        <configuration>${3:-}
        </configuration>
      </plugin>
    </plugins>
  </build>
</project>
EOF
}

calculator_java() {
  cat <<'EOF'
package com.example;

public class Calculator {
    public int add(int a, int b) {
        return a + b;
    }

    public int subtract(int a, int b) {
        return a + b; // bug: should be a - b
    }

    public int divide(int a, int b) {
        return a / b;
    }
}
EOF
}

# ================================================================ fixtures ==

fx_maven_compile_error() {
  local d="$WORK/maven-compile-error"; mkdir -p "$d/src/main/java/com/example"
  pom calc > "$d/pom.xml"
  cat > "$d/src/main/java/com/example/Calculator.java" <<'EOF'
package com.example;

public class Calculator {
    public int add(int a, int b) {
        return a + b;
    }

    public int parse(String text) {
        int value = text.trim();
        return value;
    }

    public String describe(int x) {
        return "value=" + format(x);
    }
}
EOF
  capture maven-compile-error "$d" $MVN -B -Dstyle.color=always verify
  raw maven-compile-error > "$OUT/maven-compile-error.log"
}

make_maven_test_project() { # DIR
  local d="$1"; mkdir -p "$d/src/main/java/com/example" "$d/src/test/java/com/example"
  pom calc > "$d/pom.xml"
  calculator_java > "$d/src/main/java/com/example/Calculator.java"
  cat > "$d/src/test/java/com/example/CalculatorTest.java" <<'EOF'
package com.example;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CalculatorTest {
    private final Calculator calc = new Calculator();

    @Test
    void adds() {
        assertEquals(4, calc.add(2, 2));
    }

    @Test
    void subtracts() {
        assertEquals(1, calc.subtract(3, 2), "3 - 2");
    }

    @Test
    void divides() {
        assertEquals(0, calc.divide(7, 0));
    }
}
EOF
}

fx_maven_test_failure() {
  local d="$WORK/maven-test-failure"; make_maven_test_project "$d"
  capture maven-test-failure "$d" $MVN -B verify
  raw maven-test-failure > "$OUT/maven-test-failure.log"
}

fx_maven_dependency() {
  local d="$WORK/maven-dependency"; mkdir -p "$d/src/main/java/com/example"
  pom billing '
    <dependency>
      <groupId>com.example.nonexistent</groupId>
      <artifactId>nothing</artifactId>
      <version>9.9.9</version>
    </dependency>' > "$d/pom.xml"
  calculator_java > "$d/src/main/java/com/example/Calculator.java"
  # forget any cached "not found" marker so Maven really asks Central again
  rm -rf "$HOME/.m2/repository/com/example/nonexistent"
  capture maven-dependency "$d" $MVN -B -Dstyle.color=always verify
  raw maven-dependency > "$OUT/maven-dependency.log"
}

fx_maven_network() {
  local d="$WORK/maven-network"; mkdir -p "$d/src/main/java/com/example"
  pom calc > "$d/pom.xml"
  calculator_java > "$d/src/main/java/com/example/Calculator.java"
  # A corporate mirror that is down: nothing listens on 127.0.0.1:9.
  cat > "$d/settings.xml" <<'EOF'
<settings>
  <mirrors>
    <mirror>
      <id>corp-nexus</id>
      <mirrorOf>*</mirrorOf>
      <url>http://127.0.0.1:9/repository/maven-public/</url>
    </mirror>
  </mirrors>
</settings>
EOF
  capture maven-network "$d" $MVN -B -s settings.xml -Dmaven.repo.local="$d/.m2repo" verify
  raw maven-network > "$OUT/maven-network.log"
}

fx_maven_flaky() {
  local d="$WORK/maven-flaky"; mkdir -p "$d/src/main/java/com/example" "$d/src/test/java/com/example"
  pom calc "" '
          <runOrder>alphabetical</runOrder>
          <rerunFailingTestsCount>2</rerunFailingTestsCount>' > "$d/pom.xml"
  calculator_java > "$d/src/main/java/com/example/Calculator.java"
  cat > "$d/src/test/java/com/example/AsyncConnectionPoolTest.java" <<'EOF'
package com.example;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class AsyncConnectionPoolTest {
    // Fails on the first attempt, passes on the rerun (marker file in target/).
    @Test
    void acquiresConnectionWithinTimeout() throws Exception {
        Path marker = Path.of("target", "connection-pool-first-attempt");
        boolean firstAttempt = !Files.exists(marker);
        if (firstAttempt) {
            Files.createFile(marker);
        }
        assertTrue(!firstAttempt, "timed out after 500 ms waiting for a pooled connection");
    }
}
EOF
  cat > "$d/src/test/java/com/example/CalculatorTest.java" <<'EOF'
package com.example;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CalculatorTest {
    private final Calculator calc = new Calculator();

    @Test
    void adds() {
        assertEquals(4, calc.add(2, 2));
    }

    @Test
    void subtracts() {
        assertEquals(1, calc.subtract(3, 2), "3 - 2");
    }
}
EOF
  capture maven-flaky "$d" $MVN -B verify
  raw maven-flaky > "$OUT/maven-flaky.log"
}

make_maven_oom_project() { # DIR ARGLINE
  local d="$1"; mkdir -p "$d/src/main/java/com/example" "$d/src/test/java/com/example"
  pom reports "" "
          <argLine>$2</argLine>" > "$d/pom.xml"
  calculator_java > "$d/src/main/java/com/example/Calculator.java"
  cat > "$d/src/test/java/com/example/ReportCacheTest.java" <<'EOF'
package com.example;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportCacheTest {
    @Test
    void cachesAllReports() {
        List<byte[]> cache = new ArrayList<>();
        for (int i = 0; i < 1_000_000; i++) {
            cache.add(new byte[1024 * 1024]); // 1 MiB per "report"
        }
        assertTrue(cache.size() > 0);
    }
}
EOF
}

fx_maven_oom() {
  local d="$WORK/maven-oom"; make_maven_oom_project "$d" "-Xmx32m"
  capture maven-oom "$d" $MVN -B verify
  raw maven-oom > "$OUT/maven-oom.log"
}

fx_maven_oom_heapdump() {
  local d="$WORK/maven-oom-heapdump"
  make_maven_oom_project "$d" "-Xmx32m -XX:+HeapDumpOnOutOfMemoryError -XX:HeapDumpPath=target"
  capture maven-oom-heapdump "$d" $MVN -B verify
  raw maven-oom-heapdump > "$OUT/maven-oom-heapdump.log"
  rm -f "$d"/target/*.hprof
}

# The forked test JVM is an older JDK than the one that compiled the classes.
fx_maven_jdk_mismatch() {
  local d="$WORK/maven-jdk-mismatch"; make_maven_test_project "$d"
  capture maven-jdk-mismatch "$d" $MVN -B -Djvm=/usr/lib/jvm/java-17-openjdk-amd64/bin/java verify
  raw maven-jdk-mismatch > "$OUT/maven-jdk-mismatch.log"
}

# ------------------------------------------------------------------- gradle --
fx_gradle_compile_error() {
  command -v gradle >/dev/null || { echo "  gradle not installed: skipping" >&2; return; }
  local d="$WORK/gradle-compile-error"; mkdir -p "$d/src/main/java/com/example"
  cat > "$d/settings.gradle" <<'EOF'
rootProject.name = 'inventory'
EOF
  cat > "$d/build.gradle" <<'EOF'
apply plugin: 'java'
sourceCompatibility = 1.8
targetCompatibility = 1.8
EOF
  cat > "$d/src/main/java/com/example/Inventory.java" <<'EOF'
package com.example;

import java.util.List;

public class Inventory {
    public int count(List<String> items) {
        String total = items.size();
        return total;
    }
}
EOF
  capture gradle-compile-error "$d" env JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64 \
    gradle --no-daemon --console=plain -g "$WORK/gradle-home" build
  raw gradle-compile-error > "$OUT/gradle-compile-error.log"
}

fx_gradle_test_failure() {
  command -v gradle >/dev/null || { echo "  gradle not installed: skipping" >&2; return; }
  local d="$WORK/gradle-test-failure"; mkdir -p "$d/src/main/java/com/example" "$d/src/test/java/com/example"
  cat > "$d/settings.gradle" <<'EOF'
rootProject.name = 'inventory'
EOF
  cat > "$d/build.gradle" <<'EOF'
apply plugin: 'java'
sourceCompatibility = 1.8
targetCompatibility = 1.8
repositories { mavenCentral() }
dependencies { testCompile 'junit:junit:4.13.2' }
EOF
  cat > "$d/src/main/java/com/example/Inventory.java" <<'EOF'
package com.example;

import java.util.List;

public class Inventory {
    public int count(List<String> items) {
        return items.size() - 1; // bug: off by one
    }

    public String first(List<String> items) {
        return items.get(0);
    }
}
EOF
  cat > "$d/src/test/java/com/example/InventoryTest.java" <<'EOF'
package com.example;

import static org.junit.Assert.assertEquals;

import java.util.Arrays;
import java.util.Collections;
import org.junit.Test;

public class InventoryTest {
    private final Inventory inventory = new Inventory();

    @Test
    public void countsItems() {
        assertEquals(3, inventory.count(Arrays.asList("a", "b", "c")));
    }

    @Test
    public void firstOfEmptyIsNull() {
        assertEquals(null, inventory.first(Collections.<String>emptyList()));
    }

    @Test
    public void firstItem() {
        assertEquals("a", inventory.first(Arrays.asList("a", "b")));
    }
}
EOF
  capture gradle-test-failure "$d" env JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64 \
    gradle --no-daemon --console=plain -g "$WORK/gradle-home" build
  raw gradle-test-failure > "$OUT/gradle-test-failure.log"
}

# ---------------------------------------------------------------------- npm --
fx_npm_dependency() {
  local d="$WORK/npm-dependency"; mkdir -p "$d"
  cat > "$d/package.json" <<'EOF'
{
  "name": "web-app",
  "version": "1.0.0",
  "private": true,
  "dependencies": {
    "sremcp-fixture-left-pad-that-does-not-exist": "^1.0.0"
  }
}
EOF
  capture npm-dependency "$d" npm install
  raw npm-dependency > "$OUT/npm-dependency.log"
}

make_node_test_project() { # DIR
  local d="$1"; mkdir -p "$d/src" "$d/test"
  cat > "$d/package.json" <<'EOF'
{
  "name": "web-app",
  "version": "1.0.0",
  "private": true,
  "scripts": {
    "test": "node --test"
  }
}
EOF
  cat > "$d/src/math.js" <<'EOF'
'use strict';

function add(a, b) {
  return a + b;
}

function divide(a, b) {
  return Math.floor(a / b); // bug: integer division
}

module.exports = { add, divide };
EOF
  cat > "$d/test/math.test.js" <<'EOF'
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const { add, divide } = require('../src/math');

test('adds', () => {
  assert.strictEqual(add(2, 2), 4);
});

test('divides', () => {
  assert.strictEqual(divide(7, 2), 3.5);
});
EOF
}

fx_npm_test_failure() {
  local d="$WORK/npm-test-failure"; make_node_test_project "$d"
  capture npm-test-failure "$d" npm test
  raw npm-test-failure > "$OUT/npm-test-failure.log"
}

fx_npm_lint() {
  local d="$WORK/npm-lint"; mkdir -p "$d/src"
  cat > "$d/package.json" <<'EOF'
{
  "name": "web-app",
  "version": "1.0.0",
  "private": true,
  "scripts": {
    "lint": "eslint src"
  },
  "devDependencies": {
    "@eslint/js": "9.39.5",
    "eslint": "9.39.5",
    "globals": "16.5.0"
  }
}
EOF
  cat > "$d/eslint.config.js" <<'EOF'
const js = require('@eslint/js');
const globals = require('globals');

module.exports = [
  js.configs.recommended,
  {
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { 'no-console': 'warn' },
  },
];
EOF
  cat > "$d/src/server.js" <<'EOF'
'use strict';

console.log('starting server');

function handler(req, res) {
  const unused = 42;
  if (req.method == 'GET') {
    res.end(renderPage(req.url));
  }
}

module.exports = { handler };
EOF
  capture npm-lint "$d" bash -c 'npm install && npm run lint'
  raw npm-lint > "$OUT/npm-lint.log"
}

# ------------------------------------------------------------------- pytest --
fx_pytest_failure() {
  local d="$WORK/pytest-failure"; mkdir -p "$d"
  cat > "$d/mathlib.py" <<'EOF'
def add(a, b):
    return a + b


def divide(a, b):
    return a // b  # bug: floor division


def parse_amount(text):
    return int(text)
EOF
  cat > "$d/test_math.py" <<'EOF'
from mathlib import add, divide, parse_amount


def test_add():
    assert add(2, 2) == 4


def test_div():
    assert divide(7, 2) == 3.5


def test_parse_amount():
    assert parse_amount("12.50") == 12.5
EOF
  capture pytest-failure "$d" python3 -m pytest -p no:cacheprovider
  raw pytest-failure > "$OUT/pytest-failure.log"
}

# ----------------------------------------------------------------------- go --
make_go_project() { # DIR
  local d="$1"; mkdir -p "$d/strutil"
  cat > "$d/go.mod" <<'EOF'
module example.com/calc

go 1.19
EOF
  cat > "$d/strutil/strutil.go" <<'EOF'
package strutil

import "strings"

func Shout(s string) string { return strings.ToUpper(s) + "!" }
EOF
  cat > "$d/strutil/strutil_test.go" <<'EOF'
package strutil

import "testing"

func TestShout(t *testing.T) {
	if got := Shout("hi"); got != "HI!" {
		t.Errorf("Shout(hi) = %q", got)
	}
}
EOF
}

fx_go_compile_error() {
  local d="$WORK/go-compile-error"; make_go_project "$d"
  cat > "$d/calc.go" <<'EOF'
package calc

import "strconv"

func Add(a, b int) int { return a + b }

func Parse(text string) int {
	var value int = text
	return value
}

func Describe(x int) string {
	return "value=" + format(x)
}

var _ = strconv.Itoa
EOF
  capture go-compile-error "$d" go build ./...
  raw go-compile-error > "$OUT/go-compile-error.log"
}

write_go_calc() { # DIR
  cat > "$1/calc.go" <<'EOF'
package calc

import "strconv"

func Add(a, b int) int { return a + b }

func Divide(a, b int) float64 { return float64(a / b) } // bug: integer division

func Parse(text string) (int, error) { return strconv.Atoi(text) }
EOF
}

fx_go_test_failure() {
  local d="$WORK/go-test-failure"; make_go_project "$d"; write_go_calc "$d"
  cat > "$d/calc_test.go" <<'EOF'
package calc

import "testing"

func TestAdd(t *testing.T) {
	if got := Add(2, 2); got != 4 {
		t.Errorf("Add(2, 2) = %d, want 4", got)
	}
}

func TestDivide(t *testing.T) {
	if got := Divide(7, 2); got != 3.5 {
		t.Errorf("Divide(7, 2) = %v, want 3.5", got)
	}
}
EOF
  capture go-test-failure "$d" go test ./...
  raw go-test-failure > "$OUT/go-test-failure.log"
}

fx_go_test_timeout() {
  local d="$WORK/go-test-timeout"; make_go_project "$d"; write_go_calc "$d"
  cat > "$d/calc_test.go" <<'EOF'
package calc

import (
	"testing"
	"time"
)

func TestAdd(t *testing.T) {
	if got := Add(2, 2); got != 4 {
		t.Errorf("Add(2, 2) = %d, want 4", got)
	}
}

func TestSlowIntegration(t *testing.T) {
	time.Sleep(10 * time.Second) // waits for a backend that never answers
}
EOF
  capture go-test-timeout "$d" go test -v -timeout 2s ./...
  raw go-test-timeout > "$OUT/go-test-timeout.log"
}

# ------------------------------------------------------- wrapped: jenkins --
fx_jenkins_go() {
  local d; d=$(ws /var/lib/jenkins/workspace/calc-service_main); make_go_project "$d"; write_go_calc "$d"
  cat > "$d/calc_test.go" <<'EOF'
package calc

import "testing"

func TestAdd(t *testing.T) {
	if got := Add(2, 2); got != 4 {
		t.Errorf("Add(2, 2) = %d, want 4", got)
	}
}

func TestParse(t *testing.T) {
	cases := []struct {
		name, in string
		want     int
	}{
		{"positive", "42", 42},
		{"negative", "-7", -7},
		{"with_plus", "+5", 5},
		{"with_spaces", " 8 ", 8},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := Parse(c.in)
			if err != nil {
				t.Fatalf("Parse(%q) returned error: %v", c.in, err)
			}
			if got != c.want {
				t.Errorf("Parse(%q) = %d, want %d", c.in, got, c.want)
			}
		})
	}
}
EOF
  # Jenkins `sh` runs the script with `sh -xe`, so the trace line "+ cmd" is real.
  capture jenkins-go-build "$d" sh -xe -c 'go version
go vet ./...
go build ./...'
  capture jenkins-go-test "$d" sh -xe -c 'go test ./...'
  {
    cat <<'EOF'
Started by user Jane Doe
[Pipeline] Start of Pipeline
[Pipeline] node
Running on linux-agent-2 in /var/lib/jenkins/workspace/calc-service_main
[Pipeline] {
[Pipeline] stage
[Pipeline] { (Declarative: Checkout SCM)
[Pipeline] checkout
The recommended git tool is: NONE
No credentials specified
 > git rev-parse --resolve-git-dir /var/lib/jenkins/workspace/calc-service_main/.git # timeout=10
Fetching changes from the remote Git repository
 > git config remote.origin.url https://git.example.com/acme/calc-service.git # timeout=10
Fetching upstream changes from https://git.example.com/acme/calc-service.git
 > git --version # timeout=10
 > git --version # 'git version 2.39.5'
 > git fetch --tags --force --progress -- https://git.example.com/acme/calc-service.git +refs/heads/*:refs/remotes/origin/* # timeout=10
 > git rev-parse refs/remotes/origin/main^{commit} # timeout=10
Checking out Revision 3f9c2a1d8e7b6c5a4f3e2d1c0b9a8f7e6d5c4b3a (refs/remotes/origin/main)
 > git config core.sparsecheckout # timeout=10
 > git checkout -f 3f9c2a1d8e7b6c5a4f3e2d1c0b9a8f7e6d5c4b3a # timeout=10
Commit message: "Accept signs and spaces in Parse"
 > git rev-list --no-walk 9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d # timeout=10
[Pipeline] }
[Pipeline] // stage
[Pipeline] withEnv
[Pipeline] {
[Pipeline] stage
[Pipeline] { (Build)
[Pipeline] sh
EOF
    raw jenkins-go-build
    cat <<'EOF'
[Pipeline] }
[Pipeline] // stage
[Pipeline] stage
[Pipeline] { (Test)
[Pipeline] sh
EOF
    raw jenkins-go-test
    cat <<'EOF'
[Pipeline] }
[Pipeline] // stage
[Pipeline] stage
[Pipeline] { (Deploy)
Stage "Deploy" skipped due to earlier failure(s)
[Pipeline] getContext
[Pipeline] }
[Pipeline] // stage
[Pipeline] }
[Pipeline] // withEnv
[Pipeline] }
[Pipeline] // node
[Pipeline] End of Pipeline
EOF
    echo "ERROR: script returned exit code $(rc jenkins-go-test)"
    echo "Finished: FAILURE"
  } > "$OUT/jenkins-go.log"
}

# ------------------------------------------------ wrapped: github actions --
gha_setup_java() {
  cat <<'EOF'
@@+0.9
##[group]Run actions/setup-java@v4
with:
  distribution: temurin
  java-version: 25
  cache: maven
  java-package: jdk
  check-latest: false
  server-id: github
  server-username: GITHUB_ACTOR
  server-password: GITHUB_TOKEN
  overwrite-settings: true
  job-status: success
  token: ***
##[endgroup]
##[group]Installed distributions
Resolved Java 25.0.3+9.0.LTS from tool-cache
Setting Java 25.0.3+9.0.LTS as the default
Creating toolchains.xml for JDK version 25 from temurin
Writing to /home/runner/.m2/toolchains.xml

Java configuration:
  Distribution: temurin
  Version: 25.0.3+9.0.LTS
  Path: /opt/hostedtoolcache/Java_Temurin-Hotspot_jdk/25.0.3-9.0.LTS/x64

##[endgroup]
Creating settings.xml with server-id: github
Writing to /home/runner/.m2/settings.xml
maven cache is not found
EOF
}

fx_github_actions_maven() {
  local d; d=$(ws /home/runner/work/calc/calc); make_maven_test_project "$d"
  capture github-actions-maven "$d" $MVN -B verify
  {
    gha_job_header build actions/setup-java@v4
    gha_checkout acme/calc
    gha_setup_java
    cat <<'EOF'
@@+0.6
##[group]Run mvn -B verify
mvn -B verify
shell: /usr/bin/bash -e {0}
env:
  JAVA_HOME: /opt/hostedtoolcache/Java_Temurin-Hotspot_jdk/25.0.3-9.0.LTS/x64
  JAVA_HOME_25_X64: /opt/hostedtoolcache/Java_Temurin-Hotspot_jdk/25.0.3-9.0.LTS/x64
##[endgroup]
EOF
    raw github-actions-maven
    echo "@@+$(secs github-actions-maven)"
    echo "##[error]Process completed with exit code $(rc github-actions-maven)."
    gha_post acme/calc
  } | gha_stamp > "$OUT/github-actions-maven.log"
}

fx_github_actions_npm_dependency() {
  local d; d=$(ws /home/runner/work/web-app/web-app)
  cat > "$d/package.json" <<'EOF'
{
  "name": "web-app",
  "version": "1.0.0",
  "private": true,
  "scripts": {
    "test": "node --test"
  },
  "dependencies": {
    "@sremcp-fixtures/design-tokens": "^2.4.0"
  }
}
EOF
  mkdir -p "${CI_ROOT}/home/runner"
  capture github-actions-npm-dependency "$d" env HOME="${CI_ROOT}/home/runner" npm install
  {
    gha_job_header test actions/setup-node@v4
    gha_checkout acme/web-app
    cat <<'EOF'
@@+0.8
##[group]Run actions/setup-node@v4
with:
  node-version: 20
  always-auth: false
  check-latest: false
  token: ***
##[endgroup]
Found in cache @ /opt/hostedtoolcache/node/20.20.2/x64
##[group]Environment details
node: v20.20.2
npm: 11.19.1
yarn: 1.22.22
##[endgroup]
@@+0.4
##[group]Run npm install
npm install
shell: /usr/bin/bash -e {0}
##[endgroup]
EOF
    raw github-actions-npm-dependency
    echo "@@+$(secs github-actions-npm-dependency)"
    echo "##[error]Process completed with exit code $(rc github-actions-npm-dependency)."
    echo "@@+0.2"
    gha_post acme/web-app
  } | gha_stamp > "$OUT/github-actions-npm-dependency.log"
}

fx_github_actions_killed() {
  local d; d=$(ws /home/runner/work/importer/importer); mkdir -p "$d/scripts"
  cat > "$d/scripts/integration-test.sh" <<'EOF'
#!/usr/bin/env bash
set -euo pipefail
echo "Starting integration test suite (3 suites)"
echo "suite 1/3: api ... ok (12 tests)"
echo "suite 2/3: import ... loading fixture data"
python3 scripts/load_fixtures.py
echo "suite 3/3: export ... ok"
EOF
  # The loader grows its memory and is then SIGKILLed (it kills itself at
  # 256 MiB, standing in for the kernel OOM killer of a small runner).
  cat > "$d/scripts/load_fixtures.py" <<'EOF'
import os, signal, sys
chunks = []
for i in range(1, 1000):
    chunks.append(bytearray(16 * 1024 * 1024))
    if i % 4 == 0:
        print(f"loaded {i * 16} MiB of fixture rows", flush=True)
    if i * 16 >= 256:
        os.kill(os.getpid(), signal.SIGKILL)
EOF
  chmod +x "$d/scripts/integration-test.sh"
  # GitHub runs a `run:` step with no `shell:` as: bash --noprofile --norc -e <tmpfile>
  printf './scripts/integration-test.sh\n' > "$WORK/step.sh"
  capture github-actions-killed "$d" bash --noprofile --norc -e "$WORK/step.sh"
  {
    gha_job_header integration actions/setup-python@v5
    gha_checkout acme/importer
    cat <<'EOF'
@@+0.5
##[group]Run ./scripts/integration-test.sh
./scripts/integration-test.sh
shell: /usr/bin/bash -e {0}
##[endgroup]
EOF
    raw github-actions-killed
    echo "@@+$(secs github-actions-killed)"
    echo "##[error]Process completed with exit code $(rc github-actions-killed)."
    echo "@@+0.2"
    gha_post acme/importer
  } | gha_stamp > "$OUT/github-actions-killed.log"
}

# -------------------------------------------------------- wrapped: gitlab --
fx_gitlab_npm() {
  local d; d=$(ws /builds/acme/web-app); make_node_test_project "$d"
  ( cd "$d" && npm install --package-lock-only >/dev/null 2>&1 )
  capture gitlab-npm-node "$d" node --version
  capture gitlab-npm-ci "$d" npm ci
  capture gitlab-npm-test "$d" npm test
  {
    gl_info "Running with gitlab-runner 18.5.0 (7c4e2f1a)"
    gl_info "  on shared-runner-3 xK7pQ2mZt, system ID: s_4f8a2c9e1b7d"
    gl_start prepare_executor 'Preparing the "docker" executor'
    gl_info "Using Docker executor with image node:20 ..."
    gl_info "Pulling docker image node:20 ..."
    gl_info "Using docker image sha256:0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c for node:20 with digest node@sha256:1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b ..."
    gl_tick 6; gl_end prepare_executor
    gl_start prepare_script "Preparing environment"
    echo "Running on runner-xk7pq2mzt-project-4242-concurrent-0 via shared-runner-3..."
    gl_tick 1; gl_end prepare_script
    gl_start get_sources "Getting source from Git repository"
    gl_green "Fetching changes with git depth set to 20..."
    echo "Initialized empty Git repository in /builds/acme/web-app/.git/"
    gl_green "Created fresh repository."
    gl_green "Checking out 3f9c2a1d as detached HEAD (ref is main)..."
    echo
    gl_green "Skipping Git submodules setup"
    gl_tick 2; gl_end get_sources
    gl_start step_script 'Executing "step_script" stage of the job script'
    gl_info "Using docker image sha256:0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c for node:20 with digest node@sha256:1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b ..."
    gl_green '$ node --version'
    raw gitlab-npm-node
    gl_green '$ npm ci'
    raw gitlab-npm-ci
    gl_green '$ npm test'
    raw gitlab-npm-test
    gl_tick "$(python3 -c "import math,sys; print(1+math.ceil(sum(float(x) for x in sys.argv[1:])))" "$(secs gitlab-npm-ci)" "$(secs gitlab-npm-test)")"; gl_end step_script
    gl_start cleanup_file_variables "Cleaning up project directory and file based variables"
    gl_tick 1; gl_end cleanup_file_variables
    printf '%s[31;1mERROR: Job failed: exit code %s\n%s[0;m\n' "$E" "$(rc gitlab-npm-test)" "$E"
  } > "$OUT/gitlab-npm.log"
}

# ------------------------------------------------------------ fixtures.json --
# firstErrorLine is computed, not typed: it is the 1-based number of the first
# line (lines split on "\n" only) that contains firstErrorContains. "after", when
# given, must occur on an earlier line first (to skip a flaky test's first run).
write_fixtures_json() {
  OUT="$OUT" python3 - <<'PYEOF'
import json, os
OUT = os.environ["OUT"]
M = [
 # file, format, tool, category, failingStep, firstErrorContains, failingTests, flaky
 ("maven-compile-error.log", "plain", "maven", "compile", None,
  "incompatible types: java.lang.String cannot be converted to int", [], False),
 ("maven-test-failure.log", "plain", "maven", "test", None,
  "com.example.CalculatorTest.subtracts -- Time elapsed",
  ["com.example.CalculatorTest.subtracts", "com.example.CalculatorTest.divides"], False),
 ("maven-dependency.log", "plain", "maven", "dependency", None,
  "Could not find artifact com.example.nonexistent:nothing:jar:9.9.9", [], False),
 ("maven-network.log", "plain", "maven", "network", None,
  "Connection refused", [], False),
 ("maven-flaky.log", "plain", "maven", "test", None,
  "com.example.CalculatorTest.subtracts -- Time elapsed",
  ["com.example.CalculatorTest.subtracts"], True),
 ("maven-oom.log", "plain", "maven", "oom", None,
  "Java heap space", [], False),
 ("maven-oom-heapdump.log", "plain", "maven", "oom", None,
  "java.lang.OutOfMemoryError: Java heap space", [], False),
 ("maven-jdk-mismatch.log", "plain", "maven", "infrastructure", None,
  "has been compiled by a more recent version of the Java Runtime", [], False),
 ("gradle-compile-error.log", "plain", "gradle", "compile", None,
  "Inventory.java:7: error: incompatible types", [], False),
 ("gradle-test-failure.log", "plain", "gradle", "test", None,
  "com.example.InventoryTest > countsItems FAILED",
  ["com.example.InventoryTest.countsItems", "com.example.InventoryTest.firstOfEmptyIsNull"], False),
 ("npm-dependency.log", "plain", "npm", "dependency", None,
  "npm error code E404", [], False),
 ("npm-test-failure.log", "plain", "npm", "test", None,
  "not ok 2 - divides", ["divides"], False),
 ("npm-lint.log", "plain", "npm", "lint", None,
  "'unused' is assigned a value but never used", [], False),
 ("pytest-failure.log", "plain", "pytest", "test", None,
  "E       assert 3 == 3.5", ["test_math.py::test_div", "test_math.py::test_parse_amount"], False),
 ("go-compile-error.log", "plain", "go", "compile", None,
  "./calc.go:8:18: cannot use text", [], False),
 ("go-test-failure.log", "plain", "go", "test", None,
  "--- FAIL: TestDivide", ["TestDivide"], False),
 ("go-test-timeout.log", "plain", "go", "timeout", None,
  "panic: test timed out after 2s", ["TestSlowIntegration"], False),
 ("github-actions-maven.log", "github-actions", "maven", "test", "Run mvn -B verify",
  "com.example.CalculatorTest.subtracts -- Time elapsed",
  ["com.example.CalculatorTest.subtracts", "com.example.CalculatorTest.divides"], False),
 ("github-actions-npm-dependency.log", "github-actions", "npm", "dependency", "Run npm install",
  "npm error code E404", [], False),
 ("github-actions-killed.log", "github-actions", "shell", "killed", "Run ./scripts/integration-test.sh",
  "Killed                  python3 scripts/load_fixtures.py", [], False),
 ("gitlab-npm.log", "gitlab", "npm", "test", "step_script",
  "not ok 2 - divides", ["divides"], False),
 ("jenkins-go.log", "jenkins", "go", "test", "Test",
  "--- FAIL: TestParse (", ["TestParse", "TestParse/with_spaces"], False),
]
out = []
for (f, fmt, tool, cat, step, contains, tests, flaky) in M:
    path = os.path.join(OUT, f)
    if not os.path.exists(path):
        continue
    lines = open(path, "rb").read().decode("utf-8").split("\n")
    hits = [i + 1 for i, l in enumerate(lines) if contains in l]
    if not hits:
        raise SystemExit("%s: %r not found" % (f, contains))
    out.append({"file": f, "format": fmt, "tool": tool, "category": cat,
                "failingStep": step, "firstErrorLine": hits[0],
                "firstErrorContains": contains, "failingTests": tests, "flaky": flaky})
with open(os.path.join(OUT, "fixtures.json"), "w") as fh:
    json.dump(out, fh, indent=2)
    fh.write("\n")
print("wrote fixtures.json with %d fixtures" % len(out))
PYEOF
}

# ==================================================================== main ==
ALL=(maven-compile-error maven-test-failure maven-dependency maven-network
     maven-flaky maven-oom maven-oom-heapdump maven-jdk-mismatch
     gradle-compile-error gradle-test-failure npm-dependency npm-test-failure
     npm-lint pytest-failure go-compile-error go-test-failure go-test-timeout
     github-actions-maven github-actions-npm-dependency github-actions-killed
     gitlab-npm jenkins-go)
SEL=("$@"); [ ${#SEL[@]} -eq 0 ] && SEL=("${ALL[@]}")
for f in "${SEL[@]}"; do
  echo "== $f" >&2
  "fx_${f//-/_}"
done
write_fixtures_json >&2
echo "done; logs in $OUT" >&2

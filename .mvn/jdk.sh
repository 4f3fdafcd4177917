# Finds a JDK 21 or newer: sourced by ./sre-mcp and ./mvnw, so that both work on a machine whose
# default java is older. POSIX sh (./mvnw runs under /bin/sh with globbing off).

sremcp_java_major() {
  sremcp_version="$("$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p')"
  echo "${sremcp_version%%.*}"
}

# Prints the first JDK 21+ among SREMCP_JAVA_HOME, JAVA_HOME, the java on the PATH and the usual
# install folders; fails when there is none.
sremcp_find_jdk() {
  case $- in *f*) sremcp_noglob=1; set +f ;; *) sremcp_noglob= ;; esac
  sremcp_found=
  for sremcp_candidate in "${SREMCP_JAVA_HOME:-}" "${JAVA_HOME:-}" \
      "$(dirname "$(dirname "$(readlink -f "$(command -v java 2>/dev/null || echo /nonexistent)")")" 2>/dev/null)" \
      /usr/lib/jvm/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -n "$sremcp_candidate" ] && [ -x "$sremcp_candidate/bin/java" ] && [ -x "$sremcp_candidate/bin/javac" ] || continue
    if [ "$(sremcp_java_major "$sremcp_candidate/bin/java")" -ge 21 ] 2>/dev/null; then
      sremcp_found="$sremcp_candidate"
      break
    fi
  done
  [ -z "$sremcp_noglob" ] || set -f
  [ -n "$sremcp_found" ] && echo "$sremcp_found"
}

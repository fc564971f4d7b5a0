# shellcheck shell=bash
# Sourced by scripts/test.sh and scripts/test-sanitizers.sh. `timed NAME COMMAND...` runs
# COMMAND (a program or a shell function) and prints its wall time and the CPU time (user +
# system) of the processes it ran: on a shared machine the CPU time, halved for the steps
# that keep both cores busy, estimates the step's time on an idle one.
cpu_file=$(mktemp)
trap 'rm -f "$cpu_file"' EXIT

# The CPU seconds of this shell's finished children so far (bash's `times`, second line).
children_cpu() {
  times >"$cpu_file"
  awk 'NR == 2 { n = 0; for (i = 1; i <= 2; i++) { split($i, t, "m"); n += t[1] * 60 + t[2] }
                 printf "%.0f\n", n }' "$cpu_file"
}

timed() {
  local name="$1"
  shift
  local start=$SECONDS before
  children_cpu >"$cpu_file.before"
  read -r before <"$cpu_file.before"
  rm -f "$cpu_file.before"
  "$@"
  children_cpu >"$cpu_file.after"
  echo "$name took $((SECONDS - start)) s (CPU $(($(cat "$cpu_file.after") - before)) s)"
  rm -f "$cpu_file.after"
}

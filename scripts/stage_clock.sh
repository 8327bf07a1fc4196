# Sourced by scripts/test.sh and scripts/sanitize.sh: each stage's wall time and the CPU time
# (user+sys) of the processes it ran, so that CI's logs give the cost of every stage.
#   stage_begin NAME; ...; stage_end      prints "== NAME" then "-- NAME: wall W s, CPU C s"
# CPU is read from this shell's /proc stat (cutime+cstime: every waited-for descendant), so it
# counts what make, ctest and the tests themselves ran, whatever the machine's other load.
stage_clock_ticks=$(getconf CLK_TCK)
stage_clock_cpu() {  # sets stage_clock_now to the children's CPU time in ticks
  local stat fields
  read -r stat <"/proc/$$/stat"
  # Fields after the command name (which is in parentheses and may hold spaces).
  read -ra fields <<<"${stat##*) }"
  # cutime and cstime are fields 16 and 17 of the stat line, 14 and 15 after the name.
  stage_clock_now=$((fields[13] + fields[14]))
}
stage_begin() {
  stage_clock_name=$1
  echo "== $1"
  stage_clock_wall=$SECONDS
  stage_clock_cpu
  stage_clock_start=$stage_clock_now
}
stage_end() {
  stage_clock_cpu
  local cpu=$(((stage_clock_now - stage_clock_start) / stage_clock_ticks))
  echo "-- $stage_clock_name: wall $((SECONDS - stage_clock_wall)) s, CPU $cpu s (user+sys)"
}

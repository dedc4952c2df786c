#!/usr/bin/env bash
# deploy/: the Kubernetes Indexed Job and the Slurm array script run the same wenshu command line
# as the shard test (tests/e2e/build_shards.sh), with only the index variable named as each
# scheduler names it; their shard counts agree with their array sizes; and each command line,
# run as the scheduler would run it on a small records tree, builds its shard.
. "$(dirname "$0")/lib/common.sh" "$@"
DEPLOY="$SRC/deploy"
# The wenshu arguments of the line that runs a shard, from "build --shard" to "${RECORDS}".
args_of() { grep -o 'build --shard .*"${RECORDS}"' "$1" | head -n 1; }
want=$(args_of "$SRC/tests/e2e/build_shards.sh")
[ -n "$want" ] || fail "no shard command line in build_shards.sh"
k8s=$(args_of "$DEPLOY/k8s-indexed-job.yaml" | sed 's/JOB_COMPLETION_INDEX/I/g')
slurm=$(args_of "$DEPLOY/slurm-array.sh" | sed 's/SLURM_ARRAY_TASK_ID/I/g')
[ "$k8s" = "$want" ] || fail "the Kubernetes Job runs another command line:
  job:  $k8s
  test: $want"
[ "$slurm" = "$want" ] || fail "the Slurm script runs another command line:
  script: $slurm
  test:   $want"

# Shard counts: the Job's completions = parallelism = SHARDS; the Slurm array 0..SHARDS-1.
completions=$(sed -n 's/^ *completions: *\([0-9]*\)$/\1/p' "$DEPLOY/k8s-indexed-job.yaml")
parallelism=$(sed -n 's/^ *parallelism: *\([0-9]*\)$/\1/p' "$DEPLOY/k8s-indexed-job.yaml")
shards=$(grep -A1 'name: SHARDS' "$DEPLOY/k8s-indexed-job.yaml" | sed -n 's/.*value: *"\([0-9]*\)".*/\1/p')
[ -n "$completions" ] && [ "$completions" = "$shards" ] && [ "$parallelism" = "$shards" ] ||
  fail "k8s: completions ($completions), parallelism ($parallelism) and SHARDS ($shards) differ"
grep -q 'completionMode: Indexed' "$DEPLOY/k8s-indexed-job.yaml" || fail "k8s: not an Indexed Job"
last=$(sed -n 's/^#SBATCH --array=0-\([0-9]*\)$/\1/p' "$DEPLOY/slurm-array.sh")
default=$(sed -n 's/^SHARDS=${SHARDS:-\([0-9]*\)}$/\1/p' "$DEPLOY/slurm-array.sh")
[ -n "$last" ] && [ $((last + 1)) = "$default" ] || fail "slurm: --array=0-$last but SHARDS defaults to $default"
bash -n "$DEPLOY/slurm-array.sh" || fail "slurm-array.sh: syntax"
if python3 -c 'import yaml' 2>/dev/null; then
  python3 -c 'import sys, yaml; d = yaml.safe_load(open(sys.argv[1])); assert d["kind"] == "Job"' \
    "$DEPLOY/k8s-indexed-job.yaml" || fail "k8s-indexed-job.yaml is not a YAML Job"
fi

# Run each command line as its scheduler would, on a small tree, with wenshu on PATH.
mkdir -p "$TMP/bin"
ln -s "$WENSHU" "$TMP/bin/wenshu"
export PATH="$TMP/bin:$PATH" RECORDS="$SRC/tests/e2e/build_data" YEAR=2009 FILING_DATE=2010-03-31 THREADS=1
# Kubernetes: the container's args string through /bin/sh -c, index 0 of 1.
job=$(sed -n '/^ *args:/,/volumeMounts:/p' "$DEPLOY/k8s-indexed-job.yaml" | sed -n '/- >-/,/exit/p' | sed '1d' |
  sed 's/^ *//' | tr '\n' ' ')
OUT="$TMP/k8s" SHARDS=1 JOB_COMPLETION_INDEX=0 /bin/sh -c "$job" >"$TMP/k8s.log" 2>&1 || { cat "$TMP/k8s.log"; fail "the Job's command failed"; }
[ -s "$TMP/k8s/shard-0/build-record.xml" ] || fail "the Job's command built nothing"
# Slurm: the script itself, task 0 of a 1-task array.
OUT="$TMP/slurm" SHARDS=1 SLURM_ARRAY_TASK_ID=0 SLURM_ARRAY_TASK_COUNT=1 SLURM_CPUS_PER_TASK=1 \
  bash "$DEPLOY/slurm-array.sh" >"$TMP/slurm.log" 2>&1 || { cat "$TMP/slurm.log"; fail "the Slurm script failed"; }
[ -s "$TMP/slurm/shard-0/build-record.xml" ] || fail "the Slurm script built nothing"
OUT="$TMP/slurm2" SHARDS=3 SLURM_ARRAY_TASK_ID=0 SLURM_ARRAY_TASK_COUNT=2 \
  bash "$DEPLOY/slurm-array.sh" >/dev/null 2>&1 && fail "the Slurm script ran with SHARDS unequal to the array size"
diff -r -x .wenshu "$TMP/k8s/shard-0" "$TMP/slurm/shard-0" >/dev/null || fail "the Job and the Slurm script built different files"
bash "$DEPLOY/check-union.sh" "$TMP/k8s/shard-0" >/dev/null || fail "check-union on a one-shard build"
echo "deploy_manifests: ok"

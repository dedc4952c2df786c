#!/bin/bash
# wenshu build over many committee × year units at once on Slurm: a job array, one task per
# shard (SLURM_ARRAY_TASK_ID = 0 … N - 1), every task reading the same records and writing its
# own folder OUT/shard-<task> on the shared file system. Together the folders hold exactly the
# files of one whole build (wenshu build --shard, docs/batch.md); check them with
# deploy/check-union.sh. Submit with the array size equal to SHARDS:
#   RECORDS=/shared/records OUT=/shared/out SHARDS=3 sbatch --array=0-2 deploy/slurm-array.sh
# The command line is the one tests/e2e/build_shards.sh runs (tests/e2e/deploy_manifests.sh).
#SBATCH --job-name=wenshu-build
#SBATCH --array=0-2
#SBATCH --cpus-per-task=2
#SBATCH --mem=2G
#SBATCH --output=wenshu-build-%A_%a.log
set -u
SHARDS=${SHARDS:-3}
YEAR=${YEAR:-2009}
FILING_DATE=${FILING_DATE:-$((YEAR + 1))-03-31}
THREADS=${SLURM_CPUS_PER_TASK:-2}
RECORDS=${RECORDS:?set RECORDS to the records folder on the shared file system}
OUT=${OUT:?set OUT to the output folder on the shared file system}
if [ "${SLURM_ARRAY_TASK_COUNT:-$SHARDS}" != "$SHARDS" ]; then
  echo "slurm-array.sh: SHARDS=$SHARDS but the array has ${SLURM_ARRAY_TASK_COUNT} tasks" >&2
  exit 2
fi
wenshu build --shard "${SLURM_ARRAY_TASK_ID}/${SHARDS}" --year "${YEAR}" --filing-date "${FILING_DATE}" -j "${THREADS}" -o "${OUT}/shard-${SLURM_ARRAY_TASK_ID}" "${RECORDS}"
rc=$?
# Exit 1 means the records have findings: the shard's outputs are complete and committed.
[ "$rc" -le 1 ] || exit "$rc"

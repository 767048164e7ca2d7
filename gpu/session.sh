#!/usr/bin/env bash
# The device side of a lent GPU in one call: install the pinned wheels, train + evaluate + benchmark every model
# (`vidgan train all`, see nbs/55_bench.ipynb), copy report.json and checkpoints.tar.NN to $OUT.
# Before: on the developer machine, `bash ../shared/gpu/prep-wheels.sh` fills .whl/ (carry it along).
# On the device, from the project root:  bash gpu/session.sh [MINUTES] [RESUME_FOLDER]
#   MINUTES: training minutes of each model (default 4); RESUME_FOLDER: an earlier run's folder (report + checkpoints.tar.NN)
# The whole call, install included, stays within TOTAL_S seconds (default 530, under 9 minutes).
# DEVICE=cpu TINY=1 runs the same path with tiny models on a CPU.
set -uo pipefail
start=$SECONDS
minutes=${1:-4}; resume=${2:-}
out=${OUT:-gpu-out}; run=$(mktemp -d)
mkdir -p "$out"
if [ -d .whl ] && ls .whl/*.whl >/dev/null 2>&1; then
  python3 -m pip install -q --no-index --no-deps --no-compile --no-cache-dir --upgrade --target /tmp/site .whl/*.whl || exit 1
  export PYTHONPATH=/tmp/site:$PWD PATH=/tmp/site/bin:$PATH
else
  echo "no .whl/: using the Python environment as it is"; export PYTHONPATH=$PWD${PYTHONPATH:+:$PYTHONPATH}
fi
export OMP_NUM_THREADS=${OMP_NUM_THREADS:-2} PYTHONWARNINGS=ignore
nvidia-smi --query-gpu=name,memory.used,memory.total --format=csv 2>/dev/null || true
deadline=$(python3 -c "print(round(max(1.0, (${TOTAL_S:-530} - $((SECONDS - start)) - 15) / 60), 2))")
echo "install took $((SECONDS - start)) s; train all: --minutes $minutes --deadline $deadline"
python3 -m vidgan.cli train all --device "${DEVICE:-cuda}" --minutes "$minutes" --deadline "$deadline" --out "$run" \
  ${TINY:+--tiny} ${resume:+--resume "$resume"}
rc=$?
cp "$run"/report.json "$run"/checkpoints.tar.* "$out"/ 2>/dev/null
for f in "$run"/*.log; do echo "=== $f"; tail -c 1500 "$f"; done > "$out/logs.txt" 2>/dev/null   # the end of each job's output
ls -la "$out"; echo "session: $((SECONDS - start)) s, exit $rc"
exit $rc

"`vidgan train all` on a CPU with tiny models: the GPU session's path and report, in seconds."
import json, os, subprocess, sys, torch
from pathlib import Path

ENV = {**os.environ, 'OMP_NUM_THREADS': '1', 'PYTHONWARNINGS': 'ignore'}
MODELS = ('convlstm', 'wgan')      # tganc and two_stream run the same path; their judge evaluations take minutes on 2 CPU cores

def vidgan(*args):
    r = subprocess.run([sys.executable, '-m', 'vidgan.cli', *args], capture_output=True, text=True, env=ENV, timeout=300)
    assert r.returncode == 0, r.stdout[-2000:] + r.stderr[-2000:]
    return r.stdout

def test_train_all_tiny_and_resume(tmp_path):
    a, b = tmp_path/'a', tmp_path/'b'
    out = vidgan('train', 'all', '--tiny', '--device', 'cpu', '--minutes', '0.02', '--models', ','.join(MODELS), '--out', str(a), '--deadline', '3')
    r = json.loads((a/'report.json').read_text())
    assert str(a/'report.json') in out
    assert {'vidgan', 'date', 'device', 'torch', 'size', 'minutes', 'models', 'pack', 'wall_s'} <= r.keys() and r['size'] == 'tiny'
    assert set(r['models']) == set(MODELS)
    for m, res in r['models'].items():
        assert 'error' not in res, (m, res.get('error'))
        assert res['train']['minutes'] >= 0.02 and res['eval']                 # trained at least as asked, evaluated
        rows = {o['variant']: o for o in res['bench']['rows']}
        assert res['bench']['best'] in rows and res['bench']['rows']
        for o in rows.values():
            assert o['ms'] > 0 and abs(o['samples_per_s'] - o['bs'] / o['ms'] * 1e3) < 1e-6 * o['samples_per_s'] and o['flops'] > 0
            assert o['mfu'] is None and o['peak_mem_mb'] is None and 0 < o['data_share']   # a CPU: no known peak, no CUDA memory
    assert r['models']['convlstm']['eval']['n'] == 8 and 'frame_fd' in r['models']['wgan']['eval']
    files = [f for f in a.iterdir() if f.name == 'report.json' or f.name.startswith('checkpoints.tar.')]
    assert len(files) <= 8 and all(f.stat().st_size <= 16 * 2**20 for f in files)
    assert set(r['pack']['members']) == {f'{m}.pth' for m in MODELS}
    # a second run continues the first from its packed checkpoints
    vidgan('train', 'all', '--tiny', '--device', 'cpu', '--minutes', '0.02', '--models', 'convlstm', '--no-bench', '--out', str(b), '--resume', str(a))
    r2 = json.loads((b/'report.json').read_text())['models']['convlstm']
    assert r2['resumed_from'].endswith('convlstm.pth') and r2['train']['minutes'] > r['models']['convlstm']['train']['minutes']

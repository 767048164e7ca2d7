"Long training runs must survive being killed: a SIGKILL at any moment, also in the middle of writing a checkpoint."
import inspect, os, random, signal, subprocess, sys, time
from pathlib import Path
import torch
from vidgan.core import atomic_save

# the child runs vidgan's own `atomic_save` (its source, so that it need not import fastai: a kill test of seconds)
WRITER = '''
import os, sys, tempfile, torch
from pathlib import Path
''' + inspect.getsource(atomic_save) + '''
fn, i = sys.argv[1], 0
print('ready', flush=True)
while True:                                    # save after save: any moment of a kill is during (or between) saves
    i += 1
    atomic_save({'w': torch.full((1_000_000,), float(i)), 'i': i}, fn)
'''

def test_kill_during_save_keeps_a_whole_checkpoint(tmp_path):
    "SIGKILL a process that saves a 4 MB checkpoint over and over, eight times at random moments: the file always loads whole"
    fn, rng, last = tmp_path/'ck.pth', random.Random(0), 0
    for _ in range(8):
        p = subprocess.Popen([sys.executable, '-c', WRITER, str(fn)], stdout=subprocess.PIPE, text=True)
        assert p.stdout.readline().strip() == 'ready'
        time.sleep(rng.uniform(0.05, 0.6))
        os.kill(p.pid, signal.SIGKILL); p.wait()
        if not fn.exists(): continue                         # killed before its first save finished
        ck = torch.load(fn, weights_only=True)               # never half a file
        assert ck['w'].shape == (1_000_000,) and (ck['w'] == ck['i']).all()
        last += 1
    assert last >= 4                                         # most runs got at least one save done before the kill

"Data-parallel training on a CPU: 2 processes with the gloo backend, started by torchrun as a user would on N GPUs."
import os, subprocess, sys, torch
from pathlib import Path
import pytest
from vidgan.convlstm import ConvLSTM, ConvLSTMConfig, predictor_learner

ROOT = Path(__file__).parent.parent
ENV = {**os.environ, 'OMP_NUM_THREADS': '1', 'PYTHONWARNINGS': 'ignore'}

def torchrun(*args, timeout=240):
    cmd = [sys.executable, '-m', 'torch.distributed.run', '--standalone', '--nproc_per_node', '2', *args]
    r = subprocess.run(cmd, capture_output=True, text=True, env=ENV, cwd=ROOT, timeout=timeout)
    assert r.returncode == 0, r.stdout[-3000:] + r.stderr[-3000:]
    return r

def test_two_ranks_are_one_batch_of_twice_the_size(tmp_path):
    steps = 3
    torchrun(str(ROOT/'tests'/'ddp_worker.py'), str(tmp_path), str(steps))
    r0, r1 = (torch.load(tmp_path/f'rank{i}.pt', weights_only=True) for i in (0, 1))
    assert r0['world'] == 2 and len(r0['batches']) == len(r1['batches']) == steps
    for k in r0['final']:                                                  # both ranks start from rank 0's weights and end equal
        assert torch.equal(r0['init'][k], r1['init'][k]) and torch.equal(r0['final'][k], r1['final'][k]), k
    assert any(not torch.equal(r0['init'][k], r0['final'][k]) for k in r0['final'])   # and they did train
    for (x0, _), (x1, _) in zip(r0['batches'], r1['batches']): assert not torch.equal(x0, x1)   # on different batches
    # one process on both ranks' batches together, batch 4, from the same weights: the same weights after the same steps
    learn = predictor_learner(ConvLSTM(ConvLSTMConfig(patch=8, hidden=(4,), kernel=3)), bs=4, n_batches=steps, schedule='teacher',
                              device='cpu', n_valid=1, valid_bs=2)
    learn.model.load_state_dict(r0['init'])
    both = [(torch.cat([x0, x1]), torch.cat([y0, y1])) for (x0, y0), (x1, y1) in zip(r0['batches'], r1['batches'])]
    learn.dls.train.make_batch = lambda i: both[i]
    with learn.no_bar(), learn.no_logging(): learn.fit(1, 1e-2)
    for k, v in learn.model.state_dict().items(): torch.testing.assert_close(v, r0['final'][k], atol=1e-5, rtol=1e-4)

def test_torchrun_vidgan_cli_train(tmp_path):
    "`torchrun -m vidgan.cli train`: each rank trains the tiny ConvLSTM; rank 0 saves to --out, rank 1 beside it; same weights"
    torchrun('-m', 'vidgan.cli', 'train', 'convlstm', '--tiny', '--minutes', '0.02', '--device', 'cpu', '--out', str(tmp_path/'c.pth'))
    a, b = (torch.load(tmp_path/f, weights_only=True)['state_dict'] for f in ('c.pth', 'c.rank1.pth'))
    assert a.keys() == b.keys()
    for k in a: assert torch.equal(a[k], b[k]), k

"Run by tests/test_ddp.py under `torchrun --nproc_per_node 2`: a tiny ConvLSTM trained data-parallel with gloo; saves what each rank saw and holds."
import sys, torch
from pathlib import Path
from fastai.callback.core import Callback
from vidgan.bench import data_parallel
from vidgan.convlstm import ConvLSTM, ConvLSTMConfig, predictor_learner

class Keep(Callback):
    "Keep the weights at the start (after rank 0's broadcast) and every training batch"
    order = -5                                           # the batch as drawn, before ScheduledSampling rewrites it
    def before_fit(self): self.init, self.batches = {k: v.clone() for k, v in self.learn.model.state_dict().items()}, []
    def before_batch(self):
        if self.training: self.batches.append(tuple(o.as_subclass(torch.Tensor).clone() for o in (self.xb[0], self.yb[0])))

out, steps = Path(sys.argv[1]), int(sys.argv[2])
rank = data_parallel('gloo')
torch.manual_seed(rank)                                  # different initial weights: rank 0's must win
learn = predictor_learner(ConvLSTM(ConvLSTMConfig(patch=8, hidden=(4,), kernel=3)), bs=2, n_batches=steps, schedule='teacher',
                          device='cpu', n_valid=1, valid_bs=2)
keep = Keep()
with learn.no_bar(), learn.no_logging(): learn.fit(1, 1e-2, cbs=keep)
torch.save(dict(init=keep.init, batches=keep.batches, final=learn.model.state_dict(), world=torch.distributed.get_world_size()),
           out/f'rank{rank}.pt')

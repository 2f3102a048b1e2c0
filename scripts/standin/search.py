"""Greedy and beam search over a MarianMT in torch, following Hugging Face 4.33 generate() for this config:
bad_words_ids [[pad]], forced_eos_token_id at max_length, renormalize_logits, length_penalty 1.0,
early_stopping False. Used only to check the stand-ins (the Java engine has its own)."""
import torch


class Generator:
    def __init__(self, mt, max_length=512):
        self.mt = mt
        self.pad = mt.pad_token_id
        self.eos = 0
        self.max_length = max_length

    def _log_probs(self, logits, cur_len):
        """logits [N, V] -> processed log-probabilities (HF beam order: log_softmax, processors, renormalize)."""
        scores = torch.log_softmax(logits, dim=-1)
        scores[:, self.pad] = -float("inf")
        if cur_len == self.max_length - 1:
            forced = torch.full_like(scores, -float("inf"))
            forced[:, self.eos] = 0
            scores = forced
        return torch.log_softmax(scores, dim=-1)

    @torch.no_grad()
    def encode(self, ids):
        ids_t = torch.tensor([ids])
        return self.mt.encode(ids_t, torch.ones_like(ids_t)), torch.ones_like(ids_t)

    @torch.no_grad()
    def next_logits(self, enc, mask, prefixes):
        """Uncached: full prefixes [N, T] -> logits of the next token [N, V]."""
        n = len(prefixes)
        logits, _ = self.mt.decode(torch.tensor(prefixes), enc.expand(n, -1, -1), mask.expand(n, -1))
        return logits[:, -1, :]

    def greedy(self, ids):
        enc, mask = self.encode(ids)
        out = [self.pad]
        while len(out) < self.max_length:
            scores = self._log_probs(self.next_logits(enc, mask, [out]), len(out))
            token = int(torch.argmax(scores[0]))
            out.append(token)
            if token == self.eos:
                break
        return out[1:]

    def beam(self, ids, num_beams):
        enc, mask = self.encode(ids)
        beams = [[self.pad]] * num_beams
        beam_scores = torch.tensor([0.0] + [-1e9] * (num_beams - 1))
        finished = []  # (normalized score, tokens)
        while True:
            cur_len = len(beams[0])
            scores = self._log_probs(self.next_logits(enc, mask, beams), cur_len) + beam_scores[:, None]
            vocab = scores.shape[-1]
            top, idx = torch.topk(scores.view(-1), 2 * num_beams)
            next_beams, next_scores = [], []
            for rank, (score, flat) in enumerate(zip(top.tolist(), idx.tolist())):
                beam, token = divmod(flat, vocab)
                if token == self.eos:
                    if rank < num_beams:
                        finished.append((score / cur_len, beams[beam][1:] + [self.eos]))
                else:
                    next_beams.append(beams[beam] + [token])
                    next_scores.append(score)
                if len(next_beams) == num_beams:
                    break
            finished.sort(key=lambda f: -f[0])
            finished = finished[:num_beams]
            done = len(finished) >= num_beams and finished[-1][0] >= max(next_scores) / cur_len
            beams, beam_scores = next_beams, torch.tensor(next_scores)
            if done or len(beams[0]) >= self.max_length:
                break
        if len(finished) < num_beams or not done:
            for beam, score in zip(beams, beam_scores.tolist()):
                finished.append((score / len(beam), beam[1:]))
            finished.sort(key=lambda f: -f[0])
        return finished[0][1]


@torch.no_grad()
def cached_vs_uncached(mt, ids_batch, mask_batch, prefix):
    """Max |logit difference| between one full-sequence decode and step-by-step cached decoding."""
    enc = mt.encode(ids_batch, mask_batch)
    full, _ = mt.decode(prefix, enc, mask_batch)
    past, worst = None, 0.0
    for t in range(prefix.shape[1]):
        logits, past = mt.decode(prefix[:, t:t + 1], enc, mask_batch, past)
        worst = max(worst, float((logits[:, 0] - full[:, t]).abs().max()))
    return worst

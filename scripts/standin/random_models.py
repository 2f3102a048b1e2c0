"""Random-weight Marians: tiny-random (for invariants) and the full-size geometry of opus-mt-nl-en (for timing and
memory).

Plain random weights make a decoder that echoes one token forever (the tied lm_head favours the previous token) and
ignores its input, so these models are random weights on top of an alignment backbone: every matrix is dense random
(N(0, sigma^2 / fan_in)), but the residual stream has P position-code dims (Hadamard rows, like tiny-dict) beside the
token dims, and head 0 of decoder layer 0's cross-attention reads them, so decoder step t looks at source token t.
Its value/out_proj are random (gain x), so each output token is a random function of the source token (plus
noise), and the source's </s> is mapped onto the eos embedding (kappa): outputs are as long as the input and differ
from input to input. final_logits_bias is small noise plus eos_bias on </s>.
"""
import torch

from marian import Geometry, MarianMT
from tiny_dict import hadamard
from tokenizer_files import EOS, PAD, SPACE

TINY = dict(d_model=64, encoder_layers=2, decoder_layers=2, encoder_heads=4, decoder_heads=4,
            encoder_ffn_dim=64, decoder_ffn_dim=64)
FULL = dict(d_model=512, encoder_layers=6, decoder_layers=6, encoder_heads=8, decoder_heads=8,
            encoder_ffn_dim=2048, decoder_ffn_dim=2048)
FULL_VOCAB = 67028


def aligned_random_model(vocab_size, pad_id, geometry, seed, sigma=0.45, query_scale=10.0, gain=4.0, kappa=1.0,
                         final_gamma=5.0, eos_bias=-5.0):
    g = Geometry(vocab_size=vocab_size, **geometry)
    d, hd = g.d_model, g.d_model // g.decoder_heads
    p = min(hd, 64)  # position dims: one head's worth -> 2 * (p - 1) distinct positions, then they wrap
    k = d - p
    mt = MarianMT(g, pad_token_id=pad_id).eval()
    gen = torch.Generator().manual_seed(seed)

    def rnd(*shape):
        return torch.randn(*shape, generator=gen)

    hp = torch.tensor(hadamard(p), dtype=torch.float32)
    codes = torch.stack([hp[r] * s for r in range(1, p) for s in (1.0, -1.0)])
    with torch.no_grad():
        for name, w in mt.named_parameters():
            if name.endswith("layer_norm.weight"):
                w.copy_(1 + 0.1 * rnd(*w.shape))
            elif name.endswith("bias"):
                w.copy_(0.02 * rnd(*w.shape))
            elif w.dim() == 2 and "embed" not in name and "shared" not in name:
                w.copy_(rnd(*w.shape) * sigma / w.shape[1] ** 0.5)
        embed = torch.zeros(vocab_size, d)
        embed[:, :k] = rnd(vocab_size, k) / d ** 0.5  # x sqrt(d_model): RMS 1 over the token dims
        embed[pad_id] = 0
        mt.model.shared.weight.copy_(embed)
        table = torch.zeros(g.max_position_embeddings, d)
        table[:, k:] = codes[torch.arange(g.max_position_embeddings) % len(codes)]
        mt.model.encoder.embed_positions.weight.copy_(table)
        mt.model.decoder.embed_positions.weight.copy_(table)

        attn = mt.model.decoder.layers[0].encoder_attn  # head 0 = rows/columns [0, hd)
        attn.q_proj.weight[:hd] *= 0.1
        attn.q_proj.weight[:p, k:] += query_scale * torch.eye(p)
        attn.k_proj.weight[:hd] *= 0.1
        attn.k_proj.weight[:p, k:] += torch.eye(p)
        attn.v_proj.weight[:hd] = 0
        attn.v_proj.weight[:hd, :k] = rnd(hd, k) / k ** 0.5 * 2.0
        out = torch.zeros(d, hd)
        out[:k] = rnd(k, hd) / hd ** 0.5 * gain
        v_eos = attn.v_proj.weight[:hd, :k] @ (embed[0, :k] * d ** 0.5)
        eos_dir = torch.zeros(d)
        eos_dir[:k] = embed[0, :k] / embed[0, :k].norm()
        out += torch.outer(kappa * gain * k ** 0.5 * eos_dir - out @ v_eos, v_eos) / (v_eos @ v_eos)
        attn.out_proj.weight[:, :hd] = out
        mt.model.decoder.layers[-1].final_layer_norm.weight.mul_(final_gamma)
        mt.final_logits_bias.copy_(0.1 * rnd(1, vocab_size))
        mt.final_logits_bias[0, 0] += eos_bias
    return mt


def synthetic_pieces(count):
    """Deterministic pseudo-word pieces ("\u2581bako", "ti", ...) to pad a vocabulary to the real size."""
    consonants, vowels = "bdfghjklmnprstvwz", "aeiou"
    syllables = [c + v for c in consonants for v in vowels]
    pieces, length = [], 1
    while len(pieces) < count:
        words = [""]
        for _ in range(length):
            words = [w + s for w in words for s in syllables]
        for w in words:
            pieces += [SPACE + w, w]
        length += 1
    return pieces[:count]


def pad_vocabulary(vocab, size):
    """vocab (</s> 0, <unk> 1, ..., <pad> last) padded with synthetic pieces to `size` entries."""
    ordered = [p for p in vocab if p != PAD]
    extra = [p for p in synthetic_pieces(size) if p not in vocab][:size - len(ordered) - 1]
    ordered += extra + [PAD]
    assert len(ordered) == size and ordered[0] == EOS
    return {p: i for i, p in enumerate(ordered)}, extra

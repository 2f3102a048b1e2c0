"""A small Marian-like encoder-decoder in plain torch, numerically equivalent to Hugging Face's MarianMTModel
(transformers 4.33) for the parts the ONNX export uses: scaled shared embeddings, static sinusoidal positions,
post-LayerNorm layers, swish activation, tied lm_head plus final_logits_bias, causal self-attention with a KV cache
and cross-attention masked by the encoder's attention mask.

Module and parameter names follow Hugging Face's so the exported graphs read like Optimum's
(model.encoder.layers.0.self_attn.k_proj, ...). Only inference paths exist: no dropout.
"""
from dataclasses import dataclass

import numpy as np
import torch
from torch import nn


@dataclass(frozen=True)
class Geometry:
    vocab_size: int
    d_model: int
    encoder_layers: int
    decoder_layers: int
    encoder_heads: int
    decoder_heads: int
    encoder_ffn_dim: int
    decoder_ffn_dim: int
    max_position_embeddings: int = 512


def sinusoidal_table(n_pos, dim):
    """Hugging Face's MarianSinusoidalPositionalEmbedding table: first half sin, second half cos."""
    position_enc = np.array(
        [[pos / np.power(10000, 2 * (j // 2) / dim) for j in range(dim)] for pos in range(n_pos)])
    out = np.zeros((n_pos, dim), dtype=np.float32)
    sentinel = dim // 2 if dim % 2 == 0 else (dim // 2) + 1
    out[:, 0:sentinel] = np.sin(position_enc[:, 0::2])
    out[:, sentinel:] = np.cos(position_enc[:, 1::2])
    return torch.from_numpy(out)


def expand_mask(mask, tgt_len):
    """[B, S] 0/1 mask -> additive [B, 1, tgt_len, S] mask (0 where attended, float32 min where masked)."""
    bsz, src_len = mask.shape
    expanded = mask[:, None, None, :].expand(bsz, 1, tgt_len, src_len).to(torch.float32)
    inverted = 1.0 - expanded
    return inverted.masked_fill(inverted.to(torch.bool), torch.finfo(torch.float32).min)


def causal_mask(bsz, tgt_len, past_len):
    """Additive [B, 1, T, past+T] mask: position i sees cache and positions <= i."""
    mask = torch.full((tgt_len, tgt_len), torch.finfo(torch.float32).min)
    cond = torch.arange(mask.size(-1))
    mask.masked_fill_(cond < (cond + 1).view(mask.size(-1), 1), 0)
    if past_len > 0:
        mask = torch.cat([torch.zeros(tgt_len, past_len), mask], dim=-1)
    return mask[None, None, :, :].expand(bsz, 1, tgt_len, tgt_len + past_len)


class PositionalEmbedding(nn.Embedding):
    def forward(self, seq_len, past_len=0):
        positions = torch.arange(past_len, past_len + seq_len, dtype=torch.long)
        return super().forward(positions)


class Attention(nn.Module):
    def __init__(self, d_model, heads, is_cross):
        super().__init__()
        self.heads = heads
        self.head_dim = d_model // heads
        self.scaling = self.head_dim ** -0.5
        self.is_cross = is_cross
        self.k_proj = nn.Linear(d_model, d_model)
        self.v_proj = nn.Linear(d_model, d_model)
        self.q_proj = nn.Linear(d_model, d_model)
        self.out_proj = nn.Linear(d_model, d_model)

    def _shape(self, x, bsz):  # [B, L, D] -> [B, heads, L, head_dim]
        return x.view(bsz, -1, self.heads, self.head_dim).transpose(1, 2).contiguous()

    def forward(self, hidden, key_value_states=None, past=None, mask=None):
        bsz, tgt_len, d_model = hidden.size()
        query = self.q_proj(hidden) * self.scaling
        if self.is_cross and past is not None:
            key, value = past
        elif self.is_cross:
            key = self._shape(self.k_proj(key_value_states), bsz)
            value = self._shape(self.v_proj(key_value_states), bsz)
        elif past is not None:
            key = torch.cat([past[0], self._shape(self.k_proj(hidden), bsz)], dim=2)
            value = torch.cat([past[1], self._shape(self.v_proj(hidden), bsz)], dim=2)
        else:
            key = self._shape(self.k_proj(hidden), bsz)
            value = self._shape(self.v_proj(hidden), bsz)
        present = (key, value)

        proj_shape = (bsz * self.heads, -1, self.head_dim)
        query = self._shape(query, bsz).view(*proj_shape)
        key = key.reshape(*proj_shape)
        value = value.reshape(*proj_shape)
        src_len = key.size(1)
        weights = torch.bmm(query, key.transpose(1, 2))
        if mask is not None:
            weights = weights.view(bsz, self.heads, tgt_len, src_len) + mask
            weights = weights.view(bsz * self.heads, tgt_len, src_len)
        weights = nn.functional.softmax(weights, dim=-1)
        out = torch.bmm(weights, value)
        out = out.view(bsz, self.heads, tgt_len, self.head_dim).transpose(1, 2).reshape(bsz, tgt_len, d_model)
        return self.out_proj(out), present


class EncoderLayer(nn.Module):
    def __init__(self, g: Geometry):
        super().__init__()
        self.self_attn = Attention(g.d_model, g.encoder_heads, is_cross=False)
        self.self_attn_layer_norm = nn.LayerNorm(g.d_model)
        self.fc1 = nn.Linear(g.d_model, g.encoder_ffn_dim)
        self.fc2 = nn.Linear(g.encoder_ffn_dim, g.d_model)
        self.final_layer_norm = nn.LayerNorm(g.d_model)

    def forward(self, hidden, mask):
        attn, _ = self.self_attn(hidden, mask=mask)
        hidden = self.self_attn_layer_norm(hidden + attn)
        ffn = self.fc2(nn.functional.silu(self.fc1(hidden)))
        return self.final_layer_norm(hidden + ffn)


class DecoderLayer(nn.Module):
    def __init__(self, g: Geometry):
        super().__init__()
        self.self_attn = Attention(g.d_model, g.decoder_heads, is_cross=False)
        self.self_attn_layer_norm = nn.LayerNorm(g.d_model)
        self.encoder_attn = Attention(g.d_model, g.decoder_heads, is_cross=True)
        self.encoder_attn_layer_norm = nn.LayerNorm(g.d_model)
        self.fc1 = nn.Linear(g.d_model, g.decoder_ffn_dim)
        self.fc2 = nn.Linear(g.decoder_ffn_dim, g.d_model)
        self.final_layer_norm = nn.LayerNorm(g.d_model)

    def forward(self, hidden, self_mask, encoder_hidden, cross_mask, past=None):
        """past: (self_key, self_value, cross_key, cross_value) or None. Returns hidden, present (same layout)."""
        attn, self_present = self.self_attn(hidden, past=None if past is None else past[:2], mask=self_mask)
        hidden = self.self_attn_layer_norm(hidden + attn)
        attn, cross_present = self.encoder_attn(
            hidden, key_value_states=encoder_hidden, past=None if past is None else past[2:], mask=cross_mask)
        hidden = self.encoder_attn_layer_norm(hidden + attn)
        ffn = self.fc2(nn.functional.silu(self.fc1(hidden)))
        return self.final_layer_norm(hidden + ffn), self_present + cross_present


class Encoder(nn.Module):
    def __init__(self, g: Geometry, shared):
        super().__init__()
        self.embed_tokens = shared
        self.embed_scale = g.d_model ** 0.5
        self.embed_positions = PositionalEmbedding(g.max_position_embeddings, g.d_model)
        self.layers = nn.ModuleList([EncoderLayer(g) for _ in range(g.encoder_layers)])

    def forward(self, input_ids, attention_mask):
        hidden = self.embed_tokens(input_ids) * self.embed_scale + self.embed_positions(input_ids.shape[1])
        mask = expand_mask(attention_mask, input_ids.shape[1])
        for layer in self.layers:
            hidden = layer(hidden, mask)
        return hidden


class Decoder(nn.Module):
    def __init__(self, g: Geometry, shared):
        super().__init__()
        self.embed_tokens = shared
        self.embed_scale = g.d_model ** 0.5
        self.embed_positions = PositionalEmbedding(g.max_position_embeddings, g.d_model)
        self.layers = nn.ModuleList([DecoderLayer(g) for _ in range(g.decoder_layers)])

    def forward(self, input_ids, encoder_hidden, encoder_attention_mask, past=None):
        """past: list per layer of 4 tensors [B, heads, L, head_dim] or None. Returns hidden, presents."""
        bsz, tgt_len = input_ids.shape
        past_len = 0 if past is None else past[0][0].shape[2]
        hidden = self.embed_tokens(input_ids) * self.embed_scale + self.embed_positions(tgt_len, past_len)
        # Like Hugging Face: no causal mask for a single new token (the with-past graph is traced with T = 1).
        self_mask = causal_mask(bsz, tgt_len, past_len) if tgt_len > 1 else None
        cross_mask = expand_mask(encoder_attention_mask, tgt_len)
        presents = []
        for i, layer in enumerate(self.layers):
            hidden, present = layer(hidden, self_mask, encoder_hidden, cross_mask,
                                    None if past is None else past[i])
            presents.append(present)
        return hidden, presents


class MarianModel(nn.Module):
    def __init__(self, g: Geometry, pad_token_id):
        super().__init__()
        self.shared = nn.Embedding(g.vocab_size, g.d_model, padding_idx=pad_token_id)
        self.encoder = Encoder(g, self.shared)
        self.decoder = Decoder(g, self.shared)


class TiedLmHead(nn.Module):
    """lm_head tied to the shared embedding (held outside the module tree so it is registered once)."""

    def __init__(self, shared):
        super().__init__()
        self._shared = [shared]

    def forward(self, hidden):
        return torch.matmul(hidden, self._shared[0].weight.t())


class MarianMT(nn.Module):
    """Top level: .model (encoder/decoder), lm_head tied to model.shared, and final_logits_bias."""

    def __init__(self, g: Geometry, pad_token_id):
        super().__init__()
        self.geometry = g
        self.pad_token_id = pad_token_id
        self.model = MarianModel(g, pad_token_id)
        self.lm_head = TiedLmHead(self.model.shared)
        self.register_buffer("final_logits_bias", torch.zeros((1, g.vocab_size)))

    def set_sinusoidal_positions(self):
        table = sinusoidal_table(self.geometry.max_position_embeddings, self.geometry.d_model)
        with torch.no_grad():
            self.model.encoder.embed_positions.weight.copy_(table)
            self.model.decoder.embed_positions.weight.copy_(table)

    def encode(self, input_ids, attention_mask):
        return self.model.encoder(input_ids, attention_mask)

    def decode(self, input_ids, encoder_hidden, encoder_attention_mask, past=None):
        hidden, presents = self.model.decoder(input_ids, encoder_hidden, encoder_attention_mask, past)
        logits = self.lm_head(hidden) + self.final_logits_bias
        return logits, presents

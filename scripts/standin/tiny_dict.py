"""tiny-dict: a hand-weighted Marian that translates word by word with a fixed Dutch -> English dictionary.

Geometry: d_model 96 = 64 token-code dims (K) + 32 position-code dims (P); 1 encoder layer, 2 decoder layers
(unequal on purpose: the cache has decoder_layers entries), 2 heads of 48, FFN 32.

- Codes are rows of Sylvester Hadamard matrices, with either sign: token codes are +-rows 1..63 of H64 in K (126
  zero-mean codes; pairwise orthogonal or opposite), position codes +-rows 1..30 of H32 in P (60 positions, then
  they wrap: sentences of up to 59 tokens + </s> translate exactly); P row 31 is the beam-trick marker. Every
  vector is zero-mean, so LayerNorm only rescales, and embeddings x sqrt(d_model) + positions have RMS 1 exactly.
- Every output token (English word, single character, '\u2581', </s>, <unk>) has its own code. A Dutch-only piece
  shares its translation's code and gets final_logits_bias -10, so it is never generated: the embedding table is the
  dictionary. A piece that is the same in both languages ("is", "in", "man") is one token translating to itself.
- Self-attention and FFN outputs are zero (pass-through; their other projections are inert but non-zero, so caches
  hold real numbers), except the beam trick below.
- Decoder layer 0 cross-attention: query and key read the position code (decoder position t selects encoder
  position t), the value reads the token code and out_proj writes 4 x M(code) into the residual, where M is the
  identity except that "bank" -> bank + 0.9 couch. The encoder's last position holds </s>, which maps to </s>:
  the output has as many tokens as the input. Unknown words are spelled with single characters and copied.
- lm_head is the tied embedding, so the logits are the dot products with the token codes.
- Beam trick: "bank"'s embedding also carries the marker (P row 31, which queries and keys project out); decoder
  layer 0's FFN sees it when "bank" is the previous token and adds a large vector along -marker, which no other
  token's logit reads: the LayerNorms shrink everything else, flattening the next distribution. Greedy says "bank"
  (more likely by itself), beam search (2+ beams) says "couch" (more likely together with the token after it).
"""
import numpy as np
import torch

from marian import Geometry, MarianMT
from tokenizer_files import EOS, PAD, SPACE, UNK

K, P = 64, 32
D = K + P
HEADS = 2
HEAD_DIM = D // HEADS
FFN = 32
AMBIGUOUS, ALTERNATIVE, ALTERNATIVE_WEIGHT = "bank", "couch", 0.9
DUTCH_ONLY_BIAS = -10.0
CROSS_GAIN = 4.0       # cross-attention output vs. the residual (embedding + position)
QUERY_SCALE = 12.0     # position match score ~ 12 * 32 / sqrt(48) ~ 55 before LayerNorm rescaling
FINAL_GAMMA = 1.5      # sharpness of the logits (gamma of the last LayerNorm)
MARKER_WEIGHT = 1.0    # the marker carried by "bank"'s embedding
FLATTEN = 30.0         # the vector the FFN adds after "bank"

# Dutch -> English, one piece each. Same piece on both sides = one token translating to itself.
DICTIONARY = [
    ("de", "the"), ("het", "the"), ("De", "The"), ("Het", "The"), ("een", "a"), ("Een", "A"),
    ("kat", "cat"), ("hond", "dog"), ("mat", "mat"), ("zit", "sits"), ("ligt", "lies"), ("op", "on"),
    ("in", "in"), ("tuin", "garden"), ("huis", "house"), ("is", "is"), ("Is", "Is"), ("groot", "big"),
    ("klein", "small"),
    ("en", "and"), ("rood", "red"), ("boek", "book"), ("leest", "reads"), ("lees", "read"), ("ik", "I"),
    ("Ik", "I"), ("wij", "we"), ("we", "we"), ("Wij", "We"), ("We", "We"), ("zijn", "are"), ("blij", "happy"),
    ("niet", "not"), ("ziet", "sees"), ("man", "man"), ("vrouw", "woman"), ("kind", "child"),
    ("water", "water"), ("drinkt", "drinks"), ("eet", "eats"), ("appel", "apple"), ("brood", "bread"),
    ("morgen", "tomorrow"), ("vandaag", "today"), ("goed", "good"), ("hij", "he"), ("Hij", "He"),
    ("zij", "she"), ("Zij", "She"), ("heeft", "has"), ("oud", "old"), ("nieuw", "new"), ("Morgen", "Tomorrow"),
    ("bank", "bank"),
]
ENGLISH_ONLY = [ALTERNATIVE]
PUNCTUATION = list(".,?!'-:;")
LETTERS = [chr(c) for c in range(ord("a"), ord("z") + 1)] + [chr(c) for c in range(ord("A"), ord("Z") + 1)]
DIGITS = [str(d) for d in range(10)]

# Test table (Dutch, English): each translates exactly, under greedy and beam search, in fp32 and int8.
TRANSLATIONS = [
    ("kat", "cat"),
    ("De kat zit op de mat.", "The cat sits on the mat."),
    ("de hond ligt in de tuin", "the dog lies in the garden"),
    ("Het huis is groot en de tuin is klein.", "The house is big and the garden is small."),
    ("Ik lees een boek.", "I read a book."),
    ("Wij zijn blij!", "We are happy!"),
    ("Zij ziet de man, de vrouw en het kind.", "She sees the man, the woman and the child."),
    ("De man drinkt water en de vrouw eet de appel.", "The man drinks water and the woman eats the apple."),
    ("Een kind eet brood.", "A child eats bread."),
    ("Is de kat niet blij?", "Is the cat not happy?"),
    ("Hij heeft een groot huis en een nieuw boek.", "He has a big house and a new book."),
    ("Het huis is oud.", "The house is old."),
    ("de kat de kat de kat", "the cat the cat the cat"),
    ("De kat zit op de mat en de hond ligt in de tuin.", "The cat sits on the mat and the dog lies in the garden."),
    ("Morgen is goed, vandaag niet.", "Tomorrow is good, today not."),
    ("De kat zit op de stoel.", "The cat sits on the stoel."),  # unknown word: spelled and copied
    ("Ik lees 3 boeken.", "I read 3 booken."),  # "boeken" = "▁boek" + "e" + "n"
]
# Greedy and beam search (2..6 beams) differ: (Dutch, greedy, beam).
BEAM_TRANSLATIONS = [
    ("De kat ligt op de bank.", "The cat lies on the bank.", "The cat lies on the couch."),
    ("De hond zit op de bank en de kat ligt op de mat.", "The dog sits on the bank and the cat lies on the mat.",
     "The dog sits on the couch and the cat lies on the mat."),
]


def hadamard(n):
    h = np.array([[1.0]])
    while h.shape[0] < n:
        h = np.block([[h, h], [h, -h]])
    return h


def build_vocabulary():
    """Returns (source pieces, target pieces, vocab dict, translation of every piece)."""
    words_nl = [SPACE + nl for nl, _ in DICTIONARY]
    words_en = list(dict.fromkeys([SPACE + en for _, en in DICTIONARY] + [SPACE + w for w in ENGLISH_ONLY]))
    chars = PUNCTUATION + LETTERS + DIGITS
    common = [(SPACE, -2.0)] + [(c, -3.0 if c in PUNCTUATION else -8.0) for c in chars]
    source = common + [(w, -4.0) for w in dict.fromkeys(words_nl)]
    target = common + [(w, -4.0) for w in words_en]
    ordered = [EOS, UNK, ".", ",", SPACE] + words_en + [w for w in dict.fromkeys(words_nl) if w not in words_en]
    ordered += [c for c in chars if c not in ordered] + [PAD]
    vocab = {p: i for i, p in enumerate(ordered)}
    translation = {p: p for p in ordered}
    translation.update({SPACE + nl: SPACE + en for nl, en in DICTIONARY})
    return source, target, vocab, translation


class Codes:
    """Token codes (K) and position codes (P): Hadamard rows with signs. P row 31 is the marker direction."""

    def __init__(self, vocab, translation):
        hk, hp = hadamard(K), hadamard(P)
        free = [(r, s) for r in range(1, K) for s in (1.0, -1.0)]
        output_tokens = [p for p in vocab if translation[p] == p and p != PAD]
        assert len(output_tokens) <= len(free) - 1, f"{len(output_tokens)} output tokens, {len(free) - 1} codes"
        self.token_row = {}
        for piece in sorted(output_tokens, key=lambda p: p != SPACE + AMBIGUOUS):
            row = free.pop(0)
            if piece == SPACE + AMBIGUOUS:  # its opposite stays unused: M(-bank) would not be a translation
                free.remove((row[0], -row[1]))
            self.token_row[piece] = row
        self.code = {p: hk[r] * s for p, (r, s) in self.token_row.items()}
        self.marker = hp[P - 1]
        positions = [hp[r] * s for r in range(1, P - 1) for s in (1.0, -1.0)]
        self.positions = np.stack([positions[t % len(positions)] for t in range(512)])
        self.position_projection = sum(np.outer(hp[r], hp[r]) for r in range(1, P - 1)) / P


def build_model(vocab, translation):
    g = Geometry(vocab_size=len(vocab), d_model=D, encoder_layers=1, decoder_layers=2, encoder_heads=HEADS,
                 decoder_heads=HEADS, encoder_ffn_dim=FFN, decoder_ffn_dim=FFN)
    mt = MarianMT(g, pad_token_id=vocab[PAD]).eval()
    codes = Codes(vocab, translation)
    bank, couch = SPACE + AMBIGUOUS, SPACE + ALTERNATIVE

    embed = np.zeros((len(vocab), D))
    bias = np.zeros(len(vocab))
    for piece, i in vocab.items():
        if piece == PAD:
            continue
        target = translation[piece]
        embed[i, :K] = codes.code[target]
        if target != piece:
            bias[i] = DUTCH_ONLY_BIAS
    embed[vocab[bank], K:] += MARKER_WEIGHT * codes.marker
    # x sqrt(d_model) gives code + position vectors of RMS 1 (zero mean).
    embed /= np.sqrt(D)
    table = np.zeros((512, D))
    table[:, K:] = codes.positions

    # M: identity on token codes, except bank -> bank + 0.9 couch.
    m = np.eye(K)
    m += ALTERNATIVE_WEIGHT * np.outer(codes.code[couch], codes.code[bank]) / K

    select_q = np.zeros((D, D))  # [out, in] like torch Linear weights
    select_k = np.zeros((D, D))
    carry_v = np.zeros((D, D))
    write_out = np.zeros((D, D))
    for h in range(HEADS):  # queries and keys: the position code, without the marker direction
        select_q[h * HEAD_DIM:h * HEAD_DIM + P, K:] = QUERY_SCALE * codes.position_projection
        select_k[h * HEAD_DIM:h * HEAD_DIM + P, K:] = codes.position_projection
    carry_v[:K, :K] = np.eye(K)  # head 0 carries code dims 0..47, head 1 carries 48..63
    write_out[:K, :K] = CROSS_GAIN * m

    sd = {k: torch.zeros_like(v) for k, v in mt.state_dict().items()}
    t = lambda a: torch.tensor(a, dtype=torch.float32)
    sd["model.shared.weight"] = t(embed)
    sd["final_logits_bias"] = t(bias[None, :])
    sd["model.encoder.embed_positions.weight"] = t(table)
    sd["model.decoder.embed_positions.weight"] = t(table)
    for name in sd:
        if name.endswith("layer_norm.weight"):
            sd[name] = torch.ones(D)
    # Inert but non-zero projections, so caches and quantized graphs carry real numbers.
    inert = t(np.eye(D) * 0.5)
    for stack, count, attns in (("encoder", 1, ("self_attn",)), ("decoder", 2, ("self_attn",))):
        for i in range(count):
            for a in attns:
                for proj in ("q_proj", "k_proj", "v_proj"):
                    sd[f"model.{stack}.layers.{i}.{a}.{proj}.weight"] = inert
            sd[f"model.{stack}.layers.{i}.fc1.weight"] = t(np.eye(FFN, D) * 0.5)
    for i in range(2):
        prefix = f"model.decoder.layers.{i}.encoder_attn"
        sd[prefix + ".q_proj.weight"] = t(select_q)
        sd[prefix + ".k_proj.weight"] = t(select_k)
        sd[prefix + ".v_proj.weight"] = t(carry_v)
    sd["model.decoder.layers.0.encoder_attn.out_proj.weight"] = t(write_out)
    sd["model.decoder.layers.1.final_layer_norm.weight"] = torch.full((D,), FINAL_GAMMA)
    for alias in ("model.encoder.embed_tokens.weight", "model.decoder.embed_tokens.weight"):
        sd[alias] = sd["model.shared.weight"]  # one tensor under three names: the last loaded wins
    mt.load_state_dict(sd)
    _install_flattener(mt, codes)
    return mt


def _install_flattener(mt, codes):
    """Decoder layer 0 FFN unit 0: fires (~ +10) when the previous token was "bank" and then adds FLATTEN along
    the marker direction (P row 31: no logit reads it, layer 1's cross-attention output is zero)."""
    layer = mt.model.decoder.layers[0]
    marker = np.zeros(D)
    marker[K:] = codes.marker
    # The FFN input is the LayerNorm of (residual); the marker's projection there is measured, not derived.
    probe = _ffn_input_marker_projection(mt, marker)
    with torch.no_grad():
        layer.fc1.weight.zero_()
        layer.fc1.bias.zero_()
        layer.fc1.weight[0] = torch.tensor(marker * 20.0 / probe, dtype=torch.float32)
        layer.fc1.bias[0] = -10.0
        layer.fc2.weight.zero_()
        layer.fc2.weight[:, 0] = torch.tensor(-marker * FLATTEN / 10.0 / np.sqrt(P), dtype=torch.float32)


def _ffn_input_marker_projection(mt, marker):
    """marker . (decoder layer 0 FFN input) for a step whose previous token carries the marker (full strength)."""
    captured = {}
    layer = mt.model.decoder.layers[0]
    hook = layer.fc1.register_forward_hook(lambda m, i, o: captured.update(x=i[0].detach()))
    g = mt.geometry
    with torch.no_grad():
        bank = int(torch.argmax(mt.model.shared.weight @ torch.tensor(marker, dtype=torch.float32)))
        ids = torch.tensor([[bank, bank]])
        enc = mt.encode(ids, torch.ones_like(ids))
        mt.decode(torch.tensor([[g.vocab_size - 1, bank]]), enc, torch.ones_like(ids))
    hook.remove()
    return float(captured["x"][0, 1].numpy() @ marker)

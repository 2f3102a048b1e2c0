"""Tokenizer and config files in the layout of the Xenova/opus-mt-nl-en export:
source.spm / target.spm (SentencePiece Unigram models with the nmt_nfkc normalizer), vocab.json (the joint
vocabulary: </s> 0, <unk> 1, ..., <pad> last), tokenizer.json (as transformers.js' Marian converter writes it,
quirks included), tokenizer_config.json, special_tokens_map.json, config.json, generation_config.json.
"""
import io
import json
import os
import re

import sentencepiece as spm
from sentencepiece import sentencepiece_model_pb2 as pb

EOS, UNK, PAD = "</s>", "<unk>", "<pad>"
SPECIALS = (EOS, UNK, PAD)  # MarianTokenizer.all_special_tokens order
SPACE = "\u2581"
MISSING_SCORE = -100  # the converter's score for a vocab piece that neither SentencePiece model has


def _nmt_nfkc_normalizer():
    """The nmt_nfkc NormalizerSpec (with its precompiled_charsmap), taken from a throwaway trained model."""
    out = io.BytesIO()
    text = ["de kat zit op de mat", "the cat sits on the mat"] * 20
    spm.SentencePieceTrainer.train(sentence_iterator=iter(text), model_writer=out, vocab_size=20,
                                   model_type="unigram", normalization_rule_name="nmt_nfkc",
                                   hard_vocab_limit=False, num_threads=1, minloglevel=2)
    model = pb.ModelProto()
    model.ParseFromString(out.getvalue())
    return model.normalizer_spec


def make_spm(pieces, input_name, prefix):
    """A SentencePiece Unigram ModelProto: <unk> <s> </s>, then pieces [(piece, score)] by descending score."""
    model = pb.ModelProto()
    for piece, kind in (("<unk>", pb.ModelProto.SentencePiece.UNKNOWN), ("<s>", pb.ModelProto.SentencePiece.CONTROL),
                        ("</s>", pb.ModelProto.SentencePiece.CONTROL)):
        model.pieces.add(piece=piece, score=0.0, type=kind)
    for piece, score in sorted(pieces, key=lambda p: -p[1]):
        model.pieces.add(piece=piece, score=score, type=pb.ModelProto.SentencePiece.NORMAL)
    spec = model.trainer_spec
    spec.input.append(input_name)
    spec.model_prefix = prefix
    spec.model_type = pb.TrainerSpec.UNIGRAM
    spec.vocab_size = len(model.pieces)
    spec.num_threads = 1
    model.normalizer_spec.CopyFrom(_nmt_nfkc_normalizer())
    data = model.SerializeToString()
    spm.SentencePieceProcessor(model_proto=data)  # must load
    return data


def _dump(path, obj, indent=2, ensure_ascii=True, newline=True):
    with open(path, "w", encoding="utf-8") as f:
        f.write(json.dumps(obj, indent=indent, ensure_ascii=ensure_ascii) + ("\n" if newline else ""))


def tokenizer_json(vocab, source_proto, target_proto):
    """What transformers.js' Marian converter writes: joint vocab with max(source, target) scores, Precompiled
    normalizer with a null charsmap, Unigram unk_id 2 (not <unk>'s id), </s> appended by TemplateProcessing."""
    def scores(proto):
        sp = spm.SentencePieceProcessor(model_proto=proto)
        return {sp.IdToPiece(i): sp.GetScore(i) for i in range(sp.GetPieceSize())}

    src, tgt = scores(source_proto), scores(target_proto)
    eos = {"id": EOS, "type_id": 0}
    return {
        "version": "1.0", "truncation": None, "padding": None,
        "added_tokens": [{"id": vocab[t], "special": True, "content": t, "single_word": False, "lstrip": False,
                          "rstrip": False, "normalized": False} for t in SPECIALS],
        "normalizer": {"type": "Precompiled", "precompiled_charsmap": None},
        "pre_tokenizer": {"type": "Sequence", "pretokenizers": [
            {"type": "WhitespaceSplit"}, {"type": "Metaspace", "replacement": SPACE, "add_prefix_space": True}]},
        "post_processor": {
            "type": "TemplateProcessing",
            "single": [{"Sequence": {"id": "A", "type_id": 0}}, {"SpecialToken": eos}],
            "pair": [{"Sequence": {"id": "A", "type_id": 0}}, {"SpecialToken": eos},
                     {"Sequence": {"id": "B", "type_id": 0}}, {"SpecialToken": eos}],
            "special_tokens": {EOS: {"id": EOS, "ids": [vocab[EOS]], "tokens": [EOS]}}},
        "decoder": {"type": "Metaspace", "replacement": SPACE, "add_prefix_space": True},
        "model": {"type": "Unigram", "unk_id": 2, "vocab": [
            [k, 0.0 if k in SPECIALS else max(src.get(k, MISSING_SCORE), tgt.get(k, MISSING_SCORE))]
            for k in vocab]},
    }


def write_tokenizer_files(out_dir, vocab, source_proto, target_proto):
    """vocab: dict piece -> id in id order, </s> 0, <unk> 1, <pad> last."""
    ids = list(vocab.values())
    assert ids == list(range(len(ids))) and vocab[EOS] == 0 and vocab[UNK] == 1 and vocab[PAD] == len(ids) - 1
    with open(os.path.join(out_dir, "source.spm"), "wb") as f:
        f.write(source_proto)
    with open(os.path.join(out_dir, "target.spm"), "wb") as f:
        f.write(target_proto)
    _dump(os.path.join(out_dir, "vocab.json"), vocab, newline=False)
    _dump(os.path.join(out_dir, "tokenizer.json"), tokenizer_json(vocab, source_proto, target_proto),
          indent=4, newline=False)
    _dump(os.path.join(out_dir, "special_tokens_map.json"), {"eos_token": EOS, "pad_token": PAD, "unk_token": UNK})
    _dump(os.path.join(out_dir, "tokenizer_config.json"), {
        "clean_up_tokenization_spaces": True, "eos_token": EOS, "model_max_length": 512, "pad_token": PAD,
        "separate_vocabs": False, "source_lang": "nl", "sp_model_kwargs": {}, "target_lang": "en",
        "tokenizer_class": "MarianTokenizer", "unk_token": UNK})


def write_configs(out_dir, g):
    """config.json and generation_config.json with the keys (and key order) of the real export."""
    pad = g.vocab_size - 1
    _dump(os.path.join(out_dir, "config.json"), {
        "_name_or_path": "Helsinki-NLP/opus-mt-nl-en", "activation_dropout": 0.0, "activation_function": "swish",
        "add_bias_logits": False, "add_final_layer_norm": False, "architectures": ["MarianMTModel"],
        "attention_dropout": 0.0, "bad_words_ids": [[pad]], "bos_token_id": 0, "classif_dropout": 0.0,
        "classifier_dropout": 0.0, "d_model": g.d_model, "decoder_attention_heads": g.decoder_heads,
        "decoder_ffn_dim": g.decoder_ffn_dim, "decoder_layerdrop": 0.0, "decoder_layers": g.decoder_layers,
        "decoder_start_token_id": pad, "decoder_vocab_size": g.vocab_size, "dropout": 0.1,
        "encoder_attention_heads": g.encoder_heads, "encoder_ffn_dim": g.encoder_ffn_dim, "encoder_layerdrop": 0.0,
        "encoder_layers": g.encoder_layers, "eos_token_id": 0, "extra_pos_embeddings": g.vocab_size,
        "forced_eos_token_id": 0, "id2label": {"0": "LABEL_0", "1": "LABEL_1", "2": "LABEL_2"},
        "init_std": 0.02, "is_encoder_decoder": True, "label2id": {"LABEL_0": 0, "LABEL_1": 1, "LABEL_2": 2},
        "max_length": 512, "max_position_embeddings": g.max_position_embeddings, "model_type": "marian",
        "normalize_before": False, "normalize_embedding": False, "num_beams": 6,
        "num_hidden_layers": g.encoder_layers, "pad_token_id": pad, "scale_embedding": True,
        "share_encoder_decoder_embeddings": True, "static_position_embeddings": True,
        "transformers_version": "4.33.2", "use_cache": True, "vocab_size": g.vocab_size})
    _dump(os.path.join(out_dir, "generation_config.json"), {
        "bad_words_ids": [[pad]], "bos_token_id": 0, "decoder_start_token_id": pad, "eos_token_id": 0,
        "forced_eos_token_id": 0, "max_length": 512, "num_beams": 6, "pad_token_id": pad,
        "transformers_version": "4.33.2", "renormalize_logits": True})


class MarianTokenizer:
    """Reference semantics for the checks (Hugging Face's MarianTokenizer): source spm pieces -> vocab ids
    (unknown -> <unk>) + </s>; ids -> pieces -> target spm text, specials skipped, tokenization spaces cleaned."""

    def __init__(self, vocab, source_proto, target_proto):
        self.vocab = vocab
        self.pieces = {i: p for p, i in vocab.items()}
        self.source = spm.SentencePieceProcessor(model_proto=source_proto)
        self.target = spm.SentencePieceProcessor(model_proto=target_proto)

    def encode(self, text):
        pieces = self.source.EncodeAsPieces(text)
        return [self.vocab.get(p, self.vocab[UNK]) for p in pieces] + [self.vocab[EOS]]

    def decode(self, ids):
        pieces = [self.pieces[i] for i in ids if self.pieces[i] not in SPECIALS]
        text = self.target.DecodePieces(pieces)
        for a, b in ((" .", "."), (" ?", "?"), (" !", "!"), (" ,", ","), (" ' ", "'"), (" n't", "n't"),
                     (" 'm", "'m"), (" 's", "'s"), (" 've", "'ve"), (" 're", "'re")):
            text = text.replace(a, b)
        return text


def unigram_encode(tokenizer, text):
    """tokenizer.json semantics (no normalization: the charsmap is null): whitespace split, '\u2581' prefix,
    Viterbi over the joint Unigram scores, unknown characters -> unk_id, then </s>."""
    model = tokenizer["model"]
    scores = {p: s for p, s in model["vocab"]}
    ids = {p: i for i, (p, _) in enumerate(model["vocab"])}
    out = []
    for word in re.split(r"\s+", text.strip()):
        word = SPACE + word
        best = [(0.0, [])] + [None] * len(word)
        for end in range(1, len(word) + 1):
            for start in range(end):
                if best[start] is None:
                    continue
                piece = word[start:end]
                if piece in scores and piece not in SPECIALS:
                    cand = (best[start][0] + scores[piece], best[start][1] + [ids[piece]])
                elif end - start == 1:
                    cand = (best[start][0] - 100.0, best[start][1] + [model["unk_id"]])
                else:
                    continue
                if best[end] is None or cand[0] > best[end][0]:
                    best[end] = cand
        out += best[-1][1]
    return out + [ids[EOS]]

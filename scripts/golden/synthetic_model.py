#!/usr/bin/python3
"""Writes a tiny hand-made Marian model directory (no weights) for tokenizer tests that must run without ../shared.

Run with Debian's interpreter: /usr/bin/python3 scripts/golden/synthetic_model.py OUT_DIR
The .spm files are written with SentencePiece's own protobuf classes and loaded back with the sentencepiece
library, so they are genuine ModelProtos. Normalization is 'identity' (no charsmap); the pieces are chosen so that
each rule of the SPM path shows up: a Viterbi choice, a source piece missing from vocab.json (bc), a target-only
vocab.json entry that an unknown run spells (!), and a control piece that is in vocab.json (<s>).
Then run marian_ids.py on OUT_DIR with --sentences synthetic_sentences.json for the golden ids.
"""
import json
import sys
from pathlib import Path

import sentencepiece
from sentencepiece import sentencepiece_model_pb2 as model_pb2

NORMAL, UNKNOWN, CONTROL = 1, 2, 3
SPECIALS = [("<unk>", 0.0, UNKNOWN), ("<s>", 0.0, CONTROL), ("</s>", 0.0, CONTROL)]
SOURCE = SPECIALS + [("▁", -2.0, NORMAL), ("a", -3.0, NORMAL), ("b", -3.0, NORMAL), ("c", -3.0, NORMAL),
                     ("▁ab", -4.0, NORMAL), ("▁a", -2.5, NORMAL), ("bc", -1.0, NORMAL)]
TARGET = SPECIALS + [("▁", -2.0, NORMAL), ("a", -3.0, NORMAL), ("b", -3.0, NORMAL), ("!", -3.0, NORMAL),
                     ("▁a", -2.5, NORMAL)]
VOCAB = ["</s>", "<unk>", "▁", "a", "b", "c", "▁ab", "▁a", "!", "<s>", "<pad>"]


def spm_bytes(pieces):
    proto = model_pb2.ModelProto()
    for text, score, kind in pieces:
        piece = proto.pieces.add()
        piece.piece, piece.score, piece.type = text, score, kind
    proto.trainer_spec.model_type = model_pb2.TrainerSpec.UNIGRAM
    proto.normalizer_spec.name = "identity"
    return proto.SerializeToString()


def main(out_dir):
    out_dir.mkdir(parents=True, exist_ok=True)
    for name, pieces in (("source.spm", SOURCE), ("target.spm", TARGET)):
        (out_dir / name).write_bytes(spm_bytes(pieces))
        sentencepiece.SentencePieceProcessor(model_file=str(out_dir / name))  # must load
    (out_dir / "vocab.json").write_text(json.dumps({p: i for i, p in enumerate(VOCAB)}, ensure_ascii=False, indent=1))
    config = {"eos_token": "</s>", "unk_token": "<unk>", "pad_token": "<pad>", "clean_up_tokenization_spaces": True}
    (out_dir / "tokenizer_config.json").write_text(json.dumps(config, indent=1))
    print(f"synthetic model -> {out_dir}")


if __name__ == "__main__":
    main(Path(sys.argv[1]))

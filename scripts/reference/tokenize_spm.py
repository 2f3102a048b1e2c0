#!/usr/bin/python3
"""What Python's MarianTokenizer does for the source side: source.spm pieces mapped through vocab.json
(missing pieces -> <unk>), then </s>. One line of text in, one JSON object out. Needs Debian's python3-sentencepiece:
    /usr/bin/python3 tokenize_spm.py MODEL_DIR < sentences.txt"""
import json
import sys

import sentencepiece

model_dir = sys.argv[1]
spm = sentencepiece.SentencePieceProcessor(model_file=f"{model_dir}/source.spm")
vocab = json.load(open(f"{model_dir}/vocab.json", encoding="utf-8"))
for line in sys.stdin:
    text = line.rstrip("\n")
    pieces = spm.encode(text, out_type=str)
    ids = [vocab.get(p, vocab["<unk>"]) for p in pieces] + [vocab["</s>"]]
    print(json.dumps({"text": text, "ids": ids, "tokens": pieces + ["</s>"]}, ensure_ascii=False))

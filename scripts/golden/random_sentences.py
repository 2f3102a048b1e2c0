#!/usr/bin/python3
"""Writes a seeded table of random, hostile sentences ([name, text] pairs) for marian_ids.py --sentences.

Dutch words mixed with odd spaces, combining marks, ZWJ, compatibility characters, emoji, other scripts,
literal special tokens and language codes: the cases where a tokenizer port is most likely to drift.
    /usr/bin/python3 scripts/golden/random_sentences.py 600 /tmp/random.json
"""
import json
import random
import sys

WORDS = ("de het een lunch tussen twee leiders werd afgelast café één ruïne zeeën België naïef ﬁets 7.30 1,2 mld. "
         "„quote” ‘x’ «y» — – … ½ ³ Ⅳ ｆｕｌｌ 中文 😀 한국 مرحبا Жизнь ß İ ŉ ǅ ﬀ ① ㎏ ㈱ \u00ad \u200d \u0085 \u0000 "
         "</s> <unk> <pad> >>x<< ~ ～ \u0303 e\u0301 A\u030a").split(" ")
SEPARATORS = [" ", "  ", "\t", "\u00a0", "\u3000", "", "\n", " \u200b "]
RANGES = [(0x20, 0x7E), (0xA0, 0x2FFF), (0x3000, 0xD7FF), (0xE000, 0xFFEF), (0x1F300, 0x1F6FF)]


def random_word(rng):
    if rng.random() >= 0.2:
        return rng.choice(WORDS)
    return "".join(chr(rng.randint(*rng.choice(RANGES))) for _ in range(rng.randint(1, 4)))


def main(count, out):
    rng = random.Random(20261128)
    cases = []
    for i in range(count):
        text = "".join(random_word(rng) + rng.choice(SEPARATORS) for _ in range(rng.randint(0, 12)))
        if rng.random() < 0.3:
            text = rng.choice(SEPARATORS) + text
        cases.append([f"random_{i:04d}", text])
    with open(out, "w", encoding="utf-8") as handle:
        json.dump(cases, handle, ensure_ascii=True, indent=0)


if __name__ == "__main__":
    main(int(sys.argv[1]), sys.argv[2])

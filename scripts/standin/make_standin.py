"""Generates the stand-in Marian models (see README.md beside this file).

    make_standin.py                 -> src/test/resources/models/{tiny-dict,tiny-random} (committed fixtures)
    make_standin.py --full DIR      -> the full-size random model in DIR (never committed)
    make_standin.py --requantize DIR -> DIR/onnx/*_quantized.onnx again from DIR's fp32 graphs, lm_head included

The committed fixtures keep a float lm_head (output_projection=False: their bytes and EXPECTED tables stay as they
were made); the full-size model quantizes it too, as the service's int8 precision is meant to run.
"""
import argparse
import os
import shutil
import sys
import time

import numpy as np
import onnx
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import random_models  # noqa: E402
import tiny_dict  # noqa: E402
from export import (export_decoder, export_decoder_with_past, export_encoder, merge_decoders,  # noqa: E402
                    tie_lm_head)
from quantize import FakeQuant, quantize  # noqa: E402
from search import Generator, cached_vs_uncached  # noqa: E402
from tokenizer_files import (PAD, MarianTokenizer, make_spm, tokenizer_json, unigram_encode,  # noqa: E402
                             write_configs, write_tokenizer_files)

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FIXTURES = os.path.join(ROOT, "src", "test", "resources", "models")
GRAPHS = ("encoder_model", "decoder_model", "decoder_with_past_model", "decoder_model_merged")


def log(msg):
    print(msg, flush=True)


def check(condition, message):
    if not condition:
        raise SystemExit("CHECK FAILED: " + message)


def write_model(out_dir, mt, vocab, source_proto, target_proto, output_projection=False):
    """All files of one model directory: tokenizer, configs, 4 graphs fp32 + 4 int8."""
    if os.path.isdir(out_dir):
        shutil.rmtree(out_dir)
    os.makedirs(os.path.join(out_dir, "onnx"))
    write_tokenizer_files(out_dir, vocab, source_proto, target_proto)
    write_configs(out_dir, mt.geometry)
    g = mt.geometry
    torch.manual_seed(0)
    graphs = {"encoder_model": export_encoder(mt)}
    graphs["decoder_model"] = tie_lm_head(export_decoder(mt))
    graphs["decoder_with_past_model"] = tie_lm_head(export_decoder_with_past(mt))
    graphs["decoder_model_merged"] = merge_decoders(graphs["decoder_model"], graphs["decoder_with_past_model"],
                                                    g.decoder_heads, g.d_model // g.decoder_heads)
    for name in GRAPHS:
        model = graphs[name]
        onnx.checker.check_model(model)
        onnx.save(model, os.path.join(out_dir, "onnx", name + ".onnx"))
        write_quantized(model, out_dir, name, output_projection)
        del graphs[name]


def write_quantized(model, out_dir, name, output_projection):
    """DIR/onnx/NAME_quantized.onnx, written beside and renamed into place (a reader never sees half a file)."""
    quantized, count = quantize(model, output_projection)
    onnx.checker.check_model(quantized)
    target = os.path.join(out_dir, "onnx", name + "_quantized.onnx")
    onnx.save(quantized, target + ".tmp")
    os.replace(target + ".tmp", target)
    log(f"  {name}: {count} MatMuls quantized" + (" (lm_head included)" if output_projection else ""))


def requantize(out_dir):
    for name in GRAPHS:
        write_quantized(onnx.load(os.path.join(out_dir, "onnx", name + ".onnx")), out_dir, name, True)


@torch.no_grad()
def check_invariants(mt, sentences_ids):
    """Torch-level: cached == uncached decoding, batched (padded) == one by one."""
    pad = mt.pad_token_id
    width = max(len(ids) for ids in sentences_ids)
    ids = torch.tensor([ids + [pad] * (width - len(ids)) for ids in sentences_ids])
    mask = torch.tensor([[1] * len(ids) + [0] * (width - len(ids)) for ids in sentences_ids])
    prefix = torch.tensor([[pad, 5, 9, 12, 7, 3, 20, 8]] * len(sentences_ids))
    worst = cached_vs_uncached(mt, ids, mask, prefix)
    check(worst < 1e-4, f"cached vs uncached logits differ by {worst}")
    enc = mt.encode(ids, mask)
    batched, _ = mt.decode(prefix, enc, mask)
    single_worst = 0.0
    for i, row in enumerate(sentences_ids):
        one = torch.tensor([row])
        alone, _ = mt.decode(prefix[i:i + 1], mt.encode(one, torch.ones_like(one)), torch.ones_like(one))
        single_worst = max(single_worst, float((alone[0] - batched[i]).abs().max()))
    check(single_worst < 1e-4, f"batched vs one-by-one logits differ by {single_worst}")
    log(f"  cached vs uncached max |diff| {worst:.2e}; batched vs one-by-one {single_worst:.2e}")


def build_tiny_dict():
    log("tiny-dict: hand-weighted dictionary model")
    source, target, vocab, translation = tiny_dict.build_vocabulary()
    source_proto = make_spm(source, "nl.txt", "source")
    target_proto = make_spm(target, "en.txt", "target")
    tok = MarianTokenizer(vocab, source_proto, target_proto)
    tok_json = tokenizer_json(vocab, source_proto, target_proto)
    mt = tiny_dict.build_model(vocab, translation)
    gen = Generator(mt)

    rows = []
    for dutch, english in tiny_dict.TRANSLATIONS:
        ids = tok.encode(dutch)
        check(unigram_encode(tok_json, dutch) == ids, f"tokenizer.json and source.spm disagree on {dutch!r}")
        out = gen.greedy(ids)
        check(tok.decode(out) == english, f"greedy {dutch!r} -> {tok.decode(out)!r}, expected {english!r}")
        check(len(out) == len(ids), f"{dutch!r}: output length {len(out)} != input length {len(ids)}")
        for beams in (4, 6):
            got = tok.decode(gen.beam(ids, beams))
            check(got == english, f"beam {beams} {dutch!r} -> {got!r}")
        with FakeQuant(mt, output_projection=False):
            got = [tok.decode(gen.greedy(ids)), tok.decode(gen.beam(ids, 6))]
        check(got == [english] * 2, f"int8 {dutch!r} -> {got!r}")
        rows.append((dutch, english, ids, out))
    beam_rows = []
    for dutch, greedy, beam in tiny_dict.BEAM_TRANSLATIONS:
        ids = tok.encode(dutch)
        check(unigram_encode(tok_json, dutch) == ids, f"tokenizer.json and source.spm disagree on {dutch!r}")
        check(tok.decode(gen.greedy(ids)) == greedy, f"greedy {dutch!r}")
        for beams in (2, 4, 6):
            check(tok.decode(gen.beam(ids, beams)) == beam, f"beam {beams} {dutch!r}")
        with FakeQuant(mt, output_projection=False):
            got = [tok.decode(gen.greedy(ids)), tok.decode(gen.beam(ids, 2)), tok.decode(gen.beam(ids, 6))]
        check(got == [greedy, beam, beam], f"int8 {dutch!r} -> {got!r}")
        beam_rows.append((dutch, greedy, beam, ids, gen.greedy(ids)))
    log(f"  {len(rows)} sentences translate exactly (greedy, beam 4/6, int8); "
        f"{len(beam_rows)} where beam search beats greedy")
    check_invariants(mt, [r[2] for r in rows[:4]])

    out_dir = os.path.join(FIXTURES, "tiny-dict")
    write_model(out_dir, mt, vocab, source_proto, target_proto)
    ids_text = lambda ids: " ".join(map(str, ids))
    with open(os.path.join(out_dir, "EXPECTED.tsv"), "w", encoding="utf-8") as f:
        f.writelines(f"{d}\t{e}\n" for d, e, _, _ in rows)
    with open(os.path.join(out_dir, "EXPECTED-BEAM.tsv"), "w", encoding="utf-8") as f:
        f.writelines(f"{d}\t{g}\t{b}\n" for d, g, b, _, _ in beam_rows)
    with open(os.path.join(out_dir, "EXPECTED-IDS.tsv"), "w", encoding="utf-8") as f:
        f.writelines(f"{d}\t{ids_text(i)}\t{ids_text(o)}\n" for d, _, i, o in rows)
        f.writelines(f"{d}\t{ids_text(i)}\t{ids_text(o)}\n" for d, _, _, i, o in beam_rows)
    return vocab, source_proto, target_proto, tok


def greedy_margin(gen, ids):
    """Greedy output and the smallest gap between the best and second-best logit along the way."""
    enc, mask = gen.encode(ids)
    out, margin = [gen.pad], float("inf")
    while len(out) < gen.max_length:
        logits = gen.next_logits(enc, mask, [out])[0].clone()
        logits[gen.pad] = -float("inf")
        top = torch.topk(logits, 2).values
        margin = min(margin, float(top[0] - top[1]))
        out.append(int(torch.argmax(logits)))
        if out[-1] == gen.eos:
            break
    return out[1:], margin


def build_tiny_random(vocab, source_proto, target_proto, tok):
    log("tiny-random: random weights on an alignment backbone (seed 18), d_model 64, 2+2 layers, 4 heads")
    mt = random_models.aligned_random_model(len(vocab), vocab[PAD], random_models.TINY, seed=18)
    gen = Generator(mt)
    rows, lengths = [], []
    for dutch, _ in tiny_dict.TRANSLATIONS:
        ids = tok.encode(dutch)
        out, margin = greedy_margin(gen, ids)
        lengths.append(len(out))
        if margin > 0.05:
            rows.append((dutch, ids, out))
    log(f"  greedy output lengths {lengths}")
    check(all(2 <= n <= 40 for n in lengths), "tiny-random greedy lengths out of range")
    check(len(rows) >= 10, "too few sentences with a clear greedy margin")
    check_invariants(mt, [r[1] for r in rows[:4]])
    out_dir = os.path.join(FIXTURES, "tiny-random")
    write_model(out_dir, mt, vocab, source_proto, target_proto)
    with open(os.path.join(out_dir, "EXPECTED-IDS.tsv"), "w", encoding="utf-8") as f:
        f.writelines(f"{d}\t{' '.join(map(str, i))}\t{' '.join(map(str, o))}\n" for d, i, o in rows)


def build_full(out_dir):
    log(f"full: opus-mt-nl-en geometry, random weights -> {out_dir}")
    start = time.time()
    source, target, small_vocab, _ = tiny_dict.build_vocabulary()
    vocab, extra = random_models.pad_vocabulary(small_vocab, random_models.FULL_VOCAB)
    synthetic = [(p, -9.0 - 0.1 * len(p)) for p in extra]
    source_proto = make_spm(source + synthetic, "nl.txt", "source")
    target_proto = make_spm(target + synthetic, "en.txt", "target")
    mt = random_models.aligned_random_model(len(vocab), vocab[PAD], random_models.FULL, seed=4321)
    tok = MarianTokenizer(vocab, source_proto, target_proto)
    gen = Generator(mt, max_length=512)
    t = time.time()
    out = gen.greedy(tok.encode("De kat zit op de mat en de hond ligt in de tuin."))
    log(f"  torch greedy: {len(out)} tokens in {time.time() - t:.1f} s: {tok.decode(out)[:80]!r}")
    write_model(out_dir, mt, vocab, source_proto, target_proto, output_projection=True)
    log(f"  written in {time.time() - start:.0f} s")


def report(directory):
    total = 0
    for base, _, files in sorted(os.walk(directory)):
        for name in sorted(files):
            size = os.path.getsize(os.path.join(base, name))
            total += size
            log(f"  {size:>12,}  {os.path.relpath(os.path.join(base, name), directory)}")
    log(f"  {total:>12,}  total")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--full", metavar="DIR", help="write the full-size random model to DIR instead")
    parser.add_argument("--requantize", metavar="DIR", help="rewrite DIR's int8 graphs from its fp32 ones")
    args = parser.parse_args()
    torch.set_num_threads(1)
    np.seterr(all="raise")
    if args.requantize:
        requantize(os.path.abspath(args.requantize))
        report(os.path.abspath(args.requantize))
        return
    if args.full:
        build_full(os.path.abspath(args.full))
        report(os.path.abspath(args.full))
        return
    vocab, source_proto, target_proto, tok = build_tiny_dict()
    build_tiny_random(vocab, source_proto, target_proto, tok)
    report(FIXTURES)


if __name__ == "__main__":
    main()

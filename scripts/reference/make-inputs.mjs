#!/usr/bin/env node
// Deterministic source-id sequences for a model folder: one JSON array per line, each ending with the eos id of
// config.json, the other ids drawn by a seeded generator (mulberry32) from [2, vocab_size - 2] (0/1 and the last id
// are eos/unk/pad in Marian exports).
//   node make-inputs.mjs MODEL_DIR [--seed N] [--lengths 1,3,...]
import { readFileSync } from 'node:fs';
import path from 'node:path';

const argv = process.argv.slice(2);
if (argv.length < 1) {
    console.error('usage: node make-inputs.mjs MODEL_DIR [--seed N] [--lengths 1,3,...]');
    process.exit(2);
}
const option = (name, fallback) => {
    const i = argv.indexOf(name);
    return i >= 0 && i + 1 < argv.length ? argv[i + 1] : fallback;
};
const seed = Number(option('--seed', '20251128'));
// lengths include the eos: a lone eos, short, middling and ~40-token sentences, deliberately unsorted
const lengths = option('--lengths', '12,1,40,3,27,7,33,19').split(',').map(Number);

const config = JSON.parse(readFileSync(path.join(argv[0], 'config.json'), 'utf8'));
const vocab = config.vocab_size;
const eos = config.eos_token_id;

let state = seed >>> 0;
function next() { // mulberry32: uniform in [0, 1)
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
for (const length of lengths) {
    const ids = Array.from({ length: length - 1 }, () => 2 + Math.floor(next() * (vocab - 3)));
    process.stdout.write(JSON.stringify([...ids, eos]) + '\n');
}

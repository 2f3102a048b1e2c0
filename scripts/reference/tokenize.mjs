#!/usr/bin/env node
// transformers.js 4.x tokenizer on a local model folder's tokenizer.json: one line of text in, one JSON object out
// ({"text", "ids", "tokens"}). For the record only: the Java engine encodes with source.spm instead.
//   node tokenize.mjs MODEL_DIR < sentences.txt
import path from 'node:path';
import { createInterface } from 'node:readline';
import { AutoTokenizer, env } from '@huggingface/transformers';

const dir = path.resolve(process.argv[2] ?? '');
env.allowRemoteModels = false;
env.localModelPath = path.dirname(dir) + '/';
const tokenizer = await AutoTokenizer.from_pretrained(path.basename(dir), { local_files_only: true });
for await (const text of createInterface({ input: process.stdin })) {
    const ids = tokenizer.encode(text);
    process.stdout.write(JSON.stringify({ text, ids, tokens: tokenizer.tokenize(text, { add_special_tokens: true }) }) + '\n');
}

#!/usr/bin/env node
// Throughput of transformers.js 4.x (@huggingface/transformers + onnxruntime-node) on a LOCAL Marian export, for
// scripts/bench.sh: JSON arrays of source ids on stdin, greedy generation one sentence at a time (4.x has no beam
// search), timed without the model load. Prints one tab-separated line per length mode, like the Java benchmark:
//   row  js-<dtype>  1  1  forced|natural  sentences  tokens  seconds  tokens/s  sentences/s
//
//   node bench.mjs --model DIR [--dtype fp32|q8] [--forced-tokens N] [--lengths forced,natural] [--threads N]
// forced = min_new_tokens = max_new_tokens = N; natural = generation_config.json's own stopping (max_length, eos).
// Tokens counted as the Java side counts them: generated ids without the decoder start, up to and with the eos.

import path from 'node:path';
import { createInterface } from 'node:readline';

function parseArgs(argv) {
    const args = { model: null, dtype: 'fp32', forced: 32, lengths: ['forced', 'natural'], threads: 0 };
    for (let i = 0; i < argv.length; i++) {
        const value = () => argv[++i];
        switch (argv[i]) {
            case '--model': args.model = path.resolve(value()); break;
            case '--dtype': args.dtype = value(); break;
            case '--forced-tokens': args.forced = Number(value()); break;
            case '--lengths': args.lengths = value().split(','); break;
            case '--threads': args.threads = Number(value()); break;
            default: throw new Error(`unknown argument ${argv[i]}`);
        }
    }
    if (!args.model) throw new Error('--model DIR is required');
    return args;
}

async function main() {
    const args = parseArgs(process.argv.slice(2));
    const inputs = [];
    for await (const line of createInterface({ input: process.stdin })) {
        if (line.trim() !== '') inputs.push(JSON.parse(line));
    }
    const mod = await import('@huggingface/transformers');
    mod.env.allowRemoteModels = false;
    mod.env.allowLocalModels = true;
    mod.env.localModelPath = path.dirname(args.model) + '/';
    const sessionOptions = args.threads > 0 ? { intraOpNumThreads: args.threads } : undefined;
    const model = await mod.AutoModelForSeq2SeqLM.from_pretrained(path.basename(args.model), {
        dtype: args.dtype, local_files_only: true, device: 'cpu', ...(sessionOptions ? { session_options: sessionOptions } : {}),
    });
    const eos = model.config.eos_token_id;
    const feeds = (ids) => ({
        input_ids: new mod.Tensor('int64', BigInt64Array.from(ids.map(BigInt)), [1, ids.length]),
        attention_mask: new mod.Tensor('int64', new BigInt64Array(ids.length).fill(1n), [1, ids.length]),
    });
    const generate = async (ids, mode) => {
        const lengths = mode === 'forced' ? { max_new_tokens: args.forced, min_new_tokens: args.forced } : {};
        const out = (await model.generate({ ...feeds(ids), num_beams: 1, do_sample: false, ...lengths })).tolist()[0];
        const generated = out.slice(1).map(Number);
        const end = generated.indexOf(eos);
        return end < 0 ? generated.length : end + 1;
    };
    await generate(inputs[0], 'forced'); // warm-up
    for (const mode of args.lengths) {
        let tokens = 0;
        const started = process.hrtime.bigint();
        for (const ids of inputs) tokens += await generate(ids, mode);
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        process.stdout.write(['row', `js-${args.dtype}`, 1, 1, mode, inputs.length, tokens, seconds.toFixed(3),
            (tokens / seconds).toFixed(1), (inputs.length / seconds).toFixed(2)].join('\t') + '\n');
    }
}

main().catch((e) => {
    console.error(`bench: ${e.stack ?? e}`);
    process.exit(1);
});

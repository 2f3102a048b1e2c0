#!/usr/bin/env node
// Reference generation with transformers.js on a LOCAL Marian ONNX export (Xenova layout, fp32):
// JSON arrays of source ids on stdin (each ending with eos), one JSON object per line on stdout:
//   {"source_ids": [...], "target_ids": [...], "score": number|null}
// target_ids: generated ids without the decoder start token, with the final eos when one was generated.
//
//   node generate.mjs --model DIR [--lib v2|v4] [--beams N] [--max-new-tokens N] [--batch] [--show-config]
//   node generate.mjs --model DIR --rescore   (stdin: {"source_ids","target_ids"} objects; adds "score")
//
// --lib v2 = @xenova/transformers 2.17.2 (greedy and beam search), v4 = @huggingface/transformers 4.3.2 (greedy only:
// its generate() keeps one candidate per row, so num_beams > 1 silently degrades to greedy; refused here).
// Generation settings come from the model folder's generation_config.json; --beams / --max-new-tokens override.
// What each library does with those settings is listed in README.md.
//
// score: greedy = sum over steps of log_softmax(processed logits)[chosen token], computed here from the logits
// transformers.js hands its last logits processor (equals Hugging Face's renormalize_logits result);
// beam (v2) = the library's own summed log-probabilities of the returned beam (top_k 0: full-vocabulary softmax)
// divided by len(target_ids) ** length_penalty. null where it cannot be attributed (v2 greedy with --batch).
// --rescore (v4, one teacher-forced decoder pass per line): Hugging Face's beam score of the given target ids,
// sum of log_softmax(processed logits)[token] / len(target_ids) ** length_penalty, with bad_words_ids masked and
// forced_eos_token_id applied at max_length - 1: a way to rank two different hypotheses for one source.

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';

const USAGE = 'usage: node generate.mjs --model DIR [--lib v2|v4] [--beams N] [--max-new-tokens N] [--batch] [--show-config] | --model DIR --rescore';

function parseArgs(argv) {
    const args = { lib: 'v2', beams: null, maxNewTokens: null, batch: false, showConfig: false, rescore: false, model: null };
    for (let i = 0; i < argv.length; i++) {
        const flag = argv[i];
        const value = () => {
            if (i + 1 >= argv.length) throw new Error(`${flag} needs a value`);
            return argv[++i];
        };
        const positive = () => {
            const n = Number(value());
            if (!Number.isInteger(n) || n < 1) throw new Error(`${flag} must be a positive integer`);
            return n;
        };
        switch (flag) {
            case '--model': args.model = path.resolve(value()); break;
            case '--lib': args.lib = value(); break;
            case '--beams': args.beams = positive(); break;
            case '--max-new-tokens': args.maxNewTokens = positive(); break;
            case '--batch': args.batch = true; break;
            case '--show-config': args.showConfig = true; break;
            case '--rescore': args.rescore = true; args.lib = 'v4'; break;
            default: throw new Error(`unknown argument ${flag}`);
        }
    }
    if (!args.model) throw new Error('--model DIR is required');
    if (!['v2', 'v4'].includes(args.lib)) throw new Error('--lib must be v2 or v4');
    return args;
}

async function readInputs() {
    const lines = [];
    for await (const line of createInterface({ input: process.stdin })) {
        if (line.trim() === '') continue;
        lines.push(JSON.parse(line));
    }
    return lines;
}

async function loadLibrary(lib, modelDir) {
    const mod = lib === 'v2' ? await import('@xenova/transformers') : await import('@huggingface/transformers');
    mod.env.allowRemoteModels = false;
    mod.env.allowLocalModels = true;
    mod.env.localModelPath = path.dirname(modelDir) + '/';
    const options = lib === 'v2'
        ? { quantized: false, local_files_only: true }
        : { dtype: 'fp32', local_files_only: true, device: 'cpu' };
    const model = await mod.AutoModelForSeq2SeqLM.from_pretrained(path.basename(modelDir), options);
    return { mod, model };
}

/** Rows of ids right-padded with pad to one length, as an int64 tensor [rows, length], and its attention mask. */
function padded(Tensor, rows, pad) {
    const width = Math.max(...rows.map((r) => r.length));
    const ids = new BigInt64Array(rows.length * width).fill(BigInt(pad));
    const mask = new BigInt64Array(rows.length * width);
    rows.forEach((r, i) => r.forEach((id, j) => {
        ids[i * width + j] = BigInt(id);
        mask[i * width + j] = 1n;
    }));
    return {
        input_ids: new Tensor('int64', ids, [rows.length, width]),
        attention_mask: new Tensor('int64', mask, [rows.length, width]),
    };
}

function logSoftmax(data) {
    let max = -Infinity;
    for (const x of data) if (x > max) max = x;
    let sum = 0;
    for (const x of data) sum += Math.exp(x - max);
    const logZ = max + Math.log(sum);
    return (token) => data[token] - logZ;
}

/** Generated part: drop the decoder start, cut after the first eos (later tokens are padding or run-on). */
function targetIds(sequence, eos) {
    const generated = sequence.slice(1).map(Number);
    const end = generated.indexOf(eos);
    return end < 0 ? generated : generated.slice(0, end + 1);
}

/** Greedy log-prob recorder for v4: processors see the whole batch, rows in input order. */
function v4StepRecorder() {
    const perRow = []; // perRow[row][step] = log-prob function of that step's processed logits
    const processor = (inputIds, logits) => {
        for (let row = 0; row < inputIds.length; row++) {
            (perRow[row] ??= []).push(logSoftmax(logits[row].data.slice()));
        }
        return logits;
    };
    const score = (row, target) => target.reduce((s, token, step) => s + perRow[row][step](token), 0);
    return { processor, score };
}

async function runV4(mod, model, inputs, args, eos) {
    if ((args.beams ?? model.generation_config?.num_beams ?? 1) > 1) {
        throw new Error('@huggingface/transformers 4.x has no beam search (num_beams > 1 degrades to greedy); '
            + 'use --lib v2 or --beams 1');
    }
    const groups = args.batch ? [inputs] : inputs.map((ids) => [ids]);
    const results = [];
    for (const group of groups) {
        const recorder = v4StepRecorder();
        const feeds = padded(mod.Tensor, group, model.config.pad_token_id);
        const sequences = await model.generate({
            ...feeds,
            num_beams: 1,
            do_sample: false,
            ...(args.maxNewTokens ? { max_new_tokens: args.maxNewTokens } : {}),
            logits_processor: [recorder.processor],
            // rows that already produced eos keep generating in 4.x; stop once every row has one
            stopping_criteria: [(ids) => ids.map((row) => row.slice(1).some((t) => t == eos))],
        });
        const rows = sequences.tolist();
        group.forEach((source, i) => {
            const target = targetIds(rows[i], eos);
            results.push({ source_ids: source, target_ids: target, score: recorder.score(i, target) });
        });
    }
    return results;
}

async function runV2(mod, model, inputs, args, eos, generationConfig) {
    const beams = args.beams ?? generationConfig.num_beams ?? 1;
    const lengthPenalty = generationConfig.length_penalty ?? 1.0;
    const groups = args.batch ? [inputs] : inputs.map((ids) => [ids]);
    const results = [];
    for (const group of groups) {
        // greedy: log-probs keyed by decoder prefix (unique within one single-sentence call)
        const stepLogProbs = new Map();
        const recorder = (prefix, logits) => {
            stepLogProbs.set(prefix.join(','), logSoftmax(logits.data.slice()));
            return logits;
        };
        let finalBeams = [];
        const { input_ids } = padded(mod.Tensor, group, model.config.pad_token_id); // 2.x masks pad ids itself
        const sequences = await model.generate(input_ids, {
            num_beams: beams,
            do_sample: false,
            top_k: 0, // 2.x renormalises beam scores over the top_k logits; 0 = the whole vocabulary, as HF does
            ...(args.maxNewTokens ? { max_new_tokens: args.maxNewTokens } : {}),
            callback_function: (current) => { finalBeams = current; },
        }, beams === 1 && !args.batch ? [recorder] : null);
        group.forEach((source, i) => {
            const target = targetIds(sequences[i], eos);
            let score = null;
            if (beams > 1) {
                const best = finalBeams.filter((b) => b.id === i)[0]; // groups are sorted best first
                score = best.score / Math.pow(target.length, lengthPenalty);
            } else if (!args.batch) {
                const full = sequences[i].map(Number);
                score = target.reduce((s, token, step) => s + stepLogProbs.get(full.slice(0, step + 1).join(','))(token), 0);
            }
            results.push({ source_ids: source, target_ids: target, score });
        });
    }
    return results;
}

function checkIds(ids, where) {
    if (!Array.isArray(ids) || ids.length === 0 || !ids.every(Number.isInteger)) {
        throw new Error(`${where}: not a non-empty JSON array of token ids`);
    }
    return ids;
}

/** Teacher-forced Hugging Face beam score of each line's target_ids (see the header). */
async function rescore(mod, model, lines, generationConfig) {
    const lengthPenalty = generationConfig.length_penalty ?? 1.0;
    const maxLength = generationConfig.max_length ?? 20;
    const banned = (generationConfig.bad_words_ids ?? []).filter((w) => w.length === 1).map((w) => w[0]);
    const forcedEos = generationConfig.forced_eos_token_id ?? null;
    const results = [];
    for (const [n, line] of lines.entries()) {
        const source = checkIds(line.source_ids, `line ${n + 1} source_ids`);
        const target = checkIds(line.target_ids, `line ${n + 1} target_ids`);
        const decoderInput = [model.config.decoder_start_token_id, ...target.slice(0, -1)];
        const feeds = padded(mod.Tensor, [source], model.config.pad_token_id);
        const out = await model({ ...feeds, decoder_input_ids: padded(mod.Tensor, [decoderInput], 0).input_ids });
        const vocab = out.logits.dims.at(-1);
        const data = out.logits.data; // [1, steps, vocab]
        let sum = 0;
        target.forEach((token, step) => {
            const row = data.slice(step * vocab, (step + 1) * vocab);
            for (const b of banned) row[b] = -Infinity;
            if (forcedEos !== null && step + 1 === maxLength - 1) { // prefix length incl. decoder start
                row.fill(-Infinity);
                row[forcedEos] = 0;
            }
            sum += logSoftmax(row)(token);
        });
        results.push({ source_ids: source, target_ids: target, score: sum / Math.pow(target.length, lengthPenalty) });
    }
    return results;
}

async function main() {
    let args;
    try {
        args = parseArgs(process.argv.slice(2));
    } catch (e) {
        console.error(`generate: ${e.message}\n${USAGE}`);
        process.exit(2);
    }
    // generation_config.json when present (the libraries read it too), else config.json's generation fields
    const configFile = ['generation_config.json', 'config.json'].map((f) => path.join(args.model, f)).find(existsSync);
    const generationConfig = JSON.parse(readFileSync(configFile, 'utf8'));
    const eos = generationConfig.eos_token_id;
    const lines = await readInputs();
    const { mod, model } = await loadLibrary(args.lib, args.model);
    if (args.rescore) {
        for (const r of await rescore(mod, model, lines, generationConfig)) process.stdout.write(JSON.stringify(r) + '\n');
        return;
    }
    const inputs = lines.map((ids, n) => checkIds(ids, `line ${n + 1}`));
    if (args.showConfig) {
        const effective = args.lib === 'v2' ? model._get_generation_config(null) : model._prepare_generation_config(null, {});
        console.error(JSON.stringify(effective));
        console.error('logits processors:', model._get_logits_processor(effective, 1, null).processors.map((p) => p.constructor.name).join(', '));
    }
    const results = args.lib === 'v2'
        ? await runV2(mod, model, inputs, args, eos, generationConfig)
        : await runV4(mod, model, inputs, args, eos);
    for (const r of results) process.stdout.write(JSON.stringify(r) + '\n');
}

main().catch((e) => {
    console.error(`generate: ${e.stack ?? e}`);
    process.exit(1);
});

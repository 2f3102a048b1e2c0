#!/usr/bin/env node
// Compares two JSON-lines outputs sentence by sentence: source_ids and target_ids exactly, score within a tolerance
// where the reference has one.
//   node compare.mjs --label TEXT --reference REF.jsonl --candidate CAND.jsonl [--tolerance 1e-4]
//       [--reference-rescored F --candidate-rescored F [--policy exact|no-worse]]
// The rescored files (generate.mjs --rescore of each side's output) rank two different hypotheses by Hugging Face's
// length-normalised beam score and check the candidate's own beam score against a teacher-forced pass.
// Prints one summary line, and the first differing sentence in full; exit 1 on any difference, except that with
// --policy no-worse a different hypothesis is accepted when its rescored score is at least the reference's (for
// transformers.js 2.x beam search, which is not Hugging Face's algorithm; see README.md).
import { readFileSync } from 'node:fs';

const argv = process.argv.slice(2);
const option = (name, fallback = null) => {
    const i = argv.indexOf(name);
    return i >= 0 && i + 1 < argv.length ? argv[i + 1] : fallback;
};
const readLines = (file) => (file ? readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l)) : null);

const label = option('--label', 'comparison');
const tolerance = Number(option('--tolerance', '1e-4'));
const reference = readLines(option('--reference'));
const candidate = readLines(option('--candidate'));
const referenceRescored = readLines(option('--reference-rescored'));
const candidateRescored = readLines(option('--candidate-rescored'));
const policy = option('--policy', 'exact');
if (!['exact', 'no-worse'].includes(policy) || (policy === 'no-worse' && !(referenceRescored && candidateRescored))) {
    console.error('compare: --policy is exact, or no-worse together with both rescored files');
    process.exit(2);
}
if (!reference || !candidate) {
    console.error('usage: node compare.mjs --label TEXT --reference REF.jsonl --candidate CAND.jsonl [--tolerance X]');
    process.exit(2);
}

const same = (a, b) => a.length === b.length && a.every((x, i) => x === b[i]);
const firstDifference = (a, b) => {
    let i = 0;
    while (i < a.length && i < b.length && a[i] === b[i]) i++;
    return i;
};
const fmt = (x) => (x === null || x === undefined ? 'null' : Number(x).toFixed(6));

const problems = [];
let accepted = 0;
let exact = 0;
let maxScoreDelta = 0;
if (reference.length !== candidate.length) {
    problems.push({ index: -1, text: `line counts differ: reference ${reference.length}, candidate ${candidate.length}` });
}
for (let i = 0; i < Math.min(reference.length, candidate.length); i++) {
    const r = reference[i];
    const c = candidate[i];
    const notes = [];
    let acceptable = true;
    if (!same(r.source_ids, c.source_ids)) {
        notes.push(`source_ids differ: reference ${JSON.stringify(r.source_ids)} candidate ${JSON.stringify(c.source_ids)}`);
    }
    if (!same(r.target_ids, c.target_ids)) {
        const at = firstDifference(r.target_ids, c.target_ids);
        notes.push(`target_ids differ at position ${at} (lengths ${r.target_ids.length} vs ${c.target_ids.length}): `
            + `reference ${r.target_ids[at] ?? '(end)'} candidate ${c.target_ids[at] ?? '(end)'}`);
        if (referenceRescored && candidateRescored) {
            const rs = referenceRescored[i].score;
            const cs = candidateRescored[i].score;
            const noWorse = cs >= rs - tolerance;
            notes.push(`teacher-forced HF beam score (sum logprob / len^lp): reference hypothesis ${fmt(rs)}, `
                + `candidate hypothesis ${fmt(cs)} -> ${noWorse ? 'candidate is as good or better' : 'REFERENCE IS BETTER'}`);
            acceptable = policy === 'no-worse' && noWorse && same(r.source_ids, c.source_ids);
        } else {
            acceptable = false;
        }
    } else {
        exact++;
        if (r.score !== null && r.score !== undefined) {
            const delta = Math.abs(r.score - c.score);
            maxScoreDelta = Math.max(maxScoreDelta, delta);
            if (!(delta <= tolerance)) {
                acceptable = false;
                notes.push(`score differs by ${delta.toExponential(3)}: reference ${fmt(r.score)} candidate ${fmt(c.score)}`);
            }
        }
    }
    if (candidateRescored && c.score !== null && c.score !== undefined) {
        const delta = Math.abs(candidateRescored[i].score - c.score);
        if (!(delta <= tolerance)) {
            acceptable = false;
            notes.push(`candidate's own score ${fmt(c.score)} != teacher-forced rescoring ${fmt(candidateRescored[i].score)} `
                + `(delta ${delta.toExponential(3)})`);
        }
    }
    if (notes.length > 0) {
        problems.push({ index: i, notes, r, c });
        if (acceptable) accepted++;
    }
}

const total = Math.min(reference.length, candidate.length);
console.log(`${label}: ${exact}/${total} target_ids identical, max |score delta| on identical ${exact > 0 ? maxScoreDelta.toExponential(2) : "n/a"}, `
    + `${problems.length} sentence(s) with differences`
    + (policy === 'no-worse' ? ` (${accepted} accepted: different hypothesis, no worse by HF's score)` : ''));
if (problems.length > 0) {
    const p = problems[0];
    if (p.index < 0) {
        console.log(`  ${p.text}`);
    } else {
        console.log(`  first differing sentence: #${p.index + 1}`);
        for (const n of p.notes) console.log(`    ${n}`);
        console.log(`    source_ids           ${JSON.stringify(p.r.source_ids)}`);
        console.log(`    reference target_ids ${JSON.stringify(p.r.target_ids)} score ${fmt(p.r.score)}`);
        console.log(`    candidate target_ids ${JSON.stringify(p.c.target_ids)} score ${fmt(p.c.score)}`);
    }
    for (const q of problems.slice(1)) {
        if (q.index >= 0) console.log(`  also #${q.index + 1}: ${q.notes.join('; ')}`);
    }
    if (accepted < problems.length) process.exit(1);
}

// The translation page: posts the article to POST /v1/translate/stream, reads its Server-Sent Events from the fetch()
// body (EventSource cannot POST), shows each paragraph as it arrives, then the aligned view, copy and downloads.
// Plain ES module, no framework, no build step; every element it uses is in index.html (the page's CSP allows no
// inline script or style).

/**
 * Sentences whose mean log-probability per generated token is below this are marked as low confidence; the page's
 * address can set another threshold: /?low=-0.5.
 */
const lowParameter = Number.parseFloat(new URLSearchParams(window.location.search).get('low'));
export const LOW_CONFIDENCE_BELOW = Number.isFinite(lowParameter) ? lowParameter : -1.0;

const KEY_STORAGE = 'nlen.apiKey';

const $ = (id) => document.getElementById(id);

const form = $('translate-form');
const source = $('source');
const fileInput = $('file');
const beamsInput = $('beams');
const apiKey = $('api-key');
const translateButton = $('translate');
const cancelButton = $('cancel');
const progressSection = $('progress-section');
const progress = $('progress');
const statusLine = $('status');
const errorBox = $('error');
const result = $('result');
const summary = $('summary');
const aligned = $('aligned');
const copyButton = $('copy');
const downloads = [...document.querySelectorAll('button.download')];

/** The run in progress or last finished: its request body, its paragraphs, its controller. */
let run = null;
/** The opened file's name without its extension, for the downloads' names. */
let baseName = 'translation';

// ------------------------------------------------------------------------------------------------ Server-Sent Events

/**
 * The events of a text/event-stream body, as the HTML standard's parser reads them: lines end in CR, LF or CRLF,
 * "field: value" (one space after the colon dropped), ":" starts a comment, a blank line dispatches the event.
 */
export async function* serverSentEvents(body) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let name = '';
  let id = null;
  let data = [];
  for (;;) {
    const {value, done} = await reader.read();
    if (done) {
      break;
    }
    buffer += value;
    // a CR at the very end may be the first half of a CRLF: keep it for the next chunk
    const end = buffer.endsWith('\r') ? buffer.length - 1 : buffer.length;
    const lines = buffer.slice(0, end).split(/\r\n|\r|\n/);
    buffer = lines.pop() + buffer.slice(end);
    for (const line of lines) {
      if (line === '') {
        if (data.length > 0) {
          yield {event: name || 'message', data: data.join('\n'), id};
        }
        name = '';
        data = [];
        continue;
      }
      if (line.startsWith(':')) {
        continue;
      }
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      let fieldValue = colon < 0 ? '' : line.slice(colon + 1);
      if (fieldValue.startsWith(' ')) {
        fieldValue = fieldValue.slice(1);
      }
      if (field === 'event') {
        name = fieldValue;
      } else if (field === 'data') {
        data.push(fieldValue);
      } else if (field === 'id') {
        id = fieldValue;
      }
    }
  }
}

// ----------------------------------------------------------------------------------------------------------- Requests

function headers(accept, withBody) {
  const result = {Accept: accept};
  if (withBody) {
    result['Content-Type'] = 'application/json';
  }
  const key = apiKey.value.trim();
  if (key) {
    result.Authorization = `Bearer ${key}`;
  }
  return result;
}

/** A readable message for a failed answer: a problem document (RFC 9457) names its field and limit. */
async function failure(response) {
  const type = response.headers.get('Content-Type') || '';
  let text = '';
  try {
    text = await response.text();
  } catch {
    // the body could not be read: the status alone says it
  }
  const problem = {status: response.status, title: response.statusText || 'Request failed'};
  if (/json/.test(type)) {
    try {
      Object.assign(problem, JSON.parse(text));
    } catch {
      problem.detail = text.slice(0, 300);
    }
  } else if (text) {
    problem.detail = text.slice(0, 300);
  }
  const retry = response.headers.get('Retry-After');
  if (retry) {
    problem.retryAfter = retry;
  }
  return problem;
}

function showError(problem) {
  errorBox.replaceChildren();
  const title = document.createElement('strong');
  title.textContent = problem.status ? `${problem.title} (${problem.status})` : problem.title;
  errorBox.append(title);
  const lines = [];
  if (problem.detail || problem.message || problem.error) {
    lines.push(problem.detail || problem.message || problem.error);
  }
  if (problem.field) {
    lines.push(`Field: ${problem.field}` + (problem.limit != null ? `, limit: ${problem.limit}` : ''));
  }
  if (problem.retryAfter) {
    lines.push(`Try again in ${problem.retryAfter} s.`);
  }
  if (problem.status === 401 || problem.status === 403) {
    lines.push('This service needs an API key: enter it under “API key”.');
    $('key-details').open = true;
  }
  for (const line of lines) {
    const p = document.createElement('p');
    p.textContent = line;
    errorBox.append(p);
  }
  errorBox.hidden = false;
}

function clearError() {
  errorBox.hidden = true;
  errorBox.replaceChildren();
}

// ------------------------------------------------------------------------------------------------------ Aligned view

/** The sentence pairs of a paragraph; a paragraph without sentences is one pair. */
function pairsOf(paragraph) {
  if (paragraph.sentences && paragraph.sentences.length > 0) {
    return paragraph.sentences;
  }
  return [{source: paragraph.source, target: paragraph.target}];
}

function sentenceSpan(text, side, key, partnerSide) {
  const span = document.createElement('span');
  span.className = 'sentence';
  span.id = `s${key}-${side}`;
  span.dataset.pair = key;
  span.dataset.partner = `s${key}-${partnerSide}`;
  span.tabIndex = 0;
  span.textContent = text;
  return span;
}

function renderParagraph(paragraph) {
  const kind = paragraph.kind || 'paragraph';
  const pair = document.createElement('div');
  pair.className = `pair kind-${kind}`;
  pair.id = `pair-${paragraph.index}`;
  pair.dataset.index = paragraph.index;
  pair.setAttribute('role', 'group');
  pair.setAttribute('aria-label', `Paragraph ${paragraph.index + 1}`);

  const nl = document.createElement('div');
  nl.className = 'side nl';
  nl.lang = 'nl';
  const en = document.createElement('div');
  en.className = 'side en';
  en.lang = 'en';
  const nlText = document.createElement('p');
  const enText = document.createElement('p');

  pairsOf(paragraph).forEach((sentence, s) => {
    const key = `${paragraph.index}-${s}`;
    if (s > 0) {
      nlText.append(' ');
      enText.append(' ');
    }
    nlText.append(sentenceSpan(sentence.source, 'nl', key, 'en'));
    const english = sentenceSpan(sentence.target, 'en', key, 'nl');
    if (typeof sentence.meanLogProb === 'number') {
      english.dataset.score = String(sentence.meanLogProb);
      if (sentence.meanLogProb < LOW_CONFIDENCE_BELOW) {
        english.classList.add('low-confidence');
        english.title = `Low confidence: mean log-probability ${sentence.meanLogProb.toFixed(2)} per token`;
      }
    }
    enText.append(english);
    if (sentence.alternatives && sentence.alternatives.length > 0) {
      english.title = (english.title ? `${english.title}\n` : '') + 'Alternatives:\n'
          + sentence.alternatives.map((a) => `• ${a}`).join('\n');
    }
  });
  nl.append(nlText);
  en.append(enText);
  if (paragraph.detectedLanguage) {
    pair.classList.add('kept');
    const note = document.createElement('p');
    note.className = 'note';
    note.textContent = `Left as it is: this paragraph reads as “${paragraph.detectedLanguage}”, not Dutch.`;
    en.append(note);
  }
  pair.append(nl, en);
  return pair;
}

/** Hovering or focusing a sentence highlights it and its partner on the other side. */
function highlight(event, on) {
  const sentence = event.target.closest && event.target.closest('.sentence');
  if (!sentence || !aligned.contains(sentence)) {
    return;
  }
  const partner = document.getElementById(sentence.dataset.partner);
  sentence.classList.toggle('highlight', on);
  if (partner) {
    partner.classList.toggle('highlight', on);
  }
}

aligned.addEventListener('mouseover', (event) => highlight(event, true));
aligned.addEventListener('mouseout', (event) => highlight(event, false));
aligned.addEventListener('focusin', (event) => highlight(event, true));
aligned.addEventListener('focusout', (event) => highlight(event, false));

// ---------------------------------------------------------------------------------------------------------- Running

function requestBody() {
  const decoding = form.elements.decoding.value;
  const beams = decoding === 'greedy' ? 1 : Number.parseInt(beamsInput.value, 10);
  return {
    text: source.value,
    format: form.elements.format.value,
    options: {beams},
  };
}

function setRunning(running) {
  translateButton.disabled = running;
  cancelButton.disabled = !running;
  source.readOnly = running;
  form.setAttribute('aria-busy', String(running));
}

function setFinished(finished) {
  copyButton.disabled = !finished;
  for (const button of downloads) {
    button.disabled = !finished;
  }
}

function say(text) {
  statusLine.textContent = text;
}

function plural(n, word) {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

async function translate() {
  clearError();
  const body = requestBody();
  if (!body.text.trim()) {
    showError({title: 'Nothing to translate', detail: 'Paste a Dutch article or open a file first.'});
    source.focus();
    return;
  }
  if (body.options.beams !== 1 && !(body.options.beams >= 2 && body.options.beams <= 16)) {
    showError({title: 'Beams out of range', detail: 'Beam search takes 2 to 16 beams.'});
    beamsInput.focus();
    return;
  }
  const controller = new AbortController();
  run = {body, controller, paragraphs: [], expected: 0, finished: false, started: performance.now()};
  const current = run;
  aligned.replaceChildren();
  aligned.dataset.lowConfidenceBelow = String(LOW_CONFIDENCE_BELOW);
  result.removeAttribute('data-first-paragraph-ms');
  result.hidden = true;
  summary.textContent = '';
  setFinished(false);
  setRunning(true);
  progressSection.hidden = false;
  progress.removeAttribute('value'); // indeterminate until the start event says how many paragraphs come
  say('Sending the article…');

  try {
    const response = await fetch('v1/translate/stream', {
      method: 'POST', headers: headers('text/event-stream', true), body: JSON.stringify(body),
      signal: controller.signal,
    });
    if (!response.ok) {
      showError(await failure(response));
      say('The translation was refused.');
      return;
    }
    for await (const event of serverSentEvents(response.body)) {
      const data = JSON.parse(event.data);
      if (event.event === 'start') {
        current.expected = data.paragraphs;
        progress.max = Math.max(1, data.paragraphs);
        progress.value = 0;
        say(`Translating ${plural(data.paragraphs, 'paragraph')}, ${plural(data.sentences, 'sentence')}…`);
        result.hidden = false;
      } else if (event.event === 'paragraph') {
        if (current.paragraphs.length === 0) {
          result.dataset.firstParagraphMs = String(Math.round(performance.now() - current.started));
        }
        current.paragraphs.push(data);
        aligned.append(renderParagraph(data));
        progress.value = current.paragraphs.length;
        say(`Translated ${current.paragraphs.length} of ${plural(current.expected, 'paragraph')}…`);
      } else if (event.event === 'stats') {
        current.finished = true;
        const s = data.stats;
        summary.textContent = `${plural(s.paragraphs, 'paragraph')}, ${plural(s.sentences, 'sentence')}, `
            + `${s.sourceTokens} → ${s.targetTokens} tokens in ${(s.millis / 1000).toFixed(1)} s`
            + ` (first paragraph after ${result.dataset.firstParagraphMs} ms) · ${data.model.id}`
            + ` ${data.model.precision} on ${data.model.device}`;
        result.dataset.state = 'done';
        setFinished(true);
        say(`Done: ${plural(s.paragraphs, 'paragraph')} translated.`);
      } else if (event.event === 'error') {
        showError(data);
        say('The translation failed.');
      }
    }
    if (!current.finished && errorBox.hidden) {
      showError({title: 'Connection closed', detail: 'The server closed the stream before the translation finished.'});
      say('The translation stopped early.');
    }
  } catch (error) {
    if (error.name === 'AbortError') {
      say(`Cancelled after ${current.paragraphs.length} of ${plural(current.expected, 'paragraph')}.`);
    } else {
      showError({title: 'The service could not be reached', detail: String(error.message || error)});
      say('The translation failed.');
    }
  } finally {
    if (run === current) {
      setRunning(false);
    }
  }
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  if (!translateButton.disabled) {
    translate();
  }
});

cancelButton.addEventListener('click', () => {
  if (run) {
    run.controller.abort();
  }
});

document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape' && !cancelButton.disabled) {
    run.controller.abort();
  } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && event.target === source
      && !translateButton.disabled) {
    event.preventDefault();
    translate();
  }
});

// ------------------------------------------------------------------------------------------------ Copy and downloads

copyButton.addEventListener('click', async () => {
  const english = run.paragraphs.map((p) => p.target).join('\n\n');
  try {
    await navigator.clipboard.writeText(english);
  } catch {
    // no clipboard API (a page not served over HTTPS or from localhost): copy through a selection instead
    const scratch = document.createElement('textarea');
    scratch.value = english;
    scratch.className = 'visually-hidden';
    document.body.append(scratch);
    scratch.select();
    document.execCommand('copy');
    scratch.remove();
  }
  say('The English is on the clipboard.');
});

// The downloads ask POST /v1/translate again with the chosen Accept instead of building the files here: the server's
// renderers are the one implementation of those formats (TMX's structure and escaping, the bilingual Markdown, the
// side-by-side HTML page), an HTML article comes back as its own markup translated (which the aligned paragraphs alone
// cannot rebuild), and the sentence cache answers the repeat without running the model again.
for (const button of downloads) {
  button.addEventListener('click', async () => {
    if (!run || !run.finished) {
      return;
    }
    clearError();
    const label = button.textContent;
    button.disabled = true;
    say(`Preparing the ${label} file…`);
    try {
      const response = await fetch('v1/translate', {
        method: 'POST', headers: headers(button.dataset.accept, true), body: JSON.stringify(run.body),
      });
      if (!response.ok) {
        showError(await failure(response));
        say(`The ${label} file could not be made.`);
        return;
      }
      const url = URL.createObjectURL(await response.blob());
      const save = document.createElement('a');
      save.href = url;
      save.download = `${baseName}.en.${button.dataset.ext}`;
      save.hidden = true;
      document.body.append(save);
      save.click();
      save.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      say(`Saved ${save.download}.`);
    } catch (error) {
      showError({title: 'The service could not be reached', detail: String(error.message || error)});
    } finally {
      button.disabled = false;
    }
  });
}

// --------------------------------------------------------------------------------------------- Inputs: file, key, beams

fileInput.addEventListener('change', async () => {
  const file = fileInput.files && fileInput.files[0];
  if (!file) {
    return;
  }
  baseName = file.name.replace(/\.[^.]*$/, '') || 'translation';
  const html = /\.html?$/i.test(file.name) || file.type === 'text/html';
  form.elements.format.value = html ? 'html' : 'text';
  source.value = await file.text();
  say(`Loaded ${file.name} (${html ? 'HTML' : 'plain text'}).`);
  progressSection.hidden = false;
  progress.max = 1;
  progress.value = 0;
});

function syncBeams() {
  beamsInput.disabled = form.elements.decoding.value !== 'beam';
}

for (const radio of form.elements.decoding) {
  radio.addEventListener('change', syncBeams);
}
syncBeams();

// the key lives in this tab's sessionStorage only (gone when the tab closes); storage may be refused (privacy modes)
function storage() {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

const storedKey = storage()?.getItem(KEY_STORAGE);
if (storedKey) {
  apiKey.value = storedKey;
  $('key-details').open = true;
}
apiKey.addEventListener('input', () => {
  try {
    if (apiKey.value) {
      storage()?.setItem(KEY_STORAGE, apiKey.value);
    } else {
      storage()?.removeItem(KEY_STORAGE);
    }
  } catch {
    // not kept: the key still works for this page's requests
  }
});

document.documentElement.dataset.ready = 'true';

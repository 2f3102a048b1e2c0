#!/usr/bin/python3
"""Golden ids for a Marian model directory, computed the way Hugging Face's slow MarianTokenizer does it.

Run with Debian's interpreter (it has sentencepiece): /usr/bin/python3 scripts/golden/marian_ids.py MODEL_DIR OUT.json

Emulated (transformers 4.x, the version the stand-in and the Xenova export were made with):
  encode: the text is split on the special tokens named by tokenizer_config.json / special_tokens_map.json
          (whitespace around a special token is stripped, empty parts are dropped); each other part has a leading
          language code (regex '>>.+<<') turned into its own token and every match removed, then goes through
          source.spm `encode(part, out_type=str)`; each piece maps to its vocab.json id, unknown pieces to <unk>'s id;
          the eos id is appended.
  decode: ids -> vocab.json strings, special ids skipped, target.spm `decode_pieces`, '▁' -> ' ', str.strip(),
          then clean_up_tokenization when tokenizer_config.json says clean_up_tokenization_spaces.
Only sentencepiece and the standard library are needed, so the script runs without transformers installed.
"""
import argparse
import json
import re
import sys
from pathlib import Path

import sentencepiece

SPECIAL_KEYS = ("bos_token", "eos_token", "unk_token", "sep_token", "pad_token", "cls_token", "mask_token")
LANGUAGE_CODE = re.compile(">>.+<<")

# Dutch sentences chosen to exercise normalization, unknown characters and whitespace handling.
SENTENCES = [
    ("plain", "Een lunch tussen de twee leiders werd afgelast."),
    ("question", "Waarom is de trein vandaag weer te laat?"),
    ("exclamation", "Wat een prachtige dag!"),
    ("accents_e_acute", "Het café aan de overkant is één van de oudste."),
    ("diaeresis", "De ruïne bij de zeeën werd geïnspecteerd door België."),
    ("accents_mixed", "Crème brûlée en paté à la carte, naïef."),
    ("decomposed_accent", "Cafe\u0301 en re\u0301sume\u0301."),
    ("low_high_quotes", "Hij zei: \u201eIk kom morgen terug.\u201d"),
    ("straight_quotes", "Ze noemde het \"onzin\" en liep weg."),
    ("single_quotes", "Het woord \u2018gezellig\u2019 is lastig te vertalen."),
    ("guillemets", "De krant kopte \u00abCrisis in Den Haag\u00bb."),
    ("apostrophes", "Z'n auto's en m'n foto's stonden in Anna's album."),
    ("em_dash", "Het plan \u2014 als het ooit doorgaat \u2014 kost miljoenen."),
    ("en_dash", "De wedstrijd eindigde 2\u20131 na de pauze."),
    ("time", "De vergadering begint om 7.30 uur."),
    ("money", "Het tekort bedraagt 1,2 mld. euro."),
    ("numbers", "In 2023 woonden er 17.811.291 mensen in Nederland."),
    ("percent", "De inflatie daalde naar 3,4% in mei."),
    ("nbsp", "Het kost 25\u00a0euro per persoon."),
    ("narrow_nbsp", "Prijs: \u20ac\u202f12,50 per stuk."),
    ("thin_and_em_space", "Een\u2009dunne en\u2003brede spatie."),
    ("ideographic_space", "Een\u3000vreemde spatie."),
    ("zero_width", "Zero\u200bwidth en\u200dverbinder\ufeffhier."),
    ("tabs", "Kolom een\tkolom twee\t\tkolom drie"),
    ("newline", "Eerste regel\nTweede regel"),
    ("multiple_spaces", "Te    veel     spaties hier."),
    ("leading_trailing", "   Spaties aan beide kanten.   "),
    ("fullwidth", "\uff26\uff55\uff4c\uff4c\uff57\uff49\uff44\uff54\uff48 tekst \uff11\uff12\uff13."),
    ("ligatures", "De \ufb01ets en de \ufb02uit van de of\ufb01cier."),
    ("emoji", "We hebben gewonnen \U0001F389\U0001F60A!"),
    ("cjk", "Het woord \u4e2d\u6587 betekent Chinees."),
    ("mixed_unknown", "Symbolen \u2603 \u2665 \u263a en \u0416\u0438\u0437\u043d\u044c."),
    ("control_chars", "Stuur\u0007teken\u0001 weg."),
    ("replacement_char", "Kapot \ufffd teken."),
    ("ellipsis", "En toen\u2026 niets meer."),
    ("fractions", "Ongeveer \u00bd liter en \u00bc kilo."),
    ("superscript", "Oppervlakte 12 m\u00b2 en 3\u00b3."),
    ("roman_numeral", "Willem-Alexander is koning \u2162? Nee, Willem \u2163."),
    ("tilde_fullwidth", "Ongeveer \uff5e 10 procent."),
    ("lower_one_eighth_block", "Een \u2581 blokje."),
    ("literal_eos", "Dit is het einde</s> en nog meer."),
    ("literal_unk_pad", "Onbekend <unk> en opvulling <pad> hier."),
    ("language_code", ">>nld<< Een zin met een taalcode."),
    ("language_code_inside", "De pijl >> wijst << naar rechts."),
    ("nul_and_nel", "Een\u0000nul en een\u0085regelovergang."),
    ("soft_hyphen", "Ont\u00adwikkeling en \u00dfstra\u00dfe."),
    ("hangul_and_arabic", "\ud55c\uad6d en \u0645\u0631\u062d\u0628\u0627."),
    ("url_email", "Mail naar info@voorbeeld.nl of ga naar https://www.voorbeeld.nl/pagina?id=3."),
    ("long_word", "Arbeidsongeschiktheidsverzekeringsmaatschappij."),
    ("uppercase", "HET IS ECHT NIET ZO MOEILIJK."),
    ("single_char", "a"),
    ("only_spaces", "    "),
    ("empty", ""),
]


def load_json(path):
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


def special_tokens(model_dir):
    """Special token strings as the slow tokenizer sees them: tokenizer_config.json, special_tokens_map.json."""
    found = {}
    for name in ("tokenizer_config.json", "special_tokens_map.json"):  # the map overrides, as in from_pretrained
        path = model_dir / name
        if not path.exists():
            continue
        config = load_json(path)
        for key in SPECIAL_KEYS:
            value = config.get(key)
            if isinstance(value, dict):
                value = value.get("content")
            if isinstance(value, str):
                found[key] = value
        for extra in config.get("additional_special_tokens") or []:
            found.setdefault("additional:" + str(extra), extra["content"] if isinstance(extra, dict) else extra)
    return found


class MarianEmulation:
    def __init__(self, model_dir):
        self.source = sentencepiece.SentencePieceProcessor(model_file=str(model_dir / "source.spm"))
        self.target = sentencepiece.SentencePieceProcessor(model_file=str(model_dir / "target.spm"))
        self.vocab = load_json(model_dir / "vocab.json")
        self.pieces_by_id = {index: piece for piece, index in self.vocab.items()}
        config_path = model_dir / "tokenizer_config.json"
        config = load_json(config_path) if config_path.exists() else {}
        self.clean_up = bool(config.get("clean_up_tokenization_spaces", True))
        specials = special_tokens(model_dir)
        self.unk = specials.get("unk_token", "<unk>")
        self.eos = specials.get("eos_token", "</s>")
        self.special_strings = sorted(set(specials.values()), key=len, reverse=True)
        self.special_ids = {self.vocab[s] for s in self.special_strings if s in self.vocab}
        self.splitter = re.compile("(" + "|".join(re.escape(s) for s in self.special_strings) + ")")

    def pieces(self, text):
        parts = self.splitter.split(text)
        for i, part in enumerate(parts):  # the slow tokenizer strips whitespace on both sides of a special token
            if part in self.special_strings:
                if i > 0:
                    parts[i - 1] = parts[i - 1].rstrip()
                if i + 1 < len(parts):
                    parts[i + 1] = parts[i + 1].lstrip()
        result = []
        for part in parts:
            if not part:
                continue
            if part in self.special_strings:
                result.append(part)
                continue
            match = LANGUAGE_CODE.match(part)
            code = [match.group(0)] if match else []
            result.extend(code + self.source.encode(LANGUAGE_CODE.sub("", part), out_type=str))
        return result

    def ids(self, pieces):
        unk_id = self.vocab[self.unk]
        return [self.vocab.get(piece, unk_id) for piece in pieces] + [self.vocab[self.eos]]

    def decode(self, ids):
        tokens = [self.pieces_by_id.get(i, self.unk) for i in ids if i not in self.special_ids]
        parts, current = [], []
        for token in tokens:  # an id outside vocab.json becomes the unk string, which is special
            if token in self.special_strings:
                parts.append(self.target.decode_pieces(current) + token + " ")
                current = []
            else:
                current.append(token)
        parts.append(self.target.decode_pieces(current))
        text = "".join(parts).replace("\u2581", " ").strip()
        return clean_up_tokenization(text) if self.clean_up else text


def clean_up_tokenization(text):
    for before, after in ((" .", "."), (" ?", "?"), (" !", "!"), (" ,", ","), (" ' ", "'"), (" n't", "n't"),
                          (" 'm", "'m"), (" 's", "'s"), (" 've", "'ve"), (" 're", "'re")):
        text = text.replace(before, after)
    return text


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("model_dir", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--sentences", type=Path, help="JSON list of [name, text] pairs instead of the Dutch table")
    args = parser.parse_args(argv)
    marian = MarianEmulation(args.model_dir)
    sentences = load_json(args.sentences) if args.sentences else SENTENCES
    cases = []
    for name, text in sentences:
        pieces = marian.pieces(text)
        ids = marian.ids(pieces)
        cases.append({"name": name, "text": text, "pieces": pieces, "ids": ids, "decoded": marian.decode(ids)})
    golden = {
        "model": args.model_dir.name,
        "vocab_size": len(marian.vocab),
        "sentencepiece": sentencepiece.__version__,
        "cases": cases,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with open(args.out, "w", encoding="utf-8") as handle:
        json.dump(golden, handle, ensure_ascii=True, indent=1)
        handle.write("\n")
    print(f"{len(cases)} cases -> {args.out}")


if __name__ == "__main__":
    main(sys.argv[1:])

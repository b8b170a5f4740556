"""Builds the product's Swedish spaCy pipeline, sv_resursguiden_sm, from openly licensed
corpora, and prints its held-out figures.

    .venv/bin/python spacy_model/build.py            # everything: under 30 minutes
    .venv/bin/python spacy_model/build.py evaluate   # one step (see STEPS)

Steps, each reading what the one before wrote under spacy_model/work/ (git-ignored):
  convert   the UD treebanks and the NER corpus into spaCy's format, split into train,
            dev (to pick the best checkpoint) and held-out (only ever used for figures)
  core      trains tok2vec + tagger + morphologizer + parser + trainable lemmatizer
  ner       trains the named-entity recogniser (PER, LOC, ORG, MISC), with its own tok2vec
  assemble  puts both into one pipeline with the package's name, version and licence
  evaluate  held-out figures: on the text as written and lower-cased (Rasa lower-cases)
  package   builds the wheel into spacy_model/dist/ and writes the figures next to it

The data is read from ../shared/data/spacy (or $SPACY_DATA); see its README.
"""

from __future__ import annotations

import json
import os
import random
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import spacy
import yaml
from spacy.tokens import Doc, DocBin
from spacy.training.converters import conllu_to_docs

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DATA = Path(os.environ.get("SPACY_DATA", ROOT.parent / "shared" / "data" / "spacy"))
WORK = HERE / "work"
CORPUS = WORK / "corpus"
DIST = HERE / "dist"

NAME = "resursguiden_sm"  # the package is sv_resursguiden_sm
VERSION = (HERE / "VERSION").read_text().strip()

NER_LABELS = {"PER", "LOC", "ORG", "MISC"}
# Held out from the Talbanken test split: its last documents (whole documents, so no
# sentence of a held-out text is seen in training). About a quarter of the split.
UD_HELDOUT_FROM_DOC = "P311"
UD_DEV_SENTENCES = 100  # the last sentences of Talbanken dev pick the best checkpoint
NER_DEV_SENTENCES = 500  # the last sentences of the NER train file, for the same
NER_HELDOUT_SENTENCES = 1000  # the last sentences of the NER test file
DOMAIN_SENTENCES = 1000  # filled from spacy_model/domain_ner.yml; 100 of them for dev
DOMAIN_DEV_SENTENCES = 100


def main(argv: list[str]) -> None:
    steps = argv or list(STEPS)
    unknown = [step for step in steps if step not in STEPS]
    if unknown:
        sys.exit(f"unknown step {unknown[0]!r}; the steps are: {', '.join(STEPS)}")
    if not DATA.is_dir():
        sys.exit(f"no training data at {DATA}: set SPACY_DATA to the folder of the corpora")
    for step in steps:
        started = time.monotonic()
        print(f"== {step}", flush=True)
        STEPS[step]()
        print(f"== {step} took {(time.monotonic() - started) / 60:.1f} minutes", flush=True)


# --- convert -----------------------------------------------------------------------------


def convert() -> None:
    CORPUS.mkdir(parents=True, exist_ok=True)
    pud = _conllu_sentences("sv_pud-ud-test.conllu")
    tb_dev = _conllu_sentences("sv_talbanken-ud-dev.conllu")
    tb_test = _conllu_sentences("sv_talbanken-ud-test.conllu")
    cut = next(i for i, s in enumerate(tb_test) if f"# newdoc id = {UD_HELDOUT_FROM_DOC}" in s)
    splits = {
        "ud_train": pud + tb_dev[:-UD_DEV_SENTENCES] + tb_test[:cut],
        "ud_dev": tb_dev[-UD_DEV_SENTENCES:],
        "ud_heldout": tb_test[cut:],
    }
    for name, sentences in splits.items():
        docs = list(conllu_to_docs("\n\n".join(sentences) + "\n", n_sents=10, no_print=True))
        _save(name, docs, f"{len(sentences)} sentences")

    ner_train = _ner_sentences("swedish-ner-train.txt")
    ner_test = _ner_sentences("swedish-ner-test.txt")
    splits = {
        "ner_train": ner_train[:-NER_DEV_SENTENCES] + ner_test[:-NER_HELDOUT_SENTENCES],
        "ner_dev": ner_train[-NER_DEV_SENTENCES:],
        "ner_heldout": ner_test[-NER_HELDOUT_SENTENCES:],
    }
    nlp = spacy.blank("sv")
    domain = _domain_ner_docs(nlp, DOMAIN_SENTENCES)
    extra = {"ner_train": domain[DOMAIN_DEV_SENTENCES:], "ner_dev": domain[:DOMAIN_DEV_SENTENCES]}
    for name, sentences in splits.items():
        docs = [_ner_doc(nlp.vocab, sentence) for sentence in sentences]
        docs += extra.get(name, [])
        _save(name, docs, f"{len(sentences)} news sentences, {len(extra.get(name, []))} domain")


def _conllu_sentences(file_name: str) -> list[str]:
    text = (DATA / file_name).read_text(encoding="utf-8")
    return [block for block in text.strip().split("\n\n") if block.strip()]


def _ner_sentences(file_name: str) -> list[list[tuple[str, str]]]:
    """One `token label` a line (tab or spaces), a blank line between sentences. Lines
    that are not a token and a known label (the corpus has one) are skipped."""
    sentences, current, skipped = [], [], 0
    for line in (DATA / file_name).read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if current:
                sentences.append(current)
            current = []
            continue
        parts = line.split()
        if len(parts) == 2 and (parts[1] in NER_LABELS or parts[1] == "0"):
            current.append((parts[0], parts[1]))
        else:
            skipped += 1
    if current:
        sentences.append(current)
    print(f"   {file_name}: {len(sentences)} sentences, {skipped} malformed line(s) skipped")
    return sentences


def _domain_ner_docs(nlp, count: int) -> list[Doc]:
    """Sentences from spacy_model/domain_ner.yml with names and places filled in."""
    spec = yaml.safe_load((HERE / "domain_ner.yml").read_text(encoding="utf-8"))
    fillers = {
        "f": ("PER", spec["girls"].split()),
        "m": ("PER", spec["boys"].split()),
        "s": ("PER", spec["surnames"].split()),
        "loc": ("LOC", spec["places"].split()),
    }
    rng = random.Random(0)
    docs = []
    for i in range(count):
        template = spec["templates"][i % len(spec["templates"])]
        if i % 10 == 9:  # one sentence in ten has no entity at all
            template = rng.choice(spec["no_entities"])
        text, spans = "", []
        for literal, slot in re.findall(r"([^{]*)(?:\{(\w+)\})?", template):
            text += literal
            if slot:
                label, words = fillers[slot]
                word = rng.choice(words)
                # "{f} {s}": a first name and a surname are one person.
                if spans and slot == "s" and spans[-1][1] == len(text) - 1:
                    spans[-1] = (spans[-1][0], len(text) + len(word), label)
                else:
                    spans.append((len(text), len(text) + len(word), label))
                text += word
        doc = nlp.make_doc(text)
        doc.ents = [doc.char_span(start, end, label) for start, end, label in spans]
        docs.append(doc)
    rng.shuffle(docs)
    return docs


def _ner_doc(vocab, sentence: list[tuple[str, str]]) -> Doc:
    # The corpus marks each token with its entity type, not BIO: a run of tokens with the
    # same type is one entity.
    words = [word for word, _ in sentence]
    tags, previous = [], "0"
    for _, label in sentence:
        if label == "0":
            tags.append("O")
        else:
            tags.append(("I-" if label == previous else "B-") + label)
        previous = label
    return Doc(vocab, words=words, ents=tags)


def _save(name: str, docs: list[Doc], what: str) -> None:
    DocBin(docs=docs, store_user_data=False).to_disk(CORPUS / f"{name}.spacy")
    tokens = sum(len(doc) for doc in docs)
    print(f"   {name}: {what}, {tokens} tokens")


# --- train -------------------------------------------------------------------------------


def train_core() -> None:
    _train("core", "ud")


def train_ner() -> None:
    _train("ner", "ner")


def _train(config: str, corpus: str) -> None:
    _spacy(
        "train",
        HERE / "configs" / f"{config}.cfg",
        "--output",
        WORK / config,
        "--paths.train",
        CORPUS / f"{corpus}_train.spacy",
        "--paths.dev",
        CORPUS / f"{corpus}_dev.spacy",
    )


# --- assemble ----------------------------------------------------------------------------


def assemble() -> None:
    nlp = spacy.load(WORK / "core" / "model-best")
    ner = spacy.load(WORK / "ner" / "model-best")
    # The recogniser keeps its own copy of its tok2vec, so it does not listen to the
    # core pipeline's (trained on other data).
    ner.replace_listeners("tok2vec", "ner", ["model.tok2vec"])
    nlp.add_pipe("ner", source=ner)
    nlp.meta.update(
        {
            "name": NAME,
            "version": VERSION,
            "description": (
                "Swedish pipeline for Resursguiden: tok2vec, tagger, morphologizer, parser, "
                "trainable lemmatizer and NER (PER, LOC, ORG, MISC), trained with spaCy "
                f"{spacy.__version__} on UD Swedish-Talbanken, UD Swedish-PUD and the "
                "Swedish NER corpus (Webbnyheter 2012)."
            ),
            "author": "Resursguiden",
            "license": "CC BY-SA 4.0",
            "sources": SOURCES,
            "spacy_version": f">={spacy.__version__},<3.5.0",
        }
    )
    out = WORK / "assembled"
    shutil.rmtree(out, ignore_errors=True)
    nlp.to_disk(out)
    for name in ("LICENSE", "ATTRIBUTION.md"):
        shutil.copy(HERE / name, out / name)
    print(f"   {out}: {nlp.pipe_names}")


SOURCES = [
    {
        "name": "UD Swedish-Talbanken (dev and test splits)",
        "url": "https://github.com/UniversalDependencies/UD_Swedish-Talbanken",
        "license": "CC BY-SA 4.0",
    },
    {
        "name": "UD Swedish-PUD",
        "url": "https://github.com/UniversalDependencies/UD_Swedish-PUD",
        "license": "CC BY-SA 4.0",
    },
    {
        "name": "Swedish NER corpus (Webbnyheter 2012, Språkbanken; A. Klintberg)",
        "url": "https://github.com/klintan/swedish-ner-corpus",
        "license": "CC BY 4.0",
    },
]


# --- evaluate ----------------------------------------------------------------------------


def evaluate() -> None:
    model = WORK / "assembled"
    figures = {}
    for case in ("as written", "lower-cased"):
        lower = case == "lower-cased"
        ud = _evaluate(model, "ud_heldout", lower)
        ner = _evaluate(model, "ner_heldout", lower)
        figures[case] = {
            "upos": ud["pos_acc"],
            "tag": ud["tag_acc"],
            "morph": ud["morph_acc"],
            "lemma": ud["lemma_acc"],
            "uas": ud["dep_uas"],
            "las": ud["dep_las"],
            "ner_p": ner["ents_p"],
            "ner_r": ner["ents_r"],
            "ner_f": ner["ents_f"],
            "ner_per_f": ner["ents_per_type"].get("PER", {}).get("f"),
            "words_per_second": ud["speed"],
        }
    (WORK / "figures.json").write_text(json.dumps(figures, indent=2) + "\n")
    _print_figures(figures)


def _evaluate(model: Path, corpus: str, lower: bool) -> dict:
    path = CORPUS / f"{corpus}.spacy"
    if lower:
        path = _lower_cased(path)
    out = WORK / f"eval-{corpus}{'-lower' if lower else ''}.json"
    _spacy("evaluate", model, path, "--output", out)
    return json.loads(out.read_text())


def _lower_cased(path: Path) -> Path:
    """The same documents with every word lower-cased, annotations kept."""
    nlp = spacy.blank("sv")
    docs = []
    for doc in DocBin().from_disk(path).get_docs(nlp.vocab):
        lowered = Doc(
            nlp.vocab,
            words=[t.text.lower() for t in doc],
            spaces=[bool(t.whitespace_) for t in doc],
            tags=[t.tag_ for t in doc] if doc.has_annotation("TAG") else None,
            pos=[t.pos_ for t in doc] if doc.has_annotation("POS") else None,
            morphs=[str(t.morph) for t in doc] if doc.has_annotation("MORPH") else None,
            lemmas=[t.lemma_.lower() for t in doc] if doc.has_annotation("LEMMA") else None,
            heads=[t.head.i for t in doc] if doc.has_annotation("DEP") else None,
            deps=[t.dep_ for t in doc] if doc.has_annotation("DEP") else None,
            sent_starts=[bool(t.is_sent_start) for t in doc],
            ents=[t.ent_iob_ + ("-" + t.ent_type_ if t.ent_type_ else "") for t in doc]
            if doc.has_annotation("ENT_IOB")
            else None,
        )
        docs.append(lowered)
    out = path.with_name(path.stem + "_lower.spacy")
    DocBin(docs=docs).to_disk(out)
    return out


def _print_figures(figures: dict) -> None:
    print("\nHeld-out figures (Talbanken test, last documents; NER test, last 1,000 sentences)")
    print(f"{'':14}" + "".join(f"{case:>14}" for case in figures))
    for key in next(iter(figures.values())):
        values = [figures[case][key] for case in figures]
        cells = "".join(
            f"{v:>14,.0f}" if key == "words_per_second" else f"{100 * v:>14.1f}" for v in values
        )
        print(f"{key:14}{cells}")


# --- package -----------------------------------------------------------------------------


def package() -> None:
    out = WORK / "packages"
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    _spacy(
        "package",
        WORK / "assembled",
        out,
        "--name",
        NAME,
        "--version",
        VERSION,
        "--build",
        "wheel",
        "--force",
    )
    wheels = list(out.glob("*/dist/*.whl"))
    DIST.mkdir(exist_ok=True)
    for old in DIST.glob("*.whl"):
        old.unlink()
    for wheel in wheels:
        shutil.copy(wheel, DIST / wheel.name)
        print(f"   {DIST / wheel.name}: {wheel.stat().st_size / 1e6:.1f} MB")
    shutil.copy(WORK / "figures.json", DIST / "figures.json")


def _spacy(*args: object) -> None:
    # spaCy's own command line, from the same environment.
    command = [sys.executable, "-m", "spacy", *map(str, args)]
    subprocess.run(command, check=True, cwd=ROOT)


STEPS = {
    "convert": convert,
    "core": train_core,
    "ner": train_ner,
    "assemble": assemble,
    "evaluate": evaluate,
    "package": package,
}

if __name__ == "__main__":
    random.seed(0)
    main(sys.argv[1:])

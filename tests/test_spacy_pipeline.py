"""The Swedish spaCy pipeline the set-up installs (spacy_model/dist/), as Rasa loads it."""

from __future__ import annotations

import json
from importlib import metadata

import pytest
import spacy

from resursguiden.names import pipeline, spacy_model_name
from tests.helpers import ROOT

MODEL = spacy_model_name()


@pytest.fixture(scope="module")
def nlp():
    return pipeline()


def test_the_installed_pipeline_is_the_one_in_the_repository():
    version = metadata.version(MODEL)
    assert (ROOT / "spacy_model" / "VERSION").read_text().strip() == version
    requirements = (ROOT / "requirements.txt").read_text()
    assert f"spacy_model/dist/{MODEL}-{version}-py3-none-any.whl" in requirements


def test_a_rebuilt_pipeline_under_the_same_name_makes_rasa_retrain(nlp, monkeypatch):
    # Rasa fingerprints a spaCy model by its name only; rasa_extensions adds the version,
    # both to SpacyNLP's own fingerprint and to that of the model it hands on.
    from rasa.engine.training.fingerprinting import calculate_fingerprint_key
    from rasa.nlu.utils.spacy_utils import SpacyModel, SpacyNLP

    from rasa_extensions import spacy_version

    config = {"model": MODEL}
    before = calculate_fingerprint_key(SpacyNLP, config, {})
    monkeypatch.setattr(spacy_version.metadata, "version", lambda name: "99.0.0")
    assert calculate_fingerprint_key(SpacyNLP, config, {}) != before
    version = nlp.meta["version"]
    assert SpacyModel(model=nlp, model_name=MODEL).fingerprint() == f"{MODEL}=={version}"


def test_the_committed_wheel_is_the_installed_one_and_matches_the_model_card():
    version = metadata.version(MODEL)
    wheels = list((ROOT / "spacy_model" / "dist").glob("*.whl"))
    assert [w.name for w in wheels] == [f"{MODEL}-{version}-py3-none-any.whl"]
    figures = json.loads((ROOT / "spacy_model" / "dist" / "figures.json").read_text())
    card = (ROOT / "docs" / "spacy_model.md").read_text(encoding="utf-8")
    written = figures["as written"]
    for key in ("upos", "lemma", "las", "ner_f"):
        assert f"{100 * written[key]:.1f}" in card, f"{key} in docs/spacy_model.md"


def test_the_pipeline_has_every_component_and_its_licence(nlp):
    assert nlp.lang == "sv"
    for component in ("tok2vec", "tagger", "morphologizer", "trainable_lemmatizer", "ner"):
        assert component in nlp.pipe_names
    assert nlp.meta["license"] == "CC BY-SA 4.0"
    assert any("Talbanken" in source["name"] for source in nlp.meta["sources"])


@pytest.mark.parametrize(
    "sentence, word, lemma",
    [
        ("Min pappa Ahmed hotade mig", "hotade", "hota"),
        ("de hotar mig hela tiden", "hotar", "hota"),
        ("jag behöver hjälpen nu", "hjälpen", "hjälp"),
        ("kan ni hjälpa mig", "hjälpa", "hjälpa"),
        ("mina föräldrar bestämmer allt", "föräldrar", "förälder"),
        ("vi bodde i Malmö förut", "bodde", "bo"),
        ("min bror slog mig igår", "slog", "slå"),
        ("jag får inte ha kompisar", "kompisar", "kompis"),
    ],
)
def test_lemmas_of_domain_words(nlp, sentence, word, lemma):
    # Rasa lower-cases messages before spaCy sees them: both must work.
    for text in (sentence, sentence.lower()):
        token = next(t for t in nlp(text) if t.lower_ == word.lower())
        assert token.lemma_.lower() == lemma, f"{word!r} in {text!r}"


@pytest.mark.parametrize(
    "sentence, entity, label",
    [
        ("Min pappa Ahmed hotade mig", "Ahmed", "PER"),
        ("Jag bor i Göteborg", "Göteborg", "LOC"),
        ("Sara Ali går i min klass", "Sara Ali", "PER"),
        ("Vi flyttade från Uppsala till Malmö", "Malmö", "LOC"),
    ],
)
def test_entities_in_domain_sentences(nlp, sentence, entity, label):
    assert (entity, label) in [(e.text, e.label_) for e in nlp(sentence).ents]


def test_rasa_loads_it_as_the_spacy_model():
    from rasa.nlu.utils.spacy_utils import SpacyNLP

    model = SpacyNLP.load_model(MODEL)
    assert model.model.lang == "sv" and spacy.__version__.startswith("3.4")

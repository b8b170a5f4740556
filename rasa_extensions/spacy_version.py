"""Makes Rasa retrain when the installed spaCy model changes, not only its name.

Rasa 3.6 fingerprints `SpacyNLP` by its config and the spaCy library's version, and its
output (the loaded model) by the model's name alone: install a rebuilt
`sv_resursguiden_sm` under the same name and `rasa train` would keep every component
trained on the old one. Both fingerprints get the model package's version here.
Imported by `rasa_extensions/__init__.py`, so whenever Rasa loads our components.
"""

from __future__ import annotations

from importlib import metadata

from rasa.nlu.utils.spacy_utils import SpacyModel, SpacyNLP


def installed_version(model_name: str) -> str:
    try:
        return metadata.version(model_name)
    except metadata.PackageNotFoundError:  # a path, or a model linked by hand
        return "unknown"


def _model_fingerprint(self: SpacyModel) -> str:
    return f"{self.model_name}=={self.model.meta.get('version', 'unknown')}"


def _fingerprint_addon(cls, config: dict) -> str:
    return installed_version(str(config.get("model")))


SpacyModel.fingerprint = _model_fingerprint
SpacyNLP.fingerprint_addon = classmethod(_fingerprint_addon)

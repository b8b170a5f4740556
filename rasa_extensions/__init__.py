"""Resursguiden's extensions to Rasa: channels, NLU components and stores.

Each module plugs into one Rasa extension point and is named in Rasa's own
configuration files (credentials.yml, config.yml, endpoints.yml).
"""

# Loaded whenever Rasa imports one of our components: see the module.
from rasa_extensions import spacy_version  # noqa: E402, F401

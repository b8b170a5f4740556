"""Resursguiden's extensions to Rasa: channels, NLU components and stores.

Each module plugs into one Rasa extension point and is named in Rasa's own
configuration files (credentials.yml, config.yml, endpoints.yml).
"""

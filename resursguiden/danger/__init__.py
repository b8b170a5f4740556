"""The emergency detector: does a message say that someone is in danger now or soon?

    from resursguiden.danger import assess
    assess("pappa slår mamma nu").acute  -> True
    assess("han har aldrig slagit mig").acute  -> False

Run by the Rasa server as an NLU component (rasa_extensions/danger_detector.py), so
the emergency answer needs nothing else. `python -m resursguiden.danger "text"` explains
a decision.
"""

from resursguiden.danger.detector import Assessment, assess
from resursguiden.danger.rules import Answer, Cue, Kind
from resursguiden.danger.text import normalise

__all__ = ["Answer", "Assessment", "Cue", "Kind", "assess", "normalise"]

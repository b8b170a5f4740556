"""Custom actions for Resursguiden, served by the Rasa action server (rasa-sdk).

Thin by design: read slots, call the core package (resursguiden/), turn the result
into messages and events. rasa-sdk finds the actions in these modules.
"""

from actions.ask import ActionAskAge, ActionAskPlace, ActionAskPlaceDetail
from actions.give_route import ActionGiveRoute
from actions.reset import ActionResetRouting
from actions.resume import ActionResumeAfterAlarm
from actions.routing_form import ValidateRoutingForm

__all__ = [
    "ActionAskAge",
    "ActionAskPlace",
    "ActionAskPlaceDetail",
    "ActionGiveRoute",
    "ActionResetRouting",
    "ActionResumeAfterAlarm",
    "ValidateRoutingForm",
]

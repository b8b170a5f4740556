"""The routing answer in the assistant's words: short Swedish for a 14-year-old.

Turns a RoutingResult into a few chat messages: who to contact and how (numbers as
Markdown `tel:` links the widget renders), whether they are open now and otherwise
when, then the national lines and what the social services can do. One screen, not a
wall of text: at most two centres and three lines.
"""

from __future__ import annotations

from dataclasses import dataclass

from resursguiden.opening_hours import describe_moment
from resursguiden.registry import Audience, Centre, Phone
from resursguiden.routing import Contact, RoutingResult

MAX_CENTRES = 2
MAX_LINES = 3


@dataclass(frozen=True)
class Reply:
    text: str
    buttons: tuple[tuple[str, str], ...] = ()  # (title, payload)


def phone_link(phone: Phone) -> str:
    return f"[{phone.number}]({phone.tel_uri})"


def display_name(centre: Centre) -> str:
    """ "Resursteam Heder (Malmö stad)": the name alone does not say where."""
    organisation = centre.organisation
    if organisation and organisation not in centre.name:
        return f"{centre.name} ({organisation})"
    return centre.name


def _phones(contact: Contact) -> str:
    return " eller ".join(phone_link(phone) for phone in contact.phones)


def _when(contact: Contact, result: RoutingResult) -> str | None:
    if contact.open_now:
        return "Öppet nu."
    if contact.next_opening:
        return f"Stängt nu, öppnar {describe_moment(contact.next_opening, result.now)}."
    return None


def centre_text(contact: Contact, result: RoutingResult) -> str:
    centre = contact.centre
    assert centre is not None
    lines = [f"**{display_name(centre)}**"]
    if contact.phones:
        lines.append(f"Ring {_phones(contact)}")
    if centre.email:
        lines.append(f"Mejla [{centre.email}](mailto:{centre.email})")
    if centre.contact_note:
        site = f" ({centre.website.site})" if centre.website and centre.website.site else ""
        lines.append(centre.contact_note + site)
    if centre.ages:
        lines.append(f"Gäller {centre.ages.text}.")
    when = _when(contact, result)
    if when:
        lines.append(when)
    if contact.coverage_uncertain and centre.area.uncertain_note:
        lines.append(centre.area.uncertain_note)
    return "\n".join(lines)


def line_text(contact: Contact, result: RoutingResult) -> str:
    line = contact.line
    assert line is not None
    text = f"• {contact.name}"
    if line.short:
        text += f" – {line.short}"
    text += f": {_phones(contact)}"
    if contact.opening_hours:
        text += f" ({contact.opening_hours.describe()}"
        if contact.open_now is False and contact.next_opening:
            text += f", öppnar {describe_moment(contact.next_opening, result.now)}"
        text += ")"
    if line.free_and_anonymous:
        text += f". {line.free_and_anonymous}"
    return text


def social_services_text(result: RoutingResult) -> str:
    text = result.social_services
    local = result.local_social_service
    if local:
        numbers = " eller ".join(phone_link(phone) for phone in local.phones)
        text += f" {local.name}: {numbers} ({local.hours_text})."
    return text


def _centres_reply(heading: str, contacts: tuple[Contact, ...], result: RoutingResult) -> Reply:
    texts = [centre_text(contact, result) for contact in contacts[:MAX_CENTRES]]
    return Reply("\n\n".join([heading, *texts]))


def routing_replies(result: RoutingResult) -> list[Reply]:
    replies = []
    if result.centres:
        replies.append(_centres_reply("Hit kan du vända dig:", result.centres, result))
    elif result.for_the_person_you_worry_about:
        heading = "Den du är orolig för kan själv vända sig hit:"
        replies.append(_centres_reply(heading, result.for_the_person_you_worry_about, result))
    else:
        replies.append(Reply(result.no_centre_reason or ""))

    lines = result.national_lines[:MAX_LINES]
    if lines:
        if result.centres:
            heading = "Du kan också ringa:"
        elif result.audience is Audience.CLOSE:
            heading = "Du kan själv få råd här:"
        else:
            heading = "De här kan hjälpa dig:"
        replies.append(Reply("\n".join([heading, *(line_text(c, result) for c in lines)])))

    if not result.centres or result.audience is not Audience.PROFESSIONALS:
        replies.append(Reply(social_services_text(result)))
    replies.append(
        Reply(
            "Är det akut: ring [112](tel:112). Vill du fråga något mer?",
            buttons=(("Börja om för någon annan", "/start_over"),),
        )
    )
    return replies

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
# Four: a woman's line and a man's stand side by side (Kvinnofridslinjen, Stödlinjen för
# män) with Rätt att välja, and BRIS when the person may be under 18.
MAX_LINES = 4


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


def for_professionals_only(result: RoutingResult) -> tuple[Centre, ...]:
    """Centres in the person's area that take calls from professionals only."""
    return tuple(
        exclusion.centre
        for exclusion in result.excluded
        if Audience.PROFESSIONALS in exclusion.centre.audiences
        and result.audience not in exclusion.centre.audiences
    )


def trusted_adult_text(centres: tuple[Centre, ...]) -> str:
    """A young person cannot call the centre, but a trusted adult can, for advice."""
    centre = centres[0]
    phones = [p for p in centre.phones if p.is_for(Audience.PROFESSIONALS)]
    numbers = " eller ".join(phone_link(phone) for phone in phones)
    call = f" på {numbers}" if numbers else ""
    return (
        f"En vuxen du litar på, till exempel skolkuratorn, kan ringa {display_name(centre)}"
        f"{call} och få råd om hur hen kan hjälpa dig."
    )


def _centres_reply(heading: str, contacts: tuple[Contact, ...], result: RoutingResult) -> Reply:
    texts = [centre_text(contact, result) for contact in contacts[:MAX_CENTRES]]
    return Reply("\n\n".join([heading, *texts]))


def _lines_reply(heading: str, result: RoutingResult) -> Reply | None:
    lines = result.national_lines[:MAX_LINES]
    if not lines:
        return None
    return Reply("\n".join([heading, *(line_text(c, result) for c in lines)]))


def routing_replies(result: RoutingResult) -> list[Reply]:
    """The answer, its most useful part first: the centres for this person; where only
    professionals may call the centre, what a young person can do now (lines to call, a
    trusted adult), then why; otherwise the national lines."""
    replies: list[Reply | None] = []
    professionals_only = for_professionals_only(result)
    if result.centres:
        replies.append(_centres_reply("Hit kan du vända dig:", result.centres, result))
        replies.append(_lines_reply("Du kan också ringa:", result))
    elif result.for_the_person_you_worry_about:
        heading = "Den du är orolig för kan själv vända sig hit:"
        replies.append(_centres_reply(heading, result.for_the_person_you_worry_about, result))
        replies.append(_lines_reply("Du kan själv få råd här:", result))
    elif professionals_only and result.audience is Audience.AFFECTED:
        replies.append(_lines_reply("Du kan ringa själv, redan nu:", result))
        adult = trusted_adult_text(professionals_only)
        replies.append(Reply(f"{adult}\n{result.no_centre_reason or ''}".strip()))
    else:
        replies.append(Reply(result.no_centre_reason or ""))
        heading = "Du kan själv få råd här:" if result.audience is Audience.CLOSE else None
        replies.append(_lines_reply(heading or "De här kan hjälpa dig:", result))

    social = []
    if not result.centres or result.audience is not Audience.PROFESSIONALS:
        social.append(social_services_text(result))
    if result.reporting:
        social.append(result.reporting)
    if social:
        replies.append(Reply(" ".join(social)))
    replies.append(
        Reply(
            "Är det akut: ring [112](tel:112). Vill du fråga något mer?",
            buttons=(("Börja om för någon annan", "/start_over"),),
        )
    )
    return [reply for reply in replies if reply is not None]

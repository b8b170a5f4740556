"""The console's web application: routes, log-in checks and page rendering.

Every page but the log-in needs a session; every form carries the session's CSRF token;
admins alone delete, export, manage accounts and read the audit log. Pages are rendered
on the server with Jinja2's autoescaping: what people typed is hostile input.
"""

from __future__ import annotations

import asyncio
import functools
import re
import secrets
from datetime import date, datetime
from pathlib import Path
from urllib.parse import urlencode

import sqlalchemy as sa
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup
from sanic import Sanic, response
from sanic.request import Request

from console import accounts, audit, conversations, records
from console.accounts import AccountError
from console.charts import bar_chart, column_chart
from console.domain_intents import intents, to_yaml
from console.filters import Filters, page_of
from console.records import RecordError
from console.registry_health import registry_health
from resursguiden.client_address import client_address, trusted_proxies
from resursguiden.conversation_log import AGE_BANDS, NOT_SAID, ROLE_LABELS, summarize, transcript
from resursguiden.opening_hours import STOCKHOLM
from resursguiden.statistics import compute, months, outcome_name, to_csv

HERE = Path(__file__).resolve().parent
SESSION_COOKIE = "rg_console"
LOGIN_CSRF_COOKIE = "rg_console_login"
MAX_FORM_BYTES = 64 * 1024
FORGET_EVERY_SECONDS = 3600
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
        "frame-ancestors 'none'; base-uri 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}


def create_app(
    engine: sa.engine.Engine,
    https: bool = False,
    name: str = "resursguiden_console",
    audit_days: int = 365,
) -> Sanic:
    app = Sanic(name)
    app.config.REQUEST_MAX_SIZE = MAX_FORM_BYTES
    app.config.FALLBACK_ERROR_FORMAT = "text"
    app.ctx.engine = engine
    app.ctx.https = https
    app.ctx.throttle = accounts.Throttle()
    # One log-in at a time: argon2 takes 64 MiB and ~50 ms a try, and the throttle's
    # counts must be read after the previous try was recorded.
    app.ctx.log_in_lock = asyncio.Lock()
    app.ctx.trusted_proxies = trusted_proxies()
    templates = Environment(
        loader=FileSystemLoader(HERE / "templates"),
        autoescape=select_autoescape(["html", "svg"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    templates.filters["when"] = lambda moment: moment.strftime("%Y-%m-%d %H:%M") if moment else ""
    templates.filters["outcome"] = outcome_name
    templates.globals.update(role_labels=ROLE_LABELS, not_said=NOT_SAID)
    app.static("/static", str(HERE / "static"), name="static")

    def render(
        request: Request, template: str, status: int = 200, **values
    ) -> response.HTTPResponse:
        session = getattr(request.ctx, "session", None)
        html = templates.get_template(template).render(session=session, path=request.path, **values)
        return response.html(html, status=status)

    def blocking(function, *args):
        # The database calls are short and synchronous; keep them off the event loop.
        return asyncio.get_running_loop().run_in_executor(None, functools.partial(function, *args))

    def refused(request: Request, status: int, message: str) -> response.HTTPResponse:
        return render(request, "error.html", status=status, message=message)

    @app.after_server_start
    async def start_forgetting(app_, _loop):
        app_.add_task(forget_hourly())

    async def forget_hourly():
        # The Rasa server's retention job deletes old conversations; what operators added
        # to them (notes, tags, flags, review marks) goes within the hour, and audit log
        # entries after `audit_days`.
        while True:
            try:
                existing = await blocking(conversations.conversation_ids, engine)
                await blocking(records.forget_deleted, engine, existing)
                await blocking(audit.prune, engine, audit_days)
            except Exception:
                app.logger.exception("console: the hourly clean-up failed")
            await asyncio.sleep(FORGET_EVERY_SECONDS)

    @app.middleware("request")
    async def authenticate(request: Request):
        request.ctx.session = None
        values = [
            *request.args.values(),
            *(request.form.values() if request.method == "POST" else []),
        ]
        if any("\x00" in v for value in values for v in value):
            return refused(request, 400, "Det som skickades innehöll otillåtna tecken.")
        if not conversation_id_ok(request.match_info.get("conversation_id", "x")):
            return refused(request, 404, "Samtalet finns inte (det kan ha raderats).")
        if request.path.startswith("/static/") or request.path in ("/login", "/health"):
            return None
        session = await blocking(accounts.session_for, engine, request.cookies.get(SESSION_COOKIE))
        if session is None:
            if request.method == "GET":
                return response.redirect("/login", status=303)
            return refused(request, 403, "Du är inte inloggad, eller så har sessionen gått ut.")
        request.ctx.session = session
        if request.route is None:  # no such page: the 404 follows, there is no form to check
            return None
        if request.method == "POST" and not same_token(
            request.form.get("csrf"), session.csrf_token
        ):
            return refused(
                request,
                403,
                "Formuläret var för gammalt eller kom inte härifrån. "
                "Ladda om sidan och försök igen.",
            )
        return None

    @app.middleware("response")
    async def headers(request: Request, resp):
        for header, value in SECURITY_HEADERS.items():
            resp.headers.setdefault(header, value)

    def admin_only(handler):
        @functools.wraps(handler)
        async def wrapper(request: Request, *args, **kwargs):
            if not request.ctx.session.account.is_admin:
                return refused(request, 403, "Det här får bara en administratör göra.")
            return await handler(request, *args, **kwargs)

        return wrapper

    def set_cookie(
        request: Request, resp, name: str, value: str, max_age: int | None = None
    ) -> None:
        resp.cookies[name] = value
        cookie = resp.cookies[name]
        cookie["httponly"] = True
        cookie["samesite"] = "Strict"
        cookie["path"] = "/"
        if app.ctx.https or reached_over_https(request):
            cookie["secure"] = True
        if max_age is not None:
            cookie["max-age"] = max_age

    def reached_over_https(request: Request) -> bool:
        """A reverse proxy of ours (TRUSTED_PROXIES) terminated TLS for this request."""
        return (
            request.ip in app.ctx.trusted_proxies
            and request.headers.get("x-forwarded-proto", "").lower() == "https"
        )

    # --- log-in ---------------------------------------------------------------------

    @app.get("/health")
    async def health(request: Request):
        return response.text("ok")

    @app.get("/login")
    async def login_page(request: Request):
        # Kept while the cookie lives: a second tab, or the browser's own request for
        # /favicon.ico (redirected here), must not invalidate the form already shown.
        token = request.cookies.get(LOGIN_CSRF_COOKIE, "")
        if not re.fullmatch(r"[A-Za-z0-9_-]{43}", token):
            token = secrets.token_urlsafe(32)
        resp = render(request, "login.html", login_csrf=token)
        set_cookie(request, resp, LOGIN_CSRF_COOKIE, token, max_age=3600)
        return resp

    @app.post("/login")
    async def login(request: Request):
        cookie, field = (
            request.cookies.get(LOGIN_CSRF_COOKIE, ""),
            str(request.form.get("csrf", "")),
        )
        if not cookie or not same_token(field, cookie):
            return refused(
                request, 403, "Formuläret var för gammalt. Ladda om sidan och försök igen."
            )
        username = str(request.form.get("username", ""))
        password = str(request.form.get("password", ""))
        # Behind the reverse proxy every operator has its address: believe its header.
        client = client_address(
            request.ip, request.headers.get("x-forwarded-for"), app.ctx.trusted_proxies
        )
        try:
            async with app.ctx.log_in_lock:
                result = await blocking(
                    accounts.log_in, engine, username, password, client, app.ctx.throttle
                )
        except AccountError as error:
            return render(request, "login.html", status=429, error=str(error), login_csrf=cookie)
        if result is None:
            return render(request, "login.html", status=401, error="Fel kontonamn eller lösenord.",
                          login_csrf=cookie, username=username)  # fmt: skip
        token, _ = result
        resp = response.redirect("/samtal", status=303)
        set_cookie(request, resp, SESSION_COOKIE, token)
        del resp.cookies[LOGIN_CSRF_COOKIE]
        return resp

    @app.post("/logout")
    async def logout(request: Request):
        await blocking(accounts.log_out, engine, request.ctx.session)
        resp = response.redirect("/login", status=303)
        del resp.cookies[SESSION_COOKIE]
        return resp

    # --- conversations --------------------------------------------------------------

    @app.get("/")
    async def home(request: Request):
        return response.redirect("/samtal", status=303)

    @app.get("/samtal")
    async def conversation_list(request: Request):
        filters = Filters.from_query(request.args)
        everything = await blocking(conversations.all_events, engine)
        summaries = {key: summarize(key, events) for key, events in everything.items()}
        reviewed, tagged = await blocking(records.reviewed_and_tags, engine)
        found = filters.apply(everything, summaries, reviewed, tagged)
        page, pages, shown_rows = page_of(found, filters.page)
        if filters.text:
            # Searching reads every transcript: in the audit log, redacted like notes.
            words = await blocking(_redacted, filters.text)
            await blocking(_audit, request, "sökning", None, words)
        known = summaries.values()
        outcomes = sorted({o for s in known for o in s.outcomes})
        return render(
            request, "conversations.html", filters=filters, rows=shown_rows, total=len(found),
            page=page, pages=pages, reviewed=reviewed, tagged=tagged, age_bands=AGE_BANDS,
            counties=sorted({s.county for s in known if s.county}),
            outcomes=outcomes, tags=sorted(set().union(*tagged.values())),
            page_link=lambda n: "/samtal?" + urlencode({**filters.query(), "sida": n}),
        )  # fmt: skip

    @app.get("/samtal/<conversation_id:str>")
    async def conversation(request: Request, conversation_id: str):
        events = await blocking(conversations.events_of, engine, conversation_id)
        if not events:
            return refused(request, 404, "Samtalet finns inte (det kan ha raderats).")
        await blocking(_audit, request, "transkript visat", conversation_id)
        return render(
            request, "transcript.html", conversation_id=conversation_id,
            entries=transcript(events),
            marks=await blocking(records.marks_of, engine, conversation_id),
            intents=intents(), message=request.args.get("meddelande"),
            summary=summarize(conversation_id, events),
        )  # fmt: skip

    def back_to(conversation_id: str, message: str | None = None, anchor: str = ""):
        query = "?" + urlencode({"meddelande": message}) if message else ""
        return response.redirect(f"/samtal/{conversation_id}{query}{anchor}", status=303)

    def operator(request: Request) -> str:
        return request.ctx.session.account.username

    def event_id_of(request: Request) -> int | None:
        value = str(request.form.get("event_id", ""))
        return int(value) if re.fullmatch(r"[0-9]{1,9}", value) else None

    async def change(request: Request, conversation_id: str, function, *args, anchor: str = ""):
        if not await blocking(conversations.exists, engine, conversation_id):
            return refused(request, 404, "Samtalet finns inte (det kan ha raderats).")
        try:
            await blocking(function, engine, conversation_id, *args, operator(request))
        except RecordError as error:
            return back_to(conversation_id, str(error), anchor)
        return back_to(conversation_id, anchor=anchor)

    @app.post("/samtal/<conversation_id:str>/granskad")
    async def mark_reviewed(request: Request, conversation_id: str):
        return await change(
            request, conversation_id, records.set_reviewed, request.form.get("granskad") == "ja"
        )

    @app.post("/samtal/<conversation_id:str>/taggar")
    async def add_tag(request: Request, conversation_id: str):
        tag = await blocking(_redacted, str(request.form.get("tagg", "")))
        return await change(request, conversation_id, records.add_tag, tag, anchor="#markeringar")

    @app.post("/samtal/<conversation_id:str>/taggar/ta-bort")
    async def remove_tag(request: Request, conversation_id: str):
        tag = str(request.form.get("tagg", ""))
        return await change(request, conversation_id, records.remove_tag, tag,
                            anchor="#markeringar")  # fmt: skip

    @app.post("/samtal/<conversation_id:str>/anteckningar")
    async def add_note(request: Request, conversation_id: str):
        # Operators write notes about people's conversations: what they write is redacted too.
        text = await blocking(_redacted, str(request.form.get("anteckning", "")))
        return await change(request, conversation_id, records.add_note, text, anchor="#markeringar")

    @app.post("/samtal/<conversation_id:str>/flagga")
    async def flag(request: Request, conversation_id: str):
        event_id = event_id_of(request)
        if event_id is None:
            return back_to(conversation_id, "Välj ett meddelande.")
        flagged = request.form.get("flaggad") == "ja"
        return await change(request, conversation_id, records.set_flag, event_id, flagged,
                            anchor=f"#h{event_id}")  # fmt: skip

    @app.post("/samtal/<conversation_id:str>/exempel")
    async def propose_example(request: Request, conversation_id: str):
        event_id = event_id_of(request)
        if event_id is None:
            return back_to(conversation_id, "Välj ett meddelande.")
        intent = str(request.form.get("intent", ""))
        return await change(request, conversation_id, records.propose_example, event_id, intent,
                            intents(), anchor=f"#h{event_id}")  # fmt: skip

    @app.post("/samtal/<conversation_id:str>/radera")
    @admin_only
    async def delete_conversation(request: Request, conversation_id: str):
        if request.form.get("bekrafta") != "ja":
            return back_to(
                conversation_id, "Kryssa i rutan för att bekräfta att samtalet ska raderas."
            )
        if not await blocking(conversations.exists, engine, conversation_id):
            return refused(request, 404, "Samtalet finns inte (det kan ha raderats).")
        await blocking(records.delete_conversation, engine, conversation_id, operator(request))
        return response.redirect(
            "/samtal?" + urlencode({"meddelande": "Samtalet är raderat."}), status=303
        )

    # --- improving the assistant ------------------------------------------------------

    @app.get("/exempel")
    async def example_list(request: Request):
        return render(request, "examples.html", examples=await blocking(records.examples, engine))

    @app.get("/exempel.yml")
    @admin_only
    async def example_download(request: Request):
        found = await blocking(records.examples, engine)
        await blocking(_audit, request, "export", "nlu-exempel", f"{len(found)} exempel")
        return response.text(
            to_yaml(found), content_type="application/x-yaml; charset=utf-8",
            headers={"Content-Disposition": 'attachment; filename="nlu_forslag.yml"'},
        )  # fmt: skip

    @app.post(r"/exempel/<example_id:[0-9]{1,9}>/ta-bort")
    @admin_only
    async def example_remove(request: Request, example_id: str):
        await blocking(records.remove_example, engine, int(example_id), operator(request))
        return response.redirect("/exempel", status=303)

    # --- statistics -------------------------------------------------------------------

    def period(request: Request) -> tuple[date, date]:
        today = datetime.now(STOCKHOLM).date()
        return months(request.args.get("fran", ""), request.args.get("till", ""), today)

    async def statistics_of(request: Request):
        first, last = period(request)
        summaries = await blocking(conversations.summaries, engine)
        return first, last, compute(summaries, first, last)

    @app.get("/statistik")
    async def statistics(request: Request):
        first, last, stats = await statistics_of(request)
        charts = [(b, chart_of(b)) for b in stats.breakdowns]
        return render(
            request, "statistics.html", stats=stats, charts=charts, first=first, last=last,
            first_month=first.strftime("%Y-%m"), last_month=last.strftime("%Y-%m"),
        )  # fmt: skip

    @app.get("/statistik.csv")
    @admin_only
    async def statistics_csv(request: Request):
        first, last, stats = await statistics_of(request)
        await blocking(_audit, request, "export", "statistik", f"{first} – {last}")
        return response.text(
            to_csv(stats), content_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": f'attachment; filename="statistik_{first}_{last}.csv"'},
        )  # fmt: skip

    # --- registry, audit log, accounts --------------------------------------------------

    @app.get("/register")
    async def registry(request: Request):
        return render(
            request, "registry.html", rows=registry_health(datetime.now(STOCKHOLM).date())
        )

    @app.get("/logg")
    @admin_only
    async def audit_page(request: Request):
        who, what = request.args.get("operator", ""), request.args.get("handling", "")
        return render(
            request, "audit.html",
            entries=await blocking(audit.entries, engine, who[:64], what[:32]),
            operator=who, action=what, actions=await blocking(audit.actions, engine),
        )  # fmt: skip

    @app.get("/konton")
    @admin_only
    async def account_page(request: Request):
        found = await blocking(accounts.all_accounts, engine)
        return render(request, "accounts.html", accounts=found,
                      message=request.args.get("meddelande"))  # fmt: skip

    @app.post("/konton")
    @admin_only
    async def account_create(request: Request):
        form = request.form
        try:
            await blocking(
                accounts.create_account, engine, str(form.get("username", "")),
                str(form.get("password", "")), str(form.get("role", "")), operator(request),
            )  # fmt: skip
            message = "Kontot är skapat."
        except AccountError as error:
            message = str(error)
        return response.redirect("/konton?" + urlencode({"meddelande": message}), status=303)

    @app.post("/konton/<username:str>/<what:str>")
    @admin_only
    async def account_change(request: Request, username: str, what: str):
        if what not in ("stang", "oppna"):
            return refused(request, 404, "Sidan finns inte.")
        if username == operator(request):
            message = "Du kan inte stänga av ditt eget konto."
        else:
            try:
                await blocking(
                    accounts.set_disabled, engine, username, what == "stang", operator(request)
                )
                message = "Kontot är avstängt." if what == "stang" else "Kontot är öppnat."
            except AccountError as error:
                message = str(error)
        return response.redirect("/konton?" + urlencode({"meddelande": message}), status=303)

    def _audit(request: Request, action: str, target: str | None = None, detail: str | None = None):
        with engine.begin() as db:
            audit.record(db, operator(request), action, target, detail)

    @app.exception(Exception)
    async def on_error(request: Request, error: Exception):
        status = getattr(error, "status_code", 500)
        messages = {404: "Sidan finns inte.", 405: "Det går inte att göra så här.",
                    413: "Formuläret var för stort."}  # fmt: skip
        if status == 500:
            app.logger.exception("console: an error while handling a request")
        return refused(request, status, messages.get(status, "Något gick fel. Försök igen."))

    return app


def conversation_id_ok(conversation_id: str) -> bool:
    return 0 < len(conversation_id) <= 255  # the events table's sender_id


def same_token(given: object, expected: str) -> bool:
    """Constant-time; any text (compare_digest refuses non-ASCII str, so bytes)."""
    return secrets.compare_digest(str(given or "").encode(), expected.encode())


def chart_of(breakdown) -> Markup:
    """Columns for time (a date under every seventh day), bars for groups."""
    if breakdown.title == "Per dag":
        return column_chart(breakdown.title, breakdown.cells, label_every=7)
    if breakdown.title == "Per vecka":
        return column_chart(breakdown.title, breakdown.cells)
    return bar_chart(breakdown.title, breakdown.cells)


def _redacted(text: str) -> str:
    from resursguiden.redaction import redact  # loads spaCy: only when a note is written

    return redact(text).text if text.strip() else text

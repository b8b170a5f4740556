"""Operator accounts, log-in and sessions.

Passwords are hashed with argon2; a session is a random token in an HttpOnly cookie of
which only the SHA-256 is stored, with its own CSRF token, ending after IDLE_MINUTES
without a request (and after MAX_HOURS in any case). Log-in is throttled (see log_in)."""

from __future__ import annotations

import hashlib
import re
import secrets
import time
from collections import defaultdict, deque
from dataclasses import dataclass

import sqlalchemy as sa
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from console import audit
from console.tables import accounts, login_failures, sessions

ROLES = ("reviewer", "admin")
MIN_PASSWORD_LENGTH = 12
IDLE_MINUTES = 30
MAX_HOURS = 12
# At most this many failed log-ins in the window: for one account from one address, from
# one address in all, and for one account from anywhere.
FAILURES_PER_ACCOUNT = 5
FAILURES_PER_CLIENT = 20
FAILURES_PER_ACCOUNT_EVERYWHERE = 20
FAILURE_WINDOW_SECONDS = 15 * 60

_hasher = PasswordHasher()
# Verified against when the account does not exist, so that the answer takes as long.
_DUMMY_HASH = _hasher.hash(secrets.token_hex(16))


class AccountError(ValueError):
    """Something the operator asked for cannot be done; the message says why, in Swedish."""


@dataclass(frozen=True)
class Account:
    id: int
    username: str
    role: str
    disabled: bool

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"


@dataclass(frozen=True)
class Session:
    account: Account
    csrf_token: str
    token_hash: str


def _account(row) -> Account:
    return Account(row.id, row.username, row.role, bool(row.disabled))


def check_username(username: str) -> str:
    """Lower-case a–z, digits, . _ and -: no two names that look alike ("Anna", "anna",
    an "å" written two ways) can pose as each other in the audit log."""
    username = normalised(username)
    if not re.fullmatch(r"[a-z0-9._-]{2,64}", username):
        raise AccountError("Kontonamnet ska vara 2–64 tecken: a–z, siffror, . _ eller -.")
    return username


def check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AccountError(f"Lösenordet måste vara minst {MIN_PASSWORD_LENGTH} tecken.")


def create_account(
    engine: sa.engine.Engine, username: str, password: str, role: str, by: str
) -> Account:
    username = check_username(username)
    check_password(password)
    if role not in ROLES:
        raise AccountError(f"Rollen ska vara {' eller '.join(ROLES)}.")
    with engine.begin() as db:
        if db.execute(sa.select(accounts.c.id).where(accounts.c.username == username)).first():
            raise AccountError(f"Det finns redan ett konto som heter {username}.")
        db.execute(
            accounts.insert().values(
                username=username, password_hash=_hasher.hash(password), role=role,
                disabled=False, created_at=time.time(),
            )
        )  # fmt: skip
        audit.record(db, by, "konto skapat", username, f"roll: {role}")
    return find_account(engine, username)  # type: ignore[return-value]


def set_disabled(engine: sa.engine.Engine, username: str, disabled: bool, by: str) -> None:
    username = normalised(username)
    with engine.begin() as db:
        row = db.execute(sa.select(accounts).where(accounts.c.username == username)).first()
        if row is None:
            raise AccountError(f"Det finns inget konto som heter {username}.")
        db.execute(accounts.update().where(accounts.c.id == row.id).values(disabled=disabled))
        if disabled:  # a disabled account is logged out everywhere at once
            db.execute(sessions.delete().where(sessions.c.account_id == row.id))
        audit.record(db, by, "konto avstängt" if disabled else "konto öppnat", username)


def set_password(engine: sa.engine.Engine, username: str, password: str, by: str) -> None:
    check_password(password)
    username = normalised(username)
    with engine.begin() as db:
        row = db.execute(sa.select(accounts).where(accounts.c.username == username)).first()
        if row is None:
            raise AccountError(f"Det finns inget konto som heter {username}.")
        db.execute(
            accounts.update()
            .where(accounts.c.id == row.id)
            .values(password_hash=_hasher.hash(password))
        )
        db.execute(sessions.delete().where(sessions.c.account_id == row.id))
        audit.record(db, by, "lösenord bytt", username)


def find_account(engine: sa.engine.Engine, username: str) -> Account | None:
    username = normalised(username)
    with engine.connect() as db:
        row = db.execute(sa.select(accounts).where(accounts.c.username == username)).first()
    return _account(row) if row else None


def all_accounts(engine: sa.engine.Engine) -> list[Account]:
    with engine.connect() as db:
        return [
            _account(row) for row in db.execute(sa.select(accounts).order_by(accounts.c.username))
        ]


class Throttle:
    """Failed log-ins per client address and per account from that address, in memory (the
    address is never stored). Log-ins are taken one at a time (the caller holds a lock), so
    parallel guesses cannot all pass the count before any is recorded."""

    def __init__(self) -> None:
        self._failures: dict[tuple[str, str], deque[float]] = defaultdict(deque)

    def _recent(self, key: tuple[str, str], now: float) -> deque[float]:
        failures = self._failures[key]
        while failures and failures[0] <= now - FAILURE_WINDOW_SECONDS:
            failures.popleft()
        if not failures:
            del self._failures[key]  # keep memory bounded by recent failures
            return deque()
        return failures

    def blocked(self, client: str, username: str, now: float) -> bool:
        return (
            len(self._recent((client, ""), now)) >= FAILURES_PER_CLIENT
            or len(self._recent((client, username), now)) >= FAILURES_PER_ACCOUNT
        )

    def failed(self, client: str, username: str, now: float) -> None:
        for key in ((client, ""), (client, username)):
            self._failures[key].append(now)


def normalised(username: str) -> str:
    """How an account name is compared: trimmed, lower case."""
    return username.strip().lower()[:64]


def log_in(
    engine: sa.engine.Engine, username: str, password: str, client: str, throttle: Throttle
) -> tuple[str, Session] | None:
    """(the cookie's token, the session), or None for a wrong name or password.

    Raises AccountError when too many attempts failed lately: FAILURES_PER_ACCOUNT from
    this address for this account, FAILURES_PER_CLIENT from this address, or
    FAILURES_PER_ACCOUNT_EVERYWHERE for this account from anywhere (a guesser with many
    addresses), in the last FAILURE_WINDOW_SECONDS. The last is kept in the database; a
    guesser can lock an account out that way, and the audit log shows it."""
    now = time.time()
    username = normalised(username)
    with engine.begin() as db:
        recent = db.execute(
            sa.select(sa.func.count())
            .select_from(login_failures)
            .where(
                login_failures.c.username == username,
                login_failures.c.at > now - FAILURE_WINDOW_SECONDS,
            )
        ).scalar_one()
        row = db.execute(sa.select(accounts).where(accounts.c.username == username)).first()
        # A name that is no account may be a password typed in the wrong field: not kept.
        who = username if row else "okänt konto"
        blocked = recent >= FAILURES_PER_ACCOUNT_EVERYWHERE or throttle.blocked(
            client, username, now
        )
        if blocked:
            audit.record(db, who, "inloggning spärrad", None, "för många försök")
    if blocked:
        raise AccountError("För många misslyckade försök. Vänta en kvart och försök igen.")
    with engine.begin() as db:
        if not _verify(row.password_hash if row else _DUMMY_HASH, password) or row.disabled:
            if row:
                db.execute(login_failures.insert().values(username=username, at=now))
            throttle.failed(client, username, now)
            audit.record(db, who, "misslyckad inloggning")
            return None
        if _hasher.check_needs_rehash(row.password_hash):
            db.execute(
                accounts.update()
                .where(accounts.c.id == row.id)
                .values(password_hash=_hasher.hash(password))
            )
        db.execute(login_failures.delete().where(login_failures.c.username == username))
        # Keep the tables small: failures outside the window and ended sessions go.
        db.execute(
            login_failures.delete().where(login_failures.c.at < now - FAILURE_WINDOW_SECONDS)
        )
        db.execute(
            sessions.delete().where(
                (sessions.c.last_seen_at < now - IDLE_MINUTES * 60)
                | (sessions.c.created_at < now - MAX_HOURS * 3600)
            )
        )
        token, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
        db.execute(
            sessions.insert().values(
                token_hash=_digest(token), account_id=row.id, csrf_token=csrf,
                created_at=now, last_seen_at=now,
            )
        )  # fmt: skip
        audit.record(db, username, "inloggning")
    return token, Session(_account(row), csrf, _digest(token))


def _verify(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def session_for(engine: sa.engine.Engine, token: str | None) -> Session | None:
    """The live session of this cookie token, touched; None if unknown, expired or disabled."""
    if not token:
        return None
    now = time.time()
    with engine.begin() as db:
        row = db.execute(
            sa.select(sessions, accounts)
            .join(accounts, accounts.c.id == sessions.c.account_id)
            .where(sessions.c.token_hash == _digest(token))
        ).first()
        if row is None:
            return None
        expired = (
            row.last_seen_at < now - IDLE_MINUTES * 60 or row.created_at < now - MAX_HOURS * 3600
        )
        if expired or row.disabled:
            db.execute(sessions.delete().where(sessions.c.token_hash == row.token_hash))
            return None
        db.execute(
            sessions.update()
            .where(sessions.c.token_hash == row.token_hash)
            .values(last_seen_at=now)
        )
    account = Account(row.account_id, row.username, row.role, bool(row.disabled))
    return Session(account, row.csrf_token, row.token_hash)


def log_out(engine: sa.engine.Engine, session: Session) -> None:
    with engine.begin() as db:
        db.execute(sessions.delete().where(sessions.c.token_hash == session.token_hash))
        audit.record(db, session.account.username, "utloggning")


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()

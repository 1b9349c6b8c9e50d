"""The renewal link's secret, examined as an attacker would: its randomness, what it says once decoded,
and links that resemble it (rules.md « Renewal link »; OWASP Forgot Password cheat sheet)."""

import base64
import binascii
import math
import re
import secrets
import string
from datetime import date
from urllib.parse import parse_qsl, unquote, urlsplit, urlunsplit

# The least randomness a renewal token must carry (rules.md, OWASP).
TOKEN_BITS = 128


def _parts(address: str) -> list[str]:
    split = urlsplit(address)
    return [unquote(segment) for segment in split.path.split("/") if segment] + [v for _, v in parse_qsl(split.query)]


def secret_parts(addresses: list[str]) -> list[list[str]]:
    """The parts (path segments, query values) that differ between links of one account: where the
    token lives. Each item: that part's value in every link. Links of different shapes: the whole link."""
    split_links = [_parts(address) for address in addresses]
    if len({len(link) for link in split_links}) != 1:
        return [list(addresses)]
    return [list(values) for values in zip(*split_links) if len(set(values)) > 1]


def _alphabet_bits(characters: set[str]) -> float:
    """log2 of the alphabet that these characters suggest: hex, digits, letters of one or both cases…"""
    letters = {c for c in characters if c.isascii() and c.isalpha()}
    if characters <= set(string.hexdigits.lower()) or characters <= set(string.digits + "ABCDEF"):
        alphabet = 16 if letters else 10
    else:
        alphabet = sum(26 for group in (string.ascii_lowercase, string.ascii_uppercase) if letters & set(group))
        alphabet += 10 * bool(characters & set(string.digits)) + len(characters - set(string.ascii_letters + string.digits))
    return math.log2(max(alphabet, 2))


def estimated_bits(values: list[str]) -> float:
    """The randomness that one part carries, position by position over the values: a position that is
    the same in every value carries none (a fixed prefix, a UUID's dashes, a counter's high digits);
    each other position carries at most the bits of the part's alphabet. An upper bound."""
    alphabet_bits = _alphabet_bits(set("".join(values)))
    varying = sum(1 for chars in zip(*values) if len(set(chars)) > 1)
    return varying * alphabet_bits


def expect_unguessable_tokens(addresses: list[str], fewest_links: int) -> None:
    assert len(addresses) >= fewest_links, f"{fewest_links} liens attendus pour juger leur hasard ; reçus : {addresses}"
    parts = secret_parts(addresses)
    bits = sum(estimated_bits(values) for values in parts)
    assert parts and bits >= TOKEN_BITS, (
        f"La partie secrète des liens de renouvellement devait porter au moins {TOKEN_BITS} bits de hasard ; "
        f"vu {[values for values in parts]}, soit environ {bits:.0f} bits (les positions qui varient d'un lien "
        f"à l'autre, d'après l'alphabet), dans {len(addresses)} liens."
    )


def _decoded(piece: str) -> list[str]:
    """What a piece of a link says once decoded as base64, base64url or hex. Undecodable bytes are
    replaced, not a reason to give up: a token may join encoded data and random bytes."""
    attempts = (
        lambda: base64.urlsafe_b64decode(piece + "=" * (-len(piece) % 4)),
        lambda: base64.b64decode(piece + "=" * (-len(piece) % 4)),
        lambda: bytes.fromhex(piece[: len(piece) - len(piece) % 2]),
    )
    readings = []
    for attempt in attempts:
        try:
            readings.append(attempt().decode("utf-8", errors="replace"))
        except (binascii.Error, ValueError):
            continue
    return readings


def readings(address: str) -> list[str]:
    """Every way the link can be read: as written, unquoted, and each part (and each dot-separated
    segment, as in a JWT) decoded."""
    found = [address, unquote(address)]
    for part in _parts(address):
        for piece in {part, *part.split(".")}:
            found += _decoded(piece)
    return list(dict.fromkeys(found))


def _bare(text: str) -> str:
    """Letters and digits only, lowercased: « 1 85 07 », « 1985-07-05 » and « 05/07/1985 » read bare."""
    return re.sub(r"[\W_]", "", text.lower())


def written_forms(nir: str, email: str, born: date) -> dict[str, list[str]]:
    """The person's data in every written form a link might hold (compared bare: separators dropped)."""
    return {
        "son numéro de sécurité sociale": [nir],
        "son adresse mail": [email, email.split("@")[0]],
        "sa date de naissance": [born.strftime(form) for form in ("%d%m%Y", "%Y%m%d", "%m%d%Y", "%d%m%y")],
    }


def expect_links_name_nothing_of(addresses: list[str], nir: str, email: str, born: date) -> None:
    forms = written_forms(nir, email, born)
    for address in addresses:
        found = {(what, text) for text in readings(address) for what, values in forms.items()
                 for value in values if _bare(value) in _bare(text)}
        assert not found, (
            f"Le lien {address} ne devait rien dire de l'assuré ; on y lit "
            f"{', '.join(sorted({what for what, _ in found}))}, dans : {sorted({_shown(text) for _, text in found})}."
        )


def _shown(text: str) -> str:
    return "".join(c if c.isprintable() and c != "\ufffd" else "·" for c in text)


def secret_of(addresses: list[str]) -> str:
    """The newest link's secret: what differs between the links of one account (the longest such part)."""
    return max((values[-1] for values in secret_parts(addresses)), key=len)


def _random_like(secret: str) -> str:
    """Another secret of the same form: each letter or digit replaced by a random one of its kind."""
    def like(c: str) -> str:
        for kind in (string.digits, string.ascii_lowercase, string.ascii_uppercase):
            if c in kind:
                return secrets.choice(kind.replace(c, ""))
        return c
    return "".join(like(c) for c in secret)


def unknown_link(addresses: list[str], how: str) -> str:
    """The newest link, its secret changed as a feature says: « privé de son dernier caractère »,
    « augmenté d'un caractère », or « dont le secret est tiré au hasard »."""
    secret, newest = secret_of(addresses), addresses[-1]
    changed = {
        "privé de son dernier caractère": secret[:-1],
        "augmenté d'un caractère": secret + secret[-1],
        "dont le secret est tiré au hasard": _random_like(secret),
    }
    if how not in changed:
        raise ValueError(f"Changement de lien inconnu : « {how} » ; connus : {', '.join(changed)}")
    if secret == newest:  # links of different shapes: the whole link is the secret
        return changed[how]
    split = urlsplit(newest)
    if secret in unquote(split.path):
        split = split._replace(path=unquote(split.path).replace(secret, changed[how]))
    else:
        split = split._replace(query=split.query.replace(secret, changed[how]))
    return urlunsplit(split)

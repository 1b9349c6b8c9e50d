"""The parts of ameli's "Mot de passe oublié" guide, in the guide's order.

Every scenario carries the tag of the part it transcribes; reports group
scenarios by these tags and show a part without scenario as a gap.
"""

from typing import NamedTuple


class GuidePart(NamedTuple):
    tag: str
    title: str


GUIDE_PARTS: tuple[GuidePart, ...] = (
    GuidePart("etape-0", "Étape 0 : se rendre sur le compte ameli"),
    GuidePart("etape-1", "Étape 1 : choisir « Mot de passe oublié »"),
    GuidePart("etape-2", "Étape 2 : compléter les informations et recopier les caractères"),
    GuidePart("etape-3", "Étape 3 : notification d'envoi du mail"),
    GuidePart("etape-3bis", "Étape 3bis (cas 1) : envoi du mail impossible"),
    GuidePart("cas-2", "Cas 2 : trop de demandes, service bloqué"),
    GuidePart("etape-4", "Étape 4 : le mail de renouvellement"),
    GuidePart("etape-5", "Étape 5 : le nouveau mot de passe"),
    GuidePart("etape-6", "Étape 6 : confirmation du nouveau mot de passe"),
    GuidePart("mail-non-recu", "Mail non reçu : vérifications"),
    GuidePart("securite", "Sécurité du parcours"),
    GuidePart("accessibilite", "Accessibilité (RGAA)"),
    GuidePart("panne-messagerie", "Messagerie indisponible"),
)

GUIDE_TAGS = frozenset(part.tag for part in GUIDE_PARTS)

GAP_TEXT = "Aucun scénario : lacune de couverture"
OUTSIDE_GUIDE_TITLE = "Scénarios sans partie du guide"

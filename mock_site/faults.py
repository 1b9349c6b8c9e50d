"""Test-only fault switches: each one breaks ONE rule of the contract in the mock,
so that the project's tests can prove the acceptance scenario for that rule fails.

Turned on by the env var MOCK_SITE_FAULTS (comma-separated), the config key FAULTS
or `python -m mock_site --faults a,b`; only with the test-support API on (a
production-like mock never carries a fault). The normal path never depends on them.
"""

import os

from flask import current_app, has_app_context

ENV_VAR = "MOCK_SITE_FAULTS"

# name -> what the fault breaks, in the order of the catalogue (brief FAULTS.md).
CATALOGUE: dict[str, str] = {
    # Date de naissance, NIR (formulaire Mot de passe oublié)
    "nir_lettre_acceptee": "une lettre hors des positions 6-7 du NIR est acceptée (ex. 1850775A23456)",
    "nir_corse_refusee": "2A/2B en positions 6-7 du NIR sont refusés comme mal formés",
    "nir_minuscules_refusees": "2a/2b (minuscules) sont refusés dans le NIR",
    "nir_espaces_refuses": "les espaces et points saisis dans le NIR ne sont plus ignorés (refusés)",
    "nir_12_acceptes": "un NIR de 12 caractères est accepté comme bien formé",
    "date_jour_accepte": "une date de naissance égale à aujourd'hui (horloge de la session) est acceptée",
    "date_veille_refusee": "la veille est refusée avec « inférieure à la date du jour »",
    "date_chiffre_unique_acceptee": "15/7/1985 est accepté",
    "date_irreelle_acceptee": "31/02/1985 est accepté (la date n'est pas jugée sur le calendrier)",
    "date_espaces_refuses": "les espaces autour de la date de naissance ne sont plus ignorés (refusée)",
    "identite_sans_date": "un bon NIR avec une mauvaise date de naissance identifie le compte",
    "erreurs_champs_une_seule": "seule la première erreur de champ de l'étape 1 (NIR) est signalée",
    # Captcha
    "captcha_image_illisible": "l'image des caractères est servie en PNG, mais n'en est pas une (rien à dessiner)",
    "captcha_casse": "la comparaison des caractères tient compte de la casse",
    "captcha_espaces": "les espaces autour des caractères saisis ne sont plus ignorés",
    "captcha_delai_long": "les caractères restent valables au-delà de 301 s (expirent après 600 s)",
    "captcha_delai_court": "les caractères expirent à 290 s (299 s est refusé comme expiré)",
    "captcha_remplace_valide": "après une nouvelle liste, les caractères précédents sont encore acceptés",
    "captcha_nouveau_sans_delai": "une nouvelle liste garde le moment d'affichage de la première (pas de nouvelles 5 minutes)",
    "captcha_son_ancien": "l'audio dit les premiers caractères de la session, pas ceux affichés",
    "captcha_fleche_efface": "la flèche efface le NIR et la date de naissance (page rechargée sans les garder)",
    # Mails envoyés (étape 3, cas 1)
    "envoi_adresse_non_validee": "un mail est envoyé à une adresse non validée (cas 1 non appliqué)",
    "envoi_sans_adresse_succes": "un compte sans adresse reçoit la page de succès (rien n'est envoyé)",
    "envoi_differe_adresse_non_validee": "le mail part quand même vers l'adresse non validée, 3 s après le cas 1",
    "mail_en_double": "le mail de renouvellement est envoyé deux fois",
    "mail_en_copie": "le mail de renouvellement part aussi en copie (Cc) à archive@assurance-maladie.example",
    "mail_expediteur": "le nom de l'expéditeur est « Assurance Maladie » au lieu de « Votre Assurance Maladie »",
    "mail_texte_seul": "le mail de renouvellement n'a qu'une partie texte (pas de HTML)",
    "mail_sans_30_minutes": "la partie HTML ne dit plus que le lien est valable 30 minutes",
    "mail_30_minutes_balise": "« 30 minutes » n'est plus que dans un commentaire HTML ; le texte visible dit « une demi-heure »",
    "mail_objet_confirmation": "l'objet devient « Votre compte ameli – confirmation de renouvellement »",
    "mail_lien_texte_absent": "la partie texte ne contient pas l'URL du lien",
    "mail_lien_autre_origine": "le lien est écrit sur une autre origine (localhost au lieu de 127.0.0.1)",
    "mail_lien_entete_host": "l'origine du lien est prise dans l'en-tête X-Forwarded-Host / Host de la requête",
    # Limite d'envoi (cas 2)
    "limite_plus_un": "limite + 1 mails sont envoyés avant le refus",
    "limite_moins_un": "le refus vient dès la limite-ième demande (limite - 1 mails)",
    "limite_compte_refus": "les demandes refusées par une alerte (ex. mauvais caractères) comptent dans la limite",
    "limite_par_session": "le compte est tenu par session du navigateur au lieu de par compte",
    "blocage_prolonge": "chaque demande pendant le blocage relance le blocage",
    "blocage_court": "le blocage finit 2 s trop tôt",
    "blocage_long": "le blocage dure 2 s de trop",
    "blocage_compte_conserve": "après le blocage, le compte ne repart pas de zéro (la demande suivante est bloquée)",
    "fenetre_fixe": "les mails plus anciens que la fenêtre comptent encore (pas de fenêtre glissante)",
    "limite_envoi_en_trop": "la demande refusée au-delà de la limite envoie quand même un mail, avec l'alerte",
    # Lien de renouvellement (étape 4)
    "lien_delai_long": "le lien reste valable jusqu'à 1900 s",
    "lien_delai_court": "le lien expire à 1790 s",
    "lien_use_par_ouverture": "ouvrir le lien (GET ou HEAD) le consomme",
    "lien_reutilisable": "le lien marche encore après un changement réussi",
    "lien_ancien_valide": "un mail plus récent n'invalide pas les liens plus anciens",
    "page_ancienne_acceptee": "une page ouverte avant un mail plus récent accepte encore sa soumission",
    "lien_lie_session": "le lien ne marche que dans la session du navigateur qui l'a demandé",
    "jeton_court": "le jeton porte 32 bits",
    "jeton_nir": "l'URL du lien contient le NIR du compte",
    "sans_referrer_policy": "la page de renouvellement n'envoie pas d'en-tête Referrer-Policy",
    "double_changement": "deux soumissions simultanées du même lien réussissent toutes deux (deux changements, deux mails)",
    # Nouveau mot de passe (étape 5), règles 1 à 5 de rules.md
    "mdp_7_accepte": "7 caractères sont acceptés (règle 1)",
    "mdp_8_refuse": "8 caractères sont refusés",
    "mdp_50_refuse": "50 caractères sont refusés",
    "mdp_51_accepte": "51 caractères sont acceptés",
    "mdp_longueur_octets": "la longueur est comptée en octets UTF-8 (« é » compte 2)",
    "mdp_minuscules_seules": "aucune majuscule n'est exigée",
    "mdp_majuscules_seules": "aucune minuscule n'est exigée",
    "mdp_chiffre_exige": "la règle 3 exige un chiffre (un caractère spécial seul ne suffit pas)",
    "mdp_special_exige": "la règle 3 exige un caractère spécial (un chiffre seul ne suffit pas)",
    "mdp_special_refuse": "la barre oblique inverse est refusée, bien qu'annoncée dans les capacités",
    "mdp_espace_accepte": "l'espace est accepté",
    "mdp_accent_accepte": "les lettres latines accentuées sont acceptées",
    "mdp_nir_accepte": "un mot de passe contenant le NIR est accepté",
    "mdp_nir_casse": "la recherche du NIR tient compte de la casse (2A saisi 2a passe)",
    "mdp_date_jjmmaaaa_acceptee": "la date de naissance écrite JJMMAAAA est acceptée",
    "mdp_date_barres_acceptee": "la date de naissance écrite JJ/MM/AAAA est acceptée",
    "mdp_date_aaaammjj_acceptee": "la date de naissance écrite AAAAMMJJ est acceptée",
    "mdp_premiere_regle_seule": "le refus ne nomme que la première règle enfreinte",
    "mdp_regle_en_trop": "le refus nomme aussi la règle 1 dès qu'une autre règle est enfreinte",
    "mdp_confirmation_ignoree": "le champ de confirmation n'est pas vérifié",
    # Après le changement (étape 6)
    "connexion_automatique": "le changement connecte la personne (la page finale montre le compte)",
    "ancien_mdp_valide": "l'ancien mot de passe permet encore de se connecter",
    "moment_arrondi": "la minute du mail de confirmation est arrondie au lieu d'être tronquée",
    "moment_utc": "le moment du mail de confirmation est écrit en UTC au lieu de l'heure de Paris",
    "mail_confirmation_absent": "aucun mail de confirmation n'est envoyé après le changement",

    # Après chaque réponse de la page de renouvellement : connexion, rejeu (étapes 5 et 6)
    "mdp_enregistre_tronque": "le mot de passe enregistré est tronqué à 40 caractères : un mot de passe plus long, "
                              "pourtant accepté, n'ouvre pas le compte",
    "refus_enregistre_quand_meme": "un mot de passe refusé pour une règle ou une confirmation différente est "
                                   "enregistré quand même",
    "connexion_apres_refus": "un mot de passe refusé sur la page de renouvellement connecte le navigateur au compte",
    "connexion_champ_en_clair": "le champ « Mot de passe » de la connexion affiche la saisie en clair",
    "connexion_mdp_reecrit": "après un refus de connexion, le mot de passe saisi est réécrit dans son champ",
    "renouvellement_champ_en_clair": "les champs du nouveau mot de passe affichent la saisie en clair",
    "mdp_refuse_reecrit": "un nouveau mot de passe refusé est réécrit dans son champ",

    # Après chaque refus du formulaire Mot de passe oublié : captcha, décompte, rejeu (étapes 2, 3, cas 2)
    "refus_captcha_conserve": "après un refus, la page remontre les mêmes caractères, qui restent acceptés",
    "refus_efface_saisie": "après un refus pour la personne, le cas 1 ou le cas 2, le NIR et la date de naissance sont "
                           "effacés",
    "limite_compte_date_erronee": "une demande avec le bon NIR mais une autre date de naissance compte dans la limite "
                                  "du compte",
    "ordre_caracteres_avant_date": "les caractères sont jugés avant les champs : une date mal écrite avec de mauvais "
                                   "caractères reçoit l'alerte des caractères",
    "ordre_expiration_apres_caracteres": "de mauvais caractères recopiés trop tard reçoivent l'alerte des caractères, "
                                         "pas celle du délai",
    "ordre_personne_avant_caracteres": "la personne est jugée avant les caractères : un NIR inconnu avec de mauvais "
                                       "caractères reçoit l'alerte d'identification",
    "ordre_adresse_avant_personne": "le cas 1 est jugé avant la personne : un compte sans adresse validée, avec une "
                                    "autre date de naissance, reçoit l'alerte du cas 1",
    "ordre_bloque_avant_personne": "le cas 2 est jugé avant la personne : un compte bloqué, avec une autre date de "
                                   "naissance, reçoit l'alerte du cas 2",
    "captcha_reutilisable": "des caractères qui ont servi à un envoi réussi restent acceptés : recharger la page envoie"
                            " un second mail",
    "double_clic_deux_mails": "la page envoie le formulaire deux fois, comme un double clic qu'elle ne garde pas, "
                              "et les caractères ne sont pas consommés par un envoi réussi",
    "connexion_nir_forme_stricte": "la connexion n'accepte le NIR que tel quel : ni espaces, ni points, ni minuscules",
    "limite_par_nir_ecrit": "la limite des demandes compte par NIR tel qu'il est tapé : écrit autrement, un compte "
                            "bloqué ne l'est plus",

    # Le secret du lien, les pannes de messagerie suivies, l'heure toute l'année
    "jeton_peu_aleatoire": "le jeton paraît long mais ne porte que 24 bits de hasard après une partie fixe par compte",
    "jeton_identite_encodee": "le jeton commence par le NIR et la date de naissance encodés en base64url",
    "lien_inconnu_erreur_500": "un lien inconnu (jeton altéré ou inventé) répond par une erreur 500",
    "jeton_compare_debut": "seuls les 32 premiers caractères du jeton sont comparés : un lien altéré à la fin marche",
    "jeton_fuite_tiers": "la page de renouvellement charge l'image d'un autre site avec son adresse, jeton compris",
    "moment_heure_hiver": "le moment du mail de confirmation est écrit à UTC+1 toute l'année (l'heure d'été oubliée)",
    "moment_decalage_du_jour": "le mail de confirmation prend le décalage horaire de minuit le jour du changement "
                               "(faux le matin d'un changement d'heure)",
    "date_jour_utc": "« avant aujourd'hui » se juge sur la date UTC (peu après minuit à Paris, la veille est refusée)",
    "panne_remplace_lien": "une demande dont le mail n'a pas pu partir remplace quand même le lien précédent, qui ne "
                           "fonctionne plus",
    "panne_erreur_500": "quand le mail ne peut pas partir (refusé ou serveur injoignable), le site répond par une "
                        "erreur 500, message compris",
}


def configured(named, test_api: bool) -> tuple[str, ...]:
    """The faults that config `named` (a list, or a comma-separated string) and the env var
    turn on, in catalogue order; ValueError (in French) for an unknown name or without the test API."""
    names = _split(named) + _split(os.environ.get(ENV_VAR, ""))
    unknown = sorted(set(names) - set(CATALOGUE))
    if unknown:
        raise ValueError(f"Panne inconnue : {', '.join(unknown)}. Pannes connues : {', '.join(CATALOGUE)}.")
    if names and not test_api:
        raise ValueError(f"Panne refusée ({', '.join(sorted(set(names)))}) : les pannes n'existent qu'avec "
                         "l'API de test (/__test__/) ; un site sans elle n'en porte jamais.")
    return tuple(name for name in CATALOGUE if name in names)


def _split(named) -> list[str]:
    if not named:
        return []
    parts = named.split(",") if isinstance(named, str) else list(named)
    if not all(isinstance(part, str) for part in parts):
        raise ValueError(f"Les pannes se nomment par des chaînes de caractères, reçu : {named!r}.")
    return [part.strip() for part in parts if part.strip()]


def active(name: str) -> bool:
    """Whether the app being served carries this fault (never outside an app, e.g. in pure unit tests)."""
    if name not in CATALOGUE:
        raise ValueError(f"Panne inconnue dans le code du site : {name}.")
    return has_app_context() and name in current_app.config["FAULTS"]

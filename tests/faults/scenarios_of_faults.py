"""Which scenario of features/ must fail when the mock carries each fault.

A fault (mock_site/faults.py) breaks one behaviour of the contract; the scenario
written for that behaviour names it. Each entry: the scenario's title as the
feature writes it, and, for a « Plan du scénario », a piece of its example row
(as pytest writes it in the test's name) or None for every row.
"""

NIR_FORMS = "Le numéro de sécurité sociale est accepté sous chacune de ses formes permises"
DATE_FORMS = "Une date de naissance réelle, passée et bien écrite est acceptée"
MALFORMED = "Un numéro de sécurité sociale ou une date de naissance mal écrits sont signalés"
NOT_ONE_PERSON = "Un numéro et une date bien écrits qui ne sont pas ceux d'un même assuré ne l'identifient pas"
CAPTCHA_WRITTEN = "Les caractères sont acceptés sans tenir compte des majuscules ni des espaces autour"
RENEWAL_MAIL = "Le mail de renouvellement part à l'adresse du compte, et à elle seule"
LINK_ON_SITE = "Le lien du mail mène au site de l'Assurance Maladie lui-même"
FORGED_HEADER = "Un en-tête « <en-tête> » falsifié n'envoie pas le lien vers un autre site"
ONE_TOO_MANY = "La demande de trop est refusée et n'envoie pas de mail"
BLOCKED_TO_LAST_SECOND = (
    "Le service reste bloqué jusqu'à la dernière seconde du blocage, que les demandes ne prolongent pas"
)
COUNT_RESTARTS = "Une fois le blocage passé, le décompte repart de zéro"
LENGTH = "Règle 1 - le mot de passe compte de 8 à 50 caractères, bornes comprises"
CHARACTERS = "Règles 2, 3 et 4 - les caractères du mot de passe"
PERSONAL_DATA = "Règle 5 - ni le numéro de sécurité sociale ni la date de naissance"
ALL_RULES_NAMED = "Toutes les règles non respectées sont nommées ensemble, et aucune autre"
TOKEN = "Le lien ne se devine pas et ne dit rien de l'assuré"
CHANGE_MOMENT = "Le mail date le changement à la minute où il a eu lieu, sans l'arrondir"

SCENARIOS_OF_FAULTS: dict[str, list[tuple[str, str | None]]] = {
    # Step 2: NIR and birth date
    "nir_lettre_acceptee": [(MALFORMED, "1850775A23456")],
    "nir_corse_refusee": [(NIR_FORMS, "né en Corse-du-Sud")],
    "nir_minuscules_refusees": [(NIR_FORMS, "né en Haute-Corse-en minuscules")],
    "nir_espaces_refuses": [(NIR_FORMS, "avec des espaces")],
    "nir_12_acceptes": [(MALFORMED, "[185077512345-15/07")],
    "date_jour_accepte": [(MALFORMED, "aujourd")],
    "date_veille_refusee": [(DATE_FORMS, "né hier")],
    "date_chiffre_unique_acceptee": [(MALFORMED, "15/7/1985")],
    "date_irreelle_acceptee": [(MALFORMED, "31/02/1985")],
    "date_espaces_refuses": [(DATE_FORMS, "entourée")],
    "identite_sans_date": [(NOT_ONE_PERSON, "une autre date")],
    "erreurs_champs_une_seule": [("Un numéro et une date mal écrits sont signalés ensemble", None)],
    # Step 2: the characters to copy
    "captcha_casse": [(CAPTCHA_WRITTEN, "en minuscules")],
    "captcha_espaces": [(CAPTCHA_WRITTEN, "entourés")],
    "captcha_delai_long": [("Passé 5 minutes, les caractères doivent être recopiés à nouveau", None)],
    "captcha_delai_court": [("Les caractères recopiés en 4 minutes et 59 secondes sont acceptés", None)],
    "captcha_remplace_valide": [("Les caractères remplacés par la flèche ne sont plus acceptés", None)],
    "captcha_nouveau_sans_delai": [("Une nouvelle liste de caractères donne 5 nouvelles minutes", None)],
    "captcha_son_ancien": [("Après la flèche, le microphone fait entendre les nouveaux caractères", None)],
    "captcha_fleche_efface": [("La flèche donne une nouvelle liste de caractères sans effacer la saisie", None)],
    # Step 3, case 1, the renewal mail
    "envoi_adresse_non_validee": [
        ("L'assuré qui n'a pas validé son adresse mail est averti, et ne reçoit pas de mail", None)
    ],
    "envoi_differe_adresse_non_validee": [
        ("L'assuré qui n'a pas validé son adresse mail est averti, et ne reçoit pas de mail", None)
    ],
    "envoi_sans_adresse_succes": [("L'assuré sans adresse mail est averti que l'envoi est impossible", None)],
    "mail_en_double": [("L'assuré est invité à consulter sa boîte mail", None)],
    "mail_en_copie": [(RENEWAL_MAIL, None)],
    "mail_expediteur": [(RENEWAL_MAIL, None)],
    "mail_texte_seul": [(RENEWAL_MAIL, None)],
    "mail_sans_30_minutes": [(RENEWAL_MAIL, None)],
    "mail_30_minutes_balise": [(RENEWAL_MAIL, None)],
    "mail_objet_confirmation": [("Aucun des mails du parcours n'a le mot « confirmation » dans son objet", None)],
    "mail_lien_texte_absent": [(LINK_ON_SITE, None)],
    "mail_lien_autre_origine": [(LINK_ON_SITE, None)],
    "mail_lien_entete_host": [(FORGED_HEADER, "X-Forwarded-Host")],
    # Case 2
    "limite_plus_un": [(ONE_TOO_MANY, None)],
    "limite_moins_un": [(ONE_TOO_MANY, None)],
    "limite_compte_refus": [("Les demandes refusées par un message d'erreur ne comptent pas", None)],
    "limite_par_session": [("Le blocage vaut pour le compte sur tous ses appareils, et pour lui seul", None)],
    "blocage_prolonge": [(BLOCKED_TO_LAST_SECOND, None)],
    "blocage_court": [(BLOCKED_TO_LAST_SECOND, None)],
    "blocage_long": [(COUNT_RESTARTS, None)],
    "blocage_compte_conserve": [(COUNT_RESTARTS, None)],
    "fenetre_fixe": [("Un mail envoyé il y a plus que la période de décompte ne compte plus", None)],
    "limite_envoi_en_trop": [(ONE_TOO_MANY, None)],
    # Step 4: the link
    "lien_delai_long": [("Le lien ouvert au bout de 30 minutes et 1 seconde a expiré", None)],
    "lien_delai_court": [("Le lien ouvert au bout de 29 minutes et 59 secondes fonctionne", None)],
    "lien_use_par_ouverture": [("Un antivirus qui ouvre le lien du mail avant l'assuré ne l'use pas", None)],
    "lien_reutilisable": [("Le lien ne sert qu'une fois", None)],
    "lien_ancien_valide": [("Après une nouvelle demande, le lien du mail précédent ne fonctionne plus", None)],
    "page_ancienne_acceptee": [
        ("Une page ouverte depuis un lien remplacé par un mail plus récent refuse le nouveau mot de passe", None)
    ],
    "lien_lie_session": [("Le lien fonctionne sur un autre appareil que celui de la demande", None)],
    "jeton_court": [(TOKEN, None)],
    "jeton_nir": [(TOKEN, None)],
    "sans_referrer_policy": [("La page de renouvellement ne transmet son adresse à aucun autre site", None)],
    "double_changement": [
        ("Le même lien validé en même temps sur deux appareils ne change le mot de passe qu'une fois", None)
    ],
    # Step 5: the new password
    "mdp_7_accepte": [(LENGTH, "[7-")],
    "mdp_8_refuse": [(LENGTH, "[8-")],
    "mdp_50_refuse": [(LENGTH, "[50-")],
    "mdp_51_accepte": [(LENGTH, "[51-")],
    "mdp_longueur_octets": [(ALL_RULES_NAMED, "[Abcde1é-")],
    "mdp_minuscules_seules": [(CHARACTERS, "[nouveau-mdp-2026-")],
    "mdp_majuscules_seules": [(CHARACTERS, "[NOUVEAU-MDP-2026-")],
    "mdp_chiffre_exige": [(CHARACTERS, "[Nouveau-Mdp-ok-")],
    "mdp_special_exige": [(CHARACTERS, "[NouveauMdp2026-")],
    "mdp_special_refuse": [("Règle 4 - chacun des caractères spéciaux qu'annonce le site est accepté", None)],
    "mdp_espace_accepte": [(CHARACTERS, "[Nouveau Mdp 2026-")],
    "mdp_accent_accepte": [(CHARACTERS, "[Nouveau-Mdp-2026é-")],
    "mdp_nir_accepte": [(PERSONAL_DATA, "Ab{NIR}-")],
    "mdp_nir_casse": [(PERSONAL_DATA, "Ab{NIR en minuscules}")],
    "mdp_date_jjmmaaaa_acceptee": [(PERSONAL_DATA, "Ab{JJMMAAAA}")],
    "mdp_date_barres_acceptee": [(PERSONAL_DATA, "Ab{JJ/MM/AAAA}")],
    "mdp_date_aaaammjj_acceptee": [(PERSONAL_DATA, "Ab{AAAAMMJJ}")],
    "mdp_premiere_regle_seule": [(ALL_RULES_NAMED, "[abc-")],
    "mdp_regle_en_trop": [(ALL_RULES_NAMED, "[{NIR}-")],
    "mdp_confirmation_ignoree": [("La confirmation doit reprendre le nouveau mot de passe", "Nouveau-Mdp-2025")],
    # Step 6
    "connexion_automatique": [("Changer son mot de passe ne connecte pas l'assuré", None)],
    "ancien_mdp_valide": [("L'assuré se connecte avec son nouveau mot de passe, et plus avec l'ancien", None)],
    "moment_arrondi": [(CHANGE_MOMENT, None)],
    "moment_utc": [(CHANGE_MOMENT, None)],
    "mail_confirmation_absent": [
        ("L'assuré est informé à l'écran et par mail que son mot de passe a été modifié", None)
    ],
}

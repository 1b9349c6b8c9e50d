"""Which scenario of features/ must fail when the mock carries each fault.

A fault (mock_site/faults.py) breaks one behaviour of the contract; the scenario
written for that behaviour names it. Each entry is a Proof: the scenario's title as
the feature writes it; for a « Plan du scénario », a piece of its example row (as
pytest writes it in the test's name) or None for every row; the step that must fail,
as the feature writes it (without its keyword); and the kind of check that fails
there (one of KINDS).
"""

from typing import NamedTuple

# What the failing check looked at, in a tester's words.
KINDS = {
    "texte à l'écran": "an alert, a status, a heading or a text of the page",
    "page": "which page is shown, its fields or its address",
    "mail": "the content or the headers of a mail",
    "nombre de mails": "how many mails arrived (one missing, or one too many)",
    "statut HTTP": "the status or a header of an HTTP answer",
    "connexion": "whether a login (or the account page) lets the person in",
    "requêtes": "the requests that the page sent",
    "mail en retard": "a mail came after the scenario promised none: the end of the run found it",
}
LATE_MAIL = "mail en retard"


class Proof(NamedTuple):
    title: str
    row: str | None
    step: str | None = None  # the step that must fail; every entry names it (issue 18)
    kind: str | None = None

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
RANDOMNESS = "Le secret du lien porte au moins 128 bits de hasard"
RANDOMNESS_STEP = ("la partie secrète de leurs liens porte au moins 128 bits de hasard, en ne comptant que ce qui varie "
                   "d'un lien à l'autre")
NAMES_NOTHING = "Le lien ne dit rien de l'assuré, même décodé"
NAMES_NOTHING_STEP = ("leurs liens, même décodés, ne disent ni son numéro de sécurité sociale, ni son adresse mail, "
                      "ni sa date de naissance")
UNKNOWN_LINK = "Un lien inconnu, <lien>, est refusé comme n'étant plus valide"
DEAD_LINK_STEP = "le lien est refusé avec le message « Ce lien de renouvellement n'est plus valide. Utilisez le lien du mail le plus récent. »"
CHANGE_MOMENT = "Le mail date le changement à la minute où il a eu lieu, sans l'arrondir"
ALL_YEAR = "Le mail donne l'heure de Paris en toute saison, même le matin d'un changement d'heure"
STATED_HOUR = "ce mail date le changement du jour même à <heure>, heure de Paris"
CONFIRMATION = "La confirmation doit reprendre le nouveau mot de passe"
NOT_LOGGED_IN = "Changer son mot de passe ne connecte pas l'assuré"
ONLY_KEPT = "seul le mot de passe que le site a gardé lui ouvre son compte"
MASKED = "Les champs de mot de passe masquent la saisie, à la connexion comme au renouvellement"
NOT_WRITTEN_BACK = "Un mot de passe refusé n'est réécrit nulle part dans la page"
AFTER_A_REFUSAL = "Après un refus, l'assuré garde sa saisie et reçoit de nouveaux caractères"
REFUSAL_COUNTS_NOTHING = ("Une demande refusée ne compte pas dans la limite des demandes, quelle que soit la raison du "
                          "refus")
FIRST_STAGE = ("Quand deux raisons de refuser se cumulent, seule la première dans l'ordre de la vérification est "
               "signalée")
FIRST_STAGE_STEP = "le message d'erreur « <message> » s'affiche"
RENEWAL_RELOADED = ("Recharger la page « Votre nouveau mot de passe a bien été enregistré » ne change pas le mot de "
                    "passe une seconde fois")
RENEWAL_BACK = "Revenir en arrière et valider un autre mot de passe ne change pas le mot de passe une seconde fois"
CHARACTERS_ALERT_STEP = "le message d'erreur « Les caractères saisis ne correspondent pas. Veuillez recommencer. » s'affiche"
OUTAGES = (
    "Le serveur de mail refuse un temps le mail, puis l'accepte : rien n'est perdu ni compté",
    "Le serveur de mail refuse le mail pour de bon : l'assuré est averti, aucun mail n'arrive, son lien marche toujours",
    "Le serveur de mail ne peut pas être joint : l'assuré est averti en moins de 10 secondes, son lien marche toujours",
)

SCENARIOS_OF_FAULTS: dict[str, list[Proof]] = {
    # Step 2: NIR and birth date
    "nir_lettre_acceptee": [Proof(MALFORMED, "1850775A23456",
                                  "le message d'erreur « <message> » s'affiche", "texte à l'écran")],
    "nir_corse_refusee": [Proof(NIR_FORMS, "né en Corse-du-Sud",
                                "la page « Consultez votre boîte mail » s'affiche", "page")],
    "nir_minuscules_refusees": [Proof(NIR_FORMS, "né en Haute-Corse-en minuscules",
                                      "la page « Consultez votre boîte mail » s'affiche", "page")],
    "nir_espaces_refuses": [Proof(NIR_FORMS, "avec des espaces",
                                  "la page « Consultez votre boîte mail » s'affiche", "page")],
    "nir_12_acceptes": [Proof(MALFORMED, "[185077512345-15/07",
                              "le message d'erreur « <message> » s'affiche", "texte à l'écran")],
    "date_jour_accepte": [Proof(MALFORMED, "aujourd",
                                "le message d'erreur « <message> » s'affiche", "texte à l'écran")],
    "date_veille_refusee": [Proof(DATE_FORMS, "né hier", "la page « Consultez votre boîte mail » s'affiche", "page")],
    "date_chiffre_unique_acceptee": [Proof(MALFORMED, "15/7/1985",
                                           "le message d'erreur « <message> » s'affiche", "texte à l'écran")],
    "date_irreelle_acceptee": [Proof(MALFORMED, "31/02/1985",
                                     "le message d'erreur « <message> » s'affiche", "texte à l'écran")],
    "date_espaces_refuses": [Proof(DATE_FORMS, "entourée", "la page « Consultez votre boîte mail » s'affiche", "page")],
    "identite_sans_date": [Proof(NOT_ONE_PERSON, "une autre date",
                                 "le message d'erreur « Les informations saisies ne permettent pas de vous identifier. » s'affiche", "texte à l'écran")],
    "erreurs_champs_une_seule": [Proof("Un numéro et une date mal écrits sont signalés ensemble", None,
                                       "le message d'erreur « La date n'a pas un format correct (jj/mm/aaaa). » s'affiche", "texte à l'écran")],
    # Step 2: the characters to copy
    "captcha_casse": [Proof(CAPTCHA_WRITTEN, "en minuscules",
                            "la page « Consultez votre boîte mail » s'affiche", "page")],
    "captcha_espaces": [Proof(CAPTCHA_WRITTEN, "entourés", "la page « Consultez votre boîte mail » s'affiche", "page")],
    "captcha_delai_long": [Proof("Passé 5 minutes, les caractères doivent être recopiés à nouveau", None,
                                 "le message d'erreur « Le délai de 5 minutes pour recopier les caractères est dépassé. Veuillez recommencer. » s'affiche", "texte à l'écran")],
    "captcha_delai_court": [Proof("Les caractères recopiés en 4 minutes et 59 secondes sont acceptés", None,
                                  "la page « Consultez votre boîte mail » s'affiche", "page")],
    "captcha_remplace_valide": [Proof("Les caractères remplacés par la flèche ne sont plus acceptés", None,
                                      "le message d'erreur « Les caractères saisis ne correspondent pas. Veuillez recommencer. » s'affiche", "texte à l'écran")],
    "captcha_nouveau_sans_delai": [Proof("Une nouvelle liste de caractères donne 5 nouvelles minutes", None,
                                         "la page « Consultez votre boîte mail » s'affiche", "page")],
    "captcha_image_illisible": [Proof("Les caractères à recopier sont affichés en image", None,
                                      "l'image des caractères à recopier est affichée", "page")],
    "captcha_son_ancien": [Proof("Après la flèche, le microphone fait entendre les nouveaux caractères", None,
                                 "la page joue un autre son que le précédent", "page")],
    "captcha_fleche_efface": [Proof("La flèche donne une nouvelle liste de caractères sans effacer la saisie", None,
                                    "son numéro de sécurité sociale et sa date de naissance sont toujours saisis",
                                    "page")],
    # Step 3, case 1, the renewal mail
    "envoi_adresse_non_validee": [
        Proof("L'assuré qui n'a pas validé son adresse mail est averti, et ne reçoit pas de mail", None,
              "le message d'erreur « L'envoi du mail de renouvellement est impossible : aucune adresse mail validée n'est associée à votre compte. » s'affiche", "texte à l'écran")
    ],
    "envoi_differe_adresse_non_validee": [
        Proof("L'assuré qui n'a pas validé son adresse mail est averti, et ne reçoit pas de mail", None,
              "aucun mail ne lui est envoyé", LATE_MAIL)
    ],
    "envoi_sans_adresse_succes": [Proof("L'assuré sans adresse mail est averti que l'envoi est impossible", None,
                                        "le message d'erreur « L'envoi du mail de renouvellement est impossible : aucune adresse mail validée n'est associée à votre compte. » s'affiche", "texte à l'écran")],
    "mail_en_double": [Proof("L'assuré est invité à consulter sa boîte mail", None,
                             "il reçoit le mail « Votre compte ameli – renouveler mon mot de passe »", "nombre de mails")],
    "mail_en_copie": [Proof(RENEWAL_MAIL, None, "ce mail n'est adressé qu'à l'adresse de son compte", "mail")],
    "mail_expediteur": [Proof(RENEWAL_MAIL, None, "ce mail vient de « Votre Assurance Maladie »", "mail")],
    "mail_texte_seul": [Proof(RENEWAL_MAIL, None, "ce mail a une version texte et une version HTML", "mail")],
    "mail_sans_30_minutes": [Proof(RENEWAL_MAIL, None, "ce mail indique que le lien est valable 30 minutes", "mail")],
    "mail_30_minutes_balise": [Proof(RENEWAL_MAIL, None, "ce mail indique que le lien est valable 30 minutes", "mail")],
    "mail_objet_confirmation": [Proof("Aucun des mails du parcours n'a le mot « confirmation » dans son objet", None,
                                      "il reçoit un mail dont l'objet ne contient ni « confirm » ni « confirmation »", "mail")],
    "mail_lien_texte_absent": [Proof(LINK_ON_SITE, None, "la version texte de ce mail donne la même adresse", "mail")],
    "mail_lien_autre_origine": [Proof(LINK_ON_SITE, None,
                                      "le lien « Renouveler mon mot de passe » de ce mail mène au site lui-même", "mail")],
    "mail_lien_entete_host": [Proof(FORGED_HEADER, header,
                                    "le lien « Renouveler mon mot de passe » de ce mail mène au site lui-même", "mail")
                              for header in ("Host", "X-Forwarded-Host")],
    # Case 2
    "limite_plus_un": [Proof(ONE_TOO_MANY, None,
                             "le message d'erreur « Vous avez demandé trop de mails de renouvellement. Le service est bloqué pendant une courte période, veuillez réessayer plus tard. » s'affiche", "texte à l'écran")],
    "limite_moins_un": [Proof(ONE_TOO_MANY, None,
                              "il a reçu autant de mails de renouvellement que le site en autorise", "nombre de mails")],
    "limite_compte_refus": [Proof("Les demandes refusées par un message d'erreur ne comptent pas", None,
                                  "il reçoit un nouveau mail « Votre compte ameli – renouveler mon mot de passe » pour chacune de ces demandes", "nombre de mails")],
    "limite_par_session": [Proof("Le blocage vaut pour le compte sur tous ses appareils, et pour lui seul", None,
                                 "le message d'erreur « Vous avez demandé trop de mails de renouvellement. Le service est bloqué pendant une courte période, veuillez réessayer plus tard. » s'affiche sur son téléphone", "texte à l'écran")],
    "blocage_prolonge": [Proof(BLOCKED_TO_LAST_SECOND, None,
                               "la page « Consultez votre boîte mail » s'affiche", "page")],
    "blocage_court": [Proof(BLOCKED_TO_LAST_SECOND, None,
                            "le message d'erreur « Vous avez demandé trop de mails de renouvellement. Le service est bloqué pendant une courte période, veuillez réessayer plus tard. » s'affiche", "texte à l'écran")],
    "blocage_long": [Proof(COUNT_RESTARTS, None,
                           "il reçoit un nouveau mail « Votre compte ameli – renouveler mon mot de passe » pour chacune de ces demandes", "nombre de mails")],
    "blocage_compte_conserve": [Proof(COUNT_RESTARTS, None,
                                      "il reçoit un nouveau mail « Votre compte ameli – renouveler mon mot de passe » pour chacune de ces demandes", "nombre de mails")],
    "fenetre_fixe": [Proof("Un mail envoyé il y a plus que la période de décompte ne compte plus", None,
                           "la page « Consultez votre boîte mail » s'affiche", "page")],
    "limite_envoi_en_trop": [Proof(ONE_TOO_MANY, None, "aucun nouveau mail ne lui est envoyé", "nombre de mails")],
    # Step 4: the link
    "lien_delai_long": [Proof("Le lien ouvert au bout de 30 minutes et 1 seconde a expiré", None,
                              "le lien est refusé avec le message « Ce lien de renouvellement a expiré. Veuillez refaire la démarche Mot de passe oublié. »", "texte à l'écran")],
    "lien_delai_court": [Proof("Le lien ouvert au bout de 29 minutes et 59 secondes fonctionne", None,
                               "la page « Choisissez votre nouveau mot de passe » s'affiche", "page")],
    "lien_use_par_ouverture": [Proof("Un antivirus qui ouvre le lien du mail avant l'assuré ne l'use pas", None,
                                     "il choisit le nouveau mot de passe « Nouveau-Mdp-2026 »", "page")],
    "lien_reutilisable": [
        Proof("Le lien ne sert qu'une fois", None,
              "le lien est refusé avec le message « Ce lien de renouvellement n'est plus valide. Utilisez le lien du mail le plus récent. »", "texte à l'écran"),
        Proof(RENEWAL_RELOADED, None, DEAD_LINK_STEP, "texte à l'écran"),
        Proof(RENEWAL_BACK, None, DEAD_LINK_STEP, "texte à l'écran"),
    ],
    "lien_ancien_valide": [Proof("Après une nouvelle demande, le lien du mail précédent ne fonctionne plus", None,
                                 "le lien est refusé avec le message « Ce lien de renouvellement n'est plus valide. Utilisez le lien du mail le plus récent. »", "texte à l'écran")],
    "page_ancienne_acceptee": [
        Proof("Une page ouverte depuis un lien remplacé par un mail plus récent refuse le nouveau mot de passe", None,
              "le lien est refusé avec le message « Ce lien de renouvellement n'est plus valide. Utilisez le lien du mail le plus récent. »", "texte à l'écran")
    ],
    "lien_lie_session": [Proof("Le lien fonctionne sur un autre appareil que celui de la demande", None,
                               "il choisit sur son téléphone le nouveau mot de passe « Nouveau-Mdp-2026 »", "page")],
    "jeton_court": [Proof(RANDOMNESS, None, RANDOMNESS_STEP, "mail")],
    "jeton_nir": [Proof(NAMES_NOTHING, None, NAMES_NOTHING_STEP, "mail")],
    "sans_referrer_policy": [Proof("La page de renouvellement ne transmet son adresse à aucun autre site", None,
                                   "cette page demande au navigateur de ne transmettre son adresse à aucun site", "statut HTTP")],
    "double_changement": [
        Proof("Le même lien validé en même temps sur deux appareils ne change le mot de passe qu'une fois", None,
              "un seul de ses appareils affiche la page « Votre nouveau mot de passe a bien été enregistré »", "page")
    ],
    # Step 5: the new password
    "mdp_7_accepte": [Proof(LENGTH, "[7-", "<résultat>", "texte à l'écran")],
    "mdp_8_refuse": [Proof(LENGTH, "[8-", "<résultat>", "page")],
    "mdp_50_refuse": [Proof(LENGTH, "[50-", "<résultat>", "page")],
    "mdp_51_accepte": [Proof(LENGTH, "[51-", "<résultat>", "texte à l'écran")],
    "mdp_longueur_octets": [Proof(ALL_RULES_NAMED, "[« Abcde1é »-",
                                  "le mot de passe est refusé pour les règles « <règles> »", "texte à l'écran")],
    "mdp_minuscules_seules": [Proof(CHARACTERS, "[nouveau-mdp-2026-", "<résultat>", "texte à l'écran")],
    "mdp_majuscules_seules": [Proof(CHARACTERS, "[NOUVEAU-MDP-2026-", "<résultat>", "texte à l'écran")],
    "mdp_chiffre_exige": [Proof(CHARACTERS, "[Nouveau-Mdp-ok-", "<résultat>", "page")],
    "mdp_special_exige": [Proof(CHARACTERS, "[NouveauMdp2026-", "<résultat>", "page")],
    "mdp_special_refuse": [Proof("Règle 4 - chacun des caractères spéciaux qu'annonce le site est accepté", None,
                                 "le mot de passe est accepté", "page")],
    "mdp_espace_accepte": [Proof(CHARACTERS, "[Nouveau Mdp 2026-", "<résultat>", "texte à l'écran")],
    "mdp_accent_accepte": [Proof(CHARACTERS, "[Nouveau-Mdp-2026é-", "<résultat>", "texte à l'écran")],
    "mdp_nir_accepte": [Proof(PERSONAL_DATA, "-son numéro de sécurité sociale-le mot de passe est refusé",
                              "<résultat>", "texte à l'écran")],
    "mdp_nir_casse": [Proof(PERSONAL_DATA, "en minuscules", "<résultat>", "texte à l'écran")],
    "mdp_date_jjmmaaaa_acceptee": [Proof(PERSONAL_DATA, "écrite JJMMAAAA", "<résultat>", "texte à l'écran")],
    "mdp_date_barres_acceptee": [Proof(PERSONAL_DATA, "écrite JJ/MM/AAAA", "<résultat>", "texte à l'écran")],
    "mdp_date_aaaammjj_acceptee": [Proof(PERSONAL_DATA, "écrite AAAAMMJJ", "<résultat>", "texte à l'écran")],
    "mdp_premiere_regle_seule": [Proof(ALL_RULES_NAMED, "[« abc »-",
                                       "le mot de passe est refusé pour les règles « <règles> »", "texte à l'écran")],
    "mdp_regle_en_trop": [Proof(ALL_RULES_NAMED, "[son numéro de sécurité sociale-",
                                "le mot de passe est refusé pour les règles « <règles> »", "texte à l'écran")],
    "mdp_confirmation_ignoree": [Proof(CONFIRMATION, "Nouveau-Mdp-2025", "<résultat>", "texte à l'écran")],
    # Step 6
    "connexion_automatique": [Proof(NOT_LOGGED_IN, None, "il n'est pas connecté à son compte", "connexion")],
    "ancien_mdp_valide": [Proof("L'assuré se connecte avec son nouveau mot de passe, et plus avec l'ancien", None,
                                "le message d'erreur « Numéro de sécurité sociale ou mot de passe incorrect. » s'affiche", "connexion"),
                          Proof("Tout le parcours se fait au clavier seul, de l'accueil à la connexion avec le nouveau "
                                "mot de passe", None,
                                "dans un autre navigateur, son ancien mot de passe ne lui ouvre plus son compte",
                                "connexion")],
    "moment_arrondi": [Proof(CHANGE_MOMENT, None,
                             "ce mail indique la date et l'heure exactes du changement, heure de Paris", "mail")],
    "moment_utc": [Proof(CHANGE_MOMENT, None,
                         "ce mail indique la date et l'heure exactes du changement, heure de Paris", "mail")],
    "mail_confirmation_absent": [
        Proof("L'assuré est informé à l'écran et par mail que son mot de passe a été modifié", None,
              "il reçoit le mail « Votre compte ameli – votre mot de passe a été modifié »", "nombre de mails")
    ],
    # After each answer of the renewal page: login, replay (steps 5 and 6)
    "mdp_enregistre_tronque": [Proof(LENGTH, "[50-", ONLY_KEPT, "connexion")],
    "refus_enregistre_quand_meme": [
        Proof(CHARACTERS, "[nouveau-mdp-2026-", ONLY_KEPT, "connexion"),
        Proof(CONFIRMATION, "Nouveau-Mdp-2025", ONLY_KEPT, "connexion"),
    ],
    "connexion_apres_refus": [
        Proof(CHARACTERS, "[NouveauMdpOk-", ONLY_KEPT, "connexion"),
        Proof(ALL_RULES_NAMED, "[« abc »-", ONLY_KEPT, "connexion"),
    ],
    "connexion_champ_en_clair": [Proof(MASKED, None,
                                       "le champ « Mot de passe » de la connexion masque la saisie", "page")],
    "connexion_mdp_reecrit": [
        Proof(NOT_WRITTEN_BACK, None, "la connexion est refusée, sans réécrire le mot de passe saisi", "page")
    ],
    "renouvellement_champ_en_clair": [
        Proof(MASKED, None, "les champs du nouveau mot de passe masquent la saisie", "page")
    ],
    "mdp_refuse_reecrit": [
        Proof(NOT_WRITTEN_BACK, None, "le mot de passe refusé n'est réécrit nulle part dans la page", "page")
    ],

    # After each refusal of the forgot-password form: captcha, count, replay (steps 2, 3, case 2)
    "refus_captcha_conserve": [Proof(AFTER_A_REFUSAL, "pour des caractères erronés",
                                     "de nouveaux caractères sont affichés, et ceux de la demande refusée ne sont "
                                     "plus acceptés", "page")],
    "refus_efface_saisie": [Proof(AFTER_A_REFUSAL, "aucun compte", "son numéro et sa date de naissance sont ceux qu'il "
                                  "avait saisis, et le champ des caractères est vide", "page")],
    "limite_compte_date_erronee": [Proof(REFUSAL_COUNTS_NOTHING, "pas la sienne", "il reçoit un nouveau mail « Votre "
                                         "compte ameli – renouveler mon mot de passe »", "nombre de mails")],
    "ordre_caracteres_avant_date": [Proof(FIRST_STAGE, "mal écrite et", FIRST_STAGE_STEP, "texte à l'écran")],
    "ordre_expiration_apres_caracteres": [Proof(FIRST_STAGE, "trop tard", FIRST_STAGE_STEP, "texte à l'écran")],
    "ordre_personne_avant_caracteres": [Proof(FIRST_STAGE, "aucun compte", FIRST_STAGE_STEP, "texte à l'écran")],
    "ordre_adresse_avant_personne": [Proof(FIRST_STAGE, "non valid", FIRST_STAGE_STEP, "texte à l'écran")],
    "ordre_bloque_avant_personne": [Proof(FIRST_STAGE, "trop de demandes", FIRST_STAGE_STEP, "texte à l'écran")],
    "captcha_reutilisable": [
        Proof("Recharger la page « Consultez votre boîte mail » n'envoie pas de second mail", None,
              CHARACTERS_ALERT_STEP, "texte à l'écran"),
        Proof("Revenir en arrière et renvoyer le formulaire n'envoie pas de second mail", None,
              CHARACTERS_ALERT_STEP, "texte à l'écran"),
    ],
    "double_clic_deux_mails": [Proof("Un double clic sur « Recevoir le mail » n'envoie qu'un mail", None,
                                     "il reçoit un seul mail « Votre compte ameli – renouveler mon mot de passe »",
                                     "nombre de mails")],
    "connexion_nir_forme_stricte": [Proof(
        "À la connexion aussi, le numéro de sécurité sociale est accepté sous chacune de ses formes permises",
        "espaces", "la page « Mon compte ameli » s'affiche", "page")],
    "limite_par_nir_ecrit": [Proof(
        "Le blocage vaut pour le compte quelle que soit la façon d'écrire son numéro", "points",
        "le message d'erreur « Vous avez demandé trop de mails de renouvellement. Le service est bloqué pendant une "
        "courte période, veuillez réessayer plus tard. » s'affiche", "texte à l'écran")],

    # The link's secret, outages followed through, time all year
    "jeton_peu_aleatoire": [Proof(RANDOMNESS, None, RANDOMNESS_STEP, "mail")],
    "jeton_identite_encodee": [Proof(NAMES_NOTHING, None, NAMES_NOTHING_STEP, "mail")],
    "lien_inconnu_erreur_500": [
        Proof(UNKNOWN_LINK, "hasard", "le site ne répond pas par une page d'erreur du serveur", "statut HTTP")
    ],
    "jeton_compare_debut": [
        Proof(UNKNOWN_LINK, "dernier caract", DEAD_LINK_STEP, "texte à l'écran"),
        Proof(UNKNOWN_LINK, "augment", DEAD_LINK_STEP, "texte à l'écran"),
    ],
    "jeton_fuite_tiers": [Proof(
        "La page de renouvellement n'envoie le secret du lien à aucun autre site, avant comme après un refus", None,
        "aucune requête partie vers un autre site ne porte le secret du lien", "requêtes")],
    "moment_heure_hiver": [Proof(ALL_YEAR, "un jour d'été", STATED_HOUR, "mail")],
    "moment_decalage_du_jour": [
        Proof(ALL_YEAR, "heure d'été, à 1h50", STATED_HOUR, "mail"),
        Proof(ALL_YEAR, "heure d'hiver", STATED_HOUR, "mail"),
    ],
    "date_jour_utc": [Proof(
        "Peu après minuit à Paris, la veille est une date passée, même si le temps universel n'a pas encore changé de jour",
        None, "la page « Consultez votre boîte mail » s'affiche", "page")],
    "panne_remplace_lien": [
        Proof(outage, None, "la page « Choisissez votre nouveau mot de passe » s'affiche", "page") for outage in OUTAGES
    ],
    "panne_erreur_500": [
        Proof(outage, None,
              "le site ne répond pas par une page d'erreur du serveur", "statut HTTP") for outage in OUTAGES
    ],
}

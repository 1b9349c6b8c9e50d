"""The visible wording that the target contract fixes (shared/contract/ui.md), in one place."""

HOME_LOGIN_LINK = "Connectez-vous"

LOGIN_NIR_FIELD = "Numéro de sécurité sociale"
LOGIN_PASSWORD_FIELD = "Mot de passe"
LOGIN_BUTTON = "Me connecter"
LOGIN_REFUSED = "Numéro de sécurité sociale ou mot de passe incorrect."
FORGOT_PASSWORD_LINK = "Mot de passe oublié ?"

FORGOT_HEADING = "Mot de passe oublié"
ACCOUNT_HEADING = "Mon compte ameli"
NIR_FIELD = "Numéro de sécurité sociale"
BIRTH_DATE_FIELD = "Date de naissance"
CAPTCHA_IMAGE = "Caractères à recopier"
CAPTCHA_FIELD = "Recopiez les caractères"
NEW_CAPTCHA_BUTTON = "Nouvelle liste de caractères"
LISTEN_CAPTCHA_BUTTON = "Écouter les caractères"
SEND_MAIL_BUTTON = "Recevoir le mail"

CAPTCHA_WRONG = "Les caractères saisis ne correspondent pas. Veuillez recommencer."

RENEWAL_SUBJECT = "Votre compte ameli \u2013 renouveler mon mot de passe"
CHANGED_SUBJECT = "Votre compte ameli \u2013 votre mot de passe a été modifié"
SENDER_NAME = "Votre Assurance Maladie"
RENEWAL_LINK = "Renouveler mon mot de passe"

MAIL_SENT_HEADING = "Consultez votre boîte mail"
RENEWAL_HEADING = "Choisissez votre nouveau mot de passe"
NEW_PASSWORD_FIELD = "Nouveau mot de passe"
CONFIRM_PASSWORD_FIELD = "Confirmation du nouveau mot de passe"
VALIDATE_PASSWORD_BUTTON = "Valider le nouveau mot de passe"
PASSWORD_RULES = (
    "Comporter entre 8 et 50 caractères",
    "Contenir des caractères latins minuscules et majuscules",
    "Contenir un chiffre ou un caractère spécial",
    "Ne contenir que des caractères autorisés",
    "Ne pas contenir votre numéro de sécurité sociale ou votre date de naissance",
)

DONE_HEADING = "Votre nouveau mot de passe a bien été enregistré"
LINK_INVALID = "Ce lien de renouvellement n'est plus valide. Utilisez le lien du mail le plus récent."
CHANGED_SENTENCE_PREFIX = "Votre mot de passe a été modifié le"

TOO_MANY_REQUESTS = (
    "Vous avez demandé trop de mails de renouvellement. "
    "Le service est bloqué pendant une courte période, veuillez réessayer plus tard."
)

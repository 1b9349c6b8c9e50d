"""The French wording that the target contract fixes (shared/contract/ui.md), in one place."""

NIR_FORMAT = "Votre numéro de sécurité sociale doit contenir 13 caractères : des chiffres, A ou B."
DATE_FORMAT = "La date n'a pas un format correct (jj/mm/aaaa)."
DATE_NOT_PAST = "La date de naissance doit être inférieure à la date du jour."
CAPTCHA_WRONG = "Les caractères saisis ne correspondent pas. Veuillez recommencer."
CAPTCHA_EXPIRED = "Le délai de 5 minutes pour recopier les caractères est dépassé. Veuillez recommencer."
UNKNOWN_PERSON = "Les informations saisies ne permettent pas de vous identifier."
NO_VALIDATED_ADDRESS = (
    "L'envoi du mail de renouvellement est impossible : "
    "aucune adresse mail validée n'est associée à votre compte."
)
TOO_MANY_MAILS = (
    "Vous avez demandé trop de mails de renouvellement. Le service est bloqué pendant une "
    "courte période, veuillez réessayer plus tard."
)
MAIL_SENT = "Un mail vous a été envoyé pour renouveler votre mot de passe. Il est valable 30 minutes."
# Not in the contract: what the person reads when the mail server fails.
MAIL_UNAVAILABLE = (
    "L'envoi du mail est momentanément impossible. Aucun mail n'a été envoyé : "
    "veuillez réessayer dans quelques instants."
)

LOGIN_REFUSED = "Numéro de sécurité sociale ou mot de passe incorrect."

PASSWORD_RULES = (
    "Comporter entre 8 et 50 caractères",
    "Contenir des caractères latins minuscules et majuscules",
    "Contenir un chiffre ou un caractère spécial",
    "Ne contenir que des caractères autorisés",
    "Ne pas contenir votre numéro de sécurité sociale ou votre date de naissance",
)
PASSWORD_REFUSED_INTRO = "Votre nouveau mot de passe ne respecte pas ces règles :"
PASSWORDS_DIFFER = "Les deux mots de passe saisis ne sont pas identiques."
LINK_EXPIRED = "Ce lien de renouvellement a expiré. Veuillez refaire la démarche Mot de passe oublié."
LINK_INVALID = "Ce lien de renouvellement n'est plus valide. Utilisez le lien du mail le plus récent."

SENDER_NAME = "Votre Assurance Maladie"
RENEWAL_SUBJECT = "Votre compte ameli \u2013 renouveler mon mot de passe"
CHANGED_SUBJECT = "Votre compte ameli \u2013 votre mot de passe a été modifié"

FORM_EXPIRED = "Le formulaire a expiré ou n'est pas valide. Veuillez recharger la page et recommencer."
HTTP_ERRORS = {
    400: "La requête n'est pas valide.",
    404: "La page demandée n'existe pas.",
    405: "Cette action n'est pas possible sur cette page.",
    413: "Les informations envoyées sont trop volumineuses.",
    500: "Une erreur inattendue est survenue. Veuillez réessayer plus tard.",
}
HTTP_ERROR_DEFAULT = "La requête n'a pas pu aboutir."

# The fence's refusal (a staging site behind HTTP basic auth); not the contract's: a proxy's own page.
FENCE_REFUSED = "Accès réservé : identifiants requis."

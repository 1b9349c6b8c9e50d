# language: fr
Fonctionnalité: Sécurité du parcours - ce qu'un renouvellement de mot de passe doit garantir
  Le lien du mail de renouvellement ouvre l'accès au compte de l'assuré. Il ne doit
  mener qu'au site lui-même, ne pas fuiter vers d'autres sites, ne pas pouvoir être
  deviné, ne rien dire de l'assuré et ne servir qu'une fois ; changer son mot de
  passe ne connecte pas l'assuré à sa place : il se connecte lui-même.
  (D'après la fiche « Forgot Password » de l'OWASP.)

  Contexte:
    Étant donné un assuré dont le compte a une adresse mail validée

  @securite
  Plan du scénario: Un en-tête « <en-tête> » falsifié n'envoie pas le lien vers un autre site
    Quand il demande le renouvellement de son mot de passe avec un en-tête « <en-tête> » falsifié
    Alors il reçoit le mail « Votre compte ameli – renouveler mon mot de passe »
    Et le lien « Renouveler mon mot de passe » de ce mail mène au site lui-même
    Et la version texte de ce mail donne la même adresse

    Exemples:
      | en-tête          |
      | Host             |
      | X-Forwarded-Host |

  @securite
  Scénario: La page de renouvellement ne transmet son adresse à aucun autre site
    Étant donné qu'il a reçu le mail de renouvellement
    Quand il clique sur « Renouveler mon mot de passe » dans le mail
    Alors la page « Choisissez votre nouveau mot de passe » s'affiche
    Et cette page demande au navigateur de ne transmettre son adresse à aucun site

  @securite
  Scénario: La page de renouvellement n'envoie le secret du lien à aucun autre site, avant comme après un refus
    Étant donné qu'il a reçu deux mails de renouvellement
    Quand il clique sur « Renouveler mon mot de passe » dans le mail le plus récent
    Et qu'il choisit le nouveau mot de passe « nouveau-mdp-2026 »
    Alors le mot de passe est refusé pour la seule règle « Contenir des caractères latins minuscules et majuscules »
    Et aucune requête partie vers un autre site ne porte le secret du lien

  @securite @horloge
  Scénario: Le secret du lien porte au moins 128 bits de hasard
    Étant donné qu'il a reçu 5 mails de renouvellement, espacés autant que la limite des demandes l'exige
    Alors la partie secrète de leurs liens porte au moins 128 bits de hasard, en ne comptant que ce qui varie d'un lien à l'autre

  @securite
  Scénario: Le lien ne dit rien de l'assuré, même décodé
    Étant donné qu'il a reçu deux mails de renouvellement
    Alors leurs liens, même décodés, ne disent ni son numéro de sécurité sociale, ni son adresse mail, ni sa date de naissance

  @securite
  Plan du scénario: Un lien inconnu, <lien>, est refusé comme n'étant plus valide
    Étant donné qu'il a reçu deux mails de renouvellement
    Quand il ouvre le lien du mail le plus récent <lien>
    Alors le site ne répond pas par une page d'erreur du serveur
    Et le lien est refusé avec le message « Ce lien de renouvellement n'est plus valide. Utilisez le lien du mail le plus récent. »
    Quand il clique sur « Mot de passe oublié ? »
    Alors la page « Mot de passe oublié » s'affiche

    Exemples:
      | lien                              |
      | privé de son dernier caractère    |
      | augmenté d'un caractère           |
      | dont le secret est tiré au hasard |

  @securite
  Scénario: Changer son mot de passe ne connecte pas l'assuré
    Étant donné qu'il a reçu le mail de renouvellement
    Et qu'il a ouvert le lien du mail
    Quand il choisit le nouveau mot de passe « Nouveau-Mdp-2026 »
    Alors le mot de passe est accepté
    Et il n'est pas connecté à son compte
    Quand il clique sur « Connectez-vous »
    Alors la page « Connexion à mon compte ameli » s'affiche
    Et il n'est pas connecté à son compte

  @securite
  Scénario: Les champs de mot de passe masquent la saisie, à la connexion comme au renouvellement
    Étant donné que l'assuré est sur la page de connexion
    Alors le champ « Mot de passe » de la connexion masque la saisie
    Quand il ouvre le lien d'un nouveau mail de renouvellement
    Alors les champs du nouveau mot de passe masquent la saisie

  @securite
  Scénario: Un mot de passe refusé n'est réécrit nulle part dans la page
    Étant donné qu'il a ouvert le lien de son mail de renouvellement
    Quand il choisit le nouveau mot de passe « secret-jamais-reecrit-2026 »
    Alors le mot de passe est refusé pour la seule règle « Contenir des caractères latins minuscules et majuscules »
    Et le mot de passe refusé n'est réécrit nulle part dans la page
    Quand il se connecte avec le mot de passe « secret-jamais-reecrit-2026 »
    Alors la connexion est refusée, sans réécrire le mot de passe saisi

  @securite
  Scénario: Le même lien validé en même temps sur deux appareils ne change le mot de passe qu'une fois
    Étant donné qu'il a reçu le mail de renouvellement
    Et qu'il a ouvert le lien du mail sur son ordinateur et sur son téléphone
    Quand il valide au même moment un nouveau mot de passe sur ses deux appareils
    Alors un seul de ses appareils affiche la page « Votre nouveau mot de passe a bien été enregistré »
    Et l'autre refuse le lien avec le message « Ce lien de renouvellement n'est plus valide. Utilisez le lien du mail le plus récent. »
    Et il reçoit le mail « Votre compte ameli – votre mot de passe a été modifié »
    Et seul le mot de passe validé sur l'appareil qui l'a emporté lui ouvre son compte

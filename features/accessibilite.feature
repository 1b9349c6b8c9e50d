# language: fr
Fonctionnalité: Accessibilité du parcours « Mot de passe oublié » (RGAA 4.1.2, WCAG 2.1 AA)
  ameli est un service public : le RGAA s'impose à lui. Une personne aveugle, malvoyante
  ou qui n'utilise que le clavier doit pouvoir renouveler son mot de passe comme les autres.
  Chaque page du parcours, messages d'erreur compris, est passée au crible des règles
  WCAG 2.1 niveaux A et AA de l'outil axe-core, à la taille d'un ordinateur et à celle
  d'un téléphone. Un message d'erreur n'est reconnu que s'il est annoncé aux lecteurs
  d'écran (rôle « alert »).

  @accessibilite
  Scénario: L'accueil, la connexion et son refus sont accessibles
    Étant donné un assuré dont le compte a une adresse mail validée
    Et que l'assuré est sur la page d'accueil du site
    Alors la page respecte les règles d'accessibilité, sur ordinateur comme sur téléphone
    Et la page a un titre, un seul titre de niveau 1 et se déclare en français
    Quand il clique sur « Connectez-vous »
    Alors la page respecte les règles d'accessibilité, sur ordinateur comme sur téléphone
    Et la page a un titre, un seul titre de niveau 1 et se déclare en français
    Et le champ « Numéro de sécurité sociale » propose la saisie automatique « username »
    Et le champ « Mot de passe » propose la saisie automatique « current-password »
    Quand il se connecte avec un mot de passe erroné
    Alors le message d'erreur « Numéro de sécurité sociale ou mot de passe incorrect. » s'affiche
    Et les champs « Numéro de sécurité sociale ; Mot de passe » sont signalés en erreur
    Et la page respecte les règles d'accessibilité, sur ordinateur comme sur téléphone

  @accessibilite
  Scénario: La page « Mot de passe oublié » se lit avec un lecteur d'écran
    Étant donné qu'il est sur la page « Mot de passe oublié »
    Alors la page respecte les règles d'accessibilité, sur ordinateur comme sur téléphone
    Et la page a un titre, un seul titre de niveau 1 et se déclare en français
    Et un lecteur d'écran y lit dans l'ordre le titre, les deux champs, le captcha et le bouton « Recevoir le mail »
    Et la description du champ « Numéro de sécurité sociale » donne son format
    Et la description du champ « Date de naissance » donne son format
    Et le champ « Date de naissance » propose la saisie automatique « bday »

  @accessibilite
  Scénario: Le captcha a une alternative sonore au clavier et annonce son délai à l'avance
    Étant donné qu'il est sur la page « Mot de passe oublié »
    Alors l'image des caractères à recopier est affichée
    Et le délai de 5 minutes est annoncé avant les caractères à recopier
    Quand au clavier, il écoute les caractères avec le microphone
    Alors la page joue un son
    Quand au clavier, il revient à la flèche et demande une nouvelle liste de caractères
    Alors de nouveaux caractères à recopier sont affichés
    Et à chaque appui sur Tab, le focus était visible et suivait l'ordre de la page

  @accessibilite
  Plan du scénario: Chaque erreur de la page « Mot de passe oublié » est annoncée et désigne ses champs
    Étant donné un assuré dont le compte a une adresse mail validée
    Et qu'il est sur la page « Mot de passe oublié »
    Quand il <saisie>
    Et qu'il recopie <caractères>
    Et qu'il clique sur « Recevoir le mail »
    Alors le message d'erreur « <message> » s'affiche
    Et les champs « <champs en erreur> » sont signalés en erreur
    Et la description du champ « Numéro de sécurité sociale » donne son format
    Et la description du champ « Date de naissance » donne son format
    Et la page respecte les règles d'accessibilité, sur ordinateur comme sur téléphone

    Exemples:
      | saisie                                                                                | caractères              | message                                                                              | champs en erreur                               |
      | saisit le numéro « 12345 » et la date de naissance « 32/13/1985 »                     | les caractères affichés | Votre numéro de sécurité sociale doit contenir 13 caractères : des chiffres, A ou B. | Numéro de sécurité sociale ; Date de naissance |
      | saisit le numéro « 1850775123456 » et la date de naissance « demain »                 | les caractères affichés | La date de naissance doit être inférieure à la date du jour.                         | Date de naissance                              |
      | saisit son numéro de sécurité sociale et sa date de naissance                         | des caractères erronés  | Les caractères saisis ne correspondent pas. Veuillez recommencer.                    | Recopiez les caractères                        |
      | saisit un numéro de sécurité sociale qu'aucun compte ne porte et sa date de naissance | les caractères affichés | Les informations saisies ne permettent pas de vous identifier.                       | Numéro de sécurité sociale ; Date de naissance |

  @accessibilite @horloge
  Scénario: Le délai du captcha dépassé est annoncé sur le champ des caractères
    Étant donné un assuré dont le compte a une adresse mail validée
    Et qu'il est sur la page « Mot de passe oublié »
    Quand il saisit son numéro de sécurité sociale et sa date de naissance
    Et qu'il recopie les caractères affichés
    Et que 5 minutes et 1 seconde s'écoulent
    Et qu'il clique sur « Recevoir le mail »
    Alors le message d'erreur « Le délai de 5 minutes pour recopier les caractères est dépassé. Veuillez recommencer. » s'affiche
    Et le champ « Recopiez les caractères » est signalé en erreur
    Et la page respecte les règles d'accessibilité, sur ordinateur comme sur téléphone

  @accessibilite
  Scénario: L'envoi impossible faute d'adresse validée est accessible
    Étant donné un assuré dont le compte n'a pas d'adresse mail
    Quand il demande le renouvellement de son mot de passe
    Alors le message d'erreur « L'envoi du mail de renouvellement est impossible : aucune adresse mail validée n'est associée à votre compte. » s'affiche
    Et la page respecte les règles d'accessibilité, sur ordinateur comme sur téléphone

  @accessibilite
  Scénario: La notification d'envoi et le blocage pour trop de demandes sont accessibles
    Étant donné un assuré dont le compte a une adresse mail validée
    Et qu'il a reçu autant de mails de renouvellement que le site en autorise
    Alors la page « Consultez votre boîte mail » s'affiche
    Et la page respecte les règles d'accessibilité, sur ordinateur comme sur téléphone
    Et la page a un titre, un seul titre de niveau 1 et se déclare en français
    Quand il demande le renouvellement de son mot de passe
    Alors le message d'erreur « Vous avez demandé trop de mails de renouvellement. Le service est bloqué pendant une courte période, veuillez réessayer plus tard. » s'affiche
    Et la page respecte les règles d'accessibilité, sur ordinateur comme sur téléphone

  @accessibilite
  Scénario: Le choix du nouveau mot de passe et ses refus sont accessibles
    Étant donné un assuré dont le compte a une adresse mail validée
    Et qu'il a reçu le mail de renouvellement
    Et qu'il a ouvert le lien du mail
    Alors la page respecte les règles d'accessibilité, sur ordinateur comme sur téléphone
    Et la page a un titre, un seul titre de niveau 1 et se déclare en français
    Et un lecteur d'écran y lit dans l'ordre le titre, les cinq règles, les deux champs et le bouton de validation
    Et le champ « Nouveau mot de passe » propose la saisie automatique « new-password »
    Et le champ « Confirmation du nouveau mot de passe » propose la saisie automatique « new-password »
    Quand il choisit le nouveau mot de passe « abc »
    Alors le message d'erreur « Comporter entre 8 et 50 caractères » s'affiche
    Et le champ « Nouveau mot de passe » est signalé en erreur
    Et la page respecte les règles d'accessibilité, sur ordinateur comme sur téléphone
    Quand il choisit le nouveau mot de passe « Nouveau-Mdp-2026 » et le confirme par « Nouveau-Mdp-2025 »
    Alors le message d'erreur « Les deux mots de passe saisis ne sont pas identiques. » s'affiche
    Et le champ « Confirmation du nouveau mot de passe » est signalé en erreur
    Et la page respecte les règles d'accessibilité, sur ordinateur comme sur téléphone
    Quand il choisit le nouveau mot de passe « Nouveau-Mdp-2026 »
    Alors la page « Votre nouveau mot de passe a bien été enregistré » s'affiche
    Et la page respecte les règles d'accessibilité, sur ordinateur comme sur téléphone
    Et la page a un titre, un seul titre de niveau 1 et se déclare en français

  @accessibilite @horloge
  Scénario: Les liens périmés ou remplacés sont refusés de façon accessible
    Étant donné un assuré dont le compte a une adresse mail validée
    Et qu'il a reçu le mail de renouvellement
    Et qu'il a ensuite reçu un nouveau mail de renouvellement
    Quand il clique sur « Renouveler mon mot de passe » dans le mail précédent
    Alors le lien est refusé avec le message « Ce lien de renouvellement n'est plus valide. Utilisez le lien du mail le plus récent. »
    Et la page respecte les règles d'accessibilité, sur ordinateur comme sur téléphone
    Et la page a un titre, un seul titre de niveau 1 et se déclare en français
    Quand 30 minutes et 1 seconde s'écoulent
    Et qu'il clique sur « Renouveler mon mot de passe » dans le mail le plus récent
    Alors le lien est refusé avec le message « Ce lien de renouvellement a expiré. Veuillez refaire la démarche Mot de passe oublié. »
    Et la page respecte les règles d'accessibilité, sur ordinateur comme sur téléphone

  @accessibilite
  Scénario: Tout le parcours se fait au clavier seul, de l'accueil à la connexion avec le nouveau mot de passe
    Étant donné un assuré dont le compte a une adresse mail validée
    Et que l'assuré est sur la page d'accueil du site
    Quand au clavier, il suit le lien « Connectez-vous »
    Et qu'au clavier, il suit le lien « Mot de passe oublié ? »
    Et qu'au clavier, il saisit son numéro de sécurité sociale et sa date de naissance
    Et qu'au clavier, il écoute les caractères avec le microphone
    Alors la page joue un son
    Quand au clavier, il revient à la flèche et demande une nouvelle liste de caractères
    Et qu'au clavier, il recopie les caractères et valide par « Recevoir le mail »
    Alors la page « Consultez votre boîte mail » s'affiche
    Et il reçoit le mail « Votre compte ameli – renouveler mon mot de passe »
    Quand au clavier, dans le mail reçu, il suit le lien « Renouveler mon mot de passe »
    Et qu'au clavier, il choisit le nouveau mot de passe « Nouveau-Mdp-2026 »
    Alors la page « Votre nouveau mot de passe a bien été enregistré » s'affiche
    Quand au clavier, il suit le lien « Connectez-vous »
    Et qu'au clavier, il se connecte avec son nouveau mot de passe
    Alors la page « Mon compte ameli » s'affiche
    Et dans un autre navigateur, son ancien mot de passe ne lui ouvre plus son compte
    Et la page respecte les règles d'accessibilité, sur ordinateur comme sur téléphone
    Et à chaque appui sur Tab, le focus était visible et suivait l'ordre de la page

  @accessibilite
  Scénario: Zoomée à 200 % ou sur téléphone, la page « Mot de passe oublié » reste utilisable
    Étant donné qu'il est sur la page « Mot de passe oublié »
    Quand la page est affichée en « zoom à 200 % »
    Alors chaque champ et chaque bouton reste utilisable sans défilement horizontal
    Quand la page est affichée en « téléphone »
    Alors chaque champ et chaque bouton reste utilisable sans défilement horizontal

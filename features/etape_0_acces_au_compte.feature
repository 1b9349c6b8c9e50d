# language: fr
Fonctionnalité: Étape 0 - L'assuré se rend sur le compte ameli via le site ameli.fr
  L'assuré se rend dans l'espace de connexion au compte ameli
  en cliquant sur « Connectez-vous ». Il s'y connecte avec son numéro de
  sécurité sociale, écrit comme sur le formulaire « Mot de passe oublié »
  (13 caractères, 2A ou 2B en majuscules ou en minuscules pour la Corse, les
  espaces et les points ne comptant pas), et son mot de passe.

  @etape-0
  Scénario: L'assuré rejoint l'espace de connexion depuis la page d'accueil
    Étant donné que l'assuré est sur la page d'accueil du site
    Quand il clique sur « Connectez-vous »
    Alors la page « Connexion à mon compte ameli » s'affiche

  @etape-0
  Plan du scénario: À la connexion aussi, le numéro de sécurité sociale est accepté sous chacune de ses formes permises
    Étant donné un assuré <né> dont le compte a une adresse mail validée
    Quand il se connecte avec son numéro de sécurité sociale <écrit> et son mot de passe
    Alors la page « Mon compte ameli » s'affiche

    Exemples:
      | né                 | écrit            |
      | né en métropole    | tel quel         |
      | né en Corse-du-Sud | tel quel         |
      | né en Haute-Corse  | en minuscules    |
      | né en métropole    | avec des espaces |
      | né en métropole    | avec des points  |

# language: fr
Fonctionnalité: Étape 0 - L'assuré se rend sur le compte ameli via le site ameli.fr
  L'assuré se rend dans l'espace de connexion au compte ameli
  en cliquant sur « Connectez-vous ».

  @etape-0
  Scénario: L'assuré rejoint l'espace de connexion depuis la page d'accueil
    Étant donné que l'assuré est sur la page d'accueil du site
    Quand il clique sur « Connectez-vous »
    Alors la page « Connexion à mon compte ameli » s'affiche
